/**
 * Applications to join: the public join form sends one, staff approve it (the organisation and
 * an invitation for its contact as coordinator, in one transaction) or reject it with a reason
 * the applicant is told. The checks against automated sending — a honeypot field, a minimum time
 * between opening the form and sending it — come first; a refused application stores nothing.
 * The per-client rate limit is the HTTP layer's (it knows the client). An application may name
 * the federation it asks to join: approving it then makes the organisation a member from today.
 */

import type { Lang } from '@tafel/schema';
import { ORGANISATION_KINDS, type OrganisationKind } from '@tafel/schema';
import { and, eq, sql } from 'drizzle-orm';
import type { FormTokens } from '../auth/form-tokens.ts';
import { checkEmail, invitePerson } from '../auth/people.ts';
import type { Viewer } from '../auth/viewer.ts';
import { type Application, applications } from '../db/applications.ts';
import type { Db } from '../db/client.ts';
import { type Organisation, organisations, type Person } from '../db/schema.ts';
import { audit, auditActorOf } from './audit.ts';
import { type UserError, UserErrors, UserInputError, userError } from './errors.ts';
import { federationBySlug, unknownFederation } from './federations.ts';
import { freeText, isHttpUrl } from './fields.ts';
import type { TableNotice } from './notices.ts';
import { joinToday } from './organisations.ts';
import { slugFrom } from './slugs.ts';
import { TERMS_VERSION } from './terms.ts';

/** Sent sooner than this after the form opened: a program, not a person. */
export const MIN_FILL_MS = 3000;
export const MAX_WEBSITE = 500;
export const MAX_REASON = 2000;

export interface ApplicationInput {
  organisationName: string;
  kind?: string | null;
  website?: string | null;
  contactName: string;
  email: string;
  consent: boolean;
  termsVersion: string;
  formToken: string;
  /** The honeypot: hidden from people, so anything in it was filled in by a program. */
  leaveEmpty?: string | null;
  /** The form's language: the answer and the invitation are written in it. */
  language?: Lang | null;
  /** The slug of the federation it asks to join; none: the instance's own. */
  federation?: string | null;
}

const REFUSED_MESSAGE =
  'Your application could not be accepted. Reload the page and send the form again.';

/** Check every field; the values as stored, or every problem at its field. */
export function checkApplication(input: ApplicationInput): {
  values: Omit<typeof applications.$inferInsert, 'consentedAt'> | null;
  errors: UserError[];
} {
  const errors = new UserErrors();
  const organisationName = freeText(
    errors,
    ['organisationName'],
    input.organisationName,
    200,
    true,
  );
  const kind = input.kind ?? null;
  if (kind === null) errors.add(['kind'], 'REQUIRED', 'Choose what kind of organisation this is.');
  else if (!ORGANISATION_KINDS.includes(kind as OrganisationKind))
    errors.add(['kind'], 'INVALID', `kind must be one of ${ORGANISATION_KINDS.join(', ')}.`);
  const website = input.website?.trim() || null;
  if (website && website.length > MAX_WEBSITE)
    errors.add(['website'], 'TOO_LONG', `website is at most ${MAX_WEBSITE} characters.`);
  else if (website && !isHttpUrl(website))
    errors.add(
      ['website'],
      'INVALID_URL',
      'website must be a web address starting with https:// or http://.',
    );
  const contactName = freeText(errors, ['contactName'], input.contactName, 200, true);
  const email = checkEmail(input.email ?? '');
  if (!input.email?.trim())
    errors.add(['email'], 'REQUIRED', 'Give the e-mail address of the contact person.');
  else if (!email)
    errors.add(['email'], 'INVALID', 'This is not an e-mail address like name@example.org.');
  if (input.consent !== true) errors.add(['consent'], 'REQUIRED', 'Agree to the terms to apply.');
  else if (input.termsVersion !== TERMS_VERSION)
    errors.add(
      ['termsVersion'],
      'INVALID',
      'The terms have changed since the form was opened. Reload the page, read them and send again.',
    );
  if (errors.any) return { values: null, errors: errors.list };
  return {
    values: {
      organisationName: organisationName!,
      kind: kind as OrganisationKind,
      website,
      contactName: contactName!,
      email: email!,
      termsVersion: TERMS_VERSION,
      language: input.language ?? null,
    },
    errors: [],
  };
}

/**
 * Store an application, or refuse it: a filled honeypot or a form sent too soon after it was
 * opened is refused with REFUSED (nothing says which); a forged or stale form token, and every
 * field's problem, at its field.
 */
export async function submitApplication(
  db: Db,
  tokens: FormTokens,
  input: ApplicationInput,
  minFillMs = MIN_FILL_MS,
): Promise<{ application: Application | null; userErrors: UserError[] }> {
  if (input.leaveEmpty?.trim())
    return { application: null, userErrors: [userError(null, 'REFUSED', REFUSED_MESSAGE)] };
  const form = await tokens.check(input.formToken ?? '');
  if (!form.ok)
    return {
      application: null,
      userErrors: [
        userError(
          ['formToken'],
          form.reason === 'EXPIRED' ? 'EXPIRED' : 'INVALID',
          'The form is too old or damaged. Reload the page and send it again.',
        ),
      ],
    };
  if (Date.now() - form.openedAt < minFillMs)
    return { application: null, userErrors: [userError(null, 'REFUSED', REFUSED_MESSAGE)] };
  const { values, errors } = checkApplication(input);
  const slug = input.federation?.trim() || null;
  const federation = slug ? await federationBySlug(db, slug) : null;
  // The network first, as the form asks it first.
  const userErrors = slug && !federation ? [unknownFederation(slug), ...errors] : errors;
  if (!values || userErrors.length) return { application: null, userErrors };
  const [application] = await db
    .insert(applications)
    .values({ ...values, federationId: federation?.id ?? null, consentedAt: sql`now()` })
    .returning();
  return { application: application!, userErrors: [] };
}

function notFound(): UserError {
  return userError(['id'], 'NOT_FOUND', 'No such application.');
}

/** Mark a pending application decided, in the caller's transaction; refuses one that is not pending. */
async function decide(
  tx: Db,
  id: number,
  set: Partial<typeof applications.$inferInsert>,
  actor: Viewer,
): Promise<Application> {
  const [row] = await tx
    .update(applications)
    .set({ ...set, decidedBy: actor.prefix, decidedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.status, 'PENDING')))
    .returning();
  if (row) return row;
  const [exists] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, id));
  throw new UserInputError([
    exists
      ? userError(
          ['id'],
          'DECIDED',
          `This application was already ${exists.status === 'APPROVED' ? 'approved' : 'rejected'}.`,
        )
      : notFound(),
  ]);
}

/**
 * Insert the organisation under the first free slug made from its name: `name`, `name-2`, … Its
 * contact is the applicant's.
 */
async function organisationFor(tx: Db, application: Application): Promise<Organisation> {
  const base = slugFrom(application.organisationName);
  for (let n = 1; n <= 100; n++) {
    const [row] = await tx
      .insert(organisations)
      .values({
        slug: n === 1 ? base : `${base}-${n}`,
        name: application.organisationName,
        kind: application.kind,
        website: application.website,
        // The applicant is whom staff talk to: the contact until the organisation changes it.
        contactName: application.contactName,
        contactEmail: application.email,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new UserInputError([
    userError(['id'], 'TAKEN', 'Too many organisations have this name; create it by hand.'),
  ]);
}

export type Decision<T> =
  | ({ ok: true; application: Application; notices: TableNotice[] } & T)
  | { ok: false; userErrors: UserError[] };

/**
 * Approve: the organisation (slug from its name, made unique), its membership from today of the
 * federation the application names, and an invitation for the contact as its coordinator, in one
 * transaction; nothing of it stays when any part is refused.
 */
export async function approveApplication(
  db: Db,
  actor: Viewer,
  id: number,
): Promise<
  Decision<{ organisation: Organisation; person: Person; token: string; expiresAt: Date }>
> {
  try {
    return await db.transaction(async (tx) => {
      const pending = await decide(tx, id, { status: 'APPROVED' }, actor);
      const organisation = await organisationFor(tx, pending);
      if (pending.federationId !== null) await joinToday(tx, pending.federationId, organisation.id);
      const invited = await invitePerson(tx, actor, {
        email: pending.email,
        name: pending.contactName,
        organisationId: organisation.id,
        language: pending.language as Lang | null,
      });
      if (!invited.ok)
        throw new UserInputError(invited.errors.map((e) => userError(e.field, e.code, e.message)));
      const [application] = await tx
        .update(applications)
        .set({ organisationId: organisation.id })
        .where(eq(applications.id, id))
        .returning();
      // The trail names the application by number: the applicant's name and address stay on
      // its row, which can be deleted.
      await audit(tx, auditActorOf(actor), {
        action: 'APPROVE_APPLICATION',
        organisationId: organisation.id,
        details: { application: id },
      });
      return {
        ok: true as const,
        application: application!,
        organisation,
        person: invited.person,
        token: invited.token,
        expiresAt: invited.expiresAt,
        notices: [{ table: 'organisations' as const }],
      };
    });
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, userErrors: error.errors };
    throw error;
  }
}

/** Reject with a reason, which the applicant is told (the caller sends it). */
export async function rejectApplication(
  db: Db,
  actor: Viewer,
  id: number,
  rawReason: string,
): Promise<Decision<Record<never, never>>> {
  const errors = new UserErrors();
  const reason = freeText(errors, ['reason'], rawReason, MAX_REASON, true, true);
  if (errors.any) return { ok: false, userErrors: errors.list };
  try {
    const application = await db.transaction(async (tx) => {
      const decided = await decide(tx, id, { status: 'REJECTED', reason }, actor);
      await audit(tx, auditActorOf(actor), {
        action: 'REJECT_APPLICATION',
        reason,
        details: { application: id },
      });
      return decided;
    });
    return { ok: true, application, notices: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, userErrors: error.errors };
    throw error;
  }
}

/** Delete an application, and with it the contact's name and address. */
export async function deleteApplication(
  db: Db,
  id: number,
): Promise<{ ok: true } | { ok: false; userErrors: UserError[] }> {
  const [row] = await db
    .delete(applications)
    .where(eq(applications.id, id))
    .returning({ id: applications.id });
  return row ? { ok: true } : { ok: false, userErrors: [notFound()] };
}
