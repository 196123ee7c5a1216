/**
 * Federations: `Federation` with its series and its membership over time, the `federation` and
 * `federations` queries, and the federation an edition or series belongs to.
 */
import type { Federation } from '../../db/schema.ts';
import {
  checkRange,
  federationsOfSeries,
  MEMBERSHIP_STEPS,
  type MembershipPoint,
  membershipOver,
  membersOn,
} from '../../locations/federations.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { EditionRef } from './edition.ts';
import { SeriesRef } from './series.ts';

const MembershipStepEnum = builder.enumType('MembershipStep', {
  description: 'The step between the points of a federation’s membership over time.',
  values: Object.fromEntries(MEMBERSHIP_STEPS.map((s) => [s, { value: s }])),
});

const MembershipPointRef = builder.objectRef<MembershipPoint>('MembershipPoint').implement({
  description: 'A federation’s members on one day.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day.' }),
    members: t.exposeInt('members', {
      description: 'Member organisations that day: joined on or before it, not yet left.',
    }),
    joined: t.exposeInt('joined', {
      description:
        'Organisations that joined since the point before (for the first point: on or before it).',
    }),
    left: t.exposeInt('left', {
      description: 'Organisations that left since the point before (0 for the first point).',
    }),
  }),
});

/** A day argument: YYYY-MM-DD; today (UTC) when not given. */
const today = () => new Date().toISOString().slice(0, 10);

export const FederationRef = builder.drizzleNode('federations', {
  name: 'Federation',
  description:
    'The network whose members host the tables: e.g. the Nationaal Integratiediner, Altinget’s integration network, Wir zusammen. One Tafel serves several; each has its series (and editions) and its member organisations, each with the day it joined.',
  id: { column: (f) => f.id },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable short name, e.g. `wir-zusammen`.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    country: t.exposeString('country', {
      description: 'ISO 3166-1 alpha-2: where its editions are held unless they say otherwise.',
    }),
    series: t.relation('series', {
      description: 'Its series of editions.',
      query: { orderBy: { slug: 'asc' } },
    }),
    members: t.int({
      description: 'Member organisations on a day (default: today, UTC).',
      args: { on: t.arg({ type: 'Date', description: 'The day, YYYY-MM-DD.' }) },
      resolve: (f, args, ctx) => membersOn(ctx.db, f.id, args.on ?? today()),
    }),
    membership: t.field({
      type: [MembershipPointRef],
      description: `Its members over time, from joined (and left) dates: on \`from\`, every step after it, and on \`to\`. At most 400 points. "Aus 36 sind rund 170 Mitglieder geworden" is \`membership(from: <launch>, to: <a year later>, every: MONTH)\`.`,
      args: {
        from: t.arg({ type: 'Date', required: true, description: 'The first day.' }),
        to: t.arg({ type: 'Date', required: true, description: 'The last day.' }),
        every: t.arg({
          type: MembershipStepEnum,
          defaultValue: 'MONTH',
          description: 'The step between points.',
        }),
      },
      resolve: (f, args, ctx) => {
        const every = args.every ?? 'MONTH';
        const [problem] = checkRange(args.from, args.to, every);
        if (problem) throw badInput(String(problem.field?.at(-1) ?? 'from'), problem.message);
        return membershipOver(ctx.db, f.id, args.from, args.to, every);
      },
    }),
  }),
});

builder.drizzleObjectFields(SeriesRef, (t) => ({
  federation: t.relation('federation', {
    nullable: true,
    description: 'The federation that holds it; null for the instance’s own.',
  }),
}));

const seriesFederations = new WeakMap<Context, Promise<Map<number, Federation>>>();

builder.drizzleObjectFields(EditionRef, (t) => ({
  federation: t.field({
    type: FederationRef,
    nullable: true,
    description:
      'The federation whose edition it is (through its series); null for the instance’s own.',
    resolve: async (e, _args, ctx) => {
      if (e.seriesId === null) return null;
      // One statement per request, however many editions it lists.
      let known = seriesFederations.get(ctx);
      if (!known) {
        known = federationsOfSeries(ctx.db);
        seriesFederations.set(ctx, known);
      }
      return (await known).get(e.seriesId) ?? null;
    },
  }),
}));

builder.queryFields((t) => ({
  federation: t.drizzleField({
    type: 'federations',
    nullable: true,
    description: 'One federation by its slug; null if there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Its slug, e.g. `wir-zusammen`.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.federations.findFirst(query({ where: { slug: args.slug } })),
  }),
  federations: t.drizzleField({
    type: ['federations'],
    description: 'Every federation this Tafel serves, by slug.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.federations.findMany(query({ orderBy: { slug: 'asc' } })),
  }),
}));
