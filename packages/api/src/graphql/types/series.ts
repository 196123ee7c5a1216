/**
 * Series and history: `Series` with its editions, an edition's `series` and `history` (the totals
 * of a past edition whose venues were never recorded, with their source), the `series` query, and
 * the staff admins' mutations that start a series and set an edition's series and totals.
 */
import { auditActorOf } from '../../locations/audit.ts';
import { requireInFederation, staffFederation } from '../../locations/federation-scope.ts';
import {
  createSeries,
  type EditionHistory,
  historyOf,
  MAX_SOURCE,
  MAX_TOTAL,
  setEditionHistory,
} from '../../locations/series.ts';
import { builder } from '../builder.ts';
import { EditionRef } from './edition.ts';
import { EditionPayload } from './staff-types.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

export const SeriesRef = builder.drizzleNode('series', {
  name: 'Series',
  description:
    'A run of editions of one event, year after year, e.g. `nid` (the Nationaal Integratiediner).',
  id: { column: (s) => s.id },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable short name, e.g. `nid`.' }),
    name: t.exposeString('name', { description: 'The event’s name.' }),
    editions: t.relation('editions', {
      description: 'Its editions, oldest day first (past ones may hold totals only).',
      query: { orderBy: { date: 'asc', id: 'asc' } },
    }),
  }),
});

const EditionHistoryRef = builder.objectRef<EditionHistory>('EditionHistory').implement({
  description:
    'The recorded totals of a past edition whose venues were never recorded, with their source. Such an edition has totals only: no venues, no log, no curve.',
  fields: (t) => ({
    participants: t.exposeInt('participants', {
      nullable: true,
      description: 'People who took part; null if the source does not say.',
    }),
    locations: t.exposeInt('locations', {
      nullable: true,
      description: 'Venues; null if the source does not say.',
    }),
    organisations: t.exposeInt('organisations', {
      nullable: true,
      description: 'Organisations; null if the source does not say.',
    }),
    atLeast: t.exposeBoolean('atLeast', {
      description: 'The totals are lower bounds: the source says “300+” or “ruim 20.000”.',
    }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'Where the totals come from, as staff recorded it.',
    }),
  }),
});

builder.drizzleObjectFields(EditionRef, (t) => ({
  series: t.relation('series', {
    nullable: true,
    description: 'The series it belongs to; null if none.',
  }),
  history: t.field({
    type: EditionHistoryRef,
    nullable: true,
    description:
      'Recorded totals with their source, for a past edition whose venues were never recorded; null when none were recorded.',
    resolve: (e) => historyOf(e),
  }),
}));

builder.queryFields((t) => ({
  series: t.drizzleField({
    type: 'series',
    nullable: true,
    description: 'One series by its slug, with its editions; null if there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The series’ slug, e.g. `nid`.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.series.findFirst(query({ where: { slug: args.slug } })),
  }),
}));

const CreateSeriesInput = builder.inputType('CreateSeriesInput', {
  description: 'Start a series of editions.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Short name: lowercase letters, digits, hyphens.',
    }),
    name: t.string({ required: true, description: 'The event’s name, 1–200 characters.' }),
  }),
});

const HistoricTotalsInput = builder.inputType('HistoricTotalsInput', {
  description:
    'The totals of a past edition as a source gives them. Any total needs its source: it is published with it.',
  fields: (t) => ({
    participants: t.int({ description: `People, 0–${MAX_TOTAL}; null if unknown.` }),
    locations: t.int({ description: `Venues, 0–${MAX_TOTAL}; null if unknown.` }),
    organisations: t.int({ description: `Organisations, 0–${MAX_TOTAL}; null if unknown.` }),
    atLeast: t.boolean({
      description: 'The totals are lower bounds (“300+”, “ruim 20.000”). Default false.',
    }),
    source: t.string({
      description: `Where they come from (public), up to ${MAX_SOURCE} characters.`,
    }),
  }),
});

const SetEditionHistoryInput = builder.inputType('SetEditionHistoryInput', {
  description: 'Put an edition in a series and record its historic totals.',
  fields: (t) => ({
    edition: t.string({ required: true, description: 'Edition slug.' }),
    series: t.string({
      description:
        'The series’ slug; null takes the edition out of its series; left out, it stays.',
    }),
    totals: t.field({
      type: HistoricTotalsInput,
      description: 'Its recorded totals; null clears them; left out, they stay.',
    }),
  }),
});

const SeriesPayload = builder
  .objectRef<{ series: unknown; userErrors: UserError[] }>('SeriesPayload')
  .implement({
    description: 'The series after the mutation, or what was wrong.',
    fields: (t) => ({
      series: t.field({
        type: SeriesRef,
        nullable: true,
        description: 'The series.',
        resolve: (p) => p.series as never,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when applied.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const inInput = (errors: UserError[]) =>
  errors.map((e) => ({ ...e, field: ['input', ...(e.field ?? [])] }));

builder.mutationFields((t) => ({
  createSeries: t.field({
    type: SeriesPayload,
    description: 'Staff admins: start a series of editions.',
    args: { input: t.arg({ type: CreateSeriesInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      const result = await createSeries(
        ctx.db,
        auditActorOf(ctx.viewer!),
        input,
        staffFederation(ctx.viewer)?.id ?? null,
      );
      ctx.live.announce(result.notices);
      return { series: result.series, userErrors: inInput(result.userErrors) };
    },
  }),
  setEditionHistory: t.field({
    type: EditionPayload,
    description:
      'Staff admins: put an edition in a series, and record the totals of a past edition whose venues were never recorded, with their source.',
    args: { input: t.arg({ type: SetEditionHistoryInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      await requireInFederation(
        ctx.db,
        ctx.viewer,
        { edition: input.edition },
        input.series === null
          ? { instance: 'taking an edition out of its series' }
          : input.series !== undefined
            ? { series: input.series }
            : null,
      );
      const result = await setEditionHistory(ctx.db, auditActorOf(ctx.viewer!), input);
      ctx.live.announce(result.notices);
      return { edition: result.edition, userErrors: inInput(result.userErrors) };
    },
  }),
}));
