import { type Lang, type MapLocation, ParticipationChanged, VenueDescription } from '@tafel/schema';
import { type PropertyValues, render, type TemplateResult } from 'lit';
import { Announcer } from './lib/announcer.ts';
import { parseCenter } from './lib/attributes.ts';
import { escapeHtml } from './lib/basemap.ts';
import type { TafelLoadDetail, TafelLocationSelectDetail } from './lib/events.ts';
import { FilterController } from './lib/filters.ts';
import { locate } from './lib/geo.ts';
import { query } from './lib/graphql.ts';
import { elementLang, t } from './lib/i18n.ts';
import { legendTemplate } from './lib/legend.ts';
import { LiveController } from './lib/live-controller.ts';
import { MapController, type MapView, type TileSource } from './lib/map-controller.ts';
import { LinkController } from './lib/map-link.ts';
import { MapLoader } from './lib/map-loader.ts';
import { countText, legendMeals, listStatus, mapTemplate } from './lib/map-template.ts';
import { popupElement, popupTemplate } from './lib/popup.ts';
import { endpointOf, TafelElement } from './lib/tafel-element.ts';
import { VenueList } from './lib/venue-list.ts';
import { type MapEdition, VenueStore } from './lib/venues.ts';
import styles from './tafel-map.styles.ts';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>';
/** The offline outline's data: Natural Earth (public domain) and, for the provinces, GeoNames (CC BY 4.0). */
export const OUTLINE_ATTRIBUTION =
  'Natural Earth, provinces approximated from <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> ' +
  '(<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">CC BY 4.0</a>)';

/** A popup opened from the list zooms in at least this far. */
const SELECT_ZOOM = 14;

/**
 * A map of an edition's venues, clustered, with filters, a list view that is its accessible
 * twin, popups with live participation counts (times in the edition's time zone), and an outline
 * of the country with its provinces' (approximate) borders that stays when no tile can load. The
 * tiles are the page's (`tile-url`), else the edition's federation's tile server with its credit
 * linked to its licence, else OpenStreetMap's; without `tile-url` none is asked for before the
 * API has answered (or failed: then OpenStreetMap's).
 *
 * @summary The venues of a Tafel edition on a map, for any partner website.
 *
 * @event {CustomEvent<TafelLocationSelectDetail>} tafel-location-select - A venue was chosen, on the map (`source: 'map'`) or in the list (`'list'`). `detail` is `{ id, location, source }`; `location` is the venue as loaded (`MapLocation` from `@tafel/schema`, with its live count). Bubbles, composed.
 * @event {CustomEvent<TafelLoadDetail>} tafel-load - The venues of the current presets and filters are drawn: after the first load and each filter change, and after each refresh (a reconnect, or each poll while the API refuses live streams). `detail` is `{ count, offMainThread }`: how many are shown, and whether clustering runs in a worker. Bubbles, composed.
 *
 * @csspart base - The frame around filters, map and list.
 * @csspart filters - The search form above the map.
 * @csspart search - The text search field.
 * @csspart select - Each filter drop-down (meal, target group, region).
 * @csspart button - Each button of the form (near me, legend, list) and the list's "show more".
 * @csspart near-me - The "near me" button.
 * @csspart list-toggle - The button that shows and hides the list.
 * @csspart legend-toggle - The button that shows and hides the legend.
 * @csspart legend - The legend: each meal's marker, and what a cluster is.
 * @csspart map - The Leaflet map.
 * @csspart list - The list of venues beside the map.
 * @csspart list-item - One venue in the list.
 * @csspart popup - The content of a venue's popup.
 * @csspart register - The registration link in a popup.
 * @csspart notice - The discreet notice shown while the API cannot be reached, or why it refused (an unknown edition).
 *
 * @cssproperty [--tafel-map-height=480px] - The map's height when the page sets none; it never collapses to zero.
 * @cssproperty [--tafel-accent=#b4451f] - Buttons, selection and the registration link (and the counter's number).
 * @cssproperty [--tafel-breakfast-color=#d98c1f] - Breakfast markers.
 * @cssproperty [--tafel-lunch-color=#2f8a57] - Lunch markers.
 * @cssproperty [--tafel-dinner-color=#3552a0] - Dinner markers.
 * @cssproperty [--tafel-other-color=#7d5bb5] - Markers of other meals.
 * @cssproperty [--tafel-cluster-color=#fff] - The centre of a cluster (dark scheme: `#1c2228`).
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The widget's font.
 * @cssproperty [--tafel-font-size=14px] - The widget's base font size.
 * @cssproperty [--tafel-text-color=#1d2731] - Text (dark scheme: `#e3e8ed`).
 * @cssproperty [--tafel-background=#ffffff] - Form, list, frame, popups, legend and map controls (dark scheme: `#1c2228`).
 * @cssproperty [--tafel-border-color=#c9d1d9] - Borders (dark scheme: `#46515c`).
 * @cssproperty [--tafel-radius=6px] - Corner radius.
 * @cssproperty [--tafel-focus-color=#1a73e8] - Focus rings and the "you are here" dot (dark scheme: `#8ab4f8`).
 * @cssproperty [--tafel-link-color=#0b5cad] - Links on the map (dark scheme: `#8ab4f8`).
 * @cssproperty [--tafel-list-width=300px] - The list's width beside the map.
 * @cssproperty [--tafel-outline-color=#8796a5] - The country outline (dark scheme: `#7a8794`).
 * @cssproperty [--tafel-province-color=#c3ccd5] - The borders between provinces, drawn when tiles cannot load (approximations derived from GeoNames places; dark scheme: `#4b5661`).
 * @cssproperty [--tafel-land-color=#f6f3ec] - Land, drawn when tiles cannot load (dark scheme: `#2b3139`).
 * @cssproperty [--tafel-water-color=#dfe9f0] - The map's background (dark scheme: `#17212b`).
 * @cssproperty [--tafel-tile-filter=none] - A CSS `filter` on the map tiles (dark scheme: `brightness(0.7) contrast(1.1)`, dimmed; `none` keeps them as they are).
 */
export class TafelMap extends TafelElement {
  static override styles = styles;

  static override properties = {
    meals: { reflect: true },
    targetGroups: { attribute: 'target-groups', reflect: true },
    languages: { reflect: true },
    facilities: { reflect: true },
    center: { reflect: true },
    zoom: { type: Number, reflect: true },
    tileUrl: { attribute: 'tile-url', reflect: true },
    attribution: { reflect: true },
    linkState: { type: Boolean, attribute: 'link-state', reflect: true },
    preview: { attribute: false },
    _shown: { state: true },
    _legend: { state: true },
    _selected: { state: true },
    _loading: { state: true },
    _timeZone: { state: true },
    _edition: { state: true },
    _settled: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `nid-2027`. */
  declare edition: string | undefined;
  /** `nl`, `en`, `de` or `da` (`de-AT` counts as `de`); defaults to the page's language (the nearest `lang`), then Dutch. */
  declare lang: string;
  /** Preset: only this organisation's venues (its slug). */
  declare organisation: string | undefined;
  /** Preset: only this region, an ISO 3166-2 code such as `NL-UT`; hides the region filter. */
  declare region: string | undefined;
  /** Preset: only these meals, space- or comma-separated (`LUNCH DINNER`); the meal filter offers only these. */
  declare meals: string | undefined;
  /** Preset: only venues for these target groups, space- or comma-separated (`REFUGEES ELDERLY`). */
  declare targetGroups: string | undefined;
  /** Preset: only venues speaking any of these languages, ISO 639 codes space- or comma-separated (`ar ti`); the language filter offers only these. */
  declare languages: string | undefined;
  /** Preset: only venues with all of these, space-separated: `interpreter`, `wheelchair`, `hearing-loop`. */
  declare facilities: string | undefined;
  /** The initial centre as `lat,lng` (e.g. `52.09,5.12`); without it the map fits its venues. */
  declare center: string | undefined;
  /** The initial zoom level with `center`; defaults to 12. */
  declare zoom: number | undefined;
  /** A tile URL template (`https://…/{z}/{x}/{y}.png`); defaults to the edition's federation's tile server (see the API's `Edition.tiles`), else OpenStreetMap's standard tiles. Without it, no tile is asked for until the API has told the edition's (a federation may not allow OpenStreetMap's). */
  declare tileUrl: string | undefined;
  /** The attribution of `tile-url`'s tiles (or, without `tile-url`, in place of OpenStreetMap's), as plain text (never HTML); the federation's tiles bring their own, linked to their licence. */
  declare attribution: string | undefined;
  /** Live participation counts (on unless `live="false"`). */
  declare live: boolean;
  /** Keep the chosen venue and filters in the page's address (its hash, under `tafel.`, or `tafel-<id>.` for a map with an `id`), so a link shows them; read on load and when the hash changes. */
  declare linkState: boolean;
  /** JavaScript only: one venue not public yet (a draft), in the shape the map loads (`MapLocation` from `@tafel/schema`), added to the edition's venues (unless the visitor filters) and marked "Draft — not public yet" in its popup and in the list: a coordinator's preview of a venue before it is published. It is never sent anywhere; other maps do not show it. */
  declare preview: MapLocation | undefined;

  declare _shown: MapLocation[];
  declare _selected: string | null;
  declare _loading: boolean;
  /** The edition's time zone (IANA), from the API: times show as the venues' clocks read them. */
  declare _timeZone: string | null;
  /** The edition's country, regions and tiles, from the API: what the region filter offers, which borders the outline draws, which tiles the map shows. */
  declare _edition: MapEdition | null;
  /** Whether a load has ended (answered or failed): without `tile-url`, the tiles wait for it. */
  declare _settled: boolean;
  declare _legend: boolean;

  #popupContent: HTMLElement | undefined;
  #popupFrom: 'map' | 'list' = 'map';
  #venues = new VenueStore();
  /** Descriptions by `id lang`, as asked when a popup opens; null while asked or when none. */
  #descriptions = new Map<string, string | null>();
  #loader = new MapLoader(this, {
    venues: () => this.#venues,
    filters: () => this.#filters,
    list: () => this.#list,
    lang: () => this.#lang,
    announce: (text) => this.#announcer.announce(text),
    countText: (n) => this.#countText(n),
    index: (partial, refresh) => void this.#indexShown(partial, refresh),
    closeLive: () => this.#live.close(),
  });
  #live = new LiveController(this, ParticipationChanged, {
    data: ({ participationChanged: change }) => {
      const venue = this.#venues.count(change.location);
      if (!venue) return;
      if (venue.id === this._selected) this.#renderPopup();
      this.requestUpdate();
    },
    resumed: () => this.#loader.refresh(true),
    // Not `fresh`: the cacheable GET, which a CDN in front of the API answers for everyone.
    poll: () => this.#loader.refresh(false),
    failed: (error) => this.#loader.stop(error),
  });
  #view = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    tiles: () => this.#tileSource,
    view: () => this.#mapView,
    country: () => this._edition?.country ?? null,
    created: () => {
      if (this._shown.length) void this.#indexShown();
    },
    lang: () => this.#lang,
    selected: () => this._selected,
    select: (id) => this.#select(id, 'map'),
    popupClosed: () => {
      this.#popupContent = undefined;
      if (this.#popupFrom === 'list') this.#list.popupClosed();
      this._selected = null;
      this.#link.write();
    },
  });
  #filters = new FilterController(this, () => {
    this.#link.write();
    void this.#loader.applyFilters();
  });
  #list = new VenueList(this);
  #announcer = new Announcer(this);
  #formHandlers = {
    nearMe: () => this.#nearMe(),
    toggleList: () => this.#toggleList(),
    toggleLegend: () => (this._legend = !this._legend),
    legendKey: (event: KeyboardEvent) => this.#legendKey(event),
  };
  #link = new LinkController(this, {
    filters: () => this.#filters,
    closePopup: () => this.#view.map?.closePopup(),
    applyFilters: () => void this.#loader.applyFilters(),
    select: (id) => this.#select(id, 'list', false),
  });
  #selectFromList = (id: string) => this.#select(id, 'list');

  constructor() {
    super();
    this._shown = [];
    this._selected = null;
    this._loading = false;
    this._timeZone = null;
    this._edition = null;
    this._settled = false;
    this._legend = false;
    this.linkState = false;
  }

  get #lang(): Lang {
    return elementLang(this);
  }

  /** Programmatically choose a venue: opens its popup, as a click would. */
  selectLocation(id: string): void {
    this.#select(id, 'list', false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const reloads = [
      'endpoint',
      'edition',
      'organisation',
      'region',
      'meals',
      'targetGroups',
      'languages',
      'facilities',
      'preview',
    ] as const;
    const reload = reloads.some((key) => changed.has(key));
    // Before a load starts, which then asks for the linked filters itself.
    if (changed.has('linkState')) this.#link.linkStateChanged(!reload);
    if (reload) {
      this.#view.fitted = false;
      void this.#loader.data.reload();
    }
    if (
      (changed.has('endpoint') || changed.has('edition') || changed.has('live')) &&
      this.hasUpdated
    )
      this.#live.subscribe();
    if ((['tileUrl', 'attribution', '_edition', '_settled'] as const).some((k) => changed.has(k)))
      this.#view.setTiles(this.#tileSource);
    if (changed.has('_edition')) this.#view.setCountry(this._edition?.country ?? null);
    if ((changed.has('center') || changed.has('zoom')) && this.center)
      this.#view.applyView(this.#mapView);
    if ((changed.has('lang') || changed.has('_timeZone')) && this.#popupContent && this._selected)
      this.#renderPopup();
  }

  // ————— the map —————

  /** The page's tiles, else the edition's federation's, else OpenStreetMap's; null until the edition's are known. */
  get #tileSource(): TileSource | null {
    const theirs = this.tileUrl ? null : this._edition?.tiles;
    if (!this.tileUrl && !this._edition && !this._settled) return null;
    const custom = this.attribution?.trim();
    // Attributions are text: Leaflet would render an attribution string as HTML.
    let attribution = custom ? escapeHtml(custom) : this.tileUrl ? '' : DEFAULT_ATTRIBUTION;
    if (theirs) {
      const { licenceUrl } = theirs;
      attribution = escapeHtml(theirs.attribution);
      if (licenceUrl && /^https?:\/\//i.test(licenceUrl))
        attribution = `<a href="${escapeHtml(licenceUrl)}" target="_blank" rel="noopener">${attribution}</a>`;
    }
    return {
      url: this.tileUrl || theirs?.url || DEFAULT_TILE_URL,
      attribution,
      outlineAttribution: OUTLINE_ATTRIBUTION,
    };
  }

  get #mapView(): MapView {
    return { center: parseCenter(this.center), zoom: this.zoom };
  }

  /** Build the cluster index for the shown venues, then draw. */
  async #indexShown(partial = false, refresh = false): Promise<void> {
    const shown = this._shown;
    if (!(await this.#view.load(shown)) || shown !== this._shown) return;
    if (!this.#view.fitted || (this.#filters.active && !refresh)) {
      this.#view.fit(shown);
      this.#view.fitted = !partial;
      // An open popup comes back into sight.
      this.#view.updatePopup();
    }
    await this.#view.draw();
    if (!partial) this.#link.selectLinked();
    if (!this.#loader.loadEvent) {
      this.#loader.loadEvent = true;
      const detail: TafelLoadDetail = {
        count: shown.length,
        offMainThread: this.#view.offMainThread,
      };
      this.dispatchEvent(new CustomEvent('tafel-load', { detail, bubbles: true, composed: true }));
    }
  }

  // ————— choosing a venue —————

  #select(id: string, source: 'map' | 'list', focus = true): void {
    const venue = this.#venues.get(id);
    const map = this.#view.map;
    if (!venue || !map) return;
    this._selected = id;
    this.#popupFrom = source;
    const latlng: [number, number] = [venue.coordinates.lat, venue.coordinates.lng];
    if (source === 'list') {
      this.#list.makeWay();
      map.setView(latlng, Math.max(map.getZoom(), SELECT_ZOOM), { animate: false });
    }
    this.#popupContent = popupElement(() => map.closePopup());
    this.#renderPopup();
    this.#view.openPopup(latlng, this.#popupContent);
    this.#view.markSelected(id);
    const position = this.#list.sorted(this._shown, this.#lang).indexOf(venue);
    if (position >= 0) {
      this.#list.reveal(position);
      if (source === 'map' && this.#list.open) {
        void this.updateComplete.then(() =>
          this.renderRoot
            .querySelector(`[data-id="${CSS.escape(id)}"]`)
            ?.scrollIntoView({ block: 'nearest' }),
        );
      }
    }
    this.#announcer.announce(t(this.#lang, 'selected', { name: venue.name }));
    if (source === 'list' && focus) this.#popupContent.querySelector<HTMLElement>('h3')?.focus();
    this.#link.write();
    const detail: TafelLocationSelectDetail = { id, location: venue, source };
    this.dispatchEvent(
      new CustomEvent('tafel-location-select', { detail, bubbles: true, composed: true }),
    );
  }

  /** Render the open popup; `relayout` lets Leaflet size and place it again (not for the description arriving). */
  #renderPopup(relayout = true): void {
    const venue = this._selected ? this.#venues.get(this._selected) : undefined;
    if (!venue || !this.#popupContent) return;
    const lang = this.#lang;
    const key = `${venue.id} ${lang}`;
    const described = this.#descriptions.get(key);
    // The description in the visitor's language is asked when the popup first shows it.
    if (described === undefined && venue.id !== this.preview?.id) {
      this.#descriptions.set(key, null);
      query(endpointOf(this), VenueDescription, { id: venue.id, lang }).then(
        (data) => {
          this.#descriptions.set(key, data.node?.description ?? null);
          // In place: the popup grows upwards from its tip, nothing moves, focus stays.
          if (this._selected === venue.id) this.#renderPopup(false);
        },
        () => this.#descriptions.delete(key),
      );
    }
    render(
      popupTemplate(
        venue,
        lang,
        this._timeZone,
        venue.id === this.preview?.id,
        described,
        this._edition?.own,
      ),
      this.#popupContent,
    );
    if (relayout) this.#view.updatePopup();
  }

  #countText(n: number): string {
    return countText(this.#lang, n);
  }

  // ————— "near me" and the list —————

  #nearMe(): void {
    const lang = this.#lang;
    locate(
      (here) => {
        if (!this.#view.map) return;
        this.#list.near = here;
        this.#view.showVisitor(here);
        this.#list.active = 0;
        this.requestUpdate();
        const nearest = this.#list.sorted(this._shown, this.#lang)[0];
        this.#announcer.announce(
          nearest ? `${t(lang, 'nearMe')}: ${nearest.name}` : t(lang, 'noVenues'),
        );
      },
      () => this.#announcer.announce(t(lang, 'nearMeFailed')),
    );
  }

  /** Escape closes the legend, from its toggle or from within, and focus stays on (or returns to) the toggle. */
  #legendKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this._legend) return;
    event.stopPropagation();
    this._legend = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="legend-toggle"]')?.focus();
  }

  #toggleList(): void {
    this.#list.open = !this.#list.open;
    if (this.#list.open) this.#announcer.announce(this.#countText(this._shown.length));
    void this.updateComplete.then(() => this.#view.map?.invalidateSize());
  }

  // ————— rendering —————

  protected override render(): TemplateResult {
    const lang = this.#lang;
    const count = this._shown.length;
    const list = {
      lang,
      status: listStatus(lang, this._loading, count),
      sorted: this.#list.open ? this.#list.sorted(this._shown, this.#lang) : [],
      selected: this._selected,
      timeZone: this._timeZone,
      preview: this.preview?.id,
    };
    const on = this.#formHandlers;
    return mapTemplate({
      lang,
      filters: this.#filters.template(
        lang,
        this.#list.open,
        this._legend,
        count,
        on,
        [...new Set(this._shown.flatMap((v) => v.languages))].sort(),
      ),
      legend: legendTemplate(lang, legendMeals(this.meals), this._legend, on.legendKey),
      list: this.#list.template(list, this.#selectFromList),
      notice: this._notice,
      announcement: this.#announcer.text,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-map': TafelMap;
  }
  interface HTMLElementEventMap {
    'tafel-location-select': CustomEvent<TafelLocationSelectDetail>;
    'tafel-load': CustomEvent<TafelLoadDetail>;
  }
}
