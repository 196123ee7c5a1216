/**
 * Builds the API for production: `src/server.ts` and `src/cli.ts` as two ES modules in `dist/`,
 * with source maps (the server runs with --enable-source-maps, so stack traces in logs point at
 * the sources). Our own workspace packages (the contract) are bundled in; every other package
 * stays an import, and each must be a runtime dependency of this package — a devDependency
 * would be missing after `pnpm install --prod`, so the build refuses it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const notRuntime = new Set();

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'runtime-dependencies',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
          if (path.startsWith('node:') || builtinModules.includes(path)) return { external: true };
          const name = packageOf(path);
          if (name.startsWith('@tafel/')) return undefined;
          if (!runtime.has(name)) notRuntime.add(name);
          return { external: true };
        });
      },
    },
  ],
});
if (notRuntime.size) {
  console.error(
    `The server imports ${[...notRuntime].join(', ')}, which ${notRuntime.size === 1 ? 'is' : 'are'} not in packages/api's dependencies: a production install would lack ${notRuntime.size === 1 ? 'it' : 'them'}.`,
  );
  process.exit(1);
}
