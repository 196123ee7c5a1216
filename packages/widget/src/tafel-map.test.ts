/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * "done when" list of the widget issue: drawing, clusters, filters and presets.
 */

import type { LocationFilter } from '@tafel/schema';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  apiVenues,
  drawnTotal,
  ids,
  listedIds,
  openPage,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import { loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

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
    const { page, errors } = await openPage(
      chromium.browser,
      mapTag(`center="${view.center.join(',')}" zoom="${view.zoom}"`),
      {
        head: '<style>tafel-map { height: 1000px }</style>',
        before: (p) => p.setViewportSize({ width: 1000, height: 1100 }),
      },
    );
    await waitLoaded(page);
    await expect
      .poll(() => page.locator('tafel-map .leaflet-container.tiles-failed').count())
      .toBe(1);
    expect(await page.locator('tafel-map path.tafel-province').count()).toBe(1);
    // Drawn, and credited: the borders are derived from GeoNames places (CC BY 4.0).
    expect(
      await page
        .locator('tafel-map path.tafel-province')
        .evaluate((path) => getComputedStyle(path).strokeOpacity),
    ).toBe('1');
    const credit = page.locator('tafel-map .leaflet-control-attribution');
    expect(await credit.textContent()).toContain('GeoNames (CC BY 4.0)');
    expect(
      await credit.locator('a[href="https://creativecommons.org/licenses/by/4.0/"]').count(),
    ).toBe(1);

    const result = await page.evaluate(
      ({ towns, center, zoom }) => {
        const root = document.querySelector('tafel-map')!.shadowRoot!;
        const outline = root.querySelector<SVGPathElement>('path.tafel-outline')!;
        const borders = root.querySelector<SVGPathElement>('path.tafel-province')!;
        const container = root.querySelector<HTMLElement>('.leaflet-container')!;
        const box = container.getBoundingClientRect();
        const [left, top, width, height] = [
          box.left + container.clientLeft,
          box.top + container.clientTop,
          container.clientWidth,
          container.clientHeight,
        ];

        // Every point of the borders lies on the land of the outline (within 3 px of it).
        let outside = 0;
        const length = borders.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const { x, y } = borders.getPointAtLength(at);
          const near = [
            [0, 0],
            [3, 0],
            [-3, 0],
            [0, 3],
            [0, -3],
          ].some(([dx, dy]) => outline.isPointInFill(new DOMPoint(x + dx!, y + dy!)));
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
          return [
            (world * (lng + 180)) / 360,
            world * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)),
          ];
        };
        const [cx, cy] = project(center);
        const labels = new Int32Array(width * height);
        const found: Record<string, { region: number; area: number }> = {};
        let next = 0;
        for (const [name, latlng] of Object.entries(towns)) {
          const [px, py] = project(latlng);
          const start =
            Math.round(py! - cy! + height / 2) * width + Math.round(px! - cx! + width / 2);
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
              for (const j of [
                x > 0 ? i - 1 : -1,
                x < width - 1 ? i + 1 : -1,
                i - width,
                i + width,
              ]) {
                if (j >= 0 && j < labels.length && !labels[j] && open(j)) {
                  labels[j] = label;
                  stack.push(j);
                }
              }
            }
          }
          found[name] = {
            region: labels[start]!,
            area: labels.filter((l) => l === labels[start]).length,
          };
        }
        return { outside, samples: Math.floor(length / 2), found };
      },
      { towns, center: view.center, zoom: view.zoom },
    );

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
    const venue = loneVenue(
      await apiVenues(),
      (v) =>
        v.capacity !== null && v.participants < v.capacity && !v.full && v.targetGroups.length > 0,
    );
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
    expect((await count.textContent())!.trim()).toBe(
      `${nl(venue.participants)} van ${nl(venue.capacity!)} deelnemers`,
    );
    expect(await popup.locator('.meal').textContent()).toMatch(/Ontbijt|Lunch|Diner|Anders/);
    expect(await popup.locator('.groups').textContent()).toContain('Voor:');
    // The event: bubbles out of the shadow root with a typed detail.
    const selects = await page.evaluate(() => (window as any).__tafel.selects);
    expect(selects).toEqual([
      { id: venue.id, source: 'map', name: venue.name, composed: true, bubbles: true },
    ]);
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
    await expect
      .poll(() => page.locator(`tafel-map .cluster[data-count="${biggest}"]`).count())
      .toBe(0);
    await expect
      .poll(() => page.locator('tafel-map .cluster, tafel-map .pin').count())
      .toBeGreaterThan(1);
    await page.close();
  });

  const filters: [string, (page: Page) => Promise<void>, LocationFilter][] = [
    [
      'meal',
      (page) =>
        page
          .locator('tafel-map select[name="meal"]')
          .selectOption('DINNER')
          .then(() => undefined),
      { meals: ['DINNER'] },
    ],
    [
      'target group',
      (page) =>
        page
          .locator('tafel-map select[name="targetGroup"]')
          .selectOption('REFUGEES')
          .then(() => undefined),
      { targetGroups: ['REFUGEES'] },
    ],
    [
      'region',
      (page) =>
        page
          .locator('tafel-map select[name="region"]')
          .selectOption('NL-UT')
          .then(() => undefined),
      { region: 'NL-UT' },
    ],
    [
      'search by city',
      (page) => page.locator('tafel-map input[type="search"]').fill('Utrecht'),
      { search: 'Utrecht' },
    ],
    [
      'search by name',
      (page) => page.locator('tafel-map input[type="search"]').fill('moskee'),
      { search: 'moskee' },
    ],
    [
      'search by postal code',
      (page) => page.locator('tafel-map input[type="search"]').fill('3536'),
      { search: '3536' },
    ],
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
    for (const v of all)
      perOrganisation.set(v.organisation.slug, (perOrganisation.get(v.organisation.slug) ?? 0) + 1);
    const organisation = [...perOrganisation].sort((a, b) => b[1] - a[1])[0]![0];
    const presets: [string, LocationFilter][] = [
      [`organisation="${organisation}"`, { organisation }],
      ['region="NL-NH"', { region: 'NL-NH' }],
      ['meals="LUNCH DINNER"', { meals: ['LUNCH', 'DINNER'] }],
      ['target-groups="ELDERLY"', { targetGroups: ['ELDERLY'] }],
      [
        'region="NL-ZH" meals="BREAKFAST,DINNER"',
        { region: 'NL-ZH', meals: ['BREAKFAST', 'DINNER'] },
      ],
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
});
