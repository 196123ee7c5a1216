/**
 * A `stats` with a filter counts the whole edition afresh: the query cost limit prices it so, and
 * refuses twenty of them in one request before any SQL runs. Unfiltered stats (counted once per
 * edition and shared) stay cheap.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/graphql/limits.ts';
import { createClient, openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  t = await openTestDatabase();
  await seedFixture(t.database);
  client = createClient(t.database, { responseCache: false, rateLimit: false });
});
afterAll(() => t.close());

const aliased = (n: number, filter: (i: number) => string) =>
  `{ ${Array.from({ length: n }, (_, i) => `s${i}: stats(edition: "nid-test"${filter(i)}) { participants locations }`).join(' ')} }`;

it('refuses twenty aliased stats with a search before any SQL, naming the cost limit', async () => {
  t.counter.reset();
  const r = await client.gql(aliased(20, (i) => `, filter: { search: "u${i}" }`));
  expect(r.status).toBe(400);
  expect(r.errors?.[0]?.message).toMatch(/cost of \d+ exceeds the cost limit of 50000/);
  expect(t.counter.statements).toEqual([]);
});

it('prices a filter given in variables the same, and lets through as many filtered stats as fit', async () => {
  const most = Math.floor(QUERY_LIMITS.cost / QUERY_LIMITS.filteredStats) - 1;
  const withVariables = await client.gql(
    `query($f: LocationFilter) { ${Array.from({ length: most + 1 }, (_, i) => `s${i}: stats(edition: "nid-test", filter: $f) { participants }`).join(' ')} }`,
    { f: { region: 'NL-UT' } },
  );
  expect(withVariables.status).toBe(400);
  const fits = await client.gql(aliased(most, (i) => `, filter: { search: "u${i}" }`));
  expect(fits.errors).toBeUndefined();
  // An empty filter narrows nothing, and unfiltered stats are shared: both cost what their fields do.
  const unfiltered = await client.gql(aliased(20, (i) => (i % 2 ? '' : ', filter: {}')));
  expect(unfiltered.errors).toBeUndefined();
  expect(unfiltered.data?.['s0'].participants).toBe(unfiltered.data?.['s1'].participants);
});
