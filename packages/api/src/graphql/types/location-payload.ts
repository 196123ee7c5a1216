import type { Location } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { LocationRef } from './location.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

export interface LocationPayloadShape {
  location: Location | null;
  userErrors: UserError[];
}

/** The answer of every mutation that changes one venue. */
export const LocationPayloadRef = builder
  .objectRef<LocationPayloadShape>('LocationPayload')
  .implement({
    description:
      'The venue as it is after the mutation (null if it was refused), and what was wrong with the input.',
    fields: (t) => ({
      location: t.field({
        type: LocationRef,
        nullable: true,
        description: 'The venue after the change.',
        resolve: (p) => p.location,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when the mutation was applied.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

export function refused(userErrors: UserError[]): LocationPayloadShape {
  return { location: null, userErrors };
}
