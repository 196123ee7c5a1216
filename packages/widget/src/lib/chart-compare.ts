/**
 * What `<tafel-chart compare="…">` compares with, and where its numbers come from.
 *
 * - `compare="<slug>"` (e.g. `nid-2026`): that edition's stats, asked for with the same query as
 *   the chart's own edition (`ChartStats`), drawn beside it at the same local clock times.
 * - `compare="previous"`: the previous edition of the same series. The API learns to answer that
 *   itself (`stats(…, compareWith)`, issue #18); until the widget asks it, `resolveComparison`
 *   answers `pending` and the chart draws without the comparison and says so. The seam: give
 *   `previous` a loader here that reads the API's comparison, and nothing else changes.
 */
import { type ChartParts, ChartStats, type LocationFilter } from '@tafel/schema';
import type { ChartSeries } from './chart-data.ts';
import { query } from './graphql.ts';

export type Comparison =
  | { kind: 'none' }
  | { kind: 'edition'; slug: string }
  /** The previous edition of the series: not yet available through the API. */
  | { kind: 'previous' };

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
}

/** Load one edition's day and the numbers a chart draws; null for an edition the API does not know. */
export async function loadSeries(
  edition: string,
  { endpoint, parts, filter, signal, fresh }: SeriesRequest,
): Promise<ChartSeries | null> {
  const variables = { edition, ...parts, ...(filter ? { filter } : {}) };
  const data = await query(endpoint, ChartStats, variables, { signal, fresh });
  if (!data.edition) return null;
  const { name, date, timeZone } = data.edition;
  return { name, date, timeZone, stats: data.stats };
}

/** The compared series, `pending` while the API cannot answer this kind of comparison yet. */
export async function resolveComparison(
  comparison: Comparison,
  request: SeriesRequest,
): Promise<ChartSeries | null | 'pending'> {
  switch (comparison.kind) {
    case 'none':
      return null;
    case 'edition':
      return loadSeries(comparison.slug, request);
    case 'previous':
      return 'pending';
  }
}
