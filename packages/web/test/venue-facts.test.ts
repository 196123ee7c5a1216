/**
 * The facts of a table (#20) in the portal's venue form, in Chromium against the real API: the
 * fields for interpreters, support, who cooks, access and the description in the map's languages
 * are labelled in nl, en, de and da; interpreter languages without interpreters are refused in the
 * page, a translation the server refuses is shown at its own box; the saved venue holds exactly
 * what was typed, and the form shows it again. axe finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import type { VenueFacts } from '../src/portal/api.ts';
import { PORTAL } from '../src/portal/messages.ts';
import {
  EDITION,
  fromPage,
  invite,
  LANGS,
  newPage,
  openIn,
  seriousViolations,
  serveBlankTiles,
  signIn,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const ORG = 'taalmaatjes';
const VENUE = 'Werkgeversdiner met tolken';

type Facts = VenueFacts & { name: string };

describe('the facts of a table in the venue form', () => {
  it('are asked in four languages, checked at their fields, and saved as typed', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await serveBlankTiles(page);
    await signIn(page, await invite({ email: 'facts@taalmaatjes.test', organisation: ORG }));

    for (const lang of LANGS) {
      const t = PORTAL[lang];
      await openIn(page, '/manage#venues', lang);
      await page.locator('#venues-title').waitFor();
      await page.getByLabel(t.edition, { exact: true }).selectOption(EDITION);
      await page.getByRole('button', { name: t.newVenue }).click();
      await page.getByRole('group', { name: t.atTheTable }).waitFor();
      for (const label of [
        t.interpreters,
        t.interpreterLanguages,
        t.support,
        t.cookedByGuests,
        t.hearingLoop,
        t.accessibilityNote,
      ])
        await page.getByLabel(label, { exact: true }).waitFor();
      await page.getByRole('group', { name: t.translations }).waitFor();
      expect(await page.locator('textarea[id^="description-"]').count()).toBe(4);
      expect(await seriousViolations(page), `${lang}: the venue form with its facts`).toEqual([]);
    }

    await openIn(page, '/manage#venues', 'en');
    await page.getByLabel('Edition', { exact: true }).selectOption(EDITION);
    await page.getByRole('button', { name: 'New venue' }).click();
    await page.getByLabel('Name', { exact: true }).fill(VENUE);
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');

    // Interpreters' languages without interpreters: said at the field, nothing sent.
    const tongues = page.getByLabel('Languages of the interpreters');
    await tongues.fill('ar, TI');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => tongues.getAttribute('aria-invalid')).toBe('true');
    await page.locator('#interpreterLanguages-error').getByText('number of interpreters').waitFor();

    await page.getByLabel('Interpreters (how many)').fill('4');
    await page.getByLabel('Support present').fill('Werkgeversservicepunt\n\n  UWV  ');
    await page.getByLabel('The guests cook (by and for the guests)').check();
    await page.getByLabel('Hearing loop').selectOption({ label: 'Yes' });
    await page.getByLabel('Accessibility: a note').fill('Lift to the first floor.');
    // A bidirectional override passes the page's checks; the server refuses it at its language.
    const english = page.getByLabel('Description in English');
    await english.fill('Employers \u202eand status holders');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => english.getAttribute('aria-invalid')).toBe('true');
    await page.locator('#description-en-error').getByText('bidirectional').waitFor();
    expect(await tongues.getAttribute('aria-invalid')).toBe('false');
    expect(await seriousViolations(page), 'the refused form').toEqual([]);

    await english.fill('Employers and status holders at one table.');
    await page
      .getByLabel('Description in German')
      .fill('Arbeitgeber und Geflüchtete an einem Tisch.');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`${VENUE} is saved.`).waitFor();

    const { viewer } = await fromPage<{ viewer: { locations: { nodes: Facts[] } } }>(
      page,
      `query ($e: String!) { viewer { locations(edition: $e, first: 1000) { nodes {
        name interpreters interpreterLanguages support cookedByGuests hearingLoop accessibilityNote descriptions { lang text }
      } } } }`,
      { e: EDITION },
    );
    expect(viewer.locations.nodes.find((n) => n.name === VENUE)).toEqual({
      name: VENUE,
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'UWV'],
      cookedByGuests: true,
      hearingLoop: true,
      accessibilityNote: 'Lift to the first floor.',
      descriptions: [
        { lang: 'en', text: 'Employers and status holders at one table.' },
        { lang: 'de', text: 'Arbeitgeber und Geflüchtete an einem Tisch.' },
      ],
    });

    // Opened again, the form shows what was saved.
    await page.getByRole('button', { name: `Edit: ${VENUE}` }).click();
    await expect
      .poll(() => page.getByLabel('Support present').inputValue())
      .toBe('Werkgeversservicepunt\nUWV');
    expect(await page.getByLabel('Languages of the interpreters').inputValue()).toBe('ar, ti');
    expect(await page.getByLabel('Hearing loop').inputValue()).toBe('true');
    expect(await page.getByLabel('Description in German').inputValue()).toBe(
      'Arbeitgeber und Geflüchtete an einem Tisch.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
