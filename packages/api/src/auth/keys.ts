/**
 * API keys: `tafel_` + 32 random bytes (base64url). Stored only as a SHA-256 hash beside a visible
 * prefix; the secret is shown once, at creation. A key belongs to one organisation, or to staff.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client.ts';
import { apiKeys, federations, organisations } from '../db/schema.ts';
import type { CachedKey, KeyCache } from './key-cache.ts';
import { hashSecret, isHostLinkToken } from './secrets.ts';
import type { ApiKeyScope, Viewer } from './viewer.ts';

export const KEY_PREFIX = 'tafel_';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'];
const SECRET_PATTERN = /^tafel_[A-Za-z0-9_-]{43}$/;
/** How many characters of the secret are kept visible, to tell keys apart in lists and logs. */
const VISIBLE = KEY_PREFIX.length + 8;

export { hashSecret };

export function generateSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, VISIBLE), hash: hashSecret(secret) };
}

export interface IssueKeyOptions {
  organisationId: number | null;
  /** A staff key (no organisation) of this federation only. */
  federationId?: number | null;
  scopes: readonly ApiKeyScope[];
  label?: string | null;
}

/** Create a key; the returned secret is never stored and cannot be shown again. */
export async function issueKey(
  db: Db,
  { organisationId, federationId, scopes, label }: IssueKeyOptions,
) {
  const { secret, prefix, hash } = generateSecret();
  const [row] = await db
    .insert(apiKeys)
    .values({
      organisationId,
      federationId: organisationId === null ? (federationId ?? null) : null,
      prefix,
      hash,
      scopes: [...new Set(scopes)],
      label: label ?? null,
    })
    .returning();
  return { secret, apiKey: row! };
}

/**
 * Revoke a key at once (revoking twice changes nothing: `revokedNow` is then false). The trigger
 * on api_keys tells every other process; this one forgets the key before answering. Null: no key
 * has this prefix.
 */
export async function revokeKey(
  db: Db,
  prefix: string,
  cache?: KeyCache,
  /** Only a key of this organisation (a coordinator revokes their own organisation's keys). */
  organisationId?: number,
) {
  const which =
    organisationId === undefined
      ? eq(apiKeys.prefix, prefix)
      : and(eq(apiKeys.prefix, prefix), eq(apiKeys.organisationId, organisationId));
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(which, isNull(apiKeys.revokedAt)))
    .returning();
  if (revoked) {
    cache?.forget(revoked.id);
    return { ...revoked, revokedNow: true };
  }
  const [already] = await db.select().from(apiKeys).where(which).limit(1);
  return already ? { ...already, revokedNow: false } : null;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** A key that is not there, or revoked, is refused outright. */
function refuseUnlessGood<T extends { prefix: string; revokedAt: Date | null }>(
  row: T | undefined,
): asserts row is T {
  if (!row) throw unauthenticated('Unknown API key.');
  if (row.revokedAt) throw unauthenticated(`API key ${row.prefix}… was revoked.`);
}

/**
 * Who is behind an `Authorization` header. No header, or a host link's token: no key (null). A header that is not a
 * valid, live key is refused outright — never read as anonymous.
 */
export async function authenticate(
  db: Db,
  header: string | null,
  cache?: KeyCache,
): Promise<Viewer | null> {
  if (header == null || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('Malformed Authorization header: expected `Bearer <key>`.');
  const secret = match[1]!;
  // A host link, not a key: auth/host-links.ts checks it (http/gate.ts hostLinkOf).
  if (isHostLinkToken(secret)) return null;
  if (!SECRET_PATTERN.test(secret))
    throw unauthenticated(
      'Malformed API key: Tafel keys look like `tafel_` followed by 43 characters.',
    );
  const hash = hashSecret(secret);
  const known = cache?.get(hash);
  if (known) {
    await recordUse(db, known);
    return known.viewer;
  }
  const began = cache?.begin() ?? 0;
  const [row] = await db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      organisationId: apiKeys.organisationId,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      organisationSuspended: sql<boolean>`${organisations.suspendedAt} IS NOT NULL`,
      federationId: apiKeys.federationId,
      federationSlug: federations.slug,
    })
    .from(apiKeys)
    .leftJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .leftJoin(federations, eq(federations.id, apiKeys.federationId))
    .where(eq(apiKeys.hash, hash))
    .limit(1);
  refuseUnlessGood(row);
  const key: CachedKey = {
    viewer: {
      keyId: row.id,
      prefix: row.prefix,
      scopes: row.scopes.filter((s): s is ApiKeyScope =>
        (API_KEY_SCOPES as readonly string[]).includes(s),
      ),
      organisation:
        row.organisationId === null
          ? null
          : {
              id: row.organisationId,
              slug: row.organisationSlug!,
              name: row.organisationName!,
              suspended: row.organisationSuspended === true,
            },
      role: row.organisationId === null ? 'admin' : null,
      federation:
        row.federationId === null ? null : { id: row.federationId, slug: row.federationSlug! },
      session: null,
    },
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
  await recordUse(db, key);
  cache?.set(hash, key, began);
  return key.viewer;
}

/**
 * Is the key still good now (neither revoked nor deleted)? For what outlives the request that
 * authenticated it, a live subscription: the key may have gone since.
 */
export async function requireLiveKey(db: Db, keyId: number): Promise<void> {
  const [row] = await db
    .select({ prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.id, keyId))
    .limit(1);
  refuseUnlessGood(row);
}

/** Which of these keys are still good (neither revoked nor deleted). */
export async function liveKeyIds(db: Db, keyIds: readonly number[]): Promise<Set<number>> {
  if (keyIds.length === 0) return new Set();
  const rows = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(inArray(apiKeys.id, [...keyIds]), isNull(apiKeys.revokedAt)));
  return new Set(rows.map((row) => row.id));
}

/**
 * Record a key's use, at most once a minute per key and process, so a busy key does not write on
 * every request (nor spend a round trip on it: the time last read says whether it is due).
 */
async function recordUse(db: Db, key: CachedKey): Promise<void> {
  const now = Date.now();
  if (key.lastUsedAt !== null && now - key.lastUsedAt <= 60_000) return;
  key.lastUsedAt = now;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, key.viewer.keyId!),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
