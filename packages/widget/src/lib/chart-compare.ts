/**
 * What `<tafel-chart compare="…">` compares with, and where its numbers come from.
 *
 * - `compare="<slug>"` (e.g. `nid-2026`): that edition's stats, asked for with the same query as
 *   the chart's own edition (`ChartStats`), drawn beside it at the same local clock times.
 * - `compare="previous"`: the previous edition of the same series, as the API compares it
 *   (`stats(…) { comparison }`). A timeline draws the API's curve of that edition's day, moved to
 *   the same local clock times of this day; bars draw that edition's buckets. An edition that
 *   holds recorded totals only has no curve and no buckets: the chart shows its total and the
 *   API's reason as a note, and never invents a curve.
 */
import { ChartComparison, type ChartParts, ChartStats, type LocationFilter } from '@tafel/schema';
import type { ChartSeries } from './chart-data.ts';
import { query } from './graphql.ts';

export type Comparison =
  | { kind: 'none' }
  | { kind: 'edition'; slug: string }
  /** The previous edition of the series, as the API compares it. */
  | { kind: 'previous' };

/** A compared edition with totals only (or no log): its recorded count and why there is no curve. */
export interface ComparisonTotals {
  name: string;
  participants: number | null;
  atLeast: boolean;
  reason: string;
}

/** The `compare` attribute as a comparison: empty for none, `previous`, or an edition's slug. */
export function parseComparison(value: string | null | undefined): Comparison {
  const text = (value ?? '').trim();
  if (!text) return { kind: 'none' };
  if (text.toLowerCase() === 'previous') return { kind: 'previous' };
  return { kind: 'edition', slug: text };
}

/** How a chart asks: its endpoint, what it draws, its filter, and whether past any cached answer. */
export interface SeriesRequest {
  endpoint: string;
  parts: ChartParts;
  filter: LocationFilter | undefined;
  signal: AbortSignal;
  fresh: boolean;
  /** A snapshot: the numbers as they stood at this instant (ISO), not live. */
  at?: string;
}

/** Load one edition's day and the numbers a chart draws; null for an edition the API does not know. */
export async function loadSeries(
  edition: string,
  { endpoint, parts, filter, signal, fresh, at }: SeriesRequest,
): Promise<ChartSeries | null> {
  const variables = { edition, ...parts, ...(filter ? { filter } : {}), ...(at ? { at } : {}) };
  const data = await query(endpoint, ChartStats, variables, { signal, fresh });
  if (!data.edition) return null;
  const { name, date, timeZone } = data.edition;
  const stats = data.stats;
  // A snapshot's timeline ends with the last interval closed by its minute: later ones may move.
  if (at && stats.timeline) {
    const end = Date.parse(at);
    stats.timeline = stats.timeline.filter((p) => Date.parse(p.at) <= end);
  }
  return { name, date, timeZone, stats };
}

/**
 * The previous edition through the API's comparison: its curve on this day's clock (timeline), its
 * buckets (bars), or its totals and the reason there is no curve; null without a previous edition.
 */
async function loadPrevious(
  edition: string,
  request: SeriesRequest,
): Promise<ChartSeries | ComparisonTotals | null> {
  const { endpoint, parts, filter, signal, fresh, at } = request;
  const variables = {
    edition,
    curve: parts.timeline,
    ...(filter ? { filter } : {}),
    ...(at ? { at } : {}),
  };
  const data = await query(endpoint, ChartComparison, variables, { signal, fresh });
  const comparison = data.stats.comparison;
  if (!data.edition || !comparison) return null;
  if (!comparison.available) {
    const { name } = comparison.edition;
    const { participants, atLeast, reason } = comparison;
    return { name, participants, atLeast, reason: reason ?? '' };
  }
  if (!parts.timeline) return loadSeries(comparison.edition.slug, { ...request, at: undefined });
  // The curve's points already stand at this day's clock times: drawn on this edition's day.
  const { date, timeZone } = data.edition;
  const timeline = comparison.curve ?? [];
  const last = timeline[timeline.length - 1];
  return {
    name: comparison.edition.name,
    date,
    timeZone,
    stats: { participants: comparison.participants ?? 0, updatedAt: last?.at ?? '', timeline },
  };
}

/** The compared series, its totals when it has no curve, or null for none. */
export async function resolveComparison(
  comparison: Comparison,
  edition: string,
  request: SeriesRequest,
): Promise<ChartSeries | ComparisonTotals | null> {
  switch (comparison.kind) {
    case 'none':
      return null;
    case 'edition':
      return loadSeries(comparison.slug, { ...request, at: undefined });
    case 'previous':
      return loadPrevious(edition, request);
  }
}
