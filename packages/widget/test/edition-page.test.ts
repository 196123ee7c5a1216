/**
 * The edition's plain HTML page (/editions/<slug>, served by the API) in a real Chromium: what
 * a visitor without JavaScript — or one following the snippet's <noscript> link — reads.
 */
import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { API, apiVenues, EDITION, useBrowser } from './browser.ts';

const chromium = useBrowser();

describe('the edition page', () => {
  for (const lang of ['nl', 'en']) {
    test(`has no serious or critical axe-core violation (${lang})`, async () => {
      const page = await chromium.browser.context.newPage();
      const response = await page.goto(`${API}/editions/${EDITION}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test('lists every public venue the API has, under a heading of its own, with JavaScript off', async () => {
    const expected = await apiVenues();
    const page = await chromium.browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${API}/editions/${EDITION}`);
    const headings = await page.locator('main article h2').allTextContents();
    expect(headings.sort()).toEqual(expected.map((v) => v.name).sort());
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });
});
