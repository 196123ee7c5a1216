/**
 * Tafel as deployed: three API processes on one PostgreSQL behind HAProxy, started by
 * deploy/cluster.mjs with deploy/haproxy.cfg.in. Writes the balancer spreads reach subscribers on
 * every process; a process killed mid-stream loses its subscribers to the others, which resume
 * with the current counts; HAProxy takes the dead process out of rotation by its health check;
 * and a client's rate limit holds across all processes. Needs PostgreSQL and HAProxy (.ci/run
 * installs it), so it runs in the PostgreSQL suite only.
 */
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../../../deploy/cluster.mjs';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { post, type Stream, subscribe, waitFor } from './live-support.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

const ANONYMOUS_LIMIT = 100;

let testDb: TestDb;
let cluster: Cluster | undefined;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
const streams: Resubscribing[] = [];

beforeAll(async () => {
  testDb = await openTestDatabase();
  fx = await seedFixture(testDb.database);
  staff = await staffKey(testDb.database);
  cluster = await startCluster({
    databaseUrl: testDb.url,
    processes: 3,
    dev: true,
    // A long window, so that it never turns over during the test.
    env: {
      LOG_LEVEL: 'warn',
      TAFEL_RATE_LIMIT_ANON: String(ANONYMOUS_LIMIT),
      TAFEL_RATE_LIMIT_WINDOW: '3600',
      VITEST: '',
    },
    log: 'stdout format raw local0 notice',
  });
}, 360_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await cluster?.stop();
  await testDb?.close();
});

/** HAProxy's view of one API process, in the backend for requests or the one for live streams. */
async function server(name: string, backend = 'tafel_api'): Promise<Record<string, string>> {
  const row = (await cluster!.stats()).find((r) => r['pxname'] === backend && r['svname'] === name);
  if (!row) throw new Error(`HAProxy has no server ${name}`);
  return row;
}

/** Sessions HAProxy has sent to each process so far. */
async function sessions(): Promise<number[]> {
  return Promise.all(cluster!.processes.map(async (p) => Number((await server(p.name))['stot'])));
}

async function publishedTotal(): Promise<number> {
  const [row] = (await testDb.database.db.execute(
    sql`SELECT sum(participants)::int AS total FROM locations WHERE edition_id = ${fx.edition.id} AND status = 'PUBLISHED'`,
  )) as unknown as [{ total: number }];
  return row.total;
}

/** A subscriber like the widget: when its stream ends, it subscribes again through the balancer. */
interface Resubscribing {
  /** Every statsChanged total, across reconnects. */
  totals(): number[];
  reconnects: number;
  current: Stream;
  close(): void;
}

async function statsSubscriber(base: string): Promise<Resubscribing> {
  const open = () => subscribe(base, StatsChanged.document, { edition: 'nid-test' });
  const earlier: number[] = [];
  let closed = false;
  const subscriber: Resubscribing = {
    reconnects: 0,
    current: await open(),
    totals: () => [
      ...earlier,
      ...subscriber.current.messages.map((m) => m.data.statsChanged.participants as number),
    ],
    close() {
      closed = true;
      subscriber.current.close();
    },
  };
  const follow = (stream: Stream) =>
    void stream.ended.then(async () => {
      if (closed) return;
      earlier.push(...stream.messages.map((m) => m.data.statsChanged.participants as number));
      while (!closed) {
        try {
          subscriber.current = await open();
          subscriber.reconnects += 1;
          follow(subscriber.current);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    });
  follow(subscriber.current);
  await subscriber.current.until(() => true);
  streams.push(subscriber);
  return subscriber;
}

async function arrive(delta: number): Promise<void> {
  const result = await post(
    cluster!.url,
    RecordArrivals.document,
    {
      input: { location: encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id), delta },
    },
    staff,
  );
  expect(result.data?.recordArrivals.userErrors).toEqual([]);
}

function withOutput<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((error: Error) => {
    const logs = [cluster!.haproxy, ...cluster!.processes].map(
      (p) => `--- ${'name' in p ? p.name : 'haproxy'} ---\n${p.output().slice(-2000)}`,
    );
    throw new Error(`${error.message}\n${logs.join('\n')}`);
  });
}

it('spreads writes over the processes, and every process tells its own subscribers', () =>
  withOutput(async () => {
    // Six through the balancer (streams go to the process holding fewest: two on each), and one
    // straight to each process.
    const balanced = [];
    for (let i = 0; i < 6; i++) balanced.push(await statsSubscriber(cluster!.url));
    const direct = await Promise.all(cluster!.processes.map((p) => statsSubscriber(p.url)));
    for (const p of cluster!.processes)
      expect(
        Number((await server(p.name, 'tafel_streams'))['scur']),
        `${p.name} holds two subscribers`,
      ).toBe(2);

    const before = await sessions();
    for (let i = 0; i < 9; i++) await arrive(1);
    const after = await sessions();
    // Every process took some of the writes.
    for (const [i, n] of after.entries())
      expect(n - before[i]!, cluster!.processes[i]!.name).toBeGreaterThan(0);

    const total = await publishedTotal();
    for (const subscriber of [...balanced, ...direct])
      await subscriber.current.until((m) => m.data.statsChanged.participants === total);
  }));

it('moves the subscribers of a process killed mid-stream to the others, with the current counts', () =>
  withOutput(async () => {
    const victim = cluster!.processes[1]!;
    const balanced = streams.slice(0, 6);
    victim.kill('SIGKILL');
    await victim.exited;
    // A write right after the kill, before any health check noticed: HAProxy sends it elsewhere.
    await arrive(5);
    const total = await publishedTotal();

    // The two subscribers that were on the dead process came back through the balancer, to the
    // living processes, and their first message there has the write they missed.
    await waitFor(
      async () => balanced.filter((s) => s.reconnects > 0).length === 2,
      30_000,
      'two subscribers to reconnect',
    );
    for (const subscriber of balanced)
      await subscriber.current.until((m) => m.data.statsChanged.participants === total);
    for (const subscriber of balanced.filter((s) => s.reconnects > 0))
      expect(subscriber.totals().at(-1)).toBe(total);

    // The health check (GET /ready) takes it out of rotation; then every request is answered.
    await waitFor(
      async () => (await server(victim.name))['status']?.startsWith('DOWN'),
      15_000,
      `HAProxy to mark ${victim.name} down`,
    );
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${cluster!.url}/ready`).then((r) => r.status)),
    );
    expect(answers).toEqual(Array(12).fill(200));
    await arrive(1);
    for (const subscriber of balanced)
      await subscriber.current.until((m) => m.data.statsChanged.participants === total + 1);
  }));

it('holds a client to one budget across the processes, whatever X-Forwarded-For it sends', () =>
  withOutput(async () => {
    const living = cluster!.processes.filter(
      (p) => p.child.exitCode === null && p.child.signalCode === null,
    );
    const query = (base: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers });
    const before = await sessions();
    // Through the balancer the client is 127.0.0.1 (what HAProxy saw), even when it claims to be
    // someone else; every answer counts down one shared budget, whichever process gave it.
    const remaining: number[] = [];
    for (let i = 0; i <= ANONYMOUS_LIMIT; i++) {
      const response = await query(
        cluster!.url,
        i % 2 ? { 'x-forwarded-for': `203.0.113.${i}` } : {},
      );
      if (response.status === 429) break;
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('ratelimit-remaining')));
    }
    expect(remaining.length).toBeGreaterThan(ANONYMOUS_LIMIT / 2);
    expect(remaining).toEqual(remaining.map((_, i) => remaining[0]! - i));
    expect(remaining.at(-1)).toBe(0);
    const after = await sessions();
    for (const p of living)
      expect(
        after[cluster!.processes.indexOf(p)]! - before[cluster!.processes.indexOf(p)]!,
        `${p.name} answered some`,
      ).toBeGreaterThan(0);

    // At its limit, it is refused by every process: through the balancer and at each one directly.
    const refused = await Promise.all([
      ...Array.from({ length: 4 }, () => query(cluster!.url)),
      ...living.map((p) => query(p.url)),
    ]);
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 429));
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  }));
