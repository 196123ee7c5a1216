/**
 * Co-hosts beside a venue's host (the national day's mosques beside Bergen op Zoom's elderly):
 * the host sets them, the public reads them by name — in the lists' one statement, spliced or
 * not — and the open data names them; a co-host reads the venue as its host does (drafts, the
 * exact place, the present per role) but changes nothing (publish.test.ts's matrix has its row).
 * Every refused list leaves the database as it was.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, locationCohosts, locations, organisations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let gql: ReturnType<typeof createClient>['gql'];
const keys: Record<string, string> = {};
let moskeePerson: string;

const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
const SET = `mutation($input: SetLocationCohostsInput!) { setLocationCohosts(input: $input) {
  location { name cohosts { slug name } } userErrors { field message code } } }`;

async function setCohosts(venue: string, cohosts: string[], key = keys['asito']) {
  return gql(SET, { input: { location: id(venue), cohosts } }, { key });
}

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const [table, order] of [
    ['location_cohosts', 'location_id, organisation_id'],
    ['locations', 'id'],
    ['location_changes', 'id'],
  ] as const)
    out[table] = rowsOf(
      await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY ${order}`)),
    );
  return JSON.parse(JSON.stringify(out));
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  keys['asito'] = await memberKey(t.database, fx.asito.id);
  keys['moskee'] = await memberKey(t.database, fx.moskee.id);
  keys['utrecht'] = await memberKey(t.database, fx.utrecht.id);
  keys['staff'] = await staffKey(t.database);
  moskeePerson = await personSession(t.database, {
    email: 'coordinator@moskee.test',
    organisationId: fx.moskee.id,
  });
  await t.database.db.insert(organisations).values([
    { slug: 'turkse-moskee', name: 'Turkse moskee', kind: 'FAITH_COMMUNITY' },
    {
      slug: 'geschorst',
      name: 'Geschorst',
      suspendedAt: new Date(),
      suspensionReason: 'test',
    },
    ...Array.from({ length: 9 }, (_, i) => ({ slug: `lid-${i}`, name: `Lid ${i}` })),
  ]);
});
afterAll(() => t?.close());

describe('setLocationCohosts', () => {
  it('lets the host set its co-hosts, read back by name, and records the change', async () => {
    const r = await setCohosts('Heracles Stadion', ['moskee-bergen-op-zoom', 'gemeente-utrecht']);
    expect(r.data!['setLocationCohosts']).toEqual({
      location: {
        name: 'Heracles Stadion',
        cohosts: [
          { slug: 'gemeente-utrecht', name: 'Gemeente Utrecht' },
          { slug: 'moskee-bergen-op-zoom', name: 'Moskee Bergen op Zoom' },
        ],
      },
      userErrors: [],
    });
    const changes = await gql(
      `query($l: ID!) { locationChanges(location: $l, first: 1) { nodes { action changes { field from to } } } }`,
      { l: id('Heracles Stadion') },
      { key: keys['asito'] },
    );
    expect(changes.data!['locationChanges'].nodes[0]).toEqual({
      action: 'COHOSTS',
      changes: [
        {
          field: 'cohosts',
          from: '[]',
          to: '["gemeente-utrecht","moskee-bergen-op-zoom"]',
        },
      ],
    });
  });

  it('replaces the whole list: left out leaves, the same list changes nothing, [] clears', async () => {
    await setCohosts('Stadhuis Utrecht', ['asito', 'turkse-moskee'], keys['utrecht']);
    const kept = await setCohosts('Stadhuis Utrecht', ['turkse-moskee'], keys['utrecht']);
    expect(kept.data!['setLocationCohosts'].location.cohosts).toEqual([
      { slug: 'turkse-moskee', name: 'Turkse moskee' },
    ]);
    const before = await snapshot();
    const again = await setCohosts('Stadhuis Utrecht', ['turkse-moskee'], keys['utrecht']);
    expect(again.data!['setLocationCohosts'].userErrors).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const cleared = await setCohosts('Stadhuis Utrecht', [], keys['utrecht']);
    expect(cleared.data!['setLocationCohosts'].location.cohosts).toEqual([]);
  });

  it('staff may set any venue’s co-hosts', async () => {
    const r = await setCohosts('Buurthuis De Ster', ['turkse-moskee'], keys['staff']);
    expect(r.data!['setLocationCohosts'].userErrors).toEqual([]);
    await setCohosts('Buurthuis De Ster', [], keys['staff']);
  });

  it.each([
    [
      'more than ten',
      'Heracles Stadion',
      [
        'moskee-bergen-op-zoom',
        'turkse-moskee',
        ...Array.from({ length: 9 }, (_, i) => `lid-${i}`),
      ],
      { field: ['cohosts'], code: 'OUT_OF_RANGE', message: /at most 10 co-hosts \(got 11\)/ },
    ],
    [
      'a slug named twice',
      'Heracles Stadion',
      ['turkse-moskee', 'turkse-moskee'],
      { field: ['cohosts', '1'], code: 'DUPLICATE', message: /named twice/ },
    ],
    [
      'an unknown organisation',
      'Heracles Stadion',
      ['turkse-moskee', 'bestaat-niet'],
      { field: ['cohosts', '1'], code: 'NOT_FOUND', message: /bestaat-niet/ },
    ],
    [
      'the host itself',
      'Heracles Stadion',
      ['asito'],
      { field: ['cohosts', '0'], code: 'INVALID', message: /Asito hosts this venue/ },
    ],
    [
      'a suspended organisation',
      'Heracles Stadion',
      ['geschorst'],
      { field: ['cohosts', '0'], code: 'SUSPENDED', message: /Geschorst is suspended/ },
    ],
    [
      'a cancelled venue',
      'Geannuleerd diner',
      ['turkse-moskee'],
      { field: ['location'], code: 'CANCELLED', message: /cancelled/ },
    ],
  ])('refuses %s and changes nothing', async (_case, venue, cohosts, expected) => {
    const before = await snapshot();
    const r = await setCohosts(venue, cohosts);
    const errors = r.data!['setLocationCohosts'].userErrors;
    expect(r.data!['setLocationCohosts'].location).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: expected.field, code: expected.code });
    expect(errors[0].message).toMatch(expected.message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a venue of a closed edition and changes nothing', async () => {
    const { db } = t.database;
    await db.update(editions).set({ status: 'CLOSED' }).where(eq(editions.slug, 'other-day'));
    const before = await snapshot();
    const r = await setCohosts('Vorig jaar', ['turkse-moskee']);
    expect(r.data!['setLocationCohosts'].userErrors).toMatchObject([
      { field: ['location'], code: 'EDITION_CLOSED' },
    ]);
    expect(await snapshot()).toEqual(before);
    await db.update(editions).set({ status: 'OPEN' }).where(eq(editions.slug, 'other-day'));
  });

  it('refuses a co-host, naming why, and changes nothing', async () => {
    const before = await snapshot();
    for (const options of [{ key: keys['moskee'] }, { headers: sessionHeaders(moskeePerson) }]) {
      const r = await gql(
        SET,
        { input: { location: id('Heracles Stadion'), cohosts: [] } },
        options,
      );
      expect(r.data?.['setLocationCohosts'] ?? null).toBeNull();
      expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toMatch(/co-hosts read it, but only its host organisation/);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('Location.cohosts for the public', () => {
  const LIST = `{ locations(edition: "nid-test", first: 100) { nodes { name cohosts { slug name } } } }`;

  it('is read in the list’s one statement, the same bytes spliced or not as by a single venue', async () => {
    t.counter.reset();
    const r = await gql(LIST);
    expect(r.errors).toBeUndefined();
    const statements = t.counter.statements.filter((s) => !/from "editions" where/.test(s));
    expect(statements).toHaveLength(1);
    const heracles = r.data!['locations'].nodes.find(
      (n: { name: string }) => n.name === 'Heracles Stadion',
    );
    expect(heracles.cohosts.map((o: { slug: string }) => o.slug)).toEqual([
      'gemeente-utrecht',
      'moskee-bergen-op-zoom',
    ]);
    expect(
      r.data!['locations'].nodes.find((n: { name: string }) => n.name === 'Stadhuis Utrecht')
        .cohosts,
    ).toEqual([]);

    const publicApi = { responseCache: false, rateLimitStore: 'memory' as const };
    const bodies = await Promise.all(
      [true, false].map(async (splicedReads) => {
        const app = createApp({ database: t.database, publicApi, splicedReads });
        const response = await app.fetch(
          `http://tafel.test/graphql?query=${encodeURIComponent(LIST)}`,
          { headers: { accept: 'application/graphql-response+json' } },
        );
        return response.text();
      }),
    );
    expect(bodies[0]).toBe(bodies[1]);

    const one = await gql(`query($id: ID!) { location(id: $id) { cohosts { slug name } } }`, {
      id: id('Heracles Stadion'),
    });
    expect(one.data!['location'].cohosts).toEqual(heracles.cohosts);
  });

  it('is named in the open data: GeoJSON and CSV', async () => {
    const { app } = createClient(t.database);
    const geojson = (await (
      await app.fetch('http://tafel.test/editions/nid-test/locations.geojson')
    ).json()) as { features: { properties: { name: string; cohosts: unknown } }[] };
    const feature = geojson.features.find((f) => f.properties.name === 'Heracles Stadion')!;
    expect(feature.properties.cohosts).toEqual([
      { slug: 'gemeente-utrecht', name: 'Gemeente Utrecht' },
      { slug: 'moskee-bergen-op-zoom', name: 'Moskee Bergen op Zoom' },
    ]);
    const csv = await (await app.fetch('http://tafel.test/editions/nid-test/locations.csv')).text();
    const [header, ...lines] = csv.trim().split('\n');
    const columns = header!.split(',');
    const row = lines.find((l) => l.includes('Heracles Stadion'))!.split(',');
    expect(row[columns.indexOf('cohosts')]).toBe('gemeente-utrecht;moskee-bergen-op-zoom');
    expect(row[columns.indexOf('cohostNames')]).toBe('Gemeente Utrecht;Moskee Bergen op Zoom');
  });

  it('is named on the edition’s page, and among the organizers in its JSON-LD', async () => {
    const { app } = createClient(t.database);
    const page = await (await app.fetch('http://tafel.test/editions/nid-test?lang=en')).text();
    expect(page).toContain('<dt>Co-hosts</dt><dd>Gemeente Utrecht, Moskee Bergen op Zoom</dd>');
    const ld = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    const heracles = JSON.stringify(ld).match(/"organizer":(\[[^\]]*\])/);
    expect(JSON.parse(heracles![1]!).map((o: { name: string }) => o.name)).toEqual([
      'Asito',
      'Gemeente Utrecht',
      'Moskee Bergen op Zoom',
    ]);
  });
});

describe('a co-host reads the venue as its host does', () => {
  const COHOSTED = `{ viewer { cohostedLocations(edition: "nid-test") { nodes {
    name status locationPrecision coordinates { lat lng } address { street }
    seatsByRole { role seats present } organisation { name } } } } }`;

  beforeAll(async () => {
    await t.database.db
      .update(locations)
      .set({
        seatsByRole: { EMPLOYERS: 25, STATUS_HOLDERS: 25 },
        presentByRole: { EMPLOYERS: 3 },
        capacity: 50,
        participants: 3,
      })
      .where(eq(locations.id, fx.locations['Ontbijt AZC Almelo']!.id));
    for (const venue of ['Ontbijt AZC Almelo', 'Concept lunch'])
      expect(
        (await setCohosts(venue, ['moskee-bergen-op-zoom'])).data!['setLocationCohosts'].userErrors,
      ).toEqual([]);
  });

  it('lists it, drafts too, with the exact place and the present per role, by key and by session', async () => {
    const almelo = fx.locations['Ontbijt AZC Almelo']!;
    for (const options of [{ key: keys['moskee'] }, { headers: sessionHeaders(moskeePerson) }]) {
      const r = await gql(COHOSTED, {}, options);
      expect(r.errors).toBeUndefined();
      const nodes = r.data!['viewer'].cohostedLocations.nodes;
      expect(nodes.map((n: { name: string }) => n.name)).toEqual([
        'Heracles Stadion',
        'Ontbijt AZC Almelo',
        'Concept lunch',
      ]);
      const sensitive = nodes[1];
      expect(sensitive).toMatchObject({
        status: 'PUBLISHED',
        locationPrecision: 'EXACT',
        coordinates: { lat: almelo.lat, lng: almelo.lng },
        address: { street: 'Geheimweg 12' },
        organisation: { name: 'Asito' },
      });
      expect(sensitive.seatsByRole).toEqual([
        { role: 'STATUS_HOLDERS', seats: 25, present: 0 },
        { role: 'EMPLOYERS', seats: 25, present: 3 },
      ]);
      expect(nodes[2].status).toBe('DRAFT');
    }
    // One by its ID, a draft too; another organisation gets null.
    const ONE = `query($id: ID!) { location(id: $id) { name status } }`;
    const draft = { id: id('Concept lunch') };
    expect((await gql(ONE, draft, { key: keys['moskee'] })).data!['location']).toEqual({
      name: 'Concept lunch',
      status: 'DRAFT',
    });
    expect((await gql(ONE, draft, { key: keys['utrecht'] })).data!['location']).toBeNull();
    // Its own venues stay its own list.
    const own = await gql(
      `{ viewer { locations(edition: "nid-test") { nodes { name } } } }`,
      {},
      { key: keys['moskee'] },
    );
    expect(own.data!['viewer'].locations.nodes).toEqual([{ name: 'Moskee Bergen op Zoom' }]);
  });

  it('the public and other organisations still get the approximate place, and staff an empty list', async () => {
    const PLACE = `{ locations(edition: "nid-test", filter: { search: "Ontbijt AZC" }) { nodes { locationPrecision address { street } } } }`;
    const exactFor = async (key?: string) =>
      (await gql(PLACE, {}, key ? { key } : {})).data!['locations'].nodes;
    expect(await exactFor(keys['moskee'])).toEqual([
      { locationPrecision: 'EXACT', address: { street: 'Geheimweg 12' } },
    ]);
    for (const key of [undefined, keys['utrecht']])
      expect(await exactFor(key)).toEqual([
        { locationPrecision: 'APPROXIMATE', address: { street: null } },
      ]);
    const staff = await gql(COHOSTED, {}, { key: keys['staff'] });
    expect(staff.data!['viewer'].cohostedLocations.nodes).toEqual([]);
  });

  it('looks its co-hosted venues up once per request, however many it lists', async () => {
    t.counter.reset();
    await gql(COHOSTED, {}, { key: keys['moskee'] });
    expect(
      t.counter.statements.filter((s) => /from "location_cohosts" where/.test(s)),
    ).toHaveLength(1);
  });

  it('does not see its host links or its change log', async () => {
    const links = await gql(
      `query($l: ID!) { hostLinks(location: $l) { prefix } }`,
      { l: id('Heracles Stadion') },
      { key: keys['moskee'] },
    );
    expect(links.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const changes = await gql(
      `query($l: ID!) { locationChanges(location: $l) { nodes { action } } }`,
      { l: id('Heracles Stadion') },
      { key: keys['moskee'] },
    );
    expect(changes.data!['locationChanges'].nodes).toEqual([]);
  });
});

describe('co-hosts go with their venue or organisation', () => {
  it('deleting either deletes the co-host rows', async () => {
    const { db } = t.database;
    const count = async () =>
      (await db.select().from(locationCohosts)).filter(
        (r) => r.locationId === fx.locations['Concept lunch']!.id,
      ).length;
    await setCohosts('Concept lunch', ['moskee-bergen-op-zoom', 'turkse-moskee']);
    expect(await count()).toBe(2);
    await db.delete(organisations).where(eq(organisations.slug, 'turkse-moskee'));
    expect(await count()).toBe(1);
    await db.delete(locations).where(eq(locations.id, fx.locations['Concept lunch']!.id));
    expect(await count()).toBe(0);
  });
});

describe('copying venues into another edition', () => {
  it('keeps their co-hosts, but for those suspended since', async () => {
    const { db } = t.database;
    await db.insert(editions).values({ slug: 'nid-copy', name: 'Next year', date: '2028-10-12' });
    await db
      .update(organisations)
      .set({ suspendedAt: new Date(), suspensionReason: 'test' })
      .where(eq(organisations.id, fx.moskee.id));
    const r = await gql(
      `mutation { copyLocations(input: { from: "nid-test", to: "nid-copy" }) {
        copied { name cohosts { slug } } userErrors { code } } }`,
      {},
      { key: keys['asito'] },
    );
    expect(r.data!['copyLocations'].userErrors).toEqual([]);
    const copied = Object.fromEntries(
      r.data!['copyLocations'].copied.map((l: { name: string; cohosts: unknown }) => [
        l.name,
        l.cohosts,
      ]),
    );
    expect(copied['Heracles Stadion']).toEqual([{ slug: 'gemeente-utrecht' }]);
    expect(copied['Ontbijt AZC Almelo']).toEqual([]);
  });
});
