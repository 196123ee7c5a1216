/** The budget of scripts/size.ts, on the build the tests load: every page at most 160 KB gzip. */
import { expect, it } from 'vitest';
import { LIMIT, pageSizes } from '../scripts/size.ts';

it('each page loads at most 160 KB of JavaScript, gzip, counting every section it can open', () => {
  const sizes = pageSizes();
  expect(sizes.map((s) => s.page)).toContain('manage.html');
  expect(sizes.map((s) => s.page)).toContain('live.html');
  for (const { page, gzip } of sizes) expect(gzip, page).toBeLessThanOrEqual(LIMIT);
});
