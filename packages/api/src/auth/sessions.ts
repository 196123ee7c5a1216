/**
 * Sessions of people signed in with a browser. The cookie carries a random token; the database
 * keeps only its SHA-256 hash. A session ends when it was idle too long, at its absolute expiry
 * whatever its use, or when revoked (sign out, sign out everywhere, the person removed).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { federations, organisations, people, sessions } from '../db/schema.ts';
import { hashSecret } from './keys.ts';
import type { ApiKeyScope, StaffRole, Viewer } from './viewer.ts';

/** The cookie's name. Host-only, Path=/, HttpOnly, SameSite=Strict; Secure outside localhost. */
export const SESSION_COOKIE = 'tafel_session';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionLimits {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  maxMs: number;
}

/** A week without use, or 30 days after signing in: a coordinator signs in again once a month. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: 7 * 24 * 3600_000,
  maxMs: 30 * 24 * 3600_000,
};

/** What each kind of person may write: a coordinator as their organisation's key, staff by role. */
const SCOPES_OF_ROLE: Record<StaffRole, ApiKeyScope[]> = {
  admin: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
  moderator: ['LOCATIONS_WRITE'],
  press: [],
};
const COORDINATOR_SCOPES: ApiKeyScope[] = ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'];

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

/** Open a session for a person (in the transaction that used their link); returns the cookie's token. */
export async function openSession(
  db: Db,
  personId: number,
  limits: SessionLimits,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const [row] = await db
    .insert(sessions)
    .values({
      personId,
      hash,
      expiresAt: sql`now() + ${`${Math.round(limits.maxMs)} milliseconds`}::interval`,
    })
    .returning({ expiresAt: sessions.expiresAt });
  return { token, expiresAt: row!.expiresAt };
}

/**
 * The person behind a session token, as a viewer; null when the token is malformed, unknown,
 * revoked, idle too long or past its expiry. Records the use at most once a minute.
 */
export async function sessionViewer(
  db: Db,
  token: string,
  limits: SessionLimits,
): Promise<Viewer | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({
      id: sessions.id,
      personId: sessions.personId,
      staffRole: people.staffRole,
      organisationId: people.organisationId,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      organisationSuspended: sql<boolean>`${organisations.suspendedAt} IS NOT NULL`,
      federationId: people.federationId,
      federationSlug: federations.slug,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - interval '1 minute'`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(federations, eq(federations.id, people.federationId))
    .where(
      and(
        eq(sessions.hash, hashSecret(token)),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
        sql`${sessions.lastSeenAt} > now() - ${`${Math.round(limits.idleMs)} milliseconds`}::interval`,
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.stale)
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.id));
  const role = row.staffRole;
  return {
    keyId: null,
    prefix: `person:${row.personId}`,
    scopes: role ? [...SCOPES_OF_ROLE[role]] : [...COORDINATOR_SCOPES],
    organisation:
      row.organisationId === null
        ? null
        : {
            id: row.organisationId,
            slug: row.organisationSlug!,
            name: row.organisationName!,
            suspended: row.organisationSuspended === true,
          },
    role,
    federation:
      row.federationId === null ? null : { id: row.federationId, slug: row.federationSlug! },
    session: { id: row.id, personId: row.personId },
  };
}

/** End the session with this token (sign out). Ending one that is gone changes nothing. */
export async function endSession(db: Db, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.hash, hashSecret(token)), isNull(sessions.revokedAt)));
}

/** End every session of a person (sign out everywhere); returns how many were live. */
export async function endAllSessions(db: Db, personId: number): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.personId, personId),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** The session token in a Cookie header, or null. */
export function sessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE)
      return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** Whether cookies for this public URL must be `Secure`: everywhere but on this machine. */
export function secureCookies(publicUrl: string): boolean {
  const host = new URL(publicUrl).hostname;
  return !(
    host === 'localhost' ||
    host === '127.0.0.1' ||
    host === '[::1]' ||
    host.endsWith('.localhost')
  );
}

/** The Set-Cookie value that starts a session: host-only (no Domain), the whole site, never to scripts. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}; Expires=${expiresAt.toUTCString()}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}; Max-Age=0`;
}
