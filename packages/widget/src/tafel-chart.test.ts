/**
 * <tafel-chart> in real Chromium against the real API with the demo edition, on a partner's page
 * of another origin that loads only `tafel-chart.js`: each type draws, its table twin holds the
 * API's numbers, a comparison draws a second series, a recordArrivals moves it, and axe-core
 * finds no serious violation in any of the four languages.
 */
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import {
  API,
  apiVenues,
  EDITION,
  gql,
  staffMutate as mutate,
  PAST_EDITION,
  type TestPage,
  useBrowser,
} from '../test/browser.ts';
import { type PartnerServer, startPartnerServer } from '../test/partner-page.ts';

const chromium = useBrowser();
const SCRIPT = `<script type="module" src="${API}/widget/tafel-chart.js"></script>`;
const LANGS = ['nl', 'en', 'de', 'da'] as const;
const PAST = PAST_EDITION;
/** The machine is shared: give a chart this long to load and draw. */
const SOON = { timeout: 15_000 };

/** Wait until each chart (by id) has drawn its canvas. */
async function drawn(page: TestPage['page'], ...ids: string[]): Promise<void> {
  for (const id of ids)
    await expect.poll(() => page.locator(`#${id} canvas`).count(), SOON).toBe(1);
}

interface Bucket {
  key: string;
  label: string;
  participants: number;
}
interface Truth {
  name: string;
  date: string;
  timeZone: string;
  timeline: { at: string; participants: number }[];
  byRegion: Bucket[];
  byMeal: Bucket[];
  byTargetGroup: Bucket[];
}

/** What the API says of an edition, labels in English: what the chart must show. */
async function truth(edition: string): Promise<Truth> {
  const { edition: e, stats } = await gql<{
    edition: { name: string; date: string; timeZone: string };
    stats: Omit<Truth, 'name' | 'timeZone'>;
  }>(
    `query ($edition: String!) {
      edition(slug: $edition) { name date timeZone }
      stats(edition: $edition) {
        timeline(interval: 15) { at participants }
        byRegion { key label(lang: EN) participants }
        byMeal { key label(lang: EN) participants }
        byTargetGroup { key label(lang: EN) participants }
      }
    }`,
    { edition },
  );
  return { ...e, ...stats };
}

const clock = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(at),
  );
const en = (n: number) => new Intl.NumberFormat('en').format(n);

/**
 * The rows a timeline's table must have for one edition: its clock times and numbers, what was
 * logged before its day (this test's arrivals, on another day than the demo's) as 00:00.
 */
function timelineRows(t: Truth): string[][] {
  const day = (at: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: t.timeZone }).format(new Date(at));
  const before = t.timeline.filter((p) => day(p.at) < t.date);
  const start = before[before.length - 1];
  return [
    ...(start ? [['00:00', en(start.participants)]] : []),
    ...t.timeline
      .filter((p) => day(p.at) >= t.date)
      .map((p) => [clock(p.at, t.timeZone), en(p.participants)]),
  ];
}
const bucketRows = (buckets: Bucket[]) => buckets.map((b) => [b.label, en(b.participants)]);

/** The chart's table, row by row, cell by cell (header row first). */
function table(page: TestPage['page'], selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} table`)
    .evaluate((t) =>
      [...t.querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((c) => (c.textContent ?? '').trim()),
      ),
    );
}

/** Pixels of the chart's canvas that are not blank. */
function inkedPixels(page: TestPage['page'], selector: string): Promise<number> {
  return page.locator(`${selector} canvas`).evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
    return inked;
  });
}

let partner: PartnerServer;
let pages = 0;
beforeAll(async () => {
  partner = await startPartnerServer();
});
afterAll(() => partner.close());

/** A partner's article on its own origin (a real server), loading only the chart's script. */
async function partnerPage(
  body: string,
  lang = 'en',
): Promise<TestPage & { close(): Promise<void> }> {
  const page = await chromium.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const url = partner.serve(
    `/chart-${++pages}.html`,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Nieuws</title>${SCRIPT}</head>` +
      `<body><main><h1>Samen aan tafel</h1>${body}</main></body></html>`,
  );
  // Closed even when the test fails: a page left open keeps its streams, and Chromium opens six
  // connections to one host at most.
  onTestFinished(() => page.close());
  await page.goto(url);
  return { page, errors, dialogs: [], close: () => page.close() };
}

let compared: string | undefined;

/** Another edition, today, with two venues in two regions and arrivals logged: to compare with. */
async function comparedEdition(): Promise<string> {
  if (compared) return compared;
  const slug = 'chart-vergelijk';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  await mutate('createEdition', { slug, name: 'Vergelijkdiner', date: today });
  await mutate('createOrganisation', {
    slug: 'chart-org',
    name: 'Grafiek Organisatie',
    approved: true,
  });
  for (const [name, region, delta] of [
    ['Tafel Utrecht', 'NL-UT', 12],
    ['Tafel Zeeland', 'NL-ZE', 7],
  ] as const) {
    const made = await mutate(
      'createLocation',
      {
        edition: slug,
        organisation: 'chart-org',
        name,
        meal: 'DINNER',
        capacity: 40,
        coordinates: { lat: 52 + Math.random() / 2, lng: 4.5 + Math.random() },
        address: { city: 'Plaats', region },
      },
      'location { id }',
    );
    await mutate('recordArrivals', { location: made['location'].id, delta }, 'location { id }');
  }
  compared = slug;
  return slug;
}

describe('<tafel-chart>', () => {
  test('on a partner page of another origin, each type draws and its table holds the API’s numbers', async () => {
    // The demo's past edition: its day is logged (the live one has nobody present before its day).
    const api = await truth(PAST);
    expect(api.timeline.length).toBeGreaterThan(3);
    const { page, errors, close } = await partnerPage(
      ['timeline', 'regions', 'meals', 'groups']
        .map((type) => `<tafel-chart id="${type}" edition="${PAST}" type="${type}"></tafel-chart>`)
        .join('\n'),
    );
    const expected: Record<string, string[][]> = {
      timeline: timelineRows(api),
      regions: bucketRows(api.byRegion),
      meals: bucketRows(api.byMeal),
      groups: bucketRows(api.byTargetGroup),
    };
    for (const [type, rows] of Object.entries(expected)) {
      const selector = `#${type}`;
      await drawn(page, type);
      await expect
        .poll(() => table(page, selector).then((t) => t.length - 1), SOON)
        .toBe(rows.length);
      const [head, ...body] = await table(page, selector);
      expect(head).toEqual([type === 'timeline' ? 'Time' : expect.any(String), api.name]);
      expect(body, type).toEqual(rows);
      expect(await inkedPixels(page, selector), type).toBeGreaterThan(2000);
      const canvas = page.locator(`${selector} canvas`);
      expect(await canvas.getAttribute('role')).toBe('img');
      expect(await canvas.getAttribute('aria-label')).toContain(api.name);
    }
    expect(errors).toEqual([]);
    await close();
  });

  test('a Danish edition’s regions are named as the API names them, in the chart’s language', async () => {
    const slug = 'chart-danmark';
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
      new Date(),
    );
    await mutate('createEdition', {
      slug,
      name: 'Dansk møde',
      date: today,
      timeZone: 'Europe/Copenhagen',
      country: 'DK',
    });
    await mutate('createOrganisation', { slug: 'chart-dk', name: 'Dansk Org', approved: true });
    for (const [name, region, lat, lng] of [
      ['Møde København', 'DK-84', 55.68, 12.57],
      ['Møde Roskilde', 'DK-85', 55.64, 12.08],
    ] as const) {
      const made = await mutate(
        'createLocation',
        {
          edition: slug,
          organisation: 'chart-dk',
          name,
          meal: 'LUNCH',
          capacity: 20,
          coordinates: { lat, lng },
          address: { city: 'By', region, country: 'DK' },
        },
        'location { id }',
      );
      await mutate(
        'recordArrivals',
        { location: made['location'].id, delta: 4 },
        'location { id }',
      );
    }
    // Names the chart's bundle does not hold (its vocabulary has the Dutch provinces only).
    for (const [lang, names] of [
      ['nl', ['Hoofdstad', 'Seeland']],
      ['da', ['Hovedstaden', 'Sjælland']],
    ] as const) {
      const { page, errors, close } = await partnerPage(
        `<tafel-chart id="dk" edition="${slug}" type="regions" lang="${lang}"></tafel-chart>`,
        lang,
      );
      await drawn(page, 'dk');
      await expect.poll(() => table(page, '#dk').then((t) => t.length - 1), SOON).toBe(2);
      const [, ...rows] = await table(page, '#dk');
      expect(rows.map((r) => r[0]).sort(), lang).toEqual([...names]);
      expect(errors).toEqual([]);
      await close();
    }
  });

  test('compare="<slug>" draws a second, dashed series and a second column of its numbers', async () => {
    const other = await comparedEdition();
    const [api, them] = [await truth(EDITION), await truth(other)];
    expect(them.timeline.length).toBeGreaterThan(0);
    const { page, errors, close } = await partnerPage(
      `<tafel-chart id="line" edition="${EDITION}" compare="${other}"></tafel-chart>
       <tafel-chart id="bars" edition="${EDITION}" type="regions" compare="${other}"></tafel-chart>`,
    );
    await drawn(page, 'line', 'bars');
    await expect.poll(() => page.locator('#line [part="legend"] li').count(), SOON).toBe(2);
    expect(await page.locator('#line .plot').getAttribute('data-series')).toBe('2');
    expect(await page.locator('#bars .plot').getAttribute('data-series')).toBe('2');
    const [head, ...rows] = await table(page, '#line');
    expect(head).toEqual(['Time', api.name, them.name]);
    // Each edition's points at their own clock times, in their own column.
    for (const [column, t] of [
      [1, api],
      [2, them],
    ] as const) {
      for (const [time, value] of timelineRows(t))
        expect(
          rows.some((row) => row[0] === time && row[column] === value),
          `${t.name} ${time} ${value}`,
        ).toBe(true);
    }
    const [barHead, ...bars] = await table(page, '#bars');
    expect(barHead).toEqual([expect.any(String), api.name, them.name]);
    for (const bucket of them.byRegion)
      expect(bars.find((row) => row[0] === bucket.label)?.[2]).toBe(en(bucket.participants));
    expect(await inkedPixels(page, '#bars')).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
    await close();
  });

  test('compare="previous" draws the API’s comparison: last year’s curve at the same clock times, or its totals and the reason', async () => {
    const { page, close } = await partnerPage(
      `<tafel-chart id="previous" edition="${EDITION}" compare="previous"></tafel-chart>
       <tafel-chart id="totals" edition="${PAST}" compare="previous"></tafel-chart>
       <tafel-chart id="unknown" edition="${EDITION}" type="meals" compare="nid-1999"></tafel-chart>`,
    );
    const asked = `query ($edition: String!) {
      edition(slug: $edition) { date timeZone }
      stats(edition: $edition) { comparison {
        edition { name } participants atLeast available reason curve(interval: 15) { at participants }
      } }
    }`;
    type Compared = {
      edition: { date: string; timeZone: string };
      stats: {
        comparison: {
          edition: { name: string };
          participants: number | null;
          atLeast: boolean;
          available: boolean;
          reason: string | null;
          curve: { at: string; participants: number }[];
        };
      };
    };
    const live = await gql<Compared>(asked, { edition: EDITION });
    const last = live.stats.comparison;
    expect(last.available).toBe(true);
    expect(last.curve.length).toBeGreaterThan(10);
    await drawn(page, 'previous', 'totals', 'unknown');
    await expect
      .poll(() => page.locator('#previous .plot').getAttribute('data-series'), SOON)
      .toBe('2');
    expect(await page.locator('#previous [part="legend"] li').allTextContents()).toHaveLength(2);
    expect((await page.locator('#previous [part="legend"]').textContent()) ?? '').toContain(
      last.edition.name,
    );
    // Last year's column: the API's curve, each point at its clock time on this edition's day.
    const curve = timelineRows({ ...live.edition, name: '', timeline: last.curve } as Truth);
    const shown = (await table(page, '#previous')).slice(1);
    const times = new Set(curve.map((row) => row[0]));
    expect(shown.filter((row) => times.has(row[0]!)).map((row) => [row[0], row[2]])).toEqual(curve);
    expect(await inkedPixels(page, '#previous')).toBeGreaterThan(2000);

    // nid-2026's previous edition holds totals only: its total and the API's reason, no curve.
    const past = (await gql<Compared>(asked, { edition: PAST })).stats.comparison;
    expect(past.available).toBe(false);
    expect(past.curve).toEqual([]);
    await expect
      .poll(() => page.locator('#totals [part="notice"]').textContent(), SOON)
      .toBe(
        `${past.edition.name}: ${en(past.participants!)}${past.atLeast ? '+' : ''} participants in all, no curve over the day. ${past.reason}`,
      );
    expect(await page.locator('#totals .plot').getAttribute('data-series')).toBe('1');
    expect((await table(page, '#totals'))[0]).toHaveLength(2);

    await expect
      .poll(() => page.locator('#unknown [part="notice"]').textContent(), SOON)
      .toBe('Comparison with unknown edition “nid-1999” left out.');
    expect((await table(page, '#unknown'))[0]).toHaveLength(2);
    await close();
  });

  test('after a recordArrivals the timeline and its table change without a reload', async () => {
    const venue = (await apiVenues()).find(
      (v) => v.capacity !== null && v.capacity - v.participants >= 5,
    )!;
    const { page, close } = await partnerPage(
      `<tafel-chart id="timeline" edition="${EDITION}"></tafel-chart>
       <tafel-chart id="regions" edition="${EDITION}" type="regions"></tafel-chart>`,
    );
    const before = await truth(EDITION);
    await drawn(page, 'timeline', 'regions');
    await expect
      .poll(() => table(page, '#timeline').then((t) => t.slice(1)), SOON)
      .toEqual(timelineRows(before));
    await page.waitForTimeout(1000); // the stream is open
    const canvas = await page
      .locator('tafel-chart canvas')
      .first()
      .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    await mutate('recordArrivals', { location: venue.id, delta: 4 }, 'location { id }');
    const after = await truth(EDITION);
    expect(after.timeline).not.toEqual(before.timeline);
    await expect
      .poll(() => table(page, '#timeline').then((t) => t.slice(1)), SOON)
      .toEqual(timelineRows(after));
    await expect
      .poll(() => table(page, '#regions').then((t) => t.slice(1)), SOON)
      .toEqual(bucketRows(after.byRegion));
    expect(
      await page
        .locator('tafel-chart canvas')
        .first()
        .evaluate((c) => (c as HTMLCanvasElement).toDataURL()),
    ).not.toBe(canvas);
    await mutate('recordArrivals', { location: venue.id, delta: -4 }, 'location { id }');
    await close();
  });

  test('the table is a button press away, and axe-core finds no serious violation in nl, en, de and da', async () => {
    const other = await comparedEdition();
    for (const lang of LANGS) {
      const { page, close } = await partnerPage(
        `<tafel-chart id="t" edition="${EDITION}" compare="${other}" lang="${lang}"></tafel-chart>
         <tafel-chart id="r" edition="${EDITION}" type="regions" compare="previous" lang="${lang}"></tafel-chart>
         <tafel-chart id="m" edition="${EDITION}" type="meals" lang="${lang}"></tafel-chart>
         <tafel-chart id="g" edition="${EDITION}" type="groups" lang="${lang}"></tafel-chart>`,
        lang,
      );
      await drawn(page, 't', 'r', 'm', 'g');
      const toggle = page.locator('#t [part="table-toggle"]');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      const tableHeight = () => page.locator('#t .numbers').evaluate((t) => t.clientHeight);
      // Visually hidden, yet in the accessibility tree; shown by the keyboard.
      expect(await tableHeight()).toBeLessThan(2);
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await tableHeight()).toBeGreaterThan(40);
      expect(await seriousViolations(page), lang).toEqual([]);
      await close();
    }
  });
});
