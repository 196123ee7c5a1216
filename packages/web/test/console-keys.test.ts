/**
 * The console's keys (`#all-keys`) in Chromium against the real API: a staff admin sees two
 * organisations' keys, filters to one, revokes a key after confirming (the API then refuses it:
 * 401), shows the revoked ones too, is refused a new key in the page and by the server at the
 * field it names (nothing changes), issues a key for an organisation and sees its secret once,
 * copies it; axe in four languages and at a phone's width. Coordinators and moderators have no
 * such section.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { API, gql, LANGS, seriousViolations, signedIn, staffKey, useBrowser } from './support.ts';

const ctx = useBrowser();
const NORTH = { slug: 'keys-noord', name: 'Sleutels Noord' };
const SOUTH = { slug: 'keys-zuid', name: 'Sleutels Zuid' };

interface Listed {
  prefix: string;
  label: string | null;
  revokedAt: string | null;
}

/** An organisation's keys as the API lists them to staff, revoked ones too. */
async function keysOf(slug: string): Promise<Listed[]> {
  const { apiKeys } = await gql<{ apiKeys: Listed[] }>(
    'query ($o: String) { apiKeys(organisation: $o, includeRevoked: true) { prefix label revokedAt } }',
    { o: slug },
    staffKey(),
  );
  return apiKeys;
}

/** A new organisation with one key; the key's secret. */
async function organisationWithKey(org: { slug: string; name: string }, label: string) {
  await gql(
    `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }`,
    { input: org },
    staffKey(),
  );
  const { issueApiKey } = await gql<{ issueApiKey: { secret: string } }>(
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret } }`,
    { input: { organisation: org.slug, label, scopes: ['LOCATIONS_WRITE'] } },
    staffKey(),
  );
  return issueApiKey.secret;
}

/** The HTTP status of a request made with a key. */
async function statusWith(secret: string): Promise<number> {
  const response = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ viewer { keyPrefix } }' }),
  });
  return response.status;
}

/** A key's card in the list, by its label. */
function card(page: Page, label: string) {
  return page.getByRole('listitem').filter({ hasText: label });
}

async function listed(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByText(/Laden…|Loading…|Wird geladen…|Indlæser…/).count())
    .toBe(0);
}

describe('the console’s keys', () => {
  it('lists every organisation’s keys, filters, revokes, issues with the secret once', async () => {
    const north = await organisationWithKey(NORTH, 'noord-rooster');
    const south = await organisationWithKey(SOUTH, 'zuid-koppeling');
    const { page, errors } = await signedIn(ctx.browser, {
      email: 'kees.keys@tafel.test',
      name: 'Kees',
      role: 'ADMIN',
    });

    for (const width of [1024, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of LANGS) {
        await page.goto(`${API}/manage?lang=${lang}#all-keys`);
        await page.getByRole('heading', { level: 2 }).waitFor();
        await listed(page);
        await card(page, 'noord-rooster').waitFor();
        expect(await seriousViolations(page), `${lang} ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(overflow, `${lang} ${width}px scrolls sideways`).toBe(false);
      }
    }
    await page.setViewportSize({ width: 1024, height: 800 });

    // Both organisations' keys, each with its organisation's name.
    await page.goto(`${API}/manage?lang=en#all-keys`);
    await page.getByRole('link', { name: 'All API keys' }).waitFor();
    await page.getByRole('heading', { name: 'All API keys', level: 2 }).waitFor();
    await card(page, 'noord-rooster').getByText(NORTH.name).waitFor();
    await card(page, 'zuid-koppeling').getByText(SOUTH.name).waitFor();
    await card(page, 'zuid-koppeling')
      .getByText(/Write venues · Created: .* · Last used: /)
      .waitFor();

    // Only the north's.
    await page.getByLabel('Organisation', { exact: true }).selectOption(NORTH.slug);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => card(page, 'zuid-koppeling').count()).toBe(0);
    await page.getByText('1 key(s).').waitFor();

    // Revoke it, with the keyboard: the question first, then the answer.
    const [northKey] = await keysOf(NORTH.slug);
    await card(page, 'noord-rooster').getByRole('button', { name: 'Revoke' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('heading', {
      name: `Revoke key ${northKey!.prefix}? Systems using it are refused at once.`,
    });
    await question.waitFor();
    expect(
      await question.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true);
    expect(await statusWith(north)).toBe(200);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Key ${northKey!.prefix} is revoked.`).waitFor();
    await expect.poll(() => card(page, 'noord-rooster').count()).toBe(0);
    expect((await keysOf(NORTH.slug))[0]!.revokedAt).not.toBeNull();
    expect(await statusWith(north)).toBe(401);
    expect(await statusWith(south)).toBe(200);

    // Revoked ones too: it is there, marked, with nothing to do.
    await page.getByLabel('Revoked keys too').check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const revoked = card(page, 'noord-rooster');
    await revoked.getByText(/^\s*Revoked on /).waitFor();
    expect(await revoked.getByRole('button').count()).toBe(0);

    // A new key: the page's own checks first, at the top and at each field; nothing is made.
    const before = (await keysOf(SOUTH.slug)).length;
    const owner = page.getByLabel('For whom');
    // It starts at the organisation shown; here no one is chosen.
    expect(await owner.inputValue()).toBe(NORTH.slug);
    await owner.selectOption('');
    await page.getByLabel('Write venues').uncheck();
    await page.getByRole('button', { name: 'Create key' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText('Choose an organisation or staff.').waitFor();
    await summary.getByText('Choose at least one.').waitFor();
    expect(await owner.getAttribute('aria-invalid')).toBe('true');
    expect(await owner.getAttribute('aria-describedby')).toContain('error-organisation');
    expect(await page.getByLabel('Write venues').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page), 'with errors').toEqual([]);

    // The server's refusal, at the field it names: an organisation gone since the page loaded.
    await owner.selectOption(SOUTH.slug);
    await owner.evaluate((select: HTMLSelectElement) => {
      select.selectedOptions[0]!.value = 'keys-verdwenen';
    });
    await page.getByLabel('Write venues').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.locator('#error-organisation').getByText('No organisation with slug').waitFor();
    expect(await owner.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').getByText('Choose at least one.').count()).toBe(0);
    expect((await keysOf(SOUTH.slug)).length).toBe(before);

    // Issued: the secret once, copied, and it works for the south.
    await page.reload();
    await page.getByLabel('For whom').selectOption(SOUTH.slug);
    await page.getByLabel('What for (optional)').fill('zuid-nieuw');
    await page.getByLabel('Report participants').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('alert').filter({ hasText: `new key for ${SOUTH.name}` });
    const secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^tafel_/);
    await ctx.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: API,
    });
    await shown.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const { viewer } = await gql<{ viewer: { organisation: { slug: string } } }>(
      '{ viewer { organisation { slug } } }',
      {},
      secret,
    );
    expect(viewer.organisation.slug).toBe(SOUTH.slug);
    const made = (await keysOf(SOUTH.slug)).find((k) => k.label === 'zuid-nieuw')!;
    expect(secret.startsWith(made.prefix)).toBe(true);
    await card(page, 'zuid-nieuw').getByText('Write venues, Report participants').waitFor();

    // Never again: the list has its prefix, the page not its secret.
    await page.reload();
    await card(page, 'zuid-nieuw').getByText(`${made.prefix}…`).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);

    // A staff key: no organisation's; listed among the staff's.
    await page.getByLabel('For whom').selectOption({ label: 'Staff (may do everything)' });
    await page.getByLabel('What for (optional)').fill('staf-export');
    await page.getByRole('button', { name: 'Create key' }).click();
    const staff = (await page
      .getByRole('alert')
      .filter({ hasText: 'new key for Staff key' })
      .locator('code')
      .textContent())!;
    const asStaff = await gql<{ viewer: { organisation: unknown; keyPrefix: string } }>(
      '{ viewer { organisation { slug } keyPrefix } }',
      {},
      staff,
    );
    expect(asStaff.viewer.organisation).toBeNull();
    await page
      .getByLabel('Organisation', { exact: true })
      .selectOption({ label: 'Staff keys only' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    // The list before the filter had both: wait for the filtered one to replace it.
    await expect.poll(() => card(page, 'zuid-nieuw').count()).toBe(0);
    await card(page, 'staf-export').getByText('Staff key', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is no section of a coordinator’s or a moderator’s', async () => {
    for (const [email, input] of [
      ['coco.keys@tafel.test', { organisation: 'taalmaatjes' }],
      ['mo.keys@tafel.test', { role: 'MODERATOR' as const }],
    ] as const) {
      const { page, errors } = await signedIn(ctx.browser, { email, ...input });
      await page.goto(`${API}/manage?lang=en#all-keys`);
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      expect(await page.getByRole('link', { name: 'All API keys' }).count(), email).toBe(0);
      expect(await page.getByRole('heading', { name: 'All API keys' }).count(), email).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
