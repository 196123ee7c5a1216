import { type Lang, labelOf } from '@tafel/schema';
import { GraphQLError, Kind } from 'graphql';
import type { Edition } from '../../db/schema.ts';
import {
  type Comparison,
  compareAt,
  comparedClock,
  comparedCurve,
  differenceOf,
  snapshotInstant,
} from '../../locations/comparison.ts';
import { editionBySlug } from '../../locations/editions.ts';
import {
  type LocationFilterInput as FilterArgs,
  type ResolvedFilter,
  resolveFilter,
} from '../../locations/filter.ts';
import { computeMixing, type RoleMixing } from '../../locations/mixing.ts';
import { previousEdition } from '../../locations/series.ts';
import {
  type Bucket,
  computeStats,
  computeTimeline,
  type StatsSummary,
  type TimelinePoint,
} from '../../locations/stats.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { asBadInput, badInput } from '../errors.ts';
import { labelRoles } from '../own-target-groups.ts';
import { EditionRef, requireEdition } from './edition.ts';
import { LanguageEnum } from './enums.ts';
import { LocationFilterInput } from './filter-input.ts';
import { MixingStatsRef, minGroupFor } from './mixing.ts';

/** The parent of every stats field: what to count, and the counts once someone asks. */
export interface StatsSource {
  editionId: number;
  filter: ResolvedFilter;
  summary?: Promise<StatsSummary>;
  /** Set when the stats were computed elsewhere (a live update). */
  computed?: StatsSummary;
  /** A live update's timelines, shared by every subscriber of its tick (live/stats-feed.ts). */
  timelines?: Map<number, Promise<TimelinePoint[]>>;
  /** The numbers as they stood at this minute (a citable snapshot), from the log. */
  at?: Date;
  /** The edition to compare with, when asked for by slug (checked: same series, another day). */
  compareWith?: Edition;
}

/** Slow-changing lookups, kept a minute by the app's stats cache: a live message costs none. */
function editionRow(ctx: Context, id: number): Promise<Edition | null> {
  return ctx.stats.remember(`edition:${id}`, async () => {
    const [row] = await ctx.db.query.editions.findMany({ where: { id }, limit: 1 });
    return (row as Edition | undefined) ?? null;
  });
}

function previousOf(ctx: Context, edition: Edition): Promise<Edition | null> {
  return ctx.stats.remember(`previous:${edition.id}`, () => previousEdition(ctx.db, edition));
}

/** A filter checked and resolved once a minute per distinct filter (for live messages). */
export function rememberedFilter(
  ctx: Context,
  filter: FilterArgs | null | undefined,
): Promise<ResolvedFilter> {
  if (!filter) return Promise.resolve({});
  return ctx.stats.remember(`filter:${JSON.stringify(filter)}`, () =>
    resolveFilter(ctx.db, filter).catch(asBadInput),
  );
}

/** The edition named to compare with: known, of the same series, another edition. */
export function checkedCompareWith(
  ctx: Context,
  editionId: number,
  slug: string,
): Promise<Edition> {
  return ctx.stats.remember(`compare:${editionId}:${slug}`, async () => {
    const [edition, other] = await Promise.all([
      editionRow(ctx, editionId),
      editionBySlug(ctx.db, slug),
    ]);
    if (!other) throw badInput('compareWith', `no edition with slug "${slug.slice(0, 60)}".`);
    if (other.id === editionId)
      throw badInput('compareWith', 'an edition compared with itself says nothing.');
    if (edition?.seriesId == null || other.seriesId !== edition.seriesId)
      throw badInput(
        'compareWith',
        edition?.seriesId == null
          ? `${edition?.slug} belongs to no series: it can only be compared within one.`
          : `${other.slug} is not of the same series as ${edition.slug}.`,
      );
    return other;
  });
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
  source.summary ??= source.at
    ? computeStats(ctx.db, source.editionId, source.filter, source.at)
    : ctx.stats.get(source.editionId, source.filter);
  return source.summary;
}

interface ComparisonSource extends Comparison {
  difference: number | null;
  percentage: number | null;
  of: StatsSource;
  thisEdition: Edition;
}

/** The comparison of these stats: the same numbers of another edition at the same clock time. */
async function comparisonOf(s: StatsSource, ctx: Context): Promise<ComparisonSource | null> {
  const edition = await editionRow(ctx, s.editionId);
  if (!edition) return null;
  const other = s.compareWith ?? (await previousOf(ctx, edition));
  if (!other) return null;
  const clock = comparedClock(edition, s.at ?? null);
  const value = await ctx.stats.remember(
    `comparison:${other.id}:${JSON.stringify(s.filter)}:${clock}`,
    () => compareAt(ctx.db, other, s.filter, clock),
  );
  const present = (await summaryOf(s, ctx)).participants;
  return { ...value, ...differenceOf(present, value.participants), of: s, thisEdition: edition };
}

const ComparisonReasonEnum = builder.enumType('ComparisonReason', {
  description: 'Why a comparison has no count at the same hour.',
  values: {
    TOTALS_ONLY: {
      description: 'The other edition holds recorded totals only: its totals, no curve.',
    },
    FILTER_NOT_APPLICABLE: {
      description: 'The other edition holds totals only, and a filter cannot apply to them.',
    },
    NO_LOG: { description: 'The other edition has venues but no participation log.' },
  } as const,
});

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
      resolve: (b, args) =>
        b.label ??
        b.labels?.[(args.lang ?? 'nl') as Lang] ??
        labelOf(b.key, (args.lang ?? 'nl') as Lang),
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

const StatsComparisonRef = builder.objectRef<ComparisonSource>('StatsComparison').implement({
  description:
    'The same numbers of another edition of the series at the same local clock time of its day (each edition in its own time zone), from its participation log; a totals-only edition answers its totals and says why there is no curve.',
  fields: (t) => ({
    edition: t.field({
      type: EditionRef,
      description: 'The edition compared with.',
      resolve: (c) => c.edition,
    }),
    at: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'The instant of its day compared with (the same wall-clock time); null for a totals-only edition.',
      resolve: (c) => c.at,
    }),
    participants: t.exposeInt('participants', {
      nullable: true,
      description:
        'People present then (a totals-only edition: its recorded total for the day); null when unknown.',
    }),
    expected: t.exposeInt('expected', {
      nullable: true,
      description: 'People its venues expected; null for a totals-only edition.',
    }),
    locations: t.exposeInt('locations', {
      nullable: true,
      description: 'Its public venues (or recorded total); null when unknown.',
    }),
    organisations: t.exposeInt('organisations', {
      nullable: true,
      description: 'Its organisations (or recorded total); null when unknown.',
    }),
    atLeast: t.exposeBoolean('atLeast', {
      description: 'The numbers are lower bounds (recorded totals such as “300+”).',
    }),
    difference: t.exposeInt('difference', {
      nullable: true,
      description: 'People present here minus there; null when its count is unknown.',
    }),
    percentage: t.exposeFloat('percentage', {
      nullable: true,
      description:
        'The difference as a percentage of its count, one decimal; null when that is unknown or 0.',
    }),
    available: t.exposeBoolean('available', {
      description: 'Whether it has a log: a count at any hour, and a curve.',
    }),
    reasonCode: t.field({
      type: ComparisonReasonEnum,
      nullable: true,
      description: 'Why there is no count at the same hour; null when there is.',
      resolve: (c) => c.reasonCode,
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'The same, in words.',
    }),
    curve: t.field({
      type: [TimelinePointRef],
      description:
        'Its day’s curve from its log, each point moved to the same clock time of this edition’s day; empty when it has no log (never invented).',
      args: {
        interval: t.arg({
          type: Minutes,
          defaultValue: 15,
          description: 'Interval length in minutes (default 15).',
        }),
      },
      resolve: (c, args, ctx) => {
        if (!c.available) return [];
        const minutes = args.interval ?? 15;
        return ctx.stats.remember(
          `curve:${c.thisEdition.id}:${c.edition.id}:${JSON.stringify(c.of.filter)}:${minutes}`,
          () => comparedCurve(ctx.db, c.thisEdition, c.edition, c.of.filter, minutes),
        );
      },
    }),
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
          'Per target group (built in, and the federation’s own: `Edition.targetGroups`), biggest first. A venue counts in each of its groups, so these add up to more than the total.',
        resolve: async (s, _a, ctx) => (await summaryOf(s, ctx)).byTargetGroup,
      }),
      mixing: t.field({
        type: MixingStatsRef,
        nullable: true,
        description:
          'The measure of mixing: per role, how many people sat at a venue with people of another role, over these venues and per region, from the present counts per role (recordArrivals with a role). A figure describing a group smaller than the edition’s least group size (default 5) is null. Now only: null for a snapshot (`at`).',
        resolve: async (s, _a, ctx) => {
          if (s.at) return null;
          const minGroup = await minGroupFor(ctx, s.editionId);
          const compute = async () => {
            const m = await computeMixing(ctx.db, s.editionId, s.filter, minGroup);
            const label = (roles: RoleMixing[]) => labelRoles(ctx, s.editionId, roles);
            return {
              ...m,
              roles: await label(m.roles),
              byRegion: await Promise.all(
                m.byRegion.map(async (r) => ({ ...r, roles: await label(r.roles) })),
              ),
            };
          };
          // A live message's, once per change for every subscriber with the same filter.
          if (!s.computed) return compute();
          return ctx.stats.remember(
            `mixing:${s.editionId}:${JSON.stringify(s.filter)}:${s.computed.updatedAt?.getTime()}:${minGroup}`,
            compute,
          );
        },
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
      comparison: t.field({
        type: StatsComparisonRef,
        nullable: true,
        description:
          'The same numbers of another edition of the series at the same local clock time (`compareWith`, by default the previous edition): at `at`, or now (before the day, its start; after it, its end). Null when the edition has no series or no earlier edition.',
        resolve: (s, _a, ctx) => comparisonOf(s, ctx),
      }),
      updatedAt: t.field({
        type: 'DateTime',
        description:
          'As of when: the last change to any of the counted venues (for a snapshot, its minute).',
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
      compareWith: t.arg.string({
        description:
          'Slug of the edition of the same series to compare with (`comparison`); default: the previous one.',
      }),
      at: t.arg({
        type: 'DateTime',
        description:
          'The numbers as they stood at this minute of the edition’s day, from the participation log (a citable snapshot: later reports do not move it). Outside the day is refused.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const edition = await requireEdition(ctx, args.edition);
      const source: StatsSource = {
        editionId: edition.id,
        filter: await resolveFilter(ctx.db, args.filter).catch(asBadInput),
      };
      if (args.at) {
        const row = await editionRow(ctx, edition.id);
        source.at = (() => {
          try {
            return snapshotInstant(args.at, row!);
          } catch (error) {
            return asBadInput(error);
          }
        })();
      }
      if (args.compareWith)
        source.compareWith = await checkedCompareWith(ctx, edition.id, args.compareWith);
      return source;
    },
  }),
}));
