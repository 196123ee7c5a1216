/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * "done when" list of the widget issue: the list, languages, times, moving and "near me".
 */
import { describe, expect, test } from 'vitest';
import { launchChromium } from '../scripts/chromium.ts';
import {
  apiVenues,
  drawnTotal,
  EDITION,
  gql,
  listedIds,
  openPage,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import { loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

describe('<tafel-map> on the demo edition', () => {
  test('the list view is reachable and operable by keyboard alone, and announced', async () => {
    const venues = await apiVenues();
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    const third = [...venues].sort((a, b) => collator.compare(a.name, b.name))[2]!;
    const { page } = await openPage(chromium.browser, `<a href="#before">before</a>${mapTag()}`);
    await waitLoaded(page);
    const focused = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return {
          part: element?.getAttribute('part') ?? '',
          id: (element as HTMLElement)?.dataset?.['id'] ?? '',
          text: element?.textContent?.trim() ?? '',
        };
      });
    // Tab from the top of the page to the list button.
    for (let i = 0; i < 12 && !(await focused()).part.includes('list-toggle'); i++)
      await page.keyboard.press('Tab');
    expect((await focused()).part).toContain('list-toggle');
    await page.keyboard.press('Enter');
    expect(
      await page.locator('tafel-map [part~="list-toggle"]').getAttribute('aria-expanded'),
    ).toBe('true');
    await expect
      .poll(() => page.locator('tafel-map [role="status"]').textContent())
      .toContain(`${venues.length} tafels`);
    // Into the list, then down two venues with the arrow keys.
    await page.keyboard.press('Tab');
    expect((await focused()).part).toBe('list-item');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).id).toBe(third.id);
    // Enter opens the venue on the map, with focus in its popup.
    await page.keyboard.press('Enter');
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.locator('h3').textContent()).toBe(third.name);
    expect((await focused()).text).toBe(third.name);
    await expect
      .poll(() => page.locator('tafel-map [role="status"]').textContent())
      .toBe(`Geselecteerd: ${third.name}`);
    // Escape closes it and returns to the same venue in the list.
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    await expect.poll(async () => (await focused()).id).toBe(third.id);
    expect(
      await page
        .locator(`tafel-map .list button[data-id="${third.id}"]`)
        .getAttribute('aria-current'),
    ).toBe('false');
    // And back: a click on the map marks the venue in the list.
    await page.keyboard.press('Enter');
    const selects = await page.evaluate(() =>
      (window as any).__tafel.selects.map((s: { source: string }) => s.source),
    );
    expect(selects).toEqual(['list', 'list']);
    expect(
      await page
        .locator(`tafel-map .list button[data-id="${third.id}"]`)
        .getAttribute('aria-current'),
    ).toBe('true');
    await page.close();
  });

  test("on a phone the list takes the map's place, and makes way for the popup it opens", async () => {
    const { page } = await openPage(chromium.browser, mapTag());
    await page.setViewportSize({ width: 375, height: 700 });
    await waitLoaded(page);
    const list = page.locator('tafel-map .list');
    await page.locator('tafel-map [part~="list-toggle"]').click();
    const box = (await list.boundingBox())!;
    expect(box.width).toBeGreaterThan(350);
    const first = page.locator('tafel-map .list li button').first();
    const name = await first.locator('.name').textContent();
    await first.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.locator('h3').textContent()).toBe(name);
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await popup.locator('h3').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => list.isVisible()).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('tafel-map')!.shadowRoot!.activeElement?.getAttribute('part'),
        ),
      )
      .toBe('list-item');
    await page.close();
  });

  test('selecting on the map marks the venue in the list', async () => {
    const venue = loneVenue(await apiVenues());
    const { page } = await openPage(
      chromium.browser,
      mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
    );
    await waitLoaded(page);
    await page.locator('tafel-map [part~="list-toggle"]').click();
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const item = page.locator(`tafel-map .list button[data-id="${venue.id}"]`);
    await expect.poll(() => item.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => item.isVisible()).toBe(true);
    await page.close();
  });

  test('lang="de" shows German labels', async () => {
    const venue = loneVenue(await apiVenues(), (v) => v.capacity !== null);
    const { page } = await openPage(
      chromium.browser,
      mapTag(`lang="de" center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
    );
    await waitLoaded(page);
    const map = page.locator('tafel-map');
    expect(await map.locator('input[type="search"]').getAttribute('placeholder')).toBe(
      'Nach Name, Ort oder Postleitzahl suchen',
    );
    expect(await map.locator('select[name="meal"] option').allTextContents()).toEqual([
      'Alle Mahlzeiten',
      'Frühstück',
      'Mittagessen',
      'Abendessen',
      'Andere',
    ]);
    expect(await map.locator('select[name="targetGroup"] option').nth(1).textContent()).toBe(
      'Geflüchtete',
    );
    expect(await map.locator('select[name="region"] option').first().textContent()).toBe(
      'Alle Regionen',
    );
    expect((await map.locator('[part~="near-me"]').textContent())!.trim()).toBe('In meiner Nähe');
    expect((await map.locator('[part~="list-toggle"]').textContent())!.trim()).toMatch(/^Liste \(/);
    expect(await map.locator('.map').getAttribute('aria-label')).toBe('Karte der Tische');
    await map.locator(`.pin[data-id="${venue.id}"]`).click();
    await expect
      .poll(() => map.locator('.leaflet-popup .count').textContent())
      .toContain('Teilnehmenden');
    expect(await map.locator('.leaflet-popup .meal').textContent()).toMatch(
      /Frühstück|Mittagessen|Abendessen|Andere/,
    );
    await page.close();
  });

  test("times show as the edition's clocks read them, wherever the visitor is", async () => {
    // The demo edition is on 14 October 2027 in Amsterdam: summer time (CEST), UTC+2.
    const { edition } = await gql<{ edition: { date: string; timeZone: string } }>(
      'query ($slug: String!) { edition(slug: $slug) { date timeZone } }',
      { slug: EDITION },
    );
    expect(edition).toEqual({ date: '2027-10-14', timeZone: 'Europe/Amsterdam' });
    const venue = loneVenue(await apiVenues(), (v) => v.startsAt !== null && v.endsAt !== null);
    const amsterdam = (iso: string) => {
      const utc = new Date(iso);
      const minutes = (utc.getUTCHours() * 60 + utc.getUTCMinutes() + 120) % 1440;
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    };
    const expected = `${amsterdam(venue.startsAt!)}–${amsterdam(venue.endsAt!)}`;
    // A visitor in California: nine hours behind Amsterdam that day.
    const far = await launchChromium({ timezoneId: 'America/Los_Angeles' });
    try {
      const { page } = await openPage(
        far,
        mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
      );
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        'America/Los_Angeles',
      );
      const visitorClock = await page.evaluate(
        (iso) => new Date(iso).toLocaleTimeString('nl', { hour: '2-digit', minute: '2-digit' }),
        venue.startsAt!,
      );
      expect(visitorClock).not.toBe(amsterdam(venue.startsAt!));
      await waitLoaded(page);
      await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
      const meal = page.locator('tafel-map .leaflet-popup .meal');
      await expect.poll(() => meal.count()).toBe(1);
      expect((await meal.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
        new RegExp(` · ${expected}$`),
      );
      // The list says the same.
      expect(await listedIds(page)).toContain(venue.id);
      expect(
        await page.locator(`tafel-map .list button[data-id="${venue.id}"]`).textContent(),
      ).toContain(expected);
      await page.close();
    } finally {
      await far.close();
    }
  });

  test('the page language is the default: <html lang="en">', async () => {
    const { page } = await openPage(chromium.browser, mapTag(), { lang: 'en-GB' });
    await waitLoaded(page);
    expect(await page.locator('tafel-map input[type="search"]').getAttribute('placeholder')).toBe(
      'Search by name, city or postal code',
    );
    await page.close();
  });

  test('moving the element removes its map and builds it again; attributes are left as given', async () => {
    const { page, errors } = await openPage(
      chromium.browser,
      `<div id="a">${mapTag()}</div><div id="b"></div>`,
    );
    const first = await waitLoaded(page);
    expect(
      await page.evaluate(() => document.querySelector('tafel-map')!.getAttributeNames().sort()),
    ).toEqual(['edition']);
    const removed = await page.evaluate(() => {
      const map = document.querySelector('tafel-map')!;
      (window as any).__moved = map;
      map.remove();
      return map.shadowRoot!.querySelectorAll('.leaflet-pane, .pin, .cluster').length;
    });
    expect(removed).toBe(0);
    // Attach the same element elsewhere: it builds its map again and draws its venues.
    await page.evaluate(() => {
      (window as any).__tafel.loads.length = 0;
      document.getElementById('b')!.append((window as any).__moved);
    });
    const second = await waitLoaded(page);
    expect(second.count).toBe(first.count);
    expect(await drawnTotal(page)).toBe(first.count);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  test('near me centres the map on the visitor and sorts the list by distance', async () => {
    const venue = loneVenue(await apiVenues());
    const { page } = await openPage(chromium.browser, mapTag());
    await chromium.browser.context.grantPermissions(['geolocation']);
    await chromium.browser.context.setGeolocation({
      latitude: venue.coordinates.lat,
      longitude: venue.coordinates.lng + 0.0001,
    });
    await waitLoaded(page);
    await page.locator('tafel-map [part~="near-me"]').click();
    await expect.poll(() => page.locator('tafel-map path.tafel-you').count()).toBe(1);
    await page.locator('tafel-map [part~="list-toggle"]').click();
    const first = await page.locator('tafel-map .list li button .name').first().textContent();
    expect(first).toBe(venue.name);
    await page.close();
  });
});
