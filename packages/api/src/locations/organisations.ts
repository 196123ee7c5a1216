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
