import { canSeePrivate } from '../../auth/viewer.ts';
import type { Edition, Location } from '../../db/schema.ts';
import { type FederationTarget, requireInFederation } from '../../locations/federation-scope.ts';
import { organisationBySlug, unknownOrganisation } from '../../locations/organisations.ts';
import { upsertLocations } from '../../locations/upsert.ts';
import type { LocationFields } from '../../locations/validate.ts';
import {
  type Actor,
  cancelLocation,
  createLocation,
  updateLocation,
  type WriteResult,
} from '../../locations/write.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeLocationId } from '../global-id.ts';
import { requireEditionOrError } from './edition.ts';
import { LocationRef } from './location.ts';
import { venueFields } from './location-input.ts';
import { LocationPayloadRef, refused } from './location-payload.ts';
import { type UserError, UserErrorRef, userError } from './user-error.ts';

/** Once a write has committed: what it changed, to this process and (NOTIFY) every other. */
function announceChanges(ctx: Context, result: WriteResult<unknown>): void {
  if (result.ok) ctx.live.announce(result.notices);
}

export function actorOf(ctx: Context): Actor {
  const viewer = ctx.viewer;
  const mayCount =
    !!viewer && (viewer.organisation === null || viewer.scopes.includes('PARTICIPATION_WRITE'));
  return { keyId: viewer?.keyId ?? null, name: viewer?.prefix ?? 'anonymous', mayCount };
}

/**
 * On whose behalf: a member key acts for its own organisation; a staff key must name one.
 * Returns the organisation id, or userErrors.
 */
export async function actingOrganisation(
  ctx: Context,
  slug: string | null | undefined,
  field: string[] = ['organisation'],
): Promise<number | UserError[]> {
  const own = ctx.viewer?.organisation;
  if (own) {
    if (slug != null && slug !== own.slug)
      return [
        {
          field,
          code: 'FORBIDDEN',
          message: `This key belongs to ${own.slug}; it cannot act for "${slug}".`,
        },
      ];
    return own.id;
  }
  if (slug == null)
    return [
      {
        field,
        code: 'REQUIRED',
        message: 'A staff key must say on whose behalf: give `organisation` (a slug).',
      },
    ];
  const org = await organisationBySlug(ctx.db, slug);
  if (!org) return [unknownOrganisation(slug, field)];
  return org.id;
}

/**
 * What a write in an edition on an organisation's behalf touches, for requireInFederation: the
 * edition, and the organisation staff name.
 */
export function actingTargets(input: {
  edition: string;
  organisation?: string | null;
}): FederationTarget[] {
  return [
    { edition: input.edition },
    ...(input.organisation != null ? [{ organisation: input.organisation }] : []),
  ];
}

/**
 * The venue a global ID names, or a NOT_FOUND userError. Scope-auth refuses another
 * organisation's public venue; one the viewer may not see is answered exactly as a missing one,
 * so its existence does not leak.
 */
export async function locationById(
  ctx: Context,
  globalId: string,
  field: string[] = ['id'],
): Promise<Location | UserError[]> {
  let id: number | null;
  try {
    id = decodeLocationId(globalId);
  } catch {
    id = null;
  }
  if (id !== null) await requireInFederation(ctx.db, ctx.viewer, { location: id });
  const row = id !== null ? await ctx.db.query.locations.findFirst({ where: { id } }) : undefined;
  if (!row || !canSeePrivate(ctx, row.organisationId, row.editionId))
    return [{ field, code: 'NOT_FOUND', message: `No venue with ID "${globalId.slice(0, 60)}".` }];
  return row;
}

const CreateLocationInput = builder.inputType('CreateLocationInput', {
  description:
    'A new venue. Inputs are flat: the edition and (for staff) the organisation beside the venue’s fields.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'Edition slug.' }),
    organisation: t.string({
      description:
        'Staff only: the organisation’s slug on whose behalf. Member keys act for their own.',
    }),
    ...venueFields(t, true),
  }),
});

const UpdateLocationInput = builder.inputType('UpdateLocationInput', {
  description:
    'Change a venue: give its ID and only the fields to change (null clears an optional field).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The venue’s global ID.' }),
    ...venueFields(t, false),
  }),
});

const CancelLocationInput = builder.inputType('CancelLocationInput', {
  description: 'Call off a venue. It stays on record, no longer public.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The venue’s global ID.' }),
    reason: t.string({ description: 'Why, for the audit trail (not public).' }),
  }),
});

const UpsertLocationRow = builder.inputType('UpsertLocationRow', {
  description:
    'One venue in a bulk upsert: the whole venue as your system knows it, found again by externalId.',
  fields: (t) => {
    const fields = venueFields(t, true);
    return {
      ...fields,
      externalId: t.string({
        required: true,
        description: 'Your own id for this venue: required, unique within the batch.',
      }),
    };
  },
});

const UpsertLocationsInput = builder.inputType('UpsertLocationsInput', {
  description: 'Your list of venues for an edition, at most 10,000 rows. All or nothing.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'Edition slug.' }),
    organisation: t.string({ description: 'Staff only: on whose behalf.' }),
    locations: t.field({
      type: [UpsertLocationRow],
      required: true,
      description:
        'The venues; each row describes a whole venue. Participant counts are kept unless a row sends them.',
    }),
    cancelMissing: t.boolean({
      defaultValue: false,
      description:
        'Cancel your venues in this edition (that have an externalId) which the list no longer has.',
    }),
    confirmCancelAll: t.boolean({
      defaultValue: false,
      description:
        'Needed with cancelMissing and an empty `locations` list, which cancels every venue of yours in this edition; without it such a call is refused and changes nothing.',
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description: 'Check everything and report the counts, but change nothing.',
    }),
  }),
});

interface UpsertPayloadShape {
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  ids: number[];
  userErrors: UserError[];
}

const UpsertLocationsPayload = builder
  .objectRef<UpsertPayloadShape>('UpsertLocationsPayload')
  .implement({
    description: 'What a bulk upsert did. When userErrors is not empty, nothing changed.',
    fields: (t) => ({
      created: t.exposeInt('created', { description: 'Venues created.' }),
      updated: t.exposeInt('updated', { description: 'Venues changed.' }),
      unchanged: t.exposeInt('unchanged', { description: 'Venues that were already exactly so.' }),
      cancelled: t.exposeInt('cancelled', {
        description: 'Venues cancelled because the list no longer has them (cancelMissing).',
      }),
      locations: t.field({
        type: [LocationRef],
        description: 'The venues, in the order of the rows sent.',
        resolve: async (p, _a, ctx) => {
          if (p.ids.length === 0) return [];
          const rows = await ctx.db.query.locations.findMany({ where: { id: { in: p.ids } } });
          const byId = new Map(rows.map((r) => [r.id, r]));
          return p.ids.map((id) => byId.get(id)!).filter(Boolean);
        },
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Every bad row, by its path: `["locations", "17", "coordinates", "lat"]`.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

function fieldsOf(input: Record<string, unknown>): LocationFields {
  const {
    edition: _e,
    organisation: _o,
    id: _i,
    dryRun: _d,
    confirmCancelAll: _c,
    ...fields
  } = input;
  return fields as LocationFields;
}

builder.mutationFields((t) => ({
  createLocation: t.field({
    type: LocationPayloadRef,
    description: 'Publish a new venue for your organisation (needs LOCATIONS_WRITE).',
    args: { input: t.arg({ type: CreateLocationInput, required: true }) },
    authScopes: { scope: 'LOCATIONS_WRITE' },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(ctx.db, ctx.viewer, ...actingTargets(input));
      const edition = await requireEditionOrError(ctx.db, input.edition);
      if (Array.isArray(edition)) return refused(edition);
      const organisationId = await actingOrganisation(ctx, input.organisation);
      if (Array.isArray(organisationId)) return refused(organisationId);
      const result = await createLocation(ctx.db, {
        edition,
        organisationId,
        fields: fieldsOf(input),
        actor: actorOf(ctx),
      });
      announceChanges(ctx, result);
      return result.ok ? { location: result.value, userErrors: [] } : refused(result.errors);
    },
  }),
  updateLocation: t.field({
    type: LocationPayloadRef,
    description: 'Change one of your venues (needs LOCATIONS_WRITE).',
    args: { input: t.arg({ type: UpdateLocationInput, required: true }) },
    authScopes: (_root, { input }) => ({
      $all: { scope: 'LOCATIONS_WRITE', ownsLocation: String(input.id) },
    }),
    resolve: async (_root, { input }, ctx) => {
      const location = await locationById(ctx, String(input.id));
      if (Array.isArray(location)) return refused(location);
      if (location.status === 'CANCELLED' && input.status == null) {
        return refused([
          userError(
            ['id'],
            'CANCELLED',
            'This venue is cancelled; to bring it back, send `status: PUBLISHED` with the change.',
          ),
        ]);
      }
      const result = await updateLocation(ctx.db, {
        location,
        fields: fieldsOf(input),
        actor: actorOf(ctx),
      });
      announceChanges(ctx, result);
      return result.ok ? { location: result.value, userErrors: [] } : refused(result.errors);
    },
  }),
  cancelLocation: t.field({
    type: LocationPayloadRef,
    description:
      'Call off one of your venues (needs LOCATIONS_WRITE). Cancelling twice changes nothing.',
    args: { input: t.arg({ type: CancelLocationInput, required: true }) },
    authScopes: (_root, { input }) => ({
      $all: { scope: 'LOCATIONS_WRITE', ownsLocation: String(input.id) },
    }),
    resolve: async (_root, { input }, ctx) => {
      const location = await locationById(ctx, String(input.id));
      if (Array.isArray(location)) return refused(location);
      const result = await cancelLocation(ctx.db, {
        location,
        reason: input.reason,
        actor: actorOf(ctx),
      });
      announceChanges(ctx, result);
      return result.ok ? { location: result.value, userErrors: [] } : refused(result.errors);
    },
  }),
  upsertLocations: t.field({
    type: UpsertLocationsPayload,
    description:
      'Send your whole list of venues; rows are matched by externalId. One transaction: one bad row refuses the batch, and every bad row is named. Re-sending the same list changes nothing.',
    args: { input: t.arg({ type: UpsertLocationsInput, required: true }) },
    authScopes: { scope: 'LOCATIONS_WRITE' },
    resolve: async (_root, { input }, ctx) => {
      const none = { created: 0, updated: 0, unchanged: 0, cancelled: 0, ids: [] };
      await requireInFederation(ctx.db, ctx.viewer, ...actingTargets(input));
      const edition = await requireEditionOrError(ctx.db, input.edition);
      if (Array.isArray(edition)) return { ...none, userErrors: edition };
      const organisationId = await actingOrganisation(ctx, input.organisation);
      if (Array.isArray(organisationId)) return { ...none, userErrors: organisationId };
      const result = await upsertLocations(ctx.db, {
        edition: edition as Edition,
        organisationId,
        rows: input.locations.map(
          (row) => fieldsOf(row) as LocationFields & { externalId: string },
        ),
        cancelMissing: input.cancelMissing ?? false,
        confirmCancelAll: input.confirmCancelAll ?? false,
        dryRun: input.dryRun ?? false,
        actor: actorOf(ctx),
      });
      if (!input.dryRun) announceChanges(ctx, result);
      return result.ok
        ? { ...result.value, ids: input.dryRun ? [] : result.value.ids, userErrors: [] }
        : { ...none, userErrors: result.errors };
    },
  }),
}));
