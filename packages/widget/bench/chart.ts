/**
 * `pnpm bench` (widget): `<tafel-chart>` on a page of another origin against the real API with
 * the demo edition — the time from the element connected to its first drawn chart (uPlot's
 * canvas in place, painted), per type, and the chart bundle's gzip size. Target: under 1 s, the
 * bundle under 40 KB. `pnpm --filter @tafel/widget bench chart` runs this one alone;
 * `TAFEL_BENCH_SCREENSHOT=<file.png>` also saves a picture of the four charts.
 */
import type { Page } from 'playwright-core';
import { startApi } from '../scripts/api-server.ts';
import { buildWidget } from '../scripts/build.ts';
import { launchChromium } from '../scripts/chromium.ts';
import { CHART_LIMIT, embedSizes } from '../scripts/size.ts';
import { startPartnerServer } from '../test/partner-page.ts';

const RUNS = 3;
const TYPES = ['timeline', 'regions', 'meals', 'groups'];

/** Connect a chart in a page where the script is loaded; ms until its canvas is drawn and painted. */
async function timeToChart(page: Page, endpoint: string, type: string): Promise<number> {
  // Plain JavaScript in a string: tsx would decorate named functions with a helper the page lacks.
  return page.evaluate(`(async () => {
    await customElements.whenDefined('tafel-chart');
    document.querySelector('#bench')?.remove();
    const chart = document.createElement('tafel-chart');
    chart.id = 'bench';
    chart.setAttribute('endpoint', ${JSON.stringify(endpoint)});
    chart.setAttribute('edition', 'nid-2027');
    chart.setAttribute('type', ${JSON.stringify(type)});
    chart.setAttribute('live', 'false');
    const start = performance.now();
    document.body.append(chart);
    await new Promise((resolve) => {
      const drawn = () => chart.shadowRoot?.querySelector('canvas[role="img"]');
      if (drawn()) return resolve();
      const observer = new MutationObserver(() => drawn() && (observer.disconnect(), resolve()));
      observer.observe(chart.shadowRoot, { childList: true, subtree: true });
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - start;
  })()`);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await buildWidget();
const browser = await launchChromium({ viewport: { width: 900, height: 900 } });
const api = await startApi();
const partner = await startPartnerServer();
let failed = false;
try {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // A page of its own origin, not the API's: the chart's requests are cross-origin, as on a partner's site.
  await page.goto(
    partner.serve(
      '/bench.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Bench</title><script type="module" src="${api.url}/widget/tafel-chart.js"></script></head><body></body></html>`,
    ),
  );
  const results: string[] = [];
  let worst = 0;
  for (const type of TYPES) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeToChart(page, `${api.url}/graphql`, type));
    const ms = median(runs);
    worst = Math.max(worst, ms);
    results.push(`${type} ${ms.toFixed(0)} ms`);
  }
  console.log(
    `<tafel-chart> (demo edition, real API, other origin): connected → first drawn chart ${results.join(', ')} (median of ${RUNS}; target < 1000 ms) ${worst < 1000 ? 'ok' : 'OVER TARGET'}`,
  );
  const chart = embedSizes().find((s) => s.file === 'tafel-chart.js')!;
  console.log(
    `tafel-chart.js: ${(chart.bytes / 1000).toFixed(1)} KB, ${(chart.gzip / 1000).toFixed(1)} KB gzip (limit ${CHART_LIMIT / 1000} KB) ${chart.gzip <= CHART_LIMIT ? 'ok' : 'OVER BUDGET'}`,
  );
  if (process.env['TAFEL_BENCH_SCREENSHOT']) {
    await page.evaluate(`document.querySelector('#bench')?.remove()`);
    await page.evaluate(
      `document.body.innerHTML = ${JSON.stringify(TYPES.map((type) => `<tafel-chart endpoint="${api.url}/graphql" edition="nid-2027" type="${type}"></tafel-chart>`).join(''))}`,
    );
    await page.waitForTimeout(2000);
    await page.screenshot({ path: process.env['TAFEL_BENCH_SCREENSHOT'], fullPage: true });
  }
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  failed = worst >= 1000 || chart.gzip > CHART_LIMIT;
} finally {
  await partner.close();
  await api.stop();
  await browser.close();
}
if (failed) process.exitCode = 1;
