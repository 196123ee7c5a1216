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

export function generateDemo(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  if (options.venues === undefined)
    return generateEdition(seed, options.editionSlug ?? DEMO_EDITION_SLUG);
  const venues = options.venues;
  if (!Number.isInteger(venues) || venues < 1)
    throw new RangeError(`venues must be a positive integer, got ${venues}`);
  return generateSynthetic(seed, venues, options.editionSlug ?? `synthetic-${venues}`);
}
