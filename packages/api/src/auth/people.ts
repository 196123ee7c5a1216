/**
 * People: coordinators of one organisation and federation staff. They are invited by a one-time
 * link (valid 7 days) and later sign in with a one-time link sent to their address (valid
 * minutes). Using a link opens a session. Only hashes of the links' tokens are kept.
 *
 * Who may invite (and remove) whom:
 * - staff of any role: a staff admin (a person, a staff API key, or the server's operator on the
 *   command line);
 * - a coordinator of an organisation: a staff admin or moderator, or a coordinator of that same
 *   organisation (signed in; an organisation's API key is for systems and manages no people);
 * - anyone may remove themselves.
 * Press invite and remove nobody.
 */
import type { Lang } from '@tafel/schema';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { federations, organisations, type Person, people, personLinks } from '../db/schema.ts';
import { hashSecret } from './keys.ts';
import { endAllSessions, newToken, openSession, type SessionLimits } from './sessions.ts';
import type { StaffRole, Viewer } from './viewer.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** Where a link is opened: a page that asks to confirm, so a mail scanner fetching it uses nothing. */
export const LINK_PATH = '/manage/link';

export type PeopleErrorCode =
  | 'REQUIRED'
  | 'INVALID'
  | 'TOO_LONG'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'TAKEN';
export interface PeopleError {
  field: string[] | null;
  code: PeopleErrorCode;
  message: string;
}

/** Who acts: a viewer (key or session), or the server's operator at the command line. */
export type PeopleActor = Viewer | 'operator';

/** A person to invite: staff with a role, or a coordinator of an organisation. */
export type Invitee = {
  email: string;
  name?: string | null;
  /** The language of their messages (default English; an invitation again may change it). */
  language?: Lang | null;
} & (
  | {
      role: StaffRole;
      organisationId?: null;
      /** Staff of this federation only (the instance's staff make them); null: the instance's. */
      federationId?: number | null;
    }
  | { role?: null; organisationId: number; federationId?: null }
);

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const MAX_EMAIL = 254;
const MAX_NAME = 200;

/** An address as kept: trimmed; null if it is not one. */
export function checkEmail(raw: string): string | null {
  const email = raw.trim();
  return email.length <= MAX_EMAIL && EMAIL.test(email) ? email : null;
}

/** A person's link; `language` opens its confirm page in the language of the message. */
export function linkUrl(publicUrl: string, token: string, language?: Lang | null): string {
  return `${publicUrl}${LINK_PATH}?token=${token}${language ? `&lang=${language}` : ''}`;
}

function isAdmin(actor: PeopleActor): boolean {
  return actor === 'operator' || (actor.organisation === null && actor.role === 'admin');
}

/** Narrowed: a viewer, not the operator. */
function viewerOf(actor: PeopleActor): actor is Viewer {
  return actor !== 'operator';
}

/** May this actor invite or remove a person of this kind? */
export function mayManage(
  actor: PeopleActor,
  target: { staffRole: StaffRole | null; organisationId: number | null },
): boolean {
  if (isAdmin(actor)) return true;
  if (target.staffRole !== null || !viewerOf(actor)) return false;
  if (actor.organisation === null) return actor.role === 'moderator';
  // A coordinator of a suspended organisation may remove themselves, not manage others.
  return (
    actor.session !== null &&
    actor.organisation.id === target.organisationId &&
    actor.organisation.suspended !== true
  );
}

export async function personByEmail(db: Db, email: string): Promise<Person | null> {
  const [row] = await db
    .select()
    .from(people)
    .where(sql`lower(${people.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

export async function personById(db: Db, id: number): Promise<Person | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row ?? null;
}

async function issueLink(
  db: Db,
  personId: number,
  kind: 'INVITATION' | 'SIGN_IN',
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const [row] = await db
    .insert(personLinks)
    .values({
      personId,
      kind,
      hash,
      expiresAt: sql`now() + ${`${Math.round(ttlMs)} milliseconds`}::interval`,
    })
    .returning({ expiresAt: personLinks.expiresAt });
  return { token, expiresAt: row!.expiresAt };
}

export type InviteResult =
  | { ok: true; person: Person; token: string; expiresAt: Date }
  | { ok: false; errors: PeopleError[] };

/**
 * Invite a person: creates them (or, when they exist with the same role or organisation, only a
 * new invitation, as a reminder) and returns the invitation's token, valid 7 days. Refused input
 * changes nothing.
 */
export async function invitePerson(
  db: Db,
  actor: PeopleActor,
  invitee: Invitee,
  ttlMs = INVITATION_TTL_MS,
): Promise<InviteResult> {
  const errors: PeopleError[] = [];
  const email = checkEmail(invitee.email ?? '');
  if (!invitee.email?.trim())
    errors.push({
      field: ['email'],
      code: 'REQUIRED',
      message: 'Give the e-mail address of the person to invite.',
    });
  else if (!email)
    errors.push({
      field: ['email'],
      code: 'INVALID',
      message: 'This is not an e-mail address like name@example.org.',
    });
  const name = invitee.name?.trim() || null;
  if (name && name.length > MAX_NAME)
    errors.push({
      field: ['name'],
      code: 'TOO_LONG',
      message: `A name is at most ${MAX_NAME} characters.`,
    });
  const staffRole = invitee.role ?? null;
  const organisationId = invitee.organisationId ?? null;
  const federationId = staffRole !== null ? (invitee.federationId ?? null) : null;
  if ((staffRole === null) === (organisationId === null)) {
    errors.push({
      field: ['role'],
      code: 'REQUIRED',
      message: 'Say whom: a staff role, or an organisation to coordinate (not both).',
    });
  }
  if (errors.length) return { ok: false, errors };
  if (!mayManage(actor, { staffRole, organisationId })) {
    const message =
      staffRole !== null
        ? 'Only a staff admin may invite staff.'
        : 'Only staff, or a signed-in coordinator of this organisation, may invite its coordinators.';
    return {
      ok: false,
      errors: [
        { field: staffRole !== null ? ['role'] : ['organisation'], code: 'FORBIDDEN', message },
      ],
    };
  }
  return db.transaction(async (tx) => {
    let person: Person | undefined = (await personByEmail(tx, email!)) ?? undefined;
    if (
      person &&
      (person.staffRole !== staffRole ||
        person.organisationId !== organisationId ||
        person.federationId !== federationId)
    ) {
      return {
        ok: false as const,
        errors: [
          {
            field: ['email'],
            code: 'TAKEN' as const,
            message:
              'Someone with this address already has an account with another role or organisation; remove it first.',
          },
        ],
      };
    }
    const language = invitee.language ?? null;
    if (!person) {
      [person] = await tx
        .insert(people)
        .values({ email: email!, name, staffRole, organisationId, federationId, language })
        .returning();
    } else if (language && language !== person.language) {
      [person] = await tx
        .update(people)
        .set({ language, updatedAt: sql`now()` })
        .where(eq(people.id, person.id))
        .returning();
    }
    const link = await issueLink(tx, person!.id, 'INVITATION', ttlMs);
    return { ok: true as const, person: person!, ...link };
  });
}

/**
 * A sign-in link for whoever has this address, or null when nobody has: the caller answers both
 * the same way, so the answer never tells whether an address is known.
 */
export async function signInLinkFor(
  db: Db,
  rawEmail: string,
  ttlMs = SIGN_IN_LINK_TTL_MS,
): Promise<{ person: Person; token: string; expiresAt: Date } | null> {
  const email = checkEmail(rawEmail);
  if (!email) return null;
  const person = await personByEmail(db, email);
  if (!person) return null;
  return { person, ...(await issueLink(db, person.id, 'SIGN_IN', ttlMs)) };
}

export type LinkRefusal = 'UNKNOWN' | 'EXPIRED' | 'USED';
export type UseLinkResult =
  | {
      ok: true;
      personId: number;
      kind: 'INVITATION' | 'SIGN_IN';
      session: { token: string; expiresAt: Date };
    }
  | { ok: false; reason: LinkRefusal; message: string };

const REFUSALS: Record<LinkRefusal, string> = {
  UNKNOWN: 'This link is not valid. Copy the whole link from the message, or ask for a new one.',
  EXPIRED: 'This link has expired. Ask for a new one.',
  USED: 'This link was already used; each link works once. Ask for a new one.',
};

/**
 * Use a one-time link: marks it used and opens a session, in one transaction. A forged, expired
 * or used link is refused and changes nothing.
 */
export async function useLink(
  db: Db,
  token: string,
  limits: SessionLimits,
): Promise<UseLinkResult> {
  const hash = /^[A-Za-z0-9_-]{43}$/.test(token) ? hashSecret(token) : null;
  if (!hash) return { ok: false, reason: 'UNKNOWN', message: REFUSALS.UNKNOWN };
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(personLinks)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(personLinks.hash, hash),
          isNull(personLinks.usedAt),
          sql`${personLinks.expiresAt} > now()`,
        ),
      )
      .returning({ personId: personLinks.personId, kind: personLinks.kind });
    if (!used) {
      const [row] = await tx
        .select({ usedAt: personLinks.usedAt })
        .from(personLinks)
        .where(eq(personLinks.hash, hash))
        .limit(1);
      const reason: LinkRefusal = !row ? 'UNKNOWN' : row.usedAt ? 'USED' : 'EXPIRED';
      return { ok: false as const, reason, message: REFUSALS[reason] };
    }
    const session = await openSession(tx, used.personId, limits);
    return { ok: true as const, personId: used.personId, kind: used.kind, session };
  });
}

/** Every person, staff first, then by organisation and id. */
export async function listPeople(
  db: Db,
): Promise<(Person & { organisationSlug: string | null; federationSlug: string | null })[]> {
  const rows = await db
    .select({
      person: people,
      organisationSlug: organisations.slug,
      federationSlug: federations.slug,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(federations, eq(federations.id, people.federationId))
    .orderBy(sql`${people.organisationId} NULLS FIRST`, asc(people.id));
  return rows.map((r) => ({
    ...r.person,
    organisationSlug: r.organisationSlug,
    federationSlug: r.federationSlug,
  }));
}

/**
 * Remove a person and, with them, their personal data, sessions and links. A person may remove
 * themselves; otherwise as for inviting. A person the actor may not manage is answered as not
 * found, so a refusal never tells that they exist.
 */
export async function removePerson(
  db: Db,
  actor: PeopleActor,
  personId: number,
): Promise<{ ok: true; person: Person } | { ok: false; errors: PeopleError[] }> {
  const person = await personById(db, personId);
  const self = actor !== 'operator' && actor.session?.personId === personId;
  if (!person || !(self || mayManage(actor, person))) {
    return {
      ok: false,
      errors: [
        {
          field: ['id'],
          code: 'NOT_FOUND',
          message: 'No such person (or not one you may remove).',
        },
      ],
    };
  }
  await db.delete(people).where(eq(people.id, personId));
  return { ok: true, person };
}

export { endAllSessions };
