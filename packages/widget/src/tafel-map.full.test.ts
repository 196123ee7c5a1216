/**
 * A full venue on <tafel-map>: once its host says "we're full" (setLocationFull), its popup and
 * its line in the list say so, in each of the four languages, beside the count.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { apiVenues, gql, openPage, staffKey, useBrowser, waitLoaded } from '../test/browser.ts';
import { loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

const SET_FULL = `mutation($input: SetLocationFullInput!) {
  setLocationFull(input: $input) { location { full } userErrors { message } }
}`;

async function setFull(location: string, full: boolean): Promise<void> {
  const { setLocationFull } = await gql<{
    setLocationFull: { location: { full: boolean } | null; userErrors: unknown[] };
  }>(SET_FULL, { input: { location, full } }, staffKey());
  expect(setLocationFull.userErrors).toEqual([]);
  expect(setLocationFull.location?.full).toBe(full);
}

const FULL_WORD = { nl: 'Vol', en: 'Full', de: 'Voll', da: 'Fuldt' } as const;

describe('<tafel-map> and a full venue', () => {
  let venueId = '';
  afterAll(async () => {
    if (venueId) await setFull(venueId, false);
  });

  test('the popup and the list say a venue is full, in four languages', async () => {
    const venue = loneVenue(
      await apiVenues(),
      (v) => v.capacity !== null && v.participants < v.capacity && !v.full,
    );
    venueId = venue.id;
    await setFull(venue.id, true);
    expect((await apiVenues()).find((v) => v.id === venue.id)?.full).toBe(true);
    for (const [lang, word] of Object.entries(FULL_WORD)) {
      const { page, errors } = await openPage(
        chromium.browser,
        mapTag(
          `lang="${lang}" center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`,
        ),
      );
      await waitLoaded(page);
      await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
      const count = page.locator('tafel-map .leaflet-popup [part="popup"] .count');
      await expect.poll(() => count.count()).toBe(1);
      expect(await count.getAttribute('data-full')).toBe('true');
      expect((await count.textContent())!.trim(), lang).toMatch(new RegExp(`^${word} · `));
      await page.locator('tafel-map [part~="list-toggle"]').click();
      const item = page.locator(`tafel-map .list button[data-id="${venue.id}"]`);
      await expect.poll(() => item.textContent()).toContain(`${word} · `);
      expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
      await page.close();
    }
  });
});
