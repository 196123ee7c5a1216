/**
 * The seating planner in Chromium against the real API: a coordinator opens a venue's seating
 * plan, brings 48 guests, 8 tables and 3 interpreters from a file, pastes a list (refused with
 * a bad line, then taken) and adds a guest and an interpreter by hand, proposes a seating (every table mixed, every guest with a shared language
 * or their interpreter), moves and keeps guests (kept ones stay when proposing again), reloads
 * (the plan is still on the device), prints, exports, and is refused a file of another venue and
 * a broken one. All along, a watch on the network fails the test if any request carries a guest's
 * or interpreter's name. axe in English and Dutch.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeatingData, toFile } from '../src/seating/file.ts';
import { score } from '../src/seating/plan.ts';
import { dinner } from './seating-guests.ts';
import {
  createVenue,
  EDITION,
  gql,
  invite,
  newPage,
  openIn,
  seriousViolations,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
/** Its own organisation: the drafts made here show in no other test's lists. */
const ORG = 'het-diner-tafelschikking';
const VENUE = 'Werkgeversdiner in de Gruyterfabriek';
const OTHER = 'Buurtmaaltijd Bossche Broek';
const PREFIX = 'Qzvyx';
const BY_HAND = 'Qzvyx Hamid Tesfaye';
const INTERPRETER_BY_HAND = 'Qzvyx Tolk Yonas';
const PASTED = 'Qzvyx Ans de Werkgever';

/** A draft dinner of this edition, on the day; its id. */
function dinnerVenue(page: Page, name: string, date: string): Promise<string> {
  return createVenue(page, {
    edition: EDITION,
    name,
    meal: 'DINNER',
    status: 'DRAFT',
    startsAt: `${date}T17:00:00Z`,
    endsAt: `${date}T20:00:00Z`,
    capacity: 60,
    coordinates: { lat: 51.6978, lng: 5.3037 },
    address: { street: 'Boschveldweg 471', postalCode: '5211 VK', city: "'s-Hertogenbosch" },
  });
}

/** The plan this browser keeps for a venue, read from IndexedDB. */
function stored(page: Page, venueId: string): Promise<SeatingData> {
  return page.evaluate(
    (id) =>
      new Promise<SeatingData>((resolve, reject) => {
        const open = indexedDB.open('tafel-seating');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('plans').objectStore('plans').get(id);
          get.onsuccess = () => resolve(get.result as SeatingData);
          get.onerror = () => reject(get.error);
        };
      }),
    venueId,
  );
}

/** The table a person sits at, as the page shows it. */
async function tableOf(page: Page, name: string): Promise<string> {
  return page
    .getByRole('combobox', { name: `Table for ${name}`, exact: true })
    .evaluate((select) => {
      const s = select as HTMLSelectElement;
      return s.options[s.selectedIndex]!.text.trim();
    });
}

describe('the seating planner', () => {
  it('seats 50 guests at 8 tables in the browser, moves and keeps them, prints, and sends no name anywhere', async () => {
    const { page, errors } = await newPage(ctx.browser);
    // Every request the page makes, with its body: no guest's name may be in any of them.
    const sent: string[] = [];
    page.on('request', (request) => {
      sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    });
    await gql(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }`,
      { input: { slug: ORG, name: 'Het Diner', kind: 'CHARITY', approved: true } },
      staffKey(),
    );
    await signIn(page, await invite({ email: 'projectgroep@hetdiner.test', organisation: ORG }));
    const { edition } = await gql<{ edition: { date: string } }>(
      'query ($e: String!) { edition(slug: $e) { date } }',
      { e: EDITION },
    );
    const venueId = await dinnerVenue(page, VENUE, edition.date);
    const otherId = await dinnerVenue(page, OTHER, edition.date);

    // 48 guests, 8 tables of 7 and 3 interpreters from a file; one guest pasted, one guest and
    // one interpreter by hand.
    const made = dinner({
      employers: 25,
      newcomers: 23,
      tables: 8,
      seats: 7,
      interpreters: 3,
      prefix: PREFIX,
    });
    const plan: SeatingData = {
      guests: made.guests,
      tables: made.tables,
      interpreters: made.interpreters ?? [],
      seating: {},
      locked: {},
      seed: 0,
    };
    const names = [...plan.guests, ...plan.interpreters].map((p) => p.name);
    names.push(BY_HAND, INTERPRETER_BY_HAND, PASTED);

    await openIn(page, '/manage#venues', 'en');
    await page.getByRole('button', { name: `Seating plan: ${VENUE}` }).click();
    await page.getByRole('heading', { name: `Seating plan: ${VENUE}` }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#venues/seating/${encodeURIComponent(venueId)}`);
    await page.getByText('Your guests’ names stay on this device').waitFor();

    await page.getByLabel('Import from a file').setInputFiles({
      name: 'seating.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(toFile({ id: venueId, name: VENUE }, plan))),
    });
    await page.getByText('The plan from the file is loaded.').waitFor();
    await page.getByRole('heading', { name: 'Guests (48)' }).waitFor();

    // A pasted list with a bad line adds nothing and names the line; fixed, it adds its guest.
    const list = page.getByLabel('Or paste a list');
    await list.fill(`${PASTED}; Bakers; nl`);
    await page.getByRole('button', { name: 'Add the guests of the list' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Line 1: the role “Bakers” is not one of the roles.' })
      .waitFor();
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('heading', { name: 'Guests (48)' }).waitFor();
    // Columns from a spreadsheet (tabs), the role by its Dutch name.
    await list.fill(`\n${PASTED}\tWerkgevers\tnl, en\n`);
    await page.getByRole('button', { name: 'Add the guests of the list' }).click();
    await page.getByRole('heading', { name: 'Guests (49)' }).waitFor();

    // A guest without languages is refused at the field and in the summary.
    await page.getByLabel('Name or initials').fill(BY_HAND);
    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.getByLabel('Languages', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.getByLabel('Role').selectOption({ label: 'Status holders' });
    await page.getByLabel('Languages', { exact: true }).fill('ti, ar');
    await page.getByLabel('Needs an interpreter for').fill('ti');
    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('heading', { name: 'Guests (50)' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(INTERPRETER_BY_HAND);
    await page.getByLabel('Languages they interpret').fill('ti, nl');
    await page.getByRole('button', { name: 'Add interpreter' }).click();
    await page.getByRole('heading', { name: 'Interpreters (4)' }).waitFor();

    // The proposal: every table mixed, every guest understood, tables evenly filled.
    const started = Date.now();
    await page.getByRole('button', { name: 'Propose a seating' }).click();
    await page.getByText('Proposal ready: 8 of 8 tables mixed, 50 of 50 guests').waitFor();
    expect(Date.now() - started).toBeLessThan(2000);
    const scores = page.locator('tafel-seating-planner dl.scores');
    expect(await scores.textContent()).toContain('8 of 8 tables have at least two roles');
    expect(await scores.textContent()).toContain('50 of 50 guests share a language');
    expect(await page.locator('tafel-seating-planner section.table').count()).toBe(8);
    expect(await page.getByText('no shared language or interpreter').count()).toBe(0);
    const kept = await stored(page, venueId);
    expect(kept.guests).toHaveLength(50);
    const check = score(kept, kept.seating);
    expect(check.mixedTables).toBe(8);
    expect(check.languageCoverage).toBe(1);
    expect(check.balance).toBe(1);
    const byHand = kept.guests.find((g) => g.name === BY_HAND)!;
    const tigrinya = kept.interpreters.filter((i) => i.languages.includes('ti')).map((i) => i.id);
    expect(tigrinya.map((i) => kept.seating[i])).toContain(kept.seating[byHand.id]);

    // Move a guest with the keyboard: they sit at the new table and are kept there.
    const mover = `${PREFIX} Employer 1`;
    const from = await tableOf(page, mover);
    const to = from === 'Table 3' ? 'Table 4' : 'Table 3';
    await page
      .getByRole('combobox', { name: `Table for ${mover}`, exact: true })
      .selectOption({ label: to });
    await page.getByText(`${mover} now sits at ${to} and is kept there.`).waitFor();
    expect(await tableOf(page, mover)).toBe(to);
    expect(
      await page.getByRole('checkbox', { name: `Keep here: ${mover}`, exact: true }).isChecked(),
    ).toBe(true);
    // Keep another one where they are, by keyboard (Space on the check box).
    const keeper = `${PREFIX} Newcomer 2`;
    const keeperTable = await tableOf(page, keeper);
    await page.getByRole('checkbox', { name: `Keep here: ${keeper}`, exact: true }).focus();
    await page.keyboard.press('Space');
    expect(
      await page.getByRole('checkbox', { name: `Keep here: ${keeper}`, exact: true }).isChecked(),
    ).toBe(true);
    // A new proposal moves others but not them.
    const before = (await stored(page, venueId)).seating;
    await page.getByRole('button', { name: 'Propose a seating' }).click();
    await expect.poll(async () => (await stored(page, venueId)).seed).toBe(2);
    const after = await stored(page, venueId);
    expect(after.seating).not.toEqual(before);
    expect(await tableOf(page, mover)).toBe(to);
    expect(await tableOf(page, keeper)).toBe(keeperTable);
    expect(score(after, after.seating).mixedTables).toBe(8);
    // Unlocked, the guest is free again.
    await page.getByRole('checkbox', { name: `Keep here: ${keeper}`, exact: true }).uncheck();
    await expect.poll(async () => Object.keys((await stored(page, venueId)).locked).length).toBe(1);

    expect(await seriousViolations(page), 'the planner, in English').toEqual([]);

    // The plan is kept on the device: a reload opens it again, in Dutch.
    await openIn(page, `/manage#venues/seating/${encodeURIComponent(venueId)}`, 'nl');
    await page.getByRole('heading', { name: `Tafelindeling: ${VENUE}` }).waitFor();
    await page.getByRole('heading', { name: 'Gasten (50)' }).waitFor();
    expect(await page.locator('tafel-seating-planner section.table').count()).toBe(8);
    expect(await seriousViolations(page), 'the planner, in Dutch').toEqual([]);

    // The print view: the chart and a place card per person; on paper, no buttons.
    await page.getByRole('button', { name: 'Afdrukweergave' }).click();
    await page.getByRole('heading', { name: `Tafelindeling — ${VENUE}` }).waitFor();
    expect(await page.locator('tafel-seating-planner .chart section').count()).toBe(8);
    expect(await page.locator('tafel-seating-planner .card').count()).toBe(54);
    expect(
      await page.locator('tafel-seating-planner .card').filter({ hasText: BY_HAND }).count(),
    ).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.locator('tafel-manage header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(page), 'the print view').toEqual([]);
    await page.getByRole('button', { name: 'Terug naar de planner' }).click();

    // Export: a file of this venue's plan, saved by the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren naar een bestand' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.venue).toEqual({ id: venueId, name: VENUE });
    expect(exported.plan.guests).toHaveLength(50);

    // Another venue's file and a broken one are refused, and nothing changes.
    const keptBefore = await stored(page, venueId);
    await page.getByLabel('Importeren uit een bestand').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(toFile({ id: otherId, name: OTHER }, plan))),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: `Dit bestand is de indeling van een andere locatie (${OTHER}).` })
      .waitFor();
    expect(await stored(page, venueId)).toEqual(keptBefore);
    await page.getByLabel('Importeren uit een bestand').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"tafel-seating","version":1,'),
    });
    await page.getByRole('alert').filter({ hasText: 'geen tafelindeling' }).waitFor();
    expect(await stored(page, venueId)).toEqual(keptBefore);
    await page.getByRole('heading', { name: 'Gasten (50)' }).waitFor();

    // Across the whole flow, no request carried a name (as typed, or encoded for a URL).
    expect(sent.length).toBeGreaterThan(5);
    const leaks = sent.filter((line) =>
      names.some((name) => line.includes(name) || line.includes(encodeURIComponent(name))),
    );
    expect(leaks).toEqual([]);
    expect(sent.filter((line) => line.includes(PREFIX))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
