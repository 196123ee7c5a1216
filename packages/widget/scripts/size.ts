/**
 * The size budgets: all JavaScript a partner page loads for the embed, gzipped, must stay under
 * 70 KB; a page with a chart loads `tafel-chart.js` besides (or alone), which must stay under
 * 40 KB, one with a programme `tafel-programme.js` under 25 KB, and one with stories
 * `tafel-stories.js` under 20 KB. `pnpm size` prints the figures and fails over budget; the test
 * suite checks the same.
 * A page loads one of each pair (module or classic script), never both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const LIMIT = 70_000;
export const CHART_LIMIT = 40_000;
export const PROGRAMME_LIMIT = 25_000;
export const STORIES_LIMIT = 20_000;
const FILES: [string, number][] = [
  ['tafel.js', LIMIT],
  ['tafel.iife.js', LIMIT],
  ['tafel-chart.js', CHART_LIMIT],
  ['tafel-chart.iife.js', CHART_LIMIT],
  ['tafel-programme.js', PROGRAMME_LIMIT],
  ['tafel-programme.iife.js', PROGRAMME_LIMIT],
  ['tafel-stories.js', STORIES_LIMIT],
  ['tafel-stories.iife.js', STORIES_LIMIT],
];

export function embedSizes(): { file: string; bytes: number; gzip: number; limit: number }[] {
  return FILES.map(([file, limit]) => {
    const body = readFileSync(fileURLToPath(new URL(`../dist/${file}`, import.meta.url)));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, limit };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const { file, bytes, gzip, limit } of embedSizes()) {
    over ||= gzip > limit;
    console.log(
      `${file}: ${(bytes / 1000).toFixed(1)} KB, ${(gzip / 1000).toFixed(1)} KB gzip (limit ${limit / 1000} KB)`,
    );
  }
  if (over) {
    console.error('over the embed budget');
    process.exit(1);
  }
}
