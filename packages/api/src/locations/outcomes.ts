/**
 * What came of a venue, after its day: the host's closing report, and its totals per edition.
 *
 * A venue is held once its end has passed: its own end time; else the end of the day it starts
 * on; else the end of its edition's last day (`endDate`, else `date`) — each in the edition's time
 * zone. A cancelled venue, or a venue of a cancelled or postponed edition, was not held.
 *
 * Who may: the venue's organisation (a key with LOCATIONS_WRITE or a coordinator) or staff; for
 * anyone else the venue is answered as the other writes answer it: FORBIDDEN when it is public,
 * NOT_FOUND when not, so a refusal never tells that a hidden venue exists.
 *
 * Realised internships and jobs (later) may not exceed those offered: a realised one was offered
 * first, and a report that says otherwise is a typing error worth catching. Corrections file the
 * whole report again.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type ClosingReport, closingReports, editions, locations } from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';
import type { VenueNotice } from './notices.ts';
import { rowsOf } from './stats.ts';
import { publicVenue } from './visibility.ts';

/** The counts of a closing report, in the order the API and the open data list them. */
export const OUTCOME_COUNTS = [
  'followUps',
  'introductions',
  'internshipsOffered',
  'jobsOffered',
  'internshipsRealised',
  'jobsRealised',
  'placementsPledged',
] as const;
export type OutcomeCount = (typeof OUTCOME_COUNTS)[number];
export type OutcomeCounts = Record<OutcomeCount, number>;

/** The largest count a report may give: far above any table, far below an integer's end. */
export const MAX_OUTCOME_COUNT = 100_000;
/** The longest note. */
export const MAX_NOTE = 1000;

/** Who acts: the organisation (null for staff) and who, for the audit trail. */
export interface OutcomeActor {
  organisationId: number | null;
  audit: AuditActor;
}

/** When a venue ends: its end, the end of its start's day, or the end of its edition's last day. */
export function venueEnd() {
  return sql<Date>`coalesce(${locations.endsAt}, ((${locations.startsAt} AT TIME ZONE ${editions.timeZone})::date + 1)::timestamp AT TIME ZONE ${editions.timeZone}, ((coalesce(${editions.endDate}, ${editions.date}) + 1)::timestamp AT TIME ZONE ${editions.timeZone}))`;
}

const NOT_FOUND_MESSAGE = 'There is no such venue (or it is not yours).';

export interface HeldVenue {
  id: number;
  editionId: number;
  organisationId: number;
}

/** The venue, if this actor may write what came of it and it was held; else why not, at `field`. */
export async function heldVenueFor(
  db: Db,
  actor: OutcomeActor,
  locationId: number,
  field: string[],
): Promise<HeldVenue | UserError> {
  const [venue] = await db
    .select({
      id: locations.id,
      editionId: locations.editionId,
      organisationId: locations.organisationId,
      status: locations.status,
      public: sql<boolean>`${publicVenue(locations)}`,
      editionStatus: editions.status,
      endsAt: venueEnd().mapWith((v: string | Date) => new Date(v)),
      held: sql<boolean>`${venueEnd()} <= now()`,
    })
    .from(locations)
    .innerJoin(editions, eq(editions.id, locations.editionId))
    .where(eq(locations.id, locationId))
    .limit(1);
  if (!venue) return userError(field, 'NOT_FOUND', NOT_FOUND_MESSAGE);
  if (actor.organisationId !== null && venue.organisationId !== actor.organisationId)
    return venue.public
      ? userError(field, 'FORBIDDEN', 'This venue belongs to another organisation.')
      : userError(field, 'NOT_FOUND', NOT_FOUND_MESSAGE);
  if (venue.status === 'CANCELLED')
    return userError(field, 'CANCELLED', 'The venue was cancelled: nothing came of it to report.');
  if (venue.editionStatus === 'CANCELLED' || venue.editionStatus === 'POSTPONED')
    return userError(
      field,
      'NOT_YET_HELD',
      `The edition is ${venue.editionStatus.toLowerCase()}: the venue has not been held.`,
    );
  if (!venue.held)
    return userError(
      field,
      'NOT_YET_HELD',
      `The venue has not been held yet: it ends at ${venue.endsAt.toISOString()}.`,
    );
  return { id: venue.id, editionId: venue.editionId, organisationId: venue.organisationId };
}

export interface ClosingReportInput extends Partial<OutcomeCounts> {
  locationId: number;
  note?: string | null;
}

export interface ClosingReportResult {
  closingReport: ClosingReport | null;
  userErrors: UserError[];
  notices: VenueNotice[];
}

/** The counts and note of an input, checked: every problem named, nothing kept while any is. */
export function checkClosingReport(
  input: ClosingReportInput,
): { counts: OutcomeCounts; note: string | null } | UserError[] {
  const errors = new UserErrors();
  const counts = {} as OutcomeCounts;
  for (const name of OUTCOME_COUNTS) {
    const value = input[name] ?? 0;
    if (!Number.isInteger(value) || value < 0 || value > MAX_OUTCOME_COUNT)
      errors.add(
        ['input', name],
        'OUT_OF_RANGE',
        `${name} must be a whole number from 0 to ${MAX_OUTCOME_COUNT} (got ${value}).`,
      );
    counts[name] = value;
  }
  if (counts.internshipsRealised > counts.internshipsOffered)
    errors.add(
      ['input', 'internshipsRealised'],
      'OUT_OF_RANGE',
      `internshipsRealised (${counts.internshipsRealised}) may not exceed internshipsOffered (${counts.internshipsOffered}).`,
    );
  if (counts.jobsRealised > counts.jobsOffered)
    errors.add(
      ['input', 'jobsRealised'],
      'OUT_OF_RANGE',
      `jobsRealised (${counts.jobsRealised}) may not exceed jobsOffered (${counts.jobsOffered}).`,
    );
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE)
    errors.add(['input', 'note'], 'TOO_LONG', `The note has at most ${MAX_NOTE} characters.`);
  return errors.any ? errors.list : { counts, note };
}

/** File (or correct) a venue's closing report; a refusal changes nothing. */
export async function fileClosingReport(
  db: Db,
  actor: OutcomeActor,
  input: ClosingReportInput,
): Promise<ClosingReportResult> {
  const refuse = (userErrors: UserError[]): ClosingReportResult => ({
    closingReport: null,
    userErrors,
    notices: [],
  });
  const checked = checkClosingReport(input);
  if (Array.isArray(checked)) return refuse(checked);
  const venue = await heldVenueFor(db, actor, input.locationId, ['input', 'location']);
  if ('code' in venue) return refuse([venue]);
  return db.transaction(async (tx) => {
    const values = { ...checked.counts, note: checked.note, filedBy: actor.audit.label };
    const [row] = await tx
      .insert(closingReports)
      .values({ locationId: venue.id, ...values })
      .onConflictDoUpdate({
        target: closingReports.locationId,
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    await audit(tx, actor.audit, {
      action: 'FILE_CLOSING_REPORT',
      organisationId: venue.organisationId,
      locationId: venue.id,
      editionId: venue.editionId,
      details: checked.counts,
    });
    return { closingReport: row!, userErrors: [], notices: [{ edition: venue.editionId }] };
  });
}

/** A venue's closing report, or null. */
export async function closingReportOf(db: Db, locationId: number): Promise<ClosingReport | null> {
  const [row] = await db
    .select()
    .from(closingReports)
    .where(eq(closingReports.locationId, locationId))
    .limit(1);
  return row ?? null;
}

/** Totals of the closing reports of some venues: how many reports, and each count summed. */
export interface OutcomeTotals extends OutcomeCounts {
  reports: number;
}

const SUMS = sql.raw(
  [
    'count(r.id)::int AS "reports"',
    ...OUTCOME_COUNTS.map(
      (c) =>
        `coalesce(sum(r.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}), 0)::int AS "${c}"`,
    ),
  ].join(', '),
);

function totalsOf(row: Record<string, unknown> | undefined): OutcomeTotals {
  const out = { reports: Number(row?.['reports'] ?? 0) } as OutcomeTotals;
  for (const c of OUTCOME_COUNTS) out[c] = Number(row?.[c] ?? 0);
  return out;
}

/** The totals over an edition's public venues that match a filter (never the notes). */
export async function computeOutcomes(
  db: Db,
  editionId: number,
  filter: ResolvedFilter = {},
): Promise<OutcomeTotals> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${SUMS}
      FROM ${closingReports} r
      JOIN ${locations} ON ${locations.id} = r.location_id
      WHERE ${publicLocationCondition(locations, editionId, filter)}`),
  );
  return totalsOf(row);
}

/** The totals over every edition of a series (its public venues). */
export function computeSeriesOutcomes(db: Db, seriesId: number): Promise<OutcomeTotals> {
  return outcomesWhere(db, eq(editions.seriesId, seriesId));
}

/** The totals over every edition of a federation's series (their public venues). */
export function computeFederationOutcomes(db: Db, federationId: number): Promise<OutcomeTotals> {
  return outcomesWhere(
    db,
    sql`${editions.seriesId} IN (SELECT id FROM series WHERE federation_id = ${federationId})`,
  );
}

async function outcomesWhere(db: Db, editionsWhere: SQL | undefined): Promise<OutcomeTotals> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${SUMS}
      FROM ${closingReports} r
      JOIN ${locations} ON ${locations.id} = r.location_id
      JOIN ${editions} ON ${editions.id} = ${locations.editionId}
      WHERE ${and(editionsWhere, publicVenue(locations))}`),
  );
  return totalsOf(row);
}

/** Per region, the totals of an edition's public venues (the open data), regions in code order. */
export async function outcomesByRegion(
  db: Db,
  editionId: number,
): Promise<(OutcomeTotals & { region: string | null })[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${locations.region} AS "region", ${SUMS}
      FROM ${closingReports} r
      JOIN ${locations} ON ${locations.id} = r.location_id
      WHERE ${publicLocationCondition(locations, editionId, {})}
      GROUP BY ${locations.region}
      ORDER BY ${locations.region} NULLS LAST`),
  );
  return rows.map((r) => ({ region: (r['region'] as string | null) ?? null, ...totalsOf(r) }));
}
