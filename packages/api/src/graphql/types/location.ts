import { type Lang, regionName } from '@tafel/schema';
import { and, count, eq, gte, type SQL } from 'drizzle-orm';
import { canSeePrivate } from '../../auth/viewer.ts';
import { type Location, locationCohosts, locations } from '../../db/schema.ts';
import {
  type LocationFilterInput as LocationFilterInputShape,
  publicLocationCondition,
  type ResolvedFilter,
  resolveFilter,
} from '../../locations/filter.ts';
import { venueMixing } from '../../locations/mixing.ts';
import { hasRoles, roleList, rolesOf } from '../../locations/roles.ts';
import { isPublicVenue } from '../../locations/visibility.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { asBadInput } from '../errors.ts';
import { decodeLocationId } from '../global-id.ts';
import { guardNodeType } from '../nodes.ts';
import { anyOwn, labelRoles, labelsOf, ownTargetGroupsFor } from '../own-target-groups.ts';
import { checkPage } from '../paging.ts';
import { requireEdition } from './edition.ts';
import {
  LanguageEnum,
  LocationPrecisionEnum,
  LocationStatusEnum,
  MealEnum,
  ScheduleEnum,
  TargetGroupEnum,
} from './enums.ts';
import { LocationFilterInput } from './filter-input.ts';
import { minGroupFor, RoleMixingRef, RoleSeatsRef } from './mixing.ts';

/** The description in `lang` where the venue has it translated, else the original. */
export function describedIn(
  l: Pick<Location, 'description' | 'descriptions'>,
  lang: string | null | undefined,
): string | null {
  const code = lang?.trim().toLowerCase();
  return (code && l.descriptions.find((d) => d.lang === code)?.text) || l.description;
}

export const LocalizedTextRef = builder
  .objectRef<{ lang: string; text: string }>('LocalizedText')
  .implement({
    description: 'A text in one language.',
    fields: (t) => ({
      lang: t.exposeString('lang', {
        description: 'Its language, an ISO 639 code (nl, en, ar, …).',
      }),
      text: t.exposeString('text', { description: 'The text, plain (never HTML).' }),
    }),
  });

/** Is this venue visible to this viewer? The public sees published, approved venues of organisations not suspended. */
export function isVisible(
  ctx: Context,
  row: Pick<
    Location,
    'status' | 'awaitingApproval' | 'organisationSuspended' | 'organisationId' | 'editionId'
  >,
): boolean {
  return isPublicVenue(row) || canSeePrivate(ctx, row.organisationId, row.editionId);
}

const cohosted = new WeakMap<Context, Promise<Set<number>>>();

/**
 * Does this viewer read the venue as its host does (the exact place, the present counts per
 * role)? Its organisation and staff do, and so do its co-hosts: the ids of the venues the
 * viewer's organisation co-hosts are read once per request, and only when a venue of another
 * organisation asks.
 */
export function readsAsHost(
  ctx: Context,
  row: Pick<Location, 'id' | 'organisationId' | 'editionId'>,
): boolean | Promise<boolean> {
  if (canSeePrivate(ctx, row.organisationId, row.editionId)) return true;
  const own = ctx.viewer?.organisation;
  if (!own) return false;
  let ids = cohosted.get(ctx);
  if (!ids) {
    ids = ctx.db
      .select({ id: locationCohosts.locationId })
      .from(locationCohosts)
      .where(eq(locationCohosts.organisationId, own.id))
      .then((rows) => new Set(rows.map((r) => r.id)));
    cohosted.set(ctx, ids);
  }
  return ids.then((set) => set.has(row.id));
}

/** Does this viewer get the exact place of this venue? */
function exact(
  ctx: Context,
  row: Pick<Location, 'id' | 'sensitive' | 'organisationId' | 'editionId'>,
): boolean | Promise<boolean> {
  return !row.sensitive || readsAsHost(ctx, row);
}

interface AddressShape {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
}

const Address = builder.objectRef<AddressShape>('Address').implement({
  description: 'A venue’s address. For a sensitive venue the public gets only city and region.',
  fields: (t) => ({
    street: t.exposeString('street', { nullable: true, description: 'Street and number.' }),
    postalCode: t.exposeString('postalCode', {
      nullable: true,
      description: 'Postal code, e.g. `3511 AB`.',
    }),
    city: t.exposeString('city', { nullable: true, description: 'City or village.' }),
    region: t.exposeString('region', {
      nullable: true,
      description: 'ISO 3166-2 region code, e.g. `NL-UT`.',
    }),
    regionName: t.string({
      nullable: true,
      description:
        'The region’s name in `lang`, or without it in the language of the region’s country (Dutch for NL and BE, German for DE, Danish for DK); the code itself for a region outside the countries in use.',
      args: {
        lang: t.arg({
          type: LanguageEnum,
          required: false,
          description: 'The language of the name.',
        }),
      },
      resolve: (a, args) =>
        a.region ? regionName(a.region, (args.lang ?? undefined) as Lang | undefined) : null,
    }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 country code.',
    }),
  }),
});

const Coordinates = builder.objectRef<{ lat: number; lng: number }>('Coordinates').implement({
  description: 'WGS 84 coordinates in decimal degrees.',
  fields: (t) => ({
    lat: t.exposeFloat('lat', { description: 'Latitude, -90 to 90.' }),
    lng: t.exposeFloat('lng', { description: 'Longitude, -180 to 180.' }),
  }),
});

export const LocationRef = builder.drizzleNode('locations', {
  name: 'Location',
  description: 'A venue where people eat together on an edition’s day.',
  id: { column: (l) => l.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId', {
      nullable: true,
      description: 'The publishing organisation’s own id for this venue.',
    }),
    name: t.exposeString('name', { description: 'The venue’s name.' }),
    status: t.expose('status', {
      type: LocationStatusEnum,
      description: 'DRAFT, PUBLISHED or CANCELLED.',
    }),
    schedule: t.expose('schedule', {
      type: ScheduleEnum,
      description: 'Whether its time is confirmed, not yet confirmed (TENTATIVE) or POSTPONED.',
    }),
    organisation: t.relation('organisation', {
      description: 'The member organisation that hosts this venue.',
    }),
    cohosts: t.relation('cohosts', {
      description:
        'The organisations that host this venue beside its `organisation` (at most ten), by name. Its host sets them (`setLocationCohosts`); they read the venue as its host does but may not change it.',
      query: { orderBy: { name: 'asc', id: 'asc' } },
    }),
    edition: t.relation('edition', {
      description: 'The edition (event day) this venue takes part in.',
    }),
    address: t.field({
      type: Address,
      nullable: true,
      description:
        'Street, postal code, city, region, country. Street and postal code are withheld for sensitive venues.',
      resolve: async (l, _args, ctx) => {
        const isExact = await exact(ctx, l);
        return {
          street: isExact ? l.street : null,
          postalCode: isExact ? l.postalCode : null,
          city: l.city,
          region: l.region,
          country: l.country,
        };
      },
    }),
    coordinates: t.field({
      type: Coordinates,
      description:
        'Where the venue is; approximate (about 1 km) for sensitive venues, see `locationPrecision`.',
      resolve: async (l, _args, ctx) =>
        (await exact(ctx, l)) ? { lat: l.lat, lng: l.lng } : { lat: l.publicLat, lng: l.publicLng },
    }),
    locationPrecision: t.field({
      type: LocationPrecisionEnum,
      description:
        'EXACT, or APPROXIMATE when the venue is sensitive and you are not its organisation.',
      resolve: async (l, _args, ctx) => ((await exact(ctx, l)) ? 'EXACT' : 'APPROXIMATE'),
    }),
    sensitive: t.exposeBoolean('sensitive', {
      description: 'Whether the venue is shown publicly only approximately.',
    }),
    meal: t.expose('meal', { type: MealEnum, description: 'Breakfast, lunch, dinner or other.' }),
    startsAt: t.expose('startsAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the meal starts.',
    }),
    endsAt: t.expose('endsAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the meal ends.',
    }),
    capacity: t.exposeInt('capacity', {
      nullable: true,
      description: 'Seats; participants never exceed it.',
    }),
    seatsByRole: t.field({
      type: [RoleSeatsRef],
      description:
        'Seats per role (e.g. 25 EMPLOYERS, 25 STATUS_HOLDERS), in the vocabulary’s order; empty when the venue states none. When it states any, `capacity` is their sum.',
      resolve: async (l, _args, ctx) => {
        const own = ctx.host?.locationId === l.id || (await readsAsHost(ctx, l));
        // A federation's own roles: their order and labels are the federation's.
        const groups = anyOwn(Object.keys(l.seatsByRole))
          ? await ownTargetGroupsFor(ctx, l.editionId)
          : [];
        const labels = labelsOf(groups);
        return roleList(l.seatsByRole, rolesOf(groups.map((g) => g.code))).map(
          ({ role, count }) => ({
            role,
            labels: labels.get(role),
            seats: count,
            present: own ? (l.presentByRole[role] ?? 0) : null,
          }),
        );
      },
    }),
    mixing: t.field({
      type: [RoleMixingRef],
      description:
        'The measure of mixing at this venue: per role present, how many sat with people of another role (all of them, or 0 when only one role came). Every figure is null when any role’s group here is below the edition’s least group size, so no small group is singled out.',
      resolve: async (l, _args, ctx) =>
        hasRoles(l.presentByRole)
          ? labelRoles(
              ctx,
              l.editionId,
              venueMixing(l.presentByRole, await minGroupFor(ctx, l.editionId)),
            )
          : [],
    }),
    participants: t.exposeInt('participants', {
      description:
        'People present: the count reported on the day (a count, never who). Before the day usually 0; see `expected`.',
    }),
    expected: t.exposeInt('expected', {
      description:
        'People expected: registrations before the day, as the organisation states them.',
    }),
    full: t.exposeBoolean('full', {
      description: 'The host says the venue is full, whatever the count says (`setLocationFull`).',
    }),
    targetGroups: t.expose('targetGroups', {
      type: [TargetGroupEnum],
      description: 'Who this table brings together.',
    }),
    ownTargetGroups: t.exposeStringList('ownTargetGroups', {
      description:
        'Who else it brings together: codes of its federation’s own target groups, labelled in `Edition.targetGroups`.',
    }),
    languages: t.exposeStringList('languages', {
      description: 'Languages spoken at the table, ISO 639-1 codes.',
    }),
    wheelchairAccessible: t.exposeBoolean('wheelchairAccessible', {
      nullable: true,
      description: 'Step-free access; null if unknown.',
    }),
    hearingLoop: t.exposeBoolean('hearingLoop', {
      nullable: true,
      description: 'A hearing loop for hearing aids; null if not stated.',
    }),
    accessibilityNote: t.exposeString('accessibilityNote', {
      nullable: true,
      description: 'More about access, in the host’s words (up to 300 characters).',
    }),
    interpreters: t.exposeInt('interpreters', {
      nullable: true,
      description: 'How many interpreters are at the table (0–50); null if not stated.',
    }),
    interpreterLanguages: t.exposeStringList('interpreterLanguages', {
      description:
        'The languages the interpreters offer, ISO 639 codes as `languages`; empty without interpreters.',
    }),
    support: t.exposeStringList('support', {
      description:
        'Services and organisations helping on the day, e.g. `Werkgeversservicepunt` (at most 5).',
    }),
    cookedByGuests: t.exposeBoolean('cookedByGuests', {
      description: 'The guests cook ("van en voor"): dishes from their own kitchens.',
    }),
    description: t.string({
      nullable: true,
      description:
        'What to expect, in the host’s words; with `lang`, its translation in that language where the host gave one, else the original.',
      args: {
        lang: t.arg.string({
          required: false,
          description: 'An ISO 639 code (nl, en, ar, …): the translation wanted.',
        }),
      },
      resolve: (l, args) => describedIn(l, args.lang),
    }),
    descriptions: t.field({
      type: [LocalizedTextRef],
      description:
        'The description in other languages, one per language; `description` is the original.',
      resolve: (l) => l.descriptions,
    }),
    registrationUrl: t.expose('registrationUrl', {
      type: 'URL',
      nullable: true,
      description: 'Where the public can sign up (http or https only).',
    }),
    awaitingApproval: t.exposeBoolean('awaitingApproval', {
      description: 'True while staff approval is pending; such venues are not public.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the venue was first published to Tafel.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When anything about the venue last changed.',
    }),
  }),
});

guardNodeType<Location>('Location', isVisible);

const resolvedArgs = new WeakMap<
  Context,
  Map<string, ReturnType<typeof resolveEditionAndFilter>>
>();

async function resolveEditionAndFilter(
  ctx: Context,
  args: { edition: string; filter?: LocationFilterInputShape | null },
) {
  const edition = await requireEdition(ctx, args.edition);
  return { edition, filter: await resolveFilter(ctx.db, args.filter).catch(asBadInput) };
}

/** The list and its count resolve the same arguments: look them up once per request. */
export function editionAndFilter(
  ctx: Context,
  args: { edition: string; filter?: LocationFilterInputShape | null },
) {
  let memo = resolvedArgs.get(ctx);
  if (!memo) {
    memo = new Map();
    resolvedArgs.set(ctx, memo);
  }
  const key = JSON.stringify([args.edition, args.filter ?? null]);
  let found = memo.get(key);
  if (!found) {
    found = resolveEditionAndFilter(ctx, args);
    memo.set(key, found);
  }
  return found;
}

/** The public list's condition, and for an incremental sync only what changed since then. */
export function listCondition(
  table: typeof locations,
  editionId: number,
  filter: ResolvedFilter,
  updatedSince: Date | null | undefined,
): SQL {
  return updatedSince
    ? and(publicLocationCondition(table, editionId, filter), gte(table.updatedAt, updatedSince))!
    : publicLocationCondition(table, editionId, filter);
}

builder.queryFields((t) => ({
  location: t.drizzleField({
    type: 'locations',
    nullable: true,
    description:
      'One venue by its ID; null if there is none or it is not public (its organisation, its co-hosts and staff read it whatever its status).',
    args: { id: t.arg.id({ required: true, description: 'The venue’s global ID.' }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeLocationId(String(args.id));
      if (id === null) return null;
      const row = await ctx.db.query.locations.findFirst(query({ where: { id } }));
      if (!row) return null;
      // Its co-hosts read it as its host does: a draft too.
      const venue = row as unknown as Location;
      return isVisible(ctx, venue) || (await readsAsHost(ctx, venue)) ? row : null;
    },
  }),
  locations: t.drizzleConnection({
    type: 'locations',
    description:
      'The public venues of an edition, filtered, in a stable order (by ID). At most 1,000 per page.',
    args: {
      edition: t.arg.string({ required: true, description: 'Edition slug, e.g. `nid-2027`.' }),
      filter: t.arg({
        type: LocationFilterInput,
        description: 'Narrow the venues; all parts must match.',
      }),
      updatedSince: t.arg({
        type: 'DateTime',
        description:
          'Only venues changed at or after this instant (compare `updatedAt`), to sync incrementally; see `removedLocations` for the ones that left.',
      }),
    },
    totalCount: async (_parent, args, ctx) => {
      checkPage(args);
      const { edition, filter } = await editionAndFilter(ctx, args);
      const [row] = await ctx.db
        .select({ n: count() })
        .from(locations)
        .where(listCondition(locations, edition.id, filter, args.updatedSince));
      return row?.n ?? 0;
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      const { edition, filter } = await editionAndFilter(ctx, args);
      return ctx.db.query.locations.findMany(
        query({
          where: {
            RAW: (table) =>
              listCondition(table as typeof locations, edition.id, filter, args.updatedSince),
          },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));
