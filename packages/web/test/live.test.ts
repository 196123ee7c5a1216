/**
 * /live/<edition>, the journalists' page, in Chromium against the real API with the demo series:
 * the API's numbers (expected, present, the same hour last year), the press contact, live within
 * a second of a recordArrivals, each chart as CSV (the API's numbers) and as PNG, a citable
 * `?at=` snapshot that a later write does not move, clear messages for a bad `?at=` and an
 * unknown edition, and axe-core in four languages at a phone's width.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  API,
  EDITION,
  gql,
  LANGS,
  newPage,
  seriousViolations,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser({ width: 390, height: 844 });
/** The demo series' previous edition: its whole day is in its log. */
const PAST = 'nid-2026';
const SOON = { timeout: 15_000 };
const en = (n: number) => new Intl.NumberFormat('en').format(n);

interface Numbers {
  participants: number;
  expected: number;
  byRegion: { key: string; label: string; participants: number }[];
  comparison: { participants: number | null; difference: number | null } | null;
}

async function numbers(edition: string, at?: string): Promise<Numbers> {
  const { stats } = await gql<{ stats: Numbers }>(
    `query ($edition: String!, $at: DateTime) {
      stats(edition: $edition, at: $at) {
        participants expected
        byRegion { key label(lang: EN) participants }
        comparison { participants difference }
      }
    }`,
    { edition, ...(at ? { at } : {}) },
  );
  return stats;
}

async function mutate(name: string, input: Record<string, unknown>, fields = '') {
  const data = await gql<Record<string, { userErrors: unknown[] } & Record<string, any>>>(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { message } } }`,
    { input },
    staffKey(),
  );
  expect(data[name]!.userErrors, name).toEqual([]);
  return data[name]!;
}

/** A venue of an edition with room for a few more people. */
async function venueOf(edition: string): Promise<string> {
  const { locations } = await gql<{
    locations: { nodes: { id: string; capacity: number | null; participants: number }[] };
  }>(
    `query ($edition: String!) { locations(edition: $edition, first: 50) { nodes { id capacity participants } } }`,
    { edition },
  );
  return locations.nodes.find((v) => v.capacity !== null && v.capacity - v.participants >= 5)!.id;
}

const text = (page: Page, selector: string) =>
  page.locator(`tafel-live ${selector}`).first().textContent();
const strong = (page: Page, id: string) => text(page, `#${id} strong`);

async function open(path: string, lang = 'en') {
  const tab = await newPage(ctx.browser);
  const url = new URL(path, API);
  url.searchParams.set('lang', lang);
  await tab.page.goto(url.href);
  return tab;
}

/** The chart's canvas is drawn and its table holds rows. */
async function drawn(page: Page, type: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (t) =>
            document
              .querySelector('tafel-live')
              ?.shadowRoot?.querySelector(`tafel-chart[type="${t}"]`)
              ?.shadowRoot?.querySelectorAll('canvas, tbody tr').length ?? 0,
          type,
        ),
      SOON,
    )
    .toBeGreaterThan(1);
}

/** Press a download button; the file's name and bytes. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`tafel-live ${selector}`).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
}

describe('/live/<edition>', () => {
  test('shows the API’s numbers and press contact, and moves within a second of a recordArrivals', async () => {
    await mutate('updateEdition', {
      slug: EDITION,
      pressContact: { name: 'Pim Pers', email: 'pers@tafel.test', phone: '+31 20 123 4567' },
    });
    const before = await numbers(EDITION);
    const { page, errors } = await open(`/live/${EDITION}`);
    const response = await page.request.get(`${API}/live/${EDITION}`);
    expect(response.headers()['cache-control']).toBe('public, max-age=60');
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => strong(page, 'present'), SOON).toBe(en(before.participants));
    expect(await strong(page, 'expected')).toBe(en(before.expected));
    expect(await strong(page, 'same-hour')).toBe(en(before.comparison!.participants!));
    expect(await text(page, '#press')).toBe('Press contact');
    const press = await page.locator('tafel-live dl').textContent();
    for (const part of ['Pim Pers', 'pers@tafel.test', '+31 20 123 4567'])
      expect(press).toContain(part);
    await drawn(page, 'timeline');

    await page.waitForTimeout(1000); // the stream is open
    const venue = await venueOf(EDITION);
    const started = Date.now();
    await mutate('recordArrivals', { location: venue, delta: 3 }, 'location { id }');
    await expect
      .poll(() => strong(page, 'present'), { timeout: 1000, interval: 50 })
      .toBe(en(before.participants + 3));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await text(page, '#difference')).toContain(`+${en(before.comparison!.difference! + 3)}`);
    await mutate('recordArrivals', { location: venue, delta: -3 }, 'location { id }');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('each chart downloads as CSV (the API’s numbers) and as a PNG', async () => {
    const api = await numbers(PAST);
    const { page, errors } = await open(`/live/${PAST}`);
    await drawn(page, 'regions');
    await drawn(page, 'timeline');
    const csv = await downloaded(page, 'button[data-csv="regions"]');
    expect(csv.name).toBe(`${PAST}-regions.csv`);
    const [head, ...rows] = csv.body.toString('utf8').trim().split('\r\n');
    expect(head).toContain('source,licence,asOf');
    expect(rows.map((r) => r.split(',').slice(0, 2))).toEqual(
      api.byRegion.map((b) => [b.label, String(b.participants)]),
    );
    expect(rows[0]).toContain(`/live/${PAST}`);
    expect(rows[0]).toContain('CC BY 4.0');
    const png = await downloaded(page, 'button[data-png="timeline"]');
    expect(png.name).toBe(`${PAST}-timeline.png`);
    expect(png.body.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.body.length).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('?at= shows a snapshot that a later write does not move; bad input gets a clear message', async () => {
    const at = '2026-10-15T19:30';
    const instant = new Date('2026-10-15T17:30:00Z').toISOString(); // 19:30 in Amsterdam (CEST)
    const first = await numbers(PAST, instant);
    const shown = async () => {
      const { page } = await open(`/live/${PAST}?at=${at}`);
      await expect.poll(() => strong(page, 'present'), SOON).toBe(en(first.participants));
      await drawn(page, 'regions');
      const csv = await downloaded(page, 'button[data-csv="regions"]');
      const mode = await text(page, '#mode');
      await page.close();
      return { csv: csv.body.toString('utf8'), mode };
    };
    const once = await shown();
    expect(once.mode).toContain('Snapshot');
    expect(once.mode).toContain('7:30');
    // A later write to that edition (reopened for it): the snapshot stays, the live numbers move.
    const live = await numbers(PAST);
    await mutate('updateEdition', { slug: PAST, status: 'OPEN' });
    const venue = await venueOf(PAST);
    await mutate('recordArrivals', { location: venue, delta: 2 }, 'location { id }');
    try {
      expect((await numbers(PAST)).participants).toBe(live.participants + 2);
      expect(await shown()).toEqual(once);
    } finally {
      await mutate('recordArrivals', { location: venue, delta: -2 }, 'location { id }');
      await mutate('updateEdition', { slug: PAST, status: 'CLOSED' });
    }

    for (const [path, message] of [
      [`/live/${PAST}?at=gisteren`, '“gisteren” is not a time. Use the form 2027-10-14T19:30.'],
      [`/live/${PAST}?at=2026-10-18T12:00`, 'No snapshot of'],
      [`/live/${EDITION}?at=2099-10-14T19:30`, 'has not come yet'],
      ['/live/nid-1999', 'There is no edition “nid-1999”.'],
    ] as const) {
      const { page } = await open(path);
      await expect.poll(() => text(page, '#message'), SOON).toContain(message);
      expect(await page.locator('tafel-live #present').count()).toBe(0);
      await page.close();
    }
  });

  test('the measure of mixing: per role, as the API counts it, no person named; axe in four languages', async () => {
    // The demo's 2019 employers' dinner: 25 employers and 25 status holders at one venue.
    const { stats } = await gql<{
      stats: {
        mixing: { total: { mixedVenues: number; roles: { role: string; mixed: number }[] } };
      };
    }>(
      `{ stats(edition: "het-diner-2019") { mixing { total { mixedVenues roles { role mixed } } } } }`,
    );
    const mixed = stats.mixing.total.roles.filter((r) => r.mixed > 0);
    expect(mixed.map((r) => r.role).sort()).toEqual(['EMPLOYERS', 'STATUS_HOLDERS']);
    for (const lang of LANGS) {
      const { page } = await open('/live/het-diner-2019', lang);
      await expect.poll(() => page.locator('tafel-live #mixing').count(), SOON).toBe(1);
      for (const { role, mixed: n } of mixed)
        expect(await text(page, `#mixing tr[data-role="${role}"] td`), lang).toBe(
          new Intl.NumberFormat(lang).format(n),
        );
      expect(await text(page, '#mixed-venues'), lang).toContain(
        String(stats.mixing.total.mixedVenues),
      );
      expect(await seriousViolations(page), lang).toEqual([]);
      if (lang === 'en') {
        expect(await text(page, '#mixing th[scope="row"]')).toBe('Status holders');
        const href = await page.locator('tafel-live #mixing a').getAttribute('href');
        expect(href).toBe('/editions/het-diner-2019/mixing.csv');
      }
      await page.close();
    }
  });

  test('axe-core finds no serious or critical violation in nl, en, de and da, keyboard and phone width', async () => {
    for (const lang of LANGS) {
      const { page } = await open(`/live/${EDITION}`, lang);
      await drawn(page, 'timeline');
      await drawn(page, 'groups');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      expect(await seriousViolations(page), lang).toEqual([]);
      // The keyboard reaches the download buttons.
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () =>
            document
              .querySelector('tafel-live')
              ?.shadowRoot?.activeElement?.hasAttribute('data-csv') ?? false,
        );
      }
      expect(reached, lang).toBe(true);
      await page.close();
    }
  });
});
