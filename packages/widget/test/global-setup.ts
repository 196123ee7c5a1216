/**
 * Before the browser tests: build the widget (the tests load the built files, as partners do),
 * start the real API as a child process on a fresh PGlite folder (it loads the demo edition),
 * and make a staff key with the API's command line for the tests that write. After: stop it.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const widget = fileURLToPath(new URL('..', import.meta.url));
const api = join(widget, '..', 'api');
const tsx = join(widget, 'node_modules', '.bin', 'tsx');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API's origin, e.g. http://127.0.0.1:41234 */
    api: string;
    /** A staff API key, or null with the reason in keyError. */
    staffKey: string | null;
    keyError: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API was not ready in time:\n${log()}`);
}

/** A staff key from the API's CLI, made before the server opens the (single-process) PGlite folder. */
async function staffKey(env: NodeJS.ProcessEnv): Promise<{ key: string | null; error: string }> {
  const cli = join(api, 'src', 'cli.ts');
  if (!existsSync(cli)) return { key: null, error: `the API has no command line yet (${cli})` };
  try {
    const { stdout } = await promisify(execFile)(tsx, [cli, 'keys', 'create', '--staff'], { cwd: api, env, timeout: 120_000 });
    const last = stdout.trim().split('\n').pop()?.trim() ?? '';
    return last ? { key: last, error: '' } : { key: null, error: `the CLI printed no key:\n${stdout}` };
  } catch (error) {
    return { key: null, error: `tafel keys create --staff failed: ${(error as Error).message}` };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ root: widget, configFile: join(widget, 'vite.config.ts'), logLevel: 'warn' });

  const dataDir = mkdtempSync(join(tmpdir(), 'tafel-widget-test-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, TAFEL_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // always PGlite with the demo data
  const { key, error } = await staffKey(env);

  let output = '';
  const child = spawn(tsx, [join(api, 'src', 'server.ts')], { cwd: api, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => output);

  project.provide('api', url);
  project.provide('staffKey', key);
  project.provide('keyError', error);

  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 10_000);
        child.once('exit', () => (clearTimeout(timer), resolve(null)));
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
