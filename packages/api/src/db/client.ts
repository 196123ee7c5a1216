/**
 * The one place that chooses the database: PostgreSQL through the `postgres` driver when
 * DATABASE_URL is set, otherwise PGlite (PostgreSQL in WASM, in-process) in a data folder.
 * Both get the same drizzle schema, the same migrations and the same SQL.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { relations } from './relations.ts';

export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Subscribe to a NOTIFY channel; resolves once listening. Returns the unsubscribe function. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Apply the committed migrations. On PostgreSQL under an advisory lock, so several processes
   * can start at once: one migrates, the others wait and then find nothing to do.
   */
  migrate(): Promise<void>;
  /** Is the database answering? Used by /ready. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder, or `memory://` for a throwaway database. */
  dataDir?: string | undefined;
  logger?: Logger | undefined;
  /** postgres.js pool size. */
  max?: number | undefined;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** An arbitrary constant that names Tafel's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 7_284_145_001;

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.TAFEL_DATA_DIR || '.tafel-data',
    max: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
  };
}

export async function openDatabase(options: DatabaseOptions = databaseOptionsFromEnv()): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? '.tafel-data', options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Fail fast while the database is down, so /ready answers instead of hanging.
    connect_timeout: 5,
  });
  const db = drizzle({ client, relations, logger: options.logger }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async listen(channel, onMessage) {
      const { unlisten } = await client.listen(channel, onMessage);
      return unlisten;
    },
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(db as never, { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        lock.release();
      }
    },
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string, options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle({ client, relations, logger: options.logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onMessage) {
      const unsubscribe = await client.listen(channel, onMessage);
      return unsubscribe;
    },
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as never, { migrationsFolder });
    },
    async ping() {
      try {
        await client.query('select 1');
        return !client.closed;
      } catch {
        return false;
      }
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
