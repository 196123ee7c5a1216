/**
 * `pnpm bench` (widget): the timings in Chromium (`run.ts`), the chart's time to first drawn
 * chart and bundle size (`chart.ts`) and Lighthouse on a partner page and the demo page
 * (`lighthouse.ts`), one after the other. `pnpm --filter @tafel/widget bench timings`,
 * `… bench chart` or `… bench lighthouse` runs one of them.
 */
const which = process.argv[2];
if (which !== undefined && !['timings', 'chart', 'lighthouse'].includes(which)) {
  console.error(`Unknown bench "${which}": timings, chart or lighthouse (or nothing for all).`);
  process.exit(2);
}
if (which === undefined || which === 'timings') await import('./run.ts');
if (which === undefined || which === 'chart') await import('./chart.ts');
if (which === undefined || which === 'lighthouse') await import('./lighthouse.ts');

export {};
