/**
 * `#day`, the staff's view of the day, in Chromium against the real API: an edition today with a
 * venue silent 45 minutes after its start, a full one, a jump, and one without a start time; the
 * coverage per region; a report moving the page without a reload; the filters; a new host link
 * copied; axe in four languages. An admin signs in through an invitation link, as a person does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  API,
  gql,
  invite,
  LANGS,
  newPage,
  openIn,
  seriousViolations,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const EDITION = 'dagtest';
const ORG = 'dagtest-org';

async function mutate(
  name: string,
  input: Record<string, unknown>,
  fields = 'userErrors { message }',
) {
  const data = await gql<Record<string, { userErrors: unknown[] } & Record<string, any>>>(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`,
    { input },
    staffKey(),
  );
  expect(data[name]!.userErrors, name).toEqual([]);
  return data[name]!;
}

/** An instant some minutes from now, and its day in the edition's time zone. */
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
/**
 * The edition holds today and the hour before: in the first hour after midnight (Amsterdam) the
 * venues that started up to an hour ago began yesterday, so it spans both days then.
 */
const today = dayOf(minutes(0));
const firstDay = dayOf(minutes(-60));

async function venue(name: string, region: string, startsAt: string | null, capacity: number) {
  const made = await mutate(
    'createLocation',
    {
      edition: EDITION,
      organisation: ORG,
      name,
      meal: 'DINNER',
      capacity,
      startsAt,
      coordinates: { lat: 51.5 + Math.random(), lng: 4 + Math.random() },
      address: { city: 'Plaats', region },
    },
    'location { id } userErrors { message }',
  );
  return made['location'].id as string;
}

describe('#day', () => {
  // An open edition held today would be where every later test's portal opens (`defaultEdition`,
  // the nearest to come): closed when done, the suite's other pages open on the demo's as before.
  afterAll(async () => {
    await mutate('updateEdition', { slug: EDITION, status: 'CLOSED' }).catch(() => undefined);
  });

  it('shows a silent venue, a full one, a jump and the coverage per region, live, with host links, in four languages', async () => {
    await mutate('createEdition', {
      slug: EDITION,
      name: 'Dagtest',
      date: firstDay,
      ...(firstDay !== today ? { endDate: today } : {}),
    });
    await mutate('createOrganisation', { slug: ORG, name: 'Dagtest Organisatie', approved: true });
    const silent = await venue('Stille Tafel', 'NL-ZE', minutes(-45), 50);
    const full = await venue('Volle Tafel', 'NL-ZE', minutes(-60), 40);
    const jump = await venue('Sprong Tafel', 'NL-FR', minutes(-20), 200);
    await venue('Latere Tafel', 'NL-FR', null, 30);
    await mutate('recordArrivals', { location: full, delta: 5 });
    await mutate('setLocationFull', { location: full, full: true });
    await mutate('reportParticipation', { location: jump, participants: 60 });

    const link = await invite({ email: 'day.admin@tafel.test', name: 'Dag Admin', role: 'ADMIN' });
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, link);
    await openIn(page, '/manage#day', 'en');
    const row = (name: string) => page.locator('tafel-section-day tr', { hasText: name });
    await row('Stille Tafel').waitFor();
    expect(await page.locator('tafel-section-day #edition').inputValue()).toBe(EDITION);

    expect(await row('Stille Tafel').getAttribute('data-state')).toBe('SILENT');
    expect(await row('Stille Tafel').textContent()).toContain('Silent, 30 min after its start');
    expect(await row('Stille Tafel').textContent()).toContain('none yet');
    expect(await row('Volle Tafel').locator('.badge.full').textContent()).toBe('Full');
    expect(await row('Volle Tafel').textContent()).toContain('5 / 40');
    expect(await row('Sprong Tafel').locator('td.jump').textContent()).toContain('from 0 to 60 at');
    expect(await row('Latere Tafel').getAttribute('data-state')).toBe('NOT_STARTED');
    const coverage = (region: string) =>
      page
        .locator(`tafel-section-day table.coverage tr[data-region="${region}"] td`)
        .allTextContents();
    expect(await coverage('NL-ZE')).toEqual(['2', '1', '50%']);
    expect(await coverage('NL-FR')).toEqual(['1', '1', '100%']);
    await expect
      .poll(() => page.locator('tafel-section-day [role="status"]').first().textContent())
      .toContain('1 silent, 1 full, 1 with a jump.');

    // Live: the silent venue reports; the page follows without a reload.
    await mutate('recordArrivals', { location: silent, delta: 3 });
    await expect
      .poll(() => row('Stille Tafel').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('STARTED');
    await expect.poll(() => coverage('NL-ZE')).toEqual(['2', '2', '100%']);

    // Filters: one region, then one organisation.
    await page.locator('tafel-section-day #region').selectOption('NL-FR');
    await expect
      .poll(() => page.locator('tafel-section-day table.venues tbody tr').count())
      .toBe(2);
    await page.locator('tafel-section-day #region').selectOption('');
    await page.locator('tafel-section-day #organisation').selectOption(ORG);
    await expect
      .poll(() => page.locator('tafel-section-day table.venues tbody tr').count())
      .toBe(4);

    // A new host link, copied: the page says it is new, and it is in the clipboard.
    await ctx.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: API,
    });
    expect(await page.getByText('Copying therefore makes a new link').isVisible()).toBe(true);
    await row('Sprong Tafel')
      .getByRole('button', { name: /^Copy a new link\s*:\s*Sprong Tafel$/ })
      .click();
    const said = page.getByText('New link for Sprong Tafel copied:');
    await said.waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/host\/tafelhost_[A-Za-z0-9_-]{43}$/);
    expect(await said.textContent()).toContain(copied);
    const links = await gql<{ hostLinks: { prefix: string }[] }>(
      'query ($l: ID!) { hostLinks(location: $l) { prefix } }',
      { l: jump },
      staffKey(),
    );
    expect(links.hostLinks.map((l) => l.prefix)).toEqual([copied.split('/host/')[1]!.slice(0, 18)]);

    const titles: string[] = [];
    for (const lang of LANGS) {
      await openIn(page, '/manage#day', lang);
      await row('Stille Tafel').waitFor();
      titles.push((await page.locator('tafel-section-day h2').textContent()) ?? '');
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(titles).toEqual(['De dag', 'The day', 'Der Tag', 'Dagen']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
