/**
 * The real API as a child process, for the browser tests and the bench: a fresh PGlite folder
 * (the API loads the demo edition into it), a free port, `/ready` awaited, and optionally a
 * staff key from the API's command line, made before the server takes the folder's lock.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const widget = fileURLToPath(new URL('..', import.meta.url));
const api = join(widget, '..', 'api');
const tsx = join(widget, 'node_modules', '.bin', 'tsx');

export interface RunningApi {
  url: string;
  staffKey: string | null;
  /** Why there is no staff key, when there is none. */
  keyError: string;
  /** The last line each of `commands` printed. */
  printed: Record<string, string>;
  /** The PGlite folder: the command line with this TAFEL_DATA_DIR hands its work to the server. */
  dataDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API was not ready in time:\n${log()}`);
}

async function createStaffKey(
  env: NodeJS.ProcessEnv,
): Promise<{ key: string | null; error: string }> {
  const cli = join(api, 'src', 'cli.ts');
  if (!existsSync(cli)) return { key: null, error: `the API has no command line (${cli})` };
  try {
    const { stdout } = await promisify(execFile)(tsx, [cli, 'keys', 'create', '--staff'], {
      cwd: api,
      env,
      timeout: 120_000,
    });
    const last = stdout.trim().split('\n').pop()?.trim() ?? '';
    return last
      ? { key: last, error: '' }
      : { key: null, error: `the CLI printed no key:\n${stdout}` };
  } catch (error) {
    return { key: null, error: `tafel keys create --staff failed: ${(error as Error).message}` };
  }
}

/** One command of the API's command line; its last line. */
export async function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(tsx, [join(api, 'src', 'cli.ts'), ...args], {
    cwd: api,
    env,
    timeout: 120_000,
  });
  const last = stdout.trim().split('\n').pop()?.trim() ?? '';
  if (!last) throw new Error(`tafel ${args.join(' ')} printed nothing:\n${stdout}`);
  return last;
}

export interface ApiOptions {
  /** Make a staff key (see RunningApi). */
  staffKey?: boolean;
  /** More environment for the API, e.g. a low TAFEL_MAX_SUBSCRIBERS. */
  env?: Record<string, string>;
  /**
   * Commands of the API's command line to run on the fresh folder before the server takes its
   * lock, by name, e.g. `{ admin: ['people', 'invite', '--staff', ...] }`; their last lines are
   * in `printed`. A failing command fails the start.
   */
  commands?: Record<string, string[]>;
  /**
   * The host in TAFEL_PUBLIC_URL and in `url` (the server listens on 127.0.0.1 either way):
   * `localhost` where a test needs a domain, e.g. for WebAuthn, whose RP ID may not be an IP.
   */
  publicHost?: string;
}

export async function startApi(options: ApiOptions = {}): Promise<RunningApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tafel-widget-api-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TAFEL_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL']; // always PGlite with the demo data
  // The tests and the bench send hundreds of anonymous requests a minute from one address.
  env['TAFEL_RATE_LIMIT'] = 'off';
  // Links the API prints (sign-in, host links) point at this server.
  const publicUrl = `http://${options.publicHost ?? '127.0.0.1'}:${port}`;
  env['TAFEL_PUBLIC_URL'] = publicUrl;
  Object.assign(env, options.env);
  const { key, error } = options.staffKey
    ? await createStaffKey(env)
    : { key: null, error: 'not asked for' };
  const printed: Record<string, string> = {};
  for (const [name, args] of Object.entries(options.commands ?? {})) {
    printed[name] = await runCli(env, args);
  }

  let output = '';
  const child = spawn(tsx, [join(api, 'src', 'server.ts')], {
    cwd: api,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = publicUrl;
  try {
    await waitReady(`http://127.0.0.1:${port}`, child, () => output);
  } catch (failure) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw failure;
  }

  return {
    url,
    staffKey: key,
    keyError: error,
    printed,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve(null);
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve(null);
          });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
