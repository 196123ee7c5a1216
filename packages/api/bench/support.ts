/** Shared bench plumbing: a scratch PostgreSQL database, a real HTTP server, figures printed alike. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createApp } from '../src/yoga.ts';

export const benchBaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
export async function serve(database: Database): Promise<{ url: string; server: Server; close(): Promise<void> }> {
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
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`);
  console.log(`${name.padEnd(48)} ${parts.join('  ')}`);
}
