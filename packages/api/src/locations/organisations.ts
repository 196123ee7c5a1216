/** Member organisations: admitting one, and finding one by slug. */

import { eq, sql } from 'drizzle-orm';
import { checkEmail } from '../auth/people.ts';
import type { Db } from '../db/client.ts';
import { federationMembers, type Organisation, organisations } from '../db/schema.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import { freeText, isHttpUrl } from './fields.ts';
import type { TableNotice } from './notices.ts';
import { checkName, checkSlug } from './slugs.ts';

/** Admit an organisation: the staff mutation and the command line both come here; `notices` say what changed, for the caller to announce. */
export async function createOrganisation(
  db: Db,
  input: {
    slug: string;
    name: string;
    kind?: string | null;
    website?: string | null;
    approved?: boolean | null;
  },
  /** Created by staff of this federation: a member of it from today. */
  federationId: number | null = null,
): Promise<{ organisation: Organisation | null; userErrors: UserError[]; notices: TableNotice[] }> {
  const errors = new UserErrors();
  checkSlug(errors, input.slug);
  const name = checkName(errors, input.name);
  if (input.website && !isHttpUrl(input.website))
    errors.add(['website'], 'INVALID_URL', 'website must be an http or https URL.');
  if (errors.any) return { organisation: null, userErrors: errors.list, notices: [] };
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organisations)
      .values({
        slug: input.slug,
        name: name!,
        kind: (input.kind ?? 'OTHER') as never,
        website: input.website ?? null,
        approvedAt: input.approved ? new Date() : null,
      })
      .onConflictDoNothing()
      .returning();
    // Created by a federation's staff: a member of it from today.
    if (row && federationId !== null) await joinToday(tx, federationId, row.id);
    return row;
  });
  if (!row)
    return {
      organisation: null,
      userErrors: [
        userError(['slug'], 'TAKEN', `An organisation with slug "${input.slug}" exists already.`),
      ],
      notices: [],
    };
  return { organisation: row, userErrors: [], notices: [{ table: 'organisations' }] };
}

/**
 * Make an organisation a member of a federation from today (the database's date, so growth over
 * time counts it), in the caller's transaction; a member already stays as it is.
 */
export async function joinToday(db: Db, federationId: number, organisationId: number) {
  await db
    .insert(federationMembers)
    .values({ federationId, organisationId, joinedOn: sql`current_date` as never })
    .onConflictDoNothing();
}

/** The organisation with this slug, or null: every place that names an organisation finds it here. */
export async function organisationBySlug(db: Db, slug: string): Promise<Organisation | null> {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  return organisation ?? null;
}

/** The one refusal of an unknown organisation slug. */
export function unknownOrganisation(
  slug: string,
  field: (string | number)[] = ['organisation'],
): UserError {
  return userError(field, 'NOT_FOUND', `No organisation with slug "${slug.slice(0, 60)}".`);
}

/** An organisation's contact as given: each part optional; a missing or empty one is removed. */
export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export const CONTACT_LIMITS = { name: 200, email: 254, phone: 40 } as const;

/** Separators people write in phone numbers: spaces, dashes, dots, slashes and parentheses. */
const PHONE_SEPARATORS = /[\s()./-]/g;

/**
 * The contact as stored, or its problems at `[at, part]` (`["contact", "email"]`). The values never go into a
 * message: a refusal must not carry an address into a log.
 */
export function checkContact(
  errors: UserErrors,
  input: ContactInput | null,
  /** Where the contact is in the input: `contact`, or an edition's `pressContact`. */
  at = 'contact',
): { contactName: string | null; contactEmail: string | null; contactPhone: string | null } {
  const name = freeText(errors, [at, 'name'], input?.name, CONTACT_LIMITS.name);
  const rawEmail = input?.email?.trim() ?? '';
  let email: string | null = null;
  if (rawEmail.length > CONTACT_LIMITS.email)
    errors.add([at, 'email'], 'TOO_LONG', `email is at most ${CONTACT_LIMITS.email} characters.`);
  else if (rawEmail) {
    email = checkEmail(rawEmail);
    if (!email)
      errors.add([at, 'email'], 'INVALID', 'email is not an e-mail address like name@example.org.');
  }
  const phone = input?.phone?.trim().replace(/\s+/g, ' ') ?? '';
  if (phone.length > CONTACT_LIMITS.phone)
    errors.add([at, 'phone'], 'TOO_LONG', `phone is at most ${CONTACT_LIMITS.phone} characters.`);
  else if (phone && !/^\+?[0-9]{6,15}$/.test(phone.replace(PHONE_SEPARATORS, '')))
    errors.add(
      [at, 'phone'],
      'INVALID',
      'phone is not a phone number like +31 20 123 4567 or 020-123 4567: 6 to 15 digits, an optional + first, and spaces, dashes, dots, slashes or parentheses between them.',
    );
  return { contactName: name, contactEmail: email, contactPhone: phone || null };
}

/**
 * Change an organisation's profile: its name, website, logo and contact. A field left out stays;
 * an empty website or logo removes it; a contact replaces the one kept (its missing parts are
 * removed) and a null one removes it all. Refused input changes nothing.
 */
export async function updateOrganisation(
  db: Db,
  id: number,
  input: {
    name?: string | null;
    website?: string | null;
    logoUrl?: string | null;
    contact?: ContactInput | null;
  },
): Promise<{ organisation: Organisation | null; userErrors: UserError[]; notices: TableNotice[] }> {
  const errors = new UserErrors();
  const name = input.name != null ? checkName(errors, input.name) : undefined;
  const url = (field: 'website' | 'logoUrl', value: string | null | undefined) => {
    if (value == null) return undefined;
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (trimmed.length > 2048)
      errors.add([field], 'TOO_LONG', `${field} is at most 2,048 characters.`);
    else if (!isHttpUrl(trimmed))
      errors.add([field], 'INVALID_URL', `${field} must be an http or https URL.`);
    return trimmed;
  };
  const website = url('website', input.website);
  const logoUrl = url('logoUrl', input.logoUrl);
  const contact = input.contact !== undefined ? checkContact(errors, input.contact) : undefined;
  if (errors.any) return { organisation: null, userErrors: errors.list, notices: [] };
  const [row] = await db
    .update(organisations)
    .set({
      ...(name != null ? { name } : {}),
      ...(website !== undefined ? { website } : {}),
      ...(logoUrl !== undefined ? { logoUrl } : {}),
      ...contact,
      updatedAt: new Date(),
    })
    .where(eq(organisations.id, id))
    .returning();
  return {
    organisation: row ?? null,
    userErrors: [],
    notices: row ? [{ table: 'organisations' }] : [],
  };
}
