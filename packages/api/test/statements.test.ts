import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createClient, openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
});
afterAll(() => t.close());

async function statementsFor(query: string, key?: string): Promise<string[]> {
  t.counter.reset();
  const r = await gql(query, {}, key ? { key } : {});
  expect(r.errors).toBeUndefined();
  // Key lookups and the edition lookup (kept for a while once found) are not part of the shape.
  return t.counter.statements.filter(
    (s) =>
      !/"api_keys"/.test(s) &&
      !/^select "id"(, "[a-z_]+")* from "editions" where "editions"."slug"/.test(s),
  );
}

const NESTED = `{ locations(edition: "nid-test", first: 1000) { nodes { name organisation { name slug } edition { name } } } }`;

describe('SQL statements per request shape', () => {
  it('a nested list is one query for the rows, however many rows there are', async () => {
    const before = await statementsFor(NESTED);
    // One statement that joins organisation and edition laterally.
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/lateral/i);

    // Ten times the rows: still the same number of statements.
    const more = Array.from({ length: 50 }, (_, i) => ({
      editionId: fx.edition.id,
      organisationId: i % 2 ? fx.asito.id : fx.utrecht.id,
      name: `Extra ${i}`,
      lat: 52 + i / 100,
      lng: 5 + i / 100,
      meal: 'DINNER' as const,
    }));
    await t.database.db.insert(locations).values(more);
    const after = await statementsFor(NESTED);
    expect(after).toHaveLength(before.length);
  });

  it('a list reads only the columns its selection asks for, and its nested lists in the same statement', async () => {
    const [list] = await statementsFor(
      `{ locations(edition: "nid-test", first: 5) { nodes { name participants } } }`,
    );
    expect(list).toMatch(/"name"/);
    expect(list).toMatch(/"participants"/);
    // Nothing the answer does not print: not the description, not the exact place, not the times.
    expect(list).not.toMatch(/"description"|"street"|"lat"|"starts_at"|\.\*/);

    const nested = await statementsFor(
      `{ organisations(first: 10) { totalCount nodes { name locations(edition: "nid-test", first: 3) { nodes { name organisation { slug } edition { slug } } } } } }`,
    );
    expect(nested).toHaveLength(1);
  });

  it('a cursor the compiled lists did not write is judged as before, and one they wrote pages on', async () => {
    const first = await gql(
      `{ locations(edition: "nid-test", first: 2) { pageInfo { endCursor } nodes { id } } }`,
    );
    const next = await gql(
      `query($after: String) { locations(edition: "nid-test", first: 2, after: $after) { nodes { id } } }`,
      { after: first.data!['locations'].pageInfo.endCursor },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!['locations'].nodes).toHaveLength(2);
    expect(next.data!['locations'].nodes[0].id).not.toBe(first.data!['locations'].nodes[1].id);
    const bad = await gql(
      `{ locations(edition: "nid-test", first: 2, after: "bm9wZQ") { nodes { id } } }`,
    );
    expect(bad.errors?.[0]?.message).toMatch(/cursor/i);
  });

  it('totalCount adds one count statement, not one per row', async () => {
    const withCount = await statementsFor(
      `{ locations(edition: "nid-test") { totalCount nodes { name organisation { name } } } }`,
    );
    expect(withCount.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(withCount.length).toBeLessThanOrEqual(4);
  });

  it('stats with every bucket is a fixed handful of statements, and an unchanged edition is not counted twice', async () => {
    const query = `{ stats(edition: "nid-test") { participants capacity locations organisations byRegion { key participants } byMeal { key participants } byTargetGroup { key participants } byOrganisation { key label participants } } }`;
    const first = await statementsFor(query);
    // The grouped totals, the target groups, the organisation names.
    expect(first).toHaveLength(3);
    // Asked again with nothing changed: no SQL; the counts come from the snapshot.
    const again = await statementsFor(query);
    expect(again).toHaveLength(0);
  });

  it('a write makes the next stats read count afresh', async () => {
    const before = (await gql(`{ stats(edition: "nid-test") { participants locations } }`)).data![
      'stats'
    ];
    const key = await staffKey(t.database);
    const created = await gql(
      `mutation { createLocation(input: { edition: "nid-test", organisation: "asito", name: "Extra tafel", coordinates: { lat: 52.1, lng: 5.1 }, meal: LUNCH, capacity: 10, participants: 7 }) { userErrors { code } } }`,
      {},
      { key },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    const after = (await gql(`{ stats(edition: "nid-test") { participants locations } }`)).data![
      'stats'
    ];
    expect(after).toEqual({
      participants: before.participants + 7,
      locations: before.locations + 1,
    });
  });

  it('a report is its one locking statement; the venue’s relations, when asked for, one more', async () => {
    const key = await staffKey(t.database);
    const id = encodeGlobalId('Location', fx.locations['Heracles Stadion']!.id);
    const own = await statementsFor(
      `mutation { recordArrivals(input: { location: "${id}", delta: 1 }) { location { id name participants capacity } userErrors { code } } }`,
      key,
    );
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/^with "target"/);
    const related = await statementsFor(
      `mutation { recordArrivals(input: { location: "${id}", delta: 1 }) { location { participants organisation { name } } userErrors { code } } }`,
      key,
    );
    expect(related).toHaveLength(2);
    expect(related[1]).toMatch(/"organisations"/);
  });
});
