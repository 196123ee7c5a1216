/**
 * Federations and their membership over time: how many organisations were members on a day, and
 * on every day of a range at a given step — Wir zusammen's "aus 36 sind rund 170 Mitglieder
 * geworden" is `membership(from: launch, to: a year later)`. Counts of organisations, which are
 * public; never people.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Federation, federationMembers, federations, series } from '../db/schema.ts';
import { type UserError, userError } from './errors.ts';
import { rowsOf } from './stats.ts';

export const MEMBERSHIP_STEPS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type MembershipStep = (typeof MEMBERSHIP_STEPS)[number];
const INTERVAL: Record<MembershipStep, string> = {
  DAY: '1 day',
  WEEK: '1 week',
  MONTH: '1 month',
  QUARTER: '3 months',
  YEAR: '1 year',
};
/** At most this many points in one answer (ten years of months, a year of days). */
export const MAX_POINTS = 400;

export interface MembershipPoint {
  /** YYYY-MM-DD. */
  on: string;
  /** Members on that day: joined on or before it, not yet left. */
  members: number;
  /** Joined since the point before (on the first point: on or before it). */
  joined: number;
  /** Left since the point before (on the first point: 0). */
  left: number;
}

const DAY_MS = 86_400_000;
const DAYS: Record<MembershipStep, number> = { DAY: 1, WEEK: 7, MONTH: 28, QUARTER: 89, YEAR: 365 };

/** A calendar day, YYYY-MM-DD, that exists. */
export function isDay(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

/** The range's problems, each named; empty when it may be asked. */
export function checkRange(from: string, to: string, every: MembershipStep): UserError[] {
  const errors: UserError[] = [];
  if (!isDay(from)) errors.push(userError(['from'], 'INVALID', `"${from}" is not a day.`));
  if (!isDay(to)) errors.push(userError(['to'], 'INVALID', `"${to}" is not a day.`));
  if (errors.length) return errors;
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (span < 0) return [userError(['to'], 'OUT_OF_RANGE', '`to` is before `from`.')];
  // The least days a step can be; a month of 28 days counts high, never low.
  if (span / DAYS[every] + 1 > MAX_POINTS)
    return [
      userError(
        ['every'],
        'OUT_OF_RANGE',
        `At most ${MAX_POINTS} points: ask a longer step or a shorter range.`,
      ),
    ];
  return [];
}

/**
 * Members on `from` and every step after it up to `to` (and on `to` itself, where the steps do
 * not land on it): one statement.
 */
export async function membershipOver(
  db: Db,
  federationId: number,
  from: string,
  to: string,
  every: MembershipStep,
): Promise<MembershipPoint[]> {
  const rows = rowsOf<{ day: string; members: number; joined: number; departed: number }>(
    await db.execute(sql`
      WITH days AS (
        SELECT d::date AS day FROM generate_series(${from}::date, ${to}::date, ${INTERVAL[every]}::interval) d
        UNION SELECT ${to}::date
      ), points AS (
        SELECT day, lag(day) OVER (ORDER BY day) AS before FROM days
      )
      SELECT to_char(p.day, 'YYYY-MM-DD') AS day,
        count(*) FILTER (WHERE m.joined_on <= p.day AND (m.left_on IS NULL OR m.left_on > p.day))::int AS members,
        count(*) FILTER (WHERE m.joined_on <= p.day AND (p.before IS NULL OR m.joined_on > p.before))::int AS joined,
        count(*) FILTER (WHERE p.before IS NOT NULL AND m.left_on > p.before AND m.left_on <= p.day)::int AS departed
      FROM points p
      LEFT JOIN federation_members m ON m.federation_id = ${federationId}
      GROUP BY p.day, p.before
      ORDER BY p.day`),
  );
  return rows.map((r) => ({
    on: r.day,
    members: Number(r.members),
    joined: Number(r.joined),
    left: Number(r.departed),
  }));
}

/** Members on one day. */
export async function membersOn(db: Db, federationId: number, on: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(federationMembers)
    .where(
      and(
        eq(federationMembers.federationId, federationId),
        sql`${federationMembers.joinedOn} <= ${on}::date`,
        sql`(${federationMembers.leftOn} IS NULL OR ${federationMembers.leftOn} > ${on}::date)`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The federation with this slug, or null. */
export async function federationBySlug(db: Db, slug: string): Promise<Federation | null> {
  const [row] = await db.select().from(federations).where(eq(federations.slug, slug)).limit(1);
  return row ?? null;
}

/** The one refusal of an unknown federation slug. */
export function unknownFederation(slug: string, field: (string | number)[] = ['federation']) {
  return userError(field, 'NOT_FOUND', `No federation with slug "${slug.slice(0, 60)}".`);
}

/** The federation of each series that has one: one small statement, for a request's editions. */
export async function federationsOfSeries(db: Db): Promise<Map<number, Federation>> {
  const rows = await db
    .select({ seriesId: series.id, federation: federations })
    .from(series)
    .innerJoin(federations, eq(federations.id, series.federationId));
  return new Map(rows.map((r) => [r.seriesId, r.federation]));
}
