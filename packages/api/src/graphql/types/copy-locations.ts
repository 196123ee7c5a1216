/**
 * `copyLocations`: an organisation's venues of one edition as drafts in another (the portal's
 * "Copy last year's venues into this edition"). The domain is locations/copy.ts.
 */

import { type CopyResult, type CopySkip, copyLocations } from '../../locations/copy.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import { requireEditionOrError } from './edition.ts';
import { LocationRef } from './location.ts';
import { actingOrganisation, actingTargets, actorOf } from './location-mutations.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

const CopySkipReasonEnum = builder.enumType('CopySkipReason', {
  description: 'Why a venue was not copied.',
  values: {
    ALREADY_IN_EDITION: {
      description:
        'The edition copied into already has it: the same own reference (externalId), or the same name at the same place.',
    },
    INVALID: {
      description:
        'The edition copied into would refuse it (e.g. outside its country); the message says why.',
    },
  } as const,
});

const CopySkipRef = builder.objectRef<CopySkip>('CopySkip').implement({
  description: 'A venue that was not copied, and why.',
  fields: (t) => ({
    location: t.field({
      type: LocationRef,
      description: 'The venue in the edition copied from.',
      resolve: (s) => s.source,
    }),
    reason: t.field({ type: CopySkipReasonEnum, resolve: (s) => s.reason }),
    message: t.exposeString('message', { description: 'In words, for a person.' }),
  }),
});

const CopyLocationsInput = builder.inputType('CopyLocationsInput', {
  description: 'Copy your venues of one edition (e.g. last year’s) into another, as drafts.',
  fields: (t) => ({
    from: t.string({ required: true, description: 'The edition to copy from (slug).' }),
    to: t.string({ required: true, description: 'The edition to copy into (slug).' }),
    organisation: t.string({
      description: 'Staff only: the organisation’s slug on whose behalf. Members copy their own.',
    }),
  }),
});

type CopyPayloadShape = CopyResult & { userErrors: UserError[] };

const CopyLocationsPayload = builder.objectRef<CopyPayloadShape>('CopyLocationsPayload').implement({
  description: 'What a copy did. When userErrors is not empty, nothing changed.',
  fields: (t) => ({
    copiedCount: t.int({
      description: 'How many venues were copied.',
      resolve: (p) => p.copied.length,
    }),
    copied: t.field({
      type: [LocationRef],
      description:
        'The new drafts: the same local clock time on the new day, the count at 0, the own reference kept unless the edition already used it.',
      resolve: (p) => p.copied,
    }),
    skipped: t.field({
      type: [CopySkipRef],
      description: 'The venues (not cancelled) that were not copied, each with its reason.',
      resolve: (p) => p.skipped,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: 'Empty when the copy was made.',
      resolve: (p) => p.userErrors,
    }),
  }),
});

builder.mutationFields((t) => ({
  copyLocations: t.field({
    type: CopyLocationsPayload,
    description:
      'Copy every venue of your organisation (not cancelled) from one edition into another as drafts, times moved to the new day (needs LOCATIONS_WRITE). Staff name the organisation. A venue already in the new edition is skipped, so copying twice copies once.',
    args: { input: t.arg({ type: CopyLocationsInput, required: true }) },
    authScopes: { scope: 'LOCATIONS_WRITE' },
    resolve: async (_root, { input }, ctx) => {
      const none = (userErrors: UserError[]): CopyPayloadShape => ({
        copied: [],
        skipped: [],
        userErrors,
      });
      await requireInFederation(
        ctx.db,
        ctx.viewer,
        ...actingTargets({ edition: input.from, organisation: input.organisation }),
        { edition: input.to },
      );
      const from = await requireEditionOrError(ctx.db, input.from, ['from']);
      const to = await requireEditionOrError(ctx.db, input.to, ['to']);
      const errors = [...(Array.isArray(from) ? from : []), ...(Array.isArray(to) ? to : [])];
      const organisationId = await actingOrganisation(ctx, input.organisation);
      if (Array.isArray(organisationId)) errors.push(...organisationId);
      if (
        errors.length ||
        Array.isArray(from) ||
        Array.isArray(to) ||
        Array.isArray(organisationId)
      )
        return none(errors);
      const result = await copyLocations(ctx.db, {
        from,
        to,
        organisationId,
        actor: actorOf(ctx),
      });
      if (!result.ok) return none(result.errors);
      ctx.live.announce(result.notices);
      return { ...result.value, userErrors: [] };
    },
  }),
}));
