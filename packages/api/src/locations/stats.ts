/**
 * Participation statistics, computed in the database from the public venues of an edition:
 * totals and every bucket in one statement; the day's timeline from the append-only log.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations } from '../db/schema.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';

export interface Bucket { key: string; label: string | null; participants: number; capacity: number; locations: number }

export interface StatsSummary {
  participants: number;
  capacity: number;
  locations: number;
  organisations: number;
  updatedAt: Date | null;
  byRegion: Bucket[];
  byMeal: Bucket[];
  byTargetGroup: Bucket[];
  byOrganisation: Bucket[];
}

type Row = {
  dim: string;
  key: string | null;
  label: string | null;
  participants: string | number;
  capacity: string | number;
  locations: string | number;
  organisations: string | number;
  updated_at: string | Date | null;
};

export async function computeStats(db: Db, editionId: number, filter: ResolvedFilter): Promise<StatsSummary> {
  const where = publicLocationCondition(locations, editionId, filter);
  // One scan of the matching venues (a materialised CTE), grouped five ways.
  const result = await db.execute<Row>(sql`
    WITH f AS MATERIALIZED (
      SELECT ${locations.organisationId} AS organisation_id, ${locations.region} AS region, ${locations.meal}::text AS meal,
             ${locations.targetGroups} AS target_groups, ${locations.participants} AS participants,
             coalesce(${locations.capacity}, 0) AS capacity, ${locations.updatedAt} AS updated_at
      FROM ${locations} WHERE ${where}
    )
    SELECT 'total' AS dim, NULL AS key, NULL AS label, coalesce(sum(participants), 0) AS participants, coalesce(sum(capacity), 0) AS capacity,
           count(*) AS locations, count(DISTINCT organisation_id) AS organisations, max(updated_at) AS updated_at FROM f
    UNION ALL
    SELECT 'region', coalesce(region, ''), NULL, sum(participants), sum(capacity), count(*), count(DISTINCT organisation_id), max(updated_at) FROM f GROUP BY region
    UNION ALL
    SELECT 'meal', meal, NULL, sum(participants), sum(capacity), count(*), count(DISTINCT organisation_id), max(updated_at) FROM f GROUP BY meal
    UNION ALL
    SELECT 'targetGroup', tg::text, NULL, sum(participants), sum(capacity), count(*), count(DISTINCT organisation_id), max(updated_at)
      FROM f CROSS JOIN LATERAL unnest(f.target_groups) AS tg GROUP BY tg
    UNION ALL
    SELECT 'organisation', o.slug, o.name, sum(f.participants), sum(f.capacity), count(*), 1, max(f.updated_at)
      FROM f JOIN organisations o ON o.id = f.organisation_id GROUP BY o.slug, o.name
  `);
  const rows = rowsOf<Row>(result);
  const summary: StatsSummary = {
    participants: 0, capacity: 0, locations: 0, organisations: 0, updatedAt: null,
    byRegion: [], byMeal: [], byTargetGroup: [], byOrganisation: [],
  };
  const lists: Record<string, Bucket[]> = {
    region: summary.byRegion, meal: summary.byMeal, targetGroup: summary.byTargetGroup, organisation: summary.byOrganisation,
  };
  for (const row of rows) {
    const bucket = {
      key: row.key ?? '',
      label: row.label,
      participants: Number(row.participants),
      capacity: Number(row.capacity),
      locations: Number(row.locations),
    };
    if (row.dim === 'total') {
      summary.participants = bucket.participants;
      summary.capacity = bucket.capacity;
      summary.locations = bucket.locations;
      summary.organisations = Number(row.organisations);
      summary.updatedAt = row.updated_at ? new Date(row.updated_at) : null;
    } else {
      lists[row.dim]?.push(bucket);
    }
  }
  // Biggest first, then by key, so the order is stable.
  for (const list of Object.values(lists)) list.sort((a, b) => b.participants - a.participants || a.key.localeCompare(b.key));
  return summary;
}

export interface TimelinePoint { at: Date; participants: number }

/**
 * Participants over the day: the cumulative sum of every logged change to the matching venues,
 * at the end of each interval that saw a change.
 */
export async function computeTimeline(db: Db, editionId: number, filter: ResolvedFilter, minutes: number): Promise<TimelinePoint[]> {
  const where = publicLocationCondition(locations, editionId, filter);
  const result = await db.execute<{ at: string | Date; participants: string | number }>(sql`
    SELECT bucket + make_interval(mins => ${minutes}::int) AS at,
           sum(sum(delta)) OVER (ORDER BY bucket) AS participants
    FROM (
      SELECT date_bin(make_interval(mins => ${minutes}::int), pl.at, timestamptz '2000-01-01T00:00:00Z') AS bucket,
             pl.new_value - pl.old_value AS delta
      FROM participation_log pl JOIN ${locations} ON ${locations.id} = pl.location_id
      WHERE pl.edition_id = ${editionId} AND ${where}
    ) changes
    GROUP BY bucket ORDER BY bucket
  `);
  return rowsOf<{ at: string | Date; participants: string | number }>(result).map((r) => ({
    at: new Date(r.at),
    participants: Number(r.participants),
  }));
}

/** postgres.js returns an array of rows; PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
