/**
 * The rules for single fields that validateLocation (validate.ts) applies: the day in a time zone,
 * free text, regions and web addresses.
 */

import { regionsOf } from '@tafel/schema';
import { iso31661, iso31662 } from 'iso-3166';
import type { UserErrors } from './errors.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  // Building a DateTimeFormat costs far more than using one: keep one per zone.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(
    format.formatToParts(instant).map(({ type, value }) => [type, Number(value)]),
  );
  return (
    Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!) -
    Math.floor(instant / 1000) * 1000
  );
}

/** Control characters (C0, DEL, C1) and line separators: none belongs in a one-line field. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** In running text tabs and line breaks are fine; other controls (escapes, NUL, …) are not. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Bidi embeddings, overrides and isolates: they make the text around them read in another order. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/** What shows nothing: whitespace, format characters (zero-width spaces and joiners, BOM, …) and blank fillers. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched alone, on purpose.
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f]/gu;

const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A free-text field, trimmed and NFC-normalised (so the same name is stored one way). Refused:
 * control characters (a description keeps tabs and line breaks), bidi overrides that could
 * disguise a name, and text that shows nothing.
 */
function text(
  errors: UserErrors,
  path: (string | number)[],
  value: string | null | undefined,
  max: number,
  required = false,
  multiline = false,
): string | null {
  const name = path.at(-1);
  const trimmed = value?.normalize('NFC').trim() ?? '';
  if (trimmed === '') {
    if (required) errors.add(path, 'REQUIRED', `${name} must not be empty.`);
    return null;
  }
  const control = (multiline ? CONTROL_IN_TEXT : CONTROL).exec(trimmed)?.[0];
  const bidi = BIDI_CONTROL.exec(trimmed)?.[0];
  if (control) {
    errors.add(
      path,
      'INVALID',
      `${name} contains a control character (${codePoint(control)})${multiline ? '' : '; it must be one line'}.`,
    );
  } else if (bidi) {
    errors.add(
      path,
      'INVALID',
      `${name} contains a bidirectional override (${codePoint(bidi)}), which changes how the text reads.`,
    );
  } else if (trimmed.replace(INVISIBLE, '') === '') {
    errors.add(path, required ? 'REQUIRED' : 'INVALID', `${name} has only invisible characters.`);
  }
  if (trimmed.length > max)
    errors.add(path, 'TOO_LONG', `${name} is ${trimmed.length} characters; at most ${max}.`);
  return trimmed;
}

/** The same rules for the names of organisations and editions. */
export { text as freeText };

/** ISO 3166-1 alpha-2 codes in use, and ISO 3166-2 subdivision codes (each begins with its country's). */
export const COUNTRY_CODES = new Set(iso31661.map((c) => c.alpha2));
const ISO_REGION_CODES = new Set(iso31662.map((r) => r.code));

/**
 * Why a region cannot be one of this country's, or null. In a country an edition can be held in
 * (NL, BE, DE, DK) a region is one of that country's regions in the contract's table; elsewhere
 * (an address across a border) any ISO 3166-2 code of the country.
 */
export function regionProblem(region: string, country: string): string | null {
  const regions = regionsOf(country);
  const inUse = regions.length > 0;
  if (inUse && regions.some((r) => r.code === region)) return null;
  const shown = region.slice(0, 10);
  const iso =
    ISO_REGION_CODES.has(region) || regionsOf(region.slice(0, 2)).some((r) => r.code === region);
  if (iso && !region.startsWith(`${country}-`))
    return `region "${region}" lies in ${region.slice(0, 2)}, not in ${country}, the venue's country.`;
  if (inUse)
    return `region "${shown}" is not a region of ${country} (one of ${regions.map((r) => r.code).join(', ')}).`;
  if (!iso) return `region "${shown}" is not an ISO 3166-2 code such as NL-UT or BE-VAN.`;
  return null;
}

/** A language as the venues' `languages` name it: an ISO 639-1 or -3 code, lowercase. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
