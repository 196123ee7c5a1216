/**
 * Host links: created by the venue's organisation or staff (GraphQL and the command line), they
 * report participation at their one venue and do nothing else; revoked, expired, forged and
 * misdirected ones are refused and change nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
  UPDATE,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  keys['staff'] = await staffKey(t.database);
  keys['asito'] = await memberKey(t.database, fx.asito.id);
  keys['asitoVenuesOnly'] = await memberKey(t.database, fx.asito.id, ['LOCATIONS_WRITE']);
  keys['utrecht'] = await memberKey(t.database, fx.utrecht.id);
});
afterAll(() => t.close());

const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);

const CREATE_LINK = `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token url expiresAt hostLink { prefix createdBy expiresAt revokedAt location { name } } userErrors { field message code } } }`;
const REVOKE_LINK = `mutation($input: RevokeHostLinkInput!) { revokeHostLink(input: $input) { hostLink { prefix revokedAt } userErrors { field message code } } }`;
const LIST_LINKS = `query($location: ID!, $all: Boolean) { hostLinks(location: $location, includeRevoked: $all) { prefix createdBy revokedAt } }`;
const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { name participants } userErrors { field message code } } }`;
const REPORT = `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { location { name participants } userErrors { field message code } } }`;

async function newLink(
  venue: string,
  key = keys['asito']!,
): Promise<{ token: string; prefix: string }> {
  const r = await gql(CREATE_LINK, { input: { location: id(venue) } }, { key });
  expect(r.data!['createHostLink'].userErrors).toEqual([]);
  return {
    token: r.data!['createHostLink'].token,
    prefix: r.data!['createHostLink'].hostLink.prefix,
  };
}

/** Everything a request could change. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of [
    'locations',
    'participation_log',
    'participation_requests',
    'location_changes',
    'host_links',
    'organisations',
    'editions',
  ]) {
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  }
  return JSON.parse(JSON.stringify(out));
}

describe('creating host links', () => {
  it('the venue’s organisation creates one: a URL and token shown once, working until 06:00 after the day', async () => {
    const r = await gql(
      CREATE_LINK,
      { input: { location: id('Heracles Stadion') } },
      { key: keys['asito'] },
    );
    const made = r.data!['createHostLink'];
    expect(made.userErrors).toEqual([]);
    expect(made.token).toMatch(/^tafelhost_[A-Za-z0-9_-]{43}$/);
    expect(made.url).toBe(`http://localhost:4000/host/${made.token}`);
    // 14 October 2027 in Amsterdam (CEST, UTC+2): the link works until 15 October, 06:00 there.
    expect(made.expiresAt).toBe('2027-10-15T04:00:00.000Z');
    expect(made.hostLink).toEqual({
      prefix: made.token.slice(0, 18),
      createdBy: keys['asito']!.slice(0, 14),
      expiresAt: '2027-10-15T04:00:00.000Z',
      revokedAt: null,
      location: { name: 'Heracles Stadion' },
    });
    const [stored] = rowsOf<{ hash: string }>(
      await t.database.db.execute(
        sql`SELECT hash FROM host_links WHERE prefix = ${made.hostLink.prefix}`,
      ),
    );
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await snapshot())).not.toContain(made.token);
  });

  it('staff create one for any venue; the list shows links without their tokens', async () => {
    const link = await newLink('Buurthuis De Ster', keys['staff']);
    const listed = await gql(
      LIST_LINKS,
      { location: id('Buurthuis De Ster') },
      { key: keys['utrecht'] },
    );
    expect(listed.data!['hostLinks']).toEqual([
      { prefix: link.prefix, createdBy: keys['staff']!.slice(0, 14), revokedAt: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(link.token);
  });

  it('refuses another organisation, a key without PARTICIPATION_WRITE, a host link, and changes nothing', async () => {
    const link = await newLink('Heracles Stadion');
    const before = await snapshot();
    const other = await gql(
      CREATE_LINK,
      { input: { location: id('Heracles Stadion') } },
      { key: keys['utrecht'] },
    );
    expect(other.data!['createHostLink'].userErrors).toMatchObject([
      { field: ['input', 'location'], code: 'FORBIDDEN' },
    ]);
    const hidden = await gql(
      CREATE_LINK,
      { input: { location: id('Concept lunch') } },
      { key: keys['utrecht'] },
    );
    expect(hidden.data!['createHostLink'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const venuesOnly = await gql(
      CREATE_LINK,
      { input: { location: id('Heracles Stadion') } },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(venuesOnly.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const byLink = await gql(
      CREATE_LINK,
      { input: { location: id('Heracles Stadion') } },
      { key: link.token },
    );
    expect(byLink.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const anonymous = await gql(CREATE_LINK, { input: { location: id('Heracles Stadion') } });
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const listOther = await gql(
      LIST_LINKS,
      { location: id('Heracles Stadion') },
      { key: keys['utrecht'] },
    );
    expect(listOther.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a cancelled venue and a venue whose day is over', async () => {
    const cancelled = await gql(
      CREATE_LINK,
      { input: { location: id('Geannuleerd diner') } },
      { key: keys['asito'] },
    );
    expect(cancelled.data!['createHostLink'].userErrors).toMatchObject([{ code: 'CANCELLED' }]);
    const past = await gql(
      CREATE_LINK,
      { input: { location: id('Vorig jaar') } },
      { key: keys['asito'] },
    );
    expect(past.data!['createHostLink'].userErrors).toMatchObject([
      { code: 'EXPIRED', message: expect.stringMatching(/2026-10-09T04:00:00.000Z/) },
    ]);
  });
});

describe('reporting with a host link', () => {
  it('records arrivals and counts at its venue, logged as the link', async () => {
    const link = await newLink('Moskee Bergen op Zoom', keys['staff']);
    const before = fx.locations['Moskee Bergen op Zoom']!.participants;
    const up = await gql(
      ARRIVE,
      {
        input: {
          location: id('Moskee Bergen op Zoom'),
          delta: 3,
          idempotencyKey: 'host-tap-00001',
        },
      },
      { key: link.token },
    );
    expect(up.data!['recordArrivals']).toEqual({
      location: { name: 'Moskee Bergen op Zoom', participants: before + 3 },
      userErrors: [],
    });
    const again = await gql(
      ARRIVE,
      {
        input: {
          location: id('Moskee Bergen op Zoom'),
          delta: 3,
          idempotencyKey: 'host-tap-00001',
        },
      },
      { key: link.token },
    );
    expect(again.data!['recordArrivals'].location.participants).toBe(before + 3);
    const set = await gql(
      REPORT,
      { input: { location: id('Moskee Bergen op Zoom'), participants: 245 } },
      { key: link.token },
    );
    expect(set.data!['reportParticipation'].location.participants).toBe(245);
    const log = rowsOf<{ actor: string; api_key_id: number | null; new_value: number }>(
      await t.database.db.execute(
        sql`SELECT actor, api_key_id, new_value FROM participation_log WHERE location_id = ${fx.locations['Moskee Bergen op Zoom']!.id} ORDER BY id`,
      ),
    );
    expect(log).toEqual([
      { actor: link.prefix, api_key_id: null, new_value: before + 3 },
      { actor: link.prefix, api_key_id: null, new_value: 245 },
    ]);
  });

  it('refuses another venue (FORBIDDEN if public, NOT_FOUND if hidden) and changes nothing', async () => {
    const link = await newLink('Heracles Stadion');
    const before = await snapshot();
    const sameOrg = await gql(
      ARRIVE,
      { input: { location: id('Ontbijt AZC Almelo'), delta: 1 } },
      { key: link.token },
    );
    expect(sameOrg.data!['recordArrivals']).toEqual({
      location: null,
      userErrors: [
        {
          field: ['input', 'location'],
          code: 'FORBIDDEN',
          message: 'This host link is for another venue.',
        },
      ],
    });
    const otherOrg = await gql(
      REPORT,
      {
        input: {
          location: id('Stadhuis Utrecht'),
          participants: 1,
          idempotencyKey: 'elsewhere-0001',
        },
      },
      { key: link.token },
    );
    expect(otherOrg.data!['reportParticipation'].userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const draft = await gql(
      ARRIVE,
      { input: { location: id('Concept lunch'), delta: 1 } },
      { key: link.token },
    );
    expect(draft.data!['recordArrivals'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const missing = await gql(
      ARRIVE,
      { input: { location: encodeGlobalId('Location', 999999), delta: 1 } },
      { key: link.token },
    );
    expect(missing.data!['recordArrivals'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('may do nothing else: no edits, no keys, no other links, and reads only what the public sees', async () => {
    const link = await newLink('Heracles Stadion');
    const before = await snapshot();
    const edit = await gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), capacity: 700 } },
      { key: link.token },
    );
    expect(edit.status).toBe(403);
    expect(edit.errors![0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/host link may only report participation/),
    });
    const issue = await gql(
      `mutation { issueApiKey(input: { organisation: "asito", scopes: [PARTICIPATION_WRITE] }) { secret } }`,
      {},
      { key: link.token },
    );
    expect(issue.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const revoke = await gql(REVOKE_LINK, { input: { prefix: link.prefix } }, { key: link.token });
    expect(revoke.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const list = await gql(LIST_LINKS, { location: id('Heracles Stadion') }, { key: link.token });
    expect(list.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    // The draft is Asito's, as is the link's venue: still hidden from the link, as from the public.
    const draft = await gql(
      `query($id: ID!) { node(id: $id) { id } viewer { keyPrefix } }`,
      { id: id('Concept lunch') },
      { key: link.token },
    );
    expect(draft.data).toEqual({ node: null, viewer: null });
    const sensitive = await gql(
      `query($id: ID!) { node(id: $id) { ... on Location { coordinates { lat lng } } } }`,
      { id: id('Ontbijt AZC Almelo') },
      { key: link.token },
    );
    expect(sensitive.data!['node'].coordinates).toEqual({ lat: 52.37, lng: 6.67 });
    expect(await snapshot()).toEqual(before);
  });

  it('a revoked, expired, forged or malformed link is refused outright and changes nothing', async () => {
    const revoked = await newLink('Heracles Stadion');
    const expired = await newLink('Heracles Stadion');
    const listedBefore = await gql(
      LIST_LINKS,
      { location: id('Heracles Stadion') },
      { key: keys['asito'] },
    );
    const notMine = await gql(
      REVOKE_LINK,
      { input: { prefix: revoked.prefix } },
      { key: keys['utrecht'] },
    );
    expect(notMine.data!['revokeHostLink'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const r = await gql(REVOKE_LINK, { input: { prefix: revoked.prefix } }, { key: keys['asito'] });
    expect(r.data!['revokeHostLink']).toMatchObject({
      hostLink: { prefix: revoked.prefix, revokedAt: expect.any(String) },
      userErrors: [],
    });
    await t.database.db.execute(
      sql`UPDATE host_links SET expires_at = now() - interval '1 minute' WHERE prefix = ${expired.prefix}`,
    );
    const listed = await gql(
      LIST_LINKS,
      { location: id('Heracles Stadion') },
      { key: keys['asito'] },
    );
    expect(listed.data!['hostLinks']).toHaveLength(listedBefore.data!['hostLinks'].length - 1);
    const all = await gql(
      LIST_LINKS,
      { location: id('Heracles Stadion'), all: true },
      { key: keys['asito'] },
    );
    expect(all.data!['hostLinks']).toHaveLength(listedBefore.data!['hostLinks'].length);

    const before = await snapshot();
    const cases: [string, RegExp][] = [
      [revoked.token, /revoked/],
      [expired.token, /expired at/],
      [`tafelhost_${'A'.repeat(43)}`, /Unknown host link/],
      ['tafelhost_short', /Malformed host link/],
    ];
    for (const [token, message] of cases) {
      const sent = await gql(
        ARRIVE,
        { input: { location: id('Heracles Stadion'), delta: 1 } },
        { key: token },
      );
      expect(sent.status).toBe(401);
      expect(sent.errors![0]).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringMatching(message),
      });
      // Never read as anonymous, not even for a public read.
      expect((await gql(`{ editions { slug } }`, {}, { key: token })).status).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('we’re full', () => {
  const FULL = `mutation($input: SetLocationFullInput!) { setLocationFull(input: $input) { location { name full participants } userErrors { field message code } } }`;
  const PUBLIC = `query($id: ID!) { node(id: $id) { ... on Location { full } } }`;

  it('the host link says its venue is full: the public sees it, the change is recorded, and it can be undone', async () => {
    const link = await newLink('Buurthuis De Ster', keys['utrecht']);
    expect((await gql(PUBLIC, { id: id('Buurthuis De Ster') })).data!['node']).toEqual({
      full: false,
    });
    const r = await gql(
      FULL,
      { input: { location: id('Buurthuis De Ster'), full: true } },
      { key: link.token },
    );
    expect(r.data!['setLocationFull']).toEqual({
      location: { name: 'Buurthuis De Ster', full: true, participants: 30 },
      userErrors: [],
    });
    expect((await gql(PUBLIC, { id: id('Buurthuis De Ster') })).data!['node']).toEqual({
      full: true,
    });
    const changes = rowsOf<{ action: string; actor: string; changes: unknown }>(
      await t.database.db.execute(
        sql`SELECT action, actor, changes FROM location_changes WHERE location_id = ${fx.locations['Buurthuis De Ster']!.id} ORDER BY id`,
      ),
    );
    expect(changes).toEqual([
      { action: 'FULL', actor: link.prefix, changes: { full: { from: false, to: true } } },
    ]);
    const undo = await gql(
      FULL,
      { input: { location: id('Buurthuis De Ster'), full: false } },
      { key: keys['utrecht'] },
    );
    expect(undo.data!['setLocationFull'].location.full).toBe(false);
  });

  it('refuses another venue, another organisation, the public and a cancelled venue, and changes nothing', async () => {
    const link = await newLink('Heracles Stadion');
    const before = await snapshot();
    const elsewhere = await gql(
      FULL,
      { input: { location: id('Stadhuis Utrecht'), full: true } },
      { key: link.token },
    );
    expect(elsewhere.data!['setLocationFull'].userErrors).toMatchObject([
      { code: 'FORBIDDEN', message: 'This host link is for another venue.' },
    ]);
    const otherOrg = await gql(
      FULL,
      { input: { location: id('Heracles Stadion'), full: true } },
      { key: keys['utrecht'] },
    );
    expect(otherOrg.data!['setLocationFull'].userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const hidden = await gql(
      FULL,
      { input: { location: id('Concept lunch'), full: true } },
      { key: keys['utrecht'] },
    );
    expect(hidden.data!['setLocationFull'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const anonymous = await gql(FULL, { input: { location: id('Heracles Stadion'), full: true } });
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const venuesOnly = await gql(
      FULL,
      { input: { location: id('Heracles Stadion'), full: true } },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(venuesOnly.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const cancelled = await gql(
      FULL,
      { input: { location: id('Geannuleerd diner'), full: true } },
      { key: keys['asito'] },
    );
    expect(cancelled.data!['setLocationFull'].userErrors).toMatchObject([{ code: 'CANCELLED' }]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the command line', () => {
  it('host-links create prints the URL alone on the last line, and the link works', async () => {
    const out: string[] = [];
    const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(`ERR ${l}`) };
    const previous = process.env['TAFEL_PUBLIC_URL'];
    process.env['TAFEL_PUBLIC_URL'] = 'https://tafel.example.org/';
    try {
      expect(
        await runCommand(
          t.database,
          ['host-links', 'create', '--venue', id('Stadhuis Utrecht')],
          io,
        ),
      ).toBe(0);
    } finally {
      if (previous === undefined) delete process.env['TAFEL_PUBLIC_URL'];
      else process.env['TAFEL_PUBLIC_URL'] = previous;
    }
    const url = out.at(-1)!;
    expect(url).toMatch(/^https:\/\/tafel\.example\.org\/host\/tafelhost_[A-Za-z0-9_-]{43}$/);
    const token = url.split('/host/')[1]!;
    const r = await gql(
      ARRIVE,
      { input: { location: id('Stadhuis Utrecht'), delta: 1 } },
      { key: token },
    );
    expect(r.data!['recordArrivals'].userErrors).toEqual([]);

    out.length = 0;
    expect(
      await runCommand(t.database, ['host-links', 'list', '--venue', id('Stadhuis Utrecht')], io),
    ).toBe(0);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^${token.slice(0, 18)}  by cli:`))]);
    out.length = 0;
    expect(await runCommand(t.database, ['host-links', 'revoke', token.slice(0, 18)], io)).toBe(0);
    expect(
      (await gql(ARRIVE, { input: { location: id('Stadhuis Utrecht'), delta: 1 } }, { key: token }))
        .status,
    ).toBe(401);
    await expect(
      runCommand(t.database, ['host-links', 'create', '--venue', 'nonsense'], io),
    ).rejects.toThrow(/not a venue’s ID/);
  });
});

describe('a suspended organisation', () => {
  it('has host links that count nothing until it is reinstated', async () => {
    const link = await newLink('Heracles Stadion');
    const suspend = (on: boolean) =>
      t.database.db.execute(
        sql`UPDATE organisations SET suspended_at = ${on ? sql`now()` : null}, suspension_reason = ${on ? 'test' : null} WHERE id = ${fx.asito.id}`,
      );
    await suspend(true);
    try {
      const before = await snapshot();
      const sent = await gql(
        ARRIVE,
        { input: { location: id('Heracles Stadion'), delta: 1 } },
        { key: link.token },
      );
      expect(sent.status).toBe(401);
      expect(sent.errors![0]!.message).toMatch(/on hold: the federation's staff have suspended/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await suspend(false);
    }
    const again = await gql(
      ARRIVE,
      { input: { location: id('Heracles Stadion'), delta: 1 } },
      { key: link.token },
    );
    expect(again.status).toBe(200);
    expect(again.errors).toBeUndefined();
  });
});
