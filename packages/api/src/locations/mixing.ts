/**
 * The measure of mixing: how many people of each role shared a table (a venue) with people of
 * another role, per venue, per region and per edition, from the venues' present counts per role.
 * Counts, never people, and never a small group:
 *
 * - A venue's figures are published only when every role present there has at least the least
 *   group size (`minGroup`, default 5); otherwise all of them are null (suppressed), so neither a
 *   figure nor the venue's total minus the others can single out a smaller group.
 * - A region's and the edition's figures add up the published venue figures only. Adding a
 *   suppressed venue's people in would give them away by subtraction (the region's figure minus
 *   its venues' published ones); so an aggregate is exact over the venues it publishes, and says
 *   how many venues it leaves out. An aggregate figure that still came out between 1 and
 *   minGroup − 1 would be suppressed too (it cannot, as each venue adds 0 or at least minGroup).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations } from '../db/schema.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';
import { type RoleCounts, roleList } from './roles.ts';
import { rowsOf } from './stats.ts';

/** The least group a published figure may describe, unless the edition or the server says otherwise. */
export const DEFAULT_MIXING_MIN_GROUP = 5;

/** One role's figure: people of it who sat with another role; null when suppressed. */
export interface RoleMixing {
  role: string;
  mixed: number | null;
  /** A federation's own role's labels, added by the API (a built-in role's are the contract's). */
  labels?: Record<'nl' | 'en' | 'de' | 'da', string>;
}

/** A venue's figures: null for every role when any group there is too small. */
export function venueMixing(present: RoleCounts, minGroup: number): RoleMixing[] {
  const roles = roleList(present).filter((r) => r.count > 0);
  const small = roles.some((r) => r.count < minGroup);
  const mixed = roles.length >= 2;
  return roles.map(({ role, count }) => ({
    role,
    mixed: small ? null : mixed ? count : 0,
  }));
}

/** The figures of several venues together (a region, an edition). */
export interface MixingSummary {
  minGroup: number;
  /** Per role: people of it who sat with another role, at the venues whose figures are published. */
  roles: RoleMixing[];
  /** Venues with people of two or more roles present whose figures are published. */
  mixedVenues: number;
  /** Venues with people counted per role whose figures are suppressed (a group below minGroup). */
  suppressedVenues: number;
}

export interface MixingStats extends MixingSummary {
  byRegion: (MixingSummary & { region: string })[];
}

function summarise(venues: RoleMixing[][], minGroup: number): MixingSummary {
  const sums: RoleCounts = {};
  let mixedVenues = 0;
  let suppressedVenues = 0;
  for (const figures of venues) {
    if (figures.some((f) => f.mixed === null)) {
      suppressedVenues++;
      continue;
    }
    if (figures.some((f) => (f.mixed ?? 0) > 0)) mixedVenues++;
    for (const f of figures) sums[f.role] = (sums[f.role] ?? 0) + (f.mixed ?? 0);
  }
  return {
    minGroup,
    roles: roleList(sums).map(({ role, count }) => ({
      role,
      mixed: count > 0 && count < minGroup ? null : count,
    })),
    mixedVenues,
    suppressedVenues,
  };
}

/** The mixing of an edition's public venues that match a filter, as a whole and per region. */
export async function computeMixing(
  db: Db,
  editionId: number,
  filter: ResolvedFilter,
  minGroup: number,
): Promise<MixingStats> {
  const rows = await presentRows(db, editionId, filter);
  const all: RoleMixing[][] = [];
  const regions = new Map<string, RoleMixing[][]>();
  for (const row of rows) {
    const figures = venueMixing(row.present, minGroup);
    if (figures.length === 0) continue;
    all.push(figures);
    const key = row.region ?? '';
    let list = regions.get(key);
    if (!list) {
      list = [];
      regions.set(key, list);
    }
    list.push(figures);
  }
  return {
    ...summarise(all, minGroup),
    byRegion: [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, venues]) => ({ region, ...summarise(venues, minGroup) })),
  };
}

/** The least group size of an edition: its own, else the server's (TAFEL_MIXING_MIN_GROUP), else 5. */
export function minGroupOf(
  edition: { mixingMinGroup: number | null } | null | undefined,
  serverDefault: number | undefined,
): number {
  return edition?.mixingMinGroup ?? serverDefault ?? DEFAULT_MIXING_MIN_GROUP;
}

/** The public venues (matching a filter) where people were counted per role, in id order. */
async function presentRows(
  db: Db,
  editionId: number,
  filter: ResolvedFilter,
): Promise<{ id: number; region: string | null; present: RoleCounts }[]> {
  const rows = rowsOf<{ id: number; region: string | null; present: RoleCounts | string }>(
    await db.execute(sql`
      SELECT ${locations.id} AS id, ${locations.region} AS region, ${locations.presentByRole} AS present
      FROM ${locations}
      WHERE ${publicLocationCondition(locations, editionId, filter)}
        AND ${locations.presentByRole} <> '{}'::jsonb
      ORDER BY ${locations.id}`),
  );
  // postgres.js parses jsonb; PGlite too, but a text value is read either way.
  return rows.map((r) => ({
    id: Number(r.id),
    region: r.region,
    present: typeof r.present === 'string' ? JSON.parse(r.present) : r.present,
  }));
}

/** Each public venue's figures, by its row id (for the open data), where people were counted per role. */
export async function venueMixingRows(
  db: Db,
  editionId: number,
  minGroup: number,
): Promise<{ id: number; roles: RoleMixing[] }[]> {
  return (await presentRows(db, editionId, {}))
    .map((row) => ({ id: row.id, roles: venueMixing(row.present, minGroup) }))
    .filter((v) => v.roles.length > 0);
}
