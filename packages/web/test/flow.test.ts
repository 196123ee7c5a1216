/**
 * The first "done when" flow, end to end in Chromium against the real API: the first
 * admin is invited with the command line (as an operator starts), signs in with that link,
 * invites a coordinator in the People section (the page shows the link to pass on), the
 * coordinator opens it and signs in, creates a venue by address search and pin, publishes it —
 * and it is in the list of the public <tafel-map> on /embed. On the way: the People section in
 * four languages with axe, its checks at their fields, and removing a person after confirming.
 */
import { describe, expect, it } from 'vitest';
import { OUDEGRACHT } from './fake-geocoder.ts';
import {
  API,
  cli,
  EDITION,
  gql,
  LANGS,
  newPage,
  openIn,
  seriousViolations,
  serveBlankTiles,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
/** An organisation of this test alone: no other test writes to it. */
const ORG = { slug: 'buurtkeuken-flow', name: 'Buurtkeuken Flow' };
const VENUE = 'Tafel van de Buurtkeuken';
const COORDINATOR = { name: 'Cleo Coördinator', email: 'cleo@buurtkeuken-flow.test' };

async function people(): Promise<{ email: string }[]> {
  const data = await gql<{ people: { nodes: { email: string }[] } }>(
    '{ people(first: 1000) { nodes { email } } }',
    {},
    staffKey(),
  );
  return data.people.nodes;
}

describe('from the first admin to a venue on the public map', () => {
  it('admin by CLI → invites a coordinator → who creates and publishes a venue → on <tafel-map>', async () => {
    const created = await gql<{ createOrganisation: { userErrors: unknown[] } }>(
      `mutation ($input: CreateOrganisationInput!) {
        createOrganisation(input: $input) { userErrors { message } }
      }`,
      { input: { ...ORG, kind: 'CHARITY', approved: true } },
      staffKey(),
    );
    expect(created.createOrganisation.userErrors).toEqual([]);

    // The first admin, as an operator starts: the command line prints the link on its last line.
    const adminLink = await cli([
      'people',
      'invite',
      '--staff',
      '--role',
      'admin',
      '--email',
      'flo.admin@tafel.test',
      '--name',
      'Flo Admin',
    ]);
    expect(adminLink).toMatch(new RegExp(`^${API}/manage/link\\?token=[A-Za-z0-9_-]{43}$`));
    const { page, errors } = await newPage(ctx.browser);
    await serveBlankTiles(page);
    await signIn(page, adminLink);

    for (const lang of LANGS) {
      await openIn(page, '/manage#people', lang);
      await page.locator('#people-title').waitFor();
      await page.getByText('flo.admin@tafel.test').waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(await page.locator('#people-title').textContent()).toBe('Personer');
    // On a 320 px phone nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 700 });
    await openIn(page, '/manage#people', 'de');
    await page.getByText('flo.admin@tafel.test').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.setViewportSize({ width: 1280, height: 800 });

    await openIn(page, '/manage#people', 'en');
    await page.getByRole('link', { name: 'People' }).waitFor();
    // The browser's checks: at their fields, the summary focused; nothing is sent.
    const before = await people();
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const email = page.getByLabel('E-mail address');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter the e-mail address of the person you invite.').first().waitFor();
    const organisation = page.getByLabel('Organisation', { exact: true });
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect(await people()).toEqual(before);
    expect(await seriousViolations(page), 'with errors').toEqual([]);

    // A member of the press, invited and removed again (after confirming).
    await page.getByLabel('Name (optional)').fill('Piet Pers');
    await email.fill('piet.pers@krant.test');
    await page.getByLabel('Member of the federation’s staff').check();
    await page.getByLabel('Role').selectOption('PRESS');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText('Piet Pers is invited.').waitFor();
    await page.getByText('piet.pers@krant.test').waitFor();
    await page.getByRole('button', { name: 'Remove: Piet Pers' }).click();
    await page.getByText('Remove Piet Pers?').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await people()).map((p) => p.email)).toContain('piet.pers@krant.test');
    await page.getByRole('button', { name: 'Remove: Piet Pers' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('Piet Pers is removed.').waitFor();
    expect((await people()).map((p) => p.email)).not.toContain('piet.pers@krant.test');

    // The server's refusal at its field: an address that is already someone else's.
    await email.fill('piet.pers@krant.test');
    await page.getByLabel('Member of the federation’s staff').check();
    await page.getByLabel('Role').selectOption('PRESS');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText('piet.pers@krant.test is invited.').waitFor();
    await page.getByLabel('Coordinator of an organisation').check();
    await email.fill('piet.pers@krant.test');
    await organisation.selectOption(ORG.slug);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toContain('error-email');
    await page.getByText('This address already belongs to someone').first().waitFor();

    // The coordinator, invited: the link to pass on (no mail server in the tests).
    await page.getByLabel('Name (optional)').fill(COORDINATOR.name);
    await email.fill(COORDINATOR.email);
    await organisation.selectOption(ORG.slug);
    // Their messages in Dutch, though the admin's page is in English: the link opens in Dutch.
    await page.getByLabel('Language of their messages').selectOption('nl');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText(`${COORDINATOR.name} is invited.`).waitFor();
    await page.getByText('There is no mail server: pass this link on yourself.').waitFor();
    const link = await page.getByLabel('Invitation link (works once, valid 7 days)').inputValue();
    expect(link).toMatch(new RegExp(`^${API}/manage/link\\?token=[A-Za-z0-9_-]{43}&lang=nl$`));
    await page.getByText(`Coordinator of ${ORG.name}`).waitFor();
    expect(await seriousViolations(page), 'the invitation').toEqual([]);

    // The coordinator opens it (in this browser: it replaces the admin's session).
    await signIn(page, link);
    await openIn(page, '/manage#venues', 'en');
    await page.getByText(`Signed in as ${COORDINATOR.name} — coordinator of ${ORG.name}`).waitFor();
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    // The demo edition (another test file may have made an edition that sorts first).
    await page.getByLabel('Edition', { exact: true }).selectOption(EDITION);
    await page.getByRole('button', { name: 'New venue' }).click();
    await page.getByLabel('Name', { exact: true }).fill(VENUE);
    await page.getByLabel('Starts at').fill('17:30');
    await page.getByLabel('Ends at').fill('20:30');
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');
    const pin = page.getByRole('button', { name: 'The venue’s pin' });
    await pin.focus();
    await pin.press('ArrowRight');
    await page.getByLabel('Seats').fill('30');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`${VENUE} is saved.`).waitFor();
    await page.getByRole('button', { name: `Publish: ${VENUE}` }).click();
    await page.getByText(`${VENUE} is published.`).waitFor();

    // On the public map: /embed, the map's list, the venue by its ID and name.
    const { organisation: pub } = await gql<{
      organisation: {
        locations: { nodes: { id: string; name: string; coordinates: { lng: number } }[] };
      };
    }>(
      `query ($slug: String!, $edition: String!) {
        organisation(slug: $slug) { locations(edition: $edition, first: 10) { nodes { id name coordinates { lng } } } }
      }`,
      { slug: ORG.slug, edition: EDITION },
    );
    const venue = pub.locations.nodes.find((n) => n.name === VENUE);
    expect(venue?.coordinates.lng).toBeCloseTo(OUDEGRACHT.lng + 0.0001, 5);
    await page.goto(`${API}/embed?edition=${EDITION}&lang=en`);
    const toggle = page.locator('tafel-map [part~="list-toggle"]');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const item = page.locator(`tafel-map .list li button[data-id="${venue!.id}"]`);
    const more = page.locator('tafel-map .list button.more');
    // The list shows 100 at a time: "show more" until the venue is there (once the list is loaded).
    await page.locator('tafel-map .list li button').first().waitFor();
    while ((await item.count()) === 0 && (await more.count()) > 0) await more.click();
    expect(await item.textContent()).toContain(VENUE);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
