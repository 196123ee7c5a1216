/** <tafel-counter> in real Chromium against the real API with the demo edition. */

import {
  Counter,
  CounterCompared,
  type LocationFilter,
  RecordArrivals,
  type ResultOf,
} from '@tafel/schema';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import {
  apiVenues,
  EDITION,
  gql,
  openPage,
  PAST_EDITION,
  recordApiRequests,
  staffKey,
  useBrowser,
} from '../test/browser.ts';

const chromium = useBrowser();
const nl = (n: number) => new Intl.NumberFormat('nl').format(n);

const PAST = PAST_EDITION;
/** The machine is shared: give a counter this long to load. */
const SOON = { timeout: 15_000 };

async function apiTotal(filter?: LocationFilter, edition = EDITION): Promise<number> {
  const { stats } = await gql<ResultOf<typeof Counter>>(Counter.document, {
    edition,
    ...(filter ? { filter } : {}),
  });
  return stats.participants;
}

describe('<tafel-counter>', () => {
  test("shows the edition's participant total with a label", async () => {
    const total = await apiTotal(undefined, PAST);
    expect(total).toBeGreaterThan(10_000);
    const { page } = await openPage(
      chromium.browser,
      `<tafel-counter edition="${PAST}"></tafel-counter>`,
    );
    const value = page.locator('tafel-counter [part="value"]');
    await expect.poll(() => value.textContent()).toBe(nl(total));
    expect(await page.locator('tafel-counter [part="label"]').textContent()).toBe(
      'mensen aan tafel',
    );
    await page.close();
  });

  test('filters by organisation or region, in the language asked for, with a label of the page', async () => {
    const region = await apiTotal({ region: 'NL-UT' });
    const organisation = (await apiVenues())[0]!.organisation.slug;
    const ofOrganisation = await apiTotal({ organisation });
    const { page } = await openPage(
      chromium.browser,
      `<tafel-counter id="r" edition="${EDITION}" region="NL-UT" lang="de"></tafel-counter>
       <tafel-counter id="o" edition="${EDITION}" organisation="${organisation}" label="bij ons aan tafel"></tafel-counter>`,
    );
    await expect
      .poll(() => page.locator('#r [part="value"]').textContent())
      .toBe(new Intl.NumberFormat('de').format(region));
    expect(await page.locator('#r [part="label"]').textContent()).toBe('Menschen am Tisch');
    await expect
      .poll(() => page.locator('#o [part="value"]').textContent())
      .toBe(nl(ofOrganisation));
    expect(await page.locator('#o [part="label"]').textContent()).toBe('bij ons aan tafel');
    await page.close();
  });

  test('under a page rule `* { all: unset }` the counter still shows its number and label', async () => {
    const total = await apiTotal();
    const { page } = await openPage(
      chromium.browser,
      `<p>Vandaag: <tafel-counter edition="${EDITION}"></tafel-counter></p>`,
      {
        head: '<style>* { all: unset }</style>',
      },
    );
    const value = page.locator('tafel-counter [part="value"]');
    await expect.poll(() => value.textContent()).toBe(nl(total));
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('tafel-counter')!.shadowRoot!;
      return ['.value', '.label'].map((selector) => {
        const r = root.querySelector(selector)!.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      });
    });
    // The number at its own size (2.5em of 14 px), the label under it.
    expect(boxes[0]![0]).toBeGreaterThan(40);
    expect(boxes[0]![1]).toBeGreaterThanOrEqual(35);
    expect(boxes[1]![1]).toBeGreaterThan(10);
    expect(await value.isVisible()).toBe(true);
    await page.close();
  });

  test('measure="PLACEMENTS" counts what the federation counts beside people, named in the element’s language', async () => {
    // Sammen om integration's 2016: "knap 1000 virksomhedspladser" from its companies.
    const { stats } = await gql<{
      stats: {
        measures: {
          key: string;
          total: number;
          byOrganisation: { organisation: string; value: number }[];
        }[];
      };
    }>(
      `{ stats(edition: "sammen-om-integration-2016") { measures { key total byOrganisation { organisation value } } } }`,
    );
    const [placements] = stats.measures;
    const first = placements!.byOrganisation[0]!;
    const { page } = await openPage(
      chromium.browser,
      `<tafel-counter id="all" edition="sammen-om-integration-2016" measure="PLACEMENTS" lang="da"></tafel-counter>
       <tafel-counter id="one" edition="sammen-om-integration-2016" measure="PLACEMENTS" organisation="${first.organisation}" lang="en"></tafel-counter>
       <tafel-counter id="none" edition="sammen-om-integration-2016" measure="GUESTS" lang="en"></tafel-counter>`,
    );
    await expect
      .poll(() => page.locator('#all [part="value"]').textContent())
      .toBe(new Intl.NumberFormat('da').format(placements!.total));
    expect(await page.locator('#all [part="label"]').textContent()).toBe('Virksomhedspladser');
    expect(await page.locator('#all [part="venues"]').count()).toBe(0);
    await expect
      .poll(() => page.locator('#one [part="value"]').textContent())
      .toBe(new Intl.NumberFormat('en').format(first.value));
    expect(await page.locator('#one [part="label"]').textContent()).toBe('Company placements');
    await expect
      .poll(() => page.locator('#none [part="notice"]').textContent())
      .toBe('This edition does not count “GUESTS”.');
    expect(await page.locator('#none [part="value"]').textContent()).toBe('–');
    // The bare test page has no <title>: the page's business, not the counters'.
    expect((await seriousViolations(page)).filter((v) => !v.includes('document-title'))).toEqual(
      [],
    );
    await page.close();
  });

  test('a mistyped edition is asked for once: the counter stops and says why', async () => {
    const requests: string[] = [];
    const { page } = await openPage(
      chromium.browser,
      `<tafel-counter edition="nid-2O27" lang="en"></tafel-counter>`,
      {
        before: recordApiRequests(requests),
      },
    );
    await page.waitForTimeout(8000);
    // The total once and the stream once: a retry loop opened a new stream every second.
    expect(requests.length).toBeLessThanOrEqual(2);
    const notice = page.locator('tafel-counter [part="notice"]');
    expect(await notice.textContent()).toBe('Unknown edition “nid-2O27”.');
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator('tafel-counter [part="value"]').textContent()).toBe('–');
    await page.close();
  });

  test('after a recordArrivals mutation the counter changes without a reload', async () => {
    const key = staffKey();
    const venue = (await apiVenues()).find(
      (v) => v.capacity !== null && v.capacity - v.participants >= 5,
    )!;
    const { page } = await openPage(
      chromium.browser,
      `<tafel-counter id="all" edition="${EDITION}"></tafel-counter>
       <tafel-counter id="region" edition="${EDITION}" region="${venue.address!.region}"></tafel-counter>`,
    );
    const before = await apiTotal();
    const regionBefore = await apiTotal({ region: venue.address!.region! });
    await expect.poll(() => page.locator('#all [part="value"]').textContent()).toBe(nl(before));
    await page.waitForTimeout(1000); // the streams are open and read
    const result = await gql<ResultOf<typeof RecordArrivals>>(
      RecordArrivals.document,
      { input: { location: venue.id, delta: 5 } },
      key,
    );
    expect(result.recordArrivals.userErrors).toEqual([]);
    await expect
      .poll(() => page.locator('#all [part="value"]').textContent(), { timeout: 10_000 })
      .toBe(nl(before + 5));
    await expect
      .poll(() => page.locator('#region [part="value"]').textContent(), { timeout: 10_000 })
      .toBe(nl(regionBefore + 5));
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });

  test('compare="previous" shows the difference with the same hour last year, live, in four languages', async () => {
    type Compared = ResultOf<typeof CounterCompared>;
    const compared = async (edition: string) =>
      (await gql<Compared>(CounterCompared.document, { edition })).stats;
    const signed = (lang: string, n: number) =>
      `${n > 0 ? '+' : n < 0 ? '−' : '±'}${new Intl.NumberFormat(lang).format(Math.abs(n))}`;
    const words = {
      nl: 't.o.v. hetzelfde uur vorig jaar',
      en: 'vs. the same hour last year',
      de: 'ggü. derselben Stunde im Vorjahr',
      da: 'i forhold til samme time sidste år',
    };
    // A previous edition with recorded totals only: its total and the API's reason.
    const past = (await compared(PAST)).comparison!;
    expect(past.available).toBe(false);
    const totals = await openPage(
      chromium.browser,
      `<tafel-counter id="totals" edition="${PAST}" compare="previous" lang="en"></tafel-counter>`,
    );
    await expect
      .poll(() => totals.page.locator('#totals [part="compare"]').textContent(), SOON)
      .toBe(
        `${past.edition.name}: ${new Intl.NumberFormat('en').format(past.participants!)}${past.atLeast ? '+' : ''} in all. ${past.reason}`,
      );
    await totals.page.close();

    // The four languages, read once (live="false": no stream each).
    const { page } = await openPage(
      chromium.browser,
      Object.keys(words)
        .map(
          (lang) =>
            `<tafel-counter id="${lang}" edition="${EDITION}" compare="previous" lang="${lang}" live="false"></tafel-counter>`,
        )
        .join('\n'),
    );
    const before = await compared(EDITION);
    expect(before.comparison?.edition.name).toContain('2026');
    const difference = before.comparison!.difference!;
    expect(difference).toBe(before.participants - before.comparison!.participants!);
    const text = (id: string) => page.locator(`#${id} [part="compare"]`).textContent();
    for (const [lang, phrase] of Object.entries(words))
      await expect.poll(() => text(lang), SOON).toBe(`${signed(lang, difference)} ${phrase}`);
    await page.close();

    // Live: five more people present now, five more than at the same hour last year. (One live
    // counter a page: Chromium opens six connections to one host, and each stream holds one.)
    const { page: live } = await openPage(
      chromium.browser,
      `<tafel-counter id="da" edition="${EDITION}" compare="previous" lang="da"></tafel-counter>`,
    );
    const liveText = () => live.locator('#da [part="compare"]').textContent();
    await expect.poll(liveText, SOON).toBe(`${signed('da', difference)} ${words.da}`);
    const venue = (await apiVenues()).find(
      (v) => v.capacity !== null && v.capacity - v.participants >= 5,
    )!;
    await live.waitForTimeout(1000); // the stream is open and read
    const result = await gql<ResultOf<typeof RecordArrivals>>(
      RecordArrivals.document,
      { input: { location: venue.id, delta: 5 } },
      staffKey(),
    );
    expect(result.recordArrivals.userErrors).toEqual([]);
    expect((await compared(EDITION)).comparison!.difference).toBe(difference + 5);
    await expect.poll(liveText, SOON).toBe(`${signed('da', difference + 5)} ${words.da}`);
    expect(await live.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await gql(RecordArrivals.document, { input: { location: venue.id, delta: -5 } }, staffKey());
    await live.close();
  }, 120_000);
});
