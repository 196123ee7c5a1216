/**
 * The venues section's map view and "preview on the map", in Chromium against the real API: a
 * coordinator switches from the list to the map (kept in the address), finds a marker per venue
 * whose label and shape tell its status, opens a draft's popup with the keyboard, edits it from
 * there, and previews it on the real public <tafel-map> marked as a draft — which the public
 * map, opened anonymously, does not show. axe in four languages on the map view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  API,
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
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const ORG = 'taalmaatjes';
const DRAFT = 'Concepttafel bij de Dom';
const MARK = 'Draft — not public yet';

/** Open a <tafel-map>'s list and show all of it; the text of each item by venue id. */
async function mapList(page: Page, map: string): Promise<Map<string, string>> {
  const toggle = page.locator(`${map} [part~="list-toggle"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator(`${map} .list li button`).first().waitFor();
  const more = page.locator(`${map} .list button.more`);
  while (await more.count()) await more.click();
  const items = await page
    .locator(`${map} .list li button`)
    .evaluateAll((buttons) =>
      buttons.map((b) => [(b as HTMLElement).dataset['id']!, b.textContent ?? ''] as const),
    );
  return new Map(items);
}

describe('the venues on a map', () => {
  it('a coordinator sees their venues on the map, a draft among them, and previews the draft on the public map', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await serveBlankTiles(page);
    await signIn(page, await invite({ email: 'kaart@taalmaatjes.test', organisation: ORG }));
    const { edition } = await gql<{ edition: { date: string; timeZone: string } }>(
      'query ($e: String!) { edition(slug: $e) { date timeZone } }',
      { e: EDITION },
    );
    const draftId = await createVenue(page, {
      edition: EDITION,
      name: DRAFT,
      meal: 'DINNER',
      status: 'DRAFT',
      startsAt: `${edition.date}T17:00:00Z`,
      endsAt: `${edition.date}T20:00:00Z`,
      capacity: 24,
      coordinates: { lat: 52.0907, lng: 5.1214 },
      address: { street: 'Domplein 1', postalCode: '3512 JC', city: 'Utrecht' },
    });
    const mine = await fromPage<{
      viewer: {
        locations: {
          nodes: { id: string; name: string; status: string; awaitingApproval: boolean }[];
        };
      };
    }>(
      page,
      'query ($e: String!) { viewer { locations(edition: $e, first: 1000) { nodes { id name status awaitingApproval } } } }',
      { e: EDITION },
    );
    const venues = mine.viewer.locations.nodes;
    const published = venues.find((v) => v.status === 'PUBLISHED' && !v.awaitingApproval)!;
    const drafts = venues.filter((v) => v.status === 'DRAFT').length;
    expect(published).toBeDefined();

    // From the list to the map: a pressed toggle, kept in the address.
    await openIn(page, '/manage#venues', 'en');
    await page.getByRole('heading', { name: `Drafts (${drafts})` }).waitFor();
    const mapButton = page.getByRole('button', { name: 'Map', exact: true });
    expect(await mapButton.getAttribute('aria-pressed')).toBe('false');
    await mapButton.focus();
    await page.keyboard.press('Enter');
    expect(await mapButton.getAttribute('aria-pressed')).toBe('true');
    expect(
      await page.getByRole('button', { name: 'List', exact: true }).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(new URL(page.url()).hash).toBe('#venues/map');
    await page.getByRole('region', { name: /^Map of your venues in / }).waitFor();
    const markers = page.locator('tafel-venues-map .leaflet-marker-icon');
    await expect.poll(() => markers.count()).toBe(venues.length);
    // A marker per venue, its status in its label and in its shape.
    const draftMarker = page.getByRole('button', { name: `${DRAFT} — Draft` });
    expect(await draftMarker.locator('.mark-draft').count()).toBe(1);
    const publishedMarker = page.locator(`tafel-venues-map [data-id="${published.id}"]`);
    expect(await publishedMarker.getAttribute('aria-label')).toBe(`${published.name} — Published`);
    expect(await publishedMarker.locator('.mark-published').count()).toBe(1);
    expect(await page.locator('tafel-venues-map .legend').textContent()).toMatch(
      new RegExp(`Draft\\s*\\(${drafts}\\)`),
    );

    // The draft's popup by keyboard: name, status, meal and times, Edit and Preview.
    await draftMarker.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator(`tafel-venues-map .popup[data-id="${draftId}"]`);
    await popup.waitFor();
    const zone = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: edition.timeZone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain(DRAFT);
    expect(text).toContain('Draft');
    expect(text).toContain(
      `Dinner · ${zone(`${edition.date}T17:00:00Z`)}–${zone(`${edition.date}T20:00:00Z`)}`,
    );
    expect(
      await popup
        .locator('h3')
        .evaluate((h) => (h.getRootNode() as ShadowRoot).activeElement === h),
    ).toBe(true);
    expect(await seriousViolations(page), 'the map with a popup').toEqual([]);
    // The list reloads (after an edit, a co-host chosen): the popup stays open, its title focused.
    const reload = () =>
      page.locator('tafel-venues-map').evaluate((el: HTMLElement & { venues: object[] }) => {
        el.venues = el.venues.map((v) => ({ ...v }));
      });
    await reload();
    // (The old popup fades out for a moment beside the new one.)
    await expect.poll(() => popup.count()).toBe(1);
    expect(
      await popup
        .locator('h3')
        .evaluate((h) => (h.getRootNode() as ShadowRoot).activeElement === h),
    ).toBe(true);
    // Edit opens the venue form; back, the map is still the view.
    await popup.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: `Edit venue: ${DRAFT}` }).waitFor();
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => markers.count()).toBe(venues.length);
    // Escape closes the popup and returns to the marker.
    await draftMarker.focus();
    await page.keyboard.press('Enter');
    await popup.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    expect(
      await draftMarker.evaluate((m) => (m.getRootNode() as ShadowRoot).activeElement === m),
    ).toBe(true);
    // A reload while a marker has the focus leaves it there.
    await reload();
    await expect.poll(() => popup.count()).toBe(0);
    expect(
      await draftMarker.evaluate((m) => (m.getRootNode() as ShadowRoot).activeElement === m),
    ).toBe(true);

    // Preview: the public <tafel-map> with the draft among the public venues, marked.
    await draftMarker.press('Enter');
    await popup.getByRole('button', { name: 'Preview on the map' }).click();
    await page.getByRole('heading', { name: `Preview on the map: ${DRAFT}` }).waitFor();
    const shown = page.locator(
      `tafel-venue-preview tafel-map .leaflet-popup [part="popup"][data-id="${draftId}"]`,
    );
    await shown.waitFor({ timeout: 30_000 });
    expect(await shown.textContent()).toContain(MARK);
    const previewList = await mapList(page, 'tafel-venue-preview tafel-map');
    expect(previewList.get(draftId)).toContain(MARK);
    expect(previewList.get(published.id)).toBeDefined();
    expect(previewList.get(published.id)).not.toContain(MARK);
    expect(await seriousViolations(page), 'the preview').toEqual([]);
    await page.getByRole('button', { name: 'Back to the venues' }).click();
    await expect.poll(() => markers.count()).toBe(venues.length);

    // From the list too, for drafts (and venues awaiting approval) only.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#venues');
    await page.getByRole('button', { name: `Preview on the map: ${DRAFT}` }).waitFor();
    expect(
      await page.getByRole('button', { name: `Preview on the map: ${published.name}` }).count(),
    ).toBe(0);

    // The map view in four languages, opened from its address.
    for (const lang of LANGS) {
      await openIn(page, '/manage#venues/map', lang);
      await expect.poll(() => markers.count()).toBe(venues.length);
      expect(await seriousViolations(page), `${lang} map view`).toEqual([]);
    }
    expect(errors).toEqual([]);

    // Anonymous: neither the public API nor the public map has the draft.
    await page.context().clearCookies();
    const { locations } = await gql<{ locations: { nodes: { id: string }[] } }>(
      'query ($e: String!) { locations(edition: $e, first: 1000) { nodes { id } } }',
      { e: EDITION },
    );
    expect(locations.nodes.map((n) => n.id)).not.toContain(draftId);
    await page.goto(`${API}/embed?edition=${EDITION}&lang=en`);
    const publicList = await mapList(page, 'tafel-map');
    expect(publicList.size).toBe(locations.nodes.length);
    expect(publicList.has(draftId)).toBe(false);
    expect([...publicList.values()].join(' ')).not.toContain(MARK);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
