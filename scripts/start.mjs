#!/usr/bin/env node
// `pnpm start`: builds what the server serves when the build tools are installed (a development
// install; turbo skips what is up to date), then runs the compiled API. After a production install
// (`pnpm install --prod`) there is nothing to build with: the build must already be there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const turbo = `${root}node_modules/.bin/turbo`;
const server = `${root}packages/api/dist/server.js`;

if (existsSync(turbo)) {
  const built = spawnSync(
    turbo,
    [
      'run',
      'build',
      '--filter=@tafel/api',
      '--filter=@tafel/widget',
      '--filter=@tafel/web',
      '--output-logs=errors-only',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
} else if (
  !existsSync(server) ||
  !existsSync(`${root}packages/widget/dist/tafel.js`) ||
  !existsSync(`${root}packages/web/dist/manage.html`)
) {
  console.error(
    'The server is not built, and this is a production install without the build tools: run `pnpm install && pnpm build` first, then `pnpm install --prod` if you like.',
  );
  process.exit(1);
}

const child = spawn(process.execPath, ['--enable-source-maps', server], {
  cwd: `${root}packages/api`,
  stdio: 'inherit',
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
