/**
 * Helpers for the browser tests: the API's answers (the truth the widget must match), pages
 * that load the built widget from the real API, and reading what the widget drew.
 */

import { type LocationFilter, type MapLocation, MapLocations, type ResultOf } from '@tafel/schema';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Chromium, launchChromium } from '../scripts/chromium.ts';

export const API = inject('api');
export const EDITION = 'nid-2027';
/**
 * The demo's past edition with venues and its day's log: people present and a curve. (The live
 * demo edition, before its day, has expected numbers and nobody present yet.)
 */
export const PAST_EDITION = 'nid-2026';

/** A GraphQL request to the API from Node, with a key when given. */
export async function gql<R = Record<string, unknown>>(
  document: string,
  variables: object = {},
  key?: string | null,
): Promise<R> {
  const response = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * A mutation with the staff key, `name(input: …) { fields userErrors }`, that must be applied:
 * the payload (its `fields`), for setting up what a test needs.
 */
export async function staffMutate(
  name: string,
  input: Record<string, unknown>,
  fields = '',
): Promise<Record<string, any>> {
  const data = await gql<Record<string, { userErrors: unknown[] } & Record<string, any>>>(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { message } } }`,
    { input },
    staffKey(),
  );
  if (data[name]!.userErrors.length)
    throw new Error(`${name}: ${JSON.stringify(data[name]!.userErrors)}`);
  return data[name]!;
}

/** Every public venue the API returns for a filter: what the map must show for it. */
export async function apiVenues(filter: LocationFilter = {}): Promise<MapLocation[]> {
  const venues: MapLocation[] = [];
  let after: string | null = null;
  for (;;) {
    const { locations }: ResultOf<typeof MapLocations> = await gql(MapLocations.document, {
      edition: EDITION,
      filter,
      first: 1000,
      after,
    });
    venues.push(...locations.nodes);
    if (!locations.pageInfo.hasNextPage) return venues;
    after = locations.pageInfo.endCursor;
  }
}

/** A staff key from the API's CLI; fails the test with the reason when there is none. */
export function staffKey(): string {
  const key = inject('staffKey');
  if (!key) throw new Error(`No staff key for write tests: ${inject('keyError')}`);
  return key;
}

/** One Chromium per test file. */
export function useBrowser(): { readonly browser: Chromium } {
  let browser: Chromium | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
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
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** alert/confirm/prompt dialogs that opened (there must be none). */
  dialogs: string[];
}

export interface PageOptions {
  /** A Content-Security-Policy header for the page. */
  csp?: string;
  /** Where the page lives; defaults to the API's origin (as the demo page). */
  origin?: string;
  /** Extra markup for <head>. */
  head?: string;
  /** The page's language. */
  lang?: string;
  /** The script tag; defaults to the ES module from the API. */
  script?: string;
  /** Set up before the page loads (routes, permissions, emulated media). */
  before?: (page: Page) => Promise<unknown>;
  /** A hash the page's address carries when it opens (`#…`). */
  hash?: string;
}

let pages = 0;

/** A page with the given body, loading the built widget from the API, with tiles refused. */
export async function openPage(
  browser: Chromium,
  body: string,
  options: PageOptions = {},
): Promise<TestPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // No tile server is reachable: refuse tiles at once, as a partner's strict policy would.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.addInitScript(() => {
    const record = { loads: [] as unknown[], selects: [] as unknown[], violations: [] as string[] };
    (window as unknown as { __tafel: typeof record }).__tafel = record;
    document.addEventListener('tafel-load', (e) => record.loads.push((e as CustomEvent).detail));
    document.addEventListener('tafel-location-select', (e) => {
      const { id, source, location } = (e as CustomEvent).detail;
      record.selects.push({
        id,
        source,
        name: location.name,
        composed: e.composed,
        bubbles: e.bubbles,
      });
    });
    document.addEventListener('securitypolicyviolation', (e) =>
      record.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const url = `${options.origin ?? API}/__tafel-test__/page-${++pages}.html`;
  const script = options.script ?? `<script type="module" src="${API}/widget/tafel.js"></script>`;
  const html = `<!doctype html><html lang="${options.lang ?? 'nl'}"><head><meta charset="utf-8">${script}${options.head ?? ''}</head><body>${body}</body></html>`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: options.csp ? { 'content-security-policy': options.csp } : {},
      body: html,
    }),
  );
  // Each test sees the API as it is now: no answer cached by an earlier page of this browser.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await options.before?.(page);
  await page.goto(url + (options.hash ?? ''));
  return { page, errors, dialogs };
}

/** For `before`: every request the page makes to the API's /graphql (queries and streams) goes into `requests`. */
export function recordApiRequests(requests: string[]): (page: Page) => Promise<void> {
  return async (page) => {
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') requests.push(request.url());
    });
  };
}

/** Wait until the map has drawn the venues of its current filter for the n-th time. */
export async function waitLoaded(
  page: Page | Frame,
  times = 1,
): Promise<{ count: number; offMainThread: boolean }> {
  await page.waitForFunction((n) => (window as any).__tafel.loads.length >= n, times, {
    timeout: 30_000,
  });
  return page.evaluate((n) => (window as any).__tafel.loads[n - 1], times);
}

/** The venues drawn on the map: each cluster counts its venues, each marker one. */
export function drawnTotal(page: Page | Frame, selector = 'tafel-map'): Promise<number> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!.shadowRoot!;
    let total = root.querySelectorAll('.pin').length;
    for (const cluster of root.querySelectorAll<HTMLElement>('.cluster'))
      total += Number(cluster.dataset['count']);
    return total;
  }, selector);
}

/** Open the list (if closed), show all of it, and read the venues' ids. */
export async function listedIds(page: Page | Frame, selector = 'tafel-map'): Promise<string[]> {
  const toggle = page.locator(`${selector} [part~="list-toggle"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const more = page.locator(`${selector} .list button.more`);
  while (await more.count()) await more.click();
  return page
    .locator(`${selector} .list li button`)
    .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset['id']!));
}

export const ids = (venues: MapLocation[]): string[] => venues.map((v) => v.id).sort();
