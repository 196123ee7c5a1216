/** The staff's view of the day (locations/day-view.ts): every venue's state now, coverage per region. */

import {
  type DayJump,
  type DayVenue,
  type DayView,
  dayView,
  JUMP_OVER,
  MAX_JUMP_OVER,
  MAX_SILENT_AFTER_MINUTES,
  type RegionCoverage,
  SILENT_AFTER_MINUTES,
} from '../../locations/day-view.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { requireEdition } from './edition.ts';
import { LocationRef } from './location.ts';

const DayPhaseEnum = builder.enumType('DayVenueState', {
  description: 'Where a venue stands in its day, now.',
  values: {
    NOT_STARTED: { description: 'Its start time has not come yet (or it has none).' },
    STARTED: {
      description:
        'Its start time has passed, and it has reported (or its silence is still short).',
    },
    SILENT: {
      description:
        'Its start time passed at least `silentAfter` minutes ago and it has not reported a count yet.',
    },
  } as const,
});

const DayJumpRef = builder.objectRef<DayJump>('DayJump').implement({
  description:
    'One report that moved a venue’s count by more than the jump threshold (from the participation log).',
  fields: (t) => ({
    from: t.exposeInt('from', { description: 'The count before the report.' }),
    to: t.exposeInt('to', { description: 'The count after it.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was reported.' }),
  }),
});

const DayVenueRef = builder.objectRef<DayVenue>('DayVenue').implement({
  description:
    'A venue on the day: its state now, its last report, whether it is full, its latest jump.',
  fields: (t) => ({
    location: t.field({ type: LocationRef, description: 'The venue.', resolve: (v) => v.location }),
    organisationSlug: t.string({
      description: 'Its organisation’s slug (what `filter.organisation` takes).',
      resolve: (v) => v.organisation.slug,
    }),
    organisationName: t.string({
      description: 'Its organisation’s name.',
      resolve: (v) => v.organisation.name,
    }),
    state: t.field({
      type: DayPhaseEnum,
      description: 'Not started, started, or silent.',
      resolve: (v) => v.phase,
    }),
    full: t.exposeBoolean('full', {
      description:
        'No one more fits: the host said so (`Location.full`), or the count reached the capacity.',
    }),
    lastReportAt: t.expose('lastReportAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Its latest report (any change of its count); null while it has none.',
    }),
    jump: t.field({
      type: DayJumpRef,
      nullable: true,
      description:
        'Its latest report that moved the count by more than `jumpOver` in one step; null if none did.',
      resolve: (v) => v.jump,
    }),
  }),
});

const RegionCoverageRef = builder.objectRef<RegionCoverage>('RegionCoverage').implement({
  description:
    'Reporting coverage of a region: the share of its started venues that have reported.',
  fields: (t) => ({
    region: t.exposeString('region', {
      nullable: true,
      description:
        'ISO 3166-2 code (e.g. `NL-UT`); null for venues without a region (and for the whole view).',
    }),
    venues: t.exposeInt('venues', { description: 'Venues in the view.' }),
    started: t.exposeInt('started', {
      description: 'Of those, venues whose start time has passed.',
    }),
    reported: t.exposeInt('reported', {
      description: 'Of those, venues that have reported a count.',
    }),
    share: t.exposeFloat('share', {
      nullable: true,
      description: 'reported / started, 0 to 1; null while no venue has started.',
    }),
  }),
});

const DayViewRef = builder.objectRef<DayView>('DayView').implement({
  description:
    'The staff’s view of an edition’s day: every published venue’s state at `at`, and reporting coverage per region.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'The clock the states were read at.' }),
    silentAfter: t.exposeInt('silentAfterMinutes', {
      description: 'Minutes after its start a venue without a report is SILENT.',
    }),
    jumpOver: t.exposeInt('jumpOver', {
      description: 'A report that moves a count by more than this in one step is a jump.',
    }),
    venues: t.field({
      type: [DayVenueRef],
      description: 'The venues, by start time (none last), then name.',
      resolve: (v) => v.venues,
    }),
    coverage: t.field({
      type: [RegionCoverageRef],
      description: 'Per region (by code; venues without a region last).',
      resolve: (v) => v.coverage,
    }),
    overall: t.field({
      type: RegionCoverageRef,
      description: 'The same over every venue in the view.',
      resolve: (v) => v.overall,
    }),
  }),
});

const DayViewFilter = builder.inputType('DayViewFilter', {
  description: 'Narrow the day view; every part given must match.',
  fields: (t) => ({
    region: t.string({ description: 'Only this region (ISO 3166-2 code, e.g. `NL-UT`).' }),
    organisation: t.string({ description: 'Only this organisation’s venues (its slug).' }),
  }),
});

builder.queryFields((t) => ({
  dayView: t.field({
    type: DayViewRef,
    description:
      'The day as staff watch it: every published venue’s state now — not started, started, silent, full, a jump — with its last report, and reporting coverage per region. Federation staff admins and moderators only (not press: it names venues that have not reported). Poll it, or follow `statsChanged` and read it again when a message comes and every minute (silence comes with the clock, not with a change).',
    authScopes: { moderator: true },
    args: {
      edition: t.arg.string({ required: true, description: 'Edition slug.' }),
      filter: t.arg({ type: DayViewFilter, description: 'Only these venues.' }),
      silentAfter: t.arg.int({
        defaultValue: SILENT_AFTER_MINUTES,
        description: `Minutes after its start a venue without a report counts as SILENT (1 to ${MAX_SILENT_AFTER_MINUTES}).`,
      }),
      jumpOver: t.arg.int({
        defaultValue: JUMP_OVER,
        description: `A report that moves a count by more than this in one step is a jump (0 to ${MAX_JUMP_OVER}).`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const silentAfter = args.silentAfter ?? SILENT_AFTER_MINUTES;
      const jumpOver = args.jumpOver ?? JUMP_OVER;
      if (silentAfter < 1 || silentAfter > MAX_SILENT_AFTER_MINUTES)
        throw badInput(
          'silentAfter',
          `must be 1 to ${MAX_SILENT_AFTER_MINUTES} minutes, not ${silentAfter}.`,
        );
      if (jumpOver < 0 || jumpOver > MAX_JUMP_OVER)
        throw badInput('jumpOver', `must be 0 to ${MAX_JUMP_OVER}, not ${jumpOver}.`);
      await requireInFederation(ctx.db, ctx.viewer, { edition: args.edition });
      const edition = await requireEdition(ctx, args.edition);
      return dayView(ctx.db, edition.id, {
        region: args.filter?.region ?? null,
        organisation: args.filter?.organisation ?? null,
        silentAfterMinutes: silentAfter,
        jumpOver,
      });
    },
  }),
}));
