/**
 * A federation's own target groups in the portal's venue form (#19), in Chromium against the
 * real API and the demo's Wir zusammen (which adds its mentors, "Paten und Patinnen"): a member's
 * coordinator finds them beside the built-in groups, labelled in each of the four languages,
 * ticks one, and the venue holds it; the form shows it ticked again. An edition of no federation
 * offers the built-in groups only. axe finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import { PORTAL } from '../src/portal/messages.ts';
import {
  createVenue,
  EDITION,
  fromPage,
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
const MEETING = `wz-werkstatt-${run}`;
const MEMBER = 'wz-mitglied-002';
const VENUE = 'Patenschaftsfrühstück';
const MENTORS = { nl: 'Mentoren', en: 'Mentors', de: 'Paten und Patinnen', da: 'Mentorer' };

describe('a federation’s own target groups in the venue form', () => {
  it('are offered beside the built-in ones in four languages, and saved as ticked', async () => {
    const { createEdition } = await gql<{ createEdition: { userErrors: unknown[] } }>(
      `mutation ($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
      {
        input: {
          slug: MEETING,
          name: `Wir zusammen Werkstatt ${run}`,
          series: 'wir-zusammen-netzwerktreffen',
          // After the demo's day: the portal's default edition (the nearest to come) stays the
          // demo's for every other test.
          date: '2028-03-10',
          country: 'DE',
          timeZone: 'Europe/Berlin',
        },
      },
      staffKey(),
    );
    expect(createEdition.userErrors).toEqual([]);
    const { page, errors } = await newPage(ctx.browser);
    await serveBlankTiles(page);
    await signIn(page, await invite({ email: `paten-${run}@wz.test`, organisation: MEMBER }));
    await createVenue(page, {
      edition: MEETING,
      name: VENUE,
      meal: 'BREAKFAST',
      capacity: 30,
      coordinates: { lat: 50.1109, lng: 8.6821 },
      address: { city: 'Frankfurt am Main', region: 'DE-HE' },
      targetGroups: ['REFUGEES'],
    });

    for (const lang of LANGS) {
      const t = PORTAL[lang];
      await openIn(page, '/manage#venues', lang);
      await page.locator('#venues-title').waitFor();
      await page.getByLabel(t.edition, { exact: true }).selectOption(MEETING);
      await page.getByRole('button', { name: `${t.edit}: ${VENUE}` }).click();
      const groups = page.getByRole('group', { name: t.targetGroups });
      await groups.getByRole('checkbox', { name: MENTORS[lang], exact: true }).waitFor();
      // After the built-in ones.
      const names = await groups.locator('label.check').allTextContents();
      expect(names.at(-1)?.trim()).toBe(MENTORS[lang]);
      expect(
        await seriousViolations(page),
        `${lang}: the form with the federation's groups`,
      ).toEqual([]);
    }

    // Ticked and saved (in German), the venue holds it beside the built-in group.
    await openIn(page, '/manage#venues', 'de');
    await page.locator('#venues-title').waitFor();
    await page.getByLabel(PORTAL.de.edition, { exact: true }).selectOption(MEETING);
    await page.getByRole('button', { name: `${PORTAL.de.edit}: ${VENUE}` }).click();
    const box = page.getByRole('checkbox', { name: MENTORS.de, exact: true });
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.check();
    await page.getByRole('button', { name: PORTAL.de.save, exact: true }).click();
    await page.getByText(PORTAL.de.saved.replace('{name}', VENUE)).waitFor();
    const { viewer } = await fromPage<{
      viewer: {
        locations: { nodes: { name: string; targetGroups: string[]; ownTargetGroups: string[] }[] };
      };
    }>(
      page,
      `query ($e: String!) { viewer { locations(edition: $e) { nodes { name targetGroups ownTargetGroups } } } }`,
      { e: MEETING },
    );
    expect(viewer.locations.nodes).toEqual([
      { name: VENUE, targetGroups: ['REFUGEES'], ownTargetGroups: ['MENTORS'] },
    ]);
    // Opened again, it is ticked.
    await page.getByRole('button', { name: `${PORTAL.de.edit}: ${VENUE}` }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name: MENTORS.de, exact: true }).isChecked())
      .toBe(true);

    // The instance's own edition: the built-in groups only.
    await openIn(page, '/manage#venues', 'en');
    await page.locator('#venues-title').waitFor();
    await page.getByLabel(PORTAL.en.edition, { exact: true }).selectOption(EDITION);
    await page.getByRole('button', { name: PORTAL.en.newVenue }).click();
    const plain = page.getByRole('group', { name: PORTAL.en.targetGroups });
    await plain.getByRole('checkbox', { name: 'Refugees', exact: true }).waitFor();
    expect(await plain.getByRole('checkbox', { name: MENTORS.en }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
