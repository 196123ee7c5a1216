/** Helpers of the <tafel-map> browser tests. */

import type { MapLocation } from '@tafel/schema';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { API, EDITION } from './browser.ts';

export const mapTag = (attributes = '') =>
  `<tafel-map edition="${EDITION}" ${attributes}></tafel-map>`;

/** A venue that no other venue shares coordinates with, so its marker can be clicked alone. */
export function loneVenue(
  venues: MapLocation[],
  where: (v: MapLocation) => boolean = () => true,
): MapLocation {
  const key = (v: MapLocation) => `${v.coordinates.lat.toFixed(4)},${v.coordinates.lng.toFixed(4)}`;
  const counts = new Map<string, number>();
  for (const v of venues) counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
  const venue = venues.find((v) => counts.get(key(v)) === 1 && where(v));
  if (!venue) throw new Error('no venue with coordinates of its own');
  return venue;
}

/** Cut the page off from the API and break the live stream: the map reconnects, fails, and shows its notice. */
export async function cutOffApi(page: Page): Promise<Locator> {
  await page.route(`${API}/graphql?*`, (route) => route.abort());
  await page.evaluate(() => {
    const map = document.querySelector('tafel-map')!;
    map.setAttribute('live', 'false');
    map.removeAttribute('live');
  });
  const notice = page.locator('tafel-map [part="notice"]');
  await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
  return notice;
}
