/**
 * The budget of scripts/size.ts, on the build the tests load: /manage at most 140 KB gzip for each
 * role (the sections that role can open counted), every other page at most 40 KB.
 */
import { expect, it } from 'vitest';
import { MANAGE_LIMIT, PAGE_LIMIT, pageSizes, sectionRoles } from '../scripts/size.ts';
import { SECTIONS } from '../src/manage/sections.ts';

it('each page loads at most its budget of JavaScript, gzip, counting every section a role can open', () => {
  // Every section of /manage is counted for the roles that may open it.
  const found = sectionRoles();
  expect(found.size).toBe(SECTIONS.length);
  for (const section of SECTIONS) expect([...found.values()]).toContainEqual([...section.roles]);
  const sizes = pageSizes();
  const pages = sizes.map((s) => s.page);
  for (const page of ['manage.html (COORDINATOR)', 'manage.html (ADMIN)', 'live.html', 'join.html'])
    expect(pages).toContain(page);
  for (const { page, gzip, limit } of sizes) {
    expect(limit).toBe(page.startsWith('manage.html') ? MANAGE_LIMIT : PAGE_LIMIT);
    expect(gzip, page).toBeLessThanOrEqual(limit);
  }
});
