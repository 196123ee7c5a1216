/** An edition's venues: every page of a filtered set, and the venues a map has loaded. */
import { type LocationFilter, type MapLocation, MapLocations, type ResultOf } from '@tafel/schema';
import { type QueryOptions, query } from './graphql.ts';

/** The API's cap on `first`. */
const PAGE = 1000;

/** What the map's query says of the edition: time zone, country, regions. */
export type MapEdition = NonNullable<ResultOf<typeof MapLocations>['edition']>;

/** An edition's venues for a filter, and what the API says of the edition (null when it has none). */
export interface VenueSet {
  venues: MapLocation[];
  edition: MapEdition | null;
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
    const result: ResultOf<typeof MapLocations> = await query(
      endpoint,
      MapLocations,
      { edition, filter, first: PAGE, after },
      options,
    );
    const { locations, edition: about } = result;
    venues.push(...locations.nodes);
    if (!locations.pageInfo.hasNextPage || !locations.pageInfo.endCursor)
      return { venues, edition: about };
    if (!after) options.firstPage?.({ venues: [...venues], edition: about });
    after = locations.pageInfo.endCursor;
  }
}

/** The venues a map has loaded: one object per venue, so live updates reach list, popup and map alike. */
export class VenueStore {
  #byId = new Map<string, MapLocation>();
  /** The preset set (before the visitor's filters): the whole picture the map was asked for. */
  all: MapLocation[] = [];

  get(id: string): MapLocation | undefined {
    return this.#byId.get(id);
  }

  /** The preset set, in place of what was loaded before. */
  setAll(venues: MapLocation[]): void {
    this.all = venues;
    this.#byId = new Map(venues.map((v) => [v.id, v]));
  }

  /** A live count; the venue it changed, when known. */
  count({
    id,
    participants,
    capacity,
    full,
  }: Pick<MapLocation, 'id' | 'participants' | 'capacity' | 'full'>): MapLocation | undefined {
    const venue = this.#byId.get(id);
    if (venue) Object.assign(venue, { participants, capacity, full });
    return venue;
  }

  /** The first page of a large set, known before the rest arrives. */
  add(venues: MapLocation[]): void {
    for (const venue of venues) this.#byId.set(venue.id, venue);
  }

  /** A filtered set, its venues known already updated in place and given as themselves. */
  merge(venues: MapLocation[]): MapLocation[] {
    return venues.map((v) => {
      const known = this.#byId.get(v.id);
      if (known) return Object.assign(known, v);
      this.#byId.set(v.id, v);
      return v;
    });
  }
}
