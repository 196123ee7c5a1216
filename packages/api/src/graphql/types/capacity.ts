/** raiseCapacity: a venue's capacity, raised on the day when more people came than it seats. */
import { raiseCapacity, raiseSeats } from '../../locations/capacity.ts';
import { builder } from '../builder.ts';
import { LocationPayloadRef } from './location-payload.ts';
import { actorOf, dayChange } from './participation.ts';

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

const RaiseSeatsInput = builder.inputType('RaiseSeatsInput', {
  description: 'Raise a venue’s seats for one role: more people of it came than it said it seats.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s ID.' }),
    role: t.string({
      required: true,
      description: 'The role (a `TargetGroup` code the venue seats).',
    }),
    seats: t.int({
      required: true,
      description: 'The role’s new seats: at least the present ones (the same changes nothing).',
    }),
  }),
});

builder.mutationFields((t) => ({
  raiseSeats: t.field({
    type: LocationPayloadRef,
    description:
      'Raise one role’s seats at a venue, never lower them (lowering is updateLocation’s); its capacity, the sum of the seats per role, rises with them. What the host page offers when recordArrivals with a role is refused as above that role’s seats. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, staff’s, or the venue’s host link. Refused for a role the venue has no seats for, a cancelled venue or a closed edition.',
    authScopes: { scope: 'PARTICIPATION_WRITE', hostLink: true },
    args: {
      input: t.arg({
        type: RaiseSeatsInput,
        required: true,
        description: 'The venue, the role and its new seats.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      dayChange(ctx, input.location, (rowId) =>
        raiseSeats(ctx.db, actorOf(ctx), rowId, input.role, input.seats),
      ),
  }),
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
    resolve: (_root, { input }, ctx) =>
      dayChange(ctx, input.location, (rowId) =>
        raiseCapacity(ctx.db, actorOf(ctx), rowId, input.capacity),
      ),
  }),
}));
