/** Editions: opening one, and finding one by slug. */
import { COUNTRIES } from '@tafel/schema';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Edition, editions } from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import type { TableNotice } from './notices.ts';
import { checkName, checkSlug } from './slugs.ts';

/** The longest an edition may span after its first day (a programme of meetings across a year). */
export const MAX_SPAN_DAYS = 366;

/** Open an edition: the staff mutation and the command line both come here; `notices` say what changed, for the caller to announce. */
export async function createEdition(
  db: Db,
  input: {
    slug: string;
    name: string;
    date: string;
    /** The last day of an edition that spans days; null for one day. */
    endDate?: string | null;
    timeZone?: string | null;
    country?: string | null;
    status?: Edition['status'] | null;
    requireApproval?: boolean | null;
    /** The id of its series (already found and allowed by the caller). */
    seriesId?: number | null;
  },
  /** Who creates it, for the audit trail (the command line passes its own). */
  actor?: AuditActor,
): Promise<{ edition: Edition | null; userErrors: UserError[]; notices: TableNotice[] }> {
  const errors = new UserErrors();
  checkSlug(errors, input.slug);
  const name = checkName(errors, input.name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date)))
    errors.add(['date'], 'INVALID', 'date must be YYYY-MM-DD.');
  const endDate = input.endDate ?? null;
  if (endDate !== null) {
    const days = (Date.parse(endDate) - Date.parse(input.date)) / 86_400_000;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(endDate)))
      errors.add(['endDate'], 'INVALID', 'endDate must be YYYY-MM-DD.');
    else if (days < 0)
      errors.add(
        ['endDate'],
        'END_BEFORE_START',
        `endDate ${endDate} is before date ${input.date}.`,
      );
    else if (days > MAX_SPAN_DAYS)
      errors.add(
        ['endDate'],
        'OUT_OF_RANGE',
        `An edition spans at most ${MAX_SPAN_DAYS} days after its first (endDate ${endDate}).`,
      );
  }
  const country = (input.country ?? 'NL').toUpperCase();
  if (!(country in COUNTRIES))
    errors.add(
      ['country'],
      'INVALID',
      `country must be one of ${Object.keys(COUNTRIES).join(', ')}.`,
    );
  const timeZone = input.timeZone ?? 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    errors.add(['timeZone'], 'INVALID', `"${timeZone.slice(0, 60)}" is not an IANA time zone.`);
  }
  if (input.status === 'CANCELLED' || input.status === 'POSTPONED')
    errors.add(['status'], 'INVALID', 'A new edition is PLANNED, OPEN or CLOSED.');
  if (errors.any) return { edition: null, userErrors: errors.list, notices: [] };
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(editions)
      .values({
        slug: input.slug,
        name: name!,
        date: input.date,
        // One day is one day: an endDate equal to date says nothing more.
        endDate: endDate === input.date ? null : endDate,
        timeZone,
        country,
        status: input.status ?? 'OPEN',
        requireApproval: input.requireApproval ?? false,
        seriesId: input.seriesId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (row && actor)
      await audit(tx, actor, {
        action: 'CREATE_EDITION',
        editionId: row.id,
        details: { status: { from: null, to: row.status }, date: { from: null, to: row.date } },
      });
    return row;
  });
  if (!row)
    return {
      edition: null,
      userErrors: [
        userError(['slug'], 'TAKEN', `An edition with slug "${input.slug}" exists already.`),
      ],
      notices: [],
    };
  return { edition: row, userErrors: [], notices: [{ table: 'editions' }] };
}

/** The edition with this slug, or null: every read and write that names an edition finds it here. */
export async function editionBySlug(db: Db, slug: string): Promise<Edition | null> {
  const [edition] = await db
    .select()
    .from(editions)
    .where(eq(editions.slug, slug))
    .orderBy(asc(editions.id))
    .limit(1);
  return edition ?? null;
}

/** The one refusal of an unknown edition slug. */
export function unknownEdition(slug: string, field: (string | number)[] = ['edition']): UserError {
  return userError(field, 'NOT_FOUND', `No edition with slug "${slug.slice(0, 60)}".`);
}

/**
 * Editions' ids by slug, for reads: every public read names its edition by slug, and the slug's id
 * never changes, so reads keep what they found for a while instead of asking on every request.
 * Editions not found are not kept. One per app, handed to the reads through their context.
 */
export class EditionIds {
  private readonly bySlug = new Map<string, { id: number; at: number }>();
  /** The slugs of the editions found, by id (ids and slugs never change). */
  private readonly slugs = new Map<number, string>();

  constructor(readonly ttlMs = 30_000) {}

  /** The id of the edition with this slug, or null if there is none. */
  async idOf(db: Db, slug: string): Promise<number | null> {
    const hit = this.bySlug.get(slug);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.id;
    const edition = await editionBySlug(db, slug);
    if (!edition) return null;
    this.remember(edition);
    return edition.id;
  }

  /** An edition found elsewhere (by slug, by id). */
  remember(edition: { id: number; slug: string }): void {
    if (this.bySlug.size >= 1000) this.bySlug.delete(this.bySlug.keys().next().value!);
    this.bySlug.set(edition.slug, { id: edition.id, at: Date.now() });
    this.slugs.set(edition.id, edition.slug);
  }

  /** The slug of an edition found before, or undefined. */
  slugOf(id: number): string | undefined {
    return this.slugs.get(id);
  }
}
