/**
 * Participation statistics, computed in the database from the public venues of an edition:
 * totals and every bucket in one statement; the day's timeline from the append-only log.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations, organisations } from '../db/schema.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';

export interface Bucket {
  key: string;
  label: string | null;
  participants: number;
  capacity: number;
  locations: number;
}

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
  participants: string | number | null;
  capacity: string | number | null;
  locations: string | number;
  updated_at: string | Date | null;
};

export async function computeStats(
  db: Db,
  editionId: number,
  filter: ResolvedFilter,
): Promise<StatsSummary> {
  const where = publicLocationCondition(locations, editionId, filter);
  // Two scans, both hash aggregates: the totals and three groupings in one pass (GROUPING SETS),
  // and the target groups (one venue, several groups) in another. Organisation names come with
  // their bucket.
  const [grouped, byGroup] = await Promise.all([
    db.execute<Row>(sql`
      SELECT CASE WHEN GROUPING(${locations.region}) = 0 THEN 'region'
                  WHEN GROUPING(${locations.meal}) = 0 THEN 'meal'
                  WHEN GROUPING(${locations.organisationId}) = 0 THEN 'organisation'
                  ELSE 'total' END AS dim,
             coalesce(${locations.region}, ${locations.meal}::text, ${locations.organisationId}::text) AS key,
             sum(${locations.participants}) AS participants, sum(coalesce(${locations.capacity}, 0)) AS capacity,
             count(*) AS locations, max(${locations.updatedAt}) AS updated_at
      FROM ${locations} WHERE ${where}
      GROUP BY GROUPING SETS ((), (${locations.region}), (${locations.meal}), (${locations.organisationId}))`),
    db.execute<Row>(sql`
      SELECT 'targetGroup' AS dim, tg::text AS key, sum(${locations.participants}) AS participants,
             sum(coalesce(${locations.capacity}, 0)) AS capacity, count(*) AS locations, NULL AS updated_at
      FROM ${locations} CROSS JOIN LATERAL unnest(${locations.targetGroups}) AS tg
      WHERE ${where} GROUP BY tg`),
  ]);
  const rows = [...rowsOf<Row>(grouped), ...rowsOf<Row>(byGroup)];
  const summary: StatsSummary = {
    participants: 0,
    capacity: 0,
    locations: 0,
    organisations: 0,
    updatedAt: null,
    byRegion: [],
    byMeal: [],
    byTargetGroup: [],
    byOrganisation: [],
  };
  const lists: Record<string, Bucket[]> = {
    region: summary.byRegion,
    meal: summary.byMeal,
    targetGroup: summary.byTargetGroup,
    organisation: summary.byOrganisation,
  };
  for (const row of rows) {
    const bucket = {
      key: row.key ?? '',
      label: null,
      participants: Number(row.participants ?? 0),
      capacity: Number(row.capacity ?? 0),
      locations: Number(row.locations),
    };
    if (row.dim === 'total') {
      summary.participants = bucket.participants;
      summary.capacity = bucket.capacity;
      summary.locations = bucket.locations;
      summary.updatedAt = row.updated_at ? new Date(row.updated_at) : null;
    } else {
      lists[row.dim]?.push(bucket);
    }
  }
  summary.organisations = summary.byOrganisation.length;
  if (summary.byOrganisation.length) {
    // Organisation buckets are keyed by slug and labelled with the name.
    const ids = summary.byOrganisation.map((b) => Number(b.key));
    const names = await db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    const byId = new Map(names.map((o) => [String(o.id), o]));
    for (const bucket of summary.byOrganisation) {
      const org = byId.get(bucket.key);
      bucket.label = org?.name ?? null;
      bucket.key = org?.slug ?? bucket.key;
    }
  }
  // Biggest first, then by key, so the order is stable.
  for (const list of Object.values(lists))
    list.sort((a, b) => b.participants - a.participants || a.key.localeCompare(b.key));
  return summary;
}

export interface TimelinePoint {
  at: Date;
  participants: number;
}

/**
 * Participants over the day: the cumulative sum of every logged change to the matching venues,
 * at the end of each interval that saw a change.
 */
export async function computeTimeline(
  db: Db,
  editionId: number,
  filter: ResolvedFilter,
  minutes: number,
): Promise<TimelinePoint[]> {
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

/** What a count notice says about one venue (see live/notice.ts). */
export interface CountChange {
  location: number;
  participants: number;
  /** When the change was made, in milliseconds since the epoch. */
  at: number;
}

function add(bucket: Bucket, participants: number, capacity: number): void {
  bucket.participants += participants;
  bucket.capacity += capacity;
  bucket.locations += 1;
}

/** A venue as the model knows it: its count and the buckets it counts in. */
interface VenueFacts {
  participants: number;
  region: Bucket;
  meal: Bucket;
  organisation: Bucket;
  /** Shared by every venue with the same target groups. */
  groups: Bucket[];
}

type Dimension = 'region' | 'meal' | 'organisation' | 'targetGroup';

/**
 * An edition's stats kept up to date in memory for the live feeds: loaded once from the public
 * venues, then moved by each count change (its absolute new count, so a change applied twice is
 * applied once). A report then costs the feed no query at all, however large the edition; the
 * hub loads it afresh when venues themselves change, after a lost connection, and every so often.
 * `summary()` equals what `computeStats` counts in the database (a test holds them together).
 */
export class LiveStatsModel {
  private readonly venues = new Map<number, VenueFacts>();
  private readonly buckets: Record<Dimension, Map<string, Bucket>> = {
    region: new Map(),
    meal: new Map(),
    organisation: new Map(),
    targetGroup: new Map(),
  };
  private readonly totals = { participants: 0, capacity: 0, locations: 0 };
  private updatedAt: number | null = null;

  private constructor() {}

  /**
   * Load the public venues of an edition, in one snapshot: the venues' own numbers and keys (no
   * names, no times, groups as one string: at 100,000 venues those cost more than the rest
   * together), the names of their organisations, and when the latest of them changed. Each venue
   * costs one small object; whatever venues share (their buckets, their groups) is shared.
   */
  static async load(db: Db, editionId: number): Promise<LiveStatsModel> {
    const visible = publicLocationCondition(locations, editionId, {});
    const [venues, names, latest] = await db.transaction(
      (tx) =>
        Promise.all([
          tx.execute(sql`
            SELECT ${locations.id} AS id, ${locations.participants} AS participants, ${locations.capacity} AS capacity, ${locations.region} AS region,
                   ${locations.meal}::text AS meal, ${locations.organisationId} AS organisation, array_to_string(${locations.targetGroups}, ',') AS groups
            FROM ${locations} WHERE ${visible}`),
          tx.execute(sql`
            SELECT ${organisations.id} AS id, ${organisations.slug} AS slug, ${organisations.name} AS name FROM ${organisations}
            WHERE ${organisations.id} IN (SELECT ${locations.organisationId} FROM ${locations} WHERE ${visible})`),
          tx.execute(
            sql`SELECT max(${locations.updatedAt}) AS at FROM ${locations} WHERE ${visible}`,
          ),
        ]),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const model = new LiveStatsModel();
    const organisationBuckets = new Map<number, Bucket>();
    for (const row of rowsOf<{ id: number; slug: string; name: string }>(names))
      organisationBuckets.set(Number(row.id), model.bucket('organisation', row.slug, row.name));
    const groupBuckets = new Map<string, Bucket[]>();
    const at = rowsOf<{ at: string | Date | null }>(latest)[0]?.at;
    model.updatedAt = at == null ? null : new Date(at).getTime();
    for (const row of rowsOf<{
      id: number;
      participants: number;
      capacity: number | null;
      region: string | null;
      meal: string;
      organisation: number;
      groups: string;
    }>(venues)) {
      let groups = groupBuckets.get(row.groups);
      if (!groups) {
        groups =
          row.groups === ''
            ? []
            : row.groups.split(',').map((group) => model.bucket('targetGroup', group));
        groupBuckets.set(row.groups, groups);
      }
      const facts: VenueFacts = {
        participants: Number(row.participants),
        region: model.bucket('region', row.region ?? ''),
        meal: model.bucket('meal', row.meal),
        organisation: organisationBuckets.get(Number(row.organisation))!,
        groups,
      };
      model.venues.set(Number(row.id), facts);
      const capacity = row.capacity ?? 0;
      model.totals.participants += facts.participants;
      model.totals.capacity += capacity;
      model.totals.locations += 1;
      add(facts.region, facts.participants, capacity);
      add(facts.meal, facts.participants, capacity);
      add(facts.organisation, facts.participants, capacity);
      for (const bucket of groups) add(bucket, facts.participants, capacity);
    }
    return model;
  }

  private bucket(dimension: Dimension, key: string, label: string | null = null): Bucket {
    const map = this.buckets[dimension];
    let bucket = map.get(key);
    if (!bucket) {
      bucket = { key, label, participants: 0, capacity: 0, locations: 0 };
      map.set(key, bucket);
    }
    return bucket;
  }

  /** Apply a venue's new count. Venues the public does not see (drafts, cancelled) do not count. */
  apply(change: CountChange): void {
    const facts = this.venues.get(change.location);
    if (!facts) return;
    const delta = change.participants - facts.participants;
    this.updatedAt = this.updatedAt === null ? change.at : Math.max(this.updatedAt, change.at);
    if (delta === 0) return;
    facts.participants = change.participants;
    this.totals.participants += delta;
    facts.region.participants += delta;
    facts.meal.participants += delta;
    facts.organisation.participants += delta;
    for (const bucket of facts.groups) bucket.participants += delta;
  }

  /** The stats as of now: a new object each time (feeds hand earlier ones on). */
  summary(): StatsSummary {
    const list = (map: Map<string, Bucket>) =>
      [...map.values()]
        .map((b) => ({ ...b }))
        .sort((a, b) => b.participants - a.participants || a.key.localeCompare(b.key));
    return {
      ...this.totals,
      organisations: this.buckets.organisation.size,
      updatedAt: this.updatedAt === null ? null : new Date(this.updatedAt),
      byRegion: list(this.buckets.region),
      byMeal: list(this.buckets.meal),
      byTargetGroup: list(this.buckets.targetGroup),
      byOrganisation: list(this.buckets.organisation),
    };
  }
}
