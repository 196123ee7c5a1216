/**
 * The production shape on one machine (deploy/cluster.mjs): 3 API processes on one PostgreSQL
 * behind HAProxy with deploy/haproxy.cfg.in. As many statsChanged subscribers as the machine
 * holds (BENCH_CLUSTER_SUBSCRIBERS, 9,000 by default) connect through HAProxy, which spreads them
 * over the processes (leastconn); 100 recordArrivals(+1) writes a second go through HAProxy too
 * (round robin), so most reach a subscriber's process as a NOTIFY from another one. Measured:
 * delivery from each write's commit to its arrival at every subscriber (p50/p99), each process's
 * subscribers, resident memory per subscriber and CPU, HAProxy's and PostgreSQL's CPU.
 *
 * The subscribers are bare TCP connections in processes of their own (bench/sse-clients.ts).
 * Every socket takes a file descriptor, and HAProxy holds two per subscriber: with `ulimit -n`
 * under twice the subscribers (plus 200), the bench says so and stops. Ctrl-C stops everything it started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Cluster, startCluster } from '../../../deploy/cluster.mjs';
import { editionTotal } from '../src/locations/participation.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { loadArrivals, percentile, poster, report, scratchDatabase, UNLIMITED } from './support.ts';

const PROCESSES = 3;
const SUBSCRIBERS = Number(process.env['BENCH_CLUSTER_SUBSCRIBERS'] ?? 9000);
/** Subscribers' processes: one core's worth of parsing each would be measured as delivery time. */
const CLIENT_PROCESSES = Number(process.env['BENCH_CLUSTER_CLIENT_PROCESSES'] ?? 2);
const WRITES_PER_SECOND = Number(process.env['BENCH_CLUSTER_WRITES'] ?? 100);
const WRITE_SECONDS = Number(process.env['BENCH_CLUSTER_SECONDS'] ?? 20);

/** CPU time (ms) a process has used so far, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (ms) of every process of this name (`postgres`, `haproxy`) on the machine. */
function cpuMsByName(name: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) total += cpuMsOf(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
}

function openFileLimit(): number {
  const soft = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return soft === 'unlimited' ? Infinity : Number(soft);
}

interface Measured {
  pairs: number;
  missing: number;
  max: number;
  messagesPerSubscriber: number;
  histogram: [number, number][];
}

function mergedPercentile(histograms: [number, number][][], p: number): number {
  const all = new Map<number, number>();
  for (const h of histograms) for (const [ms, n] of h) all.set(ms, (all.get(ms) ?? 0) + n);
  const sorted = [...all.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  const wanted = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [ms, n] of sorted) {
    seen += n;
    if (seen >= wanted) return ms;
  }
  return NaN;
}

export async function run(): Promise<void> {
  // Each process has its own limit, inherited from this one: HAProxy needs two descriptors per
  // subscriber (one each side) and some to spare, more than anyone else here.
  const needed = 2 * SUBSCRIBERS + 200;
  const limit = openFileLimit();
  if (limit < needed) {
    throw new Error(
      `${SUBSCRIBERS} subscribers need \`ulimit -n\` ≥ ${needed} for HAProxy (it is ${limit}): raise it (ulimit -n ${needed}, or LimitNOFILE in systemd) or set BENCH_CLUSTER_SUBSCRIBERS lower.`,
    );
  }
  const built = existsSync(fileURLToPath(new URL('../dist/server.js', import.meta.url)));
  const scratch = await scratchDatabase('cluster');
  const clients: ChildProcess[] = [];
  let cluster: Cluster | undefined;
  const interrupted = new AbortController();
  const onSignal = () => interrupted.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let stopping: Promise<void> | undefined;
  // Once, whichever comes first: the end, a failure, or Ctrl-C.
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const child of clients) child.kill();
      await cluster?.stop().catch(() => undefined);
      await scratch.drop().catch(() => undefined);
    })());
  interrupted.signal.addEventListener(
    'abort',
    () => void stopAll().finally(() => process.exit(130)),
  );
  try {
    const db = scratch.database.db;
    const { bodies, secret, apiKey, edition } = await loadArrivals(db);

    cluster = await startCluster({
      databaseUrl: scratch.url,
      processes: PROCESSES,
      dev: !built,
      env: { ...UNLIMITED, TAFEL_DEMO: 'off', LOG_LEVEL: 'warn' },
      log: 'stdout format raw local0 err',
      signal: interrupted.signal,
    });
    const pids = cluster.processes.map((p) => p.child.pid!);
    const post = poster(cluster.url, secret);
    // Warm every process's write path before the baseline (round robin: one write each, twice).
    for (let i = 0; i < PROCESSES * 2; i++) await post(bodies[i % bodies.length]!);
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = pids.map(rssOf);

    const connecting = performance.now();
    const perClient = Math.ceil(SUBSCRIBERS / CLIENT_PROCESSES);
    const connected = await Promise.all(
      Array.from({ length: CLIENT_PROCESSES }, (_, i) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(new URL('./sse-clients.ts', import.meta.url))],
          {
            env: {
              ...process.env,
              SSE_URL: cluster!.url,
              SSE_SUBSCRIBERS: String(Math.min(perClient, SUBSCRIBERS - i * perClient)),
              SSE_HISTOGRAM: '1',
            },
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          },
        );
        clients.push(child);
        return new Promise<{ connected: number; failed: number }>((resolve, reject) => {
          child.once('message', resolve);
          child.once('exit', (code) =>
            reject(new Error(`a subscribers' process exited (${code}) before connecting`)),
          );
        });
      }),
    );
    const connectSeconds = (performance.now() - connecting) / 1000;
    const total = connected.reduce((sum, c) => sum + c.connected, 0);
    const failedToConnect = connected.reduce((sum, c) => sum + c.failed, 0);
    if (total < SUBSCRIBERS)
      throw new Error(
        `only ${total} of ${SUBSCRIBERS} subscribers connected (${failedToConnect} failed)`,
      );
    await new Promise((r) => setTimeout(r, 2000));
    const loaded = pids.map(rssOf);
    const rows = await cluster.stats();
    const share = cluster.processes.map((p) =>
      Number(
        rows.find((r) => r['pxname'] === 'tafel_streams' && r['svname'] === p.name)?.['scur'] ??
          NaN,
      ),
    );

    const first = (await editionTotal(db, edition.id)).total;
    const [{ last: lastLogId }] = rowsOf<{ last: number }>(
      await db.execute(sql`SELECT coalesce(max(id), 0) AS last FROM participation_log`),
    ) as [{ last: number }];
    const cpuBefore = {
      api: pids.map(cpuMsOf),
      clients: clients.map((c) => cpuMsOf(c.pid!)),
      haproxy: cpuMsByName('haproxy'),
      postgres: cpuMsByName('postgres'),
      bench: process.cpuUsage(),
    };
    let sent = 0;
    let failures = 0;
    let firstFailure = '';
    const inFlight = new Set<Promise<void>>();
    const answered: number[] = [];
    const writeStart = performance.now();
    while (sent < WRITES_PER_SECOND * WRITE_SECONDS) {
      interrupted.signal.throwIfAborted();
      const wait = writeStart + (sent * 1000) / WRITES_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const failed = (why: string) => {
        failures += 1;
        firstFailure ||= why;
      };
      const sentAt = performance.now();
      const write: Promise<void> = post(bodies[sent % bodies.length]!)
        .then(({ status, text }) => {
          answered.push(performance.now() - sentAt);
          if (!text.includes('"userErrors":[]')) failed(`${status} ${text.slice(0, 120)}`);
        })
        .catch((error: Error) => failed(error.message))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      sent += 1;
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - writeStart) / 1000;
    const percent = (ms: number) => `${Math.round(ms / seconds / 10)}%`;
    const apiCpu = pids.map((pid, i) => cpuMsOf(pid) - cpuBefore.api[i]!);
    const clientsCpu = clients.reduce(
      (sum, c, i) => sum + cpuMsOf(c.pid!) - cpuBefore.clients[i]!,
      0,
    );
    const haproxyCpu = cpuMsByName('haproxy') - cpuBefore.haproxy;
    const postgresCpu = cpuMsByName('postgres') - cpuBefore.postgres;
    const bench = process.cpuUsage(cpuBefore.bench);
    // Let the last messages arrive before asking the subscribers what they saw.
    await new Promise((r) => setTimeout(r, 2000));
    const commits = rowsOf<{ at: string }>(
      await db.execute(
        sql`SELECT extract(epoch FROM at) * 1000 AS at FROM participation_log WHERE api_key_id = ${apiKey.id} AND id > ${lastLogId} ORDER BY at, id`,
      ),
    ).map((r) => Number(r.at));
    const measured = await Promise.all(
      clients.map(
        (child) =>
          new Promise<Measured>((resolve) => {
            child.once('message', (m) => resolve(m as Measured));
            child.send({ type: 'measure', start: first, commits });
          }),
      ),
    );
    const histograms = measured.map((m) => m.histogram);
    console.log(
      `conditions: ${cpus().length} cores (shared), load1 ${loadavg()[0]!.toFixed(2)}, ${(freemem() / 2 ** 30).toFixed(1)} of ${(totalmem() / 2 ** 30).toFixed(1)} GiB free, ulimit -n ${limit}, ` +
        `${built ? 'compiled server (dist/)' : 'server from sources (tsx)'}, ${CLIENT_PROCESSES} subscribers' processes, all on 127.0.0.1`,
    );
    answered.sort((a, b) => a - b);
    report(
      `cluster: ${PROCESSES} processes behind HAProxy, ${total} subscribers, ${WRITES_PER_SECOND} writes/s`,
      {
        // Below the rate asked for when the writes' answers take longer than 32 connections allow.
        'writes/s': Math.round(commits.length / seconds),
        write_p50_ms: Math.round(percentile(answered, 50)),
        write_p99_ms: Math.round(percentile(answered, 99)),
        write_failures: failures,
        p50_ms: mergedPercentile(histograms, 50),
        p99_ms: mergedPercentile(histograms, 99),
        max_ms: Math.max(...measured.map((m) => m.max)),
        undelivered: measured.reduce((sum, m) => sum + m.missing, 0),
        'msgs/subscriber/s':
          (measured.reduce((sum, m) => sum + m.messagesPerSubscriber, 0) / measured.length - 1) /
          seconds,
        connect_s: connectSeconds,
        haproxy_cpu: percent(haproxyCpu),
        pg_cpu: percent(postgresCpu),
        clients_cpu: percent(clientsCpu),
        bench_cpu: percent((bench.user + bench.system) / 1000),
      },
    );
    if (firstFailure) console.log(`  first failed write: ${firstFailure}`);
    console.log(
      '\n| process | subscribers | RSS before | RSS with them | KB per subscriber | CPU (of one core) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    cluster.processes.forEach((p, i) => {
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
      console.log(
        `| ${p.name} | ${share[i]} | ${mb(baseline[i]!)} | ${mb(loaded[i]!)} | ${((loaded[i]! - baseline[i]!) / share[i]! / 1024).toFixed(1)} | ${percent(apiCpu[i]!)} |`,
      );
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
}
