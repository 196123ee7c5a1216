/**
 * Rate limits and request sizes over real HTTP (the client's address comes from the socket):
 * limits lowered so they bite, per client IP and per API key, with the RateLimit headers; and
 * the gate as an attacker meets it: every spelling of the GraphQL path, keys on an address the
 * public has used up, mutations packed into one request, paths that are not valid encoding.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter } from '@tafel/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTimeouts } from '../src/http/timeouts.ts';
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
let fx: Awaited<ReturnType<typeof seedFixture>>;
const servers: Server[] = [];

/**
 * Each app counts on its own, so that every test starts with full allowances (these tests are
 * about the gate; counts shared between processes are test/rate-limit-store.pg.test.ts's).
 */
async function serve(publicApi: Parameters<typeof createApp>[0]['publicApi']): Promise<string> {
  const server = createServer(
    createApp({ database: t.database, publicApi: { rateLimitStore: 'memory', ...publicApi } }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await t.close();
});

const counter = JSON.stringify({ query: Counter.document, variables: { edition: 'nid-test' } });

function ask(base: string, headers: Record<string, string> = {}, body = counter) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body,
  });
}

describe('rate limits', () => {
  it('answers 429 with Retry-After and RateLimit headers after the configured number of requests per IP', async () => {
    const base = await serve({ rateLimit: { anonymous: 3, key: 100, windowSeconds: 60 } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ask(base));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]!.headers.get('ratelimit-remaining')).toBe('2');
    expect(answers[2]!.headers.get('ratelimit-remaining')).toBe('0');
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(answers[0]!.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=\d+$/);
    const refused = answers[3]!;
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await refused.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]!.message).toMatch(/at most 3 per 60 s/);
    // The feeds count too.
    expect((await fetch(`${base}/editions/nid-test/locations.csv`)).status).toBe(429);
    // Health checks do not.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('counts per API key, apart from the address it comes from', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 3, windowSeconds: 60 } });
    const asito = await memberKey(t.database, fx.asito.id);
    const utrecht = await memberKey(t.database, fx.utrecht.id);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await ask(base, { authorization: `Bearer ${asito}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await ask(base, { authorization: `Bearer ${asito}` });
    expect(last.headers.get('ratelimit-limit')).toBe('3');
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await last.json()) as any).errors[0].message).toMatch(/API key tafel_/);
    // Another key from the same address has its own allowance, and so has the address itself.
    expect((await ask(base, { authorization: `Bearer ${utrecht}` })).status).toBe(200);
    expect((await ask(base)).status).toBe(200);
  });

  it('charges bad keys to the address, so guessing keys does not escape the limit', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 100, windowSeconds: 60 } });
    const bad = `tafel_${'A'.repeat(43)}`;
    expect((await ask(base, { authorization: `Bearer ${bad}` })).status).toBe(401);
    expect((await ask(base, { authorization: `Bearer ${bad}` })).status).toBe(401);
    t.counter.reset();
    expect((await ask(base, { authorization: `Bearer ${bad}` })).status).toBe(429);
    // Refused without looking the key up.
    expect(t.counter.statements).toEqual([]);
    expect((await ask(base)).status).toBe(429);
  });

  it('takes the client from X-Forwarded-For only when told to trust a proxy', async () => {
    const direct = await serve({
      rateLimit: { anonymous: 1, key: 100, windowSeconds: 60 },
      trustProxy: 0,
    });
    expect((await ask(direct, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    // A client cannot become someone else by saying so.
    expect((await ask(direct, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(429);

    const proxied = await serve({
      rateLimit: { anonymous: 1, key: 100, windowSeconds: 60 },
      trustProxy: 1,
    });
    expect((await ask(proxied, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await ask(proxied, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    // What a client put in front of the proxy's entry is not trusted: the proxy's entry counts.
    expect((await ask(proxied, { 'x-forwarded-for': '198.51.100.7, 203.0.113.1' })).status).toBe(
      429,
    );
    expect((await ask(proxied, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request with its path sent exactly as written (fetch would tidy some spellings up). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: {
          accept: 'application/graphql-response+json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    // The server may answer before it has read a body it refuses.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    req.end(body);
  });
}

const counterQuery = `query=${encodeURIComponent(Counter.document)}&variables=${encodeURIComponent(JSON.stringify({ edition: 'nid-test' }))}`;
const counterBody = (pad = 0) =>
  JSON.stringify({
    query: Counter.document,
    variables: { edition: 'nid-test', ...(pad ? { pad: 'x'.repeat(pad) } : {}) },
  });

/** Every spelling of the GraphQL path that a router, a proxy or yoga itself might take for it. */
const VARIANTS = [
  '/graphql/',
  '/graphql//',
  '//graphql',
  '//graphql/',
  '/GraphQL',
  '/GRAPHQL/',
  '/%67raphql',
  '/graphql%2F',
  '/graphql/anything',
  '/anything/graphql',
  '/anything/graphql/',
  '/editions//graphql',
  '/editions/nid-test/locations.csv/graphql',
  '/widget/x/graphql',
  '/health/graphql',
];
/** With the query string: `/x?/graphql` ends in /graphql too. */
const withQuery = (path: string) =>
  path.includes('?') ? `${path}&${counterQuery}` : `${path}?${counterQuery}`;

describe('every spelling of the GraphQL path', () => {
  it('answers GraphQL only at /graphql and 404 at every other spelling', async () => {
    const base = await serve({ rateLimit: false });
    const canonical = await raw(base, 'GET', withQuery('/graphql'));
    expect(canonical.status).toBe(200);
    expect(JSON.parse(canonical.text).data.stats.participants).toBeGreaterThan(0);
    for (const path of [...VARIANTS, `/x?a=/graphql`, `/x?/graphql/`]) {
      const get = await raw(
        base,
        'GET',
        path.includes('?')
          ? `${path.split('?')[0]}?${counterQuery}&${path.split('?')[1]}`
          : withQuery(path),
      );
      expect({ path, status: get.status }).toEqual({ path, status: 404 });
      const post = await raw(base, 'POST', path, {}, counterBody());
      expect({ path, status: post.status }).toEqual({ path, status: 404 });
    }
    // The query string ending in the path is a spelling too.
    expect((await raw(base, 'GET', `/x?${counterQuery}&b=/graphql`)).status).toBe(404);
    expect((await raw(base, 'POST', '/x?b=/graphql', {}, counterBody())).status).toBe(404);
    // GraphiQL, for a browser, only at /graphql too.
    expect((await raw(base, 'GET', '/graphql', { accept: 'text/html' })).text).toMatch(
      /GraphiQL|graphiql/,
    );
    for (const path of ['/graphql/', '//graphql', '/anything/graphql'])
      expect({
        path,
        status: (await raw(base, 'GET', path, { accept: 'text/html' })).status,
      }).toEqual({ path, status: 404 });
  });

  it('counts every spelling against the rate limit: no GraphQL answer past the allowance', async () => {
    for (const path of [...VARIANTS, '/x?/graphql']) {
      const base = await serve({ rateLimit: { anonymous: 2, key: 100, windowSeconds: 60 } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await raw(base, 'GET', withQuery(path))).status);
      // Whatever a spelling answers, it is never a GraphQL answer once the allowance is spent.
      expect({ path, statuses: statuses.slice(2).filter((s) => s === 200) }).toEqual({
        path,
        statuses: [],
      });
    }
  });

  it('holds every spelling to the body limit: an anonymous 40 KB body is never run', async () => {
    const base = await serve({ rateLimit: false });
    for (const path of [...VARIANTS, '/x?/graphql']) {
      const answer = await raw(base, 'POST', path, {}, counterBody(40_000));
      expect({ path, accepted: answer.status === 200 }).toEqual({ path, accepted: false });
    }
    expect((await raw(base, 'POST', '/graphql', {}, counterBody(40_000))).status).toBe(413);
  });

  it('never answers a keyed request at any spelling with a cacheable answer', async () => {
    const base = await serve({ rateLimit: false });
    const key = await memberKey(t.database, fx.asito.id);
    const keyed = await raw(base, 'GET', withQuery('/graphql'), { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(200);
    expect(keyed.headers['cache-control']).toBe('private, no-store');
    for (const path of [...VARIANTS, '/x?/graphql']) {
      const answer = await raw(base, 'GET', withQuery(path), { authorization: `Bearer ${key}` });
      if (answer.status === 200)
        expect({ path, cacheControl: answer.headers['cache-control'] }).toEqual({
          path,
          cacheControl: 'private, no-store',
        });
      else expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
  });

  it('opens no live stream at another spelling', async () => {
    const base = await serve({ rateLimit: false });
    const subscription = encodeURIComponent(
      'subscription { statsChanged(edition: "nid-test") { participants } }',
    );
    for (const path of ['/graphql/', '//graphql', '/anything/graphql']) {
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(base);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: `${path}?query=${subscription}`,
            headers: { accept: 'text/event-stream' },
          },
          (res) => {
            resolve(res.statusCode!);
            res.destroy();
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect({ path, status }).toEqual({ path, status: 404 });
    }
    const canonical = await fetch(`${base}/graphql?query=${subscription}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(canonical.status).toBe(200);
    await canonical.body?.cancel();
  });
});

describe(`API keys on an address the public has used up (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('serves a valid key after the address has spent its anonymous allowance, counting against the key only', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 5, windowSeconds: 60 } });
    const key = await memberKey(t.database, fx.utrecht.id);
    expect((await ask(base)).status).toBe(200);
    expect((await ask(base)).status).toBe(200);
    expect((await ask(base)).status).toBe(429);
    // A host on the venue's Wi-Fi, behind the same address as the public.
    const keyed = await ask(base, { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(200);
    expect(((await keyed.json()) as any).data.stats.participants).toBeGreaterThan(0);
    expect(keyed.headers.get('ratelimit-limit')).toBe('5');
    expect(keyed.headers.get('ratelimit-remaining')).toBe('4');
    // The key's requests cost the address nothing, and the address's cost the key nothing.
    for (let i = 0; i < 4; i++)
      expect((await ask(base, { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await ask(base, { authorization: `Bearer ${key}` })).status).toBe(429);
    expect((await ask(base)).status).toBe(429);
    // A bad key still costs the address, which has nothing left.
    expect((await ask(base, { authorization: `Bearer tafel_${'B'.repeat(43)}` })).status).toBe(429);
  });

  it('still refuses every key, unchecked, from an address that spent its allowance on bad keys', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 100, windowSeconds: 60 } });
    const key = await memberKey(t.database, fx.utrecht.id);
    const bad = `tafel_${'C'.repeat(43)}`;
    expect((await ask(base, { authorization: `Bearer ${bad}` })).status).toBe(401);
    expect((await ask(base, { authorization: `Bearer ${bad}` })).status).toBe(401);
    t.counter.reset();
    const refused = await ask(base, { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(t.counter.statements).toEqual([]);
  });
});

describe('mutations counted by field', () => {
  const venue = () =>
    Buffer.from(`Location:${fx.locations['Buurthuis De Ster']!.id}`).toString('base64url');
  const arrivals = (n: number) =>
    `mutation($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: recordArrivals(input: { location: $id, delta: 1 }) { userErrors { code } }`).join(' ')} }`;
  const mutate = (base: string, key: string, query: string) =>
    ask(
      base,
      { authorization: `Bearer ${key}` },
      JSON.stringify({ query, variables: { id: venue() } }),
    );
  const participants = async () =>
    (await t.database.db.query.locations.findFirst({
      where: { id: fx.locations['Buurthuis De Ster']!.id },
    }))!.participants;

  it('charges each top-level mutation field as one request, and says so in the RateLimit headers', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 30, windowSeconds: 60 } });
    const key = await staffKey(t.database);
    const before = await participants();
    const three = await mutate(base, key, arrivals(3));
    expect(three.status).toBe(200);
    expect(((await three.json()) as any).data.a2.userErrors).toEqual([]);
    expect(await participants()).toBe(before + 3);
    expect(three.headers.get('ratelimit-remaining')).toBe('27');
    // Fields spread in through fragments count too.
    const fragments = await mutate(
      base,
      key,
      `mutation($id: ID!) { ...Two ... on Mutation { c: recordArrivals(input: { location: $id, delta: -1 }) { userErrors { code } } } }
       fragment Two on Mutation { a: recordArrivals(input: { location: $id, delta: -1 }) { userErrors { code } } b: recordArrivals(input: { location: $id, delta: -1 }) { userErrors { code } } }`,
    );
    expect(fragments.status).toBe(200);
    expect(fragments.headers.get('ratelimit-remaining')).toBe('24');
    expect(await participants()).toBe(before);
  });

  it('refuses with 429 and changes nothing when the allowance cannot cover every field', async () => {
    const base = await serve({ rateLimit: { anonymous: 2, key: 5, windowSeconds: 60 } });
    const key = await staffKey(t.database);
    const before = await participants();
    const twenty = await mutate(base, key, arrivals(20));
    expect(twenty.status).toBe(429);
    expect(twenty.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(twenty.headers.get('ratelimit-remaining')).toBe('4');
    const body = (await twenty.json()) as any;
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/20 changes/);
    expect(await participants()).toBe(before);
    // What is left is still there for requests it covers.
    expect((await mutate(base, key, arrivals(4))).status).toBe(200);
    expect(await participants()).toBe(before + 4);
    expect((await mutate(base, key, arrivals(1))).status).toBe(429);
  });
});

describe('paths that are not valid percent-encoding', () => {
  it('answers a plain 400 without a stack trace or server paths', async () => {
    const base = await serve({ rateLimit: false });
    for (const path of [
      '/widget/%E0%A4%A',
      '/widget/%',
      '/widget/tafel.js%ZZ',
      '/embed%E0%A4%A',
      '/editions/%E0%A4%A/locations.csv',
      '/editions/nid-test/%E0%A4%A',
      '/%E0%A4%A',
      '/graphql%E0%A4%A',
    ]) {
      for (const method of ['GET', 'POST']) {
        const answer = await raw(
          base,
          method,
          path,
          {},
          method === 'POST' ? counterBody() : undefined,
        );
        expect({ path, method, status: answer.status }).toEqual({ path, method, status: 400 });
        expect(answer.text).not.toMatch(/\n\s+at |\/work\/|node_modules|URIError/);
      }
    }
    // Valid encoding still finds the file.
    expect((await raw(base, 'GET', '/widget/%74afel.js')).status).not.toBe(400);
  });
});

/** A POST with a chunked body (no Content-Length), as a streaming client sends it. */
function chunked(
  base: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/graphql`);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
    req.end();
  });
}

describe('request sizes and timeouts', () => {
  it('refuses an anonymous body over 32 KB (declared or chunked), and takes 10 MB with a key', async () => {
    const base = await serve({ rateLimit: false });
    const staff = await staffKey(t.database);
    const padded = (bytes: number) =>
      JSON.stringify({
        query: Counter.document,
        variables: { edition: 'nid-test', pad: 'x'.repeat(bytes) },
      });
    expect((await ask(base, {}, padded(40_000))).status).toBe(413);
    expect((await chunked(base, padded(40_000))).status).toBe(413);
    const small = await chunked(base, padded(1000));
    expect(small.status).toBe(200);
    expect(JSON.parse(small.text).data.stats.participants).toBeGreaterThan(0);
    // A bulk upsert's worth (5 MB) with a key: accepted by the gate (the query itself is fine).
    expect((await ask(base, { authorization: `Bearer ${staff}` }, padded(5_000_000))).status).toBe(
      200,
    );
    expect(
      (await chunked(base, padded(5_000_000), { authorization: `Bearer ${staff}` })).status,
    ).toBe(200);
    expect((await ask(base, { authorization: `Bearer ${staff}` }, padded(11_000_000))).status).toBe(
      413,
    );
  });

  it('drops a client that sends its headers too slowly', async () => {
    const server = createServer(
      serverTimeouts({ TAFEL_REQUEST_TIMEOUT: '1500', TAFEL_HEADERS_TIMEOUT: '1000' }),
      createApp({ database: t.database, publicApi: { rateLimit: false } }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { connect } = await import('node:net');
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'),
      );
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('close', () => resolve(text));
    });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
