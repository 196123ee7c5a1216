/**
 * The staff console in Chromium against the real API: an admin signs in, suspends an
 * organisation (its venues leave the public map's answer) and reinstates it, approves a venue
 * waiting for approval, postpones an edition (a missing reason is shown at the top and at the
 * field), and finds each in the audit trail, filtered. Each section in four languages, axe.
 */
import { describe, expect, it } from 'vitest';
import { apiVenues } from '../../widget/test/browser.ts';
import {
  API,
  gql,
  invite,
  LANGS,
  newPage,
  seriousViolations,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const DAY = 'console-day';

/** A venue waiting for approval: a new edition that requires it, a new organisation's key. */
async function venueAwaitingApproval(): Promise<string> {
  await gql(
    `mutation ($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
    { input: { slug: DAY, name: 'Console day', date: '2027-11-20', requireApproval: true } },
    staffKey(),
  );
  await gql(
    `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }`,
    { input: { slug: 'console-newcomer', name: 'Console Newcomer' } },
    staffKey(),
  );
  const { issueApiKey } = await gql<{ issueApiKey: { secret: string } }>(
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret } }`,
    { input: { organisation: 'console-newcomer', scopes: ['LOCATIONS_WRITE'] } },
    staffKey(),
  );
  const name = 'Newcomers’ table';
  const { createLocation } = await gql<{
    createLocation: { location: { awaitingApproval: boolean } | null };
  }>(
    `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { location { awaitingApproval } } }`,
    {
      input: {
        edition: DAY,
        name,
        coordinates: { lat: 52.09, lng: 5.12 },
        address: { city: 'Utrecht' },
        meal: 'DINNER',
      },
    },
    issueApiKey.secret,
  );
  expect(createLocation.location?.awaitingApproval).toBe(true);
  return name;
}

async function publicNames(edition: string): Promise<string[]> {
  const { locations } = await gql<{ locations: { nodes: { name: string }[] } }>(
    'query ($e: String!) { locations(edition: $e, first: 100) { nodes { name } } }',
    { e: edition },
  );
  return locations.nodes.map((n) => n.name);
}

describe('the staff console', () => {
  it('suspends, approves, postpones and shows it all in the audit trail', async () => {
    const waiting = await venueAwaitingApproval();
    const [first] = await apiVenues();
    const member = first!.organisation;
    expect((await apiVenues({ organisation: member.slug })).length).toBeGreaterThan(0);

    const link = await invite({
      email: 'carla.console@tafel.test',
      name: 'Carla Console',
      role: 'ADMIN',
    });
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, link);
    await page.goto(`${API}/manage?lang=en#organisations`);

    // Organisations: find it, suspend it with the keyboard alone.
    await page.getByRole('heading', { name: 'Organisations', level: 2 }).waitFor();
    await page.getByLabel('Find an organisation').fill(member.name);
    await page.getByLabel('Find an organisation').press('Enter');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: member.name, exact: true }) });
    await card.getByRole('button', { name: 'Suspend' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Reason').waitFor();
    await page.keyboard.type('Venues copied from another site');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`${member.name} is suspended.`).waitFor();
    await card.getByText(/Suspended since .*: Venues copied from another site/).waitFor();
    // What the public map asks for has none of its venues now.
    expect(await apiVenues({ organisation: member.slug })).toEqual([]);

    // Venues: approve the one waiting.
    await page.getByRole('link', { name: 'Venues' }).click();
    await page.getByRole('heading', { name: 'Venues', level: 2 }).waitFor();
    await page.getByLabel('Edition').selectOption({ label: 'Console day' });
    const venueCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: waiting, exact: true }) });
    await venueCard.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`${waiting} is approved.`).waitFor();
    expect(await publicNames(DAY)).toContain(waiting);

    // Editions: postpone, first without a reason (refused in the page), then with one.
    await page.getByRole('link', { name: 'Editions' }).click();
    const dayCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Console day', exact: true }) });
    await dayCard.getByRole('button', { name: 'Postpone' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').getByText('Enter a reason.').waitFor();
    expect(await page.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Reason').fill('The venue hall is flooded');
    await page.getByLabel('New date').fill('2027-11-27');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Console day: Postponed.').waitFor();
    await dayCard.getByText('moved from 2027-11-20').waitFor();
    const { edition } = await gql<{ edition: { status: string; date: string } }>(
      `{ edition(slug: "${DAY}") { status date } }`,
    );
    expect(edition).toEqual({ status: 'POSTPONED', date: '2027-11-27' });

    // Its press contact: checked in the page, then public.
    await dayCard.getByRole('button', { name: 'Press contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Petra Pers');
    await page.getByLabel('E-mail address').fill('pers@');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').getByText('This is not an e-mail address').waitFor();
    expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('E-mail address').fill('pers@federatie.example');
    await page.getByLabel('Phone number').fill('+31 20 123 4567');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The press contact of Console day is saved.').waitFor();
    await dayCard
      .getByText('Press contact: Petra Pers, pers@federatie.example, +31 20 123 4567')
      .waitFor();
    const { edition: withPress } = await gql<{ edition: { pressContact: unknown } }>(
      `{ edition(slug: "${DAY}") { pressContact { name email phone } } }`,
    );
    expect(withPress.pressContact).toEqual({
      name: 'Petra Pers',
      email: 'pers@federatie.example',
      phone: '+31 20 123 4567',
    });

    // The audit trail: all three, then filtered.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    const headings = page.getByRole('list').getByRole('heading', { level: 3 });
    await expect
      .poll(() => headings.allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Organisation suspended',
          'Venue approved',
          'Edition postponed',
          'Edition changed',
        ]),
      );
    await page.getByLabel('Organisation').selectOption({ label: member.name });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => headings.allTextContents()).toEqual(['Organisation suspended']);
    expect(await page.getByText('By Carla Console').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: `Only this venue: ${waiting}` }).click();
    await expect.poll(() => headings.allTextContents()).toEqual(['Venue approved']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Person').selectOption({ label: 'Carla Console' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    // The three, and the press contact's change (an edition changed).
    await expect.poll(async () => (await headings.allTextContents()).length).toBe(4);
    expect(await page.content()).not.toContain('carla.console@tafel.test');

    // Back to organisations: reinstate, and the venues return.
    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.getByLabel('Find an organisation').fill(member.name);
    await page.getByLabel('Find an organisation').press('Enter');
    await card.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`${member.name} is reinstated.`).waitFor();
    expect((await apiVenues({ organisation: member.slug })).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has every section in four languages without serious axe findings, at 320 px too', async () => {
    const link = await invite({ email: 'axel.axe@tafel.test', name: 'Axel Axe', role: 'ADMIN' });
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, link);
    const seen: Record<string, string[]> = {};
    for (const width of [1024, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of LANGS) {
        for (const section of ['organisations', 'moderation', 'editions', 'audit']) {
          await page.goto(`${API}/manage?lang=${lang}#${section}`);
          const heading = page.getByRole('heading', { level: 2 });
          await heading.waitFor();
          // The lists are in: their loading line is gone.
          await expect
            .poll(() => page.getByText(/Laden…|Loading…|Wird geladen…|Indlæser…/).count())
            .toBe(0);
          if (width === 1024) {
            seen[lang] ??= [];
            seen[lang].push((await heading.textContent()) ?? '');
          }
          expect(await seriousViolations(page), `${lang} ${section} ${width}px`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          );
          expect(overflow, `${lang} ${section} ${width}px scrolls sideways`).toBe(false);
        }
      }
    }
    expect(seen).toEqual({
      nl: ['Organisaties', 'Locaties', 'Edities', 'Logboek'],
      en: ['Organisations', 'Venues', 'Editions', 'Audit trail'],
      de: ['Organisationen', 'Standorte', 'Ausgaben', 'Protokoll'],
      da: ['Organisationer', 'Steder', 'Udgaver', 'Log'],
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
