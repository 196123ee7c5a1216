/** setLocationCohosts: the organisations that host a venue beside its own. */

import { MAX_COHOSTS, setCohosts } from '../../locations/cohosts.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import { actorOf, locationById } from './location-mutations.ts';
import { LocationPayloadRef, refused } from './location-payload.ts';

const SetLocationCohostsInput = builder.inputType('SetLocationCohostsInput', {
  description: 'A venue’s co-hosts, the whole list: those left out stop co-hosting it.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s global ID.' }),
    cohosts: t.stringList({
      required: true,
      description: `The co-host organisations’ slugs, at most ${MAX_COHOSTS}; \`[]\` takes them all off. Not the host itself, nor an organisation the federation’s staff have suspended.`,
    }),
  }),
});

builder.mutationFields((t) => ({
  setLocationCohosts: t.field({
    type: LocationPayloadRef,
    description:
      'Set the organisations that host one of your venues beside you (needs LOCATIONS_WRITE; staff for any venue). Co-hosts are public by name, and their keys and coordinators read the venue as you do (`viewer { cohostedLocations }`) but may not change it. Refused, changing nothing: more than ten, a slug named twice, an unknown or suspended organisation, your own organisation, a cancelled venue, a closed edition.',
    args: { input: t.arg({ type: SetLocationCohostsInput, required: true }) },
    authScopes: (_root, { input }) => ({
      $all: { scope: 'LOCATIONS_WRITE', ownsLocation: String(input.location) },
    }),
    resolve: async (_root, { input }, ctx) => {
      const location = await locationById(ctx, String(input.location), ['location']);
      if (Array.isArray(location)) return refused(location);
      await requireInFederation(
        ctx.db,
        ctx.viewer,
        ...input.cohosts.map((slug) => ({ organisation: slug })),
      );
      const result = await setCohosts(ctx.db, {
        location,
        slugs: input.cohosts,
        actor: actorOf(ctx),
      });
      if (result.ok) ctx.live.announce(result.notices);
      return result.ok ? { location: result.value, userErrors: [] } : refused(result.errors);
    },
  }),
}));
