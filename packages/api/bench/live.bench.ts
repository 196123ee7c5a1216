/**
 * Live participation on PostgreSQL, on the demo edition (320 venues):
 * 1. sustained recordArrivals(+1) writes through a real API process (autocannon in this one),
 *    after a few seconds' warm-up, then a check that none was lost: the counts and the log both
 *    grew by exactly the accepted; and where each write's CPU went (API, PostgreSQL, autocannon).
 * 2. fan-out: 5,000 statsChanged subscribers (in a process of their own) on one API process
 *    while 200 writes/s arrive, through that process and then through a second one; latency from
 *    each write's commit to its arrival at every subscriber (and its two parts: to the first
 *    subscriber, and from the first to the last), the processes' CPU, and how much the API
 *    process's resident memory grew per subscriber.
 * 3. hosts (hosts.ts): 300 host links tapping at random with idempotency keys, 5 % resent, for
 *    BENCH_HOSTS_SECONDS (60): none lost, none counted twice (checked against the log), p99.
 * All traffic stays on 127.0.0.1, bounded in count and time.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { editionTotal } from '../src/locations/participation.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { hosts } from './hosts.ts';
import {
  loadArrivals,
  poster,
  report,
  type ScratchDb,
  scratchDatabase,
  startServerProcess,
  UNLIMITED,
} from './support.ts';

const WRITE_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WRITE_CONNECTIONS = 32;
const WARM_UP_SECONDS = Number(process.env['BENCH_WARM_UP_SECONDS'] ?? 3);
const SUBSCRIBERS = Number(process.env['BENCH_SUBSCRIBERS'] ?? 5000);
const FANOUT_WRITES_PER_SECOND = 200;
const FANOUT_SECONDS = Number(process.env['BENCH_FANOUT_SECONDS'] ?? 15);

async function figures(db: Db): Promise<{ total: number; logged: number }> {
  const [row] = rowsOf<{ total: string; logged: string }>(
    await db.execute(
      sql`SELECT (SELECT coalesce(sum(participants), 0) FROM locations) AS total, (SELECT count(*) FROM participation_log) AS logged`,
    ),
  );
  return { total: Number(row!.total), logged: Number(row!.logged) };
}

/** CPU time (ms) used so far by every PostgreSQL process on this machine, from /proc (Linux). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
        total += cpuMsOf(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function sustainedWrites(
  url: string,
  pid: number,
  db: Db,
  key: string,
  bodies: string[],
): Promise<void> {
  // A few seconds of the same traffic first, so the figures are those of a warm process (as the
  // API is all day long), not of its first seconds while V8 compiles the hot paths.
  await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: WRITE_CONNECTIONS,
    duration: WARM_UP_SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: bodies[Math.floor(Math.random() * bodies.length)],
        }),
      },
    ],
  });
  // autocannon stops without waiting for the answers in flight: let those commit before counting.
  await new Promise((r) => setTimeout(r, 1000));
  const before = await figures(db);
  const cpuBefore = { api: cpuMsOf(pid), postgres: postgresCpuMs(), load: process.cpuUsage() };
  let i = 0;
  let accepted = 0;
  let refused = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: WRITE_CONNECTIONS,
    duration: WRITE_SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"userErrors":[]')) accepted += 1;
          else refused += 1;
        },
      },
    ],
  });
  const load = process.cpuUsage(cpuBefore.load);
  const cpu = {
    api: cpuMsOf(pid) - cpuBefore.api,
    postgres: postgresCpuMs() - cpuBefore.postgres,
    load: (load.user + load.system) / 1000,
  };
  const after = await figures(db);
  const counted = after.total - before.total;
  const logged = after.logged - before.logged;
  // Requests still in flight when the time is up commit without their answer being read.
  const unanswered = counted - accepted;
  report(`recordArrivals(+1), ${bodies.length} venues, ${WRITE_CONNECTIONS} connections`, {
    'writes/s': Math.round(accepted / WRITE_SECONDS),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    accepted,
    refused: refused + result.errors + result.non2xx,
    counted,
    logged,
    lost: Math.max(0, -unanswered),
    // Where a write's CPU goes: the API process, PostgreSQL, and autocannon in this process.
    api_cpu_ms: cpu.api / accepted,
    pg_cpu_ms: cpu.postgres / accepted,
    loadgen_cpu_ms: cpu.load / accepted,
    // The machine's load while measuring: figures from a shared 2-core box are only as good as this.
    load1: loadavg()[0]!,
  });
  if (unanswered < 0 || unanswered > WRITE_CONNECTIONS || logged !== counted) {
    throw new Error(
      `counts disagree: ${accepted} accepted, counts grew by ${counted}, ${logged} log entries`,
    );
  }
}

/** CPU time a process has used so far (user + system), in ms, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process, from /proc (Linux). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
}

/**
 * `same`: the writes go through the API process that serves the subscribers. `other`: through a
 * second API process on the same database, as behind a load balancer, so they reach the
 * subscribers' process as NOTIFYs only.
 */
type Writer = 'same' | 'other';

async function fanOut(
  scratch: ScratchDb,
  editionId: number,
  { keyId, secret: key }: { keyId: number; secret: string },
  bodies: string[],
  writer: Writer,
): Promise<void> {
  const db = scratch.database.db;
  // The API in a process of its own (as in production), the subscribers in another.
  const server = await startServerProcess(scratch.url, UNLIMITED);
  const writes = writer === 'same' ? server : await startServerProcess(scratch.url, UNLIMITED);
  const clients = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./sse-clients.ts', import.meta.url))],
    {
      env: { ...process.env, SSE_URL: server.url, SSE_SUBSCRIBERS: String(SUBSCRIBERS) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const nextMessage = () => new Promise<any>((resolve) => clients.once('message', resolve));
  try {
    // Warm up the server's paths (parse, validate, the stats query) before the baseline.
    const post = poster(writes.url, key);
    await post(bodies[0]!);
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = rssOf(server.pid);
    const connecting = performance.now();
    const connected = await nextMessage();
    await new Promise((r) => setTimeout(r, 1000));
    const loaded = rssOf(server.pid);
    const connectSeconds = (performance.now() - connecting) / 1000;
    if (connected.connected < SUBSCRIBERS)
      throw new Error(
        `only ${connected.connected} of ${SUBSCRIBERS} subscribers connected (${connected.failed} failed)`,
      );

    const start = (await editionTotal(db, editionId)).total;
    let sent = 0;
    let failures = 0;
    let firstFailure = '';
    const failed = (why: string) => {
      failures += 1;
      firstFailure ||= why;
    };
    const inFlight = new Set<Promise<void>>();
    const [{ last: lastLogId }] = rowsOf<{ last: number }>(
      await db.execute(sql`SELECT coalesce(max(id), 0) AS last FROM participation_log`),
    ) as [{ last: number }];
    const cpuBefore = {
      server: cpuMsOf(server.pid),
      clients: cpuMsOf(clients.pid!),
      postgres: postgresCpuMs(),
      load: process.cpuUsage(),
    };
    const writeStart = performance.now();
    while (sent < FANOUT_WRITES_PER_SECOND * FANOUT_SECONDS) {
      const due = writeStart + (sent * 1000) / FANOUT_WRITES_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const body = bodies[sent % bodies.length];
      sent += 1;
      const write = post(body!)
        .then(({ status, text }) => {
          if (!text.includes('"userErrors":[]')) failed(`${status} ${text.slice(0, 120)}`);
        })
        .catch((error: Error) => failed(error.message))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
    }
    await Promise.all(inFlight);
    const writeSeconds = (performance.now() - writeStart) / 1000;
    const busy = (pid: number, before: number) =>
      `${Math.round((cpuMsOf(pid) - before) / writeSeconds / 10)}%`;
    const load = process.cpuUsage(cpuBefore.load);
    const share = (ms: number) => `${Math.round(ms / writeSeconds / 10)}%`;
    const cpu = {
      server: busy(server.pid, cpuBefore.server),
      clients: busy(clients.pid!, cpuBefore.clients),
      postgres: share(postgresCpuMs() - cpuBefore.postgres),
      loadgen: share((load.user + load.system) / 1000),
    };
    await new Promise((r) => setTimeout(r, 2000));
    const commits = rowsOf<{ at: string }>(
      await db.execute(
        sql`SELECT extract(epoch FROM at) * 1000 AS at FROM participation_log WHERE api_key_id = ${keyId} AND id > ${lastLogId} ORDER BY at, id`,
      ),
    ).map((r) => Number(r.at));
    clients.send({ type: 'measure', start, commits });
    const measured = await nextMessage();
    report(
      `fan-out: ${SUBSCRIBERS} statsChanged subscribers, ${FANOUT_WRITES_PER_SECOND} writes/s through ${writer === 'same' ? 'the same process' : 'another process'}`,
      {
        'writes/s': Math.round(commits.length / writeSeconds),
        write_failures: failures,
        p50_ms: measured.p50,
        p99_ms: measured.p99,
        max_ms: measured.max,
        undelivered: measured.missing,
        'msgs/subscriber/s': (measured.messagesPerSubscriber - 1) / writeSeconds,
        // From a commit to its first subscriber: the coalescing and the way through the database.
        first_p50_ms: measured.firstP50,
        first_p99_ms: measured.firstP99,
        // From a message's first arrival at a subscriber to its last: the fan-out's own share.
        spread_p50_ms: measured.spreadP50,
        spread_p99_ms: measured.spreadP99,
        connect_s: connectSeconds,
        // Of one core, while the writes arrived: the API process, and the subscribers' process beside it.
        server_cpu: cpu.server,
        clients_cpu: cpu.clients,
        // The rest of the box: PostgreSQL, and the writes' sender in this process.
        pg_cpu: cpu.postgres,
        loadgen_cpu: cpu.loadgen,
        load1: loadavg()[0]!,
      },
    );
    if (firstFailure) console.log(`  first failed write: ${firstFailure}`);
    report('fan-out: server memory per subscriber', {
      rss_kb: (loaded - baseline) / SUBSCRIBERS / 1024,
      server_rss_mb: loaded / 1024 / 1024,
    });
  } finally {
    clients.kill();
    await server.stop();
    if (writes !== server) await writes.stop();
  }
}

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('live');
  try {
    const db = scratch.database.db;
    const { bodies, secret, apiKey, edition, venues } = await loadArrivals(db);

    const parts = (process.env['BENCH_LIVE'] ?? 'writes,fanout,hosts').split(',');
    if (parts.includes('writes')) {
      const api = await startServerProcess(scratch.url, UNLIMITED);
      try {
        await sustainedWrites(api.url, api.pid, db, secret, bodies);
      } finally {
        await api.stop();
      }
    }
    for (const writer of (process.env['BENCH_FANOUT_WRITER'] ?? 'same,other').split(
      ',',
    ) as Writer[]) {
      if (parts.includes('fanout'))
        await fanOut(scratch, edition.id, { keyId: apiKey.id, secret }, bodies, writer);
    }
    if (parts.includes('hosts')) {
      const api = await startServerProcess(scratch.url, UNLIMITED);
      try {
        await hosts(api.url, db, venues);
      } finally {
        await api.stop();
      }
    }
  } finally {
    await scratch.drop();
  }
}
