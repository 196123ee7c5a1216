/**
 * Open data of what came of an edition: the totals of its venues' closing reports (for the
 * edition, then per region) as CSV, and the stories staff published, as CSV and JSON. Counts
 * only, never a note; stories only published ones of public venues, with the attribution the
 * storyteller agreed to. The licence travels with every row, as in the other files.
 */
import { stringify } from 'csv-stringify/sync';
import type { Edition } from '../db/schema.ts';
import { encodeGlobalId } from '../graphql/global-id.ts';
import { OUTCOME_COUNTS, type OutcomeTotals } from '../locations/outcomes.ts';
import type { publishedStories } from '../locations/stories.ts';
import { type Licence, licenceStatement, neutraliseFormula } from './feeds.ts';

export const OUTCOMES_CSV_COLUMNS = [
  'edition',
  'dimension',
  'key',
  'reports',
  ...OUTCOME_COUNTS,
  'licence',
] as const;

export const STORIES_COLUMNS = [
  'id',
  'edition',
  'quote',
  'language',
  'attribution',
  'venue',
  'city',
  'region',
  'publishedAt',
  'licence',
] as const;

/** One row for the edition (dimension `total`), then one per region (`byRegion`). */
export function toOutcomesCsv(
  edition: Edition,
  total: OutcomeTotals,
  byRegion: (OutcomeTotals & { region: string | null })[],
  licence: Licence,
): string {
  const statement = licenceStatement(edition, licence);
  const row = (dimension: string, key: string, t: OutcomeTotals) => ({
    edition: edition.slug,
    dimension,
    key,
    ...t,
    licence: statement,
  });
  return stringify(
    [row('total', '', total), ...byRegion.map((r) => row('byRegion', r.region ?? '', r))],
    { header: true, columns: [...OUTCOMES_CSV_COLUMNS], cast: { string: neutraliseFormula } },
  );
}

type Published = Awaited<ReturnType<typeof publishedStories>>[number];

function storyRows(edition: Edition, stories: Published[], licence: Licence) {
  const statement = licenceStatement(edition, licence);
  return stories.map((s) => ({
    id: encodeGlobalId('Story', s.id),
    edition: edition.slug,
    quote: s.quote,
    language: s.language,
    attribution: s.attribution,
    venue: s.venue,
    city: s.city,
    region: s.region,
    publishedAt: s.publishedAt ? s.publishedAt.toISOString() : null,
    licence: statement,
  }));
}

/** The published stories, one row each. */
export function toStoriesCsv(edition: Edition, stories: Published[], licence: Licence): string {
  return stringify(storyRows(edition, stories, licence), {
    header: true,
    columns: [...STORIES_COLUMNS],
    cast: { string: neutraliseFormula },
  });
}

/** The published stories as JSON: `{ edition, licence, stories: [...] }`. */
export function toStoriesJson(edition: Edition, stories: Published[], licence: Licence): string {
  return JSON.stringify({
    edition: edition.slug,
    licence: licenceStatement(edition, licence),
    stories: storyRows(edition, stories, licence).map(({ licence: _, ...s }) => s),
  });
}
