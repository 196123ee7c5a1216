/**
 * The venue form's checks in the browser, the same as the server's (api/src/locations/validate.ts:
 * the limits of LIMITS, http(s) URLs, counts 0–100,000 and not above capacity, the end after the
 * start, a place); the server still checks everything and its userErrors come back at the fields.
 */

export interface Draft {
  name: string;
  meal: string;
  startsAt: string;
  endsAt: string;
  /** The days of the times, YYYY-MM-DD: the edition's day, or chosen in an edition that spans days. */
  startsDay: string;
  endsDay: string;
  schedule: string;
  street: string;
  postalCode: string;
  city: string;
  region: string;
  capacity: string;
  participants: string;
  description: string;
  registrationUrl: string;
  languages: string;
  targetGroups: string[];
  ownTargetGroups: string[];
  wheelchairAccessible: boolean;
  interpreters: string;
  interpreterLanguages: string;
  /** One service or organisation a line. */
  support: string;
  cookedByGuests: boolean;
  /** '', 'true' or 'false': not stated, yes, no. */
  hearingLoop: string;
  accessibilityNote: string;
  /** The description's translations by language, as typed (empty: none). */
  translations: Record<string, string>;
  sensitive: boolean;
  externalId: string;
  point: { lat: number; lng: number } | null;
}

/** The languages the form offers the description in: those the map speaks. */
export const TRANSLATED = ['nl', 'en', 'de', 'da'] as const;

/** The form's fields in the order they appear: the first problem in this order gets focus. */
export const ORDER = [
  'name',
  'meal',
  'startsDay',
  'endsDay',
  'startsAt',
  'endsAt',
  'place',
  'street',
  'postalCode',
  'city',
  'region',
  'capacity',
  'participants',
  'description',
  'registrationUrl',
  'languages',
  'interpreters',
  'interpreterLanguages',
  'support',
  'accessibilityNote',
  ...TRANSLATED.map((lang) => `description-${lang}`),
  'externalId',
];

/** The server's field names (a userError's last path part) → the form's. */
export const FIELD_OF: Record<string, string> = {
  coordinates: 'place',
  lat: 'place',
  lng: 'place',
  country: 'region',
  edition: 'name',
};

const LIMITS = {
  name: 200,
  externalId: 100,
  street: 200,
  postalCode: 20,
  city: 100,
  description: 2000,
  url: 2048,
  accessibilityNote: 300,
};
const CAPACITY = 100_000;

type T = (
  key:
    | 'required'
    | 'tooLong'
    | 'range'
    | 'overCapacity'
    | 'endBeforeStart'
    | 'badUrl'
    | 'badLanguages'
    | 'noPlace'
    | 'interpretersNeeded'
    | 'tooManySupport',
  params?: Record<string, string | number>,
) => string;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Problems by field, in the form's order. */
export function checkVenue(d: Draft, t: T): Map<string, string> {
  const found = new Map<string, string>();
  const long = (field: keyof typeof LIMITS, value: string) => {
    if (value.length > LIMITS[field])
      found.set(field === 'url' ? 'registrationUrl' : field, t('tooLong', { n: LIMITS[field] }));
  };
  if (!d.name) found.set('name', t('required'));
  long('name', d.name);
  if (!d.meal) found.set('meal', t('required'));
  if (d.startsAt && d.endsAt && `${d.endsDay}T${d.endsAt}` <= `${d.startsDay}T${d.startsAt}`)
    found.set('endsAt', t('endBeforeStart'));
  if (!d.point) found.set('place', t('noPlace'));
  long('street', d.street);
  long('postalCode', d.postalCode);
  long('city', d.city);
  const whole = (value: string) => /^\d+$/.test(value) && Number(value) <= CAPACITY;
  if (d.capacity && !whole(d.capacity))
    found.set('capacity', t('range', { min: 0, max: CAPACITY }));
  if (d.participants && !whole(d.participants))
    found.set('participants', t('range', { min: 0, max: CAPACITY }));
  else if (
    d.capacity &&
    whole(d.capacity) &&
    d.participants &&
    Number(d.participants) > Number(d.capacity)
  )
    found.set('participants', t('overCapacity'));
  long('description', d.description);
  if (d.registrationUrl) {
    if (!isHttpUrl(d.registrationUrl)) found.set('registrationUrl', t('badUrl'));
    long('url', d.registrationUrl);
  }
  const languages = codes(d.languages);
  if (languages.length > 20 || languages.some((l) => !/^[a-z]{2,3}$/i.test(l)))
    found.set('languages', t('badLanguages'));
  if (d.interpreters && !(/^\d+$/.test(d.interpreters) && Number(d.interpreters) <= 50))
    found.set('interpreters', t('range', { min: 0, max: 50 }));
  const spoken = codes(d.interpreterLanguages);
  if (spoken.length > 20 || spoken.some((l) => !/^[a-z]{2,3}$/i.test(l)))
    found.set('interpreterLanguages', t('badLanguages'));
  else if (spoken.length > 0 && !(Number(d.interpreters) > 0))
    found.set('interpreterLanguages', t('interpretersNeeded'));
  const support = lines(d.support);
  if (support.length > 5 || support.some((line) => line.length > 120))
    found.set('support', t('tooManySupport'));
  long('accessibilityNote', d.accessibilityNote);
  for (const [lang, text] of Object.entries(d.translations))
    if (text.length > LIMITS.description)
      found.set(`description-${lang}`, t('tooLong', { n: LIMITS.description }));
  long('externalId', d.externalId);
  return new Map(ORDER.filter((f) => found.has(f)).map((f) => [f, found.get(f)!]));
}

/** Language codes as typed: separated by commas or spaces, lowercased. */
export function codes(typed: string): string[] {
  return typed
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((l) => l.toLowerCase());
}

/** The lines of a text box, trimmed, without empty ones. */
export function lines(typed: string): string[] {
  return typed
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
