/**
 * `pnpm bench` (widget): the timings in Chromium (`run.ts`) and Lighthouse on a partner page and
 * the demo page (`lighthouse.ts`), one after the other. `pnpm --filter @tafel/widget bench
 * timings` or `… bench lighthouse` runs one of them.
 */
const which = process.argv[2];
if (which !== undefined && which !== 'timings' && which !== 'lighthouse') {
  console.error(`Unknown bench "${which}": timings or lighthouse (or nothing for both).`);
  process.exit(2);
}
if (which === undefined || which === 'timings') await import('./run.ts');
if (which === undefined || which === 'lighthouse') await import('./lighthouse.ts');

export {};
