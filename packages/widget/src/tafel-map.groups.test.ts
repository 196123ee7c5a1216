/**
 * A federation's own target groups (#19) on <tafel-map>, in real Chromium against the real API:
 * on a meeting of Wir zusammen (whose demo adds its mentors, "Paten und Patinnen"), a venue's
 * popup names them beside the built-in groups in the map's language, and the target group filter
 * offers them after the built-in ones and finds the venues naming them; <tafel-chart
 * type="groups"> names them too. axe finds nothing serious.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import { API, drawnTotal, openPage, staffMutate, useBrowser, waitLoaded } from '../test/browser.ts';

const chromium = useBrowser();
const run = Date.now().toString(36);
const EDITION = `wz-regionaltreffen-${run}`;
const MENTORS = { nl: 'Mentoren', en: 'Mentors', de: 'Paten und Patinnen', da: 'Mentorer' };
let withMentors = '';

beforeAll(async () => {
  await staffMutate('createEdition', {
    slug: EDITION,
    name: `Wir zusammen Regionaltreffen ${run}`,
    series: 'wir-zusammen-netzwerktreffen',
    date: '2027-05-12',
    country: 'DE',
    timeZone: 'Europe/Berlin',
  });
  const venue = (name: string, lat: number, own: string[]) =>
    staffMutate(
      'createLocation',
      {
        edition: EDITION,
        organisation: 'wz-mitglied-004',
        name,
        meal: 'LUNCH',
        capacity: 40,
        coordinates: { lat, lng: 8.68 },
        address: { city: 'Frankfurt am Main', region: 'DE-HE' },
        targetGroups: ['REFUGEES'],
        ownTargetGroups: own,
      },
      'location { id }',
    );
  withMentors = (await venue('Patenschaftstreffen', 50.11, ['MENTORS']))['location'].id;
  await venue('Regionaltreffen ohne Paten', 50.2, []);
});

describe('<tafel-map> and a federation’s own target groups', () => {
  test('the popup names them, and the filter offers and finds them', async () => {
    for (const lang of ['de', 'en'] as const) {
      const { page, errors } = await openPage(
        chromium.browser,
        `<tafel-map edition="${EDITION}" lang="${lang}" center="50.15,8.68" zoom="9"></tafel-map>`,
        { head: '<title>Treffen</title>' },
      );
      await waitLoaded(page);
      await expect.poll(() => drawnTotal(page)).toBe(2);
      await page.locator(`tafel-map .pin[data-id="${withMentors}"]`).click();
      const groups = page.locator('tafel-map .leaflet-popup [part="popup"] .groups');
      await expect
        .poll(() => groups.textContent())
        .toMatch(new RegExp(`${lang === 'de' ? 'Geflüchtete' : 'Refugees'}, ${MENTORS[lang]}$`));
      await expect
        .poll(() =>
          page.locator('tafel-map .leaflet-popup').evaluate((e) => getComputedStyle(e).opacity),
        )
        .toBe('1');
      expect(await seriousViolations(page), `${lang}: the popup`).toEqual([]);

      const filter = page.locator('tafel-map select[name="targetGroup"]');
      const options = await filter.locator('option').allTextContents();
      expect(options.at(-1)).toBe(MENTORS[lang]);
      await filter.selectOption({ label: MENTORS[lang] });
      await expect.poll(() => drawnTotal(page)).toBe(1);
      expect(await seriousViolations(page), `${lang}: filtered by the federation's group`).toEqual(
        [],
      );
      expect(errors.filter((e) => !/tile\.openstreetmap|ERR_FAILED/.test(e))).toEqual([]);
      await page.close();
    }
  });

  test('a chart of the target groups names them as the federation does', async () => {
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-chart id="g" edition="${EDITION}" type="groups" lang="de"></tafel-chart>`,
      {
        head: '<title>Diagramm</title>',
        script: `<script type="module" src="${API}/widget/tafel-chart.js"></script>`,
      },
    );
    const firstColumn = () =>
      page
        .locator('#g table')
        .evaluate((t) =>
          [...t.querySelectorAll('tr')].map((tr) => (tr.children[0]?.textContent ?? '').trim()),
        );
    await expect.poll(firstColumn, { timeout: 15_000 }).toContain(MENTORS.de);
    expect(await firstColumn()).toContain('Geflüchtete');
    expect(errors).toEqual([]);
    await page.close();
  });
});
