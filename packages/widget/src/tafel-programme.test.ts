/**
 * <tafel-programme> in real Chromium against the real API, loading only `tafel-programme.js`:
 * Altinget's network's programme as the API stores it (staff enter it here) — the døgnmøde at
 * Kragerup Gods, overnight and not yet confirmed, with its chair and sessions, one of them past
 * midnight; and a meeting already over with two speakers in one slot, one of whom chose not to be
 * named. List and agenda views, the marks in words, past events folded and opened from the
 * keyboard, and axe-core finds no serious violation in any of the four languages.
 */
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../test/axe.ts';
import { API, gql, openPage, staffKey, type TestPage, useBrowser } from '../test/browser.ts';

const chromium = useBrowser();
/** The text a person sees of an element. */
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node: the text a person sees.
const shown = (locator: Locator) => locator.innerText();
const SCRIPT = `<script type="module" src="${API}/widget/tafel-programme.js"></script>`;
const SLUG = 'altinget-programme';
const ZONE = 'Europe/Copenhagen';
const SOON = { timeout: 15_000 };
const DAY = 86_400_000;

/** A day relative to today, `YYYY-MM-DD` (UTC). */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number, clock: string) => `${day(offset)}T${clock}:00Z`;

const CHAIR = { name: 'Abdel Aziz Mahmoud', role: 'journalist og tv-vært', namePublic: true };

beforeAll(async () => {
  const key = staffKey();
  const { organisations } = await gql<{ organisations: { nodes: { slug: string }[] } }>(
    '{ organisations(first: 1) { nodes { slug } } }',
  );
  const organisation = organisations.nodes[0]!.slug;
  const made = await gql<{ createEdition: { userErrors: unknown[] } }>(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
    {
      input: {
        slug: SLUG,
        name: 'Altingets integrationspolitiske netværk',
        date: day(-40),
        endDate: day(300),
        timeZone: ZONE,
        country: 'DK',
        status: 'OPEN',
      },
    },
    key,
  );
  expect(made.createEdition.userErrors).toEqual([]);
  const meeting = async (input: Record<string, unknown>, programme: Record<string, unknown>) => {
    const created = await gql<{
      createLocation: { location: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { message } } }`,
      { input: { edition: SLUG, organisation, meal: 'OTHER', ...input } },
      key,
    );
    expect(created.createLocation.userErrors).toEqual([]);
    const set = await gql<{ setProgramme: { userErrors: unknown[] } }>(
      `mutation($input: SetProgrammeInput!) { setProgramme(input: $input) { userErrors { field message } } }`,
      { input: { location: created.createLocation.location!.id, ...programme } },
      key,
    );
    expect(set.setProgramme.userErrors).toEqual([]);
  };
  // Over: 14 September's meeting, two speakers in one slot.
  await meeting(
    {
      name: 'Netværksmøde i København',
      coordinates: { lat: 55.6819, lng: 12.5858 },
      address: { street: 'Ny Kongensgade 10', city: 'København K' },
      startsAt: at(-20, '07:30'),
      endsAt: at(-20, '10:30'),
    },
    {
      chair: CHAIR,
      sessions: [
        {
          startsAt: at(-20, '07:30'),
          endsAt: at(-20, '10:30'),
          title: 'Pressens rolle og ansvar på integrationsområdet',
          speakers: [
            { name: 'Aydin Soei', role: 'sociolog og forfatter', namePublic: true },
            {
              name: 'Jakob Nielsen',
              role: 'ansvarshavende chefredaktør',
              organisation: 'Altinget',
            },
          ],
        },
      ],
    },
  );
  // To come: the døgnmøde, overnight, not yet confirmed.
  await meeting(
    {
      name: 'Det årlige døgnmøde',
      coordinates: { lat: 55.5126, lng: 11.4263 },
      address: { city: 'Kragerup Gods' },
      startsAt: at(10, '06:30'),
      endsAt: at(11, '12:00'),
      schedule: 'TENTATIVE',
    },
    {
      chair: CHAIR,
      sessions: [
        {
          startsAt: at(10, '08:15'),
          endsAt: at(10, '09:15'),
          title: 'Fra chefkonsulent til stifter af videnscenter',
          speakers: [
            {
              name: 'Rasmus Brygger',
              role: 'stifter',
              organisation: 'Danmarks Videnscenter for Integration',
              namePublic: true,
            },
          ],
        },
        {
          // Past midnight on the Danish clock, summer or winter.
          startsAt: at(10, '21:00'),
          endsAt: at(11, '01:00'),
          title: 'Nattesamtale',
          tentative: true,
        },
        {
          startsAt: at(11, '11:00'),
          endsAt: at(11, '12:00'),
          title: 'Ny forperson i Mino Danmark',
          speakers: [
            {
              name: 'Moussa Mchangama',
              role: 'forperson',
              organisation: 'Mino Danmark',
              namePublic: true,
            },
          ],
        },
      ],
    },
  );
});

async function programme(lang: string, view = 'list'): Promise<TestPage> {
  const opened = await openPage(
    chromium.browser,
    `<main><h1>Program</h1><tafel-programme edition="${SLUG}" view="${view}"></tafel-programme></main>`,
    { script: SCRIPT, lang, head: '<title>Program</title>' },
  );
  await expect
    .poll(() => opened.page.locator('tafel-programme .session').count(), SOON)
    .toBeGreaterThan(0);
  return opened;
}

const dayName = (offset: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day(offset)}T12:00:00Z`));

describe('<tafel-programme>', () => {
  test('lists the meetings in time order, the døgnmøde marked, its chair and sessions; past events folded', async () => {
    const { page, errors } = await programme('da');
    const element = page.locator('tafel-programme');
    const upcoming = element.locator('.base > .meeting');
    await expect.poll(() => upcoming.count()).toBe(1);
    const doegn = upcoming.first();
    expect(await shown(doegn.locator('h3'))).toMatch(/Det årlige døgnmøde\s*Endnu ikke bekræftet/);
    expect(await shown(doegn.locator('.chair'))).toBe(
      'Mødeleder: Abdel Aziz Mahmoud, journalist og tv-vært',
    );
    const sessions = doegn.locator('.session');
    expect(await sessions.count()).toBe(3);
    expect(await shown(sessions.nth(0))).toContain(
      'Rasmus Brygger, stifter, Danmarks Videnscenter for Integration',
    );
    // The night session runs past midnight: both days are written out.
    const night = await shown(sessions.nth(1));
    expect(night).toContain('Nattesamtale');
    expect(night).toContain('Endnu ikke bekræftet');
    const dayOf = (offset: number) =>
      new Intl.DateTimeFormat('da', { day: 'numeric', timeZone: ZONE })
        .format(new Date(at(offset, '12:00')))
        .replace(/\D/g, '');
    expect(night).toMatch(new RegExp(`${dayOf(10)}\\.[^–]*–[^–]*${dayOf(11)}\\.`));

    // The meeting already over is folded, and opens from the keyboard.
    const past = element.locator('details.past');
    expect(await shown(past.locator('summary'))).toBe('Tidligere begivenheder (1)');
    expect(await past.getAttribute('open')).toBeNull();
    expect(await element.getByText('Pressens rolle og ansvar').isVisible()).toBe(false);
    await past.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => element.getByText('Pressens rolle og ansvar').isVisible()).toBe(true);
    const slot = await shown(past.locator('.session'));
    expect(slot).toContain(
      'Aydin Soei, sociolog og forfatter · ansvarshavende chefredaktør, Altinget',
    );
    // The speaker who did not choose to be named is named nowhere.
    expect(await element.evaluate((e) => e.shadowRoot!.innerHTML)).not.toContain('Jakob Nielsen');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('shows the sessions by day in the agenda view, and switches views with its buttons', async () => {
    const { page } = await programme('en', 'agenda');
    const element = page.locator('tafel-programme');
    const days = element.locator('.base > .day');
    expect(await days.locator('h3').allInnerTexts()).toEqual([
      dayName(10, 'en'),
      dayName(11, 'en'),
    ]);
    expect(await days.nth(0).locator('.session').count()).toBe(2);
    // The night session of a meeting not yet confirmed: marked once, not twice.
    expect(await days.nth(0).locator('.session').nth(1).locator('.mark').count()).toBe(1);
    const first = await shown(days.nth(0).locator('.session').first());
    expect(first).toContain('Not yet confirmed');
    expect(first).toContain('Det årlige døgnmøde · Kragerup Gods');
    expect(await shown(days.nth(1).locator('.session'))).toContain('Ny forperson i Mino Danmark');
    const [list, agenda] = [
      element.getByRole('button', { name: 'List' }),
      element.getByRole('button', { name: 'By day' }),
    ];
    expect(await agenda.getAttribute('aria-pressed')).toBe('true');
    await list.click();
    await expect.poll(() => element.getAttribute('view')).toBe('list');
    expect(await list.getAttribute('aria-pressed')).toBe('true');
    expect(await element.locator('.base > .meeting').count()).toBe(1);
    await page.close();
  });

  for (const lang of ['nl', 'en', 'de', 'da']) {
    test(`axe-core finds no serious violation (${lang}), past events open, both views`, async () => {
      for (const view of ['list', 'agenda']) {
        const { page } = await programme(lang, view);
        await page.locator('tafel-programme summary').click();
        expect(await seriousViolations(page), `${lang} ${view}`).toEqual([]);
        await page.close();
      }
    });
  }
});
