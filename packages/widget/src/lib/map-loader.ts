/**
 * A map's loading: the preset set, then the visitor's filters asked of the API, shown as they
 * arrive; refreshes keep the visitor's view and list. The element gives its parts as callbacks.
 */
import type { Lang, MapLocation } from '@tafel/schema';
import { DataController } from './data-controller.ts';
import type { FilterController } from './filters.ts';
import type { GraphQLError } from './graphql.ts';
import { refusalText, t } from './i18n.ts';
import { endpointOf, type TafelElement } from './tafel-element.ts';
import type { VenueList } from './venue-list.ts';
import { fetchAllVenues, type MapEdition, type VenueSet, type VenueStore } from './venues.ts';

/** The element's state the loader sets. */
export interface LoaderHost extends TafelElement {
  _shown: MapLocation[];
  _loading: boolean;
  _timeZone: string | null;
  /** The edition's country, regions and tiles, once the API told them. */
  _edition: MapEdition | null;
  /** Whether a load has ended, answered or failed: a map without tiles of its own waits for it. */
  _settled: boolean;
  preview: MapLocation | undefined;
}

/** The element's parts the loader uses (read when used: some are made after the loader). */
export interface LoaderParts {
  venues(): VenueStore;
  filters(): FilterController;
  list(): VenueList;
  lang(): Lang;
  announce(text: string): void;
  countText(n: number): string;
  /** Build the cluster index for the shown venues, then draw. */
  index(partial: boolean, refresh: boolean): void;
  /** Stop the live counts. */
  closeLive(): void;
}

export class MapLoader {
  readonly data: DataController;
  /** Whether `tafel-load` went out for the venues shown (not while they are partial). */
  loadEvent = false;
  #host: LoaderHost;
  #parts: LoaderParts;
  /** Set while a refresh's load starts (it reads it before its first `await`). */
  #refreshing = false;
  /** The filter of the venues shown last. */
  #shownFilter = '';

  constructor(host: LoaderHost, parts: LoaderParts) {
    this.#host = host;
    this.#parts = parts;
    this.data = new DataController(host, {
      load: (signal, fresh) => this.#load(signal, fresh),
      retryDelay: (failures) => Math.min(30_000, 2000 * 2 ** failures),
      // Keep whatever was shown; say so discreetly and try again later.
      unreachable: () =>
        (host._notice = t(parts.lang(), host._shown.length ? 'offline' : 'loadFailed')),
      refused: (error) => this.stop(error),
    });
  }

  /**
   * The same venues again with their numbers now (a poll, a stream back after a break): the
   * visitor's view, list and focus stay as they are.
   */
  refresh(fresh: boolean): void {
    this.#refreshing = true;
    void this.data.reload(fresh);
    this.#refreshing = false;
  }

  /** Load the preset set; `fresh` after a reconnect or a failure, past any cached answer. */
  async #load(signal: AbortSignal, fresh: boolean): Promise<void> {
    const host = this.#host;
    const refresh = this.#refreshing;
    host._loading = true;
    try {
      // A large edition arrives in pages: draw the first at once, then the whole set.
      const early = (first: VenueSet) => {
        if (this.#parts.filters().active || host._shown.length) return;
        this.#edition(first);
        this.#show(first.venues, false, true);
      };
      const set = await fetchAllVenues(
        endpointOf(host),
        host.edition!,
        this.#parts.filters().preset,
        { signal, fresh, firstPage: early },
      );
      if (signal.aborted) return;
      let { venues } = set;
      const { preview } = host;
      if (preview) venues = [...venues.filter((v) => v.id !== preview.id), preview];
      this.#edition(set);
      this.#parts.venues().setAll(venues);
      this.data.answered();
      host._notice = '';
      if (this.#parts.filters().active) await this.applyFilters(false, fresh, refresh);
      else this.#show(venues, false, false, refresh);
    } finally {
      if (this.data.isCurrent(signal)) {
        host._loading = false;
        host._settled = true;
      }
    }
  }

  /** What the answer says of the edition: its time zone, country, regions and tiles. */
  #edition({ edition }: VenueSet): void {
    this.#host._timeZone = edition?.timeZone || null;
    this.#host._edition = edition;
  }

  /** The API refused what this map asks (an unknown edition): asking again would not help. */
  stop(error: GraphQLError): void {
    this.#parts.closeLive();
    this.data.stop();
    this.#host._loading = false;
    this.#host._notice = refusalText(this.#parts.lang(), error, this.#host.edition);
  }

  /** Ask the API for exactly the venues of the current filters. */
  async applyFilters(announce = true, fresh = false, refresh = false): Promise<void> {
    const host = this.#host;
    this.data.abort();
    if (!this.#parts.filters().active || !host.edition) {
      this.#show(this.#parts.venues().all, announce);
      return;
    }
    const loads = this.data.begin();
    host._loading = true;
    try {
      const set = await fetchAllVenues(
        endpointOf(host),
        host.edition,
        this.#parts.filters().filter,
        { signal: loads.signal, fresh },
      );
      if (loads.signal.aborted) return;
      this.#edition(set);
      const { venues } = set;
      host._notice = '';
      this.#show(this.#parts.venues().merge(venues), announce, false, refresh);
    } catch {
      if (!loads.signal.aborted) host._notice = t(this.#parts.lang(), 'offline');
    } finally {
      if (this.data.isCurrent(loads.signal)) host._loading = false;
    }
  }

  /** Show a set of venues; `partial` while the rest of a large set is still coming; `refresh` keeps view and list. */
  #show(venues: MapLocation[], announce: boolean, partial = false, refresh = false): void {
    // Only the same filter's set again is a refresh: one landing after the visitor chose anew is not.
    const filter = JSON.stringify(this.#parts.filters().filter);
    if (filter !== this.#shownFilter) refresh = false;
    this.#shownFilter = filter;
    this.#host._shown = venues;
    const list = this.#parts.list();
    if (!refresh || list.active >= venues.length) list.reset();
    this.loadEvent = partial;
    if (partial) this.#parts.venues().add(venues);
    if (announce) this.#parts.announce(this.#parts.countText(venues.length));
    this.#parts.index(partial, refresh);
  }
}
