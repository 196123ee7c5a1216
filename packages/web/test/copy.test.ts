/**
 * "Copy last year's venues into this edition" in the portal, in Chromium against the real API:
 * a second edition made with the staff key, a coordinator copies the organisation's venues of the
 * demo edition into it, and the list shows them as drafts, at the same local times; axe with the
 * copy form open in four languages.
 */
import { describe, expect, it } from 'vitest';
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
const ORG = 'handicap-en-werk';
/** Far from today and before the demo's day: neither the newest edition nor the nearest. */
const TARGET = { slug: 'copy-2025', name: 'Kopieerdag', date: '2025-10-09' };

interface Row {
  name: string;
  status: string;
  startsAt: string | null;
}

/** The organisation's venues in an edition, as the signed-in coordinator's page reads them. */
async function mine(page: import('playwright-core').Page, edition: string): Promise<Row[]> {
  const answer = (await page.evaluate(async (e) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query ($e: String!) { viewer { locations(edition: $e, first: 1000) { nodes { name status startsAt } } } }',
        variables: { e },
      }),
    });
    return response.json();
  }, edition)) as { data: { viewer: { locations: { nodes: Row[] } } } };
  return answer.data.viewer.locations.nodes;
}

const clock = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : null;

describe('copy last year’s venues', () => {
  it('copies the organisation’s venues into another edition as drafts, listed at once', async () => {
    const { createEdition } = await gql<{ createEdition: { userErrors: unknown[] } }>(
      `mutation ($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
      { input: TARGET },
      staffKey(),
    );
    expect(createEdition.userErrors).toEqual([]);
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'copy@handicap-en-werk.test', organisation: ORG }));
    const sources = (await mine(page, EDITION)).filter((v) => v.status !== 'CANCELLED');
    expect(sources.length).toBeGreaterThan(0);

    for (const lang of LANGS) {
      await openIn(page, '/manage#venues', lang);
      await page.locator('#venues-title').waitFor();
      await page.locator('tafel-copy-venues button[aria-expanded]').click();
      await page.locator('#copy-from').waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    await openIn(page, '/manage#venues', 'en');
    await page.getByLabel('Edition', { exact: true }).selectOption(TARGET.slug);
    await page.getByText('No venues in this edition yet.').waitFor();
    const open = page.getByRole('button', { name: 'Copy last year’s venues into this edition' });
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Copy from edition').selectOption(EDITION);
    await page.getByRole('button', { name: 'Copy as drafts' }).click();
    await page.getByText(`${sources.length} venues copied as drafts.`).waitFor();
    await page.getByRole('heading', { name: `Drafts (${sources.length})` }).waitFor();
    expect(await page.getByRole('heading', { name: /Published/ }).count()).toBe(0);
    expect(await seriousViolations(page), 'after the copy').toEqual([]);

    const copies = await mine(page, TARGET.slug);
    expect(copies.every((c) => c.status === 'DRAFT')).toBe(true);
    const times = (rows: Row[]) => rows.map((r) => `${r.name} ${clock(r.startsAt)}`).sort();
    expect(times(copies)).toEqual(times(sources));

    // Again: nothing more, and each venue named as already there.
    await page.getByRole('button', { name: 'Copy as drafts' }).click();
    await page.getByText('No venues copied.').waitFor();
    expect(await page.getByText('already in this edition').count()).toBe(sources.length);
    expect(await mine(page, TARGET.slug)).toHaveLength(sources.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
