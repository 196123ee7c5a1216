/**
 * <tafel-map>'s `preview` in real headless Chromium against the real API with the demo edition:
 * one venue not public yet, added to the map that was given it and marked as a draft in its
 * list and popup — and on no other map, and not on this one once taken away.
 */
import type { MapLocation } from '@tafel/schema';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiVenues, EDITION, listedIds, openPage, useBrowser } from '../test/browser.ts';
import type { TafelMap } from './tafel-map.ts';

const chromium = useBrowser();
const MARK = 'Concept — nog niet openbaar';

/** A draft as the portal hands it over: the shape the map's query returns, an id the API has not published. */
const draft: MapLocation = {
  id: 'preview-of-a-draft',
  name: 'Conceptdiner aan de Vecht',
  meal: 'DINNER',
  startsAt: '2027-03-18T17:30:00.000Z',
  endsAt: '2027-03-18T20:00:00.000Z',
  capacity: 20,
  participants: 0,
  full: false,
  targetGroups: [],
  languages: ['nl'],
  wheelchairAccessible: true,
  registrationUrl: null,
  locationPrecision: 'EXACT',
  coordinates: { lat: 52.0978, lng: 5.1331 },
  address: { city: 'Utrecht', region: 'NL-UT', postalCode: '3512 AB' },
  organisation: { slug: 'taalmaatjes', name: 'Taalmaatjes' },
};

/** Both maps have drawn: the one with the preview and the plain one. */
async function loads(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => (window as any).__tafel.loads.length >= k, n, {
    timeout: 30_000,
  });
}

/** The text of a map's list item for a venue. */
const itemText = (page: Page, map: string, id: string) =>
  page.locator(`${map} .list button[data-id="${id}"]`).textContent();

/** Open a venue's popup on a map and read it. */
async function popupOf(page: Page, map: string, id: string): Promise<string> {
  await page.evaluate(
    ([sel, venue]) => document.querySelector<TafelMap>(sel!)!.selectLocation(venue!),
    [map, id],
  );
  const popup = page.locator(`${map} .leaflet-popup [part="popup"][data-id="${id}"]`);
  await popup.waitFor();
  return (await popup.textContent()) ?? '';
}

describe('<tafel-map preview>', () => {
  test('the preview venue is on its map, marked as a draft, and nowhere else', async () => {
    const venues = await apiVenues();
    const other = venues[0]!;
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-map id="preview" edition="${EDITION}" live="false"></tafel-map>
       <tafel-map id="public" edition="${EDITION}" live="false"></tafel-map>`,
    );
    await page.evaluate(async (venue) => {
      await customElements.whenDefined('tafel-map');
      document.querySelector<TafelMap>('#preview')!.preview = venue;
    }, draft);
    // The plain map's load, and the preview map's (its first, or its reload for the preview).
    await loads(page, 2);
    await expect.poll(() => listedIds(page, '#preview')).toContain(draft.id);
    // Other test files write to the same edition meanwhile: no counting the whole edition, but
    // every venue once, the draft among them, and the public ones as the API has them.
    const listed = await listedIds(page, '#preview');
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(venues.slice(0, 20).map((v) => v.id)));
    expect(await itemText(page, '#preview', draft.id)).toContain(MARK);
    expect(await itemText(page, '#preview', draft.id)).toContain(draft.name);
    expect(await itemText(page, '#preview', other.id)).not.toContain(MARK);
    expect(await popupOf(page, '#preview', draft.id)).toContain(MARK);
    expect(await popupOf(page, '#preview', other.id)).not.toContain(MARK);

    // The map without it: the public venues only.
    const plain = await listedIds(page, '#public');
    expect(plain).toEqual(expect.arrayContaining(venues.slice(0, 20).map((v) => v.id)));
    expect(plain).not.toContain(draft.id);
    expect(await page.locator('#public').evaluate((m) => m.shadowRoot!.textContent)).not.toContain(
      MARK,
    );

    // A preview of a venue the public has already replaces it: shown once, marked.
    await page.evaluate(
      (venue) => {
        document.querySelector<TafelMap>('#preview')!.preview = venue;
      },
      { ...other, name: `${other.name} (nieuw)` },
    );
    await expect.poll(() => itemText(page, '#preview', other.id)).toContain(MARK);
    // Shown once, and the draft gone — once the reload for the new preview is in: the new
    // preview is marked at once, the old one leaves with the reload's answer.
    await expect.poll(() => listedIds(page, '#preview')).not.toContain(draft.id);
    const again = await listedIds(page, '#preview');
    expect(again.filter((id) => id === other.id)).toHaveLength(1);

    // Taken away: the map is the public one again.
    await page.evaluate(() => {
      document.querySelector<TafelMap>('#preview')!.preview = undefined;
    });
    await expect.poll(() => itemText(page, '#preview', other.id)).not.toContain(MARK);
    expect(await itemText(page, '#preview', other.id)).toContain(other.name);
    expect(errors.filter((e) => !/tile|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });
});
