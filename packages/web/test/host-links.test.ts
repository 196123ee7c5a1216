/**
 * The portal's host links: a coordinator makes a link per venue and a sheet of QR codes to
 * print; each code carries exactly the link under it, the link opens that venue's counter, and
 * a revoked link stops working. axe in four languages, before and after the sheet.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { qrPath } from '../src/portal/qr-code.ts';
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
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
/** Organisations other tests write to: this one keeps out of their way. */
const TAKEN = new Set(['taalmaatjes', 'ouderen-verbonden']);

interface Listed {
  id: string;
  name: string;
  organisation: { slug: string };
}

/** An organisation with two to four published venues in the demo edition, and those venues. */
async function anOrganisation(): Promise<{ slug: string; venues: Listed[] }> {
  const { locations } = await gql<{ locations: { nodes: Listed[] } }>(
    `query ($edition: String!) {
      locations(edition: $edition, first: 1000) { nodes { id name organisation { slug } } }
    }`,
    { edition: EDITION },
  );
  const by = new Map<string, Listed[]>();
  for (const venue of locations.nodes)
    by.set(venue.organisation.slug, [...(by.get(venue.organisation.slug) ?? []), venue]);
  const [slug, venues] = [...by.entries()]
    .filter(([s, v]) => !TAKEN.has(s) && v.length >= 2 && v.length <= 4)
    .sort(([a], [b]) => a.localeCompare(b))[0]!;
  return { slug, venues };
}

/** The section, on the demo edition (other tests add editions nearer today). */
async function openSection(page: import('playwright-core').Page, lang: string): Promise<void> {
  await openIn(page, '/manage#host-links', lang);
  const edition = page.locator('#edition');
  await edition.locator(`option[value="${EDITION}"]`).waitFor({ state: 'attached' });
  await edition.selectOption(EDITION);
}

describe('host links in the portal', () => {
  const tabs: import('playwright-core').Page[] = [];
  afterAll(async () => {
    for (const tab of tabs) if (!tab.isClosed()) await tab.close();
  });

  it('makes a sheet of QR codes that carry the links, which open the counter; revoking stops one', async () => {
    const { slug, venues } = await anOrganisation();
    const link = await invite({
      email: `hosts@${slug}.test`,
      name: 'Hanna Host',
      organisation: slug,
    });
    const { page, errors } = await newPage(ctx.browser);
    tabs.push(page);
    await signIn(page, link);
    for (const lang of LANGS) {
      await openSection(page, lang);
      await page.getByRole('checkbox').first().waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    await openSection(page, 'en');
    await page.getByRole('heading', { name: 'Host links for the day' }).waitFor();
    const boxes = page.getByRole('checkbox');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBe(venues.length);
    await page.getByRole('button', { name: 'Make links and a sheet to print' }).click();
    await page.getByText(`${venues.length} new links made.`).waitFor();
    const cards = page.locator('article.card');
    expect(await cards.count()).toBe(venues.length);
    expect(await seriousViolations(page)).toEqual([]);

    const made: { name: string; url: string }[] = [];
    for (let i = 0; i < venues.length; i++) {
      const card = cards.nth(i);
      const url = ((await card.locator('.url').textContent()) ?? '').trim();
      expect(url).toMatch(new RegExp(`^${API}/host/tafelhost_`));
      const drawn = await card.locator('svg.qr path').getAttribute('d');
      expect(drawn).toBe(qrPath(url).d);
      made.push({ name: (await card.locator('h4').textContent()) ?? '', url });
    }
    expect(made.map((m) => m.name).sort()).toEqual(venues.map((v) => v.name).sort());

    // The first link opens its venue's counter.
    const phone = await newPage(ctx.browser);
    tabs.push(phone.page);
    await phone.page.goto(made[0]!.url);
    await phone.page.getByText(made[0]!.name).first().waitFor();

    // Revoke it from the list (which now names the new links): it stops working at once.
    const revoke = page.getByRole('button', { name: /^Revoke tafelhost_/ }).first();
    await revoke.waitFor();
    const prefix = ((await revoke.textContent()) ?? '').trim().replace(/^Revoke /, '');
    await revoke.click();
    await page.getByText(`Link ${prefix} revoked: it no longer works.`).waitFor();
    const token = made.map((m) => m.url.split('/host/')[1]!).find((t) => t.startsWith(prefix))!;
    const refused = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ hostLink { prefix } }' }),
    });
    expect(refused.status).toBe(401);
    expect(errors).toEqual([]);
  });
});
