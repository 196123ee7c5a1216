/**
 * Host links: a token that may report participation for one venue and nothing else, until a few
 * hours after the edition's day, or until it is revoked. `tafelhost_` + 32 random bytes
 * (base64url): the prefix can never begin an API key (`tafel_…`), so one `Authorization: Bearer`
 * header carries either and the first characters tell which. Stored as API keys are
 * (auth/keys.ts): a SHA-256 hash beside a visible prefix; the token is shown once, at creation.
 *
 * A host link is not cached: each request looks it up (one indexed read), so a revoked link is
 * refused at once by every process.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client.ts';
import { editions, hostLinks, locations } from '../db/schema.ts';
import { HOST_LINK_PREFIX, hashSecret, isHostLinkToken } from './secrets.ts';

export { HOST_LINK_PREFIX, isHostLinkToken };

const TOKEN_PATTERN = /^tafelhost_[A-Za-z0-9_-]{43}$/;
/** How many characters of the token are kept visible, to tell links apart in lists and logs. */
const VISIBLE = HOST_LINK_PREFIX.length + 8;
/**
 * A host link works until this many hours after the end of the edition's day, in the edition's
 * time zone: a link for 14 October works until 15 October, 06:00.
 */
export const HOST_LINK_HOURS_AFTER_DAY = 6;

/** Who reports through a host link: the link, and the one venue it is for. */
export interface HostLinkViewer {
  /** The host_links row id. */
  id: number;
  /** The link's visible prefix, recorded as the actor of every change it makes. */
  prefix: string;
  locationId: number;
  /** The venue's organisation. */
  organisationId: number;
  expiresAt: Date;
}

/** The page a host opens: the public URL (TAFEL_PUBLIC_URL), `/host/`, the token. */
export function hostLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/host/${token}`;
}

/**
 * When a host link for a venue of this edition stops working (SQL, over the `editions` row): hours
 * after its day, or after the last day of an edition that spans days.
 */
export function hostLinkExpiry(hours = HOST_LINK_HOURS_AFTER_DAY) {
  return sql<Date>`(((coalesce(${editions.endDate}, ${editions.date}) + 1)::timestamp AT TIME ZONE ${editions.timeZone}) + make_interval(hours => ${hours}::int))`;
}

export interface CreateHostLinkOptions {
  locationId: number;
  /** The API key that asks for it, or null (the command line). */
  createdByKeyId: number | null;
  /** A key prefix or `cli:<user>`. */
  createdBy: string;
  /** Hours after the edition's day the link works; HOST_LINK_HOURS_AFTER_DAY unless a test says. */
  hoursAfterDay?: number;
}

/**
 * Create a host link for a venue (the caller has checked who may). The token is returned once
 * and never stored. Null: there is no such venue.
 */
export async function issueHostLink(db: Db, options: CreateHostLinkOptions) {
  const [venue] = await db
    .select({
      expiresAt: hostLinkExpiry(options.hoursAfterDay).mapWith((v: string | Date) => new Date(v)),
    })
    .from(locations)
    .innerJoin(editions, eq(editions.id, locations.editionId))
    .where(eq(locations.id, options.locationId))
    .limit(1);
  if (!venue) return null;
  const token = `${HOST_LINK_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(hostLinks)
    .values({
      locationId: options.locationId,
      prefix: token.slice(0, VISIBLE),
      hash: hashSecret(token),
      createdByKeyId: options.createdByKeyId,
      createdBy: options.createdBy,
      expiresAt: venue.expiresAt,
    })
    .returning();
  return { token, hostLink: row! };
}

/** Revoke a host link at once (revoking twice changes nothing). Null: no link has this prefix. */
export async function revokeHostLink(db: Db, prefix: string) {
  const [row] = await db
    .update(hostLinks)
    .set({ revokedAt: sql`coalesce(${hostLinks.revokedAt}, now())` })
    .where(eq(hostLinks.prefix, prefix))
    .returning();
  return row ?? null;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * The host link behind a bearer token that claims to be one. A token that is malformed, unknown,
 * revoked or expired is refused outright (401) — never read as anonymous.
 */
export async function authenticateHostLink(db: Db, token: string): Promise<HostLinkViewer> {
  if (!TOKEN_PATTERN.test(token))
    throw unauthenticated(
      'Malformed host link: a host link’s token looks like `tafelhost_` followed by 43 characters.',
    );
  const [row] = await db
    .select({
      id: hostLinks.id,
      prefix: hostLinks.prefix,
      locationId: hostLinks.locationId,
      organisationId: locations.organisationId,
      expiresAt: hostLinks.expiresAt,
      revokedAt: hostLinks.revokedAt,
      expired: sql<boolean>`${hostLinks.expiresAt} <= now()`,
      suspended: locations.organisationSuspended,
    })
    .from(hostLinks)
    .innerJoin(locations, eq(locations.id, hostLinks.locationId))
    .where(eq(hostLinks.hash, hashSecret(token)))
    .limit(1);
  if (!row) throw unauthenticated('Unknown host link: ask the venue’s organisation for a new one.');
  if (row.revokedAt)
    throw unauthenticated(
      `Host link ${row.prefix}… was revoked: ask the venue’s organisation for a new one.`,
    );
  if (row.expired)
    throw unauthenticated(`Host link ${row.prefix}… expired at ${row.expiresAt.toISOString()}.`);
  // Like its keys: a suspended organisation's host links count nothing until it is reinstated.
  if (row.suspended)
    throw unauthenticated(
      `Host link ${row.prefix}… is on hold: the federation's staff have suspended the venue's organisation. It works again when they reinstate it.`,
    );
  return {
    id: row.id,
    prefix: row.prefix,
    locationId: row.locationId,
    organisationId: row.organisationId,
    expiresAt: row.expiresAt,
  };
}
