/**
 * Rate limits shared by every API process: two apps on one PostgreSQL (each like a process of its
 * own) give a client one budget, counted in PostgreSQL by default and in Redis when
 * TAFEL_REDIS_URL is set (Redis at 127.0.0.1:6379 on this machine, TAFEL_TEST_REDIS_URL
 * elsewhere). PostgreSQL suite only: the shared counts live in a real database.
 */
import { randomInt } from 'node:crypto';
import { Counter } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicApiConfigFromEnv } from '../src/http/config.ts';
import { createApp } from '../src/yoga.ts';
import { serveHttp } from './live-support.ts';
import { memberKey, openTestDatabase, seedFixture, type TestDb } from './support.ts';

const REDIS_URL = process.env['TAFEL_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await t.close();
});

/** One API process: an app of its own on the shared database, over real HTTP, behind a proxy. */
async function process_(publicApi: Parameters<typeof createApp>[0]['publicApi']): Promise<string> {
  const { url, close } = await serveHttp(
    createApp({ database: t.database, publicApi: { trustProxy: 1, ...publicApi } }),
  );
  stops.push(close);
  return url;
}

/** A client address of its own for each test, as the proxy in front would report it. */
const someone = () => `198.51.100.${randomInt(1, 255)}, 203.0.113.${randomInt(1, 255)}`;

function ask(base: string, headers: Record<string, string>) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: JSON.stringify({ query: Counter.document, variables: { edition: 'nid-test' } }),
  });
}

/** Four requests, alternating between the two processes: the fourth is over a limit of three. */
async function alternate(processes: string[], headers: Record<string, string>) {
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await ask(processes[i % 2]!, headers));
  return answers;
}

describe.each([
  ['PostgreSQL', {}],
  ['Redis', { redisUrl: REDIS_URL }],
])('rate limits counted in %s', (_, store) => {
  const limits = { rateLimit: { anonymous: 3, key: 3, windowSeconds: 60 }, ...store };

  it('gives a client at its limit through one process no more through another', async () => {
    const processes = [await process_(limits), await process_(limits)];
    const client = { 'x-forwarded-for': someone() };
    const answers = await alternate(processes, client);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused by the first process too, and a different client is not.
    expect((await ask(processes[0]!, client)).status).toBe(429);
    expect((await ask(processes[0]!, { 'x-forwarded-for': someone() })).status).toBe(200);
  });

  it('counts an API key once across the processes', async () => {
    const processes = [await process_(limits), await process_(limits)];
    const key = await memberKey(t.database, fx.asito.id);
    if ('redisUrl' in store) {
      // Key ids start again in every test database, and Redis outlives them: forget earlier runs.
      const [{ id }] = (await t.database.db.execute(
        sql`SELECT id FROM api_keys WHERE prefix = ${key.slice(0, 14)}`,
      )) as unknown as [{ id: number }];
      const redis = new Redis(REDIS_URL);
      await redis.del(`tafel:rl:key:${id}`);
      await redis.quit();
    }
    const answers = await alternate(processes, {
      authorization: `Bearer ${key}`,
      'x-forwarded-for': someone(),
    });
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
  });
});

it('keeps the shared counts in PostgreSQL by default, and in memory when asked', async () => {
  expect(publicApiConfigFromEnv({}).rateLimitStore).toBe('shared');
  expect(publicApiConfigFromEnv({ TAFEL_REDIS_URL: REDIS_URL }).redisUrl).toBe(REDIS_URL);
  expect(() => publicApiConfigFromEnv({ TAFEL_REDIS_URL: 'localhost:6379' })).toThrow(
    /TAFEL_REDIS_URL must be a redis:\/\//,
  );
  expect(() => publicApiConfigFromEnv({ TAFEL_RATE_LIMIT_STORE: 'disk' })).toThrow(
    /TAFEL_RATE_LIMIT_STORE must be shared or memory/,
  );

  const client = { 'x-forwarded-for': someone() };
  const [ip] = client['x-forwarded-for']
    .split(',')
    .slice(-1)
    .map((a) => a.trim());
  await ask(await process_({ rateLimit: { anonymous: 3, key: 3, windowSeconds: 60 } }), client);
  const rows = (await t.database.db.execute(
    sql`SELECT key, points FROM rate_limits WHERE key = ${`ip:${ip}`}`,
  )) as unknown as { key: string; points: number }[];
  expect(rows).toEqual([{ key: `ip:${ip}`, points: 1 }]);

  // Per process: the second process knows nothing of the first's counts.
  const separate = {
    rateLimit: { anonymous: 3, key: 3, windowSeconds: 60 },
    rateLimitStore: 'memory' as const,
  };
  const answers = await alternate([await process_(separate), await process_(separate)], {
    'x-forwarded-for': someone(),
  });
  expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
});
