/**
 * The typed operations that clients of the contract send: the widget, the tests and the bench.
 * Each is a GraphQL document with the TypeScript shape of its variables and result, so a change
 * to the API that breaks a client shows up in the schema drift test and in the type checker.
 */
import type { Meal, TargetGroup } from './vocabulary.ts';

export interface TypedOperation<TResult, TVariables> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields: never set, they carry the types. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

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
  search?: string;
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
  languages: string[];
  wheelchairAccessible: boolean | null;
  registrationUrl: string | null;
  locationPrecision: 'EXACT' | 'APPROXIMATE';
  coordinates: { lat: number; lng: number };
  address: { city: string | null; region: string | null; postalCode: string | null } | null;
  organisation: { slug: string; name: string };
}

const MAP_LOCATION_FIELDS = `
  id name meal startsAt endsAt capacity participants full targetGroups languages wheelchairAccessible
  registrationUrl locationPrecision coordinates { lat lng } address { city region postalCode }
  organisation { slug name }`;

/** The map widget's page of venues, with the edition's time zone to show their times in. */
export const MapLocations = op<
  {
    edition: { timeZone: string } | null;
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
  edition(slug: $edition) { timeZone }
  locations(edition: $edition, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${MAP_LOCATION_FIELDS} }
  }
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
