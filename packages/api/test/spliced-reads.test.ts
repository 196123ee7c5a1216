/**
 * The spliced answer (graphql/read/splice.ts) is the executor's answer byte for byte: every query
 * of the golden answers and more (aliases, `__typename`, variables, fragments, directives, several
 * root fields, a staff key, awkward strings and floats, refusals) is asked of an app that splices
 * and of one that does not, over the same database, and the two response bodies must be equal.
 * Each query says whether it must take the spliced path (one statement ending in `AS j0`) or fall
 * back to the executor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/keys.ts';
import { apiKeys } from '../src/db/schema.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { type App, createApp } from '../src/yoga.ts';
import { openTestDatabase, type TestDb } from './support.ts';

const GOLDEN = new URL('./golden/', import.meta.url);
const STAFF_SECRET = `tafel_splice0staff${'s'.repeat(31)}`;

let t: TestDb;
let spliced: App;
let plain: App;

beforeAll(async () => {
  t = await openTestDatabase();
  const { db } = t.database;
  await loadDemo(db, generateDemo());
  await loadDemo(db, generateDemo({ seed: 2026, editionSlug: 'nid-2026' }));
  await db.insert(apiKeys).values({
    organisationId: null,
    prefix: STAFF_SECRET.slice(0, 14),
    hash: hashSecret(STAFF_SECRET),
    scopes: ['LOCATIONS_WRITE'],
    label: 'splice staff',
  });
  // Values whose JSON is easy to get wrong: floats PostgreSQL writes with an exponent, -0, and
  // strings with quotes, backslashes, control characters, non-ASCII and U+2028.
  const first = sql`(SELECT min(id) FROM locations WHERE edition_id = (SELECT id FROM editions WHERE slug = 'nid-2027') AND status = 'PUBLISHED' AND NOT awaiting_approval AND NOT sensitive)`;
  await db.execute(
    sql`UPDATE locations SET lat = 0.00001, lng = -0.0000001, name = ${'Quote " back \\ slash / tab \t nl \n ctl \u0001 é 😀 \u2028 end'}, languages = '{en,nl,da}', capacity = NULL WHERE id = ${first}`,
  );
  await db.execute(
    sql`UPDATE locations SET lat = -0.0, lng = 0.000123, description = ${'<b>x</b> & "y"'} WHERE id = ${first} + 1`,
  );
  await db.execute(
    sql`UPDATE locations SET lat = 0.0000012345, lng = 179.99999999999997 WHERE id = ${first} + 2`,
  );
  await db.execute(
    sql`UPDATE organisations SET name = ${'Stichting "Aan \\ Tafel"\t'} WHERE id = (SELECT organisation_id FROM locations WHERE id = ${first})`,
  );
  const publicApi = { responseCache: false, rateLimitStore: 'memory' as const };
  spliced = createApp({ database: t.database, publicApi, splicedReads: true });
  plain = createApp({ database: t.database, publicApi, splicedReads: false });
}, 300_000);
afterAll(() => t.close());

async function ask(app: App, query: string, variables?: unknown, key?: string) {
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

/**
 * Both apps answer the same bytes, and the spliced app took the path expected: `spliced` (its one
 * statement, none of the executor's compiled ones) or `executor` (none of its statements).
 */
async function same(query: string, variables: unknown, path: 'spliced' | 'executor', key?: string) {
  const before = await ask(plain, query, variables, key);
  t.counter.reset();
  const after = await ask(spliced, query, variables, key);
  const all = t.counter.statements;
  const splicedStatements = all.filter((s) => /::text AS j0\b/.test(s)).length;
  const executorsCompiled = all.filter((s) => /::text AS j$/.test(s)).length;
  if (after.body !== before.body) {
    let i = 0;
    while (after.body[i] === before.body[i]) i++;
    expect(after.body.slice(i - 200, i + 100)).toBe(before.body.slice(i - 200, i + 100));
  }
  expect(after).toEqual(before);
  const expected = path === 'spliced' ? [1, 0] : [0, executorsCompiled];
  expect([splicedStatements, executorsCompiled], `${path}: ${query.slice(0, 80)}`).toEqual(
    expected,
  );
  return JSON.parse(after.body) as { data?: any; errors?: unknown[] };
}

/** Does every root field of the query belong to the compiled path? */
function compiledOnly(query: string): boolean {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operation?.kind === Kind.OPERATION_DEFINITION &&
    operation.selectionSet.selections.every(
      (s) =>
        s.kind === Kind.FIELD &&
        ['locations', 'organisations', '__typename'].includes(s.name.value),
    )
  );
}

const LOCATION = `fragment L on Location {
  id name externalId status awaitingApproval sensitive locationPrecision meal startsAt endsAt capacity participants
  targetGroups languages wheelchairAccessible description registrationUrl createdAt updatedAt
  coordinates { lat lng } address { street postalCode city region regionName country }
  organisation { id slug name } edition { id slug }
}`;

describe('spliced answers', () => {
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));
  it.each(files)('are the executor’s bytes for the golden query %s', async (file) => {
    const record = JSON.parse(readFileSync(new URL(file, GOLDEN), 'utf8')) as {
      query: string;
      variables: unknown;
      key: string | null;
    };
    const path = compiledOnly(record.query) ? 'spliced' : 'executor';
    const key = record.key ? STAFF_SECRET : undefined;
    const answer = await same(record.query, record.variables ?? undefined, path, key);
    expect(answer.data).toBeTruthy();
  });

  it('keep aliases, __typename at every level, variables, fragments and directives', async () => {
    const answer = await same(
      `query Q($e: String!, $n: Int, $skip: Boolean!, $with: Boolean!) {
        __typename
        all: locations(edition: $e, first: $n) {
          __typename totalCount
          pageInfo { __typename hasNextPage end: endCursor }
          edges { __typename cursor node { __typename ...L other: name coordinates { __typename lat } meal @skip(if: $skip) capacity @include(if: $with) } }
        }
        orgs: organisations(first: 3, search: "s") { nodes { ... on Organisation { kind name } name locations(edition: $e, first: 2) { nodes { id } } } }
      } ${LOCATION}`,
      { e: 'nid-2027', n: 30, skip: true, with: false },
      'spliced',
    );
    expect(Object.keys(answer.data)).toEqual(['__typename', 'all', 'orgs']);
    // Keys in graphql-jit's order: a skipped first occurrence keeps its place, fragments come
    // after the fields beside them, nested fragments before their outer ones' later siblings.
    const ordered = await same(
      `query($skip: Boolean!) { locations(edition: "nid-2027", first: 3) { nodes { name @skip(if: $skip) ...N id ... on Location { meal name } } } }
       fragment N on Location { capacity ... on Location { participants } coordinates { lng } }`,
      { skip: true },
      'spliced',
    );
    expect(Object.keys(ordered.data.locations.nodes[0])).toEqual([
      'name',
      'id',
      'meal',
      'capacity',
      'coordinates',
      'participants',
    ]);
  });

  it('show a staff key the exact places', async () => {
    await same(
      `{ locations(edition: "nid-2027", first: 100) { nodes { ...L } } } ${LOCATION}`,
      undefined,
      'spliced',
      STAFF_SECRET,
    );
  });

  it('leave to the executor what they cannot answer whole', async () => {
    // A directive on a root field, a field asked twice under one key, a count-only page.
    await same(
      `{ locations(edition: "nid-2027") @include(if: true) { totalCount } }`,
      undefined,
      'executor',
    );
    await same(
      `{ a: locations(edition: "nid-2027") { totalCount } a: locations(edition: "nid-2027") { nodes { id } } }`,
      undefined,
      'executor',
    );
    // A directive on a fragment.
    await same(
      `query($s: Boolean!) { locations(edition: "nid-2027", first: 2) { nodes { id ... on Location @skip(if: $s) { name } } } }`,
      { s: false },
      'executor',
    );
    // Refusals: an edition that does not exist, a page too large, a cursor of another list.
    const missing = await same(
      `{ locations(edition: "nope") { nodes { id } } }`,
      undefined,
      'executor',
    );
    expect(missing.errors).toBeTruthy();
    const large = await same(
      `{ locations(edition: "nid-2027", first: 100000) { nodes { id } } }`,
      undefined,
      'executor',
    );
    expect(large.errors).toBeTruthy();
    await same(
      `{ locations(edition: "nid-2027", after: "bm90IGEgY3Vyc29y") { nodes { id } } }`,
      undefined,
      'executor',
    );
  });
});
