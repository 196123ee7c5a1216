/**
 * A real API process with few file descriptors (`ulimit -n 400`), on PostgreSQL: streams are let
 * in until the process's cap, derived from that limit, refuses the next with 503 — and /ready and
 * a keyed write still answer, because the cap leaves descriptors in reserve. Without the cap the
 * process ran out of descriptors and stopped accepting any connection, /ready included.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { freePort, post, waitFor } from './live-support.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

const FILE_DESCRIPTORS = 400;

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const apiRoot = fileURLToPath(new URL('..', import.meta.url));
  child = spawn(
    'bash',
    [
      '-c',
      `ulimit -n ${FILE_DESCRIPTORS} && exec "${process.execPath}" --import tsx src/server.ts`,
    ],
    {
      cwd: apiRoot,
      env: {
        ...process.env,
        DATABASE_URL: t.url!,
        PORT: String(port),
        HOST: '127.0.0.1',
        TAFEL_DEMO: 'off',
        LOG_LEVEL: 'warn',
        VITEST: '',
        // Every stream comes from this one address: only the process's own cap should stop them.
        TAFEL_MAX_SUBSCRIBERS_PER_IP: '100000',
        TAFEL_RATE_LIMIT_ANON: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(
    async () => child.exitCode === null && (await fetch(`${url}/ready`)).ok,
    60_000,
    'the API process',
  );
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await t?.close();
});

/** An answer within a few seconds, or the reason there was none (a process out of descriptors never answers). */
async function answer(path: string, init: RequestInit = {}): Promise<Response | string> {
  const abort = new AbortController();
  init.signal?.addEventListener('abort', () => abort.abort());
  // Only until the head arrives: a stream stays open after.
  const timer = setTimeout(() => abort.abort(new Error('no answer within 5 s')), 5000);
  try {
    return await fetch(`${url}${path}`, { ...init, signal: abort.signal });
  } catch (error) {
    return String((error as Error).cause ?? error);
  } finally {
    clearTimeout(timer);
  }
}

it('refuses streams with 503 once its cap is reached, and still answers /ready and a keyed write', async () => {
  const target = new URL('/graphql', url);
  target.searchParams.set('query', StatsChanged.document as unknown as string);
  target.searchParams.set('variables', JSON.stringify({ edition: 'nid-test' }));
  const aborts: AbortController[] = [];
  // Held: a response nobody refers to is collected, and its stream closed with it.
  const streams: Response[] = [];
  let refused: Response | string | null = null;
  try {
    // More than the process has descriptors: somewhere before that it must say no.
    for (let i = 0; i < FILE_DESCRIPTORS && refused === null; i++) {
      const abort = new AbortController();
      aborts.push(abort);
      const opened = await answer(target.pathname + target.search, {
        headers: { accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (typeof opened === 'string' || opened.status !== 200) refused = opened;
      else streams.push(opened);
    }
    expect(refused, `no stream refused after ${aborts.length}\n${output}`).not.toBeNull();
    expect(typeof refused === 'string' ? refused : refused!.status, output).toBe(503);
    const response = refused as Response;
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      limit: 'TAFEL_MAX_SUBSCRIBERS',
      max: 300,
    });
    expect(streams.length).toBe(300);

    const ready = await answer('/ready');
    expect(typeof ready === 'string' ? ready : ready.status).toBe(200);
    const stadhuis = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
    const write = await post(
      url,
      RecordArrivals.document,
      { input: { location: stadhuis, delta: 2 } },
      staff,
    );
    expect(write.data.recordArrivals.userErrors).toEqual([]);
  } finally {
    for (const abort of aborts) abort.abort();
  }
  // Every closed stream gave its place back.
  const again = await waitFor(
    async () => {
      const opened = await answer(target.pathname + target.search, {
        headers: { accept: 'text/event-stream' },
      });
      if (typeof opened === 'string') return null;
      void opened.body?.cancel();
      return opened.status === 200 ? opened : null;
    },
    15_000,
    'a stream to be let through again',
  );
  expect(again.status).toBe(200);
});
