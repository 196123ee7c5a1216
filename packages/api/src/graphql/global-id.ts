/**
 * Global IDs, the one codec: base64url of `Type:id`. Every place that takes a venue's ID decodes
 * it here, with the type check, so an ID of another type never names a venue row.
 */
import { GraphQLError } from 'graphql';

/** Global IDs are base64url of `Type:id`. A malformed one is the client's error, named as such. */
export function decodeGlobalId(globalID: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}={0,2}$/.test(globalID)
    ? Buffer.from(globalID, 'base64url').toString('utf8')
    : '';
  const match = /^([A-Z][A-Za-z]{0,40}):([1-9][0-9]{0,9})$/.exec(decoded);
  // Ids are PostgreSQL integers: anything larger names nothing this API issued.
  if (!match || Number(match[2]) > 2_147_483_647) {
    throw new GraphQLError(`Malformed ID "${globalID.slice(0, 60)}": not an ID this API issued.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
    });
  }
  return { typename: match[1]!, id: match[2]! };
}

export function encodeGlobalId(typename: string, id: number | string | bigint): string {
  return Buffer.from(`${typename}:${id}`).toString('base64url');
}

/**
 * The venue row id a global ID names, or null when it names another type (an `Organisation`'s,
 * say): the caller refuses that as it refuses a venue that does not exist. A malformed ID throws.
 */
export function decodeLocationId(globalID: string): number | null {
  const { typename, id } = decodeGlobalId(globalID);
  return typename === 'Location' ? Number(id) : null;
}
