/**
 * `pnpm bench`: runs every benchmark in this folder (or those named: `pnpm bench read live`)
 * against real servers and databases, and prints figures. Needs PostgreSQL: BENCH_DATABASE_URL,
 * else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; each benchmark creates and
 * drops its own scratch database there. `peer` also needs npm: the first run installs PostGraphile v5
 * and a Node 22 binary into node_modules/.cache/tafel-peer-bench (about two minutes).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const started = performance.now();
  try {
    const mod = (await import(new URL(file, import.meta.url).href)) as { run: () => Promise<void> };
    await mod.run();
  } catch (error) {
    failed = true;
    console.error(`${file} failed:`, error);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
