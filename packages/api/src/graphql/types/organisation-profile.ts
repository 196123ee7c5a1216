/**
 * `updateOrganisation`: an organisation's profile (name, website, logo), by a signed-in
 * coordinator for their own organisation, or by staff admins for any.
 */
import { GraphQLError } from 'graphql';
import {
  organisationBySlug,
  unknownOrganisation,
  updateOrganisation,
} from '../../locations/organisations.ts';
import { builder } from '../builder.ts';
import { OrganisationPayload } from './staff-types.ts';
import { userError } from './user-error.ts';

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'An organisation’s profile. A field left out stays; an empty URL removes it.',
  fields: (t) => ({
    organisation: t.string({
      description: 'Staff: the organisation’s slug. A coordinator changes their own.',
    }),
    name: t.string({ description: 'Display name, 1–200 characters.' }),
    website: t.string({ description: 'The website: http or https.' }),
    logoUrl: t.string({ description: 'A logo image URL: http or https.' }),
  }),
});

builder.mutationFields((t) => ({
  updateOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'Change an organisation’s name, website or logo: a signed-in coordinator their own, staff admins any.',
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true }) },
    authScopes: { staff: true, person: true },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      let id: number;
      if (viewer.organisation) {
        if (input.organisation != null && input.organisation !== viewer.organisation.slug)
          return { organisation: null, userErrors: [unknownOrganisation(input.organisation)] };
        id = viewer.organisation.id;
      } else if (viewer.role === 'admin') {
        if (input.organisation == null)
          return {
            organisation: null,
            userErrors: [userError(['organisation'], 'REQUIRED', 'Name the organisation (slug).')],
          };
        const org = await organisationBySlug(ctx.db, input.organisation);
        if (!org)
          return { organisation: null, userErrors: [unknownOrganisation(input.organisation)] };
        id = org.id;
      } else {
        throw new GraphQLError(
          'Forbidden: only federation staff admins and coordinators may do this.',
          {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          },
        );
      }
      const result = await updateOrganisation(ctx.db, id, input);
      ctx.live.announce(result.notices);
      return result;
    },
  }),
}));
