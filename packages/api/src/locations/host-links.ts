/**
 * Who may hand out and take back a venue's host links, and when one may still be made. The
 * tokens themselves are auth/host-links.ts. An organisation's key (with PARTICIPATION_WRITE) acts
 * for its own venues, staff for any; another organisation's venue is refused as a report there
 * is: FORBIDDEN when the venue is public, NOT_FOUND otherwise, so a refusal never tells that a
 * hidden venue exists.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { hostLinkExpiry, issueHostLink, revokeHostLink } from '../auth/host-links.ts';
import type { Db } from '../db/client.ts';
import { editions, type HostLink, hostLinks, locations } from '../db/schema.ts';
import { type UserError, userError } from './errors.ts';
import { publicVenue } from './visibility.ts';

/** Who asks: an organisation (null: staff or the command line), and what to record as the creator. */
export interface HostLinkActor {
  organisationId: number | null;
  keyId: number | null;
  name: string;
}

const NOT_FOUND_MESSAGE = 'There is no such venue (or it is not yours).';

/** The venue, if this actor may manage its host links; else why not. */
async function venueFor(db: Db, actor: HostLinkActor, locationId: number, field: string[]) {
  const [venue] = await db
    .select({
      organisationId: locations.organisationId,
      status: locations.status,
      public: sql<boolean>`${publicVenue(locations)}`,
      editionStatus: editions.status,
      expiresAt: hostLinkExpiry().mapWith((v: string | Date) => new Date(v)),
      over: sql<boolean>`${hostLinkExpiry()} <= now()`,
    })
    .from(locations)
    .innerJoin(editions, eq(editions.id, locations.editionId))
    .where(eq(locations.id, locationId))
    .limit(1);
  if (!venue) return { error: userError(field, 'NOT_FOUND', NOT_FOUND_MESSAGE) };
  if (actor.organisationId !== null && venue.organisationId !== actor.organisationId) {
    return {
      error: venue.public
        ? userError(field, 'FORBIDDEN', 'This venue belongs to another organisation.')
        : userError(field, 'NOT_FOUND', NOT_FOUND_MESSAGE),
    };
  }
  return { venue };
}

export type CreateHostLinkResult =
  | { token: string; hostLink: HostLink; userErrors: [] }
  | { token: null; hostLink: null; userErrors: UserError[] };

/** A new host link for a venue: refused for a cancelled venue, a closed edition, or once its day is over. */
export async function createHostLink(
  db: Db,
  actor: HostLinkActor,
  locationId: number,
): Promise<CreateHostLinkResult> {
  const field = ['input', 'location'];
  const found = await venueFor(db, actor, locationId, field);
  const refuse = (error: UserError) => ({ token: null, hostLink: null, userErrors: [error] });
  if ('error' in found) return refuse(found.error!);
  const { venue } = found;
  if (venue.status === 'CANCELLED')
    return refuse(
      userError(field, 'CANCELLED', 'The venue is cancelled: nobody will count there.'),
    );
  if (venue.editionStatus === 'CLOSED' || venue.editionStatus === 'CANCELLED')
    return refuse(
      userError(field, 'EDITION_CLOSED', `The edition is ${venue.editionStatus.toLowerCase()}.`),
    );
  if (venue.over)
    return refuse(
      userError(
        field,
        'EXPIRED',
        `The edition’s day is over: a host link for this venue would have expired at ${venue.expiresAt.toISOString()}.`,
      ),
    );
  const made = await issueHostLink(db, {
    locationId,
    createdByKeyId: actor.keyId,
    createdBy: actor.name,
  });
  if (!made) return refuse(userError(field, 'NOT_FOUND', NOT_FOUND_MESSAGE));
  return { ...made, userErrors: [] };
}

/** A venue's host links, oldest first (never their tokens); null when the actor may not see them. */
export async function hostLinksOf(
  db: Db,
  actor: HostLinkActor,
  locationId: number,
  includeRevoked: boolean,
): Promise<HostLink[] | UserError> {
  const found = await venueFor(db, actor, locationId, ['location']);
  if ('error' in found) return found.error!;
  return db
    .select()
    .from(hostLinks)
    .where(
      and(
        eq(hostLinks.locationId, locationId),
        includeRevoked ? undefined : isNull(hostLinks.revokedAt),
      ),
    )
    .orderBy(asc(hostLinks.id));
}

/** Revoke a host link by its prefix, if it is for one of the actor's venues (staff: any). */
export async function revokeHostLinkAs(
  db: Db,
  actor: HostLinkActor,
  prefix: string,
): Promise<{ hostLink: HostLink | null; userErrors: UserError[] }> {
  const field = ['input', 'prefix'];
  const [link] = await db
    .select({ locationId: hostLinks.locationId })
    .from(hostLinks)
    .where(eq(hostLinks.prefix, prefix))
    .limit(1);
  const notFound = {
    hostLink: null,
    userErrors: [
      userError(
        field,
        'NOT_FOUND',
        `No host link has the prefix ${JSON.stringify(prefix.slice(0, 40))} (or it is not for your venue).`,
      ),
    ],
  };
  if (!link) return notFound;
  const found = await venueFor(db, actor, link.locationId, field);
  if ('error' in found) return notFound;
  const hostLink = await revokeHostLink(db, prefix);
  return hostLink ? { hostLink, userErrors: [] } : notFound;
}
