/** Loading and presenting venues: every page of a filtered set, and their text for people. */
import { MapLocations, MEALS, type ResultOf, type Lang, type LocationFilter, type MapLocation, type Meal, type TargetGroup, TARGET_GROUPS } from '@tafel/schema';
import { query, type QueryOptions } from './graphql.ts';

/** The API's cap on `first`. */
const PAGE = 1000;

/** An edition's venues for a filter, and the edition's time zone (null when the API has none). */
export interface VenueSet {
  venues: MapLocation[];
  timeZone: string | null;
}

/**
 * Every venue of an edition that matches a filter, following the connection's cursor. When more
 * than one page is needed, `firstPage` gets the first one early, so a map can draw it at once.
 */
export async function fetchAllVenues(
  endpoint: string,
  edition: string,
  filter: LocationFilter,
  options: QueryOptions & { firstPage?: (set: VenueSet) => void } = {},
): Promise<VenueSet> {
  const venues: MapLocation[] = [];
  let after: string | null = null;
  for (;;) {
    const result: ResultOf<typeof MapLocations> = await query(endpoint, MapLocations, { edition, filter, first: PAGE, after }, options);
    const { locations } = result;
    const timeZone = result.edition?.timeZone || null;
    venues.push(...locations.nodes);
    if (!locations.pageInfo.hasNextPage || !locations.pageInfo.endCursor) return { venues, timeZone };
    if (!after) options.firstPage?.({ venues: [...venues], timeZone });
    after = locations.pageInfo.endCursor;
  }
}

/** A registration URL only when it is http(s); anything else (javascript:, data:, …) is no link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * `18:00–21:00` in the visitor's language, as the clocks read in `timeZone` (the edition's, an
 * IANA name such as `Europe/Amsterdam`); in the visitor's own zone when it is missing or unknown.
 */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(lang: Lang, timeZone: string | null | undefined): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone ?? ''}`;
  let format = timeFormats.get(key);
  if (!format) {
    // English for a European day: 18:00, not 06:00 PM.
    const locale = lang === 'en' ? 'en-GB' : lang;
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    } catch {
      // A zone this browser does not know: the visitor's own, rather than no time at all.
      format = new Intl.DateTimeFormat(locale, options);
    }
    timeFormats.set(key, format);
  }
  return format;
}

export function formatTimes(lang: Lang, startsAt: string | null, endsAt: string | null, timeZone?: string | null): string {
  const format = timeFormat(lang, timeZone);
  const part = (value: string | null) => {
    const date = value ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? format.format(date) : '';
  };
  const [start, end] = [part(startsAt), part(endsAt)];
  return start && end ? `${start}–${end}` : start || end;
}

/** Language codes as names in the visitor's language (`ar` → `Arabisch`). */
export function languageNames(lang: Lang, codes: readonly string[]): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: 'language' });
  } catch {
    names = undefined;
  }
  return codes
    .map((code) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}

/** A space- or comma-separated attribute value as a list of known vocabulary keys. */
export function parseList<T extends string>(value: string | null | undefined, known: readonly T[]): T[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((v) => v.trim().toUpperCase())
    .filter((v): v is T => (known as readonly string[]).includes(v));
}

export const parseMeals = (value: string | null | undefined): Meal[] => parseList(value, MEALS);
export const parseTargetGroups = (value: string | null | undefined): TargetGroup[] => parseList(value, TARGET_GROUPS);

/** `"52.1, 5.3"` → `[52.1, 5.3]`, or null. */
export function parseCenter(value: string | null | undefined): [number, number] | null {
  const [lat, lng] = (value ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  return lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    ? [lat, lng]
    : null;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
