/**
 * The portal's spreadsheet upload: a CSV with three bad rows is checked and refused with every
 * problem shown by line and column, nothing saved; the fixed file checks clean, is saved on
 * "Save", and its venues are then in the API. axe in four languages, with and without problems.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
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
/** An organisation of its own: no other test writes to it. */
const SLUG = 'spreadsheet-tafel';

const HEADER = 'external_id,name,lat,lng,meal,starts_at,description,status';
const good = (n: number, extra = '') =>
  `sheet-${n},Tafel ${n},52.${10 + n},5.1,DINNER,18:00,Samen eten${extra},PUBLISHED`;
const BAD = [
  HEADER,
  good(1),
  'sheet-2,Tafel 2,abc,5.1,DINNER,18:00,Samen eten,PUBLISHED',
  'sheet-3,Tafel 3,52.13,5.1,DINNER,25:00,Samen eten,PUBLISHED',
  'sheet-4,Tafel 4,52.14,5.1,DINNER,18:00,"=HYPERLINK(""http://x.example"")",PUBLISHED',
].join('\n');
const FIXED = [HEADER, good(1), good(2), good(3), good(4)].join('\n');
const csv = (text: string) => ({
  name: 'venues.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

async function venues(): Promise<string[]> {
  const { organisation } = await gql<{
    organisation: { locations: { nodes: { name: string }[] } } | null;
  }>(
    `query ($slug: String!, $edition: String!) {
      organisation(slug: $slug) { locations(edition: $edition, first: 100) { nodes { name } } }
    }`,
    { slug: SLUG, edition: EDITION },
  );
  return (organisation?.locations.nodes ?? []).map((v) => v.name).sort();
}

describe('importing a spreadsheet in the portal', () => {
  const tabs: import('playwright-core').Page[] = [];
  afterAll(async () => {
    for (const tab of tabs) if (!tab.isClosed()) await tab.close();
  });

  it('shows every problem by line and column, saves nothing, then saves the fixed file', async () => {
    const { createOrganisation } = await gql<{
      createOrganisation: { userErrors: { message: string }[] };
    }>(
      `mutation ($input: CreateOrganisationInput!) {
        createOrganisation(input: $input) { userErrors { message } }
      }`,
      { input: { slug: SLUG, name: 'Spreadsheettafel', approved: true } },
      staffKey(),
    );
    expect(createOrganisation.userErrors).toEqual([]);
    const link = await invite({ email: `sheet@${SLUG}.test`, organisation: SLUG });
    const { page, errors } = await newPage(ctx.browser);
    tabs.push(page);
    await signIn(page, link);
    const file = page.getByLabel(/CSV/).first();

    for (const lang of LANGS) {
      await openIn(page, '/manage#import', lang);
      await page.locator('#file').waitFor();
      await page.locator('#edition option').first().waitFor({ state: 'attached' });
      expect(await seriousViolations(page), lang).toEqual([]);
      await page.locator('#file').setInputFiles(csv(BAD));
      await page.locator('tafel-section-import button[type=submit]').click();
      await page.locator('#problems-title').waitFor();
      expect(await seriousViolations(page), `${lang} with problems`).toEqual([]);
    }

    await openIn(page, '/manage#import', 'en');
    await file.waitFor();
    // The demo edition (other tests add editions nearer today).
    await page.locator('#edition').selectOption(EDITION);
    await file.setInputFiles(csv(BAD));
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.locator('#problems-title').textContent())
      .toContain('3 problems, nothing saved');
    // Focus moves to the list of problems, so a screen reader reads it next.
    expect(
      await page
        .locator('#problems-title')
        .evaluate((h) => (h.getRootNode() as ShadowRoot).activeElement === h),
    ).toBe(true);
    const rows = await page
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())),
      );
    expect(rows.map(([line, column]) => [line, column])).toEqual([
      ['3', 'lat'],
      ['4', 'starts_at'],
      ['5', 'description'],
    ]);
    expect(rows[0]![2]).toContain('"abc" is not a number');
    expect(rows[2]![2]).toContain('formula');
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await venues()).toEqual([]);

    await file.setInputFiles(csv(FIXED));
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Checked, no problems: 4 new');
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await venues()).toEqual([]);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved: 4 new');
    expect(await venues()).toEqual(['Tafel 1', 'Tafel 2', 'Tafel 3', 'Tafel 4']);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
