/**
 * Participation statistics, computed in the database from the public venues of an edition:
 * totals and every bucket in one statement; the day's timeline from the append-only log.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations, organisations } from '../db/schema.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';
import { isBuiltInGroup } from './roles.ts';
import { ownTargetGroupsOf } from './vocabulary.ts';

export interface Bucket {
  key: string;
  label: string | null;
  /** A federation's own target group's labels (added by the API). */
  labels?: Record<'nl' | 'en' | 'de' | 'da', string>;
  /** People present: the counts reported on the day. */
  participants: number;
  /** People expected: the registrations stated before the day. */
  expected: number;
  capacity: number;
  locations: number;
}

export interface StatsSummary {
  participants: number;
  expected: number;
  capacity: number;
  locations: number;
  organisations: number;
  updatedAt: Date | null;
  byRegion: Bucket[];
  byCity: Bucket[];
  byMeal: Bucket[];
  byTargetGroup: Bucket[];
  byOrganisation: Bucket[];
  byOrganisationKind: Bucket[];
}

type Row = {
  dim: string;
  key: string | null;
  participants: string | number | null;
  expected: string | number | null;
  capacity: string | number | null;
  locations: string | number;
  updated_at: string | Date | null;
};

/** An empty summary, the lists ready to fill. */
function emptySummary(): StatsSummary {
  return {
    participants: 0,
    expected: 0,
    capacity: 0,
    locations: 0,
    organisations: 0,
    updatedAt: null,
    byRegion: [],
    byCity: [],
    byMeal: [],
    byTargetGroup: [],
    byOrganisation: [],
    byOrganisationKind: [],
  };
}

/** Biggest first (present, then expected), then by key, so the order is stable. */
function byCount(a: Bucket, b: Bucket): number {
  return b.participants - a.participants || b.expected - a.expected || a.key.localeCompare(b.key);
}

/**
 * The stats of an edition's public venues that match a filter: as they are now, or (`at`) as the
 * participation log had them at that instant — each venue's last reported count at or before it,
 * so later reports never move a snapshot.
 */
export async function computeStats(
  db: Db,
  editionId: number,
  filter: ResolvedFilter,
  at?: Date,
): Promise<StatsSummary> {
  const where = publicLocationCondition(locations, editionId, filter);
  // Present now is the venue's own count; at an instant, its last logged count by then.
  const snapshot = at
    ? sql`LEFT JOIN LATERAL (SELECT pl.new_value FROM participation_log pl
           WHERE pl.location_id = ${locations.id} AND pl.at <= ${at.toISOString()}::timestamptz
           ORDER BY pl.at DESC, pl.id DESC LIMIT 1) snap ON true`
    : sql``;
  const present = at ? sql`coalesce(snap.new_value, 0)` : sql`${locations.participants}`;
  // Two scans, both hash aggregates: the totals and four groupings in one pass (GROUPING SETS),
  // and the target groups (one venue, several groups) in another. Organisation names and kinds
  // come with their bucket.
  const [grouped, byGroup] = await Promise.all([
    db.execute<Row>(sql`
      SELECT CASE WHEN GROUPING(${locations.region}) = 0 THEN 'region'
                  WHEN GROUPING(${locations.meal}) = 0 THEN 'meal'
                  WHEN GROUPING(${locations.organisationId}) = 0 THEN 'organisation'
                  WHEN GROUPING(${locations.city}) = 0 THEN 'city'
                  ELSE 'total' END AS dim,
             coalesce(${locations.region}, ${locations.meal}::text, ${locations.organisationId}::text, ${locations.city}) AS key,
             sum(${present}) AS participants, sum(${locations.expected}) AS expected,
             sum(coalesce(${locations.capacity}, 0)) AS capacity,
             count(*) AS locations, max(${locations.updatedAt}) AS updated_at
      FROM ${locations} ${snapshot} WHERE ${where}
      GROUP BY GROUPING SETS ((), (${locations.region}), (${locations.meal}), (${locations.organisationId}), (${locations.city}))`),
    db.execute<Row>(sql`
      SELECT 'targetGroup' AS dim, tg::text AS key, sum(${present}) AS participants,
             sum(${locations.expected}) AS expected,
             sum(coalesce(${locations.capacity}, 0)) AS capacity, count(*) AS locations, NULL AS updated_at
      FROM ${locations} ${snapshot} CROSS JOIN LATERAL unnest(${locations.targetGroups}::text[] || ${locations.ownTargetGroups}) AS tg
      WHERE ${where} GROUP BY tg`),
  ]);
  const rows = [...rowsOf<Row>(grouped), ...rowsOf<Row>(byGroup)];
  const summary = emptySummary();
  const lists: Record<string, Bucket[]> = {
    region: summary.byRegion,
    city: summary.byCity,
    meal: summary.byMeal,
    targetGroup: summary.byTargetGroup,
    organisation: summary.byOrganisation,
  };
  for (const row of rows) {
    const bucket = {
      key: row.key ?? '',
      // A city is its own label (a town could share a name with a vocabulary code).
      label: row.dim === 'city' ? (row.key ?? '') : null,
      participants: Number(row.participants ?? 0),
      expected: Number(row.expected ?? 0),
      capacity: Number(row.capacity ?? 0),
      locations: Number(row.locations),
    };
    if (row.dim === 'total') {
      summary.participants = bucket.participants;
      summary.expected = bucket.expected;
      summary.capacity = bucket.capacity;
      summary.locations = bucket.locations;
      summary.updatedAt = at ?? (row.updated_at ? new Date(row.updated_at) : null);
    } else {
      lists[row.dim]?.push(bucket);
    }
  }
  summary.organisations = summary.byOrganisation.length;
  // A federation's own target groups: labelled as it names them (one statement, when any).
  if (summary.byTargetGroup.some((b) => !isBuiltInGroup(b.key))) {
    const labels = new Map(
      (await ownTargetGroupsOf(db, editionId)).map((g) => [g.code, g.labels] as const),
    );
    for (const bucket of summary.byTargetGroup) bucket.labels = labels.get(bucket.key);
  }
  if (summary.byOrganisation.length) {
    // Organisation buckets are keyed by slug and labelled with the name; their kinds add up.
    const ids = summary.byOrganisation.map((b) => Number(b.key));
    const names = await db
      .select({
        id: organisations.id,
        slug: organisations.slug,
        name: organisations.name,
        kind: organisations.kind,
      })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    const byId = new Map(names.map((o) => [String(o.id), o]));
    const kinds = new Map<string, Bucket>();
    for (const bucket of summary.byOrganisation) {
      const org = byId.get(bucket.key);
      bucket.label = org?.name ?? null;
      bucket.key = org?.slug ?? bucket.key;
      const kind = org?.kind ?? 'OTHER';
      let sum = kinds.get(kind);
      if (!sum) {
        sum = { key: kind, label: null, participants: 0, expected: 0, capacity: 0, locations: 0 };
        kinds.set(kind, sum);
        summary.byOrganisationKind.push(sum);
      }
      sum.participants += bucket.participants;
      sum.expected += bucket.expected;
      sum.capacity += bucket.capacity;
      sum.locations += bucket.locations;
    }
  }
  for (const list of [...Object.values(lists), summary.byOrganisationKind]) list.sort(byCount);
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

function add(bucket: Bucket, participants: number, expected: number, capacity: number): void {
  bucket.participants += participants;
  bucket.expected += expected;
  bucket.capacity += capacity;
  bucket.locations += 1;
}

/** A venue as the model knows it: its count and the buckets it counts in. */
interface VenueFacts {
  participants: number;
  region: Bucket;
  city: Bucket;
  meal: Bucket;
  organisation: Bucket;
  organisationKind: Bucket;
  /** Shared by every venue with the same target groups. */
  groups: Bucket[];
}

type Dimension = 'region' | 'city' | 'meal' | 'organisation' | 'organisationKind' | 'targetGroup';

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
    city: new Map(),
    meal: new Map(),
    organisation: new Map(),
    organisationKind: new Map(),
    targetGroup: new Map(),
  };
  private readonly totals = { participants: 0, expected: 0, capacity: 0, locations: 0 };
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
            SELECT ${locations.id} AS id, ${locations.participants} AS participants, ${locations.expected} AS expected,
                   ${locations.capacity} AS capacity, ${locations.region} AS region, ${locations.city} AS city,
                   ${locations.meal}::text AS meal, ${locations.organisationId} AS organisation, array_to_string(${locations.targetGroups}::text[] || ${locations.ownTargetGroups}, ',') AS groups
            FROM ${locations} WHERE ${visible}`),
          tx.execute(sql`
            SELECT ${organisations.id} AS id, ${organisations.slug} AS slug, ${organisations.name} AS name,
                   ${organisations.kind}::text AS kind FROM ${organisations}
            WHERE ${organisations.id} IN (SELECT ${locations.organisationId} FROM ${locations} WHERE ${visible})`),
          tx.execute(
            sql`SELECT max(${locations.updatedAt}) AS at FROM ${locations} WHERE ${visible}`,
          ),
        ]),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const model = new LiveStatsModel();
    // A federation's own target groups, labelled as it names them (as computeStats does).
    const own = new Map(
      (await ownTargetGroupsOf(db, editionId)).map((g) => [g.code, g.labels] as const),
    );
    const organisationBuckets = new Map<number, { organisation: Bucket; kind: Bucket }>();
    for (const row of rowsOf<{ id: number; slug: string; name: string; kind: string }>(names))
      organisationBuckets.set(Number(row.id), {
        organisation: model.bucket('organisation', row.slug, row.name),
        kind: model.bucket('organisationKind', row.kind),
      });
    const groupBuckets = new Map<string, Bucket[]>();
    const at = rowsOf<{ at: string | Date | null }>(latest)[0]?.at;
    model.updatedAt = at == null ? null : new Date(at).getTime();
    for (const row of rowsOf<{
      id: number;
      participants: number;
      expected: number;
      capacity: number | null;
      region: string | null;
      city: string | null;
      meal: string;
      organisation: number;
      groups: string;
    }>(venues)) {
      let groups = groupBuckets.get(row.groups);
      if (!groups) {
        groups =
          row.groups === ''
            ? []
            : row.groups.split(',').map((group) => {
                const bucket = model.bucket('targetGroup', group);
                bucket.labels = own.get(group);
                return bucket;
              });
        groupBuckets.set(row.groups, groups);
      }
      const host = organisationBuckets.get(Number(row.organisation))!;
      const facts: VenueFacts = {
        participants: Number(row.participants),
        region: model.bucket('region', row.region ?? ''),
        city: model.bucket('city', row.city ?? '', row.city ?? ''),
        meal: model.bucket('meal', row.meal),
        organisation: host.organisation,
        organisationKind: host.kind,
        groups,
      };
      model.venues.set(Number(row.id), facts);
      const capacity = row.capacity ?? 0;
      const expected = Number(row.expected);
      model.totals.participants += facts.participants;
      model.totals.expected += expected;
      model.totals.capacity += capacity;
      model.totals.locations += 1;
      for (const bucket of [
        facts.region,
        facts.city,
        facts.meal,
        facts.organisation,
        facts.organisationKind,
        ...groups,
      ])
        add(bucket, facts.participants, expected, capacity);
    }
    return model;
  }

  private bucket(dimension: Dimension, key: string, label: string | null = null): Bucket {
    const map = this.buckets[dimension];
    let bucket = map.get(key);
    if (!bucket) {
      bucket = { key, label, participants: 0, expected: 0, capacity: 0, locations: 0 };
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
    facts.city.participants += delta;
    facts.meal.participants += delta;
    facts.organisation.participants += delta;
    facts.organisationKind.participants += delta;
    for (const bucket of facts.groups) bucket.participants += delta;
  }

  /** The stats as of now: a new object each time (feeds hand earlier ones on). */
  summary(): StatsSummary {
    const list = (map: Map<string, Bucket>) =>
      [...map.values()].map((b) => ({ ...b })).sort(byCount);
    return {
      ...this.totals,
      organisations: this.buckets.organisation.size,
      updatedAt: this.updatedAt === null ? null : new Date(this.updatedAt),
      byRegion: list(this.buckets.region),
      byCity: list(this.buckets.city),
      byMeal: list(this.buckets.meal),
      byTargetGroup: list(this.buckets.targetGroup),
      byOrganisation: list(this.buckets.organisation),
      byOrganisationKind: list(this.buckets.organisationKind),
    };
  }
}
