/**
 * Meetings across the year (#19) in the pages, in Chromium against the real API: staff open an
 * edition that spans days in the console (a last day before the first is refused at its field), and
 * a coordinator enters a meeting on a day of their choosing within it — overnight, not yet
 * confirmed — which the list shows with its day and mark, and the API holds exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  API,
  gql,
  invite,
  newPage,
  openIn,
  seriousViolations,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const ORG = 'taalmaatjes';
/** In the past: an edition that spans days and is over is nobody's default edition in other tests. */
const PROGRAMME = {
  slug: 'bijeenkomsten-2026',
  name: 'Bijeenkomsten 2026',
  date: '2026-02-01',
  endDate: '2026-11-30',
  status: 'OPEN',
};
const MEETING = 'Netwerkdag op de boerderij';
/** A transparent 1×1 PNG: the map's tiles, without going to the internet. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('meetings across the year', () => {
  it('staff open an edition that spans days; a last day before the first is refused', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'erik.editions@tafel.test', role: 'ADMIN' }));
    await page.goto(`${API}/manage?lang=en#editions`);
    await page.getByRole('heading', { name: 'Editions', level: 2 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Netwerkmiddagen 2025');
    await page.getByLabel('Short name for web addresses').fill('netwerkmiddagen-2025');
    await page.getByLabel('Date', { exact: true }).fill('2025-03-01');
    const last = page.getByLabel('Last day (optional)');
    await last.fill('2025-02-01');
    await page.getByRole('button', { name: 'Create edition' }).click();
    await expect.poll(() => last.getAttribute('aria-invalid')).toBe('true');
    await page.locator('#error-endDate').getByText('endDate 2025-02-01 is before date').waitFor();
    const none = await gql<{ edition: null | { slug: string } }>(
      '{ edition(slug: "netwerkmiddagen-2025") { slug } }',
    );
    expect(none.edition).toBeNull();
    expect(await seriousViolations(page), 'the refused form').toEqual([]);

    await last.fill('2025-11-30');
    await page.getByRole('button', { name: 'Create edition' }).click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Netwerkmiddagen 2025', exact: true }) });
    await card.getByText('from 2025-03-01 to 2025-11-30').waitFor();
    const made = await gql<{ edition: { date: string; endDate: string } }>(
      '{ edition(slug: "netwerkmiddagen-2025") { date endDate } }',
    );
    expect(made.edition).toEqual({ date: '2025-03-01', endDate: '2025-11-30' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a coordinator enters an overnight meeting on its own days, not yet confirmed', async () => {
    const { createEdition } = await gql<{ createEdition: { userErrors: unknown[] } }>(
      `mutation ($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
      { input: PROGRAMME },
      staffKey(),
    );
    expect(createEdition.userErrors).toEqual([]);
    const { page, errors } = await newPage(ctx.browser);
    await page.route(/tile\.openstreetmap\.org/, (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    );
    await signIn(page, await invite({ email: 'meetings@taalmaatjes.test', organisation: ORG }));

    const words = { en: ['Edition', 'New venue'], da: ['Udgave', 'Nyt sted'] } as const;
    for (const [lang, [edition, add]] of Object.entries(words)) {
      await openIn(page, '/manage#venues', lang);
      await page.locator('#venues-title').waitFor();
      await page.getByLabel(edition, { exact: true }).selectOption(PROGRAMME.slug);
      await page.getByRole('button', { name: add }).click();
      await page.locator('#startsDay').waitFor();
      expect(await seriousViolations(page), `${lang}: the form of a meeting`).toEqual([]);
    }

    await openIn(page, '/manage#venues', 'en');
    await page.getByLabel('Edition', { exact: true }).selectOption(PROGRAMME.slug);
    await page.getByRole('button', { name: 'New venue' }).click();
    const starts = page.getByLabel('Starts on');
    expect(await starts.getAttribute('min')).toBe('2026-02-01');
    expect(await starts.getAttribute('max')).toBe('2026-11-30');
    await page.getByLabel('Name', { exact: true }).fill(MEETING);
    await page.getByLabel('Time', { exact: true }).selectOption('TENTATIVE');
    await starts.fill('2026-06-12');
    await page.getByLabel('Ends on').fill('2026-06-12');
    await page.getByLabel('Starts at').fill('20:00');
    await page.getByLabel('Ends at').fill('10:00');
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');
    // The end before the start on the same day: said in the page, nothing sent.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const ends = page.getByLabel('Ends at');
    await expect.poll(() => ends.getAttribute('aria-invalid')).toBe('true');
    // Overnight: it ends the next morning.
    await page.getByLabel('Ends on').fill('2026-06-13');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`${MEETING} is saved.`).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: MEETING });
    await item.getByText('Not yet confirmed').waitFor();
    expect(await item.textContent()).toMatch(/Jun 12, 2026, 8:00\sPM/);

    const { viewer } = (await page.evaluate(async (e) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'query ($e: String!) { viewer { locations(edition: $e, first: 100) { nodes { name schedule startsAt endsAt } } } }',
          variables: { e },
        }),
      });
      return (await response.json()).data;
    }, PROGRAMME.slug)) as {
      viewer: { locations: { nodes: { name: string; schedule: string }[] } };
    };
    expect(viewer.locations.nodes).toEqual([
      {
        name: MEETING,
        schedule: 'TENTATIVE',
        startsAt: '2026-06-12T18:00:00.000Z',
        endsAt: '2026-06-13T08:00:00.000Z',
      },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
