/**
 * Caps on open subscription streams, over real HTTP: per client IP (anonymous), per API key, and
 * per process; a refused stream gets 429 or 503 with Retry-After and an error naming the limit,
 * and a stream that ends for any reason — its client leaves, its key is revoked — frees its place.
 */
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { publicApiConfigFromEnv, streamsPerProcess } from '../src/http/config.ts';
import { LiveHub } from '../src/live/hub.ts';
import { logger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { post, serveHttp, waitFor } from './live-support.ts';
import { memberKey, openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let hub: LiveHub;
let server: Awaited<ReturnType<typeof serveHttp>>;
let staff: string;

const CAPS = { perIp: 3, perKey: 2, perProcess: 6 };

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  hub = new LiveHub(t.database, logger, { intervalMs: 100 });
  // Behind one trusted proxy, so each test can be a client of its own address.
  server = await serveHttp(
    createApp({
      database: t.database,
      live: hub,
      publicApi: { rateLimit: false, trustProxy: 1, streams: CAPS },
    }),
  );
});
afterAll(async () => {
  await server?.close();
  await hub?.close();
  await t?.close();
});

interface Opened {
  status: number;
  response: Response;
  close(): void;
}

const KEYED = 'subscription($e: String!) { participationChanged(edition: $e) { total } }';

async function open(
  headers: Record<string, string>,
  query = StatsChanged.document as unknown as string,
): Promise<Opened> {
  const url = new URL('/graphql', server.url);
  url.searchParams.set('query', String(query));
  url.searchParams.set('variables', JSON.stringify({ e: 'nid-test', edition: 'nid-test' }));
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  return { status: response.status, response, close: () => abort.abort() };
}

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

/** Keep opening until one is let through (a closed stream frees its place as its response closes). */
async function admittedAgain(headers: Record<string, string>, query?: string): Promise<Opened> {
  return waitFor(
    async () => {
      const again = await open(headers, query);
      if (again.status === 200) return again;
      await again.response.body?.cancel();
      return null;
    },
    10_000,
    'a stream to be let through again',
  );
}

async function expectRefused(
  opened: Opened,
  status: number,
  code: string,
  limit: string,
  max: number,
) {
  expect(opened.status).toBe(status);
  expect(opened.response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(opened.response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await opened.response.json()) as any;
  expect(body.errors[0].extensions).toEqual({ code, limit, max });
  expect(body.errors[0].message).toContain(limit);
}

describe('open streams', () => {
  it('are capped per address: one more is refused with 429 until one of them closes', async () => {
    const streams = [
      await open(from('198.51.100.1')),
      await open(from('198.51.100.1')),
      await open(from('198.51.100.1')),
    ];
    try {
      expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
      await expectRefused(
        await open(from('198.51.100.1')),
        429,
        'TOO_MANY_STREAMS',
        'TAFEL_MAX_SUBSCRIBERS_PER_IP',
        3,
      );
      // Another address has its own share, and the first can still ask anything but a stream.
      const other = await open(from('198.51.100.2'));
      expect(other.status).toBe(200);
      other.close();
      const read = await fetch(new URL('/graphql', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from('198.51.100.1') },
        body: JSON.stringify({ query: '{ edition(slug: "nid-test") { slug } }' }),
      });
      expect(read.status).toBe(200);
      // The client leaves one: its place is free again.
      streams.pop()!.close();
      streams.push(await admittedAgain(from('198.51.100.1')));
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('are capped per API key, whatever address they come from, and a keyed stream does not count against its address', async () => {
    const key = await memberKey(t.database, fx.asito.id);
    const streams = [
      await open({ ...withKey(key), ...from('198.51.100.10') }, KEYED),
      await open({ ...withKey(key), ...from('198.51.100.11') }, KEYED),
    ];
    try {
      expect(streams.map((s) => s.status)).toEqual([200, 200]);
      await expectRefused(
        await open({ ...withKey(key), ...from('198.51.100.12') }, KEYED),
        429,
        'TOO_MANY_STREAMS',
        'TAFEL_MAX_SUBSCRIBERS_PER_KEY',
        2,
      );
      const anonymous = await Promise.all([
        open(from('198.51.100.10')),
        open(from('198.51.100.10')),
        open(from('198.51.100.10')),
      ]);
      streams.push(...anonymous);
      expect(anonymous.map((s) => s.status)).toEqual([200, 200, 200]);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('are capped per process with 503, while /ready and writes still answer, and streams ended by a revoked key free their places', async () => {
    const member = await memberKey(t.database, fx.asito.id);
    const streams: Opened[] = [];
    try {
      // Let a previous test's closed streams go.
      streams.push(
        await admittedAgain(withKey(member), KEYED),
        await admittedAgain(withKey(member), KEYED),
      );
      for (const ip of ['198.51.100.20', '198.51.100.21'])
        streams.push(await open(from(ip)), await open(from(ip)));
      expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
      await expectRefused(
        await open(from('198.51.100.22')),
        503,
        'SERVICE_UNAVAILABLE',
        'TAFEL_MAX_SUBSCRIBERS',
        6,
      );
      await expectRefused(
        await open(withKey(staff), KEYED),
        503,
        'SERVICE_UNAVAILABLE',
        'TAFEL_MAX_SUBSCRIBERS',
        6,
      );

      expect((await fetch(new URL('/ready', server.url))).status).toBe(200);
      const stadhuis = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
      const write = await post(
        server.url,
        RecordArrivals.document,
        { input: { location: stadhuis, delta: 1 } },
        staff,
      );
      expect(write.data.recordArrivals.userErrors).toEqual([]);

      // The server ends the member's streams when its key is revoked: two places free up.
      const revoked = await post(
        server.url,
        'mutation($p: String!) { revokeApiKey(input: { prefix: $p }) { userErrors { code } } }',
        { p: member.slice(0, 14) },
        staff,
      );
      expect(revoked.data.revokeApiKey.userErrors).toEqual([]);
      await Promise.all(streams.slice(0, 2).map((s) => s.response.text()));
      streams.push(await admittedAgain(withKey(staff), KEYED));
      streams.push(await admittedAgain(from('198.51.100.22')));
      await expectRefused(
        await open(from('198.51.100.23')),
        503,
        'SERVICE_UNAVAILABLE',
        'TAFEL_MAX_SUBSCRIBERS',
        6,
      );
    } finally {
      for (const s of streams) s.close();
    }
  });
});

describe('the caps', () => {
  it('default to 50 per address, 200 per key, and per process what the file descriptors allow beside a reserve', () => {
    const { streams } = publicApiConfigFromEnv({});
    expect(streams).toMatchObject({ perIp: 50, perKey: 200 });
    // Linux: /proc/self/limits is read.
    expect(streams.perProcess).toBeGreaterThan(0);
    expect(streamsPerProcess(400)).toBe(300);
    expect(streamsPerProcess(1024)).toBe(768);
    expect(streamsPerProcess(120)).toBe(20);
  });

  it('are set by TAFEL_MAX_SUBSCRIBERS*, which may lower the process cap but never lift it past the descriptors', () => {
    const { streams } = publicApiConfigFromEnv({
      TAFEL_MAX_SUBSCRIBERS: '7',
      TAFEL_MAX_SUBSCRIBERS_PER_IP: '3',
      TAFEL_MAX_SUBSCRIBERS_PER_KEY: '4',
    });
    expect(streams).toEqual({ perIp: 3, perKey: 4, perProcess: 7 });
    expect(streamsPerProcess(400, 100_000)).toBe(300);
    // Where the limit cannot be read, the setting stands alone.
    expect(streamsPerProcess(null, 100_000)).toBe(100_000);
    expect(streamsPerProcess(null)).toBe(1000);
    expect(() => publicApiConfigFromEnv({ TAFEL_MAX_SUBSCRIBERS: 'lots' })).toThrow(
      /TAFEL_MAX_SUBSCRIBERS must be a whole number/,
    );
  });
});
