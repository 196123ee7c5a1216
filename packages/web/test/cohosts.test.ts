/**
 * Co-hosts in the portal, in Chromium against the real API: the host's coordinator finds a mosque
 * by name in the venue form and adds it as a co-host (and the public API names it); the mosque's
 * coordinator then sees the venue in its own list, marked "Co-host — hosted by …", with no button
 * that would change it. axe in four languages on the form's co-hosts and on the co-host's list.
 */
import { describe, expect, it } from 'vitest';
import {
  createVenue,
  EDITION,
  gql,
  invite,
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
const run = Date.now().toString(36);
const HOST = { slug: `ouderen-boz-${run}`, name: `Ouderenbond Bergen op Zoom ${run}` };
const COHOST = { slug: `turkse-moskee-${run}`, name: `Turkse Moskee Bergen op Zoom ${run}` };
const VENUE = 'Eten met de buren';

async function organisation(input: { slug: string; name: string }): Promise<void> {
  const { createOrganisation } = await gql<{ createOrganisation: { userErrors: unknown[] } }>(
    `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }`,
    { input: { ...input, kind: 'FAITH_COMMUNITY', approved: true } },
    staffKey(),
  );
  expect(createOrganisation.userErrors).toEqual([]);
}

describe('co-hosts in the portal', () => {
  it('the host adds a co-host; the co-host’s coordinator sees the venue, read only', async () => {
    await organisation(HOST);
    await organisation(COHOST);
    const { edition } = await gql<{ edition: { date: string } }>(
      `query ($e: String!) { edition(slug: $e) { date } }`,
      { e: EDITION },
    );
    const { page, errors } = await newPage(ctx.browser);
    await serveBlankTiles(page);

    // The host's coordinator: its venue, and the co-host chosen in the venue form.
    await signIn(page, await invite({ email: `host-${run}@boz.test`, organisation: HOST.slug }));
    const id = await createVenue(page, {
      edition: EDITION,
      name: VENUE,
      meal: 'DINNER',
      startsAt: `${edition.date}T17:00:00Z`,
      endsAt: `${edition.date}T20:00:00Z`,
      capacity: 40,
      coordinates: { lat: 51.4949, lng: 4.2889 },
      address: { city: 'Bergen op Zoom', region: 'NL-NB' },
    });
    await openIn(page, '/manage#venues', 'en');
    await page.getByRole('button', { name: `Edit: ${VENUE}` }).click();
    await page.getByRole('heading', { name: 'Co-hosts' }).waitFor();
    const picker = page.locator('tafel-cohost-picker');
    await picker.getByText('No co-hosts yet.').waitFor();
    await page.getByLabel('Find an organisation').fill(`Turkse Moskee Bergen op Zoom ${run}`);
    await picker.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Add: ${COHOST.name}` }).click();
    await page.getByText(`${COHOST.name} is added as a co-host.`).waitFor();
    await page.getByRole('button', { name: `Remove: ${COHOST.name}` }).waitFor();
    // The host itself is never offered.
    await page.getByLabel('Find an organisation').fill(HOST.name);
    await picker.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No organisation found by that name.').waitFor();
    for (const lang of LANGS) {
      await openIn(page, '/manage#venues', lang);
      await page.locator('#venues-title').waitFor();
      await page.locator(`button[aria-label$=": ${VENUE}"]`).first().click();
      await picker.getByRole('listitem').first().waitFor();
      expect(await seriousViolations(page), `${lang} the venue form's co-hosts`).toEqual([]);
    }

    // The public reads the co-host by name.
    const { location } = await gql<{ location: { cohosts: { slug: string }[] } }>(
      `query ($id: ID!) { location(id: $id) { cohosts { slug } } }`,
      { id },
    );
    expect(location.cohosts).toEqual([{ slug: COHOST.slug }]);

    // The co-host's coordinator: the venue in its list, marked and without a button.
    await signIn(
      page,
      await invite({ email: `moskee-${run}@boz.test`, organisation: COHOST.slug }),
    );
    await openIn(page, '/manage#venues', 'en');
    const list = page.getByRole('list', { name: /Venues you co-host/ });
    await list.waitFor();
    const item = list.getByRole('listitem').filter({ hasText: VENUE });
    expect(await item.textContent()).toContain(`Co-host — hosted by ${HOST.name}`);
    expect(await item.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: `Edit: ${VENUE}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Cancel: ${VENUE}` }).count()).toBe(0);
    for (const lang of LANGS) {
      await openIn(page, '/manage#venues', lang);
      await page.locator('#group-cohosted').waitFor();
      expect(await seriousViolations(page), `${lang} the co-host's list`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
