/**
 * Passkeys (WebAuthn): a signed-in person registers one; anyone signs in with one. The relying
 * party is the public site: its ID is TAFEL_PUBLIC_URL's host, the origin TAFEL_PUBLIC_URL's.
 * Challenges are kept server-side, valid minutes, and used once: the verify that takes one marks
 * it, in the same transaction as what it writes. A refused request rolls back and changes nothing.
 */
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { passkeyChallenges, passkeys, people } from '../db/schema.ts';
import { openSession, type SessionLimits } from './sessions.ts';

/** A challenge is good this long: the browser's prompt times out after a minute. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
const PROMPT_TIMEOUT_MS = 60_000;
const MAX_PASSKEYS = 20;

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** The relying party of a public URL: its host is the RP ID, its origin the one expected. */
export function relyingParty(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin, name: 'Tafel' };
}

export type PasskeyErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID'
  | 'CHALLENGE'
  | 'UNKNOWN_CREDENTIAL'
  | 'NOT_FOUND'
  | 'TAKEN'
  | 'TOO_MANY'
  | 'RATE_LIMITED';

export interface PasskeyError {
  field: string[] | null;
  code: PasskeyErrorCode;
  message: string;
}

export const PASSKEY_MESSAGES: Record<PasskeyErrorCode, string> = {
  UNAUTHENTICATED: 'Sign in first to add or remove a passkey.',
  INVALID: 'The passkey’s answer could not be verified; nothing was saved. Try again.',
  CHALLENGE: 'This passkey request has expired or was already used; nothing was done. Start again.',
  UNKNOWN_CREDENTIAL:
    'This passkey is not known here (it may have been removed). Sign in with an e-mail link.',
  NOT_FOUND: 'There is no such passkey of yours.',
  TAKEN: 'This passkey is already registered.',
  TOO_MANY: `A person may keep at most ${MAX_PASSKEYS} passkeys; remove one first.`,
  RATE_LIMITED: 'Too many passkey sign-ins from this address; try again later.',
};

export function passkeyError(code: PasskeyErrorCode, field: string[] | null = null): PasskeyError {
  return { field, code, message: PASSKEY_MESSAGES[code] };
}

class Refused extends Error {
  constructor(readonly error: PasskeyError) {
    super(error.message);
  }
}

/** The challenge a browser's answer signed, read from its client data; null if unreadable. */
export function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  const data = response?.response?.clientDataJSON;
  if (typeof data !== 'string' || data.length > 4096) return null;
  try {
    const parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof parsed.challenge === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(parsed.challenge)
      ? parsed.challenge
      : null;
  } catch {
    return null;
  }
}

async function keepChallenge(
  db: Db,
  challenge: string,
  purpose: 'REGISTER' | 'SIGN_IN',
  personId: number | null,
): Promise<void> {
  // Old challenges are of no use to anyone: drop them as new ones come.
  await db
    .delete(passkeyChallenges)
    .where(sql`${passkeyChallenges.expiresAt} < now() - interval '1 hour'`);
  await db.insert(passkeyChallenges).values({
    challenge,
    purpose,
    personId,
    expiresAt: sql`now() + ${`${CHALLENGE_TTL_MS} milliseconds`}::interval`,
  });
}

/** Take a challenge once: false when unknown, of another purpose or person, expired or used. */
async function takeChallenge(
  tx: Db,
  challenge: string | null,
  purpose: 'REGISTER' | 'SIGN_IN',
  personId: number | null,
): Promise<boolean> {
  if (!challenge) return false;
  const taken = await tx
    .update(passkeyChallenges)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.purpose, purpose),
        personId === null
          ? isNull(passkeyChallenges.personId)
          : eq(passkeyChallenges.personId, personId),
        isNull(passkeyChallenges.usedAt),
        sql`${passkeyChallenges.expiresAt} > now()`,
      ),
    )
    .returning({ id: passkeyChallenges.id });
  return taken.length === 1;
}

/** Options for adding a passkey, for a signed-in person; the challenge is kept. */
export async function registrationOptions(
  db: Db,
  personId: number,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const [person] = await db
    .select({ email: people.email, name: people.name })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) throw new Error(`no person ${personId}`);
  const existing = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.personId, personId));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // What the authenticator shows to its owner; the user handle is an opaque number.
    userName: person.email,
    userDisplayName: person.name ?? person.email,
    userID: new TextEncoder().encode(`tafel-person-${personId}`),
    timeout: PROMPT_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: p.transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(db, options.challenge, 'REGISTER', personId);
  return options;
}

/** Verify a new passkey's answer and keep it: all or nothing. */
export async function registerPasskey(
  db: Db,
  personId: number,
  response: RegistrationResponseJSON,
  rp: RelyingParty,
): Promise<{ ok: true; id: number } | { ok: false; error: PasskeyError }> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await takeChallenge(tx, challengeOf(response), 'REGISTER', personId)))
        throw new Refused(passkeyError('CHALLENGE'));
      const [{ count } = { count: 0 }] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(passkeys)
        .where(eq(passkeys.personId, personId));
      if (count >= MAX_PASSKEYS) throw new Refused(passkeyError('TOO_MANY'));
      const verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challengeOf(response)!,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      }).catch(() => null);
      if (!verification?.verified) throw new Refused(passkeyError('INVALID'));
      const { credential } = verification.registrationInfo;
      const [row] = await tx
        .insert(passkeys)
        .values({
          personId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: credential.transports ?? [],
        })
        .onConflictDoNothing()
        .returning({ id: passkeys.id });
      if (!row) throw new Refused(passkeyError('TAKEN'));
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}

/** Options for signing in with any passkey of this site (discoverable); the challenge is kept. */
export async function signInOptions(
  db: Db,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: PROMPT_TIMEOUT_MS,
    userVerification: 'preferred',
  });
  await keepChallenge(db, options.challenge, 'SIGN_IN', null);
  return options;
}

/** Verify a passkey's answer; opens a session for its person. All or nothing. */
export async function signInWithPasskey(
  db: Db,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  limits: SessionLimits,
): Promise<
  | { ok: true; personId: number; session: { token: string; expiresAt: Date } }
  | { ok: false; error: PasskeyError }
> {
  const credentialId = typeof response?.id === 'string' ? response.id : '';
  try {
    return await db.transaction(async (tx) => {
      const [passkey] = credentialId
        ? await tx.select().from(passkeys).where(eq(passkeys.credentialId, credentialId))
        : [];
      if (!passkey) throw new Refused(passkeyError('UNKNOWN_CREDENTIAL'));
      if (!(await takeChallenge(tx, challengeOf(response), 'SIGN_IN', null)))
        throw new Refused(passkeyError('CHALLENGE'));
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challengeOf(response)!,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
          counter: passkey.counter,
          transports: passkey.transports as AuthenticatorTransport[],
        },
        requireUserVerification: false,
      }).catch(() => null);
      if (!verification?.verified) throw new Refused(passkeyError('INVALID'));
      await tx
        .update(passkeys)
        .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: sql`now()` })
        .where(eq(passkeys.id, passkey.id));
      const session = await openSession(tx, passkey.personId, limits);
      return { ok: true as const, personId: passkey.personId, session };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}

export interface PasskeySummary {
  id: number;
  createdAt: string;
  lastUsedAt: string | null;
  transports: string[];
}

/** A person's passkeys, oldest first. */
export async function passkeysOf(db: Db, personId: number): Promise<PasskeySummary[]> {
  const rows = await db
    .select({
      id: passkeys.id,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      transports: passkeys.transports,
    })
    .from(passkeys)
    .where(eq(passkeys.personId, personId))
    .orderBy(asc(passkeys.id));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    transports: r.transports,
  }));
}

/** Remove one of a person's own passkeys; another's, or none, is NOT_FOUND. */
export async function removePasskey(
  db: Db,
  personId: number,
  id: unknown,
): Promise<PasskeyError | null> {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1)
    return passkeyError('NOT_FOUND', ['id']);
  const gone = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.personId, personId)))
    .returning({ id: passkeys.id });
  return gone.length === 1 ? null : passkeyError('NOT_FOUND', ['id']);
}
