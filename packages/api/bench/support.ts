/** Shared bench plumbing: a scratch PostgreSQL database, a real HTTP server, figures printed alike. */

import { randomBytes } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordArrivals } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { issueKey } from '../src/auth/keys.ts';
import { type Database, type Db, openDatabase } from '../src/db/client.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';

export const benchBaseUrl =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDb {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database for one benchmark. */
export async function scratchDatabase(label: string, poolSize = 20): Promise<ScratchDb> {
  const name = `tafel_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(benchBaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(benchBaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: poolSize });
  await database.migrate();
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Serve the real app over HTTP on a free loopback port. */
export async function serve(
  database: Database,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const app = createApp({ database });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** One line per figure, aligned, so the closing note can quote them. */
export function report(name: string, figures: Record<string, string | number>): void {
  const parts = Object.entries(figures).map(
    ([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`,
  );
  console.log(`${name.padEnd(48)} ${parts.join('  ')}`);
}

/**
 * Start the real server (`src/server.ts`) in its own process on a database, so the load tool in
 * this process does not share its event loop. Resolves once /ready answers.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const { createServer: createNetServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to profile the server under test.
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TAFEL_DEMO: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Bench traffic is not the public: lift the per-client rate limits and stream caps for the server
 * under test, and count in memory — a shared store costs a round trip per request, which would be
 * measured here instead of the API (docs/operations.md gives that cost).
 */
export const UNLIMITED = {
  TAFEL_RATE_LIMIT_ANON: '100000000',
  TAFEL_RATE_LIMIT_KEY: '100000000',
  TAFEL_MAX_SUBSCRIBERS_PER_IP: '100000000',
  TAFEL_MAX_SUBSCRIBERS_PER_KEY: '100000000',
  TAFEL_RATE_LIMIT_STORE: 'memory',
};

/**
 * POST a GraphQL body and read the answer, on kept-alive connections: paced requests are sent
 * from the bench process, on the same two cores as the server under test, and `fetch` spends
 * about ten times the CPU per request that plain node:http does. No key: an anonymous client.
 */
export function poster(
  url: string,
  key?: string,
  headers: Record<string, string> = {},
): (body: string) => Promise<{ status: number; text: string }> {
  // FIFO: every kept socket is used every few requests, so none idles into the server's
  // keep-alive timeout and is closed just as a request is sent on it.
  const agent = new Agent({ keepAlive: true, maxSockets: 32, scheduling: 'fifo' });
  const target = new URL('/graphql', url);
  const auth: Record<string, string> = {
    ...headers,
    ...(key ? { authorization: `Bearer ${key}` } : {}),
  };
  return (body) =>
    new Promise((resolve, reject) => {
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...auth,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * The demo edition loaded for a write benchmark: capacities lifted (room for every arrival sent),
 * a staff key that may count, the edition, and one `recordArrivals(+1)` body per public venue.
 */
export async function loadArrivals(db: Db) {
  await loadDemo(db, generateDemo());
  await db.execute(sql`UPDATE locations SET capacity = NULL`);
  const venues = rowsOf<{ id: number }>(
    await db.execute(
      sql`SELECT l.id FROM locations l JOIN editions e ON e.id = l.edition_id WHERE e.slug = 'nid-2027' AND l.status = 'PUBLISHED' AND NOT l.awaiting_approval ORDER BY l.id`,
    ),
  ).map((r) => Number(r.id));
  const { secret, apiKey } = await issueKey(db, {
    organisationId: null,
    scopes: ['PARTICIPATION_WRITE'],
    label: 'bench',
  });
  const [edition] = rowsOf<{ id: number }>(
    await db.execute(sql`SELECT id FROM editions WHERE slug = 'nid-2027'`),
  );
  const bodies = venues.map((id) =>
    JSON.stringify({
      query: RecordArrivals.document,
      variables: { input: { location: encodeGlobalId('Location', id), delta: 1 } },
    }),
  );
  return { bodies, secret, apiKey, edition: edition!, venues };
}
