/**
 * A process keeps the keys it has just looked up (auth/key-cache.ts), so a host reporting every
 * few seconds costs no key lookup per request. Revocation must still act at once: through the
 * API in this process, and by any other writer (psql, the CLI, another API process) through the
 * trigger on api_keys and its NOTIFY.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCache } from '../src/auth/key-cache.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
/** The app's key cache. */
let keys: KeyCache;
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  const client = createClient(t.database);
  gql = client.gql;
  keys = client.app.caches.keys;
  // Keys are kept only while this process listens for changes to them.
  await keys.start();
});
afterAll(() => t.close());

const QUERY = '{ editions { slug } }';
const keyLookups = () => t.counter.statements.filter((s) => /from "api_keys"/.test(s)).length;

/** Ask until `done` holds; how long it took, or Infinity. */
async function within(ms: number, done: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await done()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Infinity;
}

describe('the key cache', () => {
  it('looks a busy key up once, not on every request', async () => {
    const key = await memberKey(t.database, fx.asito.id);
    expect((await gql(QUERY, {}, { key })).status).toBe(200);
    t.counter.reset();
    for (let i = 0; i < 5; i++) expect((await gql(QUERY, {}, { key })).status).toBe(200);
    expect(keyLookups()).toBe(0);
  });

  it('still looks up a key it does not know, and refuses it', async () => {
    t.counter.reset();
    const r = await gql(QUERY, {}, { key: `tafel_${'x'.repeat(43)}` });
    expect(r.status).toBe(401);
    expect(keyLookups()).toBe(1);
  });

  it('refuses a key revoked through the API on the very next request', async () => {
    const key = await memberKey(t.database, fx.utrecht.id);
    expect((await gql(QUERY, {}, { key })).status).toBe(200);
    const revoked = await gql(
      `mutation($p: String!) { revokeApiKey(input: { prefix: $p }) { userErrors { code } } }`,
      { p: key.slice(0, 14) },
      { key: await staffKey(t.database) },
    );
    expect(revoked.data!['revokeApiKey'].userErrors).toEqual([]);
    const r = await gql(QUERY, {}, { key });
    expect(r.status).toBe(401);
    expect(r.errors![0]!.message).toMatch(/revoked/);
  });

  it('forgets a key revoked by another writer (psql, the CLI, another process) as soon as its notice arrives', async () => {
    const key = await memberKey(t.database, fx.moskee.id);
    expect((await gql(QUERY, {}, { key })).status).toBe(200);
    await t.database.db.execute(
      sql`UPDATE api_keys SET revoked_at = now() WHERE prefix = ${key.slice(0, 14)}`,
    );
    // Well before the cache's own limit: it was the notice, not the entry's age.
    const took = await within(
      keys.ttlMs / 2,
      async () => (await gql(QUERY, {}, { key })).status === 401,
    );
    expect(took).toBeLessThan(keys.ttlMs / 2);
  });

  it('takes a scope away at once too', async () => {
    const key = await memberKey(t.database, fx.asito.id, [
      'LOCATIONS_WRITE',
      'PARTICIPATION_WRITE',
    ]);
    const arrive = () =>
      gql(
        `mutation($id: ID!) { recordArrivals(input: { location: $id, delta: 1 }) { userErrors { code } } }`,
        {
          id: Buffer.from(`Location:${fx.locations['Heracles Stadion']!.id}`).toString('base64url'),
        },
        { key },
      );
    expect((await arrive()).data!['recordArrivals'].userErrors).toEqual([]);
    await t.database.db.execute(
      sql`UPDATE api_keys SET scopes = '{LOCATIONS_WRITE}' WHERE prefix = ${key.slice(0, 14)}`,
    );
    const took = await within(
      keys.ttlMs / 2,
      async () => (await arrive()).errors?.[0]?.extensions?.['code'] === 'FORBIDDEN',
    );
    expect(took).toBeLessThan(keys.ttlMs / 2);
  });
});
