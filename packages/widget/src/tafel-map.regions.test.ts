/**
 * <tafel-map> follows its edition's country: on a Danish edition (made here through the API) the
 * region filter offers the five Danish regions and no Dutch province, and the offline outline
 * draws no Dutch province borders, and the embed configurator offers the Danish regions as the
 * region preset; the Dutch demo edition keeps its twelve provinces.
 */

import { beforeAll, describe, expect, test } from 'vitest';
import { API, EDITION, gql, openPage, staffKey, useBrowser, waitLoaded } from '../test/browser.ts';

const chromium = useBrowser();

const DANISH = `sammen-${Date.now().toString(36)}`;
const REGIONS = ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85'];

/** Three venues: Copenhagen (DK-84), Aarhus (DK-82), Odense (DK-83). */
const VENUES: [string, number, number, string][] = [
  ['København', 55.68, 12.57, 'DK-84'],
  ['Aarhus', 56.16, 10.2, 'DK-82'],
  ['Odense', 55.4, 10.39, 'DK-83'],
];

beforeAll(async () => {
  const key = staffKey();
  const { createEdition } = await gql<{ createEdition: { userErrors: unknown[] } }>(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
    {
      input: {
        slug: DANISH,
        name: 'Sammen om integration',
        date: '2027-10-14',
        country: 'DK',
        timeZone: 'Europe/Copenhagen',
      },
    },
    key,
  );
  expect(createEdition.userErrors).toEqual([]);
  const { organisations } = await gql<{ organisations: { nodes: { slug: string }[] } }>(
    `{ organisations(first: 1) { nodes { slug } } }`,
  );
  for (const [city, lat, lng, region] of VENUES) {
    const { createLocation } = await gql<{ createLocation: { userErrors: unknown[] } }>(
      `mutation($input: CreateLocationInput!) { createLocation(input: $input) { userErrors { message } } }`,
      {
        input: {
          edition: DANISH,
          organisation: organisations.nodes[0]!.slug,
          name: `Middag i ${city}`,
          coordinates: { lat, lng },
          meal: 'DINNER',
          address: { city, region },
          capacity: 30,
        },
      },
      key,
    );
    expect(createLocation.userErrors).toEqual([]);
  }
});

/** The region filter's options: values and texts. */
async function regionOptions(page: import('playwright-core').Page) {
  const options = page.locator('tafel-map select[name="region"] option');
  return {
    values: await options.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value)),
    texts: await options.allTextContents(),
  };
}

describe('<tafel-map> on a Danish edition', () => {
  test('offers the five Danish regions with their names, and no Dutch province', async () => {
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-map edition="${DANISH}" lang="da"></tafel-map>`,
      { lang: 'da' },
    );
    expect((await waitLoaded(page)).count).toBe(3);
    const { values, texts } = await regionOptions(page);
    expect(values).toEqual(['', ...REGIONS]);
    expect(texts.slice(1)).toEqual([
      'Nordjylland',
      'Midtjylland',
      'Syddanmark',
      'Hovedstaden',
      'Sjælland',
    ]);
    expect(values.filter((v) => v.startsWith('NL-'))).toEqual([]);

    // Choosing a Danish region filters by it.
    await page.locator('tafel-map select[name="region"]').selectOption('DK-84');
    expect((await waitLoaded(page, 2)).count).toBe(1);

    // In another language the names follow, from the same answer.
    await page.locator('tafel-map').evaluate((map) => map.setAttribute('lang', 'nl'));
    await expect
      .poll(async () => (await regionOptions(page)).texts.slice(1))
      .toEqual(['Noord-Jutland', 'Midden-Jutland', 'Zuid-Denemarken', 'Hoofdstad', 'Seeland']);
    expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });

  test('without tiles, draws the outline but no Dutch province borders', async () => {
    const { page } = await openPage(
      chromium.browser,
      `<tafel-map edition="${DANISH}" center="55.7,11" zoom="7"></tafel-map>`,
    );
    await waitLoaded(page);
    await expect
      .poll(() => page.locator('tafel-map .leaflet-container.tiles-failed').count())
      .toBe(1);
    expect(await page.locator('tafel-map path.tafel-outline').count()).toBeGreaterThan(0);
    expect(await page.locator('tafel-map path.tafel-province').count()).toBe(0);
    await page.close();
  });
});

describe('the embed configurator', () => {
  test('offers the chosen edition’s regions as the region preset', async () => {
    const page = await chromium.browser.context.newPage();
    await page.goto(`${API}/embed/configure?edition=${DANISH}&lang=en`);
    await page.waitForSelector('html[data-ready="true"]');
    const options = page.locator('#region option');
    const values = () =>
      options.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(await values()).toEqual(['', ...REGIONS]);
    expect(await options.nth(4).textContent()).toBe('Hovedstaden');
    // Another edition, another country: the Dutch demo's twelve provinces.
    await page.locator('#edition').selectOption(EDITION);
    await expect.poll(async () => (await values()).length).toBe(13);
    expect((await values()).slice(1).every((v) => v.startsWith('NL-'))).toBe(true);
    await page.close();
  });
});

describe('<tafel-map> on the Dutch demo edition', () => {
  test('offers the twelve provinces with their names, and draws their borders', async () => {
    const { page } = await openPage(
      chromium.browser,
      `<tafel-map edition="${EDITION}" lang="en"></tafel-map>`,
      { lang: 'en' },
    );
    await waitLoaded(page);
    const { values, texts } = await regionOptions(page);
    expect(values).toHaveLength(13);
    expect(values.slice(1).every((v) => v.startsWith('NL-'))).toBe(true);
    expect(texts).toContain('South Holland');
    expect(texts).toContain('Friesland');
    expect(await page.locator('tafel-map path.tafel-province').count()).toBe(1);
    await page.close();
  });
});
