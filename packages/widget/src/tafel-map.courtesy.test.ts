/**
 * <tafel-map> in real headless Chromium against the real API with the demo edition: the
 * courtesies people expect from a map (issue #21): a legend, less motion when asked, shapes that
 * stay in forced colours, a dark scheme, and the chosen venue and filters in the page's address.
 */

import { label, MEALS } from '@tafel/schema';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import { apiVenues, ids, listedIds, openPage, useBrowser, waitLoaded } from '../test/browser.ts';
import { mapTag } from '../test/map.ts';

const chromium = useBrowser();
const TITLE = '<title>Een partnerpagina</title>';

/** The part attribute of the element that has focus, through shadow roots. */
const focusedPart = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('part') ?? '';
  });

describe('<tafel-map> courtesies', () => {
  test('the legend opens and closes by keyboard, explains meals and clusters, and serves the list view too', async () => {
    const { page } = await openPage(chromium.browser, `<a href="#before">before</a>${mapTag()}`, {
      head: TITLE,
    });
    await waitLoaded(page);
    const toggle = page.locator('tafel-map [part~="legend-toggle"]');
    const legend = page.locator('tafel-map [part="legend"]');
    expect(await legend.isVisible()).toBe(false);
    for (let i = 0; i < 14 && !(await focusedPart(page)).includes('legend-toggle'); i++)
      await page.keyboard.press('Tab');
    expect(await focusedPart(page)).toContain('legend-toggle');
    expect(await toggle.textContent()).toContain('Legenda');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe(await legend.getAttribute('id'));

    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend.isVisible()).toBe(true);
    const text = (await legend.textContent())!;
    for (const meal of MEALS) expect(text).toContain(label(meal, 'nl'));
    expect(text).toContain('Groep tafels');
    // Each meal's key is the marker itself: its colour class and its glyph.
    for (const meal of MEALS)
      expect(
        await legend
          .locator(
            `.pin.meal-${meal.toLowerCase()} svg path, .pin.meal-${meal.toLowerCase()} svg circle`,
          )
          .count(),
      ).toBeGreaterThan(0);
    expect(await legend.locator('.cluster').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await legend.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedPart(page)).toContain('legend-toggle');

    // On a phone the open list takes the map's place: the legend shows over it.
    await page.setViewportSize({ width: 375, height: 700 });
    await page.locator('tafel-map [part~="list-toggle"]').click();
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await legend.isVisible()).toBe(true);
    const onTop = await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const box = root.querySelector('[part="legend"]')!.getBoundingClientRect();
      const list = root.querySelector('.list')!.getBoundingClientRect();
      const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        covered: box.top >= list.top && box.bottom <= list.bottom,
        inLegend: Boolean(hit?.closest('[part="legend"]')),
      };
    });
    expect(onTop).toEqual({ covered: true, inLegend: true });
    // Escape from within the legend closes it too, focus back on its toggle.
    await legend
      .locator('li')
      .first()
      .evaluate((li) =>
        li.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
        ),
      );
    await expect.poll(() => legend.isVisible()).toBe(false);
    expect(await focusedPart(page)).toContain('legend-toggle');
    await page.close();
  });

  /** Zoom in with the control; whether Leaflet's zoom animation ran, and whether the view changed. */
  async function zoomIn(
    page: Page,
  ): Promise<{ animated: boolean; zoomed: boolean; proxy: number; fade: boolean }> {
    const before = await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const pane = root.querySelector('.leaflet-map-pane')!;
      const seen = { animated: false, transitions: 0 };
      (window as any).__zoom = seen;
      new MutationObserver(() => {
        if (pane.classList.contains('leaflet-zoom-anim')) seen.animated = true;
      }).observe(pane, { attributes: true, attributeFilter: ['class'] });
      root.addEventListener('transitionend', () => seen.transitions++);
      return root.querySelector('path.tafel-outline')!.getAttribute('d');
    });
    await page.locator('tafel-map .leaflet-control-zoom-in').click();
    await page.waitForTimeout(800);
    return page.evaluate((d) => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const seen = (window as any).__zoom;
      return {
        animated: seen.animated || seen.transitions > 0,
        zoomed: root.querySelector('path.tafel-outline')!.getAttribute('d') !== d,
        proxy: root.querySelectorAll('.leaflet-proxy').length,
        fade: root.querySelector('.leaflet-container')!.classList.contains('leaflet-fade-anim'),
      };
    }, before);
  }

  test('with reduced motion asked for, the map zooms without animation (and animates otherwise)', async () => {
    const moving = await openPage(chromium.browser, mapTag('center="52.09,5.12" zoom="9"'));
    await waitLoaded(moving.page);
    expect(await zoomIn(moving.page)).toEqual({
      animated: true,
      zoomed: true,
      proxy: 1,
      fade: true,
    });
    await moving.page.close();

    const still = await openPage(chromium.browser, mapTag('center="52.09,5.12" zoom="9"'), {
      before: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
    });
    await waitLoaded(still.page);
    expect(await zoomIn(still.page)).toEqual({
      animated: false,
      zoomed: true,
      proxy: 0,
      fade: false,
    });
    await still.page.close();
  });

  test('a map taken away in the middle of a zoom leaves no error behind', async () => {
    const { page, errors } = await openPage(
      chromium.browser,
      mapTag('center="52.09,5.12" zoom="9"'),
    );
    await waitLoaded(page);
    await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      root.querySelector<HTMLElement>('.leaflet-control-zoom-in')!.click();
      // Two frames: Leaflet starts the animation on the next one.
      return new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (!root.querySelector('.leaflet-zoom-anim')) throw new Error('no zoom animation');
            document.querySelector('tafel-map')!.remove();
            done();
          }),
        ),
      );
    });
    await page.waitForTimeout(600);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });

  test('in forced colours, markers and clusters keep a visible edge (screenshot compared)', async () => {
    const { page } = await openPage(chromium.browser, mapTag('center="52.1,5.3" zoom="8"'), {
      head: '<style>tafel-map { height: 700px }</style>',
      before: (p) => p.emulateMedia({ forcedColors: 'active' }),
    });
    await waitLoaded(page);
    await page.waitForTimeout(300);
    // Markers that stand alone, well inside the map: their edge against the map around them.
    const markers = await page.evaluate(() => {
      const root = document.querySelector('tafel-map')!.shadowRoot!;
      const map = root.querySelector('.leaflet-container')!.getBoundingClientRect();
      const all = [
        ...root.querySelectorAll<HTMLElement>(
          '.leaflet-marker-pane .pin, .leaflet-marker-pane .cluster',
        ),
      ].map((el) => ({
        kind: el.classList.contains('pin') ? 'pin' : 'cluster',
        box: el.getBoundingClientRect().toJSON() as DOMRect,
      }));
      const near = (a: DOMRect, b: DOMRect, m: number) =>
        a.left - m < b.right &&
        b.left - m < a.right &&
        a.top - m < b.bottom &&
        b.top - m < a.bottom;
      const lone = all.filter(
        ({ box }) =>
          box.left > map.left + 60 &&
          box.right < map.right - 60 &&
          box.top > map.top + 90 &&
          box.bottom < map.bottom - 30 &&
          all.every((other) => other.box === box || !near(box, other.box, 8)),
      );
      return ['pin', 'cluster'].map((kind) => lone.find((m) => m.kind === kind)!);
    });
    expect(markers.every(Boolean), 'a lone pin and a lone cluster in view').toBe(true);
    const png = (await page.screenshot({ scale: 'css' })).toString('base64');
    const edges = await page.evaluate(
      async ({ png, boxes }) => {
        const bitmap = await createImageBitmap(
          await (await fetch(`data:image/png;base64,${png}`)).blob(),
        );
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const at = (x: number, y: number) =>
          ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        // Around each marker: the pixel just inside its rim against the pixel just outside.
        return boxes.map(({ box }) => {
          const [cx, cy, r] = [box.left + box.width / 2, box.top + box.height / 2, box.width / 2];
          let differing = 0;
          const angles = 24;
          for (let k = 0; k < angles; k++) {
            const a = (2 * Math.PI * k) / angles;
            const outer = at(cx + (r + 3) * Math.cos(a), cy + (r + 3) * Math.sin(a));
            // The rim is 2 px wide and drawn smooth: its strongest pixel across that width.
            const distance = Math.max(
              ...[0.5, 1, 1.5, 2, 2.5].map((d) => {
                const inner = at(cx + (r - d) * Math.cos(a), cy + (r - d) * Math.sin(a));
                return Math.hypot(
                  inner[0]! - outer[0]!,
                  inner[1]! - outer[1]!,
                  inner[2]! - outer[2]!,
                );
              }),
            );
            if (distance > 100) differing++;
          }
          return differing / angles;
        });
      },
      { png, boxes: markers },
    );
    // The whole rim stands out from what lies around it, for a venue's pin and for a cluster.
    expect(edges[0], 'pin').toBeGreaterThanOrEqual(0.9);
    expect(edges[1], 'cluster').toBeGreaterThanOrEqual(0.9);
    // Focus rings and the chosen venue's ring in the system's highlight colour.
    const ring = await page.locator('tafel-map [part~="near-me"]').evaluate((button) => {
      (button as HTMLElement).focus();
      return getComputedStyle(button).outlineStyle;
    });
    expect(ring).not.toBe('none');
    await page.close();
  });

  /** The frame's background, text and the tiles' filter as computed. */
  const theme = (page: Page, selector = 'tafel-map') =>
    page.evaluate((sel) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      const base = getComputedStyle(root.querySelector('[part="base"]')!);
      return {
        background: base.backgroundColor,
        color: base.color,
        tiles: getComputedStyle(root.querySelector('.leaflet-tile-pane')!).filter,
      };
    }, selector);

  /** Relative luminance of an `rgb(…)` colour. */
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };

  test('a dark colour scheme gives a dark theme, dimmed tiles, partners’ properties still win, axe-clean', async () => {
    const body = `${mapTag()}<tafel-map id="own" edition="nid-2027" live="false" style="--tafel-background: rgb(60, 0, 0); --tafel-tile-filter: none"></tafel-map>`;
    const light = await openPage(chromium.browser, body);
    await waitLoaded(light.page, 2);
    const day = await theme(light.page);
    expect(day).toEqual({
      background: 'rgb(255, 255, 255)',
      color: 'rgb(29, 39, 49)',
      tiles: 'none',
    });
    await light.page.close();

    const { page } = await openPage(chromium.browser, body, {
      head: TITLE,
      before: (p) => p.emulateMedia({ colorScheme: 'dark' }),
    });
    await waitLoaded(page, 2);
    const night = await theme(page);
    expect(luminance(night.background)).toBeLessThan(0.05);
    expect(luminance(night.color)).toBeGreaterThan(0.6);
    expect(night.tiles).toContain('brightness');
    // A partner's property holds in the dark too.
    expect(await theme(page, '#own')).toMatchObject({ background: 'rgb(60, 0, 0)', tiles: 'none' });
    // Open list, legend and a popup: all of it readable in the dark.
    await page.locator('tafel-map >> nth=0').locator('[part~="list-toggle"]').click();
    await page.locator('tafel-map >> nth=0').locator('[part~="legend-toggle"]').click();
    await page.locator('tafel-map >> nth=0').locator('.list li button').first().click();
    await expect
      .poll(() => page.locator('tafel-map >> nth=0').locator('.leaflet-popup').count())
      .toBe(1);
    const popup = await page
      .locator('tafel-map >> nth=0')
      .locator('.leaflet-popup-content-wrapper')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(popup).toBe(night.background);
    // Leaflet fades a popup in: axe measures its contrast once it is all there.
    await expect
      .poll(() =>
        page
          .locator('tafel-map >> nth=0')
          .locator('.leaflet-popup')
          .evaluate((e) => getComputedStyle(e).opacity),
      )
      .toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('link-state restores a venue and filters from the address, writes them back, and follows the hash', async () => {
    const dinners = await apiVenues({ meals: ['DINNER'] });
    const lunches = await apiVenues({ meals: ['LUNCH'] });
    const [dinner, lunch] = [dinners[3]!, lunches[2]!];
    const hash = `#intro&tafel.meal=DINNER&tafel.venue=${encodeURIComponent(dinner.id)}`;
    const popupName = (p: Page) =>
      p.locator('tafel-map .leaflet-popup [part="popup"] h3').textContent();
    const address = (p: Page) => p.evaluate(() => decodeURIComponent(location.hash));

    // Without the attribute the hash is the page's alone.
    const plain = await openPage(chromium.browser, mapTag(), { hash });
    expect((await waitLoaded(plain.page)).count).toBeGreaterThan(dinners.length);
    expect(await plain.page.locator('tafel-map select[name="meal"]').inputValue()).toBe('');
    expect(await plain.page.locator('tafel-map .leaflet-popup').count()).toBe(0);
    await plain.page.locator('tafel-map select[name="meal"]').selectOption('LUNCH');
    await waitLoaded(plain.page, 2);
    expect(await address(plain.page)).toBe(decodeURIComponent(hash));
    await plain.page.close();

    const { page } = await openPage(chromium.browser, mapTag('link-state'), { hash });
    expect((await waitLoaded(page)).count).toBe(dinners.length);
    expect((await listedIds(page)).sort()).toEqual(ids(dinners));
    expect(await page.locator('tafel-map select[name="meal"]').inputValue()).toBe('DINNER');
    await expect.poll(() => popupName(page)).toBe(dinner.name);

    // Changing a filter writes it into the address, beside the page's own part, without history entries.
    const entries = await page.evaluate(() => history.length);
    await page.locator('tafel-map select[name="targetGroup"]').selectOption('REFUGEES');
    await waitLoaded(page, 2);
    await expect.poll(() => address(page)).toContain('tafel.group=REFUGEES');
    expect(await address(page)).toMatch(/^#intro&/);
    expect(await address(page)).toContain('tafel.meal=DINNER');
    await page.locator('tafel-map [part="search"]').fill('a b&c');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('tafel.search=a%20b%26c');
    await page.locator('tafel-map [part="search"]').fill('');
    await expect.poll(() => address(page)).not.toContain('tafel.search');
    // Closing the popup takes the venue out; choosing one puts it in.
    await page.locator('tafel-map .leaflet-popup-close-button').click();
    await expect.poll(() => address(page)).not.toContain('tafel.venue');
    await page.locator('tafel-map select[name="targetGroup"]').selectOption('');
    await waitLoaded(page, 4);
    const second = page.locator('tafel-map .list li button').nth(1);
    const secondId = (await second.getAttribute('data-id'))!;
    await second.click();
    await expect.poll(() => address(page)).toContain(`tafel.venue=${secondId}`);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    // A new hash (a link followed, the back button): the map follows it, the venue switching in place.
    await page.evaluate(
      (h) => (location.hash = h),
      `#intro&tafel.meal=LUNCH&tafel.venue=${encodeURIComponent(lunch.id)}`,
    );
    await expect.poll(() => popupName(page)).toBe(lunch.name);
    expect(await page.locator('tafel-map select[name="meal"]').inputValue()).toBe('LUNCH');
    expect((await listedIds(page)).sort()).toEqual(ids(lunches));
    expect(
      await page
        .locator(`tafel-map .list button[data-id="${lunch.id}"]`)
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(await address(page)).toContain(`tafel.venue=${lunch.id}`);
    // Only the venue changes: the filter stays, the popup moves to the other venue.
    const other = lunches.find((v) => v.id !== lunch.id)!;
    await page.evaluate(
      (h) => (location.hash = h),
      `#intro&tafel.meal=LUNCH&tafel.venue=${encodeURIComponent(other.id)}`,
    );
    await expect.poll(() => popupName(page)).toBe(other.name);
    expect(await address(page)).toContain(`tafel.venue=${other.id}`);
    // A hash without our parts: filters cleared, popup closed.
    await page.evaluate(() => (location.hash = '#intro'));
    await expect.poll(() => page.locator('tafel-map .leaflet-popup').count()).toBe(0);
    expect(await page.locator('tafel-map select[name="meal"]').inputValue()).toBe('');
    expect(await address(page)).toBe('#intro');
    await page.close();
  });
});
