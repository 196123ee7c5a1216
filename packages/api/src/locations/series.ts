/**
 * Series and their history: a series (`nid`) has editions year after year; staff put an edition in
 * its series and record the totals of a past edition whose venues were never recorded, with their
 * source. Every write is audited in its transaction and changes nothing when refused.
 */
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Edition, editions, type Series, series } from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { unknownEdition } from './editions.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import { freeText } from './fields.ts';
import type { TableNotice } from './notices.ts';
import { checkName, checkSlug } from './slugs.ts';

/** The largest total a history may record (a day of ten million people is not a dinner). */
export const MAX_TOTAL = 10_000_000;
/** The longest source note. */
export const MAX_SOURCE = 2000;

export async function seriesBySlug(db: Db, slug: string): Promise<Series | null> {
  const [row] = await db.select().from(series).where(eq(series.slug, slug)).limit(1);
  return row ?? null;
}

export async function seriesById(db: Db, id: number): Promise<Series | null> {
  const [row] = await db.select().from(series).where(eq(series.id, id)).limit(1);
  return row ?? null;
}

/** A series' editions, oldest day first. */
export function editionsOfSeries(db: Db, seriesId: number): Promise<Edition[]> {
  return db
    .select()
    .from(editions)
    .where(eq(editions.seriesId, seriesId))
    .orderBy(asc(editions.date), asc(editions.id));
}

/** The edition of the same series on the latest day before this one's; null if none. */
export async function previousEdition(db: Db, edition: Edition): Promise<Edition | null> {
  if (edition.seriesId === null) return null;
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.seriesId, edition.seriesId), lt(editions.date, edition.date)))
    .orderBy(desc(editions.date), desc(editions.id))
    .limit(1);
  return row ?? null;
}

/** What an edition's history says: its recorded totals, if any were recorded. */
export interface EditionHistory {
  participants: number | null;
  locations: number | null;
  organisations: number | null;
  atLeast: boolean;
  source: string | null;
}

/** The recorded totals of an edition, or null when none were recorded. */
export function historyOf(edition: Edition): EditionHistory | null {
  const recorded =
    edition.totalParticipants !== null ||
    edition.totalLocations !== null ||
    edition.totalOrganisations !== null;
  if (!recorded) return null;
  return {
    participants: edition.totalParticipants,
    locations: edition.totalLocations,
    organisations: edition.totalOrganisations,
    atLeast: edition.totalsAtLeast,
    source: edition.totalsSource,
  };
}

type Result<K extends string, T> = { [key in K]: T | null } & {
  userErrors: UserError[];
  notices: TableNotice[];
};

/** Start a series. */
export async function createSeries(
  db: Db,
  actor: AuditActor,
  input: { slug: string; name: string },
  /** The federation that holds it (its staff create it); null: the instance's own. */
  federationId: number | null = null,
): Promise<Result<'series', Series>> {
  const errors = new UserErrors();
  checkSlug(errors, input.slug);
  const name = checkName(errors, input.name);
  if (errors.any) return { series: null, userErrors: errors.list, notices: [] };
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(series)
      .values({ slug: input.slug, name: name!, federationId })
      .onConflictDoNothing()
      .returning();
    if (row)
      await audit(tx, actor, {
        action: 'CREATE_SERIES',
        details: { series: { from: null, to: row.slug }, name: { from: null, to: row.name } },
      });
    return row;
  });
  if (!row)
    return {
      series: null,
      userErrors: [
        userError(['slug'], 'TAKEN', `A series with slug "${input.slug}" exists already.`),
      ],
      notices: [],
    };
  // A kept answer may say there is no such series: series are read with the editions.
  return { series: row, userErrors: [], notices: [{ table: 'editions' }] };
}

export interface HistoryInput {
  edition: string;
  /** The series' slug; null takes the edition out of its series; left out, it stays. */
  series?: string | null;
  /** Left out, the totals stay; null clears them. */
  totals?: {
    participants?: number | null;
    locations?: number | null;
    organisations?: number | null;
    atLeast?: boolean | null;
    source?: string | null;
  } | null;
}

/** Put an edition in a series and record (or clear) its historic totals, in one audited change. */
export async function setEditionHistory(
  db: Db,
  actor: AuditActor,
  input: HistoryInput,
): Promise<Result<'edition', Edition>> {
  const refuse = (userErrors: UserError[]) => ({ edition: null, userErrors, notices: [] });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, input.edition));
  if (!edition) return refuse([unknownEdition(input.edition)]);
  const errors = new UserErrors();
  const values: Partial<Edition> = {};
  if (input.series !== undefined) {
    if (input.series === null) values.seriesId = null;
    else {
      const found = await seriesBySlug(db, input.series);
      if (!found)
        errors.add(['series'], 'NOT_FOUND', `No series with slug "${input.series.slice(0, 60)}".`);
      else values.seriesId = found.id;
    }
  }
  if (input.totals !== undefined) {
    const t = input.totals ?? {};
    const total = (key: 'participants' | 'locations' | 'organisations') => {
      const value = t[key] ?? null;
      if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_TOTAL))
        errors.add(
          ['totals', key],
          'OUT_OF_RANGE',
          `${key} must be a whole number from 0 to ${MAX_TOTAL} (got ${value}).`,
        );
      return value;
    };
    values.totalParticipants = total('participants');
    values.totalLocations = total('locations');
    values.totalOrganisations = total('organisations');
    values.totalsAtLeast = t.atLeast ?? false;
    values.totalsSource = freeText(errors, ['totals', 'source'], t.source, MAX_SOURCE, false, true);
    const any =
      values.totalParticipants !== null ||
      values.totalLocations !== null ||
      values.totalOrganisations !== null;
    if (any && !values.totalsSource)
      errors.add(
        ['totals', 'source'],
        'REQUIRED',
        'Say where the totals come from (a press release, an annual report): they are published with it.',
      );
  }
  if (errors.any) return refuse(errors.list);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(values)) {
    const from = edition[key as keyof Edition];
    if (from !== to) changes[key] = { from, to };
  }
  if (Object.keys(changes).length === 0) return { edition, userErrors: [], notices: [] };
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(editions)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(editions.id, edition.id))
      .returning();
    await audit(tx, actor, {
      action: 'SET_EDITION_HISTORY',
      editionId: edition.id,
      details: changes,
    });
    return row!;
  });
  return { edition: row, userErrors: [], notices: [{ table: 'editions' }] };
}
