/**
 * What came of it (#20) in the pages, in Chromium against the real API: a coordinator files the
 * closing report of a venue that has been held (more jobs realised than offered is refused at the
 * field and in the summary) and adds a story — without the storyteller's consent it is refused in
 * the page and nothing reaches the server; with it, it waits. A moderator publishes it from the
 * console's queue; only then does the public API show it; deleted (consent withdrawn), it is gone
 * again. Each form in four languages, axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  fromPage,
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
const ORG = 'ouderen-verbonden';
/** Held: in the past, so nobody's default edition in other tests. */
const EDITION = { slug: 'verhalen-2026', name: 'Werkgeversdiner 2026', date: '2026-03-12' };
const VENUE = 'Werkgeversdiner Den Bosch';
const QUOTE = 'Ik vertelde 140 studenten mijn verhaal.';

async function heldVenue(): Promise<void> {
  const { createEdition } = await gql<{ createEdition: { userErrors: unknown[] } }>(
    `mutation ($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
    { input: EDITION },
    staffKey(),
  );
  expect(createEdition.userErrors).toEqual([]);
  const { createLocation } = await gql<{ createLocation: { userErrors: unknown[] } }>(
    `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { userErrors { message } } }`,
    {
      input: {
        edition: EDITION.slug,
        organisation: ORG,
        name: VENUE,
        coordinates: { lat: 51.69, lng: 5.3 },
        address: { city: '’s-Hertogenbosch', region: 'NL-NB' },
        meal: 'DINNER',
        startsAt: '2026-03-12T17:00:00.000Z',
        endsAt: '2026-03-12T20:00:00.000Z',
      },
    },
    staffKey(),
  );
  expect(createLocation.userErrors).toEqual([]);
}

/** The outcomes section on the test's edition, once its venue is listed: the venue's card. */
async function openOutcomes(page: Page, lang: string, edition: string) {
  await openIn(page, '/manage#outcomes', lang);
  await page.locator('#outcomes-title').waitFor();
  await page.getByLabel(edition, { exact: true }).selectOption(EDITION.slug);
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: VENUE, exact: true }) });
  await card.waitFor();
  return card;
}

async function publicStories(): Promise<string[]> {
  const { edition } = await gql<{ edition: { stories: { nodes: { quote: string }[] } } }>(
    'query ($e: String!) { edition(slug: $e) { stories(first: 10) { nodes { quote } } } }',
    { e: EDITION.slug },
  );
  return edition.stories.nodes.map((s) => s.quote);
}

describe('what came of it', () => {
  it('a coordinator files a closing report and adds a story only with consent', async () => {
    await heldVenue();
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'na.afloop@ouderen.test', organisation: ORG }));

    const words = {
      nl: ['Editie', 'Verhaal toevoegen', 'Afsluitend verslag'],
      en: ['Edition', 'Add a story', 'Closing report'],
      de: ['Ausgabe', 'Geschichte hinzufügen', 'Abschlussbericht'],
      da: ['Udgave', 'Tilføj en historie', 'Afsluttende rapport'],
    } as const;
    for (const lang of LANGS) {
      const [edition, story, report] = words[lang];
      await (await openOutcomes(page, lang, edition)).getByRole('button', { name: story }).click();
      await page.locator('#field-consentedAt').waitFor();
      expect(await seriousViolations(page), `${lang}: the story form`).toEqual([]);
      await (await openOutcomes(page, lang, edition)).getByRole('button', { name: report }).click();
      await page.locator('#field-followUps').waitFor();
      expect(await seriousViolations(page), `${lang}: the report form`).toEqual([]);
    }

    // On a phone: both forms fit 320 px without scrolling sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    for (const button of ['Closing report', 'Add a story']) {
      await (await openOutcomes(page, 'en', 'Edition'))
        .getByRole('button', { name: button })
        .click();
      await page.locator('form.step').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, `${button} at 320 px scrolls sideways`).toBe(false);
    }
    await page.setViewportSize({ width: 1200, height: 800 });

    // More jobs realised than offered: the server's refusal at the field and in the summary.
    const card = await openOutcomes(page, 'en', 'Edition');
    await card.getByRole('button', { name: 'Closing report' }).click();
    await page.getByLabel('Follow-up conversations planned').fill('12');
    await page.getByLabel('Introductions made').fill('1');
    await page.getByLabel('Jobs offered').fill('1');
    await page.getByLabel('Jobs realised later').fill('2');
    await page.getByLabel('Note (not public)').fill('Meer nazorg gewenst.');
    await page.getByRole('button', { name: 'Save report' }).click();
    const realised = page.getByLabel('Jobs realised later');
    await expect.poll(() => realised.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.summary').getByText('may not exceed jobsOffered').waitFor();
    expect(await seriousViolations(page), 'the refused report').toEqual([]);
    await realised.fill('1');
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByText(`The report of ${VENUE} is saved.`).waitFor();
    const { stats } = await gql<{ stats: { outcomes: Record<string, number> } }>(
      'query ($e: String!) { stats(edition: $e) { outcomes { reports followUps introductions jobsOffered jobsRealised } } }',
      { e: EDITION.slug },
    );
    expect(stats.outcomes).toEqual({
      reports: 1,
      followUps: 12,
      introductions: 1,
      jobsOffered: 1,
      jobsRealised: 1,
    });

    // A story without consent: said in the page, nothing sent, nothing stored.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('addStory'))
        sent.push(r.postData() ?? '');
    });
    await card.getByRole('button', { name: 'Add a story' }).click();
    await page.getByLabel('The story', { exact: true }).fill(QUOTE);
    await page.getByLabel('Name with the story (optional)').fill('Mamoun');
    await page.getByLabel('Date of consent').fill('2026-03-12');
    await page.getByRole('button', { name: 'Add a story' }).click();
    const consent = page.getByLabel('The storyteller agreed to the publication of this story');
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.summary').getByText('Without the storyteller’s consent').waitFor();
    expect(await seriousViolations(page), 'the refused story').toEqual([]);
    expect(sent).toEqual([]);
    const mine = () =>
      fromPage<{
        viewer: { locations: { nodes: { stories: { nodes: { status: string }[] } }[] } };
      }>(
        page,
        'query ($e: String!) { viewer { locations(edition: $e, first: 10) { nodes { stories(first: 10) { nodes { status } } } } } }',
        { e: EDITION.slug },
      );
    expect((await mine()).viewer.locations.nodes[0]!.stories.nodes).toEqual([]);

    await consent.check();
    await page.getByRole('button', { name: 'Add a story' }).click();
    await page.getByText('The story is added and waits for the federation’s approval.').waitFor();
    await page.getByText('Waiting for approval').waitFor();
    expect(sent).toHaveLength(1);
    expect((await mine()).viewer.locations.nodes[0]!.stories.nodes).toEqual([
      { status: 'PENDING' },
    ]);
    expect(await publicStories()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a moderator publishes it from the queue; only then is it public', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'mo.verhalen@tafel.test', role: 'MODERATOR' }));
    const words = {
      nl: ['Editie', 'Goedkeuren'],
      en: ['Edition', 'Approve'],
      de: ['Ausgabe', 'Freigeben'],
      da: ['Udgave', 'Godkend'],
    } as const;
    const storyCard = () => page.getByRole('listitem').filter({ has: page.getByText(QUOTE) });
    for (const lang of LANGS) {
      const [edition, approve] = words[lang];
      await openIn(page, '/manage#moderation', lang);
      await page.getByLabel(edition, { exact: true }).selectOption(EDITION.slug);
      await storyCard().getByRole('button', { name: approve }).waitFor();
      expect(await seriousViolations(page), `${lang}: the queue`).toEqual([]);
    }
    await openIn(page, '/manage#moderation', 'en');
    await page.getByLabel('Edition', { exact: true }).selectOption(EDITION.slug);
    await storyCard().getByText('— Mamoun').waitFor();
    await storyCard().getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: `Approve Story at ${VENUE}` }).waitFor();
    expect(await seriousViolations(page), 'the publish step').toEqual([]);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`Story at ${VENUE} is approved.`).waitFor();
    await page.getByText('No stories are waiting.').waitFor();
    expect(await publicStories()).toEqual([QUOTE]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('consent withdrawn: the coordinator deletes the story and it is public no more', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, await invite({ email: 'ingetrokken@ouderen.test', organisation: ORG }));
    const card = await openOutcomes(page, 'en', 'Edition');
    await card.getByText('Mamoun · Published').waitFor();
    await card.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('The story is deleted.').waitFor();
    expect(await publicStories()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
