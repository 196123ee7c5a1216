/** The portal's GraphQL: the venue as the form and the list use it, and the edition's day. */

export interface Edition {
  slug: string;
  name: string;
  date: string;
  /** The last day of an edition that spans days (meetings across a year); null for one day. */
  endDate: string | null;
  timeZone: string;
  country: string;
  status: string;
  /** The groups its venues may name: the built-in ones, then its federation's own (with labels). */
  targetGroups?: TargetGroupTerm[];
}

/** A target group with its labels: `builtIn` false for a federation's own. */
export interface TargetGroupTerm {
  code: string;
  builtIn: boolean;
  nl: string;
  en: string;
  de: string;
  da: string;
}

export interface Venue {
  id: string;
  name: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  schedule: Schedule;
  awaitingApproval: boolean;
  meal: string;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number | null;
  participants: number;
  full: boolean;
  locationPrecision: 'EXACT' | 'APPROXIMATE';
  organisation: { slug: string; name: string };
  description: string | null;
  registrationUrl: string | null;
  languages: string[];
  targetGroups: string[];
  wheelchairAccessible: boolean | null;
  sensitive: boolean;
  externalId: string | null;
  coordinates: { lat: number; lng: number };
  address: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    region: string | null;
    country: string | null;
  } | null;
}

/**
 * The facts of the table: interpreters, support, who cooks, access, translations. The form reads
 * them for the one venue it edits (`VENUE_FACTS`); the list leaves them out, to stay within the
 * API's query cost for a thousand venues.
 */
export interface VenueFacts {
  interpreters: number | null;
  interpreterLanguages: string[];
  support: string[];
  cookedByGuests: boolean;
  hearingLoop: boolean | null;
  accessibilityNote: string | null;
  descriptions: { lang: string; text: string }[];
  /** Its federation's own target groups it brings together (codes). */
  ownTargetGroups: string[];
}

const FACT_FIELDS = `interpreters interpreterLanguages support cookedByGuests hearingLoop accessibilityNote
  descriptions { lang text } ownTargetGroups`;

export const VENUE_FACTS = `query ($id: ID!) { node(id: $id) { ... on Location { ${FACT_FIELDS} } } }`;

export const SCHEDULES = ['CONFIRMED', 'TENTATIVE', 'POSTPONED'] as const;
export type Schedule = (typeof SCHEDULES)[number];

const VENUE_FIELDS = `id name status schedule awaitingApproval meal startsAt endsAt capacity participants
  full locationPrecision organisation { slug name }
  description registrationUrl languages targetGroups wheelchairAccessible sensitive externalId
  coordinates { lat lng } address { street postalCode city region country }`;

/** Where a venue stands for its organisation: a published one may still await approval. */
export type Group = 'DRAFT' | 'AWAITING' | 'PUBLISHED' | 'CANCELLED';
export const GROUPS: Group[] = ['DRAFT', 'AWAITING', 'PUBLISHED', 'CANCELLED'];

export function groupOf(venue: Pick<Venue, 'status' | 'awaitingApproval'>): Group {
  if (venue.status === 'PUBLISHED' && venue.awaitingApproval) return 'AWAITING';
  return venue.status;
}

/** Not public yet: what "preview on the map" is for. */
export const previewable = (venue: Venue): boolean =>
  groupOf(venue) === 'DRAFT' || groupOf(venue) === 'AWAITING';

export const EDITIONS = `query { editions {
  slug name date endDate timeZone country status
  targetGroups(builtIn: false) { code builtIn nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA) }
} }`;

/**
 * The edition a section opens on: the next one still to come (open or planned, today or later,
 * nearest first) — the one a coordinator is preparing — else the newest.
 */
export function defaultEdition(editions: readonly Edition[], today = new Date()): string {
  const day = today.toISOString().slice(0, 10);
  const coming = editions
    .filter((e) => (e.status === 'OPEN' || e.status === 'PLANNED') && (e.endDate ?? e.date) >= day)
    .sort((a, b) => a.date.localeCompare(b.date));
  return (coming[0] ?? editions[0])?.slug ?? '';
}

/** A venue of another organisation that this one co-hosts, as its list shows it (read only). */
export type CohostedVenue = Pick<
  Venue,
  'id' | 'name' | 'status' | 'awaitingApproval' | 'meal' | 'organisation'
> & { address: { city: string | null } | null };

/**
 * The organisation's own venues, and those of others it co-hosts: only what their list shows,
 * so the request stays well within the API's cost limit.
 */
export const VENUES = `query ($edition: String!) {
  viewer {
    locations(edition: $edition, first: 1000) { nodes { ${VENUE_FIELDS} } }
    cohostedLocations(edition: $edition, first: 200) {
      nodes { id name status awaitingApproval meal address { city } organisation { slug name } }
    }
  }
}`;

/** A venue's co-hosts, read when its form opens. */
export const COHOSTS_OF = `query ($id: ID!) { location(id: $id) { cohosts { slug name } } }`;

/** At most this many co-hosts per venue (the API's MAX_COHOSTS). */
export const MAX_COHOSTS = 10;
export const SET_COHOSTS = `mutation ($input: SetLocationCohostsInput!) {
  setLocationCohosts(input: $input) { location { cohosts { slug name } } userErrors { field message code } }
}`;
export const FIND_ORGANISATIONS = `query ($search: String!) {
  organisations(search: $search, first: 20) { nodes { slug name } }
}`;

const PAYLOAD = `location { ${VENUE_FIELDS} ${FACT_FIELDS} } userErrors { field message code }`;
export const CREATE = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { ${PAYLOAD} } }`;
export const UPDATE = `mutation ($input: UpdateLocationInput!) { updateLocation(input: $input) { ${PAYLOAD} } }`;
export const CANCEL = `mutation ($input: CancelLocationInput!) { cancelLocation(input: $input) { ${PAYLOAD} } }`;

export const GEOCODE = `query ($query: String!, $country: String) {
  geocode(query: $query, country: $country) {
    geocoderFailed
    hits { label lat lng street postalCode city region country source }
  }
}`;
export const REGION_AT = `query ($lat: Float!, $lng: Float!, $country: String) {
  regionAt(lat: $lat, lng: $lng, country: $country)
}`;

export interface GeocodeHit {
  label: string;
  lat: number;
  lng: number;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string;
  source: 'GEOCODER' | 'PLACES';
}

/** Minutes the time zone is ahead of UTC at an instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - instant.getTime()) / 60000);
}

/** "18:30" on the edition's day in its time zone → an ISO instant. */
export function instantOn(date: string, time: string, timeZone: string): string {
  const naive = new Date(`${date}T${time}:00Z`);
  const offset = offsetMinutes(naive, timeZone);
  return new Date(naive.getTime() - offset * 60000).toISOString();
}

/** An ISO instant → its day, "2021-12-06", in the edition's time zone. */
export function dayIn(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** An ISO instant → "18:30" in the edition's time zone. */
export function timeIn(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** What a portal section reads of the /manage shell's context (manage/sections.ts). */
export interface PortalContext {
  lang: import('../lib/i18n.ts').Lang;
}
