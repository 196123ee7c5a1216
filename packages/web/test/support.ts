/**
 * Helpers for the pages' browser tests: the API from Node (with the staff key, to set up what a
 * test needs), one Chromium per file, pages that record their errors, signing in through a link
 * as a person does (open it, press the button), and axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { runCli } from '../../widget/scripts/api-server.ts';
import { type Chromium, launchChromium } from '../../widget/scripts/chromium.ts';
import { seriousViolations } from '../../widget/test/axe.ts';
import { gql, staffKey } from '../../widget/test/browser.ts';

/** A GraphQL request from Node, with a bearer token (key or host link) when given. */
export { gql, seriousViolations, staffKey };
export const API = inject('api');
export const EDITION = 'nid-2027';
export const LANGS = ['nl', 'en', 'de', 'da'] as const;

/**
 * The API's command line, as an operator types it (`pnpm tafel …`) on the machine where the
 * server runs: on PGlite it hands the command to the running server. Its last line.
 */
export function cli(args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, TAFEL_DATA_DIR: inject('apiDataDir') };
  delete env['DATABASE_URL'];
  return runCli(env, args);
}

/** Invite a person through the API with the staff key; the invitation link. */
export async function invite(input: {
  email: string;
  name?: string;
  role?: 'ADMIN' | 'MODERATOR' | 'PRESS';
  organisation?: string;
  /** Staff of this federation only. */
  federation?: string;
}): Promise<string> {
  const { invitePerson } = await gql<{
    invitePerson: { invitationUrl: string | null; userErrors: { message: string }[] };
  }>(
    `mutation ($input: InvitePersonInput!) {
      invitePerson(input: $input) { invitationUrl userErrors { message } }
    }`,
    { input },
    staffKey(),
  );
  if (!invitePerson.invitationUrl)
    throw new Error(`no invitation: ${JSON.stringify(invitePerson.userErrors)}`);
  return invitePerson.invitationUrl;
}

/** One Chromium per test file, at a viewport (a phone's for the host's page). */
export function useBrowser(viewport?: { width: number; height: number }): {
  readonly browser: Chromium;
} {
  let browser: Chromium | undefined;
  beforeAll(async () => {
    browser = await launchChromium(viewport ? { viewport } : {});
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  };
}

export interface TestPage {
  page: Page;
  /** Uncaught errors, console errors and policy violations: a test ends with none. */
  errors: string[];
}

/** A new tab (in the browser's one context: cookies are shared between its tabs). */
export async function newPage(browser: Chromium): Promise<TestPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  return { page, errors };
}

/** A transparent 1×1 PNG: the map's tiles, without going to the internet. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Answer the map's tile requests with a blank tile (instead of refusing them), for pages with a map. */
export async function serveBlankTiles(page: Page): Promise<void> {
  await page.unroute(/tile\.openstreetmap\.org/);
  await page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
}

/** Open a sign-in or invitation link and press its button, as a person does; lands on /manage. */
export async function signIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  // The button speaks the link's language (`&lang=`), else the browser's.
  await Promise.all([
    page.waitForURL(new RegExp(`^${API}/manage(\\?lang=[a-z]{2})?$`)),
    page.locator('form[action^="/manage/link"] button[type="submit"]').click(),
  ]);
}

/** A new tab, signed in as a person invited through the API (staff, or an organisation's). */
export async function signedIn(
  browser: Chromium,
  person: Parameters<typeof invite>[0],
): Promise<TestPage> {
  const tab = await newPage(browser);
  await signIn(tab.page, await invite(person));
  return tab;
}

/** Open a page of ours in a language (`?lang=`). */
export async function openIn(page: Page, path: string, lang: string): Promise<void> {
  const url = new URL(path, API);
  url.searchParams.set('lang', lang);
  await page.goto(url.href);
}

/** A GraphQL request from the page itself, with its session cookie. */
export async function fromPage<R>(page: Page, query: string, variables: object = {}): Promise<R> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return response.json();
    },
    [query, variables] as const,
  );
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as R;
}

/** Create a venue as the signed-in coordinator (`createLocation`); its id. Throws on userErrors. */
export async function createVenue(page: Page, input: Record<string, unknown>): Promise<string> {
  const { createLocation } = await fromPage<{
    createLocation: { location: { id: string } | null; userErrors: unknown[] };
  }>(
    page,
    `mutation ($input: CreateLocationInput!) {
      createLocation(input: $input) { location { id } userErrors { field message code } }
    }`,
    { input },
  );
  if (!createLocation.location) throw new Error(JSON.stringify(createLocation.userErrors));
  return createLocation.location.id;
}

/**
 * An application sent through the API as the join form sends it: a fresh form token, sent more
 * than the least fill time (3 s) later. Whether it was received.
 */
export async function applyToJoin(input: Record<string, unknown>): Promise<boolean> {
  const { joinForm } = await gql<{ joinForm: { token: string; termsVersion: string } }>(
    '{ joinForm { token termsVersion } }',
  );
  await new Promise((r) => setTimeout(r, 3100));
  const sent = await gql<{ applyToJoin: { received: boolean } }>(
    'mutation($input: ApplyToJoinInput!) { applyToJoin(input: $input) { received } }',
    {
      input: {
        consent: true,
        termsVersion: joinForm.termsVersion,
        formToken: joinForm.token,
        ...input,
      },
    },
  );
  return sent.applyToJoin.received;
}

/** Fill in /join in English as an applicant does, agreeing to the terms (not yet sent). */
export async function fillJoinForm(
  page: Page,
  answers: { organisation: string; kind: string; website?: string; contact: string; email: string },
): Promise<void> {
  await page.getByLabel('Name of the organisation').fill(answers.organisation);
  await page.getByLabel('Kind of organisation').selectOption(answers.kind);
  if (answers.website) await page.getByLabel('Website (optional)').fill(answers.website);
  await page.getByLabel('Name of the contact person').fill(answers.contact);
  await page.getByLabel('E-mail address of the contact person').fill(answers.email);
  await page.getByLabel('On behalf of the organisation, I agree to these terms').check();
}
