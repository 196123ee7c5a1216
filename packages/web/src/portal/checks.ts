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
  wheelchairAccessible: boolean;
  sensitive: boolean;
  externalId: string;
  point: { lat: number; lng: number } | null;
}

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
    | 'noPlace',
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
  const languages = d.languages.split(/[\s,]+/).filter(Boolean);
  if (languages.length > 20 || languages.some((l) => !/^[a-z]{2,3}$/i.test(l)))
    found.set('languages', t('badLanguages'));
  long('externalId', d.externalId);
  return new Map(ORDER.filter((f) => found.has(f)).map((f) => [f, found.get(f)!]));
}
