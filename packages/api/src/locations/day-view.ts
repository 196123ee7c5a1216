/**
 * The staff's view of the day: every published venue of an edition and its state now — not
 * started, started, silent (no report some minutes after its start), full, a jump (one report
 * that moved the count by more than a set amount) — and per region the share of started venues
 * that have reported. Read in one statement: the venues, their last report and their latest
 * jump from the participation log, and the database's clock (unless a caller sets the clock).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Location, locations, organisations, participationLog } from '../db/schema.ts';
import { rowsOf } from './stats.ts';

/** Minutes after its start a venue without a report counts as silent, unless asked otherwise. */
export const SILENT_AFTER_MINUTES = 30;
/** A report that moves the count by more than this in one step is a jump, unless asked otherwise. */
export const JUMP_OVER = 25;
/** The largest silence and jump threshold a caller may ask for (a day, and a stadium). */
export const MAX_SILENT_AFTER_MINUTES = 24 * 60;
export const MAX_JUMP_OVER = 100_000;

/** Where a venue stands in its day: before its start, started, or started and still silent. */
export type DayPhase = 'NOT_STARTED' | 'STARTED' | 'SILENT';

export interface DayJump {
  from: number;
  to: number;
  at: Date;
}

export interface DayVenue {
  location: Location;
  organisation: { slug: string; name: string };
  phase: DayPhase;
  /** No one more fits: the host said so (`full`), or the count has reached the capacity. */
  full: boolean;
  /** The latest report of the venue (any change in its participation log); null: none yet. */
  lastReportAt: Date | null;
  /** The latest report that moved the count by more than the jump threshold; null: none. */
  jump: DayJump | null;
}

export interface RegionCoverage {
  /** ISO 3166-2 code; null for venues without a region. */
  region: string | null;
  venues: number;
  started: number;
  /** Started venues that have reported at least once. */
  reported: number;
  /** reported / started; null while none has started. */
  share: number | null;
}

export interface DayView {
  editionId: number;
  /** The clock the states were read at. */
  at: Date;
  silentAfterMinutes: number;
  jumpOver: number;
  venues: DayVenue[];
  /** Per region, regions in code order (no region last). */
  coverage: RegionCoverage[];
  /** The same over all venues in the view. */
  overall: RegionCoverage;
}

export interface DayViewOptions {
  region?: string | null;
  /** An organisation's slug. */
  organisation?: string | null;
  silentAfterMinutes?: number;
  jumpOver?: number;
  /** The clock to read states at; the database's `now()` when not given. */
  now?: Date;
}

/** The phase of a venue at `now`, from its start and its last report. */
export function phaseOf(
  startsAt: Date | null,
  lastReportAt: Date | null,
  now: Date,
  silentAfterMinutes: number,
): DayPhase {
  if (!startsAt || startsAt.getTime() > now.getTime()) return 'NOT_STARTED';
  const silentFrom = startsAt.getTime() + silentAfterMinutes * 60_000;
  return lastReportAt === null && now.getTime() >= silentFrom ? 'SILENT' : 'STARTED';
}

const asDate = (v: string | Date) => new Date(v);

/** The day view of an edition's published venues, filtered by region and organisation. */
export async function dayView(
  db: Db,
  editionId: number,
  options: DayViewOptions = {},
): Promise<DayView> {
  const silentAfterMinutes = options.silentAfterMinutes ?? SILENT_AFTER_MINUTES;
  const jumpOver = options.jumpOver ?? JUMP_OVER;
  const lastReport = db
    .select({
      locationId: participationLog.locationId,
      at: sql<Date>`max(${participationLog.at})`.mapWith(asDate).as('last_report_at'),
    })
    .from(participationLog)
    .where(eq(participationLog.editionId, editionId))
    .groupBy(participationLog.locationId)
    .as('last_report');
  const jumps = db
    .selectDistinctOn([participationLog.locationId], {
      locationId: sql<number>`${participationLog.locationId}`.as('jump_location_id'),
      from: sql<number>`${participationLog.oldValue}`.as('jump_from'),
      to: sql<number>`${participationLog.newValue}`.as('jump_to'),
      at: sql<Date>`${participationLog.at}`.as('jump_at'),
    })
    .from(participationLog)
    .where(
      and(
        eq(participationLog.editionId, editionId),
        sql`abs(${participationLog.newValue} - ${participationLog.oldValue}) > ${jumpOver}`,
      ),
    )
    .orderBy(participationLog.locationId, desc(participationLog.at), desc(participationLog.id))
    .as('jumps');
  const rows = await db
    .select({
      location: locations,
      organisation: { slug: organisations.slug, name: organisations.name },
      lastReportAt: lastReport.at,
      jumpFrom: jumps.from,
      jumpTo: jumps.to,
      jumpAt: jumps.at,
      now: sql<Date>`now()`.mapWith(asDate),
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .leftJoin(lastReport, eq(lastReport.locationId, locations.id))
    .leftJoin(jumps, eq(jumps.locationId, locations.id))
    .where(
      and(
        eq(locations.editionId, editionId),
        eq(locations.status, 'PUBLISHED'),
        options.region ? eq(locations.region, options.region) : undefined,
        options.organisation ? eq(organisations.slug, options.organisation) : undefined,
      ),
    )
    .orderBy(sql`${locations.startsAt} ASC NULLS LAST`, locations.name, locations.id);
  const now = options.now ?? rows[0]?.now ?? (await dbNow(db));
  const venues = rows.map((row): DayVenue => {
    const { location } = row;
    const lastReportAt = row.lastReportAt ? asDate(row.lastReportAt) : null;
    return {
      location,
      organisation: row.organisation,
      phase: phaseOf(location.startsAt, lastReportAt, now, silentAfterMinutes),
      full:
        location.full || (location.capacity !== null && location.participants >= location.capacity),
      lastReportAt,
      jump:
        row.jumpAt !== null && row.jumpFrom !== null && row.jumpTo !== null
          ? { from: Number(row.jumpFrom), to: Number(row.jumpTo), at: asDate(row.jumpAt) }
          : null,
    };
  });
  return {
    editionId,
    at: now,
    silentAfterMinutes,
    jumpOver,
    venues,
    ...coverageOf(venues),
  };
}

async function dbNow(db: Db): Promise<Date> {
  const [row] = rowsOf<{ now: string | Date }>(await db.execute(sql`SELECT now() AS now`));
  return row ? asDate(row.now) : new Date();
}

/** Reporting coverage per region and overall: the share of started venues that have reported. */
export function coverageOf(venues: readonly DayVenue[]): {
  coverage: RegionCoverage[];
  overall: RegionCoverage;
} {
  const empty = (region: string | null): RegionCoverage => ({
    region,
    venues: 0,
    started: 0,
    reported: 0,
    share: null,
  });
  const byRegion = new Map<string | null, RegionCoverage>();
  const overall = empty(null);
  for (const venue of venues) {
    const region = venue.location.region;
    const entry = byRegion.get(region) ?? empty(region);
    byRegion.set(region, entry);
    for (const c of [entry, overall]) {
      c.venues += 1;
      if (venue.phase !== 'NOT_STARTED') {
        c.started += 1;
        if (venue.lastReportAt !== null) c.reported += 1;
      }
    }
  }
  const coverage = [...byRegion.values()].sort((a, b) =>
    a.region === null ? 1 : b.region === null ? -1 : a.region.localeCompare(b.region),
  );
  for (const c of [...coverage, overall]) c.share = c.started > 0 ? c.reported / c.started : null;
  return { coverage, overall };
}
