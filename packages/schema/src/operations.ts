/**
 * The typed operations that clients of the contract send: the widget, the tests and the bench.
 * Each is a GraphQL document with the TypeScript shape of its variables and result, so a change
 * to the API that breaks a client shows up in the schema drift test and in the type checker.
 */
import type { Lang, Meal, TargetGroup } from './vocabulary.ts';

export interface TypedOperation<TResult, TVariables> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields: never set, they carry the types. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

/** Pure: a page's bundle keeps only the operations it uses. */
/* @__NO_SIDE_EFFECTS__ */
function op<TResult, TVariables>(
  name: string,
  document: string,
): TypedOperation<TResult, TVariables> {
  return { name, document: document.trim() };
}

export type ResultOf<T> = T extends TypedOperation<infer R, unknown> ? R : never;
export type VariablesOf<T> = T extends TypedOperation<unknown, infer V> ? V : never;

export interface BBox {
  south: number;
  west: number;
  north: number;
  east: number;
}
export interface Near {
  lat: number;
  lng: number;
  radiusKm: number;
}
export interface LocationFilter {
  bbox?: BBox;
  near?: Near;
  organisation?: string;
  region?: string;
  city?: string;
  meals?: Meal[];
  targetGroups?: TargetGroup[];
  /** Venues naming any of these of their federation's own groups (with `targetGroups`: of either). */
  ownTargetGroups?: string[];
  search?: string;
  /** Venues speaking any of these languages (ISO 639 codes). */
  languages?: string[];
  interpreter?: boolean;
  interpreterLanguage?: string;
  wheelchairAccessible?: boolean;
  hearingLoop?: boolean;
  cookedByGuests?: boolean;
}

export interface MapLocation {
  id: string;
  name: string;
  meal: Meal;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number | null;
  participants: number;
  /** The host (or the organisation) says no one more fits in, whatever the count says. */
  full: boolean;
  targetGroups: TargetGroup[];
  /** Its federation's own target groups (codes; labelled in the edition's `own`). */
  ownTargetGroups?: string[];
  languages: string[];
  wheelchairAccessible: boolean | null;
  /**
   * The facts of the table: interpreters (how many, their languages), who cooks, access, support.
   * Optional, so a `preview` venue made before them still fits.
   */
  interpreters?: number | null;
  interpreterLanguages?: string[];
  cookedByGuests?: boolean;
  hearingLoop?: boolean | null;
  support?: string[];
  registrationUrl: string | null;
  locationPrecision: 'EXACT' | 'APPROXIMATE';
  coordinates: { lat: number; lng: number };
  address: { city: string | null; region: string | null; postalCode: string | null } | null;
  organisation: { slug: string; name: string };
}

const MAP_LOCATION_FIELDS = `
  id name meal startsAt endsAt capacity participants full targetGroups ownTargetGroups languages wheelchairAccessible
  interpreters interpreterLanguages cookedByGuests hearingLoop support registrationUrl locationPrecision coordinates { lat lng } address { city region postalCode }
  organisation { slug name }`;

/** A federation's tile server: a URL template, and the plain-text credit its licence asks for. */
export interface TileServer {
  url: string;
  attribution: string;
  licenceUrl: string | null;
}

/** An edition's regions as the map's query asks for them: codes once, names in each language (same order). */
export interface MapEditionRegions {
  nl: { code: string; name: string }[];
  en: { name: string }[];
  de: { name: string }[];
  da: { name: string }[];
}

/** One of a federation's own target groups, labelled in each language. */
export interface OwnGroup {
  code: string;
  nl: string;
  en: string;
  de: string;
  da: string;
}

/**
 * The map widget's page of venues, with the edition's time zone to show their times in, its
 * country and regions (in the four languages, so a change of language asks nothing) for the
 * region filter and the offline outline, and its federation's tile server (null: the map's own).
 */
export const MapLocations = op<
  {
    edition:
      | ({
          timeZone: string;
          country: string;
          tiles: TileServer | null;
          own?: OwnGroup[];
        } & MapEditionRegions)
      | null;
    locations: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: MapLocation[];
    };
  },
  { edition: string; filter?: LocationFilter; first?: number; after?: string | null }
>(
  'MapLocations',
  `query MapLocations($edition: String!, $filter: LocationFilter, $first: Int, $after: String) {
  edition(slug: $edition) {
    timeZone country tiles { url attribution licenceUrl }
    own: targetGroups(builtIn: false) { code nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA) }
    nl: regions(lang: NL) { code name } en: regions(lang: EN) { name }
    de: regions(lang: DE) { name } da: regions(lang: DA) { name }
  }
  locations(edition: $edition, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${MAP_LOCATION_FIELDS} }
  }
}`,
);

/** A speaker or a meeting's chair as the public reads them: a name only if they chose so. */
export interface ProgrammeSpeaker {
  name: string | null;
  role: string | null;
  organisation: string | null;
}
export interface ProgrammeSession {
  startsAt: string;
  endsAt: string;
  title: string;
  abstract: string | null;
  tentative: boolean;
  speakers: ProgrammeSpeaker[];
}
export interface ProgrammeMeeting {
  id: string;
  name: string;
  schedule: 'CONFIRMED' | 'TENTATIVE' | 'POSTPONED';
  startsAt: string | null;
  endsAt: string | null;
  address: { street: string | null; city: string | null } | null;
  programme: { chair: ProgrammeSpeaker | null; sessions: ProgrammeSession[] };
}

const SPEAKER = 'name role organisation';

/** `<tafel-programme>`: an edition's meetings with their programmes, 100 a page (within the cost limit). */
export const EditionProgramme = op<
  {
    edition: {
      name: string;
      date: string;
      endDate: string | null;
      timeZone: string;
      status: string;
      statusReason: string | null;
    } | null;
    locations: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: ProgrammeMeeting[];
    };
  },
  { edition: string; filter?: LocationFilter; after?: string | null }
>(
  'EditionProgramme',
  `query EditionProgramme($edition: String!, $filter: LocationFilter, $after: String) {
  edition(slug: $edition) { name date endDate timeZone status statusReason }
  locations(edition: $edition, filter: $filter, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name schedule startsAt endsAt address { street city }
      programme {
        chair { ${SPEAKER} }
        sessions { startsAt endsAt title abstract tentative speakers { ${SPEAKER} } }
      }
    }
  }
}`,
);

/**
 * A venue's description in a language (its translation, else the original), asked when its
 * popup opens: the map's list of venues does not carry descriptions.
 */
export const VenueDescription = op<
  { node: { description?: string | null } | null },
  { id: string; lang: string }
>(
  'VenueDescription',
  `query VenueDescription($id: ID!, $lang: String) {
  node(id: $id) { ... on Location { description(lang: $lang) } }
}`,
);

export interface StatBucket {
  key: string;
  label: string;
  participants: number;
  capacity: number;
  locations: number;
}

/** The live counter: the edition's total, optionally filtered. */
export const Counter = op<
  { stats: { participants: number; capacity: number; locations: number; updatedAt: string } },
  { edition: string; filter?: LocationFilter }
>(
  'Counter',
  `query Counter($edition: String!, $filter: LocationFilter) {
  stats(edition: $edition, filter: $filter) { participants capacity locations updatedAt }
}`,
);

/** `<tafel-counter measure=…>`: what the edition's federation counts beside people, named in each language. */
export const CounterMeasure = op<
  {
    stats: {
      measures: ({ key: string; total: number } & Partial<Record<Lang, string>>)[] | null;
    };
  },
  { edition: string; filter?: LocationFilter }
>(
  'CounterMeasure',
  `query CounterMeasure($edition: String!, $filter: LocationFilter) {
  stats(edition: $edition, filter: $filter) {
    measures { key total nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA) }
  }
}`,
);

/** A journalist's overview: totals and every bucket. */
export const Stats = op<
  {
    stats: {
      participants: number;
      capacity: number;
      locations: number;
      organisations: number;
      updatedAt: string;
      byRegion: StatBucket[];
      byMeal: StatBucket[];
      byTargetGroup: StatBucket[];
      byOrganisation: StatBucket[];
    };
  },
  { edition: string; filter?: LocationFilter; lang?: string }
>(
  'Stats',
  `query Stats($edition: String!, $filter: LocationFilter) {
  stats(edition: $edition, filter: $filter) {
    participants capacity locations organisations updatedAt
    byRegion { key label participants capacity locations }
    byMeal { key label participants capacity locations }
    byTargetGroup { key label participants capacity locations }
    byOrganisation { key label participants capacity locations }
  }
}`,
);

/** Live: every participation change in an edition, with the venue's new count and the new total. */
export const ParticipationChanged = op<
  {
    participationChanged: {
      location: { id: string; participants: number; capacity: number | null; full: boolean };
      participants: number;
      total: number;
      at: string;
    };
  },
  { edition: string }
>(
  'ParticipationChanged',
  `subscription ParticipationChanged($edition: String!) {
  participationChanged(edition: $edition) {
    location { id participants capacity full }
    participants
    total
    at
  }
}`,
);

/** Live: the edition's totals, coalesced to a few messages a second at most. */
export const StatsChanged = op<
  {
    statsChanged: { participants: number; capacity: number; locations: number; updatedAt: string };
  },
  { edition: string }
>(
  'StatsChanged',
  `subscription StatsChanged($edition: String!) {
  statsChanged(edition: $edition) { participants capacity locations updatedAt }
}`,
);

/** What a chart draws: the edition's total and, as asked for, its timeline or one breakdown. */
export interface ChartStatsFields {
  participants: number;
  updatedAt: string;
  timeline?: { at: string; participants: number }[];
  /** With the region's name in each language: the API knows every country's regions, the chart need not. */
  byRegion?: ({ key: string; participants: number } & Partial<Record<Lang, string>>)[];
  byMeal?: { key: string; participants: number }[];
  /** With the names in each language: a federation's own groups are named by the API. */
  byTargetGroup?: ({ key: string; participants: number } & Partial<Record<Lang, string>>)[];
}

/** Which parts of the stats a chart asks for (GraphQL `@include`): only what it draws. */
export interface ChartParts {
  timeline: boolean;
  regions: boolean;
  meals: boolean;
  groups: boolean;
}

const CHART_FIELDS = `participants updatedAt
    timeline(interval: 15) @include(if: $timeline) { at participants }
    byRegion @include(if: $regions) {
      key participants nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA)
    }
    byMeal @include(if: $meals) { key participants }
    byTargetGroup @include(if: $groups) {
      key participants nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA)
    }`;

const CHART_VARIABLES =
  '$edition: String!, $timeline: Boolean!, $regions: Boolean!, $meals: Boolean!, $groups: Boolean!';

/** `<tafel-chart>`: an edition's day (its time zone and date) and the numbers one chart draws, optionally filtered. */
export const ChartStats = op<
  {
    edition: { slug: string; name: string; date: string; timeZone: string } | null;
    stats: ChartStatsFields;
  },
  { edition: string; filter?: LocationFilter; at?: string } & ChartParts
>(
  'ChartStats',
  `query ChartStats(${CHART_VARIABLES}, $filter: LocationFilter, $at: DateTime) {
  edition(slug: $edition) { slug name date timeZone }
  stats(edition: $edition, filter: $filter, at: $at) {
    ${CHART_FIELDS}
  }
}`,
);

/** Live: the numbers one chart draws, pushed whenever they change (the whole edition's). */
export const ChartStatsChanged = op<
  { statsChanged: ChartStatsFields },
  { edition: string } & ChartParts
>(
  'ChartStatsChanged',
  `subscription ChartStatsChanged(${CHART_VARIABLES}) {
  statsChanged(edition: $edition) {
    ${CHART_FIELDS}
  }
}`,
);

/** What a chart shows of the comparison the API makes: the other edition, its count and curve, or why not. */
export interface ChartComparisonFields {
  edition: { slug: string; name: string };
  participants: number | null;
  atLeast: boolean;
  available: boolean;
  reason: string | null;
  curve?: { at: string; participants: number }[];
}

/**
 * `<tafel-chart compare="previous">`: the API's comparison with the previous edition of the series
 * (or `compareWith`), its curve moved onto this edition's day, at the same local clock times.
 */
export const ChartComparison = op<
  {
    edition: { slug: string; name: string; date: string; timeZone: string } | null;
    stats: { comparison: ChartComparisonFields | null };
  },
  { edition: string; filter?: LocationFilter; compareWith?: string; curve: boolean; at?: string }
>(
  'ChartComparison',
  `query ChartComparison($edition: String!, $filter: LocationFilter, $compareWith: String, $curve: Boolean!, $at: DateTime) {
  edition(slug: $edition) { slug name date timeZone }
  stats(edition: $edition, filter: $filter, compareWith: $compareWith, at: $at) {
    comparison {
      edition { slug name } participants atLeast available reason
      curve(interval: 15) @include(if: $curve) { at participants }
    }
  }
}`,
);

/** What `<tafel-counter compare>` shows of the API's comparison: the same hour in another edition. */
export interface CounterComparisonFields {
  edition: { name: string; date: string };
  participants: number | null;
  difference: number | null;
  atLeast: boolean;
  available: boolean;
  reason: string | null;
}

/** The counter's numbers beside another edition's at the same clock time (by default the previous one). */
export interface CounterComparedFields {
  participants: number;
  locations: number;
  updatedAt: string;
  comparison: CounterComparisonFields | null;
}

const COUNTER_COMPARED = `participants locations updatedAt
    comparison { edition { name date } participants difference atLeast available reason }`;

/** `<tafel-counter compare>`: the total and the same hour of another edition of the series. */
export const CounterCompared = op<
  { edition: { date: string } | null; stats: CounterComparedFields },
  { edition: string; filter?: LocationFilter; compareWith?: string }
>(
  'CounterCompared',
  `query CounterCompared($edition: String!, $filter: LocationFilter, $compareWith: String) {
  edition(slug: $edition) { date }
  stats(edition: $edition, filter: $filter, compareWith: $compareWith) {
    ${COUNTER_COMPARED}
  }
}`,
);

/** Live: the counter's total and its comparison, pushed whenever they change (no query per message). */
export const CounterComparedChanged = op<
  { statsChanged: CounterComparedFields },
  { edition: string; filter?: LocationFilter; compareWith?: string }
>(
  'CounterComparedChanged',
  `subscription CounterComparedChanged($edition: String!, $filter: LocationFilter, $compareWith: String) {
  statsChanged(edition: $edition, filter: $filter, compareWith: $compareWith) {
    ${COUNTER_COMPARED}
  }
}`,
);

/** A host reports arrivals at a venue (+n / -n). Needs a key with PARTICIPATION_WRITE. */
export const RecordArrivals = op<
  {
    recordArrivals: {
      location: { id: string; participants: number; capacity: number | null } | null;
      userErrors: { field: string[] | null; message: string; code: string }[];
    };
  },
  { input: { location: string; delta: number } }
>(
  'RecordArrivals',
  `mutation RecordArrivals($input: RecordArrivalsInput!) {
  recordArrivals(input: $input) {
    location { id participants capacity }
    userErrors { field message code }
  }
}`,
);

/** One published story of an edition, as `<tafel-stories>` shows it. */
export interface PublishedStory {
  id: string;
  quote: string;
  /** The quote's language, as the API's `Language` enum: `NL`, `EN`, `DE` or `DA`. */
  language: 'NL' | 'EN' | 'DE' | 'DA';
  attribution: string | null;
  location: { name: string; address: { city: string | null } | null };
}

/** An edition's published stories, newest first (never a pending or rejected one). */
export const Stories = op<
  { edition: { name: string; stories: { nodes: PublishedStory[] } } | null },
  { edition: string; first: number }
>(
  'Stories',
  `query Stories($edition: String!, $first: Int) {
  edition(slug: $edition) {
    name
    stories(first: $first) { nodes { id quote language attribution location { name address { city } } } }
  }
}`,
);
