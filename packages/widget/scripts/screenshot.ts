/**
 * A screenshot of the demo page with its list open and a venue's popup, for the README:
 * `pnpm screenshot [url] [file]` (the API must be running, e.g. `pnpm start`).
 * Tile requests are refused (no tile server is reachable here), so the picture shows the
 * widget's own offline outline under the markers.
 */
import { launchChromium } from './chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4000/';
const file = process.argv[3] ?? 'docs/demo.png';

// A visitor in the Netherlands: times in the edition's own zone.
const browser = await launchChromium({
  viewport: { width: 1200, height: 1000 },
  timezoneId: 'Europe/Amsterdam',
});
try {
  const page = await browser.context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const loaded = page
    .waitForEvent('console', { predicate: (m) => m.text() === 'tafel-load', timeout: 30_000 })
    .catch(() => null);
  await page.addInitScript(() =>
    document.addEventListener('tafel-load', () => console.log('tafel-load')),
  );
  await page.goto(url);
  await loaded;
  // Show the list and one venue's popup, as a visitor would after a click.
  await page.locator('tafel-map [part~="list-toggle"]').click();
  // The lowest marker on screen: its popup opens above it without panning the country away.
  const pins = page.locator('tafel-map .pin');
  const tops = await pins.evaluateAll((all) => all.map((pin) => pin.getBoundingClientRect().top));
  await pins.nth(tops.indexOf(Math.max(...tops))).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
