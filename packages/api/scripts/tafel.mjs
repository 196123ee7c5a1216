#!/usr/bin/env node
// `pnpm tafel …`: the admin command line from its sources where tsx is installed (development),
// else from the build (`dist/cli.js`, after `pnpm install --prod`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const api = fileURLToPath(new URL('..', import.meta.url));
const tsx = `${api}node_modules/.bin/tsx`;
const [command, args] = existsSync(tsx)
  ? [tsx, [`${api}src/cli.ts`]]
  : [process.execPath, ['--enable-source-maps', `${api}dist/cli.js`]];
const child = spawn(command, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
