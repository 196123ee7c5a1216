/**
 * The staff console's mutations: suspend and reinstate an organisation (admins), approve, reject
 * and unpublish a venue (admins and moderators), and an edition's life — open, close, cancel,
 * postpone (admins). Each calls the domain, which writes the audit trail in the same transaction,
 * and announces what it changed once it has committed. Also the staff-only fields and the list
 * of venues awaiting approval.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isStaff, withinReach } from '../../auth/viewer.ts';
import type { locations } from '../../db/schema.ts';
import { auditActorOf } from '../../locations/audit.ts';
import { changeEditionStatus, type EditionStep } from '../../locations/edition-status.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { type Moderation, moderateLocation } from '../../locations/moderation.ts';
import { setSuspended } from '../../locations/suspension.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeGlobalId } from '../global-id.ts';
import { checkPage } from '../paging.ts';
import { requireEdition } from './edition.ts';
import { LocationPayloadRef } from './location-payload.ts';
import { OrganisationRef } from './organisation.ts';
import { EditionPayload, OrganisationPayload } from './staff-types.ts';
import { type UserError, userError } from './user-error.ts';

/** Staff (of its federation, for staff of one) read an organisation's approval and suspension. */
const staffSees = (ctx: Context, organisationId: number) =>
  isStaff(ctx) && withinReach(ctx.viewer!, organisationId);

builder.drizzleObjectFields(OrganisationRef, (t) => ({
  suspendedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'Staff only (null for anyone else): when the organisation was suspended, if it is.',
    resolve: (o, _args, ctx) => (staffSees(ctx, o.id) ? o.suspendedAt : null),
  }),
  approvedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'Staff only (null for anyone else): when staff approved the organisation; null while it is not approved (then, in an edition that requires approval, its new venues wait for staff).',
    resolve: (o, _args, ctx) => (staffSees(ctx, o.id) ? o.approvedAt : null),
  }),
  suspensionReason: t.string({
    nullable: true,
    description: 'Staff only (null for anyone else): why it was suspended.',
    resolve: (o, _args, ctx) => (staffSees(ctx, o.id) ? o.suspensionReason : null),
  }),
}));

const SuspendOrganisationInput = builder.inputType('SuspendOrganisationInput', {
  description: 'Suspend an organisation: its venues leave the public view, its keys stop writing.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The organisation’s global ID.' }),
    reason: t.string({ required: true, description: 'Why, for the audit trail (not public).' }),
  }),
});

const ReinstateOrganisationInput = builder.inputType('ReinstateOrganisationInput', {
  description: 'Lift an organisation’s suspension.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The organisation’s global ID.' }),
    reason: t.string({ description: 'Why, for the audit trail (not public).' }),
  }),
});

const ModerateLocationInput = (name: string, description: string, reasonRequired: boolean) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      id: t.id({ required: true, description: 'The venue’s global ID.' }),
      reason: t.string({
        required: reasonRequired,
        description: 'Why, for the audit trail (not public).',
      }),
    }),
  });

const EditionStepInput = (name: string, description: string, reasonRequired: boolean) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      edition: t.string({ required: true, description: 'Edition slug.' }),
      reason: t.string({
        required: reasonRequired,
        description: reasonRequired
          ? 'Why: shown with the edition (`statusReason`) and kept in the audit trail.'
          : 'Why, for the audit trail.',
      }),
    }),
  });

const PostponeEditionInput = builder.inputType('PostponeEditionInput', {
  description:
    'Move an edition to a new day: its venues’ times move with it; participation waits until it opens again.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'Edition slug.' }),
    reason: t.string({
      required: true,
      description: 'Why: shown with the edition (`statusReason`) and kept in the audit trail.',
    }),
    date: t.field({ type: 'Date', required: true, description: 'The new day, YYYY-MM-DD.' }),
  }),
});

/** The organisation id a global ID names, or a userError at `input.id`. */
function organisationId(globalId: string | number): number | UserError {
  const { typename, id } = decodeGlobalId(String(globalId));
  return typename === 'Organisation'
    ? Number(id)
    : userError(['input', 'id'], 'NOT_FOUND', 'There is no such organisation.');
}

async function suspend(
  ctx: Context,
  id: string | number,
  suspend: boolean,
  reason?: string | null,
) {
  const orgId = organisationId(id);
  if (typeof orgId !== 'number') return { organisation: null, userErrors: [orgId] };
  await requireInFederation(ctx.db, ctx.viewer, { organisation: orgId });
  const result = await setSuspended(ctx.db, auditActorOf(ctx.viewer!), {
    organisationId: orgId,
    suspend,
    reason,
  });
  const userErrors = result.userErrors.map((e) => ({ ...e, field: ['input', ...(e.field ?? [])] }));
  for (const keyId of result.keyIds) ctx.live.keys.forget(keyId);
  ctx.live.announce(result.notices);
  return { organisation: result.organisation, userErrors };
}

async function moderate(
  ctx: Context,
  action: Moderation,
  id: string | number,
  reason?: string | null,
) {
  const { typename, id: raw } = decodeGlobalId(String(id));
  if (typename !== 'Location')
    return {
      location: null,
      userErrors: [userError(['input', 'id'], 'NOT_FOUND', 'There is no such venue.')],
    };
  await requireInFederation(ctx.db, ctx.viewer, { location: Number(raw) });
  const result = await moderateLocation(ctx.db, auditActorOf(ctx.viewer!), {
    locationId: Number(raw),
    action,
    reason,
  });
  ctx.live.announce(result.notices);
  return { location: result.location, userErrors: result.userErrors };
}

async function step(
  ctx: Context,
  input: { edition: string; reason?: string | null; date?: string | null },
  which: EditionStep,
) {
  await requireInFederation(ctx.db, ctx.viewer, { edition: input.edition });
  const result = await changeEditionStatus(ctx.db, auditActorOf(ctx.viewer!), {
    edition: input.edition,
    step: which,
    reason: input.reason,
    date: input.date ?? null,
  });
  ctx.live.announce(result.notices);
  return { edition: result.edition, userErrors: result.userErrors };
}

builder.mutationFields((t) => ({
  suspendOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'Staff admins: suspend an organisation. Its venues leave every public read at once; its API keys and coordinators may not write until it is reinstated.',
    args: { input: t.arg({ type: SuspendOrganisationInput, required: true }) },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => suspend(ctx, input.id, true, input.reason),
  }),
  reinstateOrganisation: t.field({
    type: OrganisationPayload,
    description: 'Staff admins: lift a suspension; the venues come back as they were.',
    args: { input: t.arg({ type: ReinstateOrganisationInput, required: true }) },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => suspend(ctx, input.id, false, input.reason),
  }),
  approveLocation: t.field({
    type: LocationPayloadRef,
    description:
      'Staff (admins and moderators): approve one venue waiting for approval; if published, it goes public.',
    args: {
      input: t.arg({
        type: ModerateLocationInput('ApproveLocationInput', 'Approve one venue.', false),
        required: true,
      }),
    },
    authScopes: { moderator: true },
    resolve: (_root, { input }, ctx) => moderate(ctx, 'APPROVE', input.id, input.reason),
  }),
  rejectLocation: t.field({
    type: LocationPayloadRef,
    description:
      'Staff (admins and moderators): reject a venue waiting for approval. It becomes a draft, still waiting for approval.',
    args: {
      input: t.arg({
        type: ModerateLocationInput(
          'RejectLocationInput',
          'Reject one venue, with a reason.',
          true,
        ),
        required: true,
      }),
    },
    authScopes: { moderator: true },
    resolve: (_root, { input }, ctx) => moderate(ctx, 'REJECT', input.id, input.reason),
  }),
  unpublishLocation: t.field({
    type: LocationPayloadRef,
    description:
      'Staff (admins and moderators): take a published venue out of the public view. It becomes a draft that needs approval again.',
    args: {
      input: t.arg({
        type: ModerateLocationInput(
          'UnpublishLocationInput',
          'Unpublish one venue, with a reason.',
          true,
        ),
        required: true,
      }),
    },
    authScopes: { moderator: true },
    resolve: (_root, { input }, ctx) => moderate(ctx, 'UNPUBLISH', input.id, input.reason),
  }),
  openEdition: t.field({
    type: EditionPayload,
    description:
      'Staff admins: open an edition (planned, postponed or closed) for venues and participation.',
    args: {
      input: t.arg({
        type: EditionStepInput('OpenEditionInput', 'Open an edition.', false),
        required: true,
      }),
    },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => step(ctx, input, 'OPEN'),
  }),
  closeEdition: t.field({
    type: EditionPayload,
    description: 'Staff admins: close an edition; it becomes read-only.',
    args: {
      input: t.arg({
        type: EditionStepInput('CloseEditionInput', 'Close an edition.', false),
        required: true,
      }),
    },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => step(ctx, input, 'CLOSE'),
  }),
  cancelEdition: t.field({
    type: EditionPayload,
    description: 'Staff admins: call an edition off, with a reason. A cancelled edition stays so.',
    args: {
      input: t.arg({
        type: EditionStepInput('CancelEditionInput', 'Cancel an edition.', true),
        required: true,
      }),
    },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => step(ctx, input, 'CANCEL'),
  }),
  postponeEdition: t.field({
    type: EditionPayload,
    description: 'Staff admins: move an edition to a new day, with a reason.',
    args: { input: t.arg({ type: PostponeEditionInput, required: true }) },
    authScopes: { staff: true },
    resolve: (_root, { input }, ctx) => step(ctx, input, 'POSTPONE'),
  }),
}));

builder.queryFields((t) => ({
  locationsAwaitingApproval: t.drizzleConnection({
    type: 'locations',
    description:
      'Staff (admins and moderators): an edition’s venues offered for publication and waiting for approval, oldest first.',
    authScopes: { moderator: true },
    args: { edition: t.arg.string({ required: true, description: 'Edition slug.' }) },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      await requireInFederation(ctx.db, ctx.viewer, { edition: args.edition });
      const edition = await requireEdition(ctx, args.edition);
      return ctx.db.query.locations.findMany(
        query({
          where: {
            RAW: (l) =>
              and(
                eq((l as typeof locations).editionId, edition.id),
                sql`${(l as typeof locations).status} = 'PUBLISHED' AND ${(l as typeof locations).awaitingApproval}`,
              )!,
          },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));
