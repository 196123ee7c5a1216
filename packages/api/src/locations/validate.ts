/**
 * Validation of a venue as a member sends it — one function for createLocation, updateLocation,
 * every row of upsertLocations and every line of a CSV import — so a rule holds everywhere.
 * Problems are collected as userErrors with their path; nothing is written while any remain.
 */
import { COUNTRIES, MEALS, type Meal, TARGET_GROUPS, type TargetGroup } from '@tafel/schema';
import type { Edition, NewLocation } from '../db/schema.ts';
import type { UserErrors } from './errors.ts';
import {
  COUNTRY_CODES,
  isHttpUrl,
  LANGUAGE_CODE,
  localDate,
  regionProblem,
  freeText as text,
} from './fields.ts';
import {
  checkSeats,
  checkSeatsAgainstPresent,
  hasRoles,
  isBuiltInGroup,
  MAX_OWN_TARGET_GROUPS,
  type RoleCounts,
  type RoleSeatsInput,
  rolesOf,
  sumOf,
} from './roles.ts';

export const LIMITS = {
  name: 200,
  externalId: 100,
  street: 200,
  postalCode: 20,
  city: 100,
  description: 2000,
  url: 2048,
  languages: 20,
  interpreters: 50,
  support: 5,
  supportItem: 120,
  accessibilityNote: 300,
  capacity: 100_000,
  expected: 100_000,
  batch: 10_000,
} as const;

/** A venue's fields as a member sends them (GraphQL input, a bulk row, or a CSV line). */
export interface LocationFields {
  externalId?: string | null;
  name?: string | null;
  address?: {
    street?: string | null;
    postalCode?: string | null;
    city?: string | null;
    region?: string | null;
    country?: string | null;
  } | null;
  coordinates?: { lat: number; lng: number } | null;
  meal?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  /**
   * Seats per role (locations/roles.ts). Left out, the venue keeps its own, even in a whole-venue
   * row of a bulk list; null or empty clears them. When a venue has any, its capacity is their sum.
   */
  seatsByRole?: readonly RoleSeatsInput[] | null;
  participants?: number | null;
  /** Registrations before the day; the reported count (`participants`) is separate. */
  expected?: number | null;
  targetGroups?: readonly string[] | null;
  /** Codes of the edition's federation's own target groups (locations/vocabulary.ts). */
  ownTargetGroups?: readonly string[] | null;
  languages?: readonly string[] | null;
  wheelchairAccessible?: boolean | null;
  /**
   * The facts of the table below (interpreters, support, who cooks, access, translations): left
   * out, the venue keeps its own, also in a whole-venue row of a bulk list; null clears them.
   */
  hearingLoop?: boolean | null;
  accessibilityNote?: string | null;
  interpreters?: number | null;
  interpreterLanguages?: readonly string[] | null;
  support?: readonly string[] | null;
  cookedByGuests?: boolean | null;
  description?: string | null;
  /** The description in other languages, one per language; `description` is the original. */
  descriptions?: readonly { lang: string; text: string }[] | null;
  registrationUrl?: string | null;
  sensitive?: boolean | null;
  status?: 'DRAFT' | 'PUBLISHED' | null;
  /** Whether its time is confirmed, not yet confirmed (shown as such), or put off. */
  schedule?: string | null;
}

export const SCHEDULES = ['CONFIRMED', 'TENTATIVE', 'POSTPONED'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** The columns a venue's fields map to. */
export type LocationValues = Omit<
  NewLocation,
  | 'id'
  | 'editionId'
  | 'organisationId'
  | 'createdAt'
  | 'updatedAt'
  | 'awaitingApproval'
  | 'participants'
> & {
  participants?: number;
};

/**
 * Check a complete venue (create, or a bulk row, which describes the whole venue) or a partial
 * update (`partial`: only the fields given are checked, against `existing` for cross-field rules).
 * Returns the column values for the fields given.
 */
export function validateLocation(
  errors: UserErrors,
  path: (string | number)[],
  input: LocationFields,
  edition: Pick<Edition, 'date' | 'endDate' | 'timeZone' | 'country'> & {
    /** The codes of its federation's own target groups (ownTargetGroupCodes); none left out. */
    ownTargetGroups?: readonly string[];
  },
  options: {
    partial?: boolean;
    existing?: {
      participants: number;
      capacity: number | null;
      startsAt: Date | null;
      endsAt: Date | null;
      country?: string | null;
      region?: string | null;
      seatsByRole?: RoleCounts;
      presentByRole?: RoleCounts;
      interpreters?: number | null;
      interpreterLanguages?: readonly string[];
    };
  } = {},
): Partial<LocationValues> {
  const at = (...rest: (string | number)[]) => [...path, ...rest];
  const has = (key: keyof LocationFields) => !options.partial || input[key] !== undefined;
  const out: Partial<LocationValues> = {};

  if (has('externalId'))
    out.externalId = text(errors, at('externalId'), input.externalId, LIMITS.externalId);
  if (has('name')) {
    if (options.partial && input.name === null)
      errors.add(at('name'), 'REQUIRED', 'name must not be empty.');
    else out.name = text(errors, at('name'), input.name, LIMITS.name, true) ?? '';
  }

  if (has('address')) {
    const a = input.address ?? {};
    // In an update, only the address parts given change; in a whole venue, all are as sent.
    const part = (key: keyof NonNullable<LocationFields['address']>) =>
      !options.partial || input.address === null || a[key] !== undefined;
    if (part('street')) out.street = text(errors, at('address', 'street'), a.street, LIMITS.street);
    if (part('postalCode'))
      out.postalCode = text(errors, at('address', 'postalCode'), a.postalCode, LIMITS.postalCode);
    if (part('city')) out.city = text(errors, at('address', 'city'), a.city, LIMITS.city);
    const sentCountry = text(errors, at('address', 'country'), a.country, 2)?.toUpperCase();
    if (sentCountry && !COUNTRY_CODES.has(sentCountry)) {
      errors.add(
        at('address', 'country'),
        'INVALID',
        `country "${sentCountry}" is not an ISO 3166-1 alpha-2 code such as NL, BE or DE.`,
      );
    }
    // In an update that leaves the country out, the venue keeps its own, not the edition's.
    const country =
      sentCountry ??
      (part('country') ? edition.country : (options.existing?.country ?? edition.country));
    if (part('country')) out.country = country;
    const region = part('region')
      ? (text(errors, at('address', 'region'), a.region, 10)?.toUpperCase() ?? null)
      : (options.existing?.region ?? null);
    if (region && (part('region') || part('country'))) {
      const problem = regionProblem(region, country);
      if (problem) errors.add(at('address', 'region'), 'INVALID', problem);
    }
    if (part('region')) out.region = region;
  }

  if (has('coordinates')) {
    const c = input.coordinates;
    if (!c) errors.add(at('coordinates'), 'REQUIRED', 'coordinates are required.');
    else {
      let inRange = true;
      if (!(c.lat >= -90 && c.lat <= 90)) {
        errors.add(
          at('coordinates', 'lat'),
          'OUT_OF_RANGE',
          `lat must be between -90 and 90 (got ${c.lat}).`,
        );
        inRange = false;
      }
      if (!(c.lng >= -180 && c.lng <= 180)) {
        errors.add(
          at('coordinates', 'lng'),
          'OUT_OF_RANGE',
          `lng must be between -180 and 180 (got ${c.lng}).`,
        );
        inRange = false;
      }
      const box = COUNTRIES[edition.country as keyof typeof COUNTRIES]?.bbox;
      const inside = (lat: number, lng: number) =>
        !!box && lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;
      if (inRange && box && !inside(c.lat, c.lng)) {
        const swapped = inside(c.lng, c.lat);
        errors.add(
          at('coordinates'),
          'OUTSIDE_COUNTRY',
          swapped
            ? `(${c.lat}, ${c.lng}) is outside ${edition.country}, but (${c.lng}, ${c.lat}) is inside: latitude and longitude look swapped.`
            : `(${c.lat}, ${c.lng}) is outside ${edition.country}, where this edition takes place.`,
        );
      }
      out.lat = c.lat;
      out.lng = c.lng;
    }
  }

  if (has('meal')) {
    if (!input.meal)
      errors.add(at('meal'), 'REQUIRED', `meal is required: one of ${MEALS.join(', ')}.`);
    else if (!(MEALS as readonly string[]).includes(input.meal))
      errors.add(at('meal'), 'INVALID', `meal "${input.meal}" is not one of ${MEALS.join(', ')}.`);
    else out.meal = input.meal as Meal;
  }

  const startsAt = has('startsAt')
    ? (input.startsAt ?? null)
    : (options.existing?.startsAt ?? null);
  const endsAt = has('endsAt') ? (input.endsAt ?? null) : (options.existing?.endsAt ?? null);
  for (const [key, value] of [
    ['startsAt', startsAt],
    ['endsAt', endsAt],
  ] as const) {
    if (!has(key) || !value) continue;
    const day = localDate(value, edition.timeZone);
    if (!edition.endDate && day !== edition.date)
      errors.add(
        at(key),
        'NOT_ON_EDITION_DAY',
        `${key} ${value.toISOString()} is not on the edition’s day, ${edition.date} (${edition.timeZone}).`,
      );
    else if (edition.endDate && (day < edition.date || day > edition.endDate))
      errors.add(
        at(key),
        'OUTSIDE_EDITION_DATES',
        `${key} ${value.toISOString()} is not within the edition’s days, ${edition.date} to ${edition.endDate} (${edition.timeZone}).`,
      );
  }
  if (
    (has('startsAt') || has('endsAt')) &&
    startsAt &&
    endsAt &&
    endsAt.getTime() <= startsAt.getTime()
  ) {
    errors.add(
      at('endsAt'),
      'END_BEFORE_START',
      `endsAt ${endsAt.toISOString()} is not after startsAt ${startsAt.toISOString()}.`,
    );
  }
  if (has('startsAt')) out.startsAt = startsAt;
  if (has('endsAt')) out.endsAt = endsAt;

  // Seats per role come before the capacity: when a venue states them, they make it.
  let seats = options.existing?.seatsByRole ?? {};
  if (input.seatsByRole !== undefined) {
    const checked = checkSeats(
      errors,
      at('seatsByRole'),
      input.seatsByRole,
      rolesOf(edition.ownTargetGroups),
    );
    if (checked) {
      checkSeatsAgainstPresent(
        errors,
        at('seatsByRole'),
        checked,
        options.existing?.presentByRole ?? {},
      );
      out.seatsByRole = checked;
      seats = checked;
    }
  }
  let capacity = has('capacity') ? (input.capacity ?? null) : (options.existing?.capacity ?? null);
  if (hasRoles(seats)) {
    const sum = sumOf(seats);
    if (sum > LIMITS.capacity)
      errors.add(
        at('seatsByRole'),
        'OUT_OF_RANGE',
        `the seats per role add up to ${sum}; a venue seats at most ${LIMITS.capacity}.`,
      );
    else if (input.capacity != null && input.capacity !== sum)
      errors.add(
        at('capacity'),
        'INVALID',
        `capacity (${input.capacity}) must equal the sum of the seats per role (${sum}), or be left out: it is that sum.`,
      );
    capacity = sum;
    if (has('capacity') || out.seatsByRole !== undefined) out.capacity = sum;
  }
  if (has('capacity') && capacity !== null && out.capacity === undefined) {
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > LIMITS.capacity) {
      errors.add(
        at('capacity'),
        'OUT_OF_RANGE',
        `capacity must be a whole number from 0 to ${LIMITS.capacity} (got ${capacity}).`,
      );
    }
  }
  if (has('capacity') && out.capacity === undefined) out.capacity = capacity;

  if (input.participants != null) {
    if (!Number.isInteger(input.participants) || input.participants < 0) {
      errors.add(
        at('participants'),
        'BELOW_ZERO',
        `participants cannot be below zero (got ${input.participants}).`,
      );
    } else if (input.participants < sumOf(options.existing?.presentByRole)) {
      errors.add(
        at('participants'),
        'BELOW_PARTICIPANTS',
        `participants (${input.participants}) are below the ${sumOf(options.existing?.presentByRole)} already counted per role.`,
      );
    } else if (capacity !== null && input.participants > capacity) {
      errors.add(
        at('participants'),
        'OVER_CAPACITY',
        `participants (${input.participants}) exceed capacity (${capacity}).`,
      );
    } else out.participants = input.participants;
  } else if (
    (has('capacity') || out.seatsByRole !== undefined) &&
    capacity !== null &&
    options.existing &&
    options.existing.participants > capacity
  ) {
    errors.add(
      input.capacity == null && out.seatsByRole !== undefined ? at('seatsByRole') : at('capacity'),
      'BELOW_PARTICIPANTS',
      `capacity ${capacity} is below the ${options.existing.participants} participants already counted.`,
    );
  }

  if (input.expected != null) {
    if (!Number.isInteger(input.expected) || input.expected < 0 || input.expected > LIMITS.expected)
      errors.add(
        at('expected'),
        'OUT_OF_RANGE',
        `expected must be a whole number from 0 to ${LIMITS.expected} (got ${input.expected}).`,
      );
    else out.expected = input.expected;
  }

  if (has('targetGroups')) {
    const groups = [...new Set(input.targetGroups ?? [])];
    groups.forEach((g, i) => {
      if (!isBuiltInGroup(g))
        errors.add(
          at('targetGroups', i),
          'INVALID',
          `target group "${g}" is not one of ${TARGET_GROUPS.join(', ')}.`,
        );
    });
    out.targetGroups = groups as TargetGroup[];
  }
  if (has('ownTargetGroups')) {
    const own = edition.ownTargetGroups ?? [];
    const sent = input.ownTargetGroups ?? [];
    if (sent.length > MAX_OWN_TARGET_GROUPS)
      errors.add(
        at('ownTargetGroups'),
        'TOO_MANY',
        `at most ${MAX_OWN_TARGET_GROUPS} of the federation's own target groups (got ${sent.length}).`,
      );
    else
      sent.forEach((g, i) => {
        if (!own.includes(g))
          errors.add(
            at('ownTargetGroups', i),
            'TARGET_GROUP_NOT_DEFINED',
            own.length
              ? `The edition's federation adds ${own.join(', ')} to the target groups, not "${String(g).slice(0, 40)}".`
              : `"${String(g).slice(0, 40)}" is not a target group: the built-in ones are ${TARGET_GROUPS.join(', ')}, and the edition's federation adds none.`,
          );
      });
    // Once each, in the federation's order.
    out.ownTargetGroups = own.filter((g) => sent.includes(g));
  }
  if (has('languages'))
    out.languages = languageCodes(errors, at('languages'), input.languages, LIMITS.languages);
  if (has('wheelchairAccessible')) out.wheelchairAccessible = input.wheelchairAccessible ?? null;
  if (has('description'))
    out.description = text(
      errors,
      at('description'),
      input.description,
      LIMITS.description,
      false,
      true,
    );
  Object.assign(out, validateFacts(errors, at, input, options.existing));
  if (has('registrationUrl')) {
    const url = text(errors, at('registrationUrl'), input.registrationUrl, LIMITS.url);
    if (url && !isHttpUrl(url))
      errors.add(
        at('registrationUrl'),
        'INVALID_URL',
        `registrationUrl must be an http or https URL (got "${url.slice(0, 60)}").`,
      );
    out.registrationUrl = url;
  }
  if (has('sensitive')) out.sensitive = input.sensitive ?? false;
  if (has('status')) out.status = input.status ?? 'PUBLISHED';
  if (has('schedule')) {
    const schedule = input.schedule ?? 'CONFIRMED';
    if ((SCHEDULES as readonly string[]).includes(schedule)) out.schedule = schedule as Schedule;
    else
      errors.add(
        at('schedule'),
        'INVALID',
        `schedule "${String(schedule).slice(0, 20)}" is not one of ${SCHEDULES.join(', ')} (a cancelled venue is cancelled with cancelLocation).`,
      );
  }
  return out;
}

/** A list of languages as ISO 639 codes (nl, ar, tir), lowercased, each once. */
function languageCodes(
  errors: UserErrors,
  path: (string | number)[],
  list: readonly string[] | null | undefined,
  max: number,
): string[] {
  const name = path.at(-1);
  const langs = [...new Set((list ?? []).map((l) => l.trim().toLowerCase()))];
  if (langs.length > max) errors.add(path, 'TOO_LONG', `at most ${max} ${String(name)}.`);
  langs.forEach((l, i) => {
    if (!LANGUAGE_CODE.test(l))
      errors.add(
        [...path, i],
        'INVALID',
        `language "${l.slice(0, 20)}" is not an ISO 639 code like nl, ar or tir.`,
      );
  });
  return langs;
}

/**
 * The facts of the table: interpreters and their languages, support present, who cooks, access,
 * the description's translations. Each is checked and set only when sent (a venue keeps its own
 * otherwise, in a bulk row too); interpreter languages need interpreters, counted with the
 * venue's own when only one of the two is sent.
 */
function validateFacts(
  errors: UserErrors,
  at: (...rest: (string | number)[]) => (string | number)[],
  input: LocationFields,
  existing?: { interpreters?: number | null; interpreterLanguages?: readonly string[] },
): Partial<LocationValues> {
  const out: Partial<LocationValues> = {};
  const sent = (key: keyof LocationFields) => input[key] !== undefined;
  if (sent('interpreters')) {
    const n = input.interpreters ?? null;
    if (n !== null && (!Number.isInteger(n) || n < 0 || n > LIMITS.interpreters))
      errors.add(
        at('interpreters'),
        'OUT_OF_RANGE',
        `interpreters must be a whole number from 0 to ${LIMITS.interpreters} (got ${n}).`,
      );
    else out.interpreters = n;
  }
  if (sent('interpreterLanguages'))
    out.interpreterLanguages = languageCodes(
      errors,
      at('interpreterLanguages'),
      input.interpreterLanguages,
      LIMITS.languages,
    );
  if (sent('interpreters') || sent('interpreterLanguages')) {
    const count = sent('interpreters')
      ? (input.interpreters ?? null)
      : (existing?.interpreters ?? null);
    const langs = out.interpreterLanguages ?? existing?.interpreterLanguages ?? [];
    if (langs.length > 0 && !(count !== null && count > 0))
      errors.add(
        sent('interpreterLanguages') ? at('interpreterLanguages') : at('interpreters'),
        'INTERPRETERS_REQUIRED',
        `interpreter languages (${langs.join(', ')}) need a number of interpreters above 0 (interpreters is ${count ?? 'not stated'}).`,
      );
  }
  if (sent('support')) {
    const list: string[] = [];
    (input.support ?? []).forEach((item, i) => {
      if (item.trim() === '')
        errors.add(at('support', i), 'REQUIRED', `support ${i + 1} is empty: leave it out.`);
      else {
        const checked = text(errors, at('support', i), item, LIMITS.supportItem, true);
        if (checked && !list.includes(checked)) list.push(checked);
      }
    });
    if (list.length > LIMITS.support)
      errors.add(
        at('support'),
        'TOO_LONG',
        `at most ${LIMITS.support} services or organisations in support (got ${list.length}).`,
      );
    out.support = list;
  }
  if (sent('cookedByGuests')) out.cookedByGuests = input.cookedByGuests ?? false;
  if (sent('hearingLoop')) out.hearingLoop = input.hearingLoop ?? null;
  if (sent('accessibilityNote'))
    out.accessibilityNote = text(
      errors,
      at('accessibilityNote'),
      input.accessibilityNote,
      LIMITS.accessibilityNote,
      false,
      true,
    );
  if (sent('descriptions')) {
    const seen = new Set<string>();
    out.descriptions = [];
    (input.descriptions ?? []).forEach((d, i) => {
      const lang = d.lang.trim().toLowerCase();
      if (!LANGUAGE_CODE.test(lang))
        errors.add(
          at('descriptions', i, 'lang'),
          'INVALID',
          `language "${lang.slice(0, 20)}" is not an ISO 639 code like nl, ar or tir.`,
        );
      else if (seen.has(lang))
        errors.add(
          at('descriptions', i, 'lang'),
          'DUPLICATE',
          `a second description in "${lang}": one per language.`,
        );
      seen.add(lang);
      const checked = text(
        errors,
        at('descriptions', i, 'text'),
        d.text,
        LIMITS.description,
        true,
        true,
      );
      if (checked) out.descriptions!.push({ lang, text: checked });
    });
  }
  return out;
}
