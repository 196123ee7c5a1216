/**
 * This edition beside another of its series at the same local clock time of its day: the other's
 * people present then, from its participation log (each venue's last reported count at or before
 * that instant, in each edition's own time zone), with the difference and percentage. An edition
 * that holds totals only answers its totals and says why there is no curve; it never gets one.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Edition } from '../db/schema.ts';
import { InvalidArgument } from './errors.ts';
import { offsetAt } from './fields.ts';
import type { ResolvedFilter } from './filter.ts';
import { historyOf } from './series.ts';
import { computeStats, computeTimeline, rowsOf, type TimelinePoint } from './stats.ts';

const DAY_MS = 86_400_000;

/** Why a comparison has no count at the same hour. */
export type ComparisonReason = 'TOTALS_ONLY' | 'FILTER_NOT_APPLICABLE' | 'NO_LOG';

export interface Comparison {
  edition: Edition;
  /** The instant of the other edition's day compared with; null when it holds totals only. */
  at: Date | null;
  participants: number | null;
  expected: number | null;
  locations: number | null;
  organisations: number | null;
  /** The numbers are lower bounds (recorded totals such as "300+"). */
  atLeast: boolean;
  /** Whether the other edition has a log: a count at any hour and a curve. */
  available: boolean;
  reasonCode: ComparisonReason | null;
  reason: string | null;
}

/** The first instant of an edition's day, and the first of the next, in its time zone. */
export function dayOf(edition: Pick<Edition, 'date' | 'timeZone'>): { start: Date; end: Date } {
  return {
    start: wallInstant(edition.date, 0, edition.timeZone),
    end: wallInstant(edition.date, DAY_MS, edition.timeZone),
  };
}

/** The instant at `ms` after midnight of a date's wall clock in a time zone (across DST too). */
export function wallInstant(date: string, ms: number, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + ms;
  let instant = naive - offsetAt(naive, timeZone);
  instant = naive - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Milliseconds of wall clock from the start of an edition's day to an instant. */
export function sinceMidnight(instant: Date, edition: Pick<Edition, 'date' | 'timeZone'>): number {
  const t = instant.getTime();
  return t + offsetAt(t, edition.timeZone) - Date.parse(`${edition.date}T00:00:00Z`);
}

/**
 * A citable instant on an edition's day: refused, naming it, when outside the day. Minutes are
 * what a snapshot cites; seconds and beyond are dropped, so the same minute is the same answer.
 */
export function snapshotInstant(at: Date, edition: Edition, argument = 'at'): Date {
  const { start, end } = dayOf(edition);
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  if (minute < start || minute >= end)
    throw new InvalidArgument(
      argument,
      `${at.toISOString()} is not on ${edition.slug}'s day (${edition.date}, ${edition.timeZone}: from ${start.toISOString()} to ${end.toISOString()}).`,
    );
  return minute;
}

/**
 * The moment of this edition's day a comparison is about: `at`, or now kept within the day (before
 * it, its first moment; after it, its end), as wall-clock time since its midnight.
 */
export function comparedClock(edition: Edition, at: Date | null, now = new Date()): number {
  if (at) return sinceMidnight(at, edition);
  const { start, end } = dayOf(edition);
  if (now < start) return 0;
  if (now >= end) return DAY_MS;
  // Whole minutes: the comparison is the same for everyone in that minute (and cached so).
  return Math.floor(sinceMidnight(now, edition) / 60_000) * 60_000;
}

async function hasLog(db: Db, editionId: number): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(
    await db.execute(
      sql`SELECT EXISTS (SELECT 1 FROM participation_log WHERE edition_id = ${editionId}) AS found`,
    ),
  );
  return Boolean(rows[0]?.found);
}

function filtered(filter: ResolvedFilter): boolean {
  return Object.values(filter).some(
    (v) => v != null && !(Array.isArray(v) && v.length === 0) && v !== '',
  );
}

/** The other edition's numbers at `clock` (wall-clock ms since its midnight), under a filter. */
export async function compareAt(
  db: Db,
  other: Edition,
  filter: ResolvedFilter,
  clock: number,
): Promise<Comparison> {
  const history = historyOf(other);
  const none = {
    edition: other,
    at: null,
    participants: null,
    expected: null,
    locations: null,
    organisations: null,
    atLeast: false,
    available: false,
  };
  if (!(await hasLog(db, other.id))) {
    if (history && filtered(filter))
      return {
        ...none,
        atLeast: history.atLeast,
        reasonCode: 'FILTER_NOT_APPLICABLE',
        reason: `${other.slug} holds recorded totals only, for the whole day: a filter cannot apply to them, so there is nothing to compare with.`,
      };
    if (history)
      return {
        ...none,
        participants: history.participants,
        locations: history.locations,
        organisations: history.organisations,
        atLeast: history.atLeast,
        reasonCode: 'TOTALS_ONLY',
        reason: `${other.slug} holds recorded totals only, for the whole day (source: ${history.source ?? 'not given'}): there is no log of its day, so no count at the same hour and no curve.`,
      };
    const stats = await computeStats(db, other.id, filter);
    return {
      ...none,
      expected: stats.expected,
      locations: stats.locations,
      organisations: stats.organisations,
      reasonCode: 'NO_LOG',
      reason: `${other.slug} has no participation log: how many were present at the same hour is unknown.`,
    };
  }
  const at = wallInstant(other.date, clock, other.timeZone);
  const stats = await computeStats(db, other.id, filter, at);
  return {
    edition: other,
    at,
    participants: stats.participants,
    expected: stats.expected,
    locations: stats.locations,
    organisations: stats.organisations,
    atLeast: false,
    available: true,
    reasonCode: null,
    reason: null,
  };
}

/** The other edition's curve, its points moved to the same wall-clock time of this edition's day. */
export async function comparedCurve(
  db: Db,
  edition: Edition,
  other: Edition,
  filter: ResolvedFilter,
  minutes: number,
): Promise<TimelinePoint[]> {
  const points = await computeTimeline(db, other.id, filter, minutes);
  return points.map((p) => ({
    at: wallInstant(edition.date, sinceMidnight(p.at, other), edition.timeZone),
    participants: p.participants,
  }));
}

/** Difference and percentage of this count against the other's; null where either is unknown. */
export function differenceOf(
  present: number,
  other: number | null,
): { difference: number | null; percentage: number | null } {
  if (other === null) return { difference: null, percentage: null };
  const difference = present - other;
  return {
    difference,
    percentage: other > 0 ? Math.round((difference / other) * 1000) / 10 : null,
  };
}
