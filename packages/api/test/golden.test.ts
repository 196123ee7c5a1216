/**
 * Golden answers: varied public and keyed reads over the demo data, each compared in full with an
 * answer committed in test/golden/. Whatever the read path becomes (other SQL, other resolvers, a
 * compiled executor), these answers stay byte-for-byte the same — on PGlite and on PostgreSQL.
 * Every field of Location, Organisation, Edition and ParticipationStats is selected somewhere,
 * nested both ways, with every filter and with paging forwards and backwards.
 *
 * `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites the files; review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/keys.ts';
import { apiKeys, organisations } from '../src/db/schema.ts';
import { generateDemo, generatePastDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { createClient, type GraphQLResponse, openTestDatabase, type TestDb } from './support.ts';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Fixed secrets, so that key prefixes in the answers are the same on every run. */
const STAFF_SECRET = `tafel_golden0staff${'s'.repeat(31)}`;
const MEMBER_SECRET = `tafel_golden0asito${'a'.repeat(31)}`;

const LOCATION = `fragment L on Location {
  id name externalId status awaitingApproval sensitive locationPrecision meal startsAt endsAt capacity participants expected
  targetGroups languages wheelchairAccessible description registrationUrl createdAt updatedAt
  coordinates { lat lng } address { street postalCode city region regionName country }
  organisation { id slug name } edition { id slug }
}`;
const ORGANISATION = `fragment O on Organisation { id slug name kind website logoUrl }`;
const EDITION = `fragment E on Edition { id slug name date timeZone country status requireApproval }`;
const BUCKET = `fragment B on StatBucket { key label labelEn: label(lang: EN) locations participants expected capacity }`;
const PAGE = `pageInfo { startCursor endCursor hasNextPage hasPreviousPage }`;

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];

beforeAll(async () => {
  t = await openTestDatabase();
  const { db } = t.database;
  await loadDemo(db, generateDemo());
  // A second edition with the same organisations: nested lists must keep to the edition asked for.
  // Last year's, with its day's log: the live one has nobody present yet.
  await loadDemo(db, generatePastDemo());
  // Rows take their creation times from the clock; set them to fixed, distinct instants instead.
  await db.execute(
    sql`UPDATE editions SET created_at = timestamptz '2027-01-10T09:00:00Z', updated_at = timestamptz '2027-01-10T09:00:00Z' + id * interval '1 day'`,
  );
  await db.execute(
    sql`UPDATE organisations SET created_at = timestamptz '2027-02-01T09:00:00Z' + id * interval '1 hour', updated_at = timestamptz '2027-03-01T09:00:00Z' + id * interval '1 hour'`,
  );
  await db.execute(
    sql`UPDATE locations SET created_at = timestamptz '2027-06-01T08:00:00Z' + id * interval '7 minutes', updated_at = timestamptz '2027-09-01T08:00:00Z' + (id % 97) * interval '1 hour' + id * interval '1 second'`,
  );
  const [asito] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, 'asito'));
  await db.insert(apiKeys).values([
    {
      organisationId: null,
      prefix: STAFF_SECRET.slice(0, 14),
      hash: hashSecret(STAFF_SECRET),
      scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
      label: 'golden staff',
      createdAt: new Date('2027-01-01T00:00:00Z'),
    },
    {
      organisationId: asito!.id,
      prefix: MEMBER_SECRET.slice(0, 14),
      hash: hashSecret(MEMBER_SECRET),
      scopes: ['LOCATIONS_WRITE'],
      label: 'golden member',
      createdAt: new Date('2027-01-01T00:00:00Z'),
    },
  ]);
  gql = createClient(t.database).gql;
}, 300_000);
afterAll(() => t.close());

/** Ask, then compare the whole answer (data and errors) with test/golden/NAME.json. */
async function golden(
  name: string,
  query: string,
  variables?: Record<string, unknown>,
  key?: string,
): Promise<GraphQLResponse> {
  const answer = await gql(query, variables, { key });
  const record = {
    query: query.replace(/\s+/g, ' ').trim(),
    variables: variables ?? null,
    key: key ? key.slice(0, 14) : null,
    answer,
  };
  const file = new URL(`${name}.json`, GOLDEN);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${JSON.stringify(record, null, 1)}\n`);
  } else {
    expect(
      existsSync(file),
      `no golden answer ${name}.json: run with UPDATE_GOLDEN=1 and review it`,
    ).toBe(true);
    expect(record).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  }
  expect(answer.status).toBe(200);
  return answer;
}

const ids = (answer: GraphQLResponse, list = 'locations') =>
  (answer.data![list].nodes as { id: string }[]).map((n) => n.id);

describe('golden answers', () => {
  it('answers editions: the list, one by slug, and a missing one', async () => {
    await golden(
      'editions',
      `{ editions { ...E } edition(slug: "nid-2027") { ...E } missing: edition(slug: "nope") { slug } } ${EDITION}`,
    );
  });

  it('answers the first page of an edition with every venue field, as edges with cursors', async () => {
    await golden(
      'locations-first-page',
      `{ locations(edition: "nid-2027", first: 15) { totalCount ${PAGE} edges { cursor node { ...L } } } } ${LOCATION}`,
    );
  });

  it('pages forwards with after and backwards with before, meeting in the middle', async () => {
    const query = `query($first: Int, $after: String, $last: Int, $before: String) {
      locations(edition: "nid-2027", first: $first, after: $after, last: $last, before: $before) { totalCount ${PAGE} nodes { id name city: address { city } } }
    }`;
    const first = await golden('locations-page-1', query, { first: 40 });
    const cursor = first.data!['locations'].pageInfo.endCursor as string;
    const second = await golden('locations-page-2', query, { first: 40, after: cursor });
    const back = await golden('locations-before', query, {
      last: 10,
      before: second.data!['locations'].pageInfo.startCursor,
    });
    expect(ids(back)).toEqual(ids(first).slice(-10));
  });

  it('answers the last venues of an edition', async () => {
    await golden(
      'locations-last',
      `{ locations(edition: "nid-2027", last: 5) { totalCount ${PAGE} nodes { ...L } } } ${LOCATION}`,
    );
  });

  it('filters by a bounding box around Amsterdam', async () => {
    await golden(
      'filter-bbox',
      `{ locations(edition: "nid-2027", filter: { bbox: { south: 52.3, north: 52.42, west: 4.75, east: 5.05 } }) { totalCount nodes { ...L } } } ${LOCATION}`,
    );
  });

  it('filters by a radius around Rotterdam', async () => {
    await golden(
      'filter-near',
      `{ locations(edition: "nid-2027", filter: { near: { lat: 51.9244, lng: 4.4777, radiusKm: 12 } }) { totalCount nodes { id name coordinates { lat lng } address { city } } } }`,
    );
  });

  it('filters by region, city, meals and target groups, alone and together', async () => {
    await golden(
      'filter-region-city-meals-groups',
      `{
      region: locations(edition: "nid-2027", filter: { region: "NL-UT" }) { totalCount nodes { id name address { city region regionName } } }
      city: locations(edition: "nid-2027", filter: { city: "den haag" }) { totalCount nodes { id name address { city } } }
      meals: locations(edition: "nid-2027", filter: { meals: [BREAKFAST, OTHER] }) { totalCount nodes { id meal } }
      groups: locations(edition: "nid-2027", filter: { targetGroups: [REFUGEES, STATUS_HOLDERS] }, first: 30) { totalCount nodes { id targetGroups } }
      together: locations(edition: "nid-2027", filter: { region: "NL-ZH", meals: [DINNER], targetGroups: [NEIGHBOURS] }) { totalCount nodes { id name meal targetGroups address { region } } }
    }`,
    );
  });

  it('searches venues by part of the name, city or postal code', async () => {
    await golden(
      'filter-search',
      `{
      byName: locations(edition: "nid-2027", filter: { search: "moskee" }) { totalCount nodes { id name } }
      byCity: locations(edition: "nid-2027", filter: { search: "Groningen" }) { totalCount nodes { id name address { city } } }
      none: locations(edition: "nid-2027", filter: { search: "zzz-nothing" }) { totalCount nodes { id } }
    }`,
    );
  });

  it('filters by organisation: the sensitive venues as the public sees them', async () => {
    await golden(
      'filter-organisation-sensitive',
      `{ locations(edition: "nid-2027", filter: { organisation: "coa" }) { totalCount nodes { ...L } } } ${LOCATION}`,
    );
  });

  it('shows staff the exact place of a sensitive venue by id, and the public only an approximation', async () => {
    const list = await gql(
      `{ locations(edition: "nid-2027", filter: { organisation: "coa" }, first: 1) { nodes { id } } }`,
    );
    const id = list.data!['locations'].nodes[0].id as string;
    const query = `query($id: ID!) { location(id: $id) { ...L } node(id: $id) { id ... on Location { name locationPrecision coordinates { lat lng } } } } ${LOCATION}`;
    await golden('sensitive-public', query, { id });
    await golden('sensitive-staff', query, { id }, STAFF_SECRET);
  });

  it('resolves node and nodes for every kind of id', async () => {
    const found = await gql(
      `{ edition(slug: "nid-2027") { id } organisation(slug: "asito") { id } locations(edition: "nid-2027", first: 1) { nodes { id } } }`,
    );
    const edition = found.data!['edition'].id as string;
    const organisation = found.data!['organisation'].id as string;
    const location = found.data!['locations'].nodes[0].id as string;
    await golden(
      'node-and-nodes',
      `query($e: ID!, $o: ID!, $l: ID!, $ids: [ID!]!) {
      e: node(id: $e) { id ... on Edition { ...E } }
      o: node(id: $o) { id ... on Organisation { ...O } }
      l: node(id: $l) { id ... on Location { ...L } }
      nodes(ids: $ids) { id __typename }
    } ${EDITION} ${ORGANISATION} ${LOCATION}`,
      { e: edition, o: organisation, l: location, ids: [location, organisation, edition] },
    );
  });

  it('nests organisations with their venues in one edition, and venues back to their organisation and edition', async () => {
    await golden(
      'organisations-nested',
      `{
      organisations(first: 12) { totalCount ${PAGE} edges { cursor node { ...O
        now: locations(edition: "nid-2027", first: 3) { ${PAGE} edges { cursor node { id name participants organisation { slug } edition { ...E } } } }
        before: locations(edition: "nid-2026", first: 2) { nodes { id name edition { slug } organisation { ...O } } }
      } } }
    } ${ORGANISATION} ${EDITION}`,
    );
  });

  it('pages organisations by name after a cursor, and searches them', async () => {
    const first = await gql(`{ organisations(first: 30) { pageInfo { endCursor } } }`);
    await golden(
      'organisations-paged-search',
      `query($after: String) {
      next: organisations(first: 10, after: $after) { totalCount ${PAGE} nodes { ...O } }
      search: organisations(search: "gemeente") { totalCount nodes { ...O } }
    } ${ORGANISATION}`,
      { after: first.data!['organisations'].pageInfo.endCursor },
    );
  });

  it('pages one organisation’s venues with first and after', async () => {
    const query = `query($after: String) { organisation(slug: "zuiderbank") { ...O locations(edition: "nid-2027", first: 5, after: $after) { ${PAGE} nodes { ...L } } } } ${ORGANISATION} ${LOCATION}`;
    const first = await golden('organisation-venues-1', query);
    await golden('organisation-venues-2', query, {
      after: first.data!['organisation'].locations.pageInfo.endCursor,
    });
  });

  it('answers every stats field of an edition, its timeline at two intervals and labels in two languages', async () => {
    await golden(
      'stats-edition',
      `{ stats(edition: "nid-2026") {
      participants expected capacity locations organisations updatedAt
      byMeal { ...B } byRegion { ...B } byTargetGroup { ...B } byOrganisation { ...B }
      byOrganisationKind { ...B } byCity { ...B }
      timeline { at participants } hourly: timeline(interval: 60) { at participants }
    } } ${BUCKET}`,
    );
  });

  it('answers stats under filters', async () => {
    await golden(
      'stats-filtered',
      `{
      region: stats(edition: "nid-2027", filter: { region: "NL-ZH" }) { participants expected capacity locations organisations updatedAt byMeal { ...B } byTargetGroup { ...B } timeline(interval: 120) { at participants } }
      org: stats(edition: "nid-2027", filter: { organisation: "coa" }) { participants capacity locations organisations byRegion { ...B } byOrganisation { ...B } }
      box: stats(edition: "nid-2026", filter: { bbox: { south: 51.8, north: 52.2, west: 4.2, east: 4.6 }, meals: [DINNER] }) { participants capacity locations organisations byMeal { ...B } }
    } ${BUCKET}`,
    );
  });

  it('syncs incrementally: venues updated since an instant, and those that left', async () => {
    await golden(
      'sync-updated-since',
      `{
      locations(edition: "nid-2027", updatedSince: "2027-09-04T00:00:00Z", first: 20) { totalCount nodes { id name updatedAt } }
      removedLocations(edition: "nid-2027", since: "2027-09-01T00:00:00Z") { ${PAGE} nodes { id reason removedAt } }
    }`,
    );
  });

  it('shows a member key its organisation’s venues in every status, drafts included', async () => {
    await golden(
      'viewer-member',
      `{ viewer { isStaff keyPrefix scopes organisation { ...O }
      locations(edition: "nid-2027", first: 50, statuses: [DRAFT, PUBLISHED, CANCELLED]) { ${PAGE} nodes { ...L } }
      drafts: locations(edition: "nid-2027", statuses: [DRAFT]) { nodes { id name status } }
    } } ${ORGANISATION} ${LOCATION}`,
      undefined,
      MEMBER_SECRET,
    );
  });

  it('shows staff every organisation’s drafts, with exact places', async () => {
    await golden(
      'viewer-staff',
      `{ viewer { isStaff keyPrefix scopes organisation { slug }
      locations(edition: "nid-2027", statuses: [DRAFT, CANCELLED], first: 20) { ${PAGE} nodes { ...L } }
    } } ${LOCATION}`,
      undefined,
      STAFF_SECRET,
    );
  });

  it('answers the public nothing of drafts and a missing viewer', async () => {
    await golden(
      'public-no-drafts',
      `{ viewer { keyPrefix } organisation(slug: "asito") { locations(edition: "nid-2027", first: 50) { nodes { id status } } } }`,
    );
  });
});
