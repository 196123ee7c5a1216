/**
 * The one place that chooses the database: PostgreSQL through the `postgres` driver when
 * DATABASE_URL is set, otherwise PGlite (PostgreSQL in WASM, in-process) in a data folder.
 * Both get the same drizzle schema, the same migrations and the same SQL.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { claimDataDir } from './lock.ts';
import { apiRoot, repoRoot } from './paths.ts';
import { relations } from './relations.ts';

export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * For anonymous public reads: on PostgreSQL its own pool whose statements are cut off after
   * `publicStatementTimeoutMs` (one hostile query cannot hold a connection for long), on the read
   * replica when `readUrl` names one. PGlite has one connection and no timer to cut a statement
   * short: there it is `db`.
   */
  readDb: Db;
  /**
   * `readDb` on the primary: for the reads an announcement sets off (the live feeds load what a
   * NOTIFY announced), which must see that write even while a replica has not replayed it yet.
   * Without a replica it is `readDb`.
   */
  primaryReadDb: Db;
  /**
   * Subscribe to a NOTIFY channel; resolves once listening. Returns the unsubscribe function.
   * `onListen` runs each time the LISTEN takes effect: at first, and on PostgreSQL again after
   * the listening connection was lost and re-established (notifications in between are lost).
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onListen?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * Send NOTIFYs (in order, in one transaction of their own). On PostgreSQL over a connection of
   * their own, so an announcement never queues behind the writes it announces, and without
   * waiting for the WAL to reach the disk: notifications are not kept anyway.
   */
  notify(channel: string, payloads: string[]): Promise<void>;
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
  /**
   * postgres://… of a read replica for anonymous reads (`readDb`); writes, keyed reads, LISTEN and
   * NOTIFY stay on `url`. Absent: anonymous reads use `url` too. Ignored on PGlite.
   */
  readUrl?: string | undefined;
  /** PGlite data folder, or `memory://` for a throwaway database. */
  dataDir?: string | undefined;
  logger?: Logger | undefined;
  /** postgres.js pool size. */
  max?: number | undefined;
  /** Connections of the public-read pool (PostgreSQL only). Default 4, at most `max`. */
  publicMax?: number | undefined;
  /** statement_timeout of the public-read pool, in ms (PostgreSQL only). Default 5000; 0: none. */
  publicStatementTimeoutMs?: number | undefined;
}

export const DEFAULT_PUBLIC_STATEMENT_TIMEOUT_MS = 5000;
export const DEFAULT_PUBLIC_POOL_SIZE = 4;

export const migrationsFolder = join(apiRoot, 'drizzle');

/** An arbitrary constant that names Tafel's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 7_284_145_001;

/** The PGlite folder when TAFEL_DATA_DIR is not set: `.tafel-data` at the top of the repository. */
export const defaultDataDir = join(repoRoot, '.tafel-data');

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  // pnpm runs package scripts inside the package; a relative folder means one relative to where
  // the command was typed (pnpm's INIT_CWD).
  const dataDir = env['TAFEL_DATA_DIR']
    ? resolve(env['INIT_CWD'] ?? process.cwd(), env['TAFEL_DATA_DIR'])
    : defaultDataDir;
  return {
    url: env['DATABASE_URL'] || undefined,
    readUrl: env['DATABASE_READ_URL'] || undefined,
    dataDir: env['TAFEL_DATA_DIR']?.startsWith('memory://') ? env['TAFEL_DATA_DIR'] : dataDir,
    max: env['DATABASE_POOL_SIZE'] ? Number(env['DATABASE_POOL_SIZE']) : undefined,
    publicMax: env['DATABASE_PUBLIC_POOL_SIZE']
      ? Number(env['DATABASE_PUBLIC_POOL_SIZE'])
      : undefined,
    publicStatementTimeoutMs: env['TAFEL_PUBLIC_STATEMENT_TIMEOUT']
      ? Number(env['TAFEL_PUBLIC_STATEMENT_TIMEOUT'])
      : undefined,
  };
}

export async function openDatabase(
  options: DatabaseOptions = databaseOptionsFromEnv(),
): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? '.tafel-data', options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const settings = {
    max: options.max ?? 10,
    onnotice: () => {},
    // Fail fast while the database is down, so /ready answers instead of hanging.
    connect_timeout: 5,
    // Retry a lost connection (the LISTEN one too) within a second, not the default's up to 20 s.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
  };
  const client = postgres(url, settings);
  const db = drizzle({ client, relations, logger: options.logger }) as unknown as Db;
  // Connections open on first use, so an API that serves no anonymous read opens none here.
  // Few, and each on one core (no parallel workers): strangers' counting of a large edition
  // shares PostgreSQL's CPU with the members' writes, and more of it at once only queues there.
  const timeout = options.publicStatementTimeoutMs ?? DEFAULT_PUBLIC_STATEMENT_TIMEOUT_MS;
  const publicPool = (at: string) =>
    postgres(at, {
      ...settings,
      max: Math.max(1, Math.min(options.publicMax ?? DEFAULT_PUBLIC_POOL_SIZE, settings.max)),
      connection: {
        application_name: 'tafel-public-read',
        max_parallel_workers_per_gather: '0',
        ...(timeout > 0 ? { statement_timeout: timeout } : {}),
      },
    });
  const readClient = publicPool(options.readUrl ?? url);
  const readDb = drizzle({
    client: readClient,
    relations,
    logger: options.logger,
  }) as unknown as Db;
  const primaryReadClient = options.readUrl ? publicPool(url) : readClient;
  const primaryReadDb = options.readUrl
    ? (drizzle({ client: primaryReadClient, relations, logger: options.logger }) as unknown as Db)
    : readDb;
  // One connection for announcements, opened on the first.
  const notifyClient = postgres(url, {
    ...settings,
    max: 1,
    connection: { application_name: 'tafel-notify' },
  });
  return {
    kind: 'postgres',
    db,
    readDb,
    primaryReadDb,
    async notify(channel, payloads) {
      if (payloads.length === 0) return;
      const calls = payloads.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
      await notifyClient.unsafe(`SELECT set_config('synchronous_commit', 'off', true), ${calls}`, [
        channel,
        ...payloads,
      ]);
    },
    async listen(channel, onMessage, onListen) {
      // postgres.js keeps one connection for LISTEN and re-issues it after a reconnect.
      const { unlisten } = await client.listen(channel, onMessage, onListen);
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
      const pools = new Set([client, readClient, primaryReadClient, notifyClient]);
      await Promise.all([...pools].map((pool) => pool.end({ timeout: 5 })));
    },
  };
}

async function openPglite(dataDir: string, options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) {
    // The folder holds every venue, key hash and draft: the owner's only. PGlite unpacks its
    // files world-writable and sets its own modes on some it writes later, whatever the umask:
    // so the umask for what it creates, the folder closed to others, and the modes of what is
    // there set again once it has started and when it closes.
    process.umask(0o077);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    ownerOnly(dataDir);
  }
  const release = claimDataDir(dataDir);
  const client = await PGlite.create(dataDir);
  if (onDisk) ownerOnly(dataDir);
  const db = drizzle({ client, relations, logger: options.logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    readDb: db,
    primaryReadDb: db,
    async listen(channel, onMessage, onListen) {
      const unsubscribe = await client.listen(channel, onMessage);
      onListen?.();
      return unsubscribe;
    },
    async notify(channel, payloads) {
      for (const payload of payloads)
        await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
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
      release();
      if (onDisk) ownerOnly(dataDir);
    },
  };
}

/** Files 0600 and folders 0700, all the way down. */
function ownerOnly(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}
