/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * "done when" list of the widget issue: live counts and what happens when the API refuses or is gone.
 */

import { RecordArrivals } from '@tafel/schema';
import { describe, expect, test } from 'vitest';
import {
  API,
  apiVenues,
  drawnTotal,
  EDITION,
  gql,
  openPage,
  recordApiRequests,
  staffKey,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import { cutOffApi, loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

describe('<tafel-map> live', () => {
  test('after a recordArrivals mutation the open popup changes without a reload', async () => {
    const key = staffKey();
    const venue = loneVenue(
      await apiVenues(),
      (v) => v.capacity !== null && v.capacity - v.participants >= 3,
    );
    const { page } = await openPage(
      chromium.browser,
      mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
    );
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const count = page.locator('tafel-map .leaflet-popup .count');
    await expect
      .poll(() => count.getAttribute('data-participants'))
      .toBe(String(venue.participants));
    // Let the stream open before the change (a subscription starts when its response is read).
    await page.waitForTimeout(1000);
    const result = await gql<{
      recordArrivals: { location: { participants: number } | null; userErrors: unknown[] };
    }>(RecordArrivals.document, { input: { location: venue.id, delta: 3 } }, key);
    expect(result.recordArrivals.userErrors).toEqual([]);
    const now = venue.participants + 3;
    expect(result.recordArrivals.location!.participants).toBe(now);
    await expect
      .poll(() => count.getAttribute('data-participants'), { timeout: 10_000 })
      .toBe(String(now));
    expect(await count.textContent()).toContain(new Intl.NumberFormat('nl').format(now));
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });

  test('a mistyped edition is asked for once: the map stops and says why', async () => {
    const requests: string[] = [];
    const { page } = await openPage(
      chromium.browser,
      `<tafel-map edition="nid-2O27" lang="en"></tafel-map>`,
      {
        before: recordApiRequests(requests),
      },
    );
    await page.waitForTimeout(8000);
    // The venues once and the stream once: retries opened a new stream every second.
    expect(requests.length).toBeLessThanOrEqual(2);
    const notice = page.locator('tafel-map [part="notice"]');
    expect(await notice.textContent()).toBe('Unknown edition “nid-2O27”.');
    expect(await notice.isVisible()).toBe(true);
    // The edition corrected: the map loads it.
    await page.evaluate(
      (edition) => document.querySelector('tafel-map')!.setAttribute('edition', edition),
      EDITION,
    );
    expect((await waitLoaded(page)).count).toBeGreaterThan(0);
    await expect.poll(() => notice.isVisible()).toBe(false);
    await page.close();
  });

  test('when the API is unreachable the map keeps its venues and shows a discreet notice', async () => {
    const { page } = await openPage(chromium.browser, mapTag());
    const loaded = await waitLoaded(page);
    const notice = await cutOffApi(page);
    expect(await notice.textContent()).toContain('Geen verbinding');
    expect(await drawnTotal(page)).toBe(loaded.count);
    // The API is back: the stream reconnects (backoff from 1 s), the notice goes, the data is refetched.
    await page.unroute(`${API}/graphql?*`);
    await expect.poll(() => notice.isVisible(), { timeout: 20_000 }).toBe(false);
    await waitLoaded(page, 2);
    expect(await drawnTotal(page)).toBe(loaded.count);
    await page.close();
  });
});
