/**
 * <tafel-map> while the API process refuses every stream (TAFEL_MAX_SUBSCRIBERS=0): the map polls
 * its cacheable GET, and a poll refreshes the numbers without taking the view, the list or the
 * keyboard focus away from the visitor. An API of its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningApi, startApi } from '../scripts/api-server.ts';
import { EDITION, openPage, useBrowser } from '../test/browser.ts';

const chromium = useBrowser();

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ env: { TAFEL_MAX_SUBSCRIBERS: '0' } });
});
afterAll(async () => {
  await api?.stop();
});

describe('<tafel-map> at a full API process', () => {
  test('a poll keeps the visitor’s view, list and focus while a filter is chosen', {
    timeout: 150_000,
  }, async () => {
    const streams: number[] = [];
    const polls: number[] = [];
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-map edition="${EDITION}" endpoint="${api.url}/graphql"></tafel-map>`,
      {
        origin: api.url,
        script: `<script type="module" src="${api.url}/widget/tafel.js"></script>`,
        before: async (p) => {
          p.on('response', (response) => {
            const url = new URL(response.url());
            if (
              url.origin === api.url &&
              url.searchParams.get('operationName') === 'ParticipationChanged'
            )
              streams.push(response.status());
          });
          p.on('requestfinished', (request) => {
            const url = new URL(request.url());
            if (url.origin === api.url && url.searchParams.get('operationName') === 'MapLocations')
              polls.push(Date.now());
          });
        },
      },
    );
    await page.waitForFunction(() => (window as any).__tafel.loads.length >= 1, null, {
      timeout: 30_000,
    });
    await expect.poll(() => streams, { timeout: 10_000 }).toContain(503);

    // The visitor narrows to dinners, opens the list, shows more of it and steps into it.
    await page.locator('tafel-map select[name="meal"]').selectOption('DINNER');
    await page.waitForFunction(() => (window as any).__tafel.loads.length >= 2, null, {
      timeout: 30_000,
    });
    await page.locator('tafel-map [part~="list-toggle"]').click();
    const items = page.locator('tafel-map [part~="list-item"]');
    await expect.poll(() => items.count()).toBe(100);
    await page.locator('tafel-map .list button.more').click();
    const shown = await items.count();
    expect(shown).toBeGreaterThan(100);
    // …zooms in on part of the map, and goes back to the list's last item with the keyboard.
    const outline = () => page.locator('tafel-map path.tafel-outline').first().getAttribute('d');
    await page.locator('tafel-map .leaflet-control-zoom-in').click();
    await page.waitForTimeout(600);
    const view = await outline();
    await items.nth(shown - 1).focus();
    const focusedId = () =>
      page.evaluate(
        () =>
          (document.querySelector('tafel-map')!.shadowRoot!.activeElement as HTMLElement | null)
            ?.dataset['id'] ?? null,
      );
    const focused = await focusedId();
    expect(focused).not.toBeNull();

    // A poll comes (every 15–22.5 s) and is drawn.
    const before = polls.length;
    await expect
      .poll(() => polls.length, { timeout: 40_000, interval: 500 })
      .toBeGreaterThan(before);
    await page.waitForTimeout(1500);

    expect(streams).not.toContain(200);
    expect.soft(await outline()).toBe(view);
    expect.soft(await items.count()).toBe(shown);
    expect.soft(await focusedId()).toBe(focused);
    // (The tiles are refused by the test page: those are the only failed loads.)
    expect(errors.filter((e) => !/503|Service Unavailable|net::ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });
});
