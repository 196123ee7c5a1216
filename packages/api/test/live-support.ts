/**
 * Helpers for the live tests: the app over real HTTP, a Server-Sent Events reader that keeps every
 * message, and real API processes (`src/server.ts`) for the tests that cross processes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { RecordArrivals } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { LiveHub } from '../src/live/hub.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { logger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { memberKey, openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

export async function serveHttp(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Stream<T = any> {
  /** Every `next` message's payload so far, in order. */
  messages: T[];
  /** Resolves with the first message (counting from `from`) that matches. */
  until(
    match: (message: T) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<T>;
  close(): void;
  /** Resolves when the stream ends (closed by either side). */
  ended: Promise<void>;
}

/** Subscribe over SSE the way graphql-sse's "distinct connections" mode does: GET with Accept: text/event-stream. */
export async function subscribe<T = any>(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Stream<T>> {
  const url = new URL('/graphql', base);
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables));
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`subscription refused: ${response.status} ${await response.text()}`);
  }
  const messages: T[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (event === 'next' && data) {
            messages.push(JSON.parse(data) as T);
            for (const wake of waiters) wake();
          }
        }
      }
    } catch {
      // aborted, or the server went away
    }
    for (const wake of waiters) wake();
  })();
  let closed = false;
  void ended.then(() => (closed = true));
  return {
    messages,
    ended,
    close: () => abort.abort(),
    until(match, { from = 0, timeoutMs = 15_000 } = {}) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = messages.slice(from).find(match);
          if (found !== undefined) {
            cleanup();
            resolve(found);
          } else if (closed) {
            cleanup();
            reject(
              new Error(
                `stream ended without a matching message; got ${JSON.stringify(messages.slice(-3))}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching message within ${timeoutMs} ms; last: ${JSON.stringify(messages.slice(-3))}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const apiRoot = fileURLToPath(new URL('..', import.meta.url));

/** A real API process (`node --import tsx src/server.ts`) on PostgreSQL, ready when /health answers. */
export async function startApiProcess(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  // tsx as a loader in the server's own process, not as a wrapper around it: a signal (SIGKILL
  // included) then reaches the server itself, and no orphan is left behind.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TAFEL_DEMO: 'off',
      LOG_LEVEL: 'info',
      VITEST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    // Compiling the sources at start takes a few seconds alone, and over a minute on a busy
    // two-core machine running the other test files beside it.
    await waitFor(
      async () => child.exitCode === null && (await fetch(`${url}/health`)).ok,
      180_000,
      `API process on port ${port}`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function freePort(): Promise<number> {
  const { url, close } = await serveHttp(() => {});
  await close();
  return Number(new URL(url).port);
}

/** POST a GraphQL operation over real HTTP. */
export async function post(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  key?: string,
): Promise<any> {
  const response = await fetch(new URL('/graphql', base), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The live tests' world: the fixture, a staff key and Asito's, a hub and the app over real HTTP. */
export interface LiveServer {
  t: TestDb;
  fx: Awaited<ReturnType<typeof seedFixture>>;
  hub: LiveHub;
  server: Awaited<ReturnType<typeof serveHttp>>;
  staff: string;
  asitoKey: string;
  /** A fixture venue's global id. */
  idOf(name: string): string;
  /** Record arrivals at a fixture venue over real HTTP (as staff, through the shared server, unless told). */
  arrive(name: string, delta: number, key?: string, base?: string): Promise<any>;
  /** The edition's public participants, counted in the database. */
  publicTotal(): Promise<number>;
  /** A fixture venue's count in the database. */
  countOf(name: string): Promise<number>;
}

/** Set up a LiveServer before the file's tests (its hub ticking every `intervalMs`) and close it after. */
export function useLiveServer(intervalMs: number): LiveServer {
  const live = {
    idOf: (name) => encodeGlobalId('Location', live.fx.locations[name]!.id),
    arrive: (name, delta, key = live.staff, base = live.server.url) =>
      post(base, RecordArrivals.document, { input: { location: live.idOf(name), delta } }, key),
    async publicTotal() {
      const [row] = rowsOf<{ total: string }>(
        await live.t.database.db.execute(
          sql`SELECT coalesce(sum(participants), 0) AS total FROM locations WHERE edition_id = ${live.fx.edition.id} AND status = 'PUBLISHED' AND NOT awaiting_approval`,
        ),
      );
      return Number(row!.total);
    },
    async countOf(name) {
      return (await live.t.database.db.query.locations.findFirst({
        where: { id: live.fx.locations[name]!.id },
      }))!.participants;
    },
  } as LiveServer;
  beforeAll(async () => {
    live.t = await openTestDatabase();
    live.fx = await seedFixture(live.t.database);
    live.staff = await staffKey(live.t.database);
    live.asitoKey = await memberKey(live.t.database, live.fx.asito.id);
    live.hub = new LiveHub(live.t.database, logger, { intervalMs });
    live.server = await serveHttp(createApp({ database: live.t.database, live: live.hub }));
  });
  afterAll(async () => {
    await live.server?.close();
    await live.hub?.close();
    await live.t?.close();
  });
  return live;
}
