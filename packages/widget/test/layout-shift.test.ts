/**
 * A page that stays still: a plain partner page on another origin holds the demo's snippet for
 * <tafel-map> and <tafel-counter> above a paragraph, and the widget's script arrives late. The
 * layout shifts Chromium reports (PerformanceObserver, `layout-shift`, buffered, those without
 * recent input) must sum to at most 0.05 — Core Web Vitals call up to 0.1 good.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { counterTag, head, mapTag, RESERVE_CSS } from '../demo/snippet.js';
import { seriousViolations } from './axe.ts';
import { API, EDITION, useBrowser } from './browser.ts';

const chromium = useBrowser();

const TEXT =
  'Op donderdag eten in het hele land mensen samen die elkaar anders zelden ontmoeten: nieuwkomers, ouderen, ' +
  'werkgevers en buren. Kijk op de kaart waar er een tafel bij jou in de buurt is en meld je aan.';

function partnerPage(snippetHead: string): string {
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Nieuws uit de gemeente</title>${snippetHead}</head>` +
    `<body><main><h1>Samen aan tafel</h1>${counterTag(API, EDITION)}\n${mapTag(API, EDITION)}` +
    `${`<p>${TEXT}</p>`.repeat(4)}</main></body></html>`
  );
}

let partner: Server;
let origin: string;
const pages = new Map<string, string>();

beforeAll(async () => {
  pages.set('/', partnerPage(head(API)));
  // The same snippet without its style rules: the shift the rules are there to prevent.
  pages.set('/without-rules', partnerPage(head(API).replace(`<style>${RESERVE_CSS}</style>`, '')));
  partner = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    response
      .writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
      .end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => partner.close(() => resolve())));

/** The partner's text is on screen long before a third-party script arrives: hold the widget's back. */
async function holdBackScript(page: Page): Promise<void> {
  await page.route(`${API}/widget/tafel.js`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
}

/** The layout shifts of the page so far, those without recent input, summed. */
function sumOfShifts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) sum += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the observer's first callback, before this timer.
        setTimeout(() => resolve(sum), 200);
      }),
  );
}

/** Open a partner page with the widget's script held back, wait until both elements show the data, sum the shifts. */
async function shiftOf(
  path: string,
  viewport = { width: 1200, height: 800 },
): Promise<{ page: Page; shift: number }> {
  const page = await chromium.browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await holdBackScript(page);
  await page.addInitScript(() => {
    (window as unknown as { __loaded: boolean }).__loaded = false;
    document.addEventListener(
      'tafel-load',
      () => ((window as unknown as { __loaded: boolean }).__loaded = true),
    );
  });
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => (window as unknown as { __loaded: boolean }).__loaded, null, {
    timeout: 30_000,
  });
  await page.waitForFunction(
    () => document.querySelector('tafel-counter')?.shadowRoot?.querySelector('.venues'),
    null,
    { timeout: 30_000 },
  );
  // Let the last frames paint and their shifts be reported.
  await page.waitForTimeout(1000);
  return { page, shift: await sumOfShifts(page) };
}

describe('a partner page holding the snippet', () => {
  test('does not shift when the script arrives late and the data fills the elements (desktop)', async () => {
    const { page, shift } = await shiftOf('/');
    console.info(`cumulative layout shift, desktop: ${shift.toFixed(4)}`);
    expect(shift).toBeLessThanOrEqual(0.05);
    await page.close();
  });

  test('does not shift on a phone either', async () => {
    const { page, shift } = await shiftOf('/', { width: 390, height: 844 });
    console.info(`cumulative layout shift, phone: ${shift.toFixed(4)}`);
    expect(shift).toBeLessThanOrEqual(0.05);
    await page.close();
  });

  test('shifts far more without the snippet’s style rules (the measurement sees the jump)', async () => {
    const { page, shift } = await shiftOf('/without-rules');
    console.info(`cumulative layout shift without the rules: ${shift.toFixed(4)}`);
    expect(shift).toBeGreaterThan(0.05);
    await page.close();
  });

  test('has no serious or critical axe-core violation', async () => {
    const { page } = await shiftOf('/');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the demo page', () => {
  test('does not shift when the script arrives late', async () => {
    const page = await chromium.browser.context.newPage();
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await holdBackScript(page);
    await page.goto(`${API}/`);
    await page.waitForFunction(
      () => document.querySelector('tafel-counter')?.shadowRoot?.querySelector('.venues'),
      null,
      { timeout: 30_000 },
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('tafel-map')
          ?.shadowRoot?.querySelector('.leaflet-marker-icon, .pin, .cluster'),
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000);
    const shift = await sumOfShifts(page);
    console.info(`cumulative layout shift, demo page: ${shift.toFixed(4)}`);
    expect(shift).toBeLessThanOrEqual(0.05);
    await page.close();
  });
});
