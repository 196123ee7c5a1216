#!/usr/bin/env node
// A Tafel cluster on one machine: N API processes on one PostgreSQL with HAProxy in front, using
// deploy/haproxy.cfg.in. For trying the production shape locally and for the cluster test.
//
//   DATABASE_URL=postgres://… node deploy/cluster.mjs [--processes 3] [--bind 127.0.0.1:8080]
//       [--base-port 4001] [--dev] [--dir DIR]
//     starts the processes (the compiled server; --dev: the sources through tsx) and HAProxy in
//     the foreground; Ctrl-C stops them all.
//   node deploy/cluster.mjs config [--processes 3] [--bind :80] [--base-port 4001]
//       [--log /dev/log] [--stats-socket /run/haproxy/admin.sock]
//     prints the HAProxy configuration for N processes (for /etc/haproxy/haproxy.cfg).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiRoot = join(root, 'packages', 'api');
const template = join(root, 'deploy', 'haproxy.cfg.in');

/** The HAProxy configuration for these API processes (deploy/haproxy.cfg.in, filled in). */
export function renderHaproxyConfig({
  servers,
  bind = '127.0.0.1:8080',
  statsSocket = '/run/haproxy/admin.sock',
  log = '/dev/log local0',
  maxconn = 10000,
  checkInterval = '2s',
  fastInterval = '500ms',
}) {
  const fields = {
    bind,
    statsSocket,
    log,
    maxconn: String(maxconn),
    checkInterval,
    fastInterval,
    servers: servers
      .map(({ name, host = '127.0.0.1', port }) => `    server ${name} ${host}:${port}`)
      .join('\n'),
    streamServers: servers
      .map(
        ({ name, host = '127.0.0.1', port }) =>
          `    server ${name} ${host}:${port} track tafel_api/${name}`,
      )
      .join('\n'),
  };
  return readFileSync(template, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, field) => {
    if (!(field in fields)) throw new Error(`deploy/haproxy.cfg.in: unknown field {{${field}}}`);
    return fields[field];
  });
}

/** Debian puts haproxy in /usr/sbin, which a user's PATH may lack. */
export function haproxyBinary() {
  if (process.env.HAPROXY) return process.env.HAPROXY;
  for (const candidate of ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'])
    if (existsSync(candidate)) return candidate;
  return 'haproxy';
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** HAProxy's `show stat`, one object per proxy and server (pxname, svname, status, scur, stot, …). */
export function haproxyStats(statsSocket) {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(statsSocket, () => socket.end('show stat\n'));
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [header = '', ...lines] = text.trim().split('\n');
      const names = header.replace(/^# /, '').split(',');
      resolve(
        lines
          .filter(Boolean)
          .map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value]))),
      );
    });
  });
}

/**
 * The most connections HAProxy may take here: it needs about two file descriptors per connection
 * and refuses to start when the hard limit (ulimit -Hn) is lower than that.
 */
function maxconnHere() {
  const hard = Number(spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim());
  return Number.isFinite(hard)
    ? Math.max(100, Math.min(100_000, Math.floor((hard - 200) / 2)))
    : 10_000;
}

async function waitUntil(probe, timeoutMs, label, signal) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A child in a process group of its own, so that stopping it stops what it started too (tsx
 * runs the server in a child process of its own).
 */
function startGroup(command, args, options, echo) {
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
    echo?.(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  return {
    child,
    exited,
    output: () => output,
    kill: signal,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return signal('SIGKILL');
      const timer = setTimeout(() => signal('SIGKILL'), timeoutMs);
      signal('SIGTERM');
      await exited;
      clearTimeout(timer);
      // Anything the group left behind.
      signal('SIGKILL');
    },
  };
}

/**
 * Starts `processes` API processes on `databaseUrl` (loopback, TAFEL_TRUST_PROXY=1) and HAProxy in
 * front of them on `bind`. Resolves once HAProxy sees every process ready; `signal` aborts the
 * start, stopping whatever was started.
 */
export async function startCluster({
  databaseUrl,
  processes = 3,
  bind,
  basePort,
  dev = false,
  dir = mkdtempSync(join(tmpdir(), 'tafel-cluster-')),
  env = {},
  log = 'stdout format raw local0',
  checkInterval,
  fastInterval,
  echo,
  signal,
}) {
  if (!databaseUrl) throw new Error('A cluster shares one PostgreSQL: set DATABASE_URL.');
  const server = join(apiRoot, 'dist', 'server.js');
  if (!dev && !existsSync(server))
    throw new Error(
      'The server is not built: run `pnpm build` first, or pass --dev to run the sources.',
    );
  const ports = [];
  for (let i = 0; i < processes; i++) ports.push(basePort ? basePort + i : await freePort());
  const listen = bind ?? `127.0.0.1:${await freePort()}`;
  const started = [];
  const stopAll = async () => {
    await Promise.all(started.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const api = ports.map((port, i) => {
      const name = `api${i + 1}`;
      // tsx as a loader in the server's own process: no wrapper process beside each server.
      const args = dev
        ? ['--import', 'tsx', 'src/server.ts']
        : ['--enable-source-maps', 'dist/server.js'];
      const group = startGroup(
        process.execPath,
        args,
        {
          cwd: apiRoot,
          env: {
            ...process.env,
            NODE_ENV: dev ? 'development' : 'production',
            ...env,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            HOST: '127.0.0.1',
            TAFEL_TRUST_PROXY: '1',
          },
        },
        echo && ((chunk) => echo(name, chunk)),
      );
      const member = { ...group, name, port, url: `http://127.0.0.1:${port}` };
      started.push(member);
      return member;
    });
    // Compiling the sources (--dev) can take over a minute on a busy two-core machine.
    await Promise.all(
      api.map((p) =>
        waitUntil(
          async () => {
            if (p.child.exitCode !== null) throw new Error(`${p.name} exited:\n${p.output()}`);
            return (await fetch(`${p.url}/ready`)).ok;
          },
          180_000,
          `${p.name} on port ${p.port}`,
          signal,
        ).catch((error) => {
          throw new Error(`${error.message}\n${p.output().slice(-3000)}`);
        }),
      ),
    );

    const statsSocket = join(dir, 'haproxy.sock');
    const config = join(dir, 'haproxy.cfg');
    writeFileSync(
      config,
      renderHaproxyConfig({
        servers: api,
        bind: listen,
        statsSocket,
        log,
        maxconn: maxconnHere(),
        checkInterval,
        fastInterval,
      }),
    );
    const haproxy = haproxyBinary();
    const check = spawnSync(haproxy, ['-c', '-q', '-f', config], { encoding: 'utf8' });
    if (check.error)
      throw new Error(
        `HAProxy is needed (${check.error.message}): apt-get install haproxy, or set HAPROXY.`,
      );
    if (check.status !== 0)
      throw new Error(`HAProxy refused ${config}:\n${check.stdout}${check.stderr}`);
    // Master-worker in the foreground: SIGTERM stops it, SIGUSR2 reloads the configuration.
    const proxy = startGroup(
      haproxy,
      ['-W', '-db', '-f', config],
      {},
      echo && ((chunk) => echo('haproxy', chunk)),
    );
    started.push(proxy);
    const stats = () => haproxyStats(statsSocket);
    await waitUntil(
      async () => {
        if (proxy.child.exitCode !== null) throw new Error(`HAProxy exited:\n${proxy.output()}`);
        const rows = await stats();
        return api.every((p) => rows.find((row) => row.svname === p.name)?.status === 'UP');
      },
      30_000,
      'HAProxy to see every API process up',
      signal,
    );
    const [host, port] = [
      listen.slice(0, listen.lastIndexOf(':')),
      listen.slice(listen.lastIndexOf(':') + 1),
    ];
    return {
      url: `http://${host && host !== '*' && host !== '0.0.0.0' ? host : '127.0.0.1'}:${port}`,
      dir,
      config,
      statsSocket,
      processes: api,
      haproxy: proxy,
      stats,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      processes: { type: 'string', default: '3' },
      bind: { type: 'string' },
      'base-port': { type: 'string', default: '4001' },
      dev: { type: 'boolean', default: false },
      dir: { type: 'string' },
      log: { type: 'string' },
      'stats-socket': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 12)
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return;
  }
  const processes = Number(values.processes);
  const basePort = Number(values['base-port']);
  if (!Number.isInteger(processes) || processes < 1)
    throw new Error(`--processes must be a whole number ≥ 1 (got "${values.processes}").`);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort + processes > 65536)
    throw new Error(`--base-port must be a port (got "${values['base-port']}").`);
  const servers = Array.from({ length: processes }, (_, i) => ({
    name: `api${i + 1}`,
    port: basePort + i,
  }));

  if (positionals[0] === 'config') {
    process.stdout.write(
      renderHaproxyConfig({
        servers,
        bind: values.bind ?? ':80',
        log: values.log,
        statsSocket: values['stats-socket'],
      }),
    );
    return;
  }
  if (positionals.length > 0 && positionals[0] !== 'start')
    throw new Error(`Unknown command "${positionals[0]}": start (the default) or config.`);

  // Ctrl-C while starting stops what has started; once started, stops the cluster.
  const starting = new AbortController();
  let stop = async () => starting.abort();
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const cluster = await startCluster({
    signal: starting.signal,
    databaseUrl: process.env.DATABASE_URL,
    processes,
    basePort,
    bind: values.bind ?? '127.0.0.1:8080',
    dev: values.dev,
    ...(values.dir ? { dir: values.dir } : {}),
    echo: (name, chunk) =>
      process.stdout.write(String(chunk).replace(/^(?=.)/gm, `${name.padEnd(8)}| `)),
  });
  console.log(
    `Tafel on ${cluster.url}/graphql: ${processes} API processes on ports ${basePort}–${basePort + processes - 1} behind HAProxy (stats: echo "show stat" | socat stdio ${cluster.statsSocket}). Ctrl-C stops them.`,
  );
  let stopping = false;
  stop = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(0);
  };
  for (const p of cluster.processes)
    void p.exited.then(
      () => !stopping && console.error(`${p.name} exited; HAProxy takes it out of rotation.`),
    );
  void cluster.haproxy.exited.then(() => {
    if (stopping) return;
    console.error('HAProxy exited.');
    return stop();
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
