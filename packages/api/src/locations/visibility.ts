/**
 * What the public sees of the venues. The rule itself is db/schema.ts's `publicVenue` (the partial
 * index of the public map is built from it); here it is in the forms the queries need.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Location, publicVenue } from '../db/schema.ts';

export { publicVenue };

/** The rule on a row already read. */
export function isPublicVenue(
  row: Pick<Location, 'status' | 'awaitingApproval' | 'organisationSuspended'>,
): boolean {
  return row.status === 'PUBLISHED' && !row.awaitingApproval && !row.organisationSuspended;
}

/** The rule in a hand-written statement where the venues table goes by `alias`. */
export function publicVenueAs(alias: string): SQL {
  return publicVenue({
    status: sql.raw(`${alias}.status`),
    awaitingApproval: sql.raw(`${alias}.awaiting_approval`),
    organisationSuspended: sql.raw(`${alias}.organisation_suspended`),
  });
}
