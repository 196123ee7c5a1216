/**
 * The deterministic demo data: an edition the size of the real Nationaal Integratiediner (320
 * published venues at real Dutch places, 98 organisations, about 20,000 participants, the seed
 * texts' named venues among them), or a synthetic edition of any size for benchmarks.
 *
 * Pure: the same options give the same data on every machine (a seeded generator, no clock).
 */
import type { DemoData, DemoOptions } from './data.ts';
import { generateEdition } from './edition.ts';
import { generateSynthetic } from './synthetic.ts';

export type {
  DemoArrival,
  DemoData,
  DemoEdition,
  DemoLocation,
  DemoOptions,
  DemoOrganisation,
} from './data.ts';
export { zonedInstant } from './time.ts';

export const DEMO_EDITION_SLUG = 'nid-2027';
const DEFAULT_SEED = 20_271_014;

/** The demo's one past day with venues and a log: a year before the live one, also a Thursday. */
export const PAST_EDITION_SLUG = 'nid-2026';
const PAST_SEED = 20_261_015;

/**
 * The past demo edition, synthetic like the live one (drawn by the same generators, other seed):
 * 15 October 2026, a year less one day before nid-2027, a Thursday as every dinner is; a little
 * smaller; its venues' counts are the people present, its log the day's arrivals.
 */
export function generatePastDemo(): DemoData {
  return generateEdition(PAST_SEED, PAST_EDITION_SLUG, {
    date: '2026-10-15',
    name: 'Nationaal Integratiediner 2026',
    people: 18_900,
    past: true,
  });
}

export function generateDemo(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  if (options.venues === undefined)
    return generateEdition(seed, options.editionSlug ?? DEMO_EDITION_SLUG);
  const venues = options.venues;
  if (!Number.isInteger(venues) || venues < 1)
    throw new RangeError(`venues must be a positive integer, got ${venues}`);
  return generateSynthetic(seed, venues, options.editionSlug ?? `synthetic-${venues}`);
}
