/**
 * Raising a venue's capacity on the day: more people came than the venue said it seats, and the
 * host must be able to record who is actually there. Only upward — lowering it, or taking the
 * limit away, stays with the venue's full edit (updateLocation) — so a host link may do it for
 * its own venue without being able to rewrite it. Recorded among the venue's changes.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, type Location, locationChanges, locations } from '../db/schema.ts';
import { type UserError, userError } from './errors.ts';
import type { VenueNotice } from './notices.ts';
import type { ParticipationActor } from './participation.ts';
import { rowsOf } from './stats.ts';
import { LIMITS } from './validate.ts';
import { publicVenue } from './visibility.ts';

export interface RaiseCapacityResult {
  location: Location | null;
  userErrors: UserError[];
  notice?: VenueNotice;
}

const NOT_FOUND_MESSAGE = 'There is no such venue (or it is not yours).';

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
  if (actor.locationId !== null && actor.locationId !== locationId) {
    const [row] = await db
      .select({ public: sql<boolean>`${publicVenue(locations)}` })
      .from(locations)
      .where(eq(locations.id, locationId))
      .limit(1);
    return row?.public
      ? refused('location', 'FORBIDDEN', 'This host link is for another venue.')
      : refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  return db.transaction(async (tx) => {
    const [venue] = await tx
      .select()
      .from(locations)
      .where(eq(locations.id, locationId))
      .for('update');
    if (!venue) return refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
    if (actor.organisationId !== null && venue.organisationId !== actor.organisationId) {
      const [row] = rowsOf<{ public: boolean }>(
        await tx.execute(
          sql`SELECT ${publicVenue(locations)} AS public FROM ${locations} WHERE id = ${locationId}`,
        ),
      );
      return row?.public
        ? refused('location', 'FORBIDDEN', 'This venue belongs to another organisation.')
        : refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
    }
    if (venue.status === 'CANCELLED')
      return refused('location', 'CANCELLED', 'The venue is cancelled.');
    const [edition] = await tx
      .select({ status: editions.status })
      .from(editions)
      .where(eq(editions.id, venue.editionId));
    if (edition?.status === 'CLOSED')
      return refused('location', 'EDITION_CLOSED', 'The edition is closed for changes.');
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
    const [location] = await tx
      .update(locations)
      .set({ capacity, updatedAt: sql`now()` })
      .where(eq(locations.id, locationId))
      .returning();
    await tx.insert(locationChanges).values({
      locationId,
      organisationId: venue.organisationId,
      apiKeyId: actor.keyId,
      actor: actor.name,
      action: 'RAISE_CAPACITY',
      changes: { capacity: { from: venue.capacity, to: capacity } },
    });
    return { location: location!, userErrors: [], notice: { edition: venue.editionId } };
  });
}
