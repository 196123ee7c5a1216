/**
 * `updateOrganisation`: an organisation's profile (name, website, logo, contact), by a signed-in
 * coordinator for their own organisation, or by staff admins for any. And `Organisation.contact`,
 * which only staff and the organisation itself read.
 */

import { GraphQLError } from 'graphql';
import { canSeePrivate } from '../../auth/viewer.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  organisationBySlug,
  unknownOrganisation,
  updateOrganisation,
} from '../../locations/organisations.ts';
import { builder } from '../builder.ts';
import { ContactInputRef } from './contact-input.ts';
import { OrganisationRef } from './organisation.ts';
import { OrganisationPayload } from './staff-types.ts';
import { userError } from './user-error.ts';

interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const OrganisationContactRef = builder.objectRef<Contact>('OrganisationContact').implement({
  description:
    'Whom the federation contacts at an organisation. Not public: only federation staff (admins, moderators, staff keys) and the organisation’s own coordinators and keys read it.',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'The contact person’s name.' }),
    email: t.exposeString('email', { nullable: true, description: 'An e-mail address.' }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'A phone number, as written (e.g. `+31 20 123 4567`).',
    }),
  }),
});

// The compiled read path (graphql/read/rules.ts) has no rule for `contact`: a query that asks
// for it is answered here, by the executor, with this check.
builder.drizzleObjectFields(OrganisationRef, (t) => ({
  contact: t.field({
    type: OrganisationContactRef,
    nullable: true,
    description:
      'Whom the federation contacts. Null for anyone but federation staff (admins, moderators, staff keys) and the organisation’s own coordinators and keys, and null when none is kept.',
    resolve: (o, _args, ctx) =>
      canSeePrivate(ctx, o.id) && (o.contactName || o.contactEmail || o.contactPhone)
        ? { name: o.contactName, email: o.contactEmail, phone: o.contactPhone }
        : null,
  }),
}));

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'An organisation’s profile. A field left out stays; an empty URL removes it.',
  fields: (t) => ({
    organisation: t.string({
      description: 'Staff: the organisation’s slug. A coordinator changes their own.',
    }),
    name: t.string({ description: 'Display name, 1–200 characters.' }),
    website: t.string({ description: 'The website: http or https.' }),
    logoUrl: t.string({ description: 'A logo image URL: http or https.' }),
    contact: t.field({
      type: ContactInputRef,
      description:
        'Whom the federation contacts; it replaces the one kept. `null` removes it (the data is deleted).',
    }),
  }),
});

builder.mutationFields((t) => ({
  updateOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'Change an organisation’s name, website, logo or contact: a signed-in coordinator their own, staff admins any.',
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
        await requireInFederation(ctx.db, ctx.viewer, { organisation: input.organisation });
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
