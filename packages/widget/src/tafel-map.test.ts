/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * "done when" list of the widget issue.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { RecordArrivals, type LocationFilter, type MapLocation } from '@tafel/schema';
import {
  API,
  EDITION,
  apiVenues,
  drawnTotal,
  gql,
  ids,
  listedIds,
  openPage,
  recordApiRequests,
  staffKey,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';

const chromium = useBrowser();
const mapTag = (attributes = '') => `<tafel-map edition="${EDITION}" ${attributes}></tafel-map>`;

/** A venue that no other venue shares coordinates with, so its marker can be clicked alone. */
function loneVenue(venues: MapLocation[], where: (v: MapLocation) => boolean = () => true): MapLocation {
  const key = (v: MapLocation) => `${v.coordinates.lat.toFixed(4)},${v.coordinates.lng.toFixed(4)}`;
  const counts = new Map<string, number>();
  for (const v of venues) counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
  const venue = venues.find((v) => counts.get(key(v)) === 1 && where(v));
  if (!venue) throw new Error('no venue with coordinates of its own');
  return venue;
}

/** Cut the page off from the API and break the live stream: the map reconnects, fails, and shows its notice. */
async function cutOffApi(page: Page): Promise<Locator> {
  await page.route(`${API}/graphql?*`, (route) => route.abort());
  await page.evaluate(() => {
    const map = document.querySelector('tafel-map')!;
    map.setAttribute('live', 'false');
    map.removeAttribute('live');
  });
  const notice = page.locator('tafel-map [part="notice"]');
  await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
  return notice;
}

describe('<tafel-map> on the demo edition', () => {
  test('draws every public venue as clusters and markers', async () => {
    const expected = await apiVenues();
    expect(expected.length).toBeGreaterThanOrEqual(300);
    const { page, errors } = await openPage(chromium.browser, mapTag());
    const loaded = await waitLoaded(page);
    expect(loaded.count).toBe(expected.length);
    expect(await drawnTotal(page)).toBe(expected.length);
    expect(await page.locator('tafel-map .cluster').count()).toBeGreaterThan(5);
    // Each marker shows its meal: a class per meal on every single-venue pin.
    for (const pin of await page.locator('tafel-map .pin').all()) {
      expect(await pin.getAttribute('class')).toMatch(/meal-(breakfast|lunch|dinner|other)/);
    }
    // The outline of the country is drawn under the markers (tiles are refused here).
    expect(await page.locator('tafel-map path.tafel-outline').count()).toBeGreaterThan(0);
    expect(await page.locator('tafel-map .leaflet-container.tiles-failed').count()).toBe(1);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });

  test('without tiles, province borders divide the country outline into the twelve provinces', async () => {
    // A town well inside each province (two for Zeeland: its islands and its part of the mainland).
    const towns: Record<string, [number, number]> = {
      'NL-GR Groningen': [53.22, 6.57],
      'NL-FR Leeuwarden': [53.2, 5.8],
      'NL-DR Assen': [52.99, 6.56],
      'NL-OV Zwolle': [52.51, 6.09],
      'NL-FL Lelystad': [52.51, 5.47],
      'NL-GE Arnhem': [51.98, 5.91],
      'NL-UT Utrecht': [52.09, 5.12],
      'NL-NH Alkmaar': [52.63, 4.75],
      'NL-ZH Gouda': [52.01, 4.71],
      'NL-ZE Middelburg': [51.5, 3.61],
      'NL-ZE Tholen': [51.56, 4.18],
      'NL-NB Tilburg': [51.56, 5.08],
      'NL-LI Roermond': [51.19, 5.99],
    };
    const view = { center: [52.15, 5.3] as [number, number], zoom: 8 };
    const { page, errors } = await openPage(chromium.browser, mapTag(`center="${view.center.join(',')}" zoom="${view.zoom}"`), {
      head: '<style>tafel-map { height: 1000px }</style>',
      before: (p) => p.setViewportSize({ width: 1000, height: 1100 }),
    });
    await waitLoaded(page);
    await expect.poll(() => page.locator('tafel-map .leaflet-container.tiles-failed').count()).toBe(1);
    expect(await page.locator('tafel-map path.tafel-province').count()).toBe(1);
    // Drawn, and credited: the borders are derived from GeoNames places (CC BY 4.0).
    expect(await page.locator('tafel-map path.tafel-province').evaluate((path) => getComputedStyle(path).strokeOpacity)).toBe('1');
    const credit = page.locator('tafel-map .leaflet-control-attribution');
    expect(await credit.textContent()).toContain('GeoNames (CC BY 4.0)');
    expect(await credit.locator('a[href="https://creativecommons.org/licenses/by/4.0/"]').count()).toBe(1);

    const result = await page.evaluate(({ towns, center, zoom }) => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const outline = root.querySelector<SVGPathElement>('path.tafel-outline')!;
      const borders = root.querySelector<SVGPathElement>('path.tafel-province')!;
      const container = root.querySelector<HTMLElement>('.leaflet-container')!;
      const box = container.getBoundingClientRect();
      const [left, top, width, height] = [box.left + container.clientLeft, box.top + container.clientTop, container.clientWidth, container.clientHeight];

      // Every point of the borders lies on the land of the outline (within 3 px of it).
      let outside = 0;
      const length = borders.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const { x, y } = borders.getPointAtLength(at);
        const near = [[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]].some(([dx, dy]) => outline.isPointInFill(new DOMPoint(x + dx!, y + dy!)));
        if (!near) outside++;
      }

      // The outline's land, cut by the outline's own edges and the borders, on a canvas in the map's pixels.
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [width, height];
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, width, height);
      const ctm = outline.getScreenCTM()!;
      ctx.setTransform(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e - left, ctm.f - top);
      const land = new Path2D(outline.getAttribute('d')!);
      ctx.fillStyle = '#fff';
      ctx.fill(land, 'evenodd');
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 3;
      ctx.stroke(land);
      ctx.stroke(new Path2D(borders.getAttribute('d')!));
      const pixels = ctx.getImageData(0, 0, width, height).data;
      const open = (i: number) => pixels[i * 4]! > 200;

      // Where each town is on screen: Web Mercator at this zoom, around the map's centre.
      const world = 256 * 2 ** zoom;
      const project = ([lat, lng]: [number, number]) => {
        const sin = Math.sin((lat * Math.PI) / 180);
        return [(world * (lng + 180)) / 360, world * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))];
      };
      const [cx, cy] = project(center);
      const labels = new Int32Array(width * height);
      const found: Record<string, { region: number; area: number }> = {};
      let next = 0;
      for (const [name, latlng] of Object.entries(towns)) {
        const [px, py] = project(latlng);
        const start = Math.round(py! - cy! + height / 2) * width + Math.round(px! - cx! + width / 2);
        if (!open(start)) {
          found[name] = { region: -1, area: 0 };
          continue;
        }
        if (!labels[start]) {
          // Flood the region this town is in.
          const label = ++next;
          const stack = [start];
          labels[start] = label;
          while (stack.length) {
            const i = stack.pop()!;
            const x = i % width;
            for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
              if (j >= 0 && j < labels.length && !labels[j] && open(j)) {
                labels[j] = label;
                stack.push(j);
              }
            }
          }
        }
        found[name] = { region: labels[start]!, area: labels.filter((l) => l === labels[start]).length };
      }
      return { outside, samples: Math.floor(length / 2), found };
    }, { towns, center: view.center, zoom: view.zoom });

    expect(result.samples).toBeGreaterThan(200);
    expect(result.outside).toBe(0);
    for (const [name, { region, area }] of Object.entries(result.found)) {
      expect(region, `${name} lies on the land`).toBeGreaterThan(0);
      expect(area, `${name}'s province`).toBeGreaterThan(100);
    }
    // No two provinces share a region: no border is missing between any two of them.
    const regionsOf = new Map<string, Set<number>>();
    for (const [name, { region }] of Object.entries(result.found)) {
      const province = name.split(' ')[0]!;
      regionsOf.set(province, (regionsOf.get(province) ?? new Set()).add(region));
    }
    expect(regionsOf.size).toBe(12);
    const all = [...regionsOf.values()].flatMap((set) => [...set]);
    expect(new Set(all).size).toBe(all.length);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });

  test('a click on a marker opens its popup with the exact name, organisation and counts', async () => {
    const venue = loneVenue(await apiVenues(), (v) => v.capacity !== null && v.targetGroups.length > 0);
    const { page } = await openPage(
      chromium.browser,
      mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
    );
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('h3').textContent()).toBe(venue.name);
    expect(await popup.locator('.org').textContent()).toBe(venue.organisation.name);
    const count = popup.locator('.count');
    expect(await count.getAttribute('data-participants')).toBe(String(venue.participants));
    expect(await count.getAttribute('data-capacity')).toBe(String(venue.capacity));
    const nl = (n: number) => new Intl.NumberFormat('nl').format(n);
    expect((await count.textContent())!.trim()).toBe(`${nl(venue.participants)} van ${nl(venue.capacity!)} deelnemers`);
    expect(await popup.locator('.meal').textContent()).toMatch(/Ontbijt|Lunch|Diner|Anders/);
    expect(await popup.locator('.groups').textContent()).toContain('Voor:');
    // The event: bubbles out of the shadow root with a typed detail.
    const selects = await page.evaluate(() => (window as any).__tafel.selects);
    expect(selects).toEqual([{ id: venue.id, source: 'map', name: venue.name, composed: true, bubbles: true }]);
    await page.close();
  });

  test('a click on a cluster zooms in to where it splits', async () => {
    const { page } = await openPage(chromium.browser, mapTag());
    await waitLoaded(page);
    const biggest = await page.locator('tafel-map .cluster').evaluateAll((clusters) => {
      const counts = clusters.map((c) => Number((c as HTMLElement).dataset['count']));
      return Math.max(...counts);
    });
    await page.locator(`tafel-map .cluster[data-count="${biggest}"]`).first().click();
    // The cluster is gone; what it held is now spread over several markers.
    await expect.poll(() => page.locator(`tafel-map .cluster[data-count="${biggest}"]`).count()).toBe(0);
    await expect.poll(() => page.locator('tafel-map .cluster, tafel-map .pin').count()).toBeGreaterThan(1);
    await page.close();
  });

  const filters: [string, (page: import('playwright-core').Page) => Promise<void>, LocationFilter][] = [
    ['meal', (page) => page.locator('tafel-map select[name="meal"]').selectOption('DINNER').then(() => undefined), { meals: ['DINNER'] }],
    [
      'target group',
      (page) => page.locator('tafel-map select[name="targetGroup"]').selectOption('REFUGEES').then(() => undefined),
      { targetGroups: ['REFUGEES'] },
    ],
    ['region', (page) => page.locator('tafel-map select[name="region"]').selectOption('NL-UT').then(() => undefined), { region: 'NL-UT' }],
    ['search by city', (page) => page.locator('tafel-map input[type="search"]').fill('Utrecht'), { search: 'Utrecht' }],
    ['search by name', (page) => page.locator('tafel-map input[type="search"]').fill('moskee'), { search: 'moskee' }],
    ['search by postal code', (page) => page.locator('tafel-map input[type="search"]').fill('3536'), { search: '3536' }],
  ];
  for (const [name, apply, filter] of filters) {
    test(`the ${name} filter shows exactly the venues the API returns for it`, async () => {
      const expected = await apiVenues(filter);
      expect(expected.length).toBeGreaterThan(0);
      const { page } = await openPage(chromium.browser, mapTag());
      await waitLoaded(page);
      await apply(page);
      const loaded = await waitLoaded(page, 2);
      expect(loaded.count).toBe(expected.length);
      expect(await drawnTotal(page)).toBe(expected.length);
      expect((await listedIds(page)).sort()).toEqual(ids(expected));
      await page.close();
    });
  }

  test('filters combine: meal and region together', async () => {
    const expected = await apiVenues({ meals: ['LUNCH'], region: 'NL-ZH' });
    const { page } = await openPage(chromium.browser, mapTag());
    await waitLoaded(page);
    await page.locator('tafel-map select[name="meal"]').selectOption('LUNCH');
    await waitLoaded(page, 2);
    await page.locator('tafel-map select[name="region"]').selectOption('NL-ZH');
    await waitLoaded(page, 3);
    expect(await drawnTotal(page)).toBe(expected.length);
    expect((await listedIds(page)).sort()).toEqual(ids(expected));
    await page.close();
  });

  test('each preset attribute pins the map to exactly what the API returns for it', async () => {
    const all = await apiVenues();
    const perOrganisation = new Map<string, number>();
    for (const v of all) perOrganisation.set(v.organisation.slug, (perOrganisation.get(v.organisation.slug) ?? 0) + 1);
    const organisation = [...perOrganisation].sort((a, b) => b[1] - a[1])[0]![0];
    const presets: [string, LocationFilter][] = [
      [`organisation="${organisation}"`, { organisation }],
      ['region="NL-NH"', { region: 'NL-NH' }],
      ['meals="LUNCH DINNER"', { meals: ['LUNCH', 'DINNER'] }],
      ['target-groups="ELDERLY"', { targetGroups: ['ELDERLY'] }],
      ['region="NL-ZH" meals="BREAKFAST,DINNER"', { region: 'NL-ZH', meals: ['BREAKFAST', 'DINNER'] }],
    ];
    for (const [attributes, filter] of presets) {
      const expected = await apiVenues(filter);
      expect(expected.length, attributes).toBeGreaterThan(0);
      expect(expected.length, attributes).toBeLessThan(all.length);
      const { page } = await openPage(chromium.browser, mapTag(attributes));
      const loaded = await waitLoaded(page);
      expect(loaded.count, attributes).toBe(expected.length);
      expect(await drawnTotal(page), attributes).toBe(expected.length);
      expect((await listedIds(page)).sort(), attributes).toEqual(ids(expected));
      await page.close();
    }
  });

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
        return { part: element?.getAttribute('part') ?? '', id: (element as HTMLElement)?.dataset?.['id'] ?? '', text: element?.textContent?.trim() ?? '' };
      });
    // Tab from the top of the page to the list button.
    for (let i = 0; i < 12 && !(await focused()).part.includes('list-toggle'); i++) await page.keyboard.press('Tab');
    expect((await focused()).part).toContain('list-toggle');
    await page.keyboard.press('Enter');
    expect(await page.locator('tafel-map [part~="list-toggle"]').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('tafel-map [role="status"]').textContent()).toContain(`${venues.length} tafels`);
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
    await expect.poll(() => page.locator('tafel-map [role="status"]').textContent()).toBe(`Geselecteerd: ${third.name}`);
    // Escape closes it and returns to the same venue in the list.
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    await expect.poll(async () => (await focused()).id).toBe(third.id);
    expect(await page.locator(`tafel-map .list button[data-id="${third.id}"]`).getAttribute('aria-current')).toBe('false');
    // And back: a click on the map marks the venue in the list.
    await page.keyboard.press('Enter');
    const selects = await page.evaluate(() => (window as any).__tafel.selects.map((s: { source: string }) => s.source));
    expect(selects).toEqual(['list', 'list']);
    expect(await page.locator(`tafel-map .list button[data-id="${third.id}"]`).getAttribute('aria-current')).toBe('true');
    await page.close();
  });

  test('on a phone the list takes the map\'s place, and makes way for the popup it opens', async () => {
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
    await expect.poll(() => page.evaluate(() => document.querySelector('tafel-map')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe('list-item');
    await page.close();
  });

  test('selecting on the map marks the venue in the list', async () => {
    const venue = loneVenue(await apiVenues());
    const { page } = await openPage(chromium.browser, mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`));
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
    const { page } = await openPage(chromium.browser, mapTag(`lang="de" center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`));
    await waitLoaded(page);
    const map = page.locator('tafel-map');
    expect(await map.locator('input[type="search"]').getAttribute('placeholder')).toBe('Nach Name, Ort oder Postleitzahl suchen');
    expect(await map.locator('select[name="meal"] option').allTextContents()).toEqual(['Alle Mahlzeiten', 'Frühstück', 'Mittagessen', 'Abendessen', 'Andere']);
    expect(await map.locator('select[name="targetGroup"] option').nth(1).textContent()).toBe('Geflüchtete');
    expect(await map.locator('select[name="region"] option').first().textContent()).toBe('Alle Regionen');
    expect((await map.locator('[part~="near-me"]').textContent())!.trim()).toBe('In meiner Nähe');
    expect((await map.locator('[part~="list-toggle"]').textContent())!.trim()).toMatch(/^Liste \(/);
    expect(await map.locator('.map').getAttribute('aria-label')).toBe('Karte der Tische');
    await map.locator(`.pin[data-id="${venue.id}"]`).click();
    await expect.poll(() => map.locator('.leaflet-popup .count').textContent()).toContain('Teilnehmenden');
    expect(await map.locator('.leaflet-popup .meal').textContent()).toMatch(/Frühstück|Mittagessen|Abendessen|Andere/);
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
      const { page } = await openPage(far, mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`));
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
      const visitorClock = await page.evaluate(
        (iso) => new Date(iso).toLocaleTimeString('nl', { hour: '2-digit', minute: '2-digit' }),
        venue.startsAt!,
      );
      expect(visitorClock).not.toBe(amsterdam(venue.startsAt!));
      await waitLoaded(page);
      await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
      const meal = page.locator('tafel-map .leaflet-popup .meal');
      await expect.poll(() => meal.count()).toBe(1);
      expect((await meal.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(` · ${expected}$`));
      // The list says the same.
      expect(await listedIds(page)).toContain(venue.id);
      expect(await page.locator(`tafel-map .list button[data-id="${venue.id}"]`).textContent()).toContain(expected);
      await page.close();
    } finally {
      await far.close();
    }
  });

  test('the page language is the default: <html lang="en">', async () => {
    const { page } = await openPage(chromium.browser, mapTag(), { lang: 'en-GB' });
    await waitLoaded(page);
    expect(await page.locator('tafel-map input[type="search"]').getAttribute('placeholder')).toBe('Search by name, city or postal code');
    await page.close();
  });

  test('moving the element removes its map and builds it again; attributes are left as given', async () => {
    const { page, errors } = await openPage(chromium.browser, `<div id="a">${mapTag()}</div><div id="b"></div>`);
    const first = await waitLoaded(page);
    expect(await page.evaluate(() => document.querySelector('tafel-map')!.getAttributeNames().sort())).toEqual(['edition']);
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
    await chromium.browser.context.setGeolocation({ latitude: venue.coordinates.lat, longitude: venue.coordinates.lng + 0.0001 });
    await waitLoaded(page);
    await page.locator('tafel-map [part~="near-me"]').click();
    await expect.poll(() => page.locator('tafel-map path.tafel-you').count()).toBe(1);
    await page.locator('tafel-map [part~="list-toggle"]').click();
    const first = await page.locator('tafel-map .list li button .name').first().textContent();
    expect(first).toBe(venue.name);
    await page.close();
  });
});

describe('<tafel-map> never lets the page or the data attack or break it', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  test('a venue named <img src=x onerror=alert(1)> is text, and no script runs', async () => {
    const key = staffKey();
    const anchor = loneVenue(await apiVenues());
    const created = await gql<{ createLocation: { location: { id: string } | null; userErrors: unknown[] } }>(
      `mutation Create($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { field message code } } }`,
      {
        input: {
          edition: EDITION,
          organisation: anchor.organisation.slug,
          name: hostile,
          meal: 'DINNER',
          capacity: 20,
          coordinates: { lat: 52.0, lng: 4.2 },
          address: { city: '<b onmouseover=alert(2)>Den Haag</b>', region: 'NL-ZH', postalCode: '2511 AA' },
          targetGroups: ['NEIGHBOURS'],
        },
      },
      key,
    );
    expect(created.createLocation.userErrors).toEqual([]);
    const id = created.createLocation.location!.id;
    const { page, dialogs, errors } = await openPage(chromium.browser, mapTag('center="52.0,4.2" zoom="18"'));
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${id}"]`).click();
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.locator('h3').textContent()).toBe(hostile);
    expect(await popup.locator('.place').textContent()).toBe('2511 AA <b onmouseover=alert(2)>Den Haag</b>');
    await page.locator('tafel-map input[type="search"]').fill('onerror');
    await waitLoaded(page, 2);
    expect(await listedIds(page)).toEqual([id]);
    expect(await page.locator('tafel-map .list .name').first().textContent()).toBe(hostile);
    await page.locator('tafel-map .list button').first().hover();
    await page.waitForTimeout(300);
    // No element came from the name: no <img src=x>, no <b>, and no dialog opened.
    const injected = await page.evaluate(() => document.querySelector('tafel-map')!.shadowRoot!.querySelectorAll('img[src="x"], b').length);
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => /alert|onerror/.test(e))).toEqual([]);
    await page.close();
  });

  test('a javascript: registration URL is never a link (even if the API let one through)', async () => {
    const venue = loneVenue(await apiVenues(), (v) => Boolean(v.registrationUrl));
    const { page, dialogs } = await openPage(chromium.browser, '');
    // Rewrite the API's answers on the way in: this venue's URL becomes javascript:, another's data:.
    await page.route(`${API}/graphql?*`, async (route) => {
      if (!route.request().url().includes('operationName=MapLocations')) return route.continue();
      const response = await route.fetch();
      const text = await response.text();
      const patched = text
        .split(JSON.stringify(venue.registrationUrl))
        .join(JSON.stringify('javascript:alert(document.domain)'));
      await route.fulfill({ response, body: patched });
    });
    await page.evaluate(
      ([edition, lat, lng]) => {
        const map = document.createElement('tafel-map');
        map.setAttribute('edition', edition as string);
        map.setAttribute('center', `${lat},${lng}`);
        map.setAttribute('zoom', '18');
        document.body.append(map);
      },
      [EDITION, venue.coordinates.lat, venue.coordinates.lng],
    );
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.locator('h3').textContent()).toBe(venue.name);
    expect(await popup.locator('a').count()).toBe(0);
    const links = await page.evaluate(() =>
      [...document.querySelector('tafel-map')!.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    );
    expect(links.some((href) => href?.startsWith('javascript:'))).toBe(false);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('an http(s) registration URL is a link that opens safely', async () => {
    const venue = loneVenue(await apiVenues(), (v) => /^https?:/.test(v.registrationUrl ?? ''));
    const { page } = await openPage(chromium.browser, mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`));
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const link = page.locator('tafel-map .leaflet-popup a[part="register"]');
    await expect.poll(() => link.getAttribute('href')).toBe(new URL(venue.registrationUrl!).href);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await page.close();
  });

  test('aggressive host page CSS does not break the map', async () => {
    const venue = loneVenue(await apiVenues());
    const attributes = `center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18" tile-url="${API}/__tiles__/{z}/{x}/{y}.png"`;
    // A real tile image for every tile, so the page's `img` rule has something to hit.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
      'base64',
    );
    const measure = async (head: string) => {
      const { page } = await openPage(chromium.browser, `<div class="frame">${mapTag(attributes)}</div>`, {
        head,
        before: (page) => page.route(`${API}/__tiles__/**`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png })),
      });
      await waitLoaded(page);
      await expect.poll(() => page.locator('tafel-map img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
      const result = await page.evaluate((id) => {
        const host = document.querySelector('tafel-map')!;
        const root = host.shadowRoot!;
        const box = (el: Element | null) => {
          const r = el!.getBoundingClientRect();
          return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        };
        const tile = root.querySelector('img.leaflet-tile')!;
        const style = getComputedStyle(tile);
        return {
          host: box(host),
          map: box(root.querySelector('.leaflet-container')),
          pin: box(root.querySelector(`.pin[data-id="${id}"]`)),
          tile: [style.width, style.height, style.padding, style.maxWidth],
          zoom: box(root.querySelector('.leaflet-control-zoom')),
        };
      }, venue.id);
      await page.close();
      return result;
    };
    const clean = await measure('');
    const attacked = await measure(`<style>
      * { box-sizing: content-box; } img { max-width: 100%; padding: 8px }
      div { padding: 12px; margin: 3px; line-height: 3; } a { font-size: 40px; } button, input, select { all: unset; }
      body { font: 30px/2 serif; text-align: center; }
      .frame { padding: 0; margin: 0; }
    </style>`);
    expect(clean.host[3]).toBe(480); // the default height
    expect(clean.tile).toEqual(['256px', '256px', '0px', 'none']);
    expect(attacked.tile).toEqual(clean.tile);
    // The map keeps its size and its markers sit at the same place relative to the host.
    expect(attacked.host[3]).toBe(clean.host[3]);
    const relative = (r: typeof clean, key: 'map' | 'pin' | 'zoom') => r[key].map((v, i) => (i < 2 ? v - r.host[i]! : v));
    expect(relative(attacked, 'map')).toEqual(relative(clean, 'map'));
    expect(relative(attacked, 'pin')).toEqual(relative(clean, 'pin'));
    expect(relative(attacked, 'zoom')).toEqual(relative(clean, 'zoom'));
  });

  test('under a page rule `* { all: unset }` the map keeps its box, draws its venues and places its notice on the map', async () => {
    const expected = await apiVenues();
    // `all: unset` beats every :host rule: the host turns `display: inline`, with no height, no position.
    const { page, errors } = await openPage(chromium.browser, `<div>${mapTag()}</div>`, { head: '<style>* { all: unset }</style>' });
    const loaded = await waitLoaded(page);
    expect(loaded.count).toBe(expected.length);
    expect(await drawnTotal(page)).toBe(expected.length);
    // The API goes away: the notice must show on the map, not somewhere on the page.
    await cutOffApi(page);
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const box = (selector: string) => {
        const r = root.querySelector(selector)!.getBoundingClientRect();
        return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      };
      return { base: box('.base'), map: box('.leaflet-container'), marker: box('.pin, .cluster'), notice: box('.notice') };
    });
    expect(boxes.base.height).toBe(480); // the default height
    expect(boxes.base.width).toBeGreaterThan(600);
    expect(boxes.map.height).toBeGreaterThan(300);
    expect(boxes.map.width).toBe(boxes.base.width - 2); // inside the frame's 1 px border
    expect(boxes.marker.width).toBeGreaterThan(20);
    expect(boxes.marker.height).toBeGreaterThan(20);
    expect(boxes.notice.y).toBeGreaterThan(boxes.base.y);
    expect(boxes.notice.y + boxes.notice.height).toBeLessThanOrEqual(boxes.base.y + boxes.base.height);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED|Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  test('the page sizes the map with a height on the element, or with --tafel-map-height', async () => {
    const { page } = await openPage(
      chromium.browser,
      `<tafel-map id="vh" edition="${EDITION}"></tafel-map><tafel-map id="custom" edition="${EDITION}"></tafel-map>
       <div class="column"><tafel-map id="flexed" edition="${EDITION}"></tafel-map></div><tafel-map id="auto" edition="${EDITION}"></tafel-map>`,
      {
        head: `<style>
          #vh { height: 70vh } #custom { --tafel-map-height: 300px }
          .column { display: flex; flex-direction: column; height: 600px } #flexed { flex: 1 } #auto { height: auto }
        </style>`,
      },
    );
    await waitLoaded(page, 4);
    const heights = await page.evaluate(() =>
      ['vh', 'custom', 'flexed', 'auto'].map((id) => {
        const host = document.getElementById(id)!;
        return [host.getBoundingClientRect().height, host.shadowRoot!.querySelector('.base')!.getBoundingClientRect().height];
      }),
    );
    const vh = Math.round(0.7 * (await page.evaluate(() => innerHeight)));
    expect(heights.map((pair) => pair.map(Math.round))).toEqual([
      [vh, vh],
      [300, 300],
      [600, 600],
      [480, 480], // no height is the default height
    ]);
    await page.close();
  });

  test("the map's CSS does not touch the page", async () => {
    const { page } = await openPage(
      chromium.browser,
      `<div class="leaflet-container leaflet-popup" id="mine">page text</div><img id="pic" class="leaflet-tile" alt="">${mapTag()}`,
    );
    await waitLoaded(page);
    const styles = await page.evaluate(() => {
      const mine = getComputedStyle(document.getElementById('mine')!);
      const pic = getComputedStyle(document.getElementById('pic')!);
      return [mine.backgroundColor, mine.position, pic.position, pic.visibility];
    });
    expect(styles).toEqual(['rgba(0, 0, 0, 0)', 'static', 'static', 'visible']);
    await page.close();
  });

  test("works under a strict Content-Security-Policy (script-src 'self'), clustering on the main thread", async () => {
    const expected = await apiVenues();
    const csp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:";
    const { page, errors } = await openPage(chromium.browser, mapTag(), { csp });
    const loaded = await waitLoaded(page);
    expect(loaded.offMainThread).toBe(false);
    expect(await drawnTotal(page)).toBe(expected.length);
    const violations: string[] = await page.evaluate(() => (window as any).__tafel.violations);
    // Only the refused worker (expected: it then clusters on the main thread) and refused tiles.
    expect(violations.filter((v) => !/^worker-src (blob|data)|^img-src https:\/\/tile/.test(v))).toEqual([]);
    expect(errors.filter((e) => /eval|unsafe/i.test(e))).toEqual([]);
    await page.close();
  });

  test("with worker-src blob: the index is built off the main thread", async () => {
    const csp = "default-src 'none'; script-src 'self'; worker-src blob:; connect-src 'self'; style-src 'self'; img-src 'self' data:";
    const { page } = await openPage(chromium.browser, mapTag(), { csp });
    const loaded = await waitLoaded(page);
    expect(loaded.offMainThread).toBe(true);
    await page.close();
  });

  const scripts = {
    'the ES module': (api: string) => `<script type="module" src="${api}/widget/tafel.js"></script>`,
    'the classic script': (api: string) => `<script src="${api}/widget/tafel.iife.js"></script>`,
  };
  for (const [kind, script] of Object.entries(scripts)) {
    test(`a partner page on another origin loads ${kind} and the data, the endpoint taken from the script's origin`, async () => {
      const expected = await apiVenues({ region: 'NL-UT' });
      // A real server of its own (another port is another origin), as a partner's site would be.
      const html = `<!doctype html><html lang="nl"><head>${script(API)}</head><body>${mapTag('region="NL-UT"')}</body></html>`;
      const partner = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
      await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
      try {
        const { page } = await openPage(chromium.browser, '');
        await page.goto(`${origin}/`);
        const loaded = await waitLoaded(page);
        expect(loaded.count).toBe(expected.length);
        expect(await drawnTotal(page)).toBe(expected.length);
        await page.close();
      } finally {
        partner.close();
      }
    });
  }
});

describe('<tafel-map> live', () => {
  test('after a recordArrivals mutation the open popup changes without a reload', async () => {
    const key = staffKey();
    const venue = loneVenue(await apiVenues(), (v) => v.capacity !== null && v.capacity - v.participants >= 3);
    const { page } = await openPage(chromium.browser, mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`));
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${venue.id}"]`).click();
    const count = page.locator('tafel-map .leaflet-popup .count');
    await expect.poll(() => count.getAttribute('data-participants')).toBe(String(venue.participants));
    // Let the stream open before the change (a subscription starts when its response is read).
    await page.waitForTimeout(1000);
    const result = await gql<{ recordArrivals: { location: { participants: number } | null; userErrors: unknown[] } }>(
      RecordArrivals.document,
      { input: { location: venue.id, delta: 3 } },
      key,
    );
    expect(result.recordArrivals.userErrors).toEqual([]);
    const now = venue.participants + 3;
    expect(result.recordArrivals.location!.participants).toBe(now);
    await expect.poll(() => count.getAttribute('data-participants'), { timeout: 10_000 }).toBe(String(now));
    expect(await count.textContent()).toContain(new Intl.NumberFormat('nl').format(now));
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });

  test('a mistyped edition is asked for once: the map stops and says why', async () => {
    const requests: string[] = [];
    const { page } = await openPage(chromium.browser, `<tafel-map edition="nid-2O27" lang="en"></tafel-map>`, {
      before: recordApiRequests(requests),
    });
    await page.waitForTimeout(8000);
    // The venues once and the stream once: retries opened a new stream every second.
    expect(requests.length).toBeLessThanOrEqual(2);
    const notice = page.locator('tafel-map [part="notice"]');
    expect(await notice.textContent()).toBe('Unknown edition “nid-2O27”.');
    expect(await notice.isVisible()).toBe(true);
    // The edition corrected: the map loads it.
    await page.evaluate((edition) => document.querySelector('tafel-map')!.setAttribute('edition', edition), EDITION);
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
