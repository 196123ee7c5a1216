/**
 * Open data of an edition's numbers: its stats (totals and every breakdown, people present and
 * expected side by side) and its day's timeline, as CSV. The numbers are the API's own
 * (computeStats, computeTimeline: the same public venues), with the "as of" time and the licence
 * on every row, so a copied row keeps its source.
 */
import { labelOf } from '@tafel/schema';
import { stringify } from 'csv-stringify/sync';
import type { Edition } from '../db/schema.ts';
import type { MeasureTotal } from '../locations/measures.ts';
import type { MixingStats, MixingSummary, RoleMixing } from '../locations/mixing.ts';
import type { Bucket, StatsSummary, TimelinePoint } from '../locations/stats.ts';
import { type Licence, licenceStatement, neutraliseFormula } from './feeds.ts';

export const STATS_CSV_COLUMNS = [
  'edition',
  'dimension',
  'key',
  'label',
  'participants',
  'expected',
  'capacity',
  'locations',
  'asOf',
  'licence',
] as const;

export const TIMELINE_CSV_COLUMNS = [
  'edition',
  'at',
  'intervalMinutes',
  'participants',
  'asOf',
  'licence',
] as const;

/** The breakdowns, in the order of the file, by the API's field names. */
const DIMENSIONS = [
  'byRegion',
  'byCity',
  'byMeal',
  'byTargetGroup',
  'byOrganisation',
  'byOrganisationKind',
] as const;

const asOfOf = (summary: { updatedAt: Date | null }) =>
  summary.updatedAt ? summary.updatedAt.toISOString() : '';

/** One row for the totals (dimension `total`), then one per bucket of every breakdown. */
export function toStatsCsv(edition: Edition, summary: StatsSummary, licence: Licence): string {
  const statement = licenceStatement(edition, licence);
  const asOf = asOfOf(summary);
  const row = (dimension: string, b: Omit<Bucket, 'label'> & { label: string | null }) => ({
    edition: edition.slug,
    dimension,
    key: b.key,
    label: b.label ?? b.labels?.en ?? labelOf(b.key, 'en'),
    participants: b.participants,
    expected: b.expected,
    capacity: b.capacity,
    locations: b.locations,
    asOf,
    licence: statement,
  });
  const rows = [
    row('total', {
      key: '',
      label: '',
      participants: summary.participants,
      expected: summary.expected,
      capacity: summary.capacity,
      locations: summary.locations,
    }),
    ...DIMENSIONS.flatMap((dimension) => summary[dimension].map((b) => row(dimension, b))),
  ];
  return stringify(rows, {
    header: true,
    columns: [...STATS_CSV_COLUMNS],
    cast: { string: neutraliseFormula },
  });
}

/** The people present over the day, one row per interval that saw a change. */
export function toTimelineCsv(
  edition: Edition,
  points: TimelinePoint[],
  minutes: number,
  summary: { updatedAt: Date | null },
  licence: Licence,
): string {
  const statement = licenceStatement(edition, licence);
  const asOf = asOfOf(summary);
  return stringify(
    points.map((p) => ({
      edition: edition.slug,
      at: p.at.toISOString(),
      intervalMinutes: minutes,
      participants: p.participants,
      asOf,
      licence: statement,
    })),
    { header: true, columns: [...TIMELINE_CSV_COLUMNS], cast: { string: neutraliseFormula } },
  );
}

export const MIXING_CSV_COLUMNS = [
  'edition',
  'level',
  'key',
  'role',
  'mixed',
  'minGroupSize',
  'asOf',
  'licence',
] as const;

/**
 * The measure of mixing (locations/mixing.ts): one row per role for the edition (level
 * `edition`), each region (`region`, its code) and each public venue with people counted per role
 * (`location`, its global ID). `mixed` is empty where the figure is suppressed.
 */
export function toMixingCsv(
  edition: Edition,
  mixing: MixingStats,
  venues: { id: string; roles: RoleMixing[] }[],
  summary: { updatedAt: Date | null },
  licence: Licence,
): string {
  const statement = licenceStatement(edition, licence);
  const asOf = asOfOf(summary);
  const rows = (level: string, key: string, roles: RoleMixing[]) =>
    roles.map((r) => ({
      edition: edition.slug,
      level,
      key,
      role: r.role,
      mixed: r.mixed ?? '',
      minGroupSize: mixing.minGroup,
      asOf,
      licence: statement,
    }));
  const of = (m: MixingSummary) => m.roles;
  return stringify(
    [
      ...rows('edition', '', of(mixing)),
      ...mixing.byRegion.flatMap((r) => rows('region', r.region, of(r))),
      ...venues.flatMap((v) => rows('location', v.id, v.roles)),
    ],
    { header: true, columns: [...MIXING_CSV_COLUMNS], cast: { string: neutraliseFormula } },
  );
}

export const MEASURES_CSV_COLUMNS = [
  'edition',
  'measure',
  'label',
  'organisation',
  'name',
  'value',
  'licence',
] as const;

/**
 * What the edition's federation counts beside participants (e.g. placements): per measure a
 * `total` row (organisation empty), then one row per organisation that reported, biggest first.
 */
export function toMeasuresCsv(edition: Edition, totals: MeasureTotal[], licence: Licence): string {
  const statement = licenceStatement(edition, licence);
  return stringify(
    totals.flatMap((m) => [
      {
        edition: edition.slug,
        measure: m.key,
        label: m.labels.en,
        organisation: '',
        name: 'total',
        value: m.total,
        licence: statement,
      },
      ...m.byOrganisation.map((o) => ({
        edition: edition.slug,
        measure: m.key,
        label: m.labels.en,
        organisation: o.slug,
        name: o.name,
        value: o.value,
        licence: statement,
      })),
    ]),
    { header: true, columns: [...MEASURES_CSV_COLUMNS], cast: { string: neutraliseFormula } },
  );
}
