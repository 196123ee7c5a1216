/**
 * <tafel-map>'s tiles (#19) in real Chromium against the real API: an edition of a federation
 * with a tile server of its own shows those tiles, credited and linked to their licence, and
 * never asks OpenStreetMap for one; the page's `tile-url` still wins; an edition without a
 * federation's tiles keeps OpenStreetMap's. The tiles are served by the test's routes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import { API, openPage, staffMutate, useBrowser, waitLoaded } from '../test/browser.ts';
import { mapTag } from '../test/map.ts';

const chromium = useBrowser();

const FEDERATION = 'wir-zusammen';
const EDITION = 'wir-zusammen-netzwerktreffen-2017';
const FRANKFURT = 'center="50.11,8.68" zoom="11"';
const THEIRS = `${API}/__federation-tiles__`;
const OWN = `${API}/__own-tiles__`;
const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';
// Text, as the licence asks: the map must not read it as HTML.
const CREDIT = '© Kartendienst "Test" & Partner, CC BY 4.0';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

const setTiles = (tiles: Record<string, unknown> | null) =>
  staffMutate('setFederationTiles', { federation: FEDERATION, tiles });

beforeAll(async () => {
  await setTiles({ url: `${THEIRS}/{z}/{x}/{y}.png`, attribution: CREDIT, licenceUrl: LICENCE });
});
afterAll(async () => {
  await setTiles(null);
});

/** A page whose every tile request is recorded, and served by the test where it is ours. */
async function tilePage(tag: string): Promise<{ page: Page; tiles: string[]; errors: string[] }> {
  const tiles: string[] = [];
  const { page, errors } = await openPage(chromium.browser, tag, {
    head: '<title>Een partnerpagina</title>',
    before: async (p) => {
      p.on('request', (request) => {
        if (/openstreetmap|__(federation|own)-tiles__/.test(request.url()))
          tiles.push(request.url());
      });
      await p.route(/__(federation|own)-tiles__/, (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: png }),
      );
    },
  });
  return { page, tiles, errors };
}

const credit = (page: Page) => page.locator('tafel-map .leaflet-control-attribution');
const loadedTiles = (page: Page) => page.locator('tafel-map img.leaflet-tile-loaded').count();

describe('<tafel-map> tiles', () => {
  test('an edition of a federation with a tile server: only its tiles, credited with a link to their licence', async () => {
    const { page, tiles, errors } = await tilePage(
      `<tafel-map edition="${EDITION}" ${FRANKFURT}></tafel-map>`,
    );
    await waitLoaded(page);
    await expect.poll(() => loadedTiles(page)).toBeGreaterThan(0);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.filter((url) => !url.startsWith(`${THEIRS}/`))).toEqual([]);
    expect(await page.locator('tafel-map .leaflet-container.tiles-failed').count()).toBe(0);
    const link = credit(page).locator(`a[href="${LICENCE}"]`);
    expect(await link.textContent()).toBe(CREDIT);
    expect(await link.getAttribute('rel')).toBe('noopener');
    expect(await credit(page).textContent()).not.toContain('OpenStreetMap');
    expect(await seriousViolations(page)).toEqual([]);

    // A new answer with the same tiles (a visitor's filter) keeps the tile layer as it is.
    const layer = page.locator('tafel-map .leaflet-tile-pane > .leaflet-layer');
    expect(await layer.count()).toBe(1);
    await layer.evaluate((element) => element.setAttribute('data-kept', ''));
    await page.locator('tafel-map select[name="meal"]').selectOption('DINNER');
    await waitLoaded(page, 2);
    expect(await page.locator('tafel-map .leaflet-layer[data-kept]').count()).toBe(1);
    expect(await layer.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the page’s tile-url still wins over the federation’s', async () => {
    const { page, tiles } = await tilePage(
      `<tafel-map edition="${EDITION}" ${FRANKFURT} tile-url="${OWN}/{z}/{x}/{y}.png" attribution="Own tiles"></tafel-map>`,
    );
    await waitLoaded(page);
    await expect.poll(() => loadedTiles(page)).toBeGreaterThan(0);
    expect(tiles.filter((url) => !url.startsWith(`${OWN}/`))).toEqual([]);
    expect(await credit(page).textContent()).toContain('Own tiles');
    expect(await credit(page).textContent()).not.toContain('Kartendienst');
    await page.close();
  });

  test('an edition without a federation’s tiles keeps OpenStreetMap’s', async () => {
    const { page, tiles } = await tilePage(mapTag());
    await waitLoaded(page);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles.filter((url) => !url.startsWith('https://tile.openstreetmap.org/'))).toEqual([]);
    // Refused here, as no tile server is reachable: the outline is the map, credited.
    await expect
      .poll(() => page.locator('tafel-map .leaflet-container.tiles-failed').count())
      .toBe(1);
    expect(
      await credit(page).locator('a[href="https://www.openstreetmap.org/copyright"]').count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
