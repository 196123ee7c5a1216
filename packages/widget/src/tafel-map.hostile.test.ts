/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * "done when" list of the widget issue: a hostile page, hostile data, strict CSP, other origins.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import {
  API,
  apiVenues,
  drawnTotal,
  EDITION,
  gql,
  listedIds,
  openPage,
  staffKey,
  useBrowser,
  waitLoaded,
} from '../test/browser.ts';
import { cutOffApi, loneVenue, mapTag } from '../test/map.ts';

const chromium = useBrowser();

describe('<tafel-map> never lets the page or the data attack or break it', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  test('a venue named <img src=x onerror=alert(1)> is text, and no script runs', async () => {
    const key = staffKey();
    const anchor = loneVenue(await apiVenues());
    const created = await gql<{
      createLocation: { location: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation Create($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { field message code } } }`,
      {
        input: {
          edition: EDITION,
          organisation: anchor.organisation.slug,
          name: hostile,
          meal: 'DINNER',
          capacity: 20,
          coordinates: { lat: 52.0, lng: 4.2 },
          address: {
            city: '<b onmouseover=alert(2)>Den Haag</b>',
            region: 'NL-ZH',
            postalCode: '2511 AA',
          },
          targetGroups: ['NEIGHBOURS'],
        },
      },
      key,
    );
    expect(created.createLocation.userErrors).toEqual([]);
    const id = created.createLocation.location!.id;
    const { page, dialogs, errors } = await openPage(
      chromium.browser,
      mapTag('center="52.0,4.2" zoom="18"'),
    );
    await waitLoaded(page);
    await page.locator(`tafel-map .pin[data-id="${id}"]`).click();
    const popup = page.locator('tafel-map .leaflet-popup [part="popup"]');
    await expect.poll(() => popup.locator('h3').textContent()).toBe(hostile);
    expect(await popup.locator('.place').textContent()).toBe(
      '2511 AA <b onmouseover=alert(2)>Den Haag</b>',
    );
    await page.locator('tafel-map input[type="search"]').fill('onerror');
    await waitLoaded(page, 2);
    expect(await listedIds(page)).toEqual([id]);
    expect(await page.locator('tafel-map .list .name').first().textContent()).toBe(hostile);
    await page.locator('tafel-map .list button').first().hover();
    await page.waitForTimeout(300);
    // No element came from the name: no <img src=x>, no <b>, and no dialog opened.
    const injected = await page.evaluate(
      () =>
        document.querySelector('tafel-map')!.shadowRoot!.querySelectorAll('img[src="x"], b').length,
    );
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
      [...document.querySelector('tafel-map')!.shadowRoot!.querySelectorAll('a')].map((a) =>
        a.getAttribute('href'),
      ),
    );
    expect(links.some((href) => href?.startsWith('javascript:'))).toBe(false);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('an http(s) registration URL is a link that opens safely', async () => {
    const venue = loneVenue(await apiVenues(), (v) => /^https?:/.test(v.registrationUrl ?? ''));
    const { page } = await openPage(
      chromium.browser,
      mapTag(`center="${venue.coordinates.lat},${venue.coordinates.lng}" zoom="18"`),
    );
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
      const { page } = await openPage(
        chromium.browser,
        `<div class="frame">${mapTag(attributes)}</div>`,
        {
          head,
          before: (page) =>
            page.route(`${API}/__tiles__/**`, (route) =>
              route.fulfill({ status: 200, contentType: 'image/png', body: png }),
            ),
        },
      );
      await waitLoaded(page);
      await expect
        .poll(() => page.locator('tafel-map img.leaflet-tile-loaded').count())
        .toBeGreaterThan(0);
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
    const relative = (r: typeof clean, key: 'map' | 'pin' | 'zoom') =>
      r[key].map((v, i) => (i < 2 ? v - r.host[i]! : v));
    expect(relative(attacked, 'map')).toEqual(relative(clean, 'map'));
    expect(relative(attacked, 'pin')).toEqual(relative(clean, 'pin'));
    expect(relative(attacked, 'zoom')).toEqual(relative(clean, 'zoom'));
  });

  test('under a page rule `* { all: unset }` the map keeps its box, draws its venues and places its notice on the map', async () => {
    const expected = await apiVenues();
    // `all: unset` beats every :host rule: the host turns `display: inline`, with no height, no position.
    const { page, errors } = await openPage(chromium.browser, `<div>${mapTag()}</div>`, {
      head: '<style>* { all: unset }</style>',
    });
    const loaded = await waitLoaded(page);
    expect(loaded.count).toBe(expected.length);
    expect(await drawnTotal(page)).toBe(expected.length);
    // The API goes away: the notice must show on the map, not somewhere on the page.
    await cutOffApi(page);
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const box = (selector: string) => {
        const r = root.querySelector(selector)!.getBoundingClientRect();
        return {
          x: Math.round(r.x),
          y: Math.round(r.y),
          width: Math.round(r.width),
          height: Math.round(r.height),
        };
      };
      return {
        base: box('.base'),
        map: box('.leaflet-container'),
        marker: box('.pin, .cluster'),
        notice: box('.notice'),
      };
    });
    expect(boxes.base.height).toBe(480); // the default height
    expect(boxes.base.width).toBeGreaterThan(600);
    expect(boxes.map.height).toBeGreaterThan(300);
    expect(boxes.map.width).toBe(boxes.base.width - 2); // inside the frame's 1 px border
    expect(boxes.marker.width).toBeGreaterThan(20);
    expect(boxes.marker.height).toBeGreaterThan(20);
    expect(boxes.notice.y).toBeGreaterThan(boxes.base.y);
    expect(boxes.notice.y + boxes.notice.height).toBeLessThanOrEqual(
      boxes.base.y + boxes.base.height,
    );
    expect(
      errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED|Failed to load resource/.test(e)),
    ).toEqual([]);
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
        return [
          host.getBoundingClientRect().height,
          host.shadowRoot!.querySelector('.base')!.getBoundingClientRect().height,
        ];
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
    const csp =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:";
    const { page, errors } = await openPage(chromium.browser, mapTag(), { csp });
    const loaded = await waitLoaded(page);
    expect(loaded.offMainThread).toBe(false);
    expect(await drawnTotal(page)).toBe(expected.length);
    const violations: string[] = await page.evaluate(() => (window as any).__tafel.violations);
    // Only the refused worker (expected: it then clusters on the main thread) and refused tiles.
    expect(
      violations.filter((v) => !/^worker-src (blob|data)|^img-src https:\/\/tile/.test(v)),
    ).toEqual([]);
    expect(errors.filter((e) => /eval|unsafe/i.test(e))).toEqual([]);
    await page.close();
  });

  test('with worker-src blob: the index is built off the main thread', async () => {
    const csp =
      "default-src 'none'; script-src 'self'; worker-src blob:; connect-src 'self'; style-src 'self'; img-src 'self' data:";
    const { page } = await openPage(chromium.browser, mapTag(), { csp });
    const loaded = await waitLoaded(page);
    expect(loaded.offMainThread).toBe(true);
    await page.close();
  });

  const scripts = {
    'the ES module': (api: string) =>
      `<script type="module" src="${api}/widget/tafel.js"></script>`,
    'the classic script': (api: string) => `<script src="${api}/widget/tafel.iife.js"></script>`,
  };
  for (const [kind, script] of Object.entries(scripts)) {
    test(`a partner page on another origin loads ${kind} and the data, the endpoint taken from the script's origin`, async () => {
      const expected = await apiVenues({ region: 'NL-UT' });
      // A real server of its own (another port is another origin), as a partner's site would be.
      const html = `<!doctype html><html lang="nl"><head>${script(API)}</head><body>${mapTag('region="NL-UT"')}</body></html>`;
      const partner = createServer((_, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(html),
      );
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
