/** Member organisations: admitting one, and finding one by slug. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Organisation, organisations } from '../db/schema.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import { isHttpUrl } from './fields.ts';
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
): Promise<{ organisation: Organisation | null; userErrors: UserError[]; notices: TableNotice[] }> {
  const errors = new UserErrors();
  checkSlug(errors, input.slug);
  const name = checkName(errors, input.name);
  if (input.website && !isHttpUrl(input.website))
    errors.add(['website'], 'INVALID_URL', 'website must be an http or https URL.');
  if (errors.any) return { organisation: null, userErrors: errors.list, notices: [] };
  const [row] = await db
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

/**
 * Change an organisation's profile: its name, website and logo. A field left out stays; an empty
 * website or logo removes it. Refused input changes nothing.
 */
export async function updateOrganisation(
  db: Db,
  id: number,
  input: { name?: string | null; website?: string | null; logoUrl?: string | null },
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
  if (errors.any) return { organisation: null, userErrors: errors.list, notices: [] };
  const [row] = await db
    .update(organisations)
    .set({
      ...(name != null ? { name } : {}),
      ...(website !== undefined ? { website } : {}),
      ...(logoUrl !== undefined ? { logoUrl } : {}),
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
