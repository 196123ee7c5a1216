/** Federation staff: editions, organisations, approval and API keys (types in staff-types.ts). */

import { and, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { API_KEY_SCOPES } from '../../auth/keys.ts';
import { isSuspended } from '../../auth/viewer.ts';
import {
  type apiKeys,
  type Edition,
  editions,
  locationChanges,
  locations,
  organisations,
} from '../../db/schema.ts';
import { issueKeyAs, revokeKeyAs } from '../../locations/api-keys.ts';
import { audit, auditActorOf } from '../../locations/audit.ts';
import { createEdition, unknownEdition } from '../../locations/editions.ts';
import {
  federationOrganisations,
  requireInFederation,
  staffFederation,
} from '../../locations/federation-scope.ts';
import {
  checkContact,
  createOrganisation,
  organisationBySlug,
  unknownOrganisation,
} from '../../locations/organisations.ts';
import { seriesBySlug } from '../../locations/series.ts';
import { checkName } from '../../locations/slugs.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { suspendedError } from '../scopes.ts';
import { actorOf } from './location-mutations.ts';
import {
  ApproveOrganisationInput,
  CreateEditionInput,
  CreateOrganisationInput,
  EditionPayload,
  IssueApiKeyInput,
  IssueApiKeyPayload,
  OrganisationPayload,
  RevokeApiKeyInput,
  RevokeApiKeyPayload,
  UpdateEditionInput,
} from './staff-types.ts';
import { UserErrors, userError } from './user-error.ts';

/**
 * Whose keys a signed-in person handles: a coordinator, their own organisation's (returned); a
 * staff admin, any (null). Anyone else signed in (moderators, press) is refused.
 */
function keyOwner(ctx: Context): { id: number; slug: string } | null {
  const viewer = ctx.viewer;
  if (viewer && viewer.organisation === null && viewer.role === 'admin') return null;
  if (viewer?.session && viewer.organisation) return viewer.organisation;
  throw new GraphQLError('Forbidden: only federation staff admins and coordinators may do this.', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

builder.mutationFields((t) => ({
  createEdition: t.field({
    type: EditionPayload,
    description: 'Staff: open a new event day.',
    args: { input: t.arg({ type: CreateEditionInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      let seriesId: number | null = null;
      if (staffFederation(ctx.viewer) && input.series == null)
        return {
          edition: null,
          userErrors: [
            userError(
              ['series'],
              'REQUIRED',
              'Staff of a federation name a series of their federation: the edition is held in it.',
            ),
          ],
        };
      if (input.series != null) {
        await requireInFederation(ctx.db, ctx.viewer, { series: input.series });
        const found = await seriesBySlug(ctx.db, input.series);
        if (!found)
          return {
            edition: null,
            userErrors: [
              userError(
                ['series'],
                'NOT_FOUND',
                `No series with slug "${input.series.slice(0, 60)}".`,
              ),
            ],
          };
        seriesId = found.id;
      }
      const result = await createEdition(ctx.db, { ...input, seriesId }, auditActorOf(ctx.viewer!));
      ctx.live.announce(result.notices);
      return result;
    },
  }),
  updateEdition: t.field({
    type: EditionPayload,
    description: 'Staff: rename an edition, open or close it, or require approval.',
    args: { input: t.arg({ type: UpdateEditionInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const errors = new UserErrors();
      const name = checkName(errors, input.name);
      const press =
        input.pressContact !== undefined
          ? checkContact(errors, input.pressContact ?? null, 'pressContact')
          : undefined;
      if (input.status === 'CANCELLED' || input.status === 'POSTPONED')
        errors.add(
          ['status'],
          'INVALID',
          'Cancel or postpone with cancelEdition or postponeEdition: they take a reason (and a new day).',
        );
      const minGroup = input.mixingMinGroup;
      if (minGroup != null && (minGroup < 1 || minGroup > 1000))
        errors.add(
          ['mixingMinGroup'],
          'OUT_OF_RANGE',
          `mixingMinGroup must be a whole number from 1 to 1,000 (got ${minGroup}).`,
        );
      if (errors.any) return { edition: null, userErrors: errors.list };
      await requireInFederation(ctx.db, ctx.viewer, { edition: input.slug });
      const set = {
        ...(minGroup !== undefined ? { mixingMinGroup: minGroup } : {}),
        ...(name != null ? { name } : {}),
        ...(input.status != null ? { status: input.status } : {}),
        ...(input.requireApproval != null ? { requireApproval: input.requireApproval } : {}),
        ...(press
          ? {
              pressContactName: press.contactName,
              pressContactEmail: press.contactEmail,
              pressContactPhone: press.contactPhone,
            }
          : {}),
        updatedAt: sql`now()`,
      };
      const row = await ctx.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(editions)
          .where(eq(editions.slug, input.slug))
          .for('update');
        if (!before) return null;
        const [row] = await tx
          .update(editions)
          .set(set)
          .where(eq(editions.id, before.id))
          .returning();
        const changes: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
          (['name', 'status', 'requireApproval', 'mixingMinGroup'] as const)
            .filter((k) => before[k] !== row![k])
            .map((k) => [k, { from: before[k], to: row![k] }]),
        );
        // The press contact is public, yet a person's: the trail says it changed, not to what.
        const PRESS = ['pressContactName', 'pressContactEmail', 'pressContactPhone'] as const;
        const hasPress = (e: Edition) => PRESS.some((k) => e[k] !== null);
        if (PRESS.some((k) => before[k] !== row![k]))
          changes['pressContact'] = { from: hasPress(before), to: hasPress(row!) };
        await audit(tx, auditActorOf(ctx.viewer!), {
          action: 'UPDATE_EDITION',
          editionId: before.id,
          details: changes,
        });
        return row!;
      });
      if (!row) return { edition: null, userErrors: [unknownEdition(input.slug, ['slug'])] };
      ctx.live.announce([{ table: 'editions' }, { edition: row.id }]);
      return { edition: row, userErrors: [] };
    },
  }),
  createOrganisation: t.field({
    type: OrganisationPayload,
    description: 'Staff: admit a member organisation.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const federation = staffFederation(ctx.viewer);
      const result = await createOrganisation(ctx.db, input, federation?.id ?? null);
      ctx.live.announce(result.notices);
      return result;
    },
  }),
  approveOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'Staff (admins and moderators): approve an organisation; its venues waiting for approval go public.',
    args: { input: t.arg({ type: ApproveOrganisationInput, required: true }) },
    authScopes: { moderator: true },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(ctx.db, ctx.viewer, { organisation: input.organisation });
      return ctx.db
        .transaction(async (tx) => {
          const [org] = await tx
            .update(organisations)
            .set({
              approvedAt: sql`coalesce(${organisations.approvedAt}, now())`,
              updatedAt: sql`now()`,
            })
            .where(eq(organisations.slug, input.organisation))
            .returning();
          if (!org)
            return { organisation: null, userErrors: [unknownOrganisation(input.organisation)] };
          const released = await tx
            .update(locations)
            .set({ awaitingApproval: false, updatedAt: sql`now()` })
            .where(and(eq(locations.organisationId, org.id), eq(locations.awaitingApproval, true)))
            .returning({ id: locations.id, editionId: locations.editionId });
          const actor = actorOf(ctx);
          await audit(tx, auditActorOf(ctx.viewer!), {
            action: 'APPROVE_ORGANISATION',
            organisationId: org.id,
            details: { released: { from: null, to: released.length } },
          });
          if (released.length) {
            await tx.insert(locationChanges).values(
              released.map((l) => ({
                locationId: l.id,
                organisationId: org.id,
                apiKeyId: actor.keyId,
                actor: actor.name,
                action: 'APPROVE',
                changes: { awaitingApproval: { from: true, to: false } },
              })),
            );
          }
          return {
            organisation: org,
            userErrors: [],
            released: [...new Set(released.map((l) => l.editionId))],
          };
        })
        .then(({ released = [], ...result }) => {
          if (result.organisation)
            ctx.live.announce([
              { table: 'organisations' },
              ...released.map((edition) => ({ edition })),
            ]);
          return result;
        });
    },
  }),
  issueApiKey: t.field({
    type: IssueApiKeyPayload,
    description:
      'Issue a key: staff admins for any organisation or a staff key; a signed-in coordinator for their own organisation (leave `organisation` out, or give its slug). The secret is in the payload, once.',
    args: { input: t.arg({ type: IssueApiKeyInput, required: true }) },
    authScopes: { staff: true, person: true },
    resolve: async (_root, { input }, ctx) => {
      let organisationId: number | null = null;
      const own = keyOwner(ctx);
      // Revoking stays possible (a leaked key must be stoppable); a new key is a write like any other.
      if (own && isSuspended(ctx.viewer)) throw suspendedError(ctx.viewer!);
      if (own) {
        if (input.organisation != null && input.organisation !== own.slug)
          return { apiKey: null, userErrors: [unknownOrganisation(input.organisation)] };
        organisationId = own.id;
      } else if (input.organisation != null) {
        await requireInFederation(ctx.db, ctx.viewer, { organisation: input.organisation });
        const org = await organisationBySlug(ctx.db, input.organisation);
        if (!org) return { apiKey: null, userErrors: [unknownOrganisation(input.organisation)] };
        organisationId = org.id;
      } else {
        await requireInFederation(ctx.db, ctx.viewer, { instance: 'issuing a staff key' });
      }
      if (input.scopes.length === 0)
        return {
          apiKey: null,
          userErrors: [
            userError(
              ['scopes'],
              'REQUIRED',
              `Give at least one scope: ${API_KEY_SCOPES.join(', ')}.`,
            ),
          ],
        };
      if (input.label && input.label.length > 200)
        return {
          apiKey: null,
          userErrors: [userError(['label'], 'TOO_LONG', 'label is at most 200 characters.')],
        };
      const { secret, apiKey } = await issueKeyAs(ctx.db, auditActorOf(ctx.viewer!), {
        organisationId,
        scopes: input.scopes,
        label: input.label,
      });
      return { secret, apiKey, userErrors: [] };
    },
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    description:
      'Revoke a key at once: staff admins any key, a signed-in coordinator their organisation’s. Revoking twice changes nothing.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    authScopes: { staff: true, person: true },
    resolve: async (_root, { input }, ctx) => {
      const own = keyOwner(ctx);
      await requireInFederation(ctx.db, ctx.viewer, { apiKey: input.prefix });
      const row = await revokeKeyAs(
        ctx.db,
        auditActorOf(ctx.viewer!),
        input.prefix,
        ctx.live.keys,
        own?.id,
      );
      if (!row)
        return {
          apiKey: null,
          userErrors: [
            userError(
              ['prefix'],
              'NOT_FOUND',
              `No key with prefix "${input.prefix.slice(0, 60)}".`,
            ),
          ],
        };
      return { apiKey: row, userErrors: [] };
    },
  }),
}));

builder.queryFields((t) => ({
  apiKeys: t.drizzleField({
    type: ['apiKeys'],
    description:
      'Keys by prefix (never the secrets), newest first: staff admins see every key, a signed-in coordinator their organisation’s.',
    args: {
      organisation: t.arg.string({ description: 'Only this organisation’s keys.' }),
      includeRevoked: t.arg.boolean({ defaultValue: false, description: 'Also revoked keys.' }),
    },
    authScopes: { staff: true, person: true },
    resolve: (query, _root, args, ctx) => {
      const own = keyOwner(ctx);
      const federation = staffFederation(ctx.viewer);
      return ctx.db.query.apiKeys.findMany(
        query({
          where: {
            // Staff of one federation: its staff keys and its current members' keys.
            ...(federation
              ? {
                  RAW: (k) =>
                    sql`(${(k as typeof apiKeys).federationId} = ${federation.id} OR ${(k as typeof apiKeys).organisationId} IN ${federationOrganisations(federation.id)})`,
                }
              : {}),
            ...(args.includeRevoked ? {} : { revokedAt: { isNull: true } }),
            ...(own
              ? {
                  organisationId: own.id,
                  ...(args.organisation ? { organisation: { slug: args.organisation } } : {}),
                }
              : args.organisation
                ? { organisation: { slug: args.organisation } }
                : {}),
          },
          orderBy: { id: 'desc' },
        }),
      );
    },
  }),
}));
