/**
 * The numbers as open data: /editions/<slug>/stats.csv and timeline.csv, read back with a real CSV
 * parser and held against the API's own answer, row by row; with the licence and the "as of" time,
 * cacheable (ETag, 304) and following a report at once.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createApp } from '../src/yoga.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  const { db } = t.database;
  await db.execute(
    sql`UPDATE locations SET expected = participants + 10 WHERE edition_id = ${fx.edition.id}`,
  );
  // A day with a shape: the fixture's counts as the log has them.
  await db.execute(sql`
    INSERT INTO participation_log (location_id, edition_id, organisation_id, actor, old_value, new_value, at)
    SELECT id, edition_id, organisation_id, 'test', 0, participants,
           timestamptz '2027-10-14T10:00:00Z' + (id * interval '37 minutes')
    FROM locations WHERE edition_id = ${fx.edition.id} AND participants > 0`);
  app = createApp({ database: t.database, publicApi: { rateLimit: false } });
});
afterAll(() => t.close());

async function gql(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as any).data;
}

const DIMENSIONS = [
  'byRegion',
  'byCity',
  'byMeal',
  'byTargetGroup',
  'byOrganisation',
  'byOrganisationKind',
];
const STATS = `{ stats(edition: "nid-test") {
  participants expected capacity locations updatedAt timeline { at participants }
  ${DIMENSIONS.map((d) => `${d} { key participants expected capacity locations }`).join(' ')}
} }`;

async function file(name: string, headers: Record<string, string> = {}) {
  return app.fetch(`http://tafel.test/editions/nid-test/${name}`, { headers });
}

it('stats.csv holds the API’s numbers: the totals and every breakdown, present and expected', async () => {
  const api = (await gql(STATS)).stats;
  const response = await file('stats.csv');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
  const numbers = (r: Record<string, string>) => ({
    key: r['key'],
    participants: Number(r['participants']),
    expected: Number(r['expected']),
    capacity: Number(r['capacity']),
    locations: Number(r['locations']),
  });
  expect(numbers(rows[0]!)).toEqual({
    key: '',
    participants: api.participants,
    expected: api.expected,
    capacity: api.capacity,
    locations: api.locations,
  });
  expect(rows[0]!['dimension']).toBe('total');
  for (const dimension of DIMENSIONS)
    expect(rows.filter((r) => r['dimension'] === dimension).map(numbers), dimension).toEqual(
      api[dimension],
    );
  expect(rows.length).toBe(1 + DIMENSIONS.reduce((n, d) => n + api[d].length, 0));
  for (const row of rows) {
    expect(row['asOf']).toBe(api.updatedAt);
    expect(row['licence']).toMatch(/nid-test.*Licence: /);
    expect(row['edition']).toBe('nid-test');
  }
});

it('timeline.csv holds the API’s timeline, with the licence and the as-of time', async () => {
  const api = (await gql(STATS)).stats;
  const rows = parse(await (await file('timeline.csv')).text(), { columns: true }) as Record<
    string,
    string
  >[];
  expect(api.timeline.length).toBeGreaterThan(2);
  expect(rows.map((r) => ({ at: r['at'], participants: Number(r['participants']) }))).toEqual(
    api.timeline,
  );
  expect(rows.every((r) => r['intervalMinutes'] === '15' && r['asOf'] === api.updatedAt)).toBe(
    true,
  );
});

it('is kept and confirmed with 304, follows a report at once, and refuses an unknown edition', async () => {
  const first = await file('stats.csv');
  const etag = first.headers.get('etag');
  expect(etag).toBeTruthy();
  expect((await file('stats.csv', { 'if-none-match': etag! })).status).toBe(304);
  const before = (await gql(STATS)).stats.participants;
  const reported = await gql(
    `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { code } } }`,
    {
      input: {
        location: encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id),
        delta: 2,
      },
    },
    staff,
  );
  expect(reported.recordArrivals.userErrors).toEqual([]);
  const after = parse(await (await file('stats.csv')).text(), { columns: true }) as Record<
    string,
    string
  >[];
  expect(Number(after[0]!['participants'])).toBe(before + 2);
  expect((await app.fetch('http://tafel.test/editions/nope/stats.csv')).status).toBe(404);
});
