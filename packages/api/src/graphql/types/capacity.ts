/** raiseCapacity: a venue's capacity, raised on the day when more people came than it seats. */
import { raiseCapacity } from '../../locations/capacity.ts';
import { builder } from '../builder.ts';
import { decodeLocationId } from '../global-id.ts';
import { LocationPayloadRef, refused } from './location-payload.ts';
import { actorOf } from './participation.ts';

const RaiseCapacityInput = builder.inputType('RaiseCapacityInput', {
  description: 'Raise a venue’s capacity: more people came than it said it seats.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s ID.' }),
    capacity: t.int({
      required: true,
      description:
        'The new capacity: at least the present one (the same changes nothing), at most 100,000.',
    }),
  }),
});

builder.mutationFields((t) => ({
  raiseCapacity: t.field({
    type: LocationPayloadRef,
    description:
      'Raise a venue’s capacity, never lower it (lowering is updateLocation’s), so a host can record everyone who came. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, staff’s, or the venue’s host link. Refused for a venue without a capacity, a cancelled venue or a closed edition.',
    authScopes: { scope: 'PARTICIPATION_WRITE', hostLink: true },
    args: {
      input: t.arg({
        type: RaiseCapacityInput,
        required: true,
        description: 'The venue and its new capacity.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const rowId = decodeLocationId(String(input.location));
      if (rowId === null)
        return refused([
          {
            field: ['input', 'location'],
            code: 'NOT_FOUND',
            message: `${String(input.location)} is not a venue’s ID.`,
          },
        ]);
      const result = await raiseCapacity(ctx.db, actorOf(ctx), rowId, input.capacity);
      if (result.notice) ctx.live.announce([result.notice]);
      return { location: result.location, userErrors: result.userErrors };
    },
  }),
}));
