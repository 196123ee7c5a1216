/**
 * The types of federation staff's mutations (staff.ts): API keys, and the inputs and payloads for
 * editions, organisations and keys.
 */

import { COUNTRIES } from '@tafel/schema';
import type { ApiKeyScope } from '../../auth/viewer.ts';
import type { apiKeys, editions, organisations } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { ContactInputRef } from './contact-input.ts';
import { EditionRef } from './edition.ts';
import { EditionStatusEnum, OrganisationKindEnum } from './enums.ts';
import { OrganisationRef } from './organisation.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

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

export const CreateEditionInput = builder.inputType('CreateEditionInput', {
  description: 'A new event day.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Short name, lowercase words joined by hyphens, e.g. `nid-2028`.',
    }),
    name: t.string({ required: true, description: 'Display name.' }),
    date: t.field({
      type: 'Date',
      required: true,
      description: 'The day, YYYY-MM-DD; the first day of an edition that spans days.',
    }),
    endDate: t.field({
      type: 'Date',
      description:
        'For an edition that spans days (meetings across a year), its last day, at most 366 days after `date`; left out for one day.',
    }),
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
    series: t.string({
      description:
        'The slug of the series it belongs to. Staff of one federation must name a series of their federation (that puts the edition in it); the instance’s staff may leave it out.',
    }),
  }),
});

export const UpdateEditionInput = builder.inputType('UpdateEditionInput', {
  description: 'Change an edition: its slug, and the fields to change.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The edition to change.' }),
    name: t.string({ description: 'Display name.' }),
    status: t.field({ type: EditionStatusEnum, description: 'PLANNED, OPEN or CLOSED.' }),
    requireApproval: t.boolean({
      description: 'Hold a new organisation’s venues until staff approve it.',
    }),
    mixingMinGroup: t.int({
      description:
        'The least group size of the measure of mixing in this edition, 1–1,000: smaller groups’ figures are suppressed. Null: the server’s default (TAFEL_MIXING_MIN_GROUP, else 5).',
    }),
    pressContact: t.field({
      type: ContactInputRef,
      description:
        'Whom journalists contact about it (public); it replaces the one kept. `null` removes it.',
    }),
  }),
});

export const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
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

export const ApproveOrganisationInput = builder.inputType('ApproveOrganisationInput', {
  description:
    'Approve an organisation: its venues waiting for approval go public, and later ones go public at once.',
  fields: (t) => ({ organisation: t.string({ required: true, description: 'Its slug.' }) }),
});

export const IssueApiKeyInput = builder.inputType('IssueApiKeyInput', {
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

export const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'Revoke a key by its prefix.',
  fields: (t) => ({
    prefix: t.string({ required: true, description: 'The key’s visible prefix.' }),
  }),
});

interface EditionPayloadShape {
  edition: typeof editions.$inferSelect | null;
  userErrors: UserError[];
}
export const EditionPayload = builder.objectRef<EditionPayloadShape>('EditionPayload').implement({
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
export const OrganisationPayload = builder
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
export const IssueApiKeyPayload = builder
  .objectRef<KeyPayloadShape>('IssueApiKeyPayload')
  .implement({
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
export const RevokeApiKeyPayload = builder
  .objectRef<KeyPayloadShape>('RevokeApiKeyPayload')
  .implement({
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
