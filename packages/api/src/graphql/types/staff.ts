/** Federation staff: editions, organisations, approval and API keys. */

import { COUNTRIES } from '@tafel/schema';
import { and, eq, sql } from 'drizzle-orm';
import { API_KEY_SCOPES, issueKey, revokeKey } from '../../auth/keys.ts';
import type { ApiKeyScope } from '../../auth/viewer.ts';
import {
  type apiKeys,
  editions,
  locationChanges,
  locations,
  organisations,
} from '../../db/schema.ts';
import { createEdition, unknownEdition } from '../../locations/editions.ts';
import {
  createOrganisation,
  organisationBySlug,
  unknownOrganisation,
} from '../../locations/organisations.ts';
import { checkName } from '../../locations/slugs.ts';
import { builder } from '../builder.ts';
import { EditionRef } from './edition.ts';
import { EditionStatusEnum, OrganisationKindEnum } from './enums.ts';
import { actorOf } from './location-mutations.ts';
import { OrganisationRef } from './organisation.ts';
import { type UserError, UserErrorRef, UserErrors, userError } from './user-error.ts';

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What a key may write. Staff keys may do everything.',
  values: {
    LOCATIONS_WRITE: {
      description: 'Create, update, cancel and bulk-upsert the organisation’s venues.',
    },
    PARTICIPATION_WRITE: { description: 'Report participation at the organisation’s venues.' },
  } as const,
});

export const ApiKeyRef = builder.drizzleObject('apiKeys', {
  name: 'ApiKey',
  description:
    'An API key, by its visible prefix. The secret is never shown again after it was issued.',
  fields: (t) => ({
    prefix: t.exposeString('prefix', {
      description: 'The visible start of the secret, e.g. `tafel_3Fq9x2Lm`.',
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: 'What the key may write.',
      resolve: (k) => k.scopes as ApiKeyScope[],
    }),
    label: t.exposeString('label', { nullable: true, description: 'A note on who uses it.' }),
    organisation: t.relation('organisation', {
      nullable: true,
      description: 'Whose key this is; null for a staff key.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last use (to the minute).',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; revoked keys are refused.',
    }),
  }),
});

const CreateEditionInput = builder.inputType('CreateEditionInput', {
  description: 'A new event day.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Short name, lowercase words joined by hyphens, e.g. `nid-2028`.',
    }),
    name: t.string({ required: true, description: 'Display name.' }),
    date: t.field({ type: 'Date', required: true, description: 'The day, YYYY-MM-DD.' }),
    timeZone: t.string({ defaultValue: 'Europe/Amsterdam', description: 'IANA time zone.' }),
    country: t.string({
      defaultValue: 'NL',
      description: `ISO country code: one of ${Object.keys(COUNTRIES).join(', ')}.`,
    }),
    status: t.field({
      type: EditionStatusEnum,
      defaultValue: 'OPEN',
      description: 'PLANNED, OPEN or CLOSED.',
    }),
    requireApproval: t.boolean({
      defaultValue: false,
      description: 'Hold a new organisation’s venues until staff approve the organisation.',
    }),
  }),
});

const UpdateEditionInput = builder.inputType('UpdateEditionInput', {
  description: 'Change an edition: its slug, and the fields to change.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The edition to change.' }),
    name: t.string({ description: 'Display name.' }),
    status: t.field({ type: EditionStatusEnum, description: 'PLANNED, OPEN or CLOSED.' }),
    requireApproval: t.boolean({
      description: 'Hold a new organisation’s venues until staff approve it.',
    }),
  }),
});

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'Admit a member organisation.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Short name, lowercase words joined by hyphens.',
    }),
    name: t.string({ required: true, description: 'Display name.' }),
    kind: t.field({
      type: OrganisationKindEnum,
      defaultValue: 'OTHER',
      description: 'What kind of organisation.',
    }),
    website: t.field({ type: 'URL', description: 'Website (http or https).' }),
    approved: t.boolean({
      defaultValue: false,
      description: 'Trust its venues to go public without approval where an edition requires it.',
    }),
  }),
});

const ApproveOrganisationInput = builder.inputType('ApproveOrganisationInput', {
  description:
    'Approve an organisation: its venues waiting for approval go public, and later ones go public at once.',
  fields: (t) => ({ organisation: t.string({ required: true, description: 'Its slug.' }) }),
});

const IssueApiKeyInput = builder.inputType('IssueApiKeyInput', {
  description: 'A new key for an organisation, or (without organisation) for staff.',
  fields: (t) => ({
    organisation: t.string({ description: 'The organisation’s slug; leave out for a staff key.' }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      required: true,
      description: 'What the key may write.',
    }),
    label: t.string({ description: 'A note on who uses it.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'Revoke a key by its prefix.',
  fields: (t) => ({
    prefix: t.string({ required: true, description: 'The key’s visible prefix.' }),
  }),
});

interface EditionPayloadShape {
  edition: typeof editions.$inferSelect | null;
  userErrors: UserError[];
}
const EditionPayload = builder.objectRef<EditionPayloadShape>('EditionPayload').implement({
  description: 'The edition after the mutation, or what was wrong.',
  fields: (t) => ({
    edition: t.field({
      type: EditionRef,
      nullable: true,
      description: 'The edition.',
      resolve: (p) => p.edition,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: 'Empty when applied.',
      resolve: (p) => p.userErrors,
    }),
  }),
});

interface OrganisationPayloadShape {
  organisation: typeof organisations.$inferSelect | null;
  userErrors: UserError[];
}
const OrganisationPayload = builder
  .objectRef<OrganisationPayloadShape>('OrganisationPayload')
  .implement({
    description: 'The organisation after the mutation, or what was wrong.',
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRef,
        nullable: true,
        description: 'The organisation.',
        resolve: (p) => p.organisation,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when applied.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

interface KeyPayloadShape {
  secret?: string | null;
  apiKey: typeof apiKeys.$inferSelect | null;
  userErrors: UserError[];
}
const IssueApiKeyPayload = builder.objectRef<KeyPayloadShape>('IssueApiKeyPayload').implement({
  description: 'The new key. Its secret is shown here once and never again: store it now.',
  fields: (t) => ({
    secret: t.string({
      nullable: true,
      description: 'The whole key, for `Authorization: Bearer <secret>`. Shown once.',
      resolve: (p) => p.secret ?? null,
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key, by prefix.',
      resolve: (p) => p.apiKey,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: 'Empty when applied.',
      resolve: (p) => p.userErrors,
    }),
  }),
});
const RevokeApiKeyPayload = builder.objectRef<KeyPayloadShape>('RevokeApiKeyPayload').implement({
  description: 'The revoked key, or what was wrong.',
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key, now revoked.',
      resolve: (p) => p.apiKey,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: 'Empty when applied.',
      resolve: (p) => p.userErrors,
    }),
  }),
});

builder.mutationFields((t) => ({
  createEdition: t.field({
    type: EditionPayload,
    description: 'Staff: open a new event day.',
    args: { input: t.arg({ type: CreateEditionInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const result = await createEdition(ctx.db, input);
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
      if (errors.any) return { edition: null, userErrors: errors.list };
      const set = {
        ...(name != null ? { name } : {}),
        ...(input.status != null ? { status: input.status } : {}),
        ...(input.requireApproval != null ? { requireApproval: input.requireApproval } : {}),
        updatedAt: sql`now()`,
      };
      const [row] = await ctx.db
        .update(editions)
        .set(set)
        .where(eq(editions.slug, input.slug))
        .returning();
      if (!row) return { edition: null, userErrors: [unknownEdition(input.slug, ['slug'])] };
      ctx.live.announce([{ table: 'editions' }]);
      return { edition: row, userErrors: [] };
    },
  }),
  createOrganisation: t.field({
    type: OrganisationPayload,
    description: 'Staff: admit a member organisation.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const result = await createOrganisation(ctx.db, input);
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
      'Staff: issue a key for an organisation, or a staff key. The secret is in the payload, once.',
    args: { input: t.arg({ type: IssueApiKeyInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      let organisationId: number | null = null;
      if (input.organisation != null) {
        const org = await organisationBySlug(ctx.db, input.organisation);
        if (!org) return { apiKey: null, userErrors: [unknownOrganisation(input.organisation)] };
        organisationId = org.id;
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
      const { secret, apiKey } = await issueKey(ctx.db, {
        organisationId,
        scopes: input.scopes,
        label: input.label,
      });
      return { secret, apiKey, userErrors: [] };
    },
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    description: 'Staff: revoke a key at once. Revoking twice changes nothing.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const row = await revokeKey(ctx.db, input.prefix, ctx.live.keys);
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
    description: 'Staff: every key, by prefix (never the secrets), newest first.',
    args: {
      organisation: t.arg.string({ description: 'Only this organisation’s keys.' }),
      includeRevoked: t.arg.boolean({ defaultValue: false, description: 'Also revoked keys.' }),
    },
    authScopes: { staff: true },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.apiKeys.findMany(
        query({
          where: {
            ...(args.includeRevoked ? {} : { revokedAt: { isNull: true } }),
            ...(args.organisation ? { organisation: { slug: args.organisation } } : {}),
          },
          orderBy: { id: 'desc' },
        }),
      ),
  }),
}));
