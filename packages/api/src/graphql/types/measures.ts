/**
 * Other counts than the people at the tables (locations/measures.ts): an edition's `measures`
 * (what its federation counts), `stats.measures` (the totals, per organisation), and
 * `setOrganisationCount`.
 */
import type { Lang } from '@tafel/schema';
import { auditActorOf } from '../../locations/audit.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  MAX_COUNT,
  type Measure,
  type MeasureTotal,
  measuresOf,
  measureTotals,
  setOrganisationCount,
} from '../../locations/measures.ts';
import { builder } from '../builder.ts';
import { EditionRef } from './edition.ts';
import { LanguageEnum } from './enums.ts';
import { ParticipationStatsRef } from './stats.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

const labelOf = (m: Measure, lang: string | null | undefined) => m.labels[(lang ?? 'nl') as Lang];

export const MeasureRef = builder.objectRef<Measure>('Measure').implement({
  description:
    'Something a federation counts beside the people at its tables, e.g. `PLACEMENTS` (placements offered by companies).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Its key, e.g. `PLACEMENTS`.' }),
    label: t.string({
      description: 'Its name in a language.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'nl', description: 'Language.' }) },
      resolve: (m, args) => labelOf(m, args.lang),
    }),
  }),
});

const MeasureBucketRef = builder
  .objectRef<MeasureTotal['byOrganisation'][number]>('MeasureBucket')
  .implement({
    description: 'One organisation’s count of a measure.',
    fields: (t) => ({
      organisation: t.exposeString('slug', { description: 'The organisation’s slug.' }),
      name: t.exposeString('name', { description: 'The organisation’s name.' }),
      value: t.exposeInt('value', { description: 'Its count.' }),
    }),
  });

const MeasureTotalRef = builder.objectRef<MeasureTotal>('MeasureTotal').implement({
  description: 'A measure’s total over the organisations that reported it.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The measure’s key.' }),
    label: t.string({
      description: 'Its name in a language.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'nl', description: 'Language.' }) },
      resolve: (m, args) => labelOf(m, args.lang),
    }),
    total: t.exposeInt('total', { description: 'The sum of the organisations’ counts.' }),
    organisations: t.exposeInt('organisations', {
      description: 'Organisations that reported a count.',
    }),
    byOrganisation: t.field({
      type: [MeasureBucketRef],
      description: 'Per organisation, biggest first.',
      resolve: (m) => m.byOrganisation,
    }),
  }),
});

builder.drizzleObjectFields(EditionRef, (t) => ({
  measures: t.field({
    type: [MeasureRef],
    description:
      'What the edition’s federation counts beside participants (none for an edition without a federation, or one that counts people only).',
    resolve: (e, _args, ctx) => measuresOf(ctx.db, e.id),
  }),
}));

builder.objectFields(ParticipationStatsRef, (t) => ({
  measures: t.field({
    type: [MeasureTotalRef],
    nullable: true,
    description:
      'The totals of what the edition’s federation counts beside participants (e.g. placements), per organisation. They are counts of organisations, not of venues: narrowed by the `organisation` filter only — null under any other filter part, and for a snapshot (`at`).',
    resolve: (s, _args, ctx) => {
      const { organisationId, ...rest } = s.filter;
      if (s.at || Object.values(rest).some((v) => v !== undefined && v !== null)) return null;
      return measureTotals(ctx.db, s.editionId, organisationId);
    },
  }),
}));

const SetOrganisationCountInput = builder.inputType('SetOrganisationCountInput', {
  description: 'An organisation’s count of one of its federation’s measures in an edition.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'The edition’s slug.' }),
    organisation: t.string({
      required: true,
      description: 'The organisation’s slug (a key or coordinator: their own).',
    }),
    measure: t.string({
      required: true,
      description:
        'A measure the edition’s federation defines (`Edition.measures`), e.g. `PLACEMENTS`.',
    }),
    value: t.int({ required: true, description: `The count, 0 to ${MAX_COUNT}.` }),
  }),
});

const OrganisationCountRef = builder
  .objectRef<{ edition: string; organisation: string; measure: string; value: number }>(
    'OrganisationCount',
  )
  .implement({
    description: 'An organisation’s count of a measure in an edition.',
    fields: (t) => ({
      edition: t.exposeString('edition', { description: 'The edition’s slug.' }),
      organisation: t.exposeString('organisation', { description: 'The organisation’s slug.' }),
      measure: t.exposeString('measure', { description: 'The measure’s key.' }),
      value: t.exposeInt('value', { description: 'The count.' }),
    }),
  });

const SetOrganisationCountPayload = builder
  .objectRef<{
    count: { edition: string; organisation: string; measure: string; value: number } | null;
    userErrors: UserError[];
  }>('SetOrganisationCountPayload')
  .implement({
    description: 'The count as stored (null if refused), and what was wrong with the input.',
    fields: (t) => ({
      count: t.field({
        type: OrganisationCountRef,
        nullable: true,
        description: 'The count after the change.',
        resolve: (p) => p.count,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when it was stored.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  setOrganisationCount: t.field({
    type: SetOrganisationCountPayload,
    description:
      'Report an organisation’s count of a measure its edition’s federation defines (e.g. placements offered): the organisation’s own keys (LOCATIONS_WRITE) and coordinators, or staff (a staff key, admins and moderators). Refused: a measure the federation does not define (MEASURE_NOT_DEFINED), another organisation (NOT_FOUND), a count outside 0…1,000,000 (OUT_OF_RANGE).',
    args: { input: t.arg({ type: SetOrganisationCountInput, required: true }) },
    authScopes: { scope: 'LOCATIONS_WRITE' },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(
        ctx.db,
        ctx.viewer,
        { edition: input.edition },
        { organisation: input.organisation },
      );
      const viewer = ctx.viewer!;
      const result = await setOrganisationCount(
        ctx.db,
        { organisationId: viewer.organisation?.id ?? null, audit: auditActorOf(viewer) },
        input,
      );
      ctx.live.announce(result.notices);
      return { count: result.count, userErrors: result.userErrors };
    },
  }),
}));
