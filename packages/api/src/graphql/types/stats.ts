import { type Lang, label as vocabularyLabel } from '@tafel/schema';
import { GraphQLError, Kind } from 'graphql';
import { type ResolvedFilter, resolveFilter } from '../../locations/filter.ts';
import {
  type Bucket,
  computeTimeline,
  type StatsSummary,
  type TimelinePoint,
} from '../../locations/stats.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { asBadInput } from '../errors.ts';
import { requireEdition } from './edition.ts';
import { LanguageEnum } from './enums.ts';
import { LocationFilterInput } from './filter-input.ts';

/** The parent of every stats field: what to count, and the counts once someone asks. */
export interface StatsSource {
  editionId: number;
  filter: ResolvedFilter;
  summary?: Promise<StatsSummary>;
  /** Set when the stats were computed elsewhere (a live update). */
  computed?: StatsSummary;
  /** A live update's timelines, shared by every subscriber of its tick (live/stats-feed.ts). */
  timelines?: Map<number, Promise<TimelinePoint[]>>;
}

/** The timeline of the stats' venues, once per live tick and interval when the stats are a live update's. */
function timelineOf(source: StatsSource, minutes: number, ctx: Context): Promise<TimelinePoint[]> {
  const shared = source.timelines;
  if (!shared) return computeTimeline(ctx.db, source.editionId, source.filter, minutes);
  let timeline = shared.get(minutes);
  if (!timeline) {
    timeline = computeTimeline(ctx.db, source.editionId, source.filter, minutes);
    shared.set(minutes, timeline);
    timeline.catch(() => shared.get(minutes) === timeline && shared.delete(minutes));
  }
  return timeline;
}

function summaryOf(source: StatsSource, ctx: Context): Promise<StatsSummary> {
  if (source.computed) return Promise.resolve(source.computed);
  source.summary ??= ctx.stats.get(source.editionId, source.filter);
  return source.summary;
}

function parseMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1440) {
    throw new GraphQLError(
      `Minutes must be a whole number from 1 to 1440 (got ${JSON.stringify(value)}).`,
    );
  }
  return value;
}

const Minutes = builder.scalarType('Minutes', {
  description: 'A whole number of minutes, 1 to 1440.',
  serialize: (v) => Number(v),
  parseValue: parseMinutes,
  parseLiteral: (ast) => parseMinutes(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});

const StatBucketRef = builder.objectRef<Bucket>('StatBucket').implement({
  description:
    'Counts for one region, city, meal, target group, organisation or kind of organisation: people present and people expected, side by side.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'The code: a region code, city name, meal, target group, organisation slug or organisation kind.',
    }),
    label: t.string({
      description:
        'A human label for the key (organisation buckets carry the organisation’s name).',
      args: {
        lang: t.arg({
          type: LanguageEnum,
          defaultValue: 'nl',
          description: 'Language of the label.',
        }),
      },
      resolve: (b, args) => b.label ?? vocabularyLabel(b.key, (args.lang ?? 'nl') as Lang),
    }),
    participants: t.exposeInt('participants', {
      description: 'People present: the counts reported on the day.',
    }),
    expected: t.exposeInt('expected', {
      description: 'People expected: the registrations stated before the day.',
    }),
    capacity: t.exposeInt('capacity', {
      description: 'Seats (venues without a stated capacity count 0).',
    }),
    locations: t.exposeInt('locations', { description: 'Public venues.' }),
  }),
});

const TimelinePointRef = builder
  .objectRef<{ at: Date; participants: number }>('TimelinePoint')
  .implement({
    description: 'Participants at a moment of the day.',
    fields: (t) => ({
      at: t.expose('at', { type: 'DateTime', description: 'The end of the interval.' }),
      participants: t.exposeInt('participants', { description: 'Participants at that moment.' }),
    }),
  });

export const ParticipationStatsRef = builder
  .objectRef<StatsSource>('ParticipationStats')
  .implement({
    description:
      'Live participation counts over the public venues that match a filter. Counts, never people.',
    fields: (t) => ({
      participants: t.int({
        description: 'People present: the counts reported on the day (0 before it).',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).participants,
      }),
      expected: t.int({
        description:
          'People expected: the registrations the venues stated before the day, whoever has come yet.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).expected,
      }),
      capacity: t.int({
        description: 'Seats in all.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).capacity,
      }),
      locations: t.int({
        description: 'Public venues.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).locations,
      }),
      organisations: t.int({
        description: 'Organisations hosting them.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).organisations,
      }),
      byRegion: t.field({
        type: [StatBucketRef],
        description: 'Per region, biggest first.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byRegion,
      }),
      byCity: t.field({
        type: [StatBucketRef],
        description: 'Per city or village as the venues give it, biggest first.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byCity,
      }),
      byMeal: t.field({
        type: [StatBucketRef],
        description: 'Per meal, biggest first.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byMeal,
      }),
      byTargetGroup: t.field({
        type: [StatBucketRef],
        description:
          'Per target group, biggest first. A venue counts in each of its groups, so these add up to more than the total.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byTargetGroup,
      }),
      byOrganisation: t.field({
        type: [StatBucketRef],
        description: 'Per organisation, biggest first.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byOrganisation,
      }),
      byOrganisationKind: t.field({
        type: [StatBucketRef],
        description: 'Per kind of organisation (company, municipality, charity, …), biggest first.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byOrganisationKind,
      }),
      timeline: t.field({
        type: [TimelinePointRef],
        description:
          'Participants over the day from the participation log, one point per interval that saw a change.',
        args: {
          interval: t.arg({
            type: Minutes,
            defaultValue: 15,
            description: 'Interval length in minutes (default 15).',
          }),
        },
        resolve: (s, args, ctx) => timelineOf(s, args.interval ?? 15, ctx),
      }),
      updatedAt: t.field({
        type: 'DateTime',
        description: 'As of when: the last change to any of the counted venues.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).updatedAt ?? new Date(0),
      }),
    }),
  });

builder.queryFields((t) => ({
  stats: t.field({
    type: ParticipationStatsRef,
    description:
      'Participation counts of an edition’s public venues: totals, buckets and the day’s timeline.',
    args: {
      edition: t.arg.string({ required: true, description: 'Edition slug.' }),
      filter: t.arg({
        type: LocationFilterInput,
        description: 'Count only the venues that match.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const edition = await requireEdition(ctx, args.edition);
      return {
        editionId: edition.id,
        filter: await resolveFilter(ctx.db, args.filter).catch(asBadInput),
      };
    },
  }),
}));
