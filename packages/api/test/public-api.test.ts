/**
 * The public API facing the public: query limits (refused before any SQL), GraphQL over HTTP,
 * CORS and CSRF, persisted operations, the response cache and HTTP caching, incremental sync.
 * In-process through `app.fetch`, with the response cache on as in production.
 */

import { Counter, MapLocations, Stats } from '@tafel/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { operationHash } from '../src/http/persisted.ts';
import { createApp } from '../src/yoga.ts';
import {
  memberKey,
  onPostgres,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let asito: string;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  asito = await memberKey(t.database, fx.asito.id);
  app = createApp({ database: t.database, publicApi: { responseCache: true, rateLimit: false } });
});
afterAll(() => t.close());

const JSON_TYPES = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
};

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: { ...JSON_TYPES, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function get(
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  return app.fetch(`http://tafel.test/graphql?${search}`, {
    headers: { accept: 'application/graphql-response+json', ...headers },
  });
}

/** SQL statements run while `f` runs. */
async function sqlDuring<T>(f: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  t.counter.reset();
  const result = await f();
  return { result, statements: [...t.counter.statements] };
}

describe('query limits: refused before any SQL runs, naming the limit', () => {
  const deep = (n: number) =>
    `{ locations(edition: "nid-test", first: 1) { nodes { ${'organisation { locations(edition: "nid-test", first: 1) { nodes { '.repeat(n)} name ${'} } }'.repeat(n)} } } }`;
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['depth 20', () => post({ query: deep(7) }), 400, /depth limit of 10 exceeded, found 2\d/],
    [
      '500 aliases',
      () =>
        post({
          query: `{ editions { ${Array.from({ length: 500 }, (_, i) => `a${i}: slug`).join(' ')} } }`,
        }),
      400,
      /Aliases limit of 20 exceeded, found 500/,
    ],
    [
      'first: 1000000',
      () =>
        post({
          query: MapLocations.document,
          variables: { edition: 'nid-test', first: 1_000_000 },
        }),
      400,
      /cost of \d+ exceeds the cost limit of 50000/,
    ],
    [
      'first: 1000000 inline',
      () =>
        post({ query: `{ locations(edition: "nid-test", first: 1000000) { nodes { name } } }` }),
      400,
      /cost limit of 50000/,
    ],
    [
      'a 100 KB query without a key',
      () => post({ query: `{ ${'__typename '.repeat(10_000)}}` }),
      413,
      /larger than 32 KB/,
    ],
    [
      'a 100 KB query with a key',
      () =>
        post({ query: `{ ${'__typename '.repeat(10_000)}}` }, { authorization: `Bearer ${staff}` }),
      400,
      /Token limit of 2000 exceeded/,
    ],
    [
      'a batch of 100 operations',
      () =>
        post(
          Array.from({ length: 100 }, () => ({
            query: Counter.document,
            variables: { edition: 'nid-test' },
          })),
        ),
      400,
      /Batching is not supported/,
    ],
    [
      '11 directives',
      () => post({ query: `{ editions { slug ${'@include(if: true) '.repeat(11)} } }` }),
      400,
      /Directives limit of 10 exceeded/,
    ],
  ];

  for (const [name, send, status, message] of cases) {
    it(`refuses ${name}`, async () => {
      const { result: response, statements } = await sqlDuring(send);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(body.errors[0]!.message).toMatch(message);
      // With a key, only the key's own lookup ran.
      expect(statements.filter((s) => !/"api_keys"/.test(s))).toEqual([]);
    });
  }

  it('lets the widget’s and journalists’ queries through', async () => {
    const ok = async (body: unknown) => {
      const response = await post(body);
      const json = (await response.json()) as { errors?: unknown; data: unknown };
      expect(response.status, JSON.stringify(json)).toBe(200);
      expect(json.errors).toBeUndefined();
      return json.data as any;
    };
    expect(
      (await ok({ query: MapLocations.document, variables: { edition: 'nid-test', first: 1000 } }))
        .locations.totalCount,
    ).toBe(5);
    expect(
      (await ok({ query: Counter.document, variables: { edition: 'nid-test' } })).stats
        .participants,
    ).toBe(980);
    expect(
      (await ok({ query: Stats.document, variables: { edition: 'nid-test' } })).stats.byRegion
        .length,
    ).toBeGreaterThan(0);
    const timeline = await ok({
      query: `{ stats(edition: "nid-test") { participants timeline(interval: 15) { at participants } byOrganisation { key participants } } }`,
    });
    expect(Array.isArray(timeline.stats.timeline)).toBe(true);
    // A whole day at one-minute steps is still within the limit.
    await ok({
      query: `{ stats(edition: "nid-test") { timeline(interval: 1) { at participants } } }`,
    });
  });

  it('keeps introspection on, with the document depth of GraphiQL’s own query', async () => {
    const response = await post({
      query: `{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } }`,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.__schema.queryType.name).toBe('Query');
  });

  it('hides field suggestions from anonymous clients only', async () => {
    const typo = { query: `{ editons { slug } }` };
    const anonymous = (await (await post(typo)).json()) as any;
    expect(anonymous.errors[0].message).toBe('Cannot query field "editons" on type "Query".');
    const keyed = (await (await post(typo, { authorization: `Bearer ${staff}` })).json()) as any;
    expect(keyed.errors[0].message).toMatch(/Did you mean "editions?"/);
    // The anonymous copy did not change what keyed clients get (validation is cached).
    expect(((await (await post(typo)).json()) as any).errors[0].message).not.toMatch(
      /Did you mean/,
    );
    expect(
      ((await (await post(typo, { authorization: `Bearer ${staff}` })).json()) as any).errors[0]
        .message,
    ).toMatch(/Did you mean/);
  });

  it('prices each request with its own variables (the validation cache does not carry a cheap price over)', async () => {
    expect(
      (await post({ query: MapLocations.document, variables: { edition: 'nid-test', first: 10 } }))
        .status,
    ).toBe(200);
    expect(
      (
        await post({
          query: MapLocations.document,
          variables: { edition: 'nid-test', first: 100_000 },
        })
      ).status,
    ).toBe(400);
    // Prices are kept per document and numbers (strings never change a price): still each its own.
    expect(
      (await post({ query: MapLocations.document, variables: { edition: 'other-day', first: 10 } }))
        .status,
    ).toBe(200);
    expect(
      (
        await post({
          query: MapLocations.document,
          variables: { edition: 'other-day', first: 100_000 },
        })
      ).status,
    ).toBe(400);
    expect(
      (await post({ query: MapLocations.document, variables: { edition: 'nid-test', first: 10 } }))
        .status,
    ).toBe(200);
  });

  it('prices the documented queries as QUERY_LIMITS says: one 1,000-venue map page fits, two do not', async () => {
    const selection = MapLocations.document.slice(MapLocations.document.indexOf('locations('));
    const two = `query MapLocations($edition: String!, $filter: LocationFilter, $first: Int, $after: String) { a: ${selection.slice(0, -1)} b: ${selection}`;
    const response = await post({ query: two, variables: { edition: 'nid-test', first: 1000 } });
    expect(response.status).toBe(400);
    const message: string = ((await response.json()) as any).errors[0].message;
    expect(message).toMatch(/cost of \d+ exceeds the cost limit of 50000/);
    // Two pages cost twice what one does: one page (about 33,000) fits, two do not.
    const cost = Number(/cost of (\d+)/.exec(message)![1]);
    expect(cost).toBeGreaterThan(50_000);
    expect(cost / 2).toBeLessThan(50_000);
    const one = await post({
      query: MapLocations.document,
      variables: { edition: 'nid-test', first: 1000 },
    });
    expect(one.status).toBe(200);
  });
});

describe('GraphQL over HTTP', () => {
  it('answers GET and POST with application/graphql-response+json, or application/json when asked', async () => {
    const viaGet = await get({ query: Counter.document, variables: { edition: 'nid-test' } });
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const viaPost = await post({ query: Counter.document, variables: { edition: 'nid-test' } });
    expect(await viaPost.json()).toEqual(await viaGet.json());
    const legacy = await app.fetch('http://tafel.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses a mutation over GET with 405 and Allow: POST, before any SQL', async () => {
    const { result, statements } = await sqlDuring(() =>
      get({ query: `mutation { cancelLocation(input: { id: "x" }) { userErrors { code } } }` }),
    );
    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('POST');
    expect(statements).toEqual([]);
  });

  it('answers a malformed request with 400 and a document that does not parse with 400', async () => {
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ query: '{ editions { ' })).status).toBe(400);
    expect((await post({ variables: {} })).status).toBe(400);
  });

  it('runs the contract’s operations by their SHA-256 (persisted operations), over GET', async () => {
    const response = await get({
      extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(Counter.document) } },
      variables: { edition: 'nid-test' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.stats.participants).toBe(980);
    const unknown = await get({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(((await unknown.json()) as any).errors[0].message).toMatch(/PersistedQueryNotFound/);
  });
});

describe('CORS and CSRF', () => {
  it('lets any origin read, never with credentials, and exposes the caching and rate-limit headers', async () => {
    const response = await get({ query: '{ __typename }' }, { origin: 'https://krant.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag.*RateLimit/);
  });

  it('answers a preflight for a keyed JSON POST', async () => {
    const response = await app.fetch('http://tafel.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://member.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a POST a form could send (no preflight), and lets JSON POSTs and plain GETs through', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const { result, statements } = await sqlDuring(async () =>
        app.fetch('http://tafel.test/graphql', {
          method: 'POST',
          headers: { 'content-type': type, authorization: `Bearer ${asito}` },
          body: JSON.stringify({ query: '{ viewer { __typename } }' }),
        }),
      );
      expect(result.status, type).toBe(403);
      expect(statements.filter((s) => !/"api_keys"/.test(s))).toEqual([]);
    }
    // What EventSource and a CDN send: a GET with no custom header.
    expect(
      (await app.fetch(`http://tafel.test/graphql?query=${encodeURIComponent('{ __typename }')}`))
        .status,
    ).toBe(200);
  });
});

describe('caching of public reads', () => {
  const counter = { query: Counter.document, variables: { edition: 'nid-test' } };

  it('answers a repeated anonymous query from memory, without SQL', async () => {
    await post(counter);
    const { result, statements } = await sqlDuring(() => post(counter));
    expect(result.status).toBe(200);
    expect(statements).toEqual([]);
    // The same query over GET is served from the same entry.
    const viaGet = await sqlDuring(() => get(counter));
    expect(viaGet.statements).toEqual([]);
  });

  it('gives an anonymous GET a public Cache-Control and an ETag, and 304 for If-None-Match, without SQL', async () => {
    // An answer without live counts: TAFEL_CACHE_MAX_AGE.
    expect((await get({ query: '{ editions { slug name } }' })).headers.get('cache-control')).toBe(
      'public, max-age=10',
    );
    const first = await get(counter);
    // With live counts: no longer than their staleness bound (TAFEL_COUNTS_STALE_MS, 1 s).
    expect(first.headers.get('cache-control')).toBe('public, max-age=1');
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const { result, statements } = await sqlDuring(() => get(counter, { 'if-none-match': etag }));
    expect(result.status).toBe(304);
    expect(await result.text()).toBe('');
    expect(statements).toEqual([]);
    // POST answers are not for shared caches.
    expect((await post(counter)).headers.get('cache-control')).toBe('no-store');
  });

  it('is invalidated by a mutation: the next read shows the change, and the old ETag no longer matches', async () => {
    const before = await get(counter);
    const etag = before.headers.get('etag')!;
    const total = ((await before.json()) as any).data.stats.participants;
    const id = encodeGlobalId('Location', fx.locations['Heracles Stadion']!.id);
    const update = await post(
      {
        query: `mutation($i: UpdateLocationInput!) { updateLocation(input: $i) { userErrors { message } } }`,
        variables: { i: { id, participants: 590 } },
      },
      { authorization: `Bearer ${asito}` },
    );
    expect(((await update.json()) as any).data.updateLocation.userErrors).toEqual([]);
    const after = await get(counter, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(((await after.json()) as any).data.stats.participants).toBe(total + 10);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('is invalidated by a participation report', async () => {
    const before = ((await (await post(counter)).json()) as any).data.stats.participants;
    const id = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
    const arrive = await post(
      {
        query: `mutation($i: RecordArrivalsInput!) { recordArrivals(input: $i) { userErrors { message } } }`,
        variables: { i: { location: id, delta: 3 } },
      },
      { authorization: `Bearer ${staff}` },
    );
    expect(((await arrive.json()) as any).data.recordArrivals.userErrors).toEqual([]);
    expect(((await (await post(counter)).json()) as any).data.stats.participants).toBe(before + 3);
  });

  it('never caches nor shares an answer to a keyed request', async () => {
    const mine = {
      query: `{ viewer { __typename } locations(edition: "nid-test", first: 100) { totalCount } }`,
    };
    await post(mine, { authorization: `Bearer ${asito}` });
    const { result, statements } = await sqlDuring(() =>
      post(mine, { authorization: `Bearer ${asito}` }),
    );
    expect(statements.filter((s) => !/"api_keys"/.test(s)).length).toBeGreaterThan(0);
    expect(result.headers.get('cache-control')).toBe('private, no-store');
    const viaGet = await get(mine, { authorization: `Bearer ${asito}` });
    expect(viaGet.headers.get('cache-control')).toBe('private, no-store');
    expect(viaGet.headers.get('etag')).toBeNull();
    // An anonymous answer cached before is not handed to a key holder either.
    const count = { query: `{ locations(edition: "nid-test", first: 100) { totalCount } }` };
    await get(count);
    const keyed = await sqlDuring(() => get(count, { authorization: `Bearer ${asito}` }));
    expect(keyed.statements.filter((s) => !/"api_keys"/.test(s)).length).toBeGreaterThan(0);
  });
});

describe('incremental sync', () => {
  it('lists venues changed since a time, and the ones that left the public view', async () => {
    const since = new Date();
    const changed = encodeGlobalId('Location', fx.locations['Buurthuis De Ster']!.id);
    const gone = encodeGlobalId('Location', fx.locations['Moskee Bergen op Zoom']!.id);
    const key = await memberKey(t.database, fx.moskee.id);
    const ut = await memberKey(t.database, fx.utrecht.id);
    await post(
      {
        query: `mutation($i: UpdateLocationInput!) { updateLocation(input: $i) { userErrors { message } } }`,
        variables: { i: { id: changed, capacity: 45 } },
      },
      { authorization: `Bearer ${ut}` },
    );
    await post(
      {
        query: `mutation($i: CancelLocationInput!) { cancelLocation(input: $i) { userErrors { message } } }`,
        variables: { i: { id: gone } },
      },
      { authorization: `Bearer ${key}` },
    );
    const response = await post({
      query: `query($s: DateTime!) { locations(edition: "nid-test", updatedSince: $s) { totalCount nodes { id updatedAt } } removedLocations(edition: "nid-test", since: $s) { nodes { id reason removedAt } pageInfo { hasNextPage } } }`,
      variables: { s: since.toISOString() },
    });
    const { data, errors } = (await response.json()) as any;
    expect(errors).toBeUndefined();
    const ids = data.locations.nodes.map((n: any) => n.id);
    expect(ids).toContain(changed);
    expect(ids).not.toContain(gone);
    expect(data.locations.nodes.every((n: any) => new Date(n.updatedAt) >= since)).toBe(true);
    expect(data.removedLocations.nodes).toEqual([
      { id: gone, reason: 'CANCELLED', removedAt: expect.any(String) },
    ]);
    // Nothing changed since now.
    const later = await post({
      query: `query($s: DateTime!) { locations(edition: "nid-test", updatedSince: $s) { totalCount } removedLocations(edition: "nid-test", since: $s) { nodes { id } } }`,
      variables: { s: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(((await later.json()) as any).data).toEqual({
      locations: { totalCount: 0 },
      removedLocations: { nodes: [] },
    });
  });
});

describe('statement timeout of public reads', () => {
  it('cuts an anonymous read’s statement short on PostgreSQL (PGlite: one connection, no timeout)', async () => {
    if (!onPostgres) {
      // PGlite is one connection in this process: the public reads share it, and nothing can cut a statement short.
      expect(t.database.readDb).toBe(t.database.db);
      return;
    }
    const { sql } = await import('drizzle-orm');
    const [row] = (await t.database.readDb.execute(sql`SHOW statement_timeout`)) as unknown as {
      statement_timeout: string;
    }[];
    expect(row!.statement_timeout).toBe('5s');
    await expect(t.database.readDb.execute(sql`SELECT pg_sleep(6)`)).rejects.toThrow();
    // The writers' pool has none.
    const [writer] = (await t.database.db.execute(sql`SHOW statement_timeout`)) as unknown as {
      statement_timeout: string;
    }[];
    expect(writer!.statement_timeout).toBe('0');
  });
});
