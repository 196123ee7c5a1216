/** The embed as a partner page gets it: one file, small, registered once, and the iframe page. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CHART_LIMIT, embedSizes, LIMIT } from '../scripts/size.ts';
import {
  API,
  apiVenues,
  drawnTotal,
  EDITION,
  openPage,
  useBrowser,
  waitLoaded,
} from './browser.ts';

const chromium = useBrowser();

describe('the embed', () => {
  test(`all JavaScript a partner page loads stays under ${LIMIT / 1000} KB gzip, a chart's under ${CHART_LIMIT / 1000} KB`, () => {
    const sizes = embedSizes();
    expect(sizes.map((s) => s.file)).toEqual(
      expect.arrayContaining(['tafel.js', 'tafel-chart.js', 'tafel-programme.js']),
    );
    for (const { file, gzip, limit } of sizes) {
      console.log(`${file}: ${(gzip / 1000).toFixed(1)} KB gzip`);
      expect(gzip, file).toBeLessThanOrEqual(limit);
    }
  });

  test('loads no other file: one request for the script, the rest is GraphQL', async () => {
    const requests: string[] = [];
    const { page } = await openPage(
      chromium.browser,
      `<tafel-map edition="${EDITION}"></tafel-map>`,
    );
    page.on('request', (r) => requests.push(r.url()));
    await page.reload();
    await waitLoaded(page);
    const scripts = requests.filter(
      (u) => u.startsWith(API) && !u.includes('/graphql') && !u.includes('__tafel-test__'),
    );
    expect(scripts).toEqual([`${API}/widget/tafel.js`]);
    await page.close();
  });

  test('the classic script works too, and loading both scripts registers each element once', async () => {
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-map edition="${EDITION}" region="NL-UT"></tafel-map>`,
      {
        script: `<script src="${API}/widget/tafel.iife.js"></script><script type="module" src="${API}/widget/tafel.js"></script><script src="${API}/widget/tafel.iife.js"></script>`,
      },
    );
    const loaded = await waitLoaded(page);
    expect(loaded.count).toBe((await apiVenues({ region: 'NL-UT' })).length);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  test('the iframe page takes the options as URL parameters', async () => {
    const expected = await apiVenues({ region: 'NL-UT', meals: ['DINNER'] });
    const page = await chromium.browser.context.newPage();
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await page.goto(`${API}/embed?edition=${EDITION}&lang=de&region=NL-UT&meals=DINNER`);
    const map = page.locator('tafel-map');
    await expect
      .poll(() => map.locator('.cluster, .pin').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await drawnTotal(page)).toBe(expected.length);
    expect(await map.locator('input[type="search"]').getAttribute('placeholder')).toBe(
      'Nach Name, Ort oder Postleitzahl suchen',
    );
    const box = await map.boundingBox();
    expect(box!.height).toBeGreaterThan(700);
    await page.close();
  });

  test('the demo page shows map, counter and the snippet to copy, pointing at this server', async () => {
    const page = await chromium.browser.context.newPage();
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await page.goto(`${API}/`);
    await expect
      .poll(() => page.locator('tafel-map .cluster').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('tafel-counter [part="value"]').textContent())
      .toMatch(/^\d/);
    expect(await page.locator('#snippet').textContent()).toContain(
      `<script type="module" src="${API}/widget/tafel.js"></script>`,
    );
    await page.close();
  });

  test('custom-elements.json documents both elements: attributes, events, parts and custom properties', () => {
    const manifest = JSON.parse(
      readFileSync(fileURLToPath(new URL('../custom-elements.json', import.meta.url)), 'utf8'),
    );
    const declarations = manifest.modules.flatMap(
      (m: { declarations?: unknown[] }) => m.declarations ?? [],
    );
    const map = declarations.find((d: { tagName?: string }) => d.tagName === 'tafel-map');
    const counter = declarations.find((d: { tagName?: string }) => d.tagName === 'tafel-counter');
    expect(map.summary).toBeTruthy();
    const names = (list: { name: string }[] = []) => list.map((x) => x.name);
    expect(names(map.attributes)).toEqual(
      expect.arrayContaining([
        'endpoint',
        'edition',
        'lang',
        'organisation',
        'region',
        'meals',
        'target-groups',
        'center',
        'zoom',
        'tile-url',
        'attribution',
        'live',
      ]),
    );
    expect(names(map.events)).toEqual(
      expect.arrayContaining(['tafel-location-select', 'tafel-load']),
    );
    expect(names(map.cssParts)).toEqual(
      expect.arrayContaining(['base', 'map', 'list', 'list-item', 'popup', 'notice']),
    );
    expect(names(map.cssProperties)).toEqual(
      expect.arrayContaining(['--tafel-map-height', '--tafel-accent']),
    );
    expect(names(counter.attributes)).toEqual(
      expect.arrayContaining(['edition', 'organisation', 'region', 'label', 'live']),
    );
  });
});
