/**
 * GraphiQL, the API's documentation, comes from the API itself: with every request that does not
 * go to this machine refused (no CDN, as on a machine without internet) and under the API's own
 * Content-Security-Policy, it renders and runs a query. (A browser test of the API's page; it lives
 * with the other browser tests, which start the real API.)
 */
import { describe, expect, it } from 'vitest';
import { API, useBrowser } from './browser.ts';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

describe('GraphiQL', () => {
  const chromium = useBrowser();

  it('renders and runs a query with every request beyond this machine refused', async () => {
    const page = await chromium.browser.context.newPage();
    const refused: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname, protocol } = new URL(route.request().url());
      if (protocol === 'data:' || protocol === 'blob:' || loopback.has(hostname))
        return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.effectiveDirective} ${e.blockedURI}`),
      );
    });

    const response = await page.goto(`${API}/graphql`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // The editor holds the default query; run it with the toolbar's button.
    const run = page.getByRole('button', { name: /execute query/i });
    await run.waitFor({ timeout: 60_000 });
    await run.click();
    const result = page.getByRole('region', { name: 'Result Window' });
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node: the text a person sees.
    const shown = () => result.innerText();
    await expect.poll(shown, { timeout: 30_000 }).toContain('"participants"');

    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
