/**
 * Raising a venue's capacity on the day: more people came than the venue said it seats, and the
 * host must be able to record who is actually there. Only upward — lowering it, or taking the
 * limit away, stays with the venue's full edit (updateLocation) — so a host link may do it for
 * its own venue without being able to rewrite it. Recorded among the venue's changes.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, type Location } from '../db/schema.ts';
import { type UserError, userError } from './errors.ts';
import type { VenueNotice } from './notices.ts';
import { changeVenue, lockVenueFor, otherVenue, type ParticipationActor } from './participation.ts';
import type { Runner } from './participation-statement.ts';
import { hasRoles, isRoleCode, MAX_ROLE_SEATS, rolesOf, sumOf } from './roles.ts';
import { LIMITS } from './validate.ts';

export interface RaiseCapacityResult {
  location: Location | null;
  userErrors: UserError[];
  notice?: VenueNotice;
}

function refused(field: string, code: UserError['code'], message: string): RaiseCapacityResult {
  return { location: null, userErrors: [userError(['input', field], code, message)] };
}

/** Raise a venue's capacity to `capacity` (never lower it): its host link, its organisation, or staff. */
export async function raiseCapacity(
  db: Db,
  actor: ParticipationActor,
  locationId: number,
  capacity: number,
): Promise<RaiseCapacityResult> {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > LIMITS.capacity)
    return refused(
      'capacity',
      'OUT_OF_RANGE',
      `A capacity is a whole number from 0 to ${LIMITS.capacity} (got ${capacity}).`,
    );
  if (actor.locationId !== null && actor.locationId !== locationId)
    return otherVenue(db, locationId);
  return db.transaction(async (tx) => {
    const found = await lockedVenue(tx, actor, locationId);
    if ('userErrors' in found) return found;
    const { venue } = found;
    if (hasRoles(venue.seatsByRole))
      return refused(
        'capacity',
        'INVALID',
        'This venue states its seats per role, and its capacity is their sum: raise a role’s seats (raiseSeats) instead.',
      );
    if (venue.capacity === null)
      return refused(
        'capacity',
        'INVALID',
        'This venue has no capacity limit: there is nothing to raise.',
      );
    if (capacity < venue.capacity)
      return refused(
        'capacity',
        'OUT_OF_RANGE',
        `The capacity can only be raised here: it is ${venue.capacity}, and ${capacity} is lower. Change the venue itself to lower it.`,
      );
    if (capacity === venue.capacity) return { location: venue, userErrors: [] };
    return changeVenue(tx, actor, venue, { capacity }, 'RAISE_CAPACITY', {
      capacity: { from: venue.capacity, to: capacity },
    });
  });
}

/** The venue, locked, if this actor may raise its capacity or seats on the day; else why not. */
async function lockedVenue(
  tx: Runner,
  actor: ParticipationActor,
  locationId: number,
): Promise<{ venue: Location } | RaiseCapacityResult> {
  const found = await lockVenueFor(tx, actor, locationId);
  if (!('venue' in found)) return found;
  const [edition] = await tx
    .select({ status: editions.status })
    .from(editions)
    .where(eq(editions.id, found.venue.editionId));
  if (edition?.status === 'CLOSED')
    return refused('location', 'EDITION_CLOSED', 'The edition is closed for changes.');
  return found;
}

/**
 * Raise one role's seats on the day (never lower them): more people of that role came than the
 * venue seats. The capacity, their sum, rises with them. Who may: as for raiseCapacity.
 */
export async function raiseSeats(
  db: Db,
  actor: ParticipationActor,
  locationId: number,
  role: string,
  seats: number,
): Promise<RaiseCapacityResult> {
  if (!isRoleCode(role))
    return refused(
      'role',
      'INVALID',
      `role "${String(role).slice(0, 40)}" is not a role: roles are codes such as ${rolesOf().slice(0, 3).join(', ')}.`,
    );
  if (!Number.isInteger(seats) || seats < 0 || seats > MAX_ROLE_SEATS)
    return refused(
      'seats',
      'OUT_OF_RANGE',
      `seats are a whole number from 0 to ${MAX_ROLE_SEATS} (got ${seats}).`,
    );
  if (actor.locationId !== null && actor.locationId !== locationId)
    return otherVenue(db, locationId);
  return db.transaction(async (tx) => {
    const found = await lockedVenue(tx, actor, locationId);
    if ('userErrors' in found) return found;
    const { venue } = found;
    const now = venue.seatsByRole[role];
    if (now === undefined)
      return refused(
        'role',
        'INVALID',
        `This venue states no seats for ${role}: give it seats for ${role} in the venue itself.`,
      );
    if (seats < now)
      return refused(
        'seats',
        'OUT_OF_RANGE',
        `Seats can only be raised here: ${role} has ${now}, and ${seats} is fewer. Change the venue itself to lower them.`,
      );
    if (seats === now) return { location: venue, userErrors: [] };
    const seatsByRole = { ...venue.seatsByRole, [role]: seats };
    const capacity = sumOf(seatsByRole);
    if (capacity > LIMITS.capacity)
      return refused(
        'seats',
        'OUT_OF_RANGE',
        `The venue would seat ${capacity}; at most ${LIMITS.capacity}.`,
      );
    return changeVenue(tx, actor, venue, { seatsByRole, capacity }, 'RAISE_SEATS', {
      seatsByRole: { from: venue.seatsByRole, to: seatsByRole },
      capacity: { from: venue.capacity, to: capacity },
    });
  });
}
