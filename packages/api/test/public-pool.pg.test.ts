/**
 * Anonymous work runs on the public-read pool, under its statement timeout; members' writes keep
 * connections of their own. On PostgreSQL (PGlite is one connection, with no timer to cut a
 * statement short): an open transaction holds `organisations` locked, so every anonymous stats
 * count hangs at its organisation names for as long as the lock is held, while a host's
 * arrivals touch no row of that table.
 */
import { RecordArrivals } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_POOL_SIZE, openDatabase } from '../src/db/client.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createClient, memberKey, openTestDatabase, seedFixture, type TestDb } from './support.ts';

const POOL = 4;
const TIMEOUT_MS = 300;

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let key: string;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  t = await openTestDatabase({ max: POOL, publicStatementTimeoutMs: TIMEOUT_MS });
  fx = await seedFixture(t.database);
  key = await memberKey(t.database, fx.asito.id);
  client = createClient(t.database, { responseCache: false, rateLimit: false });
  // The key is known before the lock is taken: looking it up reads its organisation.
  await client.app.caches.keys.start();
});
afterAll(() => t.close());

const STATS = `query($s: String) { stats(edition: "nid-test", filter: { search: $s }) { participants byOrganisation { key } } }`;

/** The answer, or "still waiting" after `ms`. */
function within<T>(ms: number, answer: Promise<T>): Promise<T | 'still waiting'> {
  return Promise.race([
    answer,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);
}

it('cuts anonymous stats off at the public statement timeout while a keyed write goes through on its own connections', async () => {
  const venue = encodeGlobalId('Location', fx.locations['Heracles Stadion']!.id);
  const arrive = () =>
    client.gql(RecordArrivals.document, { input: { location: venue, delta: 1 } }, { key });
  expect((await arrive()).data?.['recordArrivals'].userErrors).toEqual([]);

  const admin = postgres(t.url!, { max: 1, onnotice: () => {} });
  const probe = postgres(t.url!, { max: 1, onnotice: () => {} });
  let unlock!: () => void;
  const locked = new Promise<void>((resolve) => {
    void admin.begin(async (tx) => {
      await tx`LOCK TABLE organisations IN ACCESS EXCLUSIVE MODE`;
      resolve();
      await new Promise<void>((r) => (unlock = r));
    });
  });
  try {
    await locked;
    // Twice as many distinct searches (no two share a count) as either pool has connections.
    const searches = Array.from({ length: 2 * POOL }, (_, i) =>
      [...'utrecht'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(''),
    );
    const anonymous = searches.map((s) => client.gql(STATS, { s }));
    // The write is sent once the counts hold as many connections as a pool has, waiting for the lock.
    for (let waiting = 0; waiting < POOL; ) {
      await new Promise((r) => setTimeout(r, 20));
      [{ waiting }] =
        (await probe`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`) as unknown as [
          { waiting: number },
        ];
    }
    const started = performance.now();
    const write = await within(5000, arrive());
    expect(write, 'the keyed write waited for the anonymous counts').not.toBe('still waiting');
    expect(
      (write as Awaited<ReturnType<typeof arrive>>).data?.['recordArrivals'].userErrors,
    ).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
    // Each count was cut off at the timeout rather than left to wait for the lock.
    const answers = await within(5000, Promise.all(anonymous));
    expect(answers, 'the anonymous counts were not cut off').not.toBe('still waiting');
    for (const answer of answers as Awaited<(typeof anonymous)[number]>[]) {
      expect(answer.data?.['stats'] ?? null).toBeNull();
      expect(answer.errors?.length).toBeGreaterThan(0);
    }
  } finally {
    unlock?.();
    await Promise.all([admin.end(), probe.end()]);
  }
  // The lock gone, the same counts answer.
  const after = await client.gql(STATS, { s: 'Utrecht' });
  expect(after.errors).toBeUndefined();
  expect(after.data?.['stats'].participants).toBe(150);
});

it('keeps the public-read pool smaller than the writers’, each of its statements on one core', async () => {
  const database = await openDatabase({ url: t.url!, max: 10 });
  try {
    const [settings] = rowsOf<{ workers: string }>(
      await database.readDb.execute(
        sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers`,
      ),
    );
    expect(settings!.workers).toBe('0');
    const backends = await Promise.all(
      Array.from(
        { length: 10 },
        async () =>
          rowsOf<{ pid: number }>(
            await database.readDb.execute(sql`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)`),
          )[0]!.pid,
      ),
    );
    expect(new Set(backends).size).toBe(DEFAULT_PUBLIC_POOL_SIZE);
    const writers = await Promise.all(
      Array.from(
        { length: 10 },
        async () =>
          rowsOf<{ pid: number }>(
            await database.db.execute(sql`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)`),
          )[0]!.pid,
      ),
    );
    expect(new Set(writers).size).toBe(10);
  } finally {
    await database.close();
  }
});
