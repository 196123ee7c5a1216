import { LitElement, html, nothing, render, svg, type PropertyValues, type TemplateResult } from 'lit';
import * as L from './lib/leaflet.ts';
import {
  MEALS,
  ParticipationChanged,
  REGION_CODES,
  TARGET_GROUPS,
  label,
  type Lang,
  type LocationFilter,
  type MapLocation,
  type Meal,
  type TargetGroup,
} from '@tafel/schema';
import styles from './tafel-map.styles.ts';
import { outlineRings, provinceBorders } from './lib/outline.ts';
import { onUnlessFalse } from './lib/attributes.ts';
import { ClusterIndex, STRIDE, type Clusters } from './lib/cluster.ts';
import { GraphQLError, defaultEndpoint } from './lib/graphql.ts';
import { elementLang, formatNumber, refusalText, t } from './lib/i18n.ts';
import { LiveStream } from './lib/live.ts';
import {
  distanceKm,
  fetchAllVenues,
  formatTimes,
  languageNames,
  parseCenter,
  parseMeals,
  parseTargetGroups,
  safeHttpUrl,
  type VenueSet,
} from './lib/venues.ts';

/** The detail of `tafel-location-select`. */
export interface TafelLocationSelectDetail {
  /** The venue's global ID. */
  id: string;
  /** The venue as the map loaded it (with its live count). */
  location: MapLocation;
  /** Where the visitor chose it. */
  source: 'map' | 'list';
}

/** The detail of `tafel-load`. */
export interface TafelLoadDetail {
  /** How many venues are shown. */
  count: number;
  /** Whether clustering runs in a worker (false where the page's CSP forbids blob: workers). */
  offMainThread: boolean;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>';
/** The offline outline's data: Natural Earth (public domain) and, for the provinces, GeoNames (CC BY 4.0). */
export const OUTLINE_ATTRIBUTION =
  'Natural Earth, provinces approximated from <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> ' +
  '(<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">CC BY 4.0</a>)';

/** The Netherlands, until the venues are in. */
const FALLBACK_VIEW: [[number, number], number] = [[52.2, 5.4], 7];
const LIST_STEP = 100;
/** Markers added to the map in one go before the page gets a turn. */
const DRAW_SLICE = 40;
const SEARCH_DELAY = 250;
/** A popup opened from the list zooms in at least this far. */
const SELECT_ZOOM = 14;

const GLYPHS: Record<Meal, TemplateResult> = {
  BREAKFAST: svg`<path d="M3 6h8v3a4 4 0 0 1-8 0zM11 7h1.5a1.5 1.5 0 0 1 0 3H11M5.5 1.5v2M8.5 1.5v2"/>`,
  LUNCH: svg`<circle cx="8" cy="8" r="3"/><path d="M8 1v1.8M8 13.2V15M1 8h1.8M13.2 8H15M3 3l1.3 1.3M11.7 11.7 13 13M3 13l1.3-1.3M11.7 4.3 13 3"/>`,
  DINNER: svg`<path d="M11.5 2.5a6 6 0 1 0 2 8.5 4.7 4.7 0 0 1-2-8.5z"/>`,
  OTHER: svg`<path d="M5 2v5a2 2 0 0 0 2 2v5M5 2v4M7 2v4M11 14V2c-1.5 1-2 3-2 5h2"/>`,
};

/** A cluster's or a venue's key in a query result: clusters and venues keep theirs across views. */
function markerKey(result: Clusters, o: number): string {
  return result[o + 2]! > 1 ? `c${result[o + 3]}` : `p${result[o + 3]}`;
}

/** One marker element per meal, cloned for each venue (cheaper than rendering each). */
const pinTemplates = new Map<Meal, HTMLElement>();
function pinFor(meal: Meal): HTMLElement {
  let pin = pinTemplates.get(meal);
  if (!pin) {
    pin = document.createElement('div');
    pin.className = `pin meal-${meal.toLowerCase()}`;
    render(svg`<svg viewBox="0 0 16 16" aria-hidden="true">${GLYPHS[meal]}</svg>`, pin);
    pinTemplates.set(meal, pin);
  }
  return pin.cloneNode(true) as HTMLElement;
}

/**
 * A map of an edition's venues, clustered, with filters, a list view that is its accessible
 * twin, popups with live participation counts (times in the edition's time zone), and an outline
 * of the country with its provinces' (approximate) borders that stays when no tile can load.
 *
 * @summary The venues of a Tafel edition on a map, for any partner website.
 *
 * @event {CustomEvent<TafelLocationSelectDetail>} tafel-location-select - A venue was chosen, on the map (`source: 'map'`) or in the list (`'list'`). `detail` is `{ id, location, source }`; `location` is the venue as loaded (`MapLocation` from `@tafel/schema`, with its live count). Bubbles, composed.
 * @event {CustomEvent<TafelLoadDetail>} tafel-load - The venues of the current presets and filters are drawn (after each filter change). `detail` is `{ count, offMainThread }`: how many are shown, and whether clustering runs in a worker. Bubbles, composed.
 *
 * @csspart base - The frame around filters, map and list.
 * @csspart filters - The search form above the map.
 * @csspart search - The text search field.
 * @csspart select - Each filter drop-down (meal, target group, region).
 * @csspart button - Each button of the form (near me, list) and the list's "show more".
 * @csspart near-me - The "near me" button.
 * @csspart list-toggle - The button that shows and hides the list.
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
 * @cssproperty [--tafel-cluster-color=#fff] - The centre of a cluster.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The widget's font.
 * @cssproperty [--tafel-font-size=14px] - The widget's base font size.
 * @cssproperty [--tafel-text-color=#1d2731] - Text.
 * @cssproperty [--tafel-background=#ffffff] - Form, list and frame.
 * @cssproperty [--tafel-border-color=#c9d1d9] - Borders.
 * @cssproperty [--tafel-radius=6px] - Corner radius.
 * @cssproperty [--tafel-focus-color=#1a73e8] - Focus rings and the "you are here" dot.
 * @cssproperty [--tafel-link-color=#0b5cad] - Links on the map.
 * @cssproperty [--tafel-list-width=300px] - The list's width beside the map.
 * @cssproperty [--tafel-outline-color=#8796a5] - The country outline.
 * @cssproperty [--tafel-province-color=#c3ccd5] - The borders between provinces, drawn when tiles cannot load (approximations derived from GeoNames places).
 * @cssproperty [--tafel-land-color=#f6f3ec] - Land, drawn when tiles cannot load.
 * @cssproperty [--tafel-water-color=#dfe9f0] - The map's background.
 */
export class TafelMap extends LitElement {
  static override styles = styles;

  static override properties = {
    endpoint: { reflect: true },
    edition: { reflect: true },
    lang: {},
    organisation: { reflect: true },
    region: { reflect: true },
    meals: { reflect: true },
    targetGroups: { attribute: 'target-groups', reflect: true },
    center: { reflect: true },
    zoom: { type: Number, reflect: true },
    tileUrl: { attribute: 'tile-url', reflect: true },
    attribution: { reflect: true },
    live: { converter: onUnlessFalse },
    _shown: { state: true },
    _search: { state: true },
    _meal: { state: true },
    _targetGroup: { state: true },
    _region: { state: true },
    _listOpen: { state: true },
    _listLimit: { state: true },
    _active: { state: true },
    _selected: { state: true },
    _notice: { state: true },
    _announcement: { state: true },
    _loading: { state: true },
    _timeZone: { state: true },
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
  /** The initial centre as `lat,lng` (e.g. `52.09,5.12`); without it the map fits its venues. */
  declare center: string | undefined;
  /** The initial zoom level with `center`; defaults to 12. */
  declare zoom: number | undefined;
  /** A tile URL template (`https://…/{z}/{x}/{y}.png`); defaults to OpenStreetMap's standard tiles. */
  declare tileUrl: string | undefined;
  /** The tiles' attribution, as plain text (never HTML); defaults to OpenStreetMap's, with a link. */
  declare attribution: string | undefined;
  /** Live participation counts (on unless `live="false"`). */
  declare live: boolean;

  declare _shown: MapLocation[];
  declare _search: string;
  declare _meal: Meal | '';
  declare _targetGroup: TargetGroup | '';
  declare _region: string;
  declare _listOpen: boolean;
  declare _listLimit: number;
  declare _active: number;
  declare _selected: string | null;
  declare _notice: string;
  declare _announcement: string;
  declare _loading: boolean;
  /** The edition's time zone (IANA), from the API: times show as the venues' clocks read them. */
  declare _timeZone: string | null;

  #map: L.Map | undefined;
  #tiles: L.TileLayer | undefined;
  #markers: L.LayerGroup | undefined;
  #drawn = new Map<string, L.Marker>();
  #index: ClusterIndex | undefined;
  #indexReady: Promise<void> = Promise.resolve();
  #popup: L.Popup | undefined;
  #popupContent: HTMLElement | undefined;
  #popupFrom: 'map' | 'list' = 'map';
  #you: L.CircleMarker | undefined;
  #near: { lat: number; lng: number } | null = null;
  #byId = new Map<string, MapLocation>();
  /** The preset set (before the visitor's filters): the whole picture the map was asked for. */
  #all: MapLocation[] = [];
  #loads: AbortController | undefined;
  #queryGeneration = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retries = 0;
  #live: LiveStream<unknown, unknown> | undefined;
  #resize: ResizeObserver | undefined;
  #fitted = false;
  #loadEvent = false;
  /** The list closed to show a popup on a narrow screen, to reopen when the popup closes. */
  #listHidden = false;
  #sortedCache: { source: MapLocation[]; near: unknown; lang: Lang; sorted: MapLocation[] } | undefined;

  constructor() {
    super();
    this.live = true;
    this._shown = [];
    this._search = '';
    this._meal = '';
    this._targetGroup = '';
    this._region = '';
    this._listOpen = false;
    this._listLimit = LIST_STEP;
    this._active = 0;
    this._selected = null;
    this._notice = '';
    this._announcement = '';
    this._loading = false;
    this._timeZone = null;
  }

  get #lang(): Lang {
    return elementLang(this);
  }

  get #endpoint(): string {
    return this.endpoint || defaultEndpoint();
  }

  /** The preset filter from the attributes: the map's whole picture. */
  get #presetFilter(): LocationFilter {
    const filter: LocationFilter = {};
    if (this.organisation) filter.organisation = this.organisation;
    if (this.region) filter.region = this.region;
    const meals = parseMeals(this.meals);
    if (meals.length) filter.meals = meals;
    const groups = parseTargetGroups(this.targetGroups);
    if (groups.length) filter.targetGroups = groups;
    return filter;
  }

  /** The preset plus what the visitor chose. */
  get #filter(): LocationFilter {
    const filter = this.#presetFilter;
    if (this._meal) filter.meals = [this._meal];
    if (this._targetGroup) filter.targetGroups = [this._targetGroup];
    if (this._region && !this.region) filter.region = this._region;
    const search = this._search.trim();
    if (search) filter.search = search;
    return filter;
  }

  get #visitorFiltered(): boolean {
    return Boolean(this._meal || this._targetGroup || (this._region && !this.region) || this._search.trim());
  }

  /** Programmatically choose a venue: opens its popup, as a click would. */
  selectLocation(id: string): void {
    this.#select(id, 'list', false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.#createMap();
      void this.#reload();
      this.#subscribe();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loads?.abort();
    this.#live?.close();
    this.#live = undefined;
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#retryTimer);
    this.#resize?.disconnect();
    this.#index?.terminate();
    this.#index = undefined;
    this.#drawn.clear();
    this.#map?.remove();
    this.#map = undefined;
    this.#popup = undefined;
    this.#fitted = false;
  }

  protected override firstUpdated(): void {
    this.#createMap();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const reloads = ['endpoint', 'edition', 'organisation', 'region', 'meals', 'targetGroups'] as const;
    if (reloads.some((key) => changed.has(key))) {
      this.#fitted = false;
      this.#reload();
    }
    if ((changed.has('endpoint') || changed.has('edition') || changed.has('live')) && this.hasUpdated) this.#subscribe();
    if (changed.has('tileUrl') || changed.has('attribution')) this.#setTiles();
    if ((changed.has('center') || changed.has('zoom')) && this.center) this.#applyView();
    if ((changed.has('lang') || changed.has('_timeZone')) && this.#popupContent && this._selected) this.#renderPopup();
  }

  // ————— the map —————

  #createMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container || this.#map) return;
    // A map built again (the element moved) starts as the first one did: tiles not failed yet.
    container.classList.remove('tiles-failed');
    const map = L.map(container, { zoomControl: true, minZoom: 2, maxZoom: 18, worldCopyJump: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
    this.#map = map;
    const outline = map.createPane('tafel-outline');
    outline.style.zIndex = '250';
    outline.style.pointerEvents = 'none';
    L.polygon(outlineRings().map((ring) => [ring]), { pane: 'tafel-outline', interactive: false, className: 'tafel-outline', smoothFactor: 1 },
    ).addTo(map);
    // The provinces' borders, thin lines on the land; shown only when tiles fail (the tiles have the real ones).
    L.polyline(provinceBorders(), { pane: 'tafel-outline', interactive: false, className: 'tafel-province', smoothFactor: 1 }).addTo(map);
    this.#markers = L.layerGroup().addTo(map);
    this.#index = new ClusterIndex();
    this.#setTiles();
    this.#applyView();
    map.on('moveend', () => void this.#draw());
    map.on('popupclose', (event: L.PopupEvent) => {
      if (event.popup !== this.#popup) return;
      this.#popup = undefined;
      this.#popupContent = undefined;
      this.#markSelected(null);
      if (this.#popupFrom === 'list' && this.#listHidden) {
        // On a phone the list made way for the popup: bring it back.
        this.#listHidden = false;
        this._listOpen = true;
      }
      if (this.#popupFrom === 'list' && this._listOpen) this.#focusListItem(this._active);
      this._selected = null;
    });
    this.#resize = new ResizeObserver(() => map.invalidateSize());
    this.#resize.observe(container);
    if (this._shown.length) void this.#indexShown();
  }

  #setTiles(): void {
    const map = this.#map;
    if (!map) return;
    this.#tiles?.remove();
    const custom = this.attribution?.trim();
    // The attribute is text: Leaflet would render an attribution string as HTML.
    const attribution = custom ? escapeHtml(custom) : this.tileUrl ? '' : DEFAULT_ATTRIBUTION;
    const tiles = L.tileLayer(this.tileUrl || DEFAULT_TILE_URL, { attribution, maxZoom: 19 });
    const container = map.getContainer();
    // Without tiles the outline and the province borders are the map: credit their data then.
    const failed = (yes: boolean) => {
      if (container.classList.contains('tiles-failed') === yes) return;
      container.classList.toggle('tiles-failed', yes);
      if (yes) map.attributionControl.addAttribution(OUTLINE_ATTRIBUTION);
      else map.attributionControl.removeAttribution(OUTLINE_ATTRIBUTION);
    };
    tiles.on('tileerror', () => failed(true));
    tiles.on('tileload', () => failed(false));
    this.#tiles = tiles.addTo(map);
  }

  #applyView(): void {
    const map = this.#map;
    if (!map) return;
    const center = parseCenter(this.center);
    if (center) {
      map.setView(center, Number.isFinite(this.zoom) ? this.zoom! : 12, { animate: false });
      this.#fitted = true;
    } else if (!this.#fitted) {
      map.setView(...FALLBACK_VIEW, { animate: false });
    }
  }

  #fitToShown(): void {
    const map = this.#map;
    if (!map || !this._shown.length) return;
    let [south, west, north, east] = [90, 180, -90, -180];
    for (const { coordinates: c } of this._shown) {
      if (c.lat < south) south = c.lat;
      if (c.lat > north) north = c.lat;
      if (c.lng < west) west = c.lng;
      if (c.lng > east) east = c.lng;
    }
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { padding: [24, 24], maxZoom: 14, animate: false },
    );
  }

  /** Build the cluster index for the shown venues, then draw. */
  async #indexShown(partial = false): Promise<void> {
    const index = this.#index;
    if (!index || !this.#map) return;
    const shown = this._shown;
    const coords = new Float64Array(shown.length * 2);
    const meals = new Uint8Array(shown.length);
    shown.forEach((venue, i) => {
      coords[2 * i] = venue.coordinates.lng;
      coords[2 * i + 1] = venue.coordinates.lat;
      meals[i] = Math.max(0, MEALS.indexOf(venue.meal));
    });
    for (const marker of this.#drawn.values()) marker.remove();
    this.#drawn.clear();
    this.#indexReady = index.load(coords, meals);
    await this.#indexReady;
    if (shown !== this._shown) return;
    if (!this.#fitted || this.#visitorFiltered) {
      this.#fitToShown();
      this.#fitted = !partial;
    }
    await this.#draw();
    if (!this.#loadEvent) {
      this.#loadEvent = true;
      const detail: TafelLoadDetail = { count: shown.length, offMainThread: index.offMainThread };
      this.dispatchEvent(new CustomEvent('tafel-load', { detail, bubbles: true, composed: true }));
    }
  }

  /** Draw the clusters and venues in view, reusing the markers that stay. */
  async #draw(): Promise<void> {
    const map = this.#map;
    const index = this.#index;
    if (!map || !index || !this.#markers) return;
    await this.#indexReady;
    const generation = ++this.#queryGeneration;
    const shown = this._shown;
    const bounds = map.getBounds().pad(0.1);
    const result: Clusters | null = await index.query({
      west: Math.max(-180, bounds.getWest()),
      south: Math.max(-85, bounds.getSouth()),
      east: Math.min(180, bounds.getEast()),
      north: Math.min(85, bounds.getNorth()),
      zoom: map.getZoom(),
    });
    if (generation !== this.#queryGeneration || shown !== this._shown || !this.#map) return;
    if (!result) return void this.#draw();
    const lang = this.#lang;
    const keep = new Set<string>();
    const fresh: number[] = [];
    for (let o = 0; o < result.length; o += STRIDE) {
      const key = markerKey(result, o);
      keep.add(key);
      if (!this.#drawn.has(key)) fresh.push(o);
    }
    // The markers that left the view go at once (so the map never holds more than one view's
    // worth); the new ones come in slices with a break between them, so a view of many hundreds
    // never holds the page for long. A newer view stops this one.
    for (const [key, marker] of this.#drawn) {
      if (!keep.has(key)) {
        this.#markers.removeLayer(marker);
        this.#drawn.delete(key);
      }
    }
    for (let start = 0; start < fresh.length; start += DRAW_SLICE) {
      if (start) {
        await new Promise((resolve) => setTimeout(resolve));
        if (generation !== this.#queryGeneration || shown !== this._shown || !this.#map) return;
      }
      for (const o of fresh.slice(start, start + DRAW_SLICE)) {
        const count = result[o + 2]!;
        const marker =
          count > 1 ? this.#clusterMarker(result, o, lang) : this.#venueMarker(shown[result[o + 3]!]!, [result[o + 1]!, result[o]!]);
        this.#markers.addLayer(marker);
        this.#drawn.set(markerKey(result, o), marker);
      }
    }
  }

  #venueMarker(venue: MapLocation, latlng: [number, number]): L.Marker {
    const pin = pinFor(venue.meal);
    pin.dataset['id'] = venue.id;
    if (venue.id === this._selected) pin.classList.add('selected');
    const marker = L.marker(latlng, {
      icon: L.divIcon({ html: pin, className: 'tafel-icon', iconSize: [28, 28] }),
      keyboard: false,
      title: venue.name,
      riseOnHover: true,
    });
    marker.on('click', () => this.#select(venue.id, 'map'));
    return marker;
  }

  #clusterMarker(result: Clusters, o: number, lang: Lang): L.Marker {
    const count = result[o + 2]!;
    const id = result[o + 3]!;
    const element = document.createElement('div');
    element.className = 'cluster';
    element.dataset['count'] = String(count);
    let share = 0;
    (['--b', '--l', '--d'] as const).forEach((name, k) => {
      share += result[o + 4 + k]!;
      element.style.setProperty(name, `${(share / count) * 100}%`);
    });
    const text = document.createElement('span');
    text.textContent = formatNumber(lang, count);
    element.append(text);
    const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
    const latlng: [number, number] = [result[o + 1]!, result[o]!];
    const marker = L.marker(latlng, {
      icon: L.divIcon({ html: element, className: 'tafel-icon', iconSize: [size, size] }),
      keyboard: false,
      title: t(lang, 'cluster', { n: formatNumber(lang, count) }),
    });
    marker.on('click', async () => {
      const zoom = await this.#index?.expansionZoom(id);
      this.#map?.setView(latlng, Math.min(zoom ?? this.#map.getZoom() + 2, 18));
    });
    return marker;
  }

  #markSelected(id: string | null): void {
    for (const pin of this.renderRoot.querySelectorAll('.pin.selected')) pin.classList.remove('selected');
    if (id) this.renderRoot.querySelector(`.pin[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  }

  // ————— data —————

  /** Load the preset set; `fresh` after a reconnect or a failure, past any cached answer. */
  async #reload(fresh = false): Promise<void> {
    if (!this.isConnected) return;
    clearTimeout(this.#retryTimer);
    this.#loads?.abort();
    if (!this.edition) return;
    const loads = new AbortController();
    this.#loads = loads;
    this._loading = true;
    try {
      // A large edition arrives in pages: draw the first at once, then the whole set.
      const early = (first: VenueSet) => {
        if (this.#visitorFiltered || this._shown.length) return;
        this._timeZone = first.timeZone;
        this.#show(first.venues, false, true);
      };
      const { venues, timeZone } = await fetchAllVenues(this.#endpoint, this.edition, this.#presetFilter, { signal: loads.signal, fresh, firstPage: early });
      if (loads.signal.aborted) return;
      this._timeZone = timeZone;
      this.#all = venues;
      this.#byId = new Map(venues.map((v) => [v.id, v]));
      this.#retries = 0;
      this._notice = '';
      if (this.#visitorFiltered) await this.#applyFilters(false, fresh);
      else this.#show(venues, false);
    } catch (error) {
      if (loads.signal.aborted) return;
      if (error instanceof GraphQLError && error.final) return this.#stop(error);
      // Keep whatever was shown; say so discreetly and try again later.
      this._notice = t(this.#lang, this._shown.length ? 'offline' : 'loadFailed');
      const delay = Math.min(30_000, 2000 * 2 ** this.#retries++);
      this.#retryTimer = setTimeout(() => void this.#reload(true), delay);
    } finally {
      if (this.#loads === loads) this._loading = false;
    }
  }

  /** The API refused what this map asks (an unknown edition): asking again would not help. */
  #stop(error: GraphQLError): void {
    this.#live?.close();
    this.#live = undefined;
    this.#loads?.abort();
    clearTimeout(this.#retryTimer);
    this._loading = false;
    this._notice = refusalText(this.#lang, error, this.edition);
  }

  /** Ask the API for exactly the venues of the current filters. */
  async #applyFilters(announce = true, fresh = false): Promise<void> {
    this.#loads?.abort();
    if (!this.#visitorFiltered || !this.edition) {
      this.#show(this.#all, announce);
      return;
    }
    const loads = new AbortController();
    this.#loads = loads;
    this._loading = true;
    try {
      const { venues, timeZone } = await fetchAllVenues(this.#endpoint, this.edition, this.#filter, { signal: loads.signal, fresh });
      if (loads.signal.aborted) return;
      this._timeZone = timeZone;
      this._notice = '';
      // One object per venue, so live updates reach list, popup and map alike.
      this.#show(
        venues.map((v) => {
          const known = this.#byId.get(v.id);
          if (known) return Object.assign(known, v);
          this.#byId.set(v.id, v);
          return v;
        }),
        announce,
      );
    } catch {
      if (!loads.signal.aborted) this._notice = t(this.#lang, 'offline');
    } finally {
      if (this.#loads === loads) this._loading = false;
    }
  }

  /** Show a set of venues; `partial` while the rest of a large set is still coming. */
  #show(venues: MapLocation[], announce: boolean, partial = false): void {
    this._shown = venues;
    this._listLimit = LIST_STEP;
    this._active = 0;
    this.#loadEvent = partial;
    if (partial) for (const venue of venues) this.#byId.set(venue.id, venue);
    if (announce) this.#announce(this.#countText(venues.length));
    void this.#indexShown(partial);
  }

  #subscribe(): void {
    this.#live?.close();
    this.#live = undefined;
    if (!this.live || !this.edition || !this.isConnected) return;
    this.#live = new LiveStream(this.#endpoint, ParticipationChanged, { edition: this.edition }, {
      data: ({ participationChanged: change }) => {
        const venue = this.#byId.get(change.location.id);
        if (!venue) return;
        venue.participants = change.location.participants;
        venue.capacity = change.location.capacity;
        if (venue.id === this._selected) this.#renderPopup();
        this.requestUpdate();
      },
      status: (online) => {
        this._notice = online ? '' : t(this.#lang, 'offline');
      },
      resumed: () => void this.#reload(true),
      failed: (error) => this.#stop(error),
    }) as LiveStream<unknown, unknown>;
  }

  // ————— choosing a venue —————

  #select(id: string, source: 'map' | 'list', focus = true): void {
    const venue = this.#byId.get(id);
    const map = this.#map;
    if (!venue || !map) return;
    this._selected = id;
    this.#popupFrom = source;
    const latlng: [number, number] = [venue.coordinates.lat, venue.coordinates.lng];
    if (source === 'list') {
      // On a phone the open list covers the map: make way for the popup until it closes.
      const list = this.renderRoot.querySelector('.list');
      if (this._listOpen && list && getComputedStyle(list).position === 'absolute') {
        this.#listHidden = true;
        this._listOpen = false;
      }
      map.setView(latlng, Math.max(map.getZoom(), SELECT_ZOOM), { animate: false });
    }
    this.#popupContent = document.createElement('div');
    // Leaflet closes popups on Escape only while the map itself has focus; focus may be inside.
    this.#popupContent.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') map.closePopup();
    });
    this.#renderPopup();
    const popup = L.popup({ maxWidth: 300, minWidth: 200, autoPanPadding: [16, 16], className: 'tafel-popup' })
      .setLatLng(latlng)
      .setContent(this.#popupContent);
    map.closePopup();
    this.#popup = popup;
    popup.openOn(map);
    this.#markSelected(id);
    const position = this.#sorted().indexOf(venue);
    if (position >= 0) {
      if (position >= this._listLimit) this._listLimit = Math.ceil((position + 1) / LIST_STEP) * LIST_STEP;
      this._active = position;
      if (source === 'map' && this._listOpen) {
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }),
        );
      }
    }
    this.#announce(t(this.#lang, 'selected', { name: venue.name }));
    if (source === 'list' && focus) this.#popupContent.querySelector<HTMLElement>('h3')?.focus();
    const detail: TafelLocationSelectDetail = { id, location: venue, source };
    this.dispatchEvent(new CustomEvent('tafel-location-select', { detail, bubbles: true, composed: true }));
  }

  #renderPopup(): void {
    const venue = this._selected ? this.#byId.get(this._selected) : undefined;
    if (!venue || !this.#popupContent) return;
    const lang = this.#lang;
    const url = safeHttpUrl(venue.registrationUrl);
    const times = formatTimes(lang, venue.startsAt, venue.endsAt, this._timeZone);
    const place = [venue.address?.postalCode, venue.address?.city].filter(Boolean).join(' ');
    render(
      html`<article part="popup" class="popup" data-id=${venue.id}>
        <h3 tabindex="-1">${venue.name}</h3>
        <p class="org">${venue.organisation.name}</p>
        ${place ? html`<p class="place">${place}</p>` : nothing}
        <p class="meal meal-${venue.meal.toLowerCase()}">
          <span class="dot" aria-hidden="true"></span>${label(venue.meal, lang)}${times ? html` · ${times}` : nothing}
        </p>
        <p class="count" data-participants=${venue.participants} data-capacity=${venue.capacity ?? ''}>
          ${this.#participantsText(venue, lang)}
        </p>
        ${venue.targetGroups.length
          ? html`<p class="groups">${t(lang, 'targetGroups')}: ${venue.targetGroups.map((g) => label(g, lang)).join(', ')}</p>`
          : nothing}
        ${venue.languages.length
          ? html`<p class="languages">${t(lang, 'languages')}: ${languageNames(lang, venue.languages)}</p>`
          : nothing}
        ${venue.wheelchairAccessible === null
          ? nothing
          : html`<p class="wheelchair">${t(lang, venue.wheelchairAccessible ? 'wheelchair' : 'notWheelchair')}</p>`}
        ${venue.locationPrecision === 'APPROXIMATE' ? html`<p class="approximate">${t(lang, 'approximate')}</p>` : nothing}
        ${url
          ? html`<a part="register" class="register" href=${url} target="_blank" rel="noopener noreferrer">${t(lang, 'register')}</a>`
          : nothing}
      </article>`,
      this.#popupContent,
    );
    this.#popup?.update();
  }

  #participantsText(venue: MapLocation, lang: Lang): string {
    const n = formatNumber(lang, venue.participants);
    return venue.capacity != null
      ? t(lang, 'participantsOf', { n, cap: formatNumber(lang, venue.capacity) })
      : t(lang, 'participantsOnly', { n });
  }

  #announce(text: string): void {
    // Re-announce the same words: clear first, then set on the next frame.
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
  }

  #countText(n: number): string {
    return n === 1 ? t(this.#lang, 'venue') : t(this.#lang, 'venues', { n: formatNumber(this.#lang, n) });
  }

  // ————— filters —————

  #onSearch(event: Event): void {
    this._search = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#applyFilters(), SEARCH_DELAY);
  }

  #onSelect(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    if (select.name === 'meal') this._meal = value as Meal | '';
    else if (select.name === 'targetGroup') this._targetGroup = value as TargetGroup | '';
    else this._region = value;
    void this.#applyFilters();
  }

  #nearMe(): void {
    const lang = this.#lang;
    if (!navigator.geolocation) return this.#announce(t(lang, 'nearMeFailed'));
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const map = this.#map;
        if (!map) return;
        const here = { lat: coords.latitude, lng: coords.longitude };
        this.#near = here;
        this.#you?.remove();
        this.#you = L.circleMarker([here.lat, here.lng], { radius: 7, className: 'tafel-you', interactive: false }).addTo(map);
        map.setView([here.lat, here.lng], Math.max(map.getZoom(), 11));
        this._active = 0;
        this.requestUpdate();
        const nearest = this.#sorted()[0];
        this.#announce(nearest ? `${t(lang, 'nearMe')}: ${nearest.name}` : t(lang, 'noVenues'));
      },
      () => this.#announce(t(lang, 'nearMeFailed')),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  // ————— the list —————

  /** The shown venues in list order: by distance after "near me", else by name. */
  #sorted(): MapLocation[] {
    const lang = this.#lang;
    const cache = this.#sortedCache;
    if (cache && cache.source === this._shown && cache.near === this.#near && cache.lang === lang) return cache.sorted;
    const near = this.#near;
    let sorted: MapLocation[];
    if (near) {
      const distance = new Map(this._shown.map((v) => [v, distanceKm(near, v.coordinates)]));
      sorted = [...this._shown].sort((a, b) => distance.get(a)! - distance.get(b)!);
    } else {
      const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
      sorted = [...this._shown].sort((a, b) => collator.compare(a.name, b.name));
    }
    this.#sortedCache = { source: this._shown, near, lang, sorted };
    return sorted;
  }

  #toggleList(): void {
    this._listOpen = !this._listOpen;
    if (this._listOpen) this.#announce(this.#countText(this._shown.length));
    void this.updateComplete.then(() => this.#map?.invalidateSize());
  }

  #focusListItem(position: number): void {
    this._active = position;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`.list li:nth-child(${position + 1}) button`)?.focus(),
    );
  }

  #onListKey(event: KeyboardEvent): void {
    const count = Math.min(this._listLimit, this._shown.length);
    const moves: Record<string, number> = {
      ArrowDown: this._active + 1,
      ArrowUp: this._active - 1,
      Home: 0,
      End: count - 1,
      PageDown: this._active + 10,
      PageUp: this._active - 10,
    };
    const next = moves[event.key];
    if (next === undefined || !count) return;
    event.preventDefault();
    this.#focusListItem(Math.max(0, Math.min(count - 1, next)));
  }

  // ————— rendering —————

  protected override render(): TemplateResult {
    const lang = this.#lang;
    const presetMeals = parseMeals(this.meals);
    const meals = presetMeals.length ? presetMeals : MEALS;
    const presetGroups = parseTargetGroups(this.targetGroups);
    const groups = presetGroups.length ? presetGroups : TARGET_GROUPS;
    const sorted = this._listOpen ? this.#sorted() : [];
    const items = sorted.slice(0, this._listLimit);
    const option = (value: string, current: string) =>
      html`<option value=${value} ?selected=${value === current}>${label(value, lang)}</option>`;
    return html`<div class="box">
      <div part="base" class="base" lang=${lang}>
        <form part="filters" class="filters" role="search" aria-label=${t(lang, 'filters')} @submit=${(e: Event) => e.preventDefault()}>
          <input
            part="search"
            type="search"
            name="search"
            .value=${this._search}
            placeholder=${t(lang, 'search')}
            aria-label=${t(lang, 'search')}
            autocomplete="off"
            @input=${this.#onSearch}
          />
          ${meals.length > 1
            ? html`<select part="select" name="meal" aria-label=${t(lang, 'meal')} @change=${this.#onSelect}>
                <option value="" ?selected=${!this._meal}>${t(lang, 'allMeals')}</option>
                ${meals.map((m) => option(m, this._meal))}
              </select>`
            : nothing}
          ${groups.length > 1
            ? html`<select part="select" name="targetGroup" aria-label=${t(lang, 'targetGroup')} @change=${this.#onSelect}>
                <option value="" ?selected=${!this._targetGroup}>${t(lang, 'allTargetGroups')}</option>
                ${groups.map((g) => option(g, this._targetGroup))}
              </select>`
            : nothing}
          ${this.region
            ? nothing
            : html`<select part="select" name="region" aria-label=${t(lang, 'region')} @change=${this.#onSelect}>
                <option value="" ?selected=${!this._region}>${t(lang, 'allRegions')}</option>
                ${REGION_CODES.map((r) => option(r, this._region))}
              </select>`}
          <button part="button near-me" type="button" @click=${this.#nearMe}>${t(lang, 'nearMe')}</button>
          <button
            part="button list-toggle"
            type="button"
            aria-expanded=${this._listOpen ? 'true' : 'false'}
            aria-controls="list"
            @click=${this.#toggleList}
          >
            ${t(lang, 'showList')} (${formatNumber(lang, this._shown.length)})
          </button>
        </form>
        <div class="body">
          <section part="list" id="list" class="list" aria-label=${t(lang, 'listLabel')} ?hidden=${!this._listOpen}>
            <p class="count">
              ${this._loading && !this._shown.length
                ? t(lang, 'loading')
                : this._shown.length
                  ? this.#countText(this._shown.length)
                  : t(lang, 'noVenues')}
            </p>
            <ul @keydown=${this.#onListKey}>
              ${items.map(
                (venue, i) => html`<li>
                  <button
                    part="list-item"
                    type="button"
                    data-id=${venue.id}
                    tabindex=${i === this._active ? 0 : -1}
                    aria-current=${venue.id === this._selected ? 'true' : 'false'}
                    @click=${() => this.#select(venue.id, 'list')}
                    @focus=${() => (this._active = i)}
                  >
                    <span class="name">${venue.name}</span>
                    <span class="meta">${[venue.organisation.name, venue.address?.city].filter(Boolean).join(' · ')}</span>
                    <span class="meta"
                      >${label(venue.meal, lang)} ${formatTimes(lang, venue.startsAt, venue.endsAt, this._timeZone)} ·
                      ${this.#participantsText(venue, lang)}</span
                    >
                  </button>
                </li>`,
              )}
            </ul>
            ${sorted.length > items.length
              ? html`<p class="sr-only">${t(lang, 'showing', { shown: items.length, n: sorted.length })}</p>
                  <button part="button" class="more" type="button" @click=${() => (this._listLimit += LIST_STEP)}>
                    ${t(lang, 'showMore')}
                  </button>`
              : nothing}
          </section>
          <div part="map" class="map" role="region" aria-label=${t(lang, 'mapLabel')}></div>
        </div>
        <p part="notice" class="notice" ?hidden=${!this._notice}>${this._notice}</p>
        <div class="sr-only" role="status" aria-live="polite">${this._announcement}</div>
      </div>
    </div>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
