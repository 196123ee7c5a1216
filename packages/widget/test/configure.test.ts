/**
 * The embed configurator at /embed/configure, as a partner's web editor uses it: choose
 * presets, copy the snippet, paste it into their own page on another origin under the
 * Content-Security-Policy lines the configurator gives — and the map shows exactly the chosen
 * venues, in the chosen language and height, without moving the page. Also as an iframe, by
 * keyboard alone, in four languages, without serious axe-core violations.
 */
import type { MapLocation } from '@tafel/schema';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../scripts/chromium.ts';
import { seriousViolations } from './axe.ts';
import { API, apiVenues, drawnTotal, ids, listedIds, useBrowser, waitLoaded } from './browser.ts';
import {
  configure,
  type PartnerServer,
  partnerPage,
  startPartnerServer,
  strictPolicy,
} from './partner-page.ts';

const chromium = useBrowser();
let partner: PartnerServer;
let pageCount = 0;

beforeAll(async () => {
  partner = await startPartnerServer();
  await chromium.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: API,
  });
});
afterAll(() => partner.close());

/** An organisation with venues of more than one meal, and one of its meals: a preset that narrows twice. */
async function organisationAndMeal(): Promise<{ organisation: string; meal: MapLocation['meal'] }> {
  const venues = await apiVenues();
  const byOrganisation = new Map<string, MapLocation[]>();
  for (const venue of venues)
    byOrganisation.set(venue.organisation.slug, [
      ...(byOrganisation.get(venue.organisation.slug) ?? []),
      venue,
    ]);
  for (const [organisation, own] of byOrganisation) {
    const meals = new Map<string, number>();
    for (const venue of own) meals.set(venue.meal, (meals.get(venue.meal) ?? 0) + 1);
    const meal = [...meals].find(([, n]) => n >= 2 && n < own.length)?.[0];
    if (meal) return { organisation, meal: meal as MapLocation['meal'] };
  }
  throw new Error('the demo edition has no organisation with venues of two meals');
}

/** A fresh page that records the widget's loads and any policy violation, in every frame, with tiles refused. */
async function newPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await chromium.browser.context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.addInitScript(() => {
    const record = { loads: [] as unknown[], violations: [] as string[] };
    (window as unknown as { __tafel: typeof record }).__tafel = record;
    document.addEventListener('tafel-load', (e) => record.loads.push((e as CustomEvent).detail));
    document.addEventListener('securitypolicyviolation', (e) =>
      record.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return {
    page,
    violations: () => page.evaluate(() => (window as any).__tafel.violations as string[]),
  };
}

/** The language the map speaks: its search field's placeholder. */
const searchPlaceholder = (where: Page | Frame) =>
  where.locator('tafel-map [part="search"]').getAttribute('placeholder');

describe('the configurator’s snippet on a partner’s page', () => {
  test('shows exactly the chosen organisation’s chosen meal, in the chosen language and height, under the policy it gives', async () => {
    const { organisation, meal } = await organisationAndMeal();
    const { page, violations } = await newPage();
    const { snippet, csp } = await configure(page, API, {
      organisation,
      meals: [meal],
      lang: 'de',
      height: 600,
      counter: true,
    });

    // Copied as a person would: the button puts the box's text on the clipboard and says so.
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect
      .poll(() => page.locator('#copy-status').textContent())
      .toBe('The code has been copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    expect(snippet).toContain(`organisation="${organisation}"`);

    const url = partner.serve(`/presets-${++pageCount}.html`, partnerPage(snippet, 'en'), {
      'content-security-policy': strictPolicy(csp),
    });
    expect(new URL(url).origin).not.toBe(API);
    await page.goto(url);
    const { count } = await waitLoaded(page);

    const expected = await apiVenues({ organisation, meals: [meal] });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await apiVenues({ organisation })).length);
    expect(count).toBe(expected.length);
    expect(await drawnTotal(page)).toBe(expected.length);
    expect((await listedIds(page)).sort()).toEqual(ids(expected));
    // German on an English page, because the snippet says so.
    expect(await searchPlaceholder(page)).toBe('Nach Name, Ort oder Postleitzahl suchen');
    expect((await page.locator('tafel-map').boundingBox())!.height).toBeCloseTo(600, 0);
    // The counter counts the organisation's venues (all meals: a counter has no meal filter).
    const organisationVenues = (await apiVenues({ organisation })).length;
    await expect
      .poll(() => page.locator('tafel-counter [part="venues"]').textContent(), { timeout: 15_000 })
      .toBe(`an ${organisationVenues} Orten`);
    expect(await page.locator('tafel-counter [part="label"]').textContent()).toBe(
      'Menschen am Tisch',
    );
    // The policy lines are enough: nothing was refused (the style rules' hash included).
    expect(await violations()).toEqual([]);
    await page.close();
  });

  test('with links to the visitor’s choice ticked, a shared address opens the same filtered view', async () => {
    const { page, violations } = await newPage();
    const plain = await configure(page, API, { lang: 'en' });
    expect(plain.snippet).not.toContain('link-state');
    const { snippet, csp } = await configure(page, API, { lang: 'en', linkState: true });
    expect(snippet).toMatch(/<tafel-map [^>]* link-state>/);

    // A visitor arrives by a link that names lunches: the partner's page shows exactly those.
    const url = partner.serve(`/link-state-${++pageCount}.html`, partnerPage(snippet, 'en'), {
      'content-security-policy': strictPolicy(csp),
    });
    await page.goto(`${url}#tafel.meal=LUNCH`);
    const { count } = await waitLoaded(page);
    const lunches = await apiVenues({ meals: ['LUNCH'] });
    expect(count).toBe(lunches.length);
    expect((await listedIds(page)).sort()).toEqual(ids(lunches));
    // Choosing another meal writes it into the address the visitor would share.
    await page.locator('tafel-map select[name="meal"]').selectOption('DINNER');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('tafel.meal=DINNER');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  test('offers links to the visitor’s choice for the element only', async () => {
    const { page } = await newPage();
    await page.goto(`${API}/embed/configure?lang=en`);
    await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
    expect(await page.isDisabled('#link-state')).toBe(false);
    await page.check('#link-state');
    await page.check('input[name="form"][value="iframe"]');
    // The page disables the choice when it renders the new form, not in the same tick as the click.
    await expect.poll(() => page.isDisabled('#link-state')).toBe(true);
    await expect.poll(() => page.locator('#snippet').inputValue()).toMatch(/^<iframe /);
    expect(await page.locator('#snippet').inputValue()).not.toContain('link-state');
    await page.close();
  });

  test('as an iframe, shows exactly the chosen presets in the chosen language and height', async () => {
    const { organisation, meal } = await organisationAndMeal();
    const { page, violations } = await newPage();
    const { snippet, csp } = await configure(page, API, {
      form: 'iframe',
      organisation,
      meals: [meal],
      lang: 'da',
      height: 520,
    });
    expect(snippet).toMatch(/^<iframe /);
    expect(csp).toBe(`frame-src ${API};`);

    // A strict page that allows the one frame (and its inline border style).
    const policy = `default-src 'none'; style-src 'unsafe-inline'; ${csp}`;
    await page.goto(
      partner.serve(`/iframe-${++pageCount}.html`, partnerPage(snippet, 'en'), {
        'content-security-policy': policy,
      }),
    );
    const iframe = page.locator('iframe');
    expect((await iframe.boundingBox())!.height).toBeCloseTo(520, 0);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    const { count } = await waitLoaded(frame);
    const expected = await apiVenues({ organisation, meals: [meal] });
    expect(count).toBe(expected.length);
    expect(await drawnTotal(frame)).toBe(expected.length);
    expect((await listedIds(frame)).sort()).toEqual(ids(expected));
    expect(await searchPlaceholder(frame)).toBe('Søg efter navn, by eller postnummer');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  test('keeps a partner page with the map and the counter above a paragraph still while the script arrives late', async () => {
    const { page } = await newPage();
    const { snippet, csp } = await configure(page, API, { counter: true, lang: 'nl' });
    expect(snippet).toContain('<tafel-counter ');
    const url = partner.serve(`/still-${++pageCount}.html`, partnerPage(snippet), {
      'content-security-policy': strictPolicy(csp),
    });
    await page.route(`${API}/widget/tafel.js`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(url);
    await waitLoaded(page);
    await page.waitForFunction(
      () => document.querySelector('tafel-counter')?.shadowRoot?.querySelector('.venues'),
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[]) {
              if (!entry.hadRecentInput) sum += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 200);
        }),
    );
    console.info(
      `cumulative layout shift, the configurator's snippet on a partner page: ${shift.toFixed(4)}`,
    );
    expect(shift).toBeLessThanOrEqual(0.05);
    await page.close();
  });
});

describe('the configurator', () => {
  for (const [lang, heading] of [
    ['nl', 'De kaart op je eigen site'],
    ['en', 'The map on your own site'],
    ['de', 'Die Karte auf Ihrer eigenen Website'],
    ['da', 'Kortet på dit eget websted'],
  ] as const) {
    test(`speaks ${lang} and has no serious or critical axe-core violation`, async () => {
      const { page } = await newPage();
      await page.goto(`${API}/embed/configure?lang=${lang}`);
      await page.waitForSelector('html[data-ready]');
      await waitLoaded(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test('is linked from the demo page', async () => {
    const { page } = await newPage();
    await page.goto(`${API}/`);
    await page.getByRole('link', { name: 'Stel je code samen / Build your snippet' }).click();
    await page.waitForSelector('html[data-ready]');
    expect(new URL(page.url()).pathname).toBe('/embed/configure');
    await page.close();
  });

  test('takes its language from the browser’s', async () => {
    const danish = await launchChromium({ locale: 'da-DK' });
    try {
      const page = await danish.context.newPage();
      await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
      await page.goto(`${API}/embed/configure`);
      await page.waitForSelector('html[data-ready]');
      expect(await page.locator('html').getAttribute('lang')).toBe('da');
      expect(await page.locator('#lang').inputValue()).toBe('da');
      expect(await page.locator('#snippet').inputValue()).toContain('lang="da"');
    } finally {
      await danish.close();
    }
  });

  test('works by keyboard alone: a meal ticked, the page’s language switched, the code copied', async () => {
    const { page } = await newPage();
    await page.goto(`${API}/embed/configure?lang=en`);
    await page.waitForSelector('html[data-ready]');
    const focused = () =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLInputElement | null)?.id ||
          (document.activeElement as HTMLInputElement | null)?.value ||
          '',
      );
    /** Tab forward until the element is focused; fails if it is not reachable. */
    const tabTo = async (matches: (focus: string) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (matches(await focused())) return;
      }
      throw new Error('not reachable by Tab');
    };
    await tabTo((id) => id === 'page-lang');
    // A closed <select> changes with the arrow keys.
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Die Karte auf Ihrer eigenen Website');
    await tabTo((value) => value === 'DINNER');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#snippet').inputValue()).toContain('meals="DINNER"');
    await tabTo((id) => id === 'copy');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#copy-status').textContent())
      .toBe('Der Code wurde kopiert.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('meals="DINNER"');
    await page.close();
  });

  test('says what is wrong with a height or a centre, and keeps them out of the code', async () => {
    const { page } = await newPage();
    await page.goto(`${API}/embed/configure?lang=en`);
    await page.waitForSelector('html[data-ready]');
    await page.fill('#height', '50');
    await page.fill('#lat', '52.09');
    await expect.poll(() => page.locator('#height-error').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#centre-error').isVisible()).toBe(true);
    expect(await page.locator('#height').getAttribute('aria-invalid')).toBe('true');
    const snippet = await page.locator('#snippet').inputValue();
    expect(snippet).not.toContain('center=');
    expect(snippet).not.toContain('50px');
    await page.fill('#lng', '5.12');
    await page.fill('#zoom', '11');
    await page.fill('#height', '640');
    await expect
      .poll(() => page.locator('#snippet').inputValue())
      .toContain('center="52.09,5.12" zoom="11"');
    expect(await page.locator('#snippet').inputValue()).toContain(
      'tafel-map{--tafel-map-height:640px}',
    );
    expect(await page.locator('#centre-error').isVisible()).toBe(false);
    await page.close();
  });
});
