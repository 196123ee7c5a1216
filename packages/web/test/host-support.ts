/**
 * The host page's tests' helpers (host.test.ts, host-roles.test.ts): tabs closed after each test,
 * opening a host link as a host does, what the page shows, a tap, and a raw POST with the link.
 */
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { Chromium } from '../../widget/scripts/chromium.ts';
import { API, newPage, openIn } from './support.ts';

/** A new tab for each call; every tab a test opens is closed after it (live streams hold connections). */
export function hostTabs(ctx: { readonly browser: Chromium }) {
  const opened: Page[] = [];
  afterEach(async () => {
    for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
  });
  return async function open() {
    const tab = await newPage(ctx.browser);
    opened.push(tab.page);
    return tab;
  };
}

export async function openHost(page: Page, token: string, lang = 'en'): Promise<void> {
  await openIn(page, `/host/${token}`, lang);
  await page.locator('tafel-host h1').waitFor();
}

export const shown = (page: Page) => page.locator('tafel-host .number').getAttribute('data-count');
export const waiting = (page: Page) =>
  page.locator('tafel-host .pending').getAttribute('data-waiting');
export const tap = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).click();

/** A raw GraphQL POST with a bearer: the whole answer, errors and all. */
export async function post(body: string, token: string) {
  const response = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return (await response.json()) as {
    data?: Record<string, { userErrors: { code: string }[]; location: unknown }>;
    errors?: unknown[];
  };
}
