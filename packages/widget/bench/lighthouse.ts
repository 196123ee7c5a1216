/**
 * `pnpm --filter @tafel/widget bench lighthouse` (and part of `pnpm bench`): Lighthouse (its
 * default mobile preset: a phone's screen, simulated slow 4G and a 4× slower CPU) in Debian's
 * Chromium, on a plain partner page holding the embed configurator's snippet for <tafel-map> and
 * <tafel-counter> above paragraphs of text (on another origin, under the configurator's policy
 * lines), on the demo page at `/` and on the configurator itself. Prints cumulative layout
 * shift and the performance, accessibility and best-practices scores. Targets on each: shift
 * ≤ 0.05, accessibility 100, best practices ≥ 95.
 *
 * No tile server is reachable here: as in the tests, tile requests are refused at once
 * (Lighthouse's `blockedUrlPatterns`), and the map draws its own outline.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApi } from '../scripts/api-server.ts';
import { buildWidget } from '../scripts/build.ts';
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.ts';
import { configure, partnerPage, startPartnerServer, strictPolicy } from '../test/partner-page.ts';

const TARGETS = { cls: 0.05, accessibility: 100, bestPractices: 95 };

interface Scores {
  cls: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The audits that lost points in accessibility and best practices, with why. */
  failed: string[];
}

async function audit(url: string, port: number): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    blockedUrlPatterns: ['*tile.openstreetmap.org*'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failed: string[] = [];
  for (const id of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const item = lhr.audits[ref.id];
      if (ref.weight > 0 && item && item.score !== null && item.score < 1) {
        const details = JSON.stringify(
          item.details && 'items' in item.details ? item.details.items : [],
        ).slice(0, 400);
        failed.push(`${id} / ${ref.id}: ${item.title} ${details}`);
      }
    }
  }
  return {
    cls: Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN),
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    failed,
  };
}

const meets = (s: Scores) =>
  s.cls <= TARGETS.cls &&
  s.accessibility >= TARGETS.accessibility &&
  s.bestPractices >= TARGETS.bestPractices;

function report(name: string, s: Scores): void {
  console.log(
    `lighthouse (mobile) ${name}: CLS ${s.cls.toFixed(3)}, performance ${s.performance}, accessibility ${s.accessibility}, ` +
      `best practices ${s.bestPractices} (targets: CLS ≤ ${TARGETS.cls}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS.bestPractices}) ${meets(s) ? 'ok' : 'BELOW TARGET'}`,
  );
  for (const line of s.failed) console.log(`  - ${line}`);
}

await buildWidget();
const api = await startApi();
const partner = await startPartnerServer();
let failed = false;
try {
  // The snippet as a partner's editor gets it: from the configurator's box, with the counter.
  const browser = await launchChromium();
  let configured: Awaited<ReturnType<typeof configure>>;
  try {
    const page = await browser.context.newPage();
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    configured = await configure(page, api.url, { counter: true, lang: 'nl' });
  } finally {
    await browser.close();
  }
  const partnerUrl = partner.serve('/nieuws.html', partnerPage(configured.snippet), {
    'content-security-policy': strictPolicy(configured.csp),
  });

  const profile = mkdtempSync(join(tmpdir(), 'tafel-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    userDataDir: profile,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const [name, url] of [
      ['partner page with the configurator’s snippet', partnerUrl],
      ['demo page /', `${api.url}/`],
      ['configurator /embed/configure', `${api.url}/embed/configure?lang=nl`],
    ] as const) {
      const scores = await audit(url, chrome.port);
      report(name, scores);
      failed ||= !meets(scores);
    }
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(
    `machine load while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (1, 5, 15 min) on ${cpus().length} cores`,
  );
} finally {
  await partner.close();
  await api.stop();
}
if (failed) process.exitCode = 1;
