/**
 * The console's organisations, edit and approve, in Chromium against the real API: a staff admin
 * finds an organisation that is not approved yet, sees its contact (read only), edits its name
 * and website (the browser's checks first, then the server's), approves it, and the API has
 * both; axe with the edit form open in four languages.
 */
import { describe, expect, it } from 'vitest';
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
const SLUG = 'console-unapproved';

async function organisation() {
  const { organisations } = await gql<{
    organisations: {
      nodes: { slug: string; name: string; website: string | null; approvedAt: string | null }[];
    };
  }>('{ organisations(first: 500) { nodes { slug name website approvedAt } } }', {}, staffKey());
  return organisations.nodes.find((o) => o.slug === SLUG)!;
}

describe('the console’s organisations: edit and approve', () => {
  it('edits the name and website, checked first in the page, and approves', async () => {
    await gql(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }`,
      { input: { slug: SLUG, name: 'Stichting Ongekeurd' } },
      staffKey(),
    );
    await gql(
      `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { userErrors { message } } }`,
      {
        input: {
          organisation: SLUG,
          contact: { name: 'Onno Ongekeurd', email: 'onno@ongekeurd.test', phone: '030 123 4567' },
        },
      },
      staffKey(),
    );
    const { page, errors } = await newPage(ctx.browser);
    await signIn(
      page,
      await invite({ email: 'olga.orgs@tafel.test', name: 'Olga', role: 'ADMIN' }),
    );
    const find = async (lang: string, name: string) => {
      await page.goto(`${API}/manage?lang=${lang}#organisations`);
      const search = page.locator('#field-search');
      await search.fill(name);
      await search.press('Enter');
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name, exact: true }) });
      await card.waitFor();
      return card;
    };

    for (const lang of LANGS) {
      const card = await find(lang, 'Stichting Ongekeurd');
      await card.locator('[data-org-edit]').click();
      await page.locator('#field-name').waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    const card = await find('en', 'Stichting Ongekeurd');
    await card.getByText('Not approved yet').waitFor();
    // The contact, read only: the organisation keeps it in its profile.
    await card.getByText('Contact: Onno Ongekeurd').waitFor();
    expect(await card.getByRole('link', { name: 'onno@ongekeurd.test' }).getAttribute('href')).toBe(
      'mailto:onno@ongekeurd.test',
    );
    expect(await card.getByRole('link', { name: '030 123 4567' }).getAttribute('href')).toBe(
      'tel:0301234567',
    );
    await card.getByRole('button', { name: 'Edit' }).click();
    const name = page.getByLabel('Name', { exact: true });
    const website = page.getByLabel('Website');
    expect(await name.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
      true,
    );
    await name.fill('  ');
    await website.fill('ftp://ongekeurd.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('Enter the name.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    expect(await website.getAttribute('aria-describedby')).toContain('error-website');
    expect(await seriousViolations(page), 'with errors').toEqual([]);
    expect((await organisation()).name).toBe('Stichting Ongekeurd');

    await name.fill('Stichting Goedgekeurd');
    await website.fill('https://goedgekeurd.test');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Stichting Goedgekeurd is saved.').waitFor();
    expect(await organisation()).toMatchObject({
      name: 'Stichting Goedgekeurd',
      website: 'https://goedgekeurd.test',
      approvedAt: null,
    });

    const renamed = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Stichting Goedgekeurd', exact: true }) });
    await renamed.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByText('Stichting Goedgekeurd is approved; its waiting venues are public.')
      .waitFor();
    await renamed.getByText(/^\s*Approved on /).waitFor();
    expect(await renamed.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect((await organisation()).approvedAt).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
