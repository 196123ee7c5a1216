import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createClient, openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
});
afterAll(() => t.close());

const names = (r: any) => (r.data.locations.nodes as { name: string }[]).map((n) => n.name).sort();
const PUBLIC_TEST = [
  'Buurthuis De Ster',
  'Heracles Stadion',
  'Moskee Bergen op Zoom',
  'Ontbijt AZC Almelo',
  'Stadhuis Utrecht',
];

async function locationsWith(filter: Record<string, unknown>) {
  const r = await gql(
    `query($f: LocationFilter) { locations(edition: "nid-test", filter: $f, first: 100) { totalCount nodes { name } } }`,
    { f: filter },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!['locations'].totalCount).toBe(r.data!['locations'].nodes.length);
  return names(r);
}

describe('editions and organisations', () => {
  it('lists editions newest first and finds one by slug', async () => {
    const r = await gql(
      `{ editions { slug name date timeZone country status } edition(slug: "nid-test") { slug name date } missing: edition(slug: "nope") { slug } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['editions'].map((e: any) => e.slug)).toEqual(['nid-test', 'other-day']);
    expect(r.data!['edition']).toEqual({
      slug: 'nid-test',
      name: 'Nationaal Integratiediner (test)',
      date: '2027-10-14',
    });
    expect(r.data!['missing']).toBeNull();
  });

  it('pages organisations by name with a total, and searches them', async () => {
    const first = await gql(
      `{ organisations(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { slug name kind } } }`,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!['organisations'].totalCount).toBe(3);
    expect(first.data!['organisations'].nodes.map((o: any) => o.name)).toEqual([
      'Asito',
      'Gemeente Utrecht',
    ]);
    const next = await gql(
      `query($a: String) { organisations(first: 2, after: $a) { pageInfo { hasNextPage } nodes { name } } }`,
      {
        a: first.data!['organisations'].pageInfo.endCursor,
      },
    );
    expect(next.data!['organisations'].nodes.map((o: any) => o.name)).toEqual([
      'Moskee Bergen op Zoom',
    ]);
    expect(next.data!['organisations'].pageInfo.hasNextPage).toBe(false);
    const search = await gql(`{ organisations(search: "utre") { totalCount nodes { slug } } }`);
    expect(search.data!['organisations']).toEqual({
      totalCount: 1,
      nodes: [{ slug: 'gemeente-utrecht' }],
    });
  });

  it('finds an organisation by slug with its public venues in an edition', async () => {
    const r = await gql(
      `{ organisation(slug: "asito") { name kind locations(edition: "nid-test") { nodes { name } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['organisation'].kind).toBe('COMPANY');
    expect(r.data!['organisation'].locations.nodes.map((n: any) => n.name).sort()).toEqual([
      'Heracles Stadion',
      'Ontbijt AZC Almelo',
    ]);
  });
});

describe('locations', () => {
  it('lists only the published venues of the edition, never cancelled, draft or other editions', async () => {
    expect(await locationsWith({})).toEqual(PUBLIC_TEST);
  });

  it('returns every field of a venue', async () => {
    const r = await gql(`{ locations(edition: "nid-test", filter: { search: "Stadhuis" }) { nodes {
      id externalId name status meal startsAt endsAt capacity participants targetGroups languages wheelchairAccessible
      registrationUrl locationPrecision coordinates { lat lng } address { street postalCode city region regionName country }
      organisation { slug name } edition { slug }
    } } }`);
    expect(r.errors).toBeUndefined();
    const [v] = r.data!['locations'].nodes;
    expect(v).toMatchObject({
      externalId: 'u-1',
      name: 'Stadhuis Utrecht',
      status: 'PUBLISHED',
      meal: 'LUNCH',
      startsAt: '2027-10-14T10:00:00.000Z',
      endsAt: '2027-10-14T12:00:00.000Z',
      capacity: 150,
      participants: 120,
      targetGroups: ['REFUGEES', 'ELDERLY'],
      languages: ['nl', 'ar'],
      wheelchairAccessible: true,
      registrationUrl: 'https://example.org/utrecht',
      locationPrecision: 'EXACT',
      coordinates: { lat: 52.0894, lng: 5.1077 },
      address: {
        street: 'Stadsplateau 1',
        postalCode: '3521 AZ',
        city: 'Utrecht',
        region: 'NL-UT',
        regionName: 'Utrecht',
        country: 'NL',
      },
      organisation: { slug: 'gemeente-utrecht', name: 'Gemeente Utrecht' },
      edition: { slug: 'nid-test' },
    });
    expect(v.id).toBe(encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id));
  });

  it('filters by bbox', async () => {
    expect(
      await locationsWith({ bbox: { south: 52.0, west: 5.0, north: 52.2, east: 5.2 } }),
    ).toEqual(['Buurthuis De Ster', 'Stadhuis Utrecht']);
  });

  it('filters by distance from a point', async () => {
    // Stadhuis Utrecht to Buurthuis De Ster is about 1.4 km.
    expect(await locationsWith({ near: { lat: 52.0894, lng: 5.1077, radiusKm: 1 } })).toEqual([
      'Stadhuis Utrecht',
    ]);
    expect(await locationsWith({ near: { lat: 52.0894, lng: 5.1077, radiusKm: 2 } })).toEqual([
      'Buurthuis De Ster',
      'Stadhuis Utrecht',
    ]);
  });

  it('filters by organisation, region, city, meals and target groups', async () => {
    expect(await locationsWith({ organisation: 'asito' })).toEqual([
      'Heracles Stadion',
      'Ontbijt AZC Almelo',
    ]);
    expect(await locationsWith({ region: 'NL-NB' })).toEqual(['Moskee Bergen op Zoom']);
    expect(await locationsWith({ city: 'almelo' })).toEqual([
      'Heracles Stadion',
      'Ontbijt AZC Almelo',
    ]);
    expect(await locationsWith({ meals: ['BREAKFAST', 'LUNCH'] })).toEqual([
      'Ontbijt AZC Almelo',
      'Stadhuis Utrecht',
    ]);
    expect(await locationsWith({ targetGroups: ['FAITH_COMMUNITIES', 'NEIGHBOURS'] })).toEqual([
      'Buurthuis De Ster',
      'Moskee Bergen op Zoom',
    ]);
    expect(await locationsWith({ meals: ['DINNER'], region: 'NL-UT' })).toEqual([
      'Buurthuis De Ster',
    ]);
  });

  it('searches name, city and postal code (with or without the space)', async () => {
    expect(await locationsWith({ search: 'heracles' })).toEqual(['Heracles Stadion']);
    expect(await locationsWith({ search: 'Bergen op' })).toEqual(['Moskee Bergen op Zoom']);
    expect(await locationsWith({ search: '3532AB' })).toEqual(['Buurthuis De Ster']);
    expect(await locationsWith({ search: '3521 az' })).toEqual(['Stadhuis Utrecht']);
    expect(await locationsWith({ search: '100%_' })).toEqual([]);
  });

  it('pages with first/after in a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: any = await gql(
        `query($a: String) { locations(edition: "nid-test", first: 2, after: $a) { pageInfo { hasNextPage endCursor } nodes { name } } }`,
        { a: after },
      );
      seen.push(...r.data.locations.nodes.map((n: any) => n.name));
      if (!r.data.locations.pageInfo.hasNextPage) break;
      after = r.data.locations.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(PUBLIC_TEST);
  });

  it('gives the public only an approximate place for a sensitive venue', async () => {
    const r = await gql(
      `{ locations(edition: "nid-test", filter: { search: "AZC" }) { nodes { locationPrecision coordinates { lat lng } address { street postalCode city } } } }`,
    );
    const [v] = r.data!['locations'].nodes;
    expect(v.locationPrecision).toBe('APPROXIMATE');
    expect(v.coordinates).toEqual({ lat: 52.37, lng: 6.67 });
    expect(v.address).toEqual({ street: null, postalCode: null, city: 'Almelo' });
    // Its postal code cannot be found by searching either.
    expect(await locationsWith({ search: '7602' })).toEqual([]);
  });

  it('loads a venue by id and through node, but not a draft or a cancelled one', async () => {
    const id = encodeGlobalId('Location', fx.locations['Heracles Stadion']!.id);
    const draft = encodeGlobalId('Location', fx.locations['Concept lunch']!.id);
    const cancelled = encodeGlobalId('Location', fx.locations['Geannuleerd diner']!.id);
    const r = await gql(
      `query($id: ID!, $d: ID!, $c: ID!) {
      location(id: $id) { name } node(id: $id) { id ... on Location { name } }
      draft: location(id: $d) { name } draftNode: node(id: $d) { id } cancelled: location(id: $c) { name }
      nodes(ids: [$id, $d]) { id }
    }`,
      { id, d: draft, c: cancelled },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      location: { name: 'Heracles Stadion' },
      node: { id, name: 'Heracles Stadion' },
      draft: null,
      draftNode: null,
      cancelled: null,
      nodes: [{ id }, null],
    });
  });

  it('refetches organisations and editions through node', async () => {
    const org = encodeGlobalId('Organisation', fx.asito.id);
    const ed = encodeGlobalId('Edition', fx.edition.id);
    const r = await gql(
      `query($o: ID!, $e: ID!) { o: node(id: $o) { ... on Organisation { slug } } e: node(id: $e) { ... on Edition { slug } } }`,
      { o: org, e: ed },
    );
    expect(r.data).toEqual({ o: { slug: 'asito' }, e: { slug: 'nid-test' } });
  });
});

describe('stats', () => {
  it('counts participants, capacity, venues and organisations of public venues, in every bucket', async () => {
    const r = await gql(`{ stats(edition: "nid-test") {
      participants capacity locations organisations updatedAt
      byRegion { key label participants capacity locations }
      byMeal { key label(lang: EN) participants locations }
      byTargetGroup { key label(lang: DE) participants }
      byOrganisation { key label participants locations }
    } }`);
    expect(r.errors).toBeUndefined();
    const s = r.data!['stats'];
    expect(s).toMatchObject({ participants: 980, capacity: 1100, locations: 5, organisations: 3 });
    expect(s.byRegion).toEqual([
      { key: 'NL-OV', label: 'Overijssel', participants: 590, capacity: 660, locations: 2 },
      { key: 'NL-NB', label: 'Noord-Brabant', participants: 240, capacity: 250, locations: 1 },
      { key: 'NL-UT', label: 'Utrecht', participants: 150, capacity: 190, locations: 2 },
    ]);
    expect(s.byMeal).toEqual([
      { key: 'DINNER', label: 'Dinner', participants: 850, locations: 3 },
      { key: 'LUNCH', label: 'Lunch', participants: 120, locations: 1 },
      { key: 'BREAKFAST', label: 'Breakfast', participants: 10, locations: 1 },
    ]);
    expect(s.byTargetGroup).toContainEqual({
      key: 'ELDERLY',
      label: 'Ältere Menschen',
      participants: 940,
    });
    expect(s.byTargetGroup).toContainEqual({
      key: 'REFUGEES',
      label: 'Geflüchtete',
      participants: 710,
    });
    expect(s.byOrganisation).toEqual([
      { key: 'asito', label: 'Asito', participants: 590, locations: 2 },
      {
        key: 'moskee-bergen-op-zoom',
        label: 'Moskee Bergen op Zoom',
        participants: 240,
        locations: 1,
      },
      { key: 'gemeente-utrecht', label: 'Gemeente Utrecht', participants: 150, locations: 2 },
    ]);
  });

  it('applies the same filters as the list', async () => {
    const r = await gql(
      `{ stats(edition: "nid-test", filter: { region: "NL-UT", meals: [DINNER] }) { participants locations organisations } }`,
    );
    expect(r.data!['stats']).toEqual({ participants: 30, locations: 1, organisations: 1 });
  });
});

describe('bad input gets a clear error naming the argument', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown edition',
      `{ locations(edition: "nope") { totalCount } }`,
      /edition: no edition with slug "nope"/,
    ],
    [
      'unknown edition in stats',
      `{ stats(edition: "nope") { participants } }`,
      /edition: no edition/,
    ],
    [
      'unknown organisation',
      `{ locations(edition: "nid-test", filter: { organisation: "nope" }) { nodes { id } } }`,
      /filter\.organisation: no organisation/,
    ],
    ['malformed id', `{ location(id: "not-an-id!!") { name } }`, /Malformed ID/],
    ['malformed node id', `{ node(id: "bm9wZQ") { id } }`, /Malformed ID/],
    [
      'bbox south > north',
      `{ locations(edition: "nid-test", filter: { bbox: { south: 53, west: 4, north: 52, east: 5 } }) { nodes { id } } }`,
      /filter\.bbox: south \(53\) is above north \(52\)/,
    ],
    [
      'bbox out of range',
      `{ locations(edition: "nid-test", filter: { bbox: { south: -95, west: 4, north: 52, east: 5 } }) { nodes { id } } }`,
      /filter\.bbox: latitude must be between -90 and 90/,
    ],
    [
      'negative radius',
      `{ locations(edition: "nid-test", filter: { near: { lat: 52, lng: 5, radiusKm: -1 } }) { nodes { id } } }`,
      /filter\.near\.radiusKm: must be greater than 0/,
    ],
    [
      'first over the cap',
      `{ locations(edition: "nid-test", first: 1001) { nodes { id } } }`,
      /first: at most 1000 per page/,
    ],
    [
      'first negative',
      `{ locations(edition: "nid-test", first: -1) { nodes { id } } }`,
      /first: must not be negative/,
    ],
    [
      'first over the cap, count only',
      `{ locations(edition: "nid-test", first: 5000) { totalCount } }`,
      /first: at most 1000/,
    ],
    [
      'organisations first over the cap',
      `{ organisations(first: 1001) { nodes { id } } }`,
      /first: at most 1000/,
    ],
    [
      'search too long',
      `{ locations(edition: "nid-test", filter: { search: "${'x'.repeat(101)}" }) { nodes { id } } }`,
      /filter\.search: at most 100 characters/,
    ],
    [
      'bad timeline interval',
      `{ stats(edition: "nid-test") { timeline(interval: 0) { at } } }`,
      /Minutes must be a whole number/,
    ],
  ];
  it.each(cases)('%s', async (_name, query, message) => {
    const r = await gql(query);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.length).toBeGreaterThan(0);
    const text = r.errors!.map((e) => e.message).join('\n');
    expect(text).toMatch(message);
    expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.ts:\d+/);
  });
});
