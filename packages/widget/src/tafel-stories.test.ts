/**
 * <tafel-stories> in real Chromium against the real API, on a partner's page of another origin
 * that loads only `tafel-stories.js`: it shows the published stories of an edition — quote,
 * attribution, venue and town, the quote's language — never one waiting for staff or rejected;
 * its words in four languages without a serious axe-core finding; an unknown edition said so.
 */
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import { API, staffMutate as mutate, useBrowser } from '../test/browser.ts';
import { type PartnerServer, startPartnerServer } from '../test/partner-page.ts';

const chromium = useBrowser();
const SCRIPT = `<script type="module" src="${API}/widget/tafel-stories.js"></script>`;
/** Held: a day in the past, so no other test's default edition. */
const EDITION = 'stories-2026';
const PUBLISHED = 'Ik vertelde 140 studenten mijn verhaal.';
const ENGLISH = 'We planned twelve follow-up conversations.';
const PENDING = 'Dit verhaal wacht nog op de federatie.';
const REJECTED = 'Dit verhaal is afgewezen.';

let partner: PartnerServer;
let pages = 0;

/** A held venue with four stories: two published (Dutch and English), one waiting, one rejected. */
beforeAll(async () => {
  partner = await startPartnerServer();
  await mutate('createEdition', { slug: EDITION, name: 'Verhalendiner 2026', date: '2026-03-12' });
  await mutate('createOrganisation', { slug: 'stories-org', name: 'Verhalen', approved: true });
  const { location } = await mutate(
    'createLocation',
    {
      edition: EDITION,
      organisation: 'stories-org',
      name: 'Werkgeversdiner',
      coordinates: { lat: 51.69, lng: 5.3 },
      address: { city: '’s-Hertogenbosch', region: 'NL-NB' },
      meal: 'DINNER',
    },
    'location { id }',
  );
  const add = async (quote: string, language: string, attribution: string | null) =>
    (
      await mutate(
        'addStory',
        {
          location: location.id,
          quote,
          language,
          attribution,
          consent: true,
          consentedAt: '2026-03-12T20:00:00Z',
        },
        'story { id }',
      )
    )['story'].id as string;
  await mutate('publishStory', { id: await add(PUBLISHED, 'NL', 'Mamoun') });
  await mutate('publishStory', { id: await add(ENGLISH, 'EN', null) });
  await add(PENDING, 'NL', 'Anoniem');
  await mutate('rejectStory', { id: await add(REJECTED, 'NL', null), reason: 'Test' });
});
afterAll(() => partner?.close());

async function partnerPage(body: string, lang: string) {
  const page = await chromium.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const url = partner.serve(
    `/stories-${++pages}.html`,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Nieuws</title>${SCRIPT}</head>` +
      `<body><main><h1>Samen aan tafel</h1>${body}</main></body></html>`,
  );
  onTestFinished(() => page.close());
  await page.goto(url);
  return { page, errors };
}

const ELEMENT = (extra = '') =>
  `<tafel-stories endpoint="${API}/graphql" edition="${EDITION}"${extra}></tafel-stories>`;

describe('<tafel-stories>', () => {
  test('shows the published stories only, newest first, with who, where and the language', async () => {
    const { page, errors } = await partnerPage(ELEMENT(), 'en');
    const stories = page.locator('tafel-stories').locator('li[part="story"]');
    await expect.poll(() => stories.count()).toBe(2);
    expect(await stories.locator('blockquote').allTextContents()).toEqual([ENGLISH, PUBLISHED]);
    expect(await stories.nth(0).locator('blockquote').getAttribute('lang')).toBe('en');
    expect(await stories.nth(1).locator('blockquote').getAttribute('lang')).toBe('nl');
    expect(
      (await stories.nth(1).locator('[part="meta"]').textContent())?.replace(/\s+/g, ' ').trim(),
    ).toBe('Mamoun · Werkgeversdiner, ’s-Hertogenbosch · in Dutch');
    const text = await page.locator('tafel-stories').evaluate((e) => e.shadowRoot!.textContent);
    expect(text).not.toContain(PENDING);
    expect(text).not.toContain(REJECTED);
    expect(errors).toEqual([]);
  });

  test('story-language and limit narrow it; the words follow the page in four languages', async () => {
    const words = {
      nl: 'in het Nederlands',
      en: 'in Dutch',
      de: 'auf Niederländisch',
      da: 'på nederlandsk',
    } as const;
    for (const [lang, inDutch] of Object.entries(words)) {
      const { page, errors } = await partnerPage(ELEMENT(' story-language="nl" limit="5"'), lang);
      const meta = page.locator('tafel-stories').locator('[part="meta"]');
      await expect.poll(() => meta.count()).toBe(1);
      expect(await meta.textContent()).toContain(inDutch);
      expect(await seriousViolations(page), lang).toEqual([]);
      expect(errors).toEqual([]);
    }
    const { page } = await partnerPage(ELEMENT(' limit="1"'), 'nl');
    const quotes = page.locator('tafel-stories').locator('blockquote');
    await expect.poll(() => quotes.allTextContents()).toEqual([ENGLISH]);
  });

  test('an unknown edition is said so, and an edition without stories says that', async () => {
    const { page } = await partnerPage(
      `<tafel-stories endpoint="${API}/graphql" edition="no-such-edition"></tafel-stories>
       <tafel-stories id="empty" endpoint="${API}/graphql" edition="nid-2027"></tafel-stories>`,
      'en',
    );
    const notice = page.locator('tafel-stories').first().locator('[part="notice"]');
    await expect.poll(() => notice.textContent()).toContain('no-such-edition');
    await expect
      .poll(() => page.locator('#empty').locator('[part="notice"]').textContent())
      .toBe('No stories yet.');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
