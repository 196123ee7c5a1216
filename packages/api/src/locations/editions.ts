/** Editions: opening one, and finding one by slug. */
import { COUNTRIES } from '@tafel/schema';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, type Edition } from '../db/schema.ts';
import { UserErrors, userError, type UserError } from './errors.ts';
import { checkName, checkSlug } from './slugs.ts';

/** Open an edition: the staff mutation and the command line both come here. */
export async function createEdition(
  db: Db,
  input: { slug: string; name: string; date: string; timeZone?: string | null; country?: string | null; status?: 'PLANNED' | 'OPEN' | 'CLOSED' | null; requireApproval?: boolean | null },
): Promise<{ edition: Edition | null; userErrors: UserError[] }> {
  const errors = new UserErrors();
  checkSlug(errors, input.slug);
  const name = checkName(errors, input.name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) errors.add(['date'], 'INVALID', 'date must be YYYY-MM-DD.');
  const country = (input.country ?? 'NL').toUpperCase();
  if (!(country in COUNTRIES)) errors.add(['country'], 'INVALID', `country must be one of ${Object.keys(COUNTRIES).join(', ')}.`);
  const timeZone = input.timeZone ?? 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    errors.add(['timeZone'], 'INVALID', `"${timeZone.slice(0, 60)}" is not an IANA time zone.`);
  }
  if (errors.any) return { edition: null, userErrors: errors.list };
  const [row] = await db
    .insert(editions)
    .values({ slug: input.slug, name: name!, date: input.date, timeZone, country, status: input.status ?? 'OPEN', requireApproval: input.requireApproval ?? false })
    .onConflictDoNothing()
    .returning();
  if (!row) return { edition: null, userErrors: [userError(['slug'], 'TAKEN', `An edition with slug "${input.slug}" exists already.`)] };
  return { edition: row, userErrors: [] };
}

/** The edition with this slug, or null: every read and write that names an edition finds it here. */
export async function editionBySlug(db: Db, slug: string): Promise<Edition | null> {
  const [edition] = await db.select().from(editions).where(eq(editions.slug, slug)).orderBy(asc(editions.id)).limit(1);
  return edition ?? null;
}

/** The one refusal of an unknown edition slug. */
export function unknownEdition(slug: string, field: (string | number)[] = ['edition']): UserError {
  return userError(field, 'NOT_FOUND', `No edition with slug "${slug.slice(0, 60)}".`);
}
