/**
 * The facts of a table (#20) on <tafel-map>: the popup shows the description in the map's
 * language (else the original) and the facts — interpreters and their languages, hearing loop,
 * cooked by the guests, support present; the language and facility filters, as UI and as
 * attributes, show what the API's filter finds. axe finds nothing serious with the popup open.
 */
import type { LocationFilter } from '@tafel/schema';
import { afterAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import {
  apiVenues,
  drawnTotal,
  gql,
  openPage,
  staffKey,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import { loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

const UPDATE = `mutation($input: UpdateLocationInput!) {
  updateLocation(input: $input) { userErrors { field message } }
}`;

async function update(input: Record<string, unknown>): Promise<void> {
  const { updateLocation } = await gql<{ updateLocation: { userErrors: unknown[] } }>(
    UPDATE,
    { input },
    staffKey(),
  );
  expect(updateLocation.userErrors).toEqual([]);
}

const ORIGINAL = 'Werkgevers en statushouders aan één tafel.';
const ENGLISH = 'Employers and status holders at one table.';
/** Frisian: no demo venue speaks it, so the language filter finds this one alone. */
const FRISIAN = 'fy';

describe('<tafel-map> and the facts of a table', () => {
  let restore: Record<string, unknown> | null = null;
  afterAll(async () => {
    if (restore) await update(restore);
  });

  test('the popup, the filters and the attributes', async () => {
    const venue = loneVenue(
      await apiVenues(),
      (v) => !v.interpreters && !v.hearingLoop && !v.cookedByGuests,
    );
    const { node } = await gql<{ node: { description: string | null } }>(
      `query($id: ID!) { node(id: $id) { ... on Location { description } } }`,
      { id: venue.id },
    );
    restore = {
      id: venue.id,
      languages: venue.languages,
      description: node.description,
      descriptions: [],
      interpreters: null,
      interpreterLanguages: [],
      hearingLoop: null,
      cookedByGuests: false,
      support: [],
    };
    await update({
      id: venue.id,
      languages: [...venue.languages, FRISIAN],
      description: ORIGINAL,
      descriptions: [{ lang: 'en', text: ENGLISH }],
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      hearingLoop: true,
      cookedByGuests: true,
      support: ['Werkgeversservicepunt'],
    });

    const at = `center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`;
    const popupOf = async (lang: string) => {
      const { page, errors } = await openPage(chromium.browser, mapTag(`lang="${lang}" ${at}`), {
        head: '<title>Tafels</title>',
      });
      await waitLoaded(page);
      await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
      const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
      await expect.poll(() => popup.locator('.description').count()).toBe(1);
      // Leaflet fades a popup in: axe measures contrast once it is there.
      await expect
        .poll(() =>
          page.locator('tafel-map .leaflet-popup').evaluate((e) => getComputedStyle(e).opacity),
        )
        .toBe('1');
      return { page, errors, popup };
    };

    const { page, errors, popup } = await popupOf('en');
    // The description opens on demand (a summary line), so a popup stays short.
    await popup.locator('.description summary').click();
    expect(await popup.locator('.description p').textContent()).toBe(ENGLISH);
    expect(await popup.locator('.interpreters').textContent()).toBe(
      'Interpreters: 4 (Arabic, Tigrinya)',
    );
    expect(await popup.locator('.loop').textContent()).toBe('Hearing loop');
    expect(await popup.locator('.cooked').textContent()).toBe('Cooked by the guests');
    expect(await popup.locator('.support').textContent()).toBe('Present: Werkgeversservicepunt');
    expect(await seriousViolations(page), 'the map with a popup of facts').toEqual([]);

    // The filters: a facility, then a language, as the visitor chooses them (one drop-down).
    const facility = page.getByRole('combobox', { name: 'Language and facilities' });
    await facility.selectOption({ label: 'Hearing loop' });
    const withLoop = (await apiVenues({ hearingLoop: true })).length;
    expect(withLoop).toBeGreaterThan(0);
    await expect.poll(() => drawnTotal(page)).toBe(withLoop);
    await facility.selectOption({ label: 'Western Frisian' });
    await expect.poll(() => drawnTotal(page)).toBe(1);
    expect(await seriousViolations(page), 'the map filtered by language').toEqual([]);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();

    // In a language without a translation: the original.
    const german = await popupOf('de');
    expect(await german.popup.locator('.description p').textContent()).toBe(ORIGINAL);
    expect(await german.popup.locator('.description summary').textContent()).toBe(
      'Über diesen Tisch',
    );
    expect(await german.popup.locator('.interpreters').textContent()).toMatch(/^Dolmetscher: 4 /);
    await german.page.close();

    // Kept in a link: the page's address opens the map so filtered.
    const linked = await openPage(chromium.browser, mapTag('link-state'), {
      hash: `#tafel.language=${FRISIAN}&tafel.facility=interpreter`,
    });
    await waitLoaded(linked.page);
    await expect.poll(() => drawnTotal(linked.page)).toBe(1);
    await linked.page
      .getByRole('combobox', { name: 'Taal en voorzieningen' })
      .selectOption({ label: 'Ringleiding' });
    await expect
      .poll(() => linked.page.evaluate(() => location.hash))
      .toBe('#tafel.facility=hearing-loop');
    await linked.page.close();

    // The same as attributes: the map's whole picture.
    for (const [attributes, filter] of [
      ['facilities="interpreter hearing-loop"', { interpreter: true, hearingLoop: true }],
      [`languages="${FRISIAN}"`, { languages: [FRISIAN] }],
    ] as [string, LocationFilter][]) {
      const expected = (await apiVenues(filter)).length;
      expect(expected).toBeGreaterThan(0);
      const tab = await openPage(chromium.browser, mapTag(attributes));
      await waitLoaded(tab.page);
      await expect.poll(() => drawnTotal(tab.page), { message: attributes }).toBe(expected);
      await tab.page.close();
    }
  });
});
