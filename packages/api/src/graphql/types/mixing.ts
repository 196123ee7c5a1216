/** Seats per role and the measure of mixing, as the API shows them (locations/roles.ts, mixing.ts). */
import { type Lang, label as vocabularyLabel } from '@tafel/schema';
import { eq } from 'drizzle-orm';
import { editions } from '../../db/schema.ts';
import type { MixingStats, MixingSummary, RoleMixing } from '../../locations/mixing.ts';
import { minGroupOf } from '../../locations/mixing.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { LanguageEnum } from './enums.ts';

const minGroups = new WeakMap<Context, Map<number, { at: number; value: Promise<number> }>>();

/**
 * The least group size of an edition's mixing figures: looked up once per request (a list of
 * venues asks once), and again after ten seconds in a long-lived one (a subscription).
 */
export function minGroupFor(ctx: Context, editionId: number): Promise<number> {
  let known = minGroups.get(ctx);
  if (!known) {
    known = new Map();
    minGroups.set(ctx, known);
  }
  const hit = known.get(editionId);
  if (hit && Date.now() - hit.at < 10_000) return hit.value;
  const value = ctx.db
    .select({ mixingMinGroup: editions.mixingMinGroup })
    .from(editions)
    .where(eq(editions.id, editionId))
    .limit(1)
    .then(([row]) => minGroupOf(row, ctx.mixingMinGroup));
  known.set(editionId, { at: Date.now(), value });
  return value;
}

const roleLabel = (role: string, lang: Lang | null | undefined, labels?: Record<Lang, string>) =>
  labels?.[lang ?? 'nl'] ?? vocabularyLabel(role, lang ?? 'nl');

export interface RoleSeatsShape {
  role: string;
  /** A federation's own role's labels (a built-in role's come from the contract). */
  labels?: Record<Lang, string>;
  seats: number;
  /** Null when the viewer may not see it. */
  present: number | null;
}

export const RoleSeatsRef = builder.objectRef<RoleSeatsShape>('RoleSeats').implement({
  description:
    'A venue’s seats for one role, and (for its organisation, staff and its host link) the people of that role present.',
  fields: (t) => ({
    role: t.exposeString('role', {
      description:
        'The role: a target group’s code, built in (`TargetGroup`) or its federation’s own (`Edition.targetGroups`).',
    }),
    label: t.string({
      description: 'The role’s label.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'nl', description: 'Language.' }) },
      resolve: (r, args) => roleLabel(r.role, args.lang as Lang, r.labels),
    }),
    seats: t.exposeInt('seats', { description: 'Seats for this role.' }),
    present: t.exposeInt('present', {
      nullable: true,
      description:
        'People of this role present, as counted on the day (recordArrivals with a role). Null for the public, which sees the measure of mixing (`mixing`) instead: it never singles out a small group.',
    }),
  }),
});

export const RoleMixingRef = builder.objectRef<RoleMixing>('RoleMixing').implement({
  description:
    'How many people of one role shared a table with people of another role. Null when suppressed: a group smaller than the edition’s least group size could be singled out.',
  fields: (t) => ({
    role: t.exposeString('role', {
      description: 'The role: a target group’s code, built in or its federation’s own.',
    }),
    label: t.string({
      description: 'The role’s label.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'nl', description: 'Language.' }) },
      resolve: (r, args) => roleLabel(r.role, args.lang as Lang, r.labels),
    }),
    mixed: t.exposeInt('mixed', {
      nullable: true,
      description:
        'People of this role who sat at a venue with people of another role; null when suppressed.',
    }),
  }),
});

export const MixingSummaryRef = builder.objectRef<MixingSummary>('MixingSummary').implement({
  description:
    'The measure of mixing over several venues: it adds up the venues whose figures are published (every group there at least `minGroupSize`), so no suppressed venue can be recovered by subtraction.',
  fields: (t) => ({
    minGroupSize: t.exposeInt('minGroup', {
      description:
        'The least group a figure may describe: the edition’s own, else the server’s (TAFEL_MIXING_MIN_GROUP), else 5.',
    }),
    roles: t.field({
      type: [RoleMixingRef],
      description: 'Per role, in the vocabulary’s order.',
      resolve: (m) => m.roles,
    }),
    mixedVenues: t.exposeInt('mixedVenues', {
      description: 'Venues with people of two or more roles present whose figures are published.',
    }),
    suppressedVenues: t.exposeInt('suppressedVenues', {
      description:
        'Venues with people counted per role whose figures are suppressed (left out above).',
    }),
  }),
});

const RegionMixingRef = builder
  .objectRef<MixingSummary & { region: string }>('RegionMixing')
  .implement({
    description: 'The measure of mixing in one region.',
    fields: (t) => ({
      region: t.exposeString('region', {
        description: 'ISO 3166-2 region code; empty for venues without a region.',
      }),
      mixing: t.field({
        type: MixingSummaryRef,
        description: 'Its figures.',
        resolve: (r) => r,
      }),
    }),
  });

export const MixingStatsRef = builder.objectRef<MixingStats>('MixingStats').implement({
  description:
    'The measure of mixing over the stats’ venues, and per region. Counts, never people; a figure that would describe a group smaller than `minGroupSize` is suppressed (null).',
  fields: (t) => ({
    total: t.field({
      type: MixingSummaryRef,
      description: 'All the venues together.',
      resolve: (m) => m,
    }),
    byRegion: t.field({
      type: [RegionMixingRef],
      description: 'Per region, by region code.',
      resolve: (m) => m.byRegion,
    }),
  }),
});
