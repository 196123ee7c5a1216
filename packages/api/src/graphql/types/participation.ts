import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import type { GraphQLResolveInfo } from 'graphql';
import type { ParticipationUpdate } from '../../live/hub.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import type { VenueNotice } from '../../locations/notices.ts';
import {
  changeParticipation,
  IDEMPOTENCY_KEY_DAYS,
  keyActor,
  type ParticipationActor,
  type ParticipationChange,
  setFull,
} from '../../locations/participation.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeLocationId } from '../global-id.ts';
import { requireEdition } from './edition.ts';
import { LocationFilterInput } from './filter-input.ts';
import { isVisible, LocationRef } from './location.ts';
import { LocationPayloadRef, type LocationPayloadShape, refused } from './location-payload.ts';
import { checkedCompareWith, ParticipationStatsRef, rememberedFilter } from './stats.ts';

const IDEMPOTENCY_KEY_DESCRIPTION = `A key of your own for this one change (8–100 letters, digits, \`. _ : -\`; a UUID fits), so a resend counts once: the server remembers it for the venue for ${IDEMPOTENCY_KEY_DAYS} days, answers a resend with the same change as it answered the first, and refuses the same key with another change (CONFLICT, nothing counted).`;

const ReportParticipationInput = builder.inputType('ReportParticipationInput', {
  description: 'Set how many people take part at a venue now.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s ID.' }),
    participants: t.int({
      required: true,
      description: 'The count now: 0 up to the venue’s capacity.',
    }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const RecordArrivalsInput = builder.inputType('RecordArrivalsInput', {
  description:
    'People arriving at (or leaving) a venue; applied atomically, however many hosts report at once.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s ID.' }),
    delta: t.int({
      required: true,
      description: 'How many arrived (positive) or left (negative).',
    }),
    role: t.string({
      description:
        'The role of the people arriving or leaving (a `TargetGroup` code the venue has seats for, `seatsByRole`): that role’s present count moves with the total. Above the role’s seats it is refused (OVER_CAPACITY), as the total is above capacity: raise them first (raiseSeats). Left out, only the total moves.',
    }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

/**
 * Plan the `location { … }` beneath this field for a venue row that is already at hand (from a
 * write or the live hub), so the drizzle plugin reads the row instead of loading it again.
 */
function planLocation(ctx: Context, info: GraphQLResolveInfo): { with?: Record<string, unknown> } {
  return queryFromInfo({
    config: getSchemaConfig(builder),
    context: ctx,
    info,
    path: ['location'],
  }) as { with?: Record<string, unknown> };
}

/**
 * A change to one venue on the day by its host link, its organisation or staff (setLocationFull,
 * raiseCapacity, raiseSeats): the venue's global ID decoded, the change made, announced once it
 * has committed.
 */
export async function dayChange(
  ctx: Context,
  id: string | number,
  change: (rowId: number) => Promise<LocationPayloadShape & { notice?: VenueNotice }>,
): Promise<LocationPayloadShape> {
  const rowId = decodeLocationId(String(id));
  if (rowId === null)
    return refused([
      {
        field: ['input', 'location'],
        code: 'NOT_FOUND',
        message: `${String(id)} is not a venue’s ID.`,
      },
    ]);
  await requireInFederation(ctx.db, ctx.viewer, { location: rowId });
  const result = await change(rowId);
  if (result.notice) ctx.live.announce([result.notice]);
  return { location: result.location, userErrors: result.userErrors };
}

/** Who reports: the request's API key, or its host link (one venue). */
export function actorOf(ctx: Context): ParticipationActor {
  if (ctx.viewer) return keyActor(ctx.viewer);
  // authScopes guarantee a key with PARTICIPATION_WRITE or a host link.
  const host = ctx.host!;
  return {
    organisationId: host.organisationId,
    locationId: host.locationId,
    keyId: null,
    name: host.prefix,
  };
}

async function applyChange(
  ctx: Context,
  info: GraphQLResolveInfo,
  id: string,
  change: ParticipationChange,
  idempotencyKey: string | null | undefined,
): Promise<LocationPayloadShape> {
  const rowId = decodeLocationId(id);
  if (rowId === null) {
    return refused([
      { field: ['input', 'location'], code: 'NOT_FOUND', message: `${id} is not a venue’s ID.` },
    ]);
  }
  await requireInFederation(ctx.db, ctx.viewer, { location: rowId });
  // Planned before the write, so the venue the write returns counts as loaded for `location { … }`
  // (no second read, which could show a later count); only relations asked for are loaded after.
  const query = planLocation(ctx, info);
  const result = await changeParticipation(
    ctx.db,
    actorOf(ctx),
    rowId,
    change,
    idempotencyKey ?? null,
  );
  if (result.notice) ctx.live.announce([result.notice]);
  if (!result.location || Object.keys(query.with ?? {}).length === 0) return result;
  const location = await ctx.db.query.locations.findFirst({
    ...query,
    where: { id: result.location.id },
  });
  // The count as the write (or, for a resend, the first write) gave it, not a later one.
  return {
    location: location
      ? {
          ...location,
          participants: result.location.participants,
          presentByRole: result.location.presentByRole,
          updatedAt: result.location.updatedAt,
        }
      : null,
    userErrors: [],
  };
}

const SetLocationFullInput = builder.inputType('SetLocationFullInput', {
  description: 'Say a venue is full, or no longer full.',
  fields: (t) => ({
    location: t.id({ required: true, description: 'The venue’s ID.' }),
    full: t.boolean({
      required: true,
      description:
        'True: no one more fits in, whatever the count says; false: there is room again.',
    }),
  }),
});

builder.mutationFields((t) => ({
  setLocationFull: t.field({
    type: LocationPayloadRef,
    description:
      'Say a venue is full (`Location.full`), whatever its count and capacity say. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, staff’s, or the venue’s host link. Refused for a cancelled venue.',
    authScopes: { scope: 'PARTICIPATION_WRITE', hostLink: true },
    args: {
      input: t.arg({
        type: SetLocationFullInput,
        required: true,
        description: 'The venue and whether it is full.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      dayChange(ctx, input.location, (rowId) => setFull(ctx.db, actorOf(ctx), rowId, input.full)),
  }),
  reportParticipation: t.field({
    type: LocationPayloadRef,
    description:
      'Set a venue’s participant count (absolute). Needs a key with PARTICIPATION_WRITE of the venue’s organisation, staff’s, or the venue’s host link. A count below zero or above capacity is refused and changes nothing.',
    authScopes: { scope: 'PARTICIPATION_WRITE', hostLink: true },
    args: {
      input: t.arg({
        type: ReportParticipationInput,
        required: true,
        description: 'The venue and its count.',
      }),
    },
    resolve: (_root, { input }, ctx, info) =>
      applyChange(
        ctx,
        info,
        String(input.location),
        { set: input.participants },
        input.idempotencyKey,
      ),
  }),
  recordArrivals: t.field({
    type: LocationPayloadRef,
    description:
      'Add arrivals (+n) or departures (-n) to a venue’s count, atomically. Needs a key with PARTICIPATION_WRITE of the venue’s organisation, staff’s, or the venue’s host link. A change that would take the count below zero or above capacity is refused and changes nothing.',
    authScopes: { scope: 'PARTICIPATION_WRITE', hostLink: true },
    args: {
      input: t.arg({
        type: RecordArrivalsInput,
        required: true,
        description: 'The venue and the change.',
      }),
    },
    resolve: (_root, { input }, ctx, info) =>
      applyChange(
        ctx,
        info,
        String(input.location),
        { add: input.delta, role: input.role ?? null },
        input.idempotencyKey,
      ),
  }),
}));

const ParticipationUpdateRef = builder
  .objectRef<ParticipationUpdate>('ParticipationUpdate')
  .implement({
    description: 'A venue’s count changed: the venue, its new count and the edition’s new total.',
    fields: (t) => ({
      location: t.field({
        type: LocationRef,
        description: 'The venue, as of this change.',
        resolve: (u) => u.location,
      }),
      participants: t.exposeInt('participants', {
        description: 'The venue’s count after the change.',
      }),
      total: t.exposeInt('total', {
        description: 'Participants at all public venues of the edition, as of this update.',
      }),
      at: t.expose('at', { type: 'DateTime', description: 'When the change was made.' }),
      replay: t.exposeBoolean('replay', {
        description:
          'True for the current state sent when you (re)subscribe or after the server reconnected to its database, false for a new change.',
      }),
    }),
  });

builder.subscriptionFields((t) => ({
  participationChanged: t.field({
    type: ParticipationUpdateRef,
    description:
      'Every change of a venue’s count in an edition, with the new total. Starts with the most recently changed venue and the current total (`replay: true`). With an API key it also shows that organisation’s drafts, and ends when the key is revoked or changed.',
    args: { edition: t.arg.string({ required: true, description: 'Edition slug.' }) },
    subscribe: async (_root, args, ctx) => {
      const edition = await requireEdition(ctx, args.edition);
      return ctx.live.participationChanged(
        edition.id,
        (row) => isVisible(ctx, row),
        ctx.viewer?.keyId ?? null,
      );
    },
    resolve: (update, _args, ctx, info) => {
      // The hub's row is the venue: planned here, `location { … }` reads it instead of reloading.
      planLocation(ctx, info);
      return update;
    },
  }),
  statsChanged: t.field({
    type: ParticipationStatsRef,
    description:
      'The edition’s participation stats whenever they change, coalesced to a few messages a second at most; the last one is exact. Starts with the current stats. Takes the same filter as `stats`, and `compareWith` for its comparison (computed once a minute, not per message).',
    args: {
      edition: t.arg.string({ required: true, description: 'Edition slug.' }),
      filter: t.arg({
        type: LocationFilterInput,
        description: 'Count only the venues that match.',
      }),
      compareWith: t.arg.string({
        description:
          'Slug of the edition of the same series to compare with (`comparison`); default: the previous one.',
      }),
    },
    subscribe: async (_root, args, ctx) => {
      const edition = await requireEdition(ctx, args.edition);
      // Refused at once, not in every message.
      await rememberedFilter(ctx, args.filter);
      if (args.compareWith) await checkedCompareWith(ctx, edition.id, args.compareWith);
      return ctx.live.statsChanged(edition.id);
    },
    resolve: async (stats, args, ctx) => {
      const filter = await rememberedFilter(ctx, args.filter);
      const compareWith = args.compareWith
        ? await checkedCompareWith(ctx, stats.editionId, args.compareWith)
        : undefined;
      const narrowed = Object.keys(filter).length > 0;
      return {
        editionId: stats.editionId,
        filter,
        // The feed's model counts the whole edition; a filter's numbers come from the stats cache,
        // one computation per change shared by every subscriber with the same filter.
        ...(narrowed ? {} : { computed: stats.summary, timelines: stats.timelines }),
        ...(compareWith ? { compareWith } : {}),
      };
    },
  }),
}));
