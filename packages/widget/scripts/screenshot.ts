/**
 * A screenshot of the demo page, for the README: `pnpm screenshot [url] [file]`.
 * Tile requests are refused (no tile server is reachable here), so the picture shows the
 * widget's own offline outline under the markers.
 */
import { launchChromium } from './chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4000/';
const file = process.argv[3] ?? 'docs/demo.png';

const browser = await launchChromium({ viewport: { width: 1200, height: 1000 } });
try {
  const page = await browser.context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const loaded = page.waitForEvent('console', { predicate: (m) => m.text() === 'tafel-load', timeout: 30_000 }).catch(() => null);
  await page.addInitScript(() => document.addEventListener('tafel-load', () => console.log('tafel-load')));
  await page.goto(url);
  await loaded;
  await page.waitForTimeout(500);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
