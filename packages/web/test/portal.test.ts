/**
 * The member portal, end to end in Chromium against the real API: a coordinator invited through
 * the API signs in with the link, finds a venue's place by address search (the test's fake
 * geocoder behind TAFEL_GEOCODER_URL) and the pin, saves it as a draft, publishes it — and the
 * public API has it. The form's own checks and the server's userErrors at their fields; the
 * organisation's keys (the secret once; revoke); a coordinator of A can neither see nor change
 * B's venues or keys; axe in four languages on each section.
 */
import { describe, expect, it } from 'vitest';
import { OUDEGRACHT } from './fake-geocoder.ts';
import {
  API,
  EDITION,
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
const A = 'taalmaatjes';
const B = 'ouderen-verbonden';
const NAME = 'Tafel aan de Oudegracht';
/** A transparent 1×1 PNG: the map's tiles, without going to the internet. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A GraphQL request from the page itself, with its session cookie. */
function fromPage(query: string, variables: Record<string, unknown> = {}) {
  return async (page: import('playwright-core').Page) =>
    page.evaluate(
      async ([q, v]) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return response.json();
      },
      [query, variables] as const,
    );
}

describe('the member portal', () => {
  it('a coordinator creates a venue by address and pin, publishes it, and the public sees it', async () => {
    const link = await invite({
      email: 'coordinator.a@taalmaatjes.test',
      name: 'Coco A',
      organisation: A,
    });
    const { page, errors } = await newPage(ctx.browser);
    await page.unroute(/tile\.openstreetmap\.org/);
    await page.route(/tile\.openstreetmap\.org/, (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    );
    await signIn(page, link);

    for (const lang of LANGS) {
      for (const section of ['venues', 'keys', 'profile']) {
        await openIn(page, `/manage#${section}`, lang);
        await page.locator(`#${section}-title`).waitFor();
        expect(await seriousViolations(page), `${lang} #${section}`).toEqual([]);
      }
    }

    await openIn(page, '/manage#venues', 'en');
    await page.getByRole('button', { name: 'New venue' }).click();
    await page.getByRole('heading', { name: 'New venue' }).waitFor();
    expect(await seriousViolations(page), 'the form').toEqual([]);

    // The browser's checks: nothing filled in → the name and the place, the name focused.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
      true,
    );
    expect(await page.getByText('First search the address and place the pin.').isVisible()).toBe(
      true,
    );

    await name.fill(NAME);
    await page.getByLabel('Starts at').fill('18:00');
    await page.getByLabel('Ends at').fill('21:00');
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');
    expect(await page.getByLabel('Street and number').inputValue()).toBe('Oudegracht 1');
    expect(await page.getByLabel('Region').inputValue()).toBe('NL-UT');
    // The pin, moved with the keyboard: one step north.
    const pin = page.getByRole('button', { name: 'The venue’s pin' });
    await pin.focus();
    await pin.press('ArrowUp');
    await page.getByLabel('Seats').fill('40');
    await page.getByLabel('Languages spoken').fill('nl, ar');
    await page.getByLabel('Wheelchair accessible').check();
    expect(await seriousViolations(page), 'the form with its map').toEqual([]);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`${NAME} is saved.`).waitFor();
    await page.getByRole('heading', { name: /Drafts/ }).waitFor();

    // Drafts are not public; publishing makes it so.
    const publicNames = async () => {
      const { organisation } = await gql<{
        organisation: { locations: { nodes: { name: string; coordinates: { lat: number } }[] } };
      }>(
        `query ($slug: String!, $edition: String!) {
          organisation(slug: $slug) { locations(edition: $edition, first: 1000) { nodes { name coordinates { lat } } } }
        }`,
        { slug: A, edition: EDITION },
      );
      return organisation.locations.nodes.filter((n) => n.name === NAME);
    };
    expect(await publicNames()).toEqual([]);
    await page.getByRole('button', { name: `Publish: ${NAME}` }).click();
    await page.getByText(`${NAME} is published.`).waitFor();
    const [published] = await publicNames();
    expect(published?.coordinates.lat).toBeCloseTo(OUDEGRACHT.lat + 0.0001, 5);

    // The server's userErrors at their field: the same own reference twice.
    await page.getByRole('button', { name: `Edit: ${NAME}` }).click();
    await page.getByLabel('Your own reference (optional)').fill('oudegracht-1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`${NAME} is saved.`).waitFor();
    await page.getByRole('button', { name: 'New venue' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Tweede tafel');
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');
    const ref = page.getByLabel('Your own reference (optional)');
    await ref.fill('oudegracht-1');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => ref.getAttribute('aria-invalid')).toBe('true');
    expect(await ref.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
      true,
    );
    const described = await ref.getAttribute('aria-describedby');
    expect(described).toBe('externalId-error');

    // Cancel from the list.
    await page.getByRole('button', { name: 'Back to the list' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Cancel venue: ${NAME}` }).click();
    await page.getByText(`${NAME} is cancelled.`).waitFor();
    await page.getByRole('heading', { name: /Cancelled/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the profile: checked in the browser, saved through updateOrganisation', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'coordinator.a3@taalmaatjes.test', organisation: A }));
    await openIn(page, '/manage#profile', 'en');
    const website = page.getByLabel('Website');
    await expect.poll(() => page.getByLabel('Name').inputValue()).not.toBe('');
    await website.fill('ftp://taalmaatjes.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
    expect(await website.getAttribute('aria-describedby')).toBe('website-error');
    await website.fill('https://taalmaatjes.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The profile is saved.').waitFor();
    const { organisation } = await gql<{ organisation: { website: string } }>(
      'query ($s: String!) { organisation(slug: $s) { website } }',
      { s: A },
    );
    expect(organisation.website).toBe('https://taalmaatjes.test');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the profile’s contact: checked as the server checks it, saved, seen by staff only', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'coordinator.a4@taalmaatjes.test', organisation: A }));
    await openIn(page, '/manage#profile', 'en');
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).not.toBe('');
    const saves: string[] = [];
    page.on('request', (r) => {
      if (r.postData()?.includes('updateOrganisation')) saves.push(r.postData()!);
    });
    const person = page.getByLabel('Contact person');
    const email = page.getByLabel('E-mail address');
    const phone = page.getByLabel('Phone number');
    await person.fill('Coco Contact');
    await email.fill('coco at taalmaatjes');
    await phone.fill('bel maar');
    await page.getByRole('button', { name: 'Save' }).click();
    // Each problem at its field, the first of them focused; nothing sent.
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe(
      'contactEmail-hint contactEmail-error',
    );
    await page.locator('#contactEmail-error').getByText('Enter a valid e-mail address').waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await page.locator('#contactPhone-error').getByText('6 to 15 digits').waitFor();
    expect(await person.getAttribute('aria-invalid')).toBe('false');
    expect(
      await email.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true);
    expect(await seriousViolations(page), 'with errors').toEqual([]);
    expect(saves, 'refused in the browser, nothing sent').toEqual([]);
    const contactOf = async (key?: string) =>
      (
        await gql<{ organisation: { contact: Record<string, string | null> | null } }>(
          'query ($s: String!) { organisation(slug: $s) { contact { name email phone } } }',
          { s: A },
          key,
        )
      ).organisation.contact;
    expect(await contactOf(staffKey())).toBeNull();

    await email.fill('coco@taalmaatjes.test');
    await phone.fill('+31 30  123 4567');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The profile is saved.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('false');
    expect(saves.length).toBe(1);
    const contact = {
      name: 'Coco Contact',
      email: 'coco@taalmaatjes.test',
      phone: '+31 30 123 4567',
    };
    expect(await contactOf(staffKey())).toEqual(contact);
    expect(await contactOf()).toBeNull();

    // Opened again, the form shows what is kept; emptied, it is gone.
    await openIn(page, '/manage#profile', 'nl');
    await expect.poll(() => page.getByLabel('E-mailadres').inputValue()).toBe(contact.email);
    expect(await page.getByLabel('Telefoonnummer').inputValue()).toBe(contact.phone);
    for (const label of ['Contactpersoon', 'E-mailadres', 'Telefoonnummer'])
      await page.getByLabel(label).fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het profiel is opgeslagen.').waitFor();
    expect(await contactOf(staffKey())).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keys: made with the secret shown once, listed, revoked; A never reaches B’s venues or keys', async () => {
    const { page, errors } = await newPage(ctx.browser);
    const link = await invite({ email: 'coordinator.a2@taalmaatjes.test', organisation: A });
    await signIn(page, link);
    await openIn(page, '/manage#keys', 'en');
    await page.getByLabel('What for (optional)').fill('rooster');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.locator('code').first().textContent()) ?? '';
    expect(secret).toMatch(/^tafel_/);
    const viewer = await gql<{ viewer: { organisation: { slug: string } } }>(
      '{ viewer { organisation { slug } } }',
      {},
      secret,
    );
    expect(viewer.viewer.organisation.slug).toBe(A);
    const prefix = secret.slice(0, 8);
    await page.getByText('rooster').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: new RegExp(`^Revoke: ${prefix}`) }).click();
    await page.getByText(/is revoked\./).waitFor();
    const refused = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewer { keyPrefix } }' }),
    });
    expect(refused.status).toBe(401);

    // B's venue: not in A's list, not changeable, not cancellable; B's keys not listed.
    const { organisation } = await gql<{
      organisation: { locations: { nodes: { id: string; name: string }[] } };
    }>(
      `query ($slug: String!, $edition: String!) { organisation(slug: $slug) { locations(edition: $edition, first: 1) { nodes { id name } } } }`,
      { slug: B, edition: EDITION },
    );
    const theirs = organisation.locations.nodes[0]!;
    const mine = (await fromPage(
      `query ($e: String!) { viewer { locations(edition: $e, first: 1000) { nodes { id } } } }`,
      { e: EDITION },
    )(page)) as { data: { viewer: { locations: { nodes: { id: string }[] } } } };
    expect(mine.data.viewer.locations.nodes.map((n) => n.id)).not.toContain(theirs.id);
    await openIn(page, '/manage#venues', 'en');
    await page.getByRole('heading', { name: 'Venues' }).waitFor();
    expect(await page.getByText(theirs.name, { exact: true }).count()).toBe(0);
    for (const mutation of [
      `mutation ($id: ID!) { updateLocation(input: { id: $id, name: "Gekaapt" }) { location { id } userErrors { code } } }`,
      `mutation ($id: ID!) { cancelLocation(input: { id: $id }) { location { id } userErrors { code } } }`,
    ]) {
      const answer = (await fromPage(mutation, { id: theirs.id })(page)) as {
        data: Record<string, { location: unknown }> | null;
        errors?: unknown[];
      };
      const payload = answer.data ? Object.values(answer.data)[0] : null;
      expect(payload?.location ?? null).toBeNull();
    }
    const still = await gql<{ node: { name: string; status: string } }>(
      `query ($id: ID!) { node(id: $id) { ... on Location { name status } } }`,
      { id: theirs.id },
    );
    expect(still.node).toEqual({ name: theirs.name, status: 'PUBLISHED' });
    const keys = (await fromPage(
      `query ($o: String) { apiKeys(organisation: $o, includeRevoked: true) { organisation { slug } } }`,
      {
        o: B,
      },
    )(page)) as { data: { apiKeys: unknown[] } };
    expect(keys.data.apiKeys).toEqual([]);
    // The only errors: the refusals of B's venue (403) this test asked for.
    expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
    await page.close();
  });
});
