/**
 * The public LocationFilter, validated once and turned into one SQL condition. The same
 * condition serves the `locations` list (against drizzle's aliased table), `stats` and the
 * open-data feeds, so a filter means exactly the same everywhere.
 */

import type { Meal, TargetGroup } from '@tafel/schema';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { locations } from '../db/schema.ts';
import { InvalidArgument } from './errors.ts';
import { LANGUAGE_CODE } from './fields.ts';
import { organisationBySlug } from './organisations.ts';
import { isRoleCode, MAX_OWN_TARGET_GROUPS } from './roles.ts';
import { publicVenue } from './visibility.ts';

export interface LocationFilterInput {
  bbox?: { south: number; west: number; north: number; east: number } | null;
  near?: { lat: number; lng: number; radiusKm: number } | null;
  organisation?: string | null;
  region?: string | null;
  city?: string | null;
  meals?: readonly Meal[] | null;
  targetGroups?: readonly TargetGroup[] | null;
  /**
   * Venues naming any of these of their federation's own target groups; with `targetGroups`,
   * venues welcoming any group of either list.
   */
  ownTargetGroups?: readonly string[] | null;
  search?: string | null;
  /** Venues speaking any of these languages (ISO 639 codes, as `languages`). */
  languages?: readonly string[] | null;
  /** True: an interpreter is there (interpreters > 0); false: none is stated. */
  interpreter?: boolean | null;
  /** An interpreter for this language (ISO 639 code). */
  interpreterLanguage?: string | null;
  /** True or false as the venue states it; a venue that states nothing matches neither. */
  wheelchairAccessible?: boolean | null;
  hearingLoop?: boolean | null;
  cookedByGuests?: boolean | null;
}

/** A filter after validation, with slugs resolved to ids. */
export interface ResolvedFilter extends Omit<LocationFilterInput, 'organisation'> {
  organisationId?: number;
}

export const MAX_SEARCH_LENGTH = 100;
export const MAX_RADIUS_KM = 500;
export const MAX_FILTER_LANGUAGES = 20;
const KM_PER_DEGREE = 111.32;

type LocationColumns = typeof locations;

function checkLatLng(argument: string, lat: number, lng: number): void {
  if (!(lat >= -90 && lat <= 90))
    throw new InvalidArgument(argument, `latitude must be between -90 and 90 (got ${lat}).`);
  if (!(lng >= -180 && lng <= 180))
    throw new InvalidArgument(argument, `longitude must be between -180 and 180 (got ${lng}).`);
}

/** Check a filter and resolve its organisation slug; throws InvalidArgument naming it. */
export async function resolveFilter(
  db: Db,
  filter: LocationFilterInput | null | undefined,
  argument = 'filter',
): Promise<ResolvedFilter> {
  if (!filter) return {};
  const { organisation, ...rest } = filter;
  const resolved: ResolvedFilter = { ...rest };
  if (filter.bbox) {
    const { south, west, north, east } = filter.bbox;
    checkLatLng(`${argument}.bbox`, south, west);
    checkLatLng(`${argument}.bbox`, north, east);
    if (south > north)
      throw new InvalidArgument(`${argument}.bbox`, `south (${south}) is above north (${north}).`);
    if (west > east)
      throw new InvalidArgument(
        `${argument}.bbox`,
        `west (${west}) is east of east (${east}); boxes across the antimeridian are not supported.`,
      );
  }
  if (filter.near) {
    const { lat, lng, radiusKm } = filter.near;
    checkLatLng(`${argument}.near`, lat, lng);
    if (!(radiusKm > 0))
      throw new InvalidArgument(
        `${argument}.near.radiusKm`,
        `must be greater than 0 (got ${radiusKm}).`,
      );
    if (radiusKm > MAX_RADIUS_KM)
      throw new InvalidArgument(
        `${argument}.near.radiusKm`,
        `at most ${MAX_RADIUS_KM} km (got ${radiusKm}).`,
      );
  }
  for (const key of ['search', 'city', 'region'] as const) {
    const value = filter[key];
    if (value != null && value.length > MAX_SEARCH_LENGTH) {
      throw new InvalidArgument(
        `${argument}.${key}`,
        `at most ${MAX_SEARCH_LENGTH} characters (got ${value.length}).`,
      );
    }
  }
  const codes = (key: string, list: readonly string[]) =>
    list.map((code, i) => {
      const c = code.trim().toLowerCase();
      if (!LANGUAGE_CODE.test(c))
        throw new InvalidArgument(
          `${argument}.${key}${key === 'languages' ? `[${i}]` : ''}`,
          `"${code.slice(0, 20)}" is not an ISO 639 code like nl, ar or tir.`,
        );
      return c;
    });
  if (filter.languages) {
    if (filter.languages.length > MAX_FILTER_LANGUAGES)
      throw new InvalidArgument(
        `${argument}.languages`,
        `at most ${MAX_FILTER_LANGUAGES} languages (got ${filter.languages.length}).`,
      );
    resolved.languages = codes('languages', filter.languages);
  }
  if (filter.ownTargetGroups) {
    if (filter.ownTargetGroups.length > MAX_OWN_TARGET_GROUPS)
      throw new InvalidArgument(
        `${argument}.ownTargetGroups`,
        `at most ${MAX_OWN_TARGET_GROUPS} groups (got ${filter.ownTargetGroups.length}).`,
      );
    filter.ownTargetGroups.forEach((code, i) => {
      if (!isRoleCode(code))
        throw new InvalidArgument(
          `${argument}.ownTargetGroups[${i}]`,
          `"${String(code).slice(0, 40)}" is not a target group's code (upper case letters, digits and _).`,
        );
    });
  }
  if (filter.interpreterLanguage != null)
    resolved.interpreterLanguage = codes('interpreterLanguage', [filter.interpreterLanguage])[0];
  if (organisation != null) {
    const row = await organisationBySlug(db, organisation);
    if (!row)
      throw new InvalidArgument(
        `${argument}.organisation`,
        `no organisation with slug "${organisation.slice(0, 60)}".`,
      );
    resolved.organisationId = row.id;
  }
  return resolved;
}

/** A LIKE pattern that finds `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The condition for what the public may see of an edition, narrowed by a filter. */
export function publicLocationCondition(
  t: LocationColumns,
  editionId: number,
  filter: ResolvedFilter,
): SQL {
  const parts: (SQL | undefined)[] = [
    eq(t.editionId, editionId),
    publicVenue(t),
    ...filterConditions(t, filter),
  ];
  return and(...parts)!;
}

/** The filter's own conditions, on the coordinates the public sees. */
export function filterConditions(t: LocationColumns, filter: ResolvedFilter): SQL[] {
  const parts: SQL[] = [];
  if (filter.bbox) {
    const { south, west, north, east } = filter.bbox;
    parts.push(
      sql`${t.publicLat} BETWEEN ${south} AND ${north}`,
      sql`${t.publicLng} BETWEEN ${west} AND ${east}`,
    );
  }
  if (filter.near) {
    const { lat, lng, radiusKm } = filter.near;
    // A box around the circle narrows the rows through the index; the haversine test is exact.
    const dLat = radiusKm / KM_PER_DEGREE;
    const dLng = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    parts.push(
      sql`${t.publicLat} BETWEEN ${lat - dLat} AND ${lat + dLat}`,
      sql`${t.publicLng} BETWEEN ${lng - dLng} AND ${lng + dLng}`,
      sql`${haversineKm(t, lat, lng)} <= ${radiusKm}`,
    );
  }
  if (filter.organisationId != null) parts.push(eq(t.organisationId, filter.organisationId));
  if (filter.region) parts.push(sql`${t.region} = ${filter.region}`);
  if (filter.city) parts.push(sql`lower(${t.city}) = lower(${filter.city})`);
  if (filter.meals && filter.meals.length > 0) {
    parts.push(
      sql`${t.meal}::text IN (${sql.join(
        filter.meals.map((m) => sql`${m}`),
        sql`, `,
      )})`,
    );
  }
  // Venues that welcome any of the asked groups, built-in or the federation's own.
  const groups: SQL[] = [];
  if (filter.targetGroups && filter.targetGroups.length > 0)
    groups.push(
      sql`${t.targetGroups} && ARRAY[${sql.join(
        filter.targetGroups.map((g) => sql`${g}`),
        sql`, `,
      )}]::target_group[]`,
    );
  if (filter.ownTargetGroups && filter.ownTargetGroups.length > 0)
    groups.push(
      sql`${t.ownTargetGroups} && ARRAY[${sql.join(
        filter.ownTargetGroups.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[]`,
    );
  if (groups.length)
    parts.push(groups.length === 1 ? groups[0]! : sql`(${sql.join(groups, sql` OR `)})`);
  if (filter.languages && filter.languages.length > 0)
    // Venues that speak any of the asked languages.
    parts.push(
      sql`${t.languages} && ARRAY[${sql.join(
        filter.languages.map((l) => sql`${l}`),
        sql`, `,
      )}]::text[]`,
    );
  if (filter.interpreter === true) parts.push(sql`${t.interpreters} > 0`);
  if (filter.interpreter === false) parts.push(sql`coalesce(${t.interpreters}, 0) = 0`);
  if (filter.interpreterLanguage)
    parts.push(
      sql`${t.interpreters} > 0 AND ${filter.interpreterLanguage}::text = ANY(${t.interpreterLanguages})`,
    );
  for (const key of ['wheelchairAccessible', 'hearingLoop', 'cookedByGuests'] as const) {
    const wanted = filter[key];
    if (wanted != null) parts.push(sql`${t[key]} IS ${wanted ? sql`TRUE` : sql`FALSE`}`);
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const compact = likePattern(search.replace(/\s+/g, ''));
    parts.push(
      sql`(${t.name} ILIKE ${pattern} OR ${t.city} ILIKE ${pattern} OR (NOT ${t.sensitive} AND replace(${t.postalCode}, ' ', '') ILIKE ${compact}))`,
    );
  }
  return parts;
}

/** Great-circle distance in km from a point to the venue's public coordinates. */
export function haversineKm(t: LocationColumns, lat: number, lng: number): SQL {
  return sql`(2 * 6371.0088 * asin(sqrt(
    power(sin(radians(${t.publicLat} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${t.publicLat})) * power(sin(radians(${t.publicLng} - ${lng}) / 2), 2)
  )))`;
}
