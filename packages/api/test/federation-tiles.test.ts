/**
 * A federation's tile server (#19): staff set it, its editions' maps read it (publicly), `null`
 * clears it. Bad input is refused with userErrors; another federation's staff, moderators and
 * members are refused; nothing changes on any refusal. A kept public answer lets go of old tiles,
 * whether the mutation or SQL changed them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueKey } from '../src/auth/keys.ts';
import {
  editions,
  federationMembers,
  federations,
  organisations,
  series,
} from '../src/db/schema.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { waitFor } from './live-support.ts';
import {
  createClient,
  getAnswer,
  memberKey,
  openTestDatabase,
  personSession,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
const keys: Record<string, string> = {};
const sessions: Record<string, string> = {};

const SET = `mutation($input: SetFederationTilesInput!) { setFederationTiles(input: $input) {
  federation { slug tiles { url attribution licenceUrl } } userErrors { field message code } } }`;
const READ = `query($f: String!, $e: String!) {
  federation(slug: $f) { tiles { url attribution licenceUrl } }
  edition(slug: $e) { tiles { url attribution licenceUrl } } }`;

const SDFI = {
  url: 'https://api.dataforsyningen.dk/topo_skaermkort_DAF/{z}/{x}/{y}.png',
  attribution: '© SDFI, CC BY 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
};

async function setUp(p: string): Promise<void> {
  const db = t.database.db;
  const [fed] = await db.insert(federations).values({ slug: p, name: p }).returning();
  const [s] = await db
    .insert(series)
    .values({ slug: `${p}-series`, name: p, federationId: fed!.id })
    .returning();
  await db.insert(editions).values({
    slug: `${p}-2027`,
    name: p,
    date: '2027-06-10',
    timeZone: 'Europe/Copenhagen',
    country: 'DK',
    seriesId: s!.id,
  });
  const [org] = await db
    .insert(organisations)
    .values({
      slug: `${p}-org`,
      name: `${p} org`,
      kind: 'COMPANY',
      approvedAt: new Date(),
    } as never)
    .returning();
  await db
    .insert(federationMembers)
    .values({ federationId: fed!.id, organisationId: org!.id, joinedOn: '2020-01-01' });
  keys[p] = (
    await issueKey(db, {
      organisationId: null,
      federationId: fed!.id,
      scopes: ['LOCATIONS_WRITE'],
      label: `${p} staff`,
    })
  ).secret;
  keys[`${p}-org`] = await memberKey(t.database, org!.id);
  sessions[`${p}-admin`] = await personSession(t.database, {
    email: `admin@${p}.test`,
    role: 'admin',
    federationId: fed!.id,
  });
  sessions[`${p}-moderator`] = await personSession(t.database, {
    email: `moderator@${p}.test`,
    role: 'moderator',
    federationId: fed!.id,
  });
  sessions[`${p}-coordinator`] = await personSession(t.database, {
    email: `coordinator@${p}.test`,
    organisationId: org!.id,
  });
}

beforeAll(async () => {
  t = await openTestDatabase();
  gql = createClient(t.database).gql;
  keys['instance'] = await staffKey(t.database);
  await setUp('north');
  await setUp('south');
  // The instance's own edition: no series, no federation.
  await t.database.db
    .insert(editions)
    .values({ slug: 'own-2027', name: 'Own', date: '2027-10-14', timeZone: 'Europe/Amsterdam' });
});
afterAll(() => t.close());

/** What a change could touch: the federations and the audit trail. */
async function snapshot(): Promise<unknown> {
  const db = t.database.db;
  return {
    federations: rowsOf(await db.execute(sql`SELECT * FROM federations ORDER BY id`)),
    audit: rowsOf(await db.execute(sql`SELECT * FROM audit_events ORDER BY id`)),
  };
}

const read = async (f = 'north', e = `${f}-2027`) => (await gql(READ, { f, e })).data;

describe('setFederationTiles', () => {
  it('none at first: the federation and its edition read null, as the instance’s own edition', async () => {
    expect(await read()).toEqual({ federation: { tiles: null }, edition: { tiles: null } });
    expect((await gql('{ edition(slug: "own-2027") { tiles { url } } }')).data).toEqual({
      edition: { tiles: null },
    });
  });

  it('the instance’s staff set them; anyone reads them on the federation and its editions', async () => {
    const answer = await gql(
      SET,
      { input: { federation: 'north', tiles: { ...SDFI, url: ` ${SDFI.url} ` } } },
      { key: keys['instance'] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['setFederationTiles']).toEqual({
      federation: { slug: 'north', tiles: SDFI },
      userErrors: [],
    });
    // Read without a key: tile servers are not private.
    expect(await read()).toEqual({ federation: { tiles: SDFI }, edition: { tiles: SDFI } });
    // Another federation's editions keep theirs (none).
    expect(await read('south')).toEqual({ federation: { tiles: null }, edition: { tiles: null } });
    const [event] = rowsOf<{ action: string; details: unknown }>(
      await t.database.db.execute(
        sql`SELECT action, details FROM audit_events WHERE action = 'SET_FEDERATION_TILES' ORDER BY id DESC LIMIT 1`,
      ),
    );
    expect(event).toEqual({
      action: 'SET_FEDERATION_TILES',
      details: {
        federation: { from: 'north', to: 'north' },
        url: { from: null, to: SDFI.url },
        attribution: { from: null, to: SDFI.attribution },
        licenceUrl: { from: null, to: SDFI.licenceUrl },
      },
    });
  });

  it('the federation’s own staff key and admins set and clear them; plain http only on this machine', async () => {
    const local = { url: 'http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', attribution: 'Local' };
    for (const opts of [
      { key: keys['south'] },
      { headers: sessionHeaders(sessions['south-admin']!) },
    ]) {
      const set = await gql(SET, { input: { federation: 'south', tiles: local } }, opts);
      expect(set.data!['setFederationTiles']).toEqual({
        federation: { slug: 'south', tiles: { ...local, licenceUrl: null } },
        userErrors: [],
      });
      const cleared = await gql(SET, { input: { federation: 'south', tiles: null } }, opts);
      expect(cleared.data!['setFederationTiles'].federation.tiles).toBeNull();
      expect(await read('south')).toEqual({
        federation: { tiles: null },
        edition: { tiles: null },
      });
    }
    // Left out, as null: cleared.
    await gql(SET, { input: { federation: 'south', tiles: local } }, { key: keys['south'] });
    await gql(SET, { input: { federation: 'south' } }, { key: keys['south'] });
    expect(await read('south')).toEqual({ federation: { tiles: null }, edition: { tiles: null } });
  });

  it('refuses bad tiles with userErrors, nothing changed', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ url: 'http://tiles.example.org/{z}/{x}/{y}.png' }, 'url', 'INVALID_URL'],
      [{ url: 'ftp://tiles.example.org/{z}/{x}/{y}.png' }, 'url', 'INVALID_URL'],
      [{ url: 'tiles/{z}/{x}/{y}.png' }, 'url', 'INVALID_URL'],
      [{ url: 'https://tiles.example.org/{z}/{x}.png' }, 'url', 'INVALID'],
      [{ url: 'https://tiles.example.org/tile.png' }, 'url', 'INVALID'],
      [{ url: `https://tiles.example.org/${'a'.repeat(480)}/{z}/{x}/{y}.png` }, 'url', 'TOO_LONG'],
      [{ attribution: '' }, 'attribution', 'REQUIRED'],
      [{ attribution: '   ' }, 'attribution', 'REQUIRED'],
      [{ attribution: 'x'.repeat(301) }, 'attribution', 'TOO_LONG'],
      [{ attribution: '<a href="https://x.test">SDFI</a>' }, 'attribution', 'INVALID'],
      [{ licenceUrl: 'ftp://licences.example.org/by' }, 'licenceUrl', 'INVALID_URL'],
      [{ licenceUrl: 'javascript:alert(1)' }, 'licenceUrl', 'INVALID_URL'],
    ];
    const before = await snapshot();
    for (const [change, field, code] of cases) {
      const answer = await gql(
        SET,
        { input: { federation: 'south', tiles: { ...SDFI, ...change } } },
        { key: keys['instance'] },
      );
      expect(answer.errors, JSON.stringify(change)).toBeUndefined();
      const { federation, userErrors } = answer.data!['setFederationTiles'];
      expect(federation).toBeNull();
      expect(
        userErrors.map((e: any) => [e.field, e.code]),
        JSON.stringify(change),
      ).toEqual([[['tiles', field], code]]);
      expect(userErrors[0].message.length).toBeGreaterThan(10);
    }
    // An unknown federation.
    const unknown = await gql(
      SET,
      { input: { federation: 'nowhere', tiles: SDFI } },
      { key: keys['instance'] },
    );
    expect(unknown.data!['setFederationTiles'].userErrors).toEqual([
      { field: ['federation'], code: 'NOT_FOUND', message: 'No federation with slug "nowhere".' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('another federation’s staff are refused as for a federation that is not there; moderators and members too', async () => {
    const before = await snapshot();
    const input = (federation: string) => ({ input: { federation, tiles: SDFI } });
    for (const opts of [
      { key: keys['south'] },
      { headers: sessionHeaders(sessions['south-admin']!) },
    ]) {
      const theirs = await gql(SET, input('north'), opts);
      expect(theirs.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(theirs.data?.['setFederationTiles'] ?? null).toBeNull();
      const none = await gql(SET, input('nowhere'), opts);
      expect(none.errors?.[0]?.message.replace('nowhere', '*')).toBe(
        theirs.errors?.[0]?.message.replace('north', '*'),
      );
    }
    for (const opts of [
      { headers: sessionHeaders(sessions['north-moderator']!) },
      { headers: sessionHeaders(sessions['north-coordinator']!) },
      { key: keys['north-org'] },
    ]) {
      const answer = await gql(SET, input('north'), opts);
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect((await gql(SET, input('north'))).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect(await snapshot()).toEqual(before);
    expect((await read())!['edition'].tiles).toEqual(SDFI);
  });
});

describe('kept public answers', () => {
  const MAP = '{ edition(slug: "north-2027") { timeZone tiles { url attribution } } }';

  it('let go of old tiles when the mutation, or SQL, changes them', async () => {
    const app = createApp({
      database: t.database,
      publicApi: { responseCache: true, rateLimit: false },
    });
    // It hears the database's announcements, as server.ts does.
    await app.live.start();
    try {
      const get = async (etag?: string) => {
        const answer = await getAnswer(app, MAP, {}, etag);
        return { ...answer, tiles: answer.body?.data.edition.tiles };
      };
      const first = await get();
      expect(first.tiles.url).toBe(SDFI.url);
      // Kept: the same again is answered from memory.
      expect((await get(first.etag!)).status).toBe(304);
      const mine = { url: 'https://tiles.north.test/{z}/{x}/{y}.png', attribution: 'North' };
      const set = await app.fetch('http://tafel.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys['north']}` },
        body: JSON.stringify({
          query: SET,
          variables: { input: { federation: 'north', tiles: mine } },
        }),
      });
      expect(((await set.json()) as any).data.setFederationTiles.userErrors).toEqual([]);
      const second = await get(first.etag!);
      expect(second.status).toBe(200);
      expect(second.tiles).toEqual(mine);
      // On PostgreSQL the trigger's announcement of the same change comes over LISTEN a moment
      // later and lets go once more: kept again once it is in.
      await waitFor(
        async () => (await get((await get()).etag!)).status === 304,
        2000,
        'the new tiles kept',
      );
      // As psql would: the table's trigger announces it.
      await t.database.db.execute(
        sql`UPDATE federations SET tile_url = NULL, tile_attribution = NULL, tile_licence_url = NULL WHERE slug = 'north'`,
      );
      await waitFor(async () => (await get()).tiles === null, 2000, 'the tiles cleared in SQL');
    } finally {
      await app.live.close();
    }
  });

  it('the database refuses a URL without its attribution', async () => {
    await t.database.db.execute(
      sql`UPDATE federations SET tile_url = NULL, tile_attribution = NULL, tile_licence_url = NULL WHERE slug = 'north'`,
    );
    const refusal = await t.database.db
      .execute(
        sql`UPDATE federations SET tile_url = 'https://x.test/{z}/{x}/{y}.png' WHERE slug = 'north'`,
      )
      .then(
        () => 'stored',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(refusal).toMatch(/federations_tiles_whole/);
  });
});
