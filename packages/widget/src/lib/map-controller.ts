/**
 * The Leaflet map of `<tafel-map>` as a Lit reactive controller: the base map, its tiles, the
 * venue layer, the popup, the visitor's position, and a ResizeObserver that keeps Leaflet's size
 * right. Built when the element has rendered its container; removed when the element leaves the page.
 */

import type { MapLocation } from '@tafel/schema';
import type { LitElement, ReactiveController } from 'lit';
import { addTiles, createBaseMap, regionBorders } from './basemap.ts';
import * as L from './leaflet.ts';
import { VenueLayer, type VenueLayerOptions } from './venue-layer.ts';

/** The Netherlands, until the venues are in. */
const FALLBACK_VIEW: [[number, number], number] = [[52.2, 5.4], 7];

export interface TileSource {
  url: string;
  /** HTML, as Leaflet renders it: escape what a page gives. */
  attribution: string;
  /** What to credit while no tile can load and the outline is the map. */
  outlineAttribution: string;
}

export interface MapView {
  center: [number, number] | null;
  zoom: number | undefined;
}

export interface MapControllerOptions extends VenueLayerOptions {
  /** The element the map goes into, once rendered. */
  container(): HTMLElement | null;
  /** Null while the tiles are not known yet: none are asked for until they are. */
  tiles(): TileSource | null;
  view(): MapView;
  /** The edition's country, once known: the outline draws its regions' borders. */
  country(): string | null;
  /** The map was built (again): draw what is loaded. */
  created(): void;
  /** The popup this controller opened was closed (by the visitor); not when another venue's takes its place. */
  popupClosed(): void;
}

export class MapController implements ReactiveController {
  #host: LitElement;
  #options: MapControllerOptions;
  #map: L.Map | undefined;
  #tiles: { layer: L.TileLayer; source: TileSource } | undefined;
  #venues: VenueLayer | undefined;
  #popup: L.Popup | undefined;
  #you: L.CircleMarker | undefined;
  #borders: { country: string | null; layer: L.Polyline | null } | undefined;
  #resize: ResizeObserver | undefined;
  #fitted = false;

  constructor(host: LitElement, options: MapControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get map(): L.Map | undefined {
    return this.#map;
  }

  /** Whether the view was set (by `center` or by fitting the venues): new venues then keep it. */
  get fitted(): boolean {
    return this.#fitted;
  }

  set fitted(value: boolean) {
    this.#fitted = value;
  }

  /** Whether clustering runs in a worker. */
  get offMainThread(): boolean {
    return this.#venues?.offMainThread ?? false;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#create();
  }

  /** The first render made the container: build the map in it. */
  hostUpdated(): void {
    if (this.#host.isConnected) this.#create();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#map?.remove();
    this.#map = undefined;
    this.#tiles = undefined;
    this.#venues = undefined;
    this.#popup = undefined;
    this.#borders = undefined;
    this.#fitted = false;
  }

  #create(): void {
    if (this.#map) return;
    const container = this.#options.container();
    if (!container) return;
    const map = createBaseMap(container);
    this.#map = map;
    this.#venues = new VenueLayer(this.#options);
    this.setTiles(this.#options.tiles());
    this.setCountry(this.#options.country());
    this.applyView(this.#options.view());
    this.#venues.addTo(map);
    map.on('popupclose', (event: L.PopupEvent) => {
      if (event.popup !== this.#popup) return;
      this.#popup = undefined;
      this.#venues?.markSelected(null);
      this.#options.popupClosed();
    });
    this.#resize = new ResizeObserver(() => map.invalidateSize());
    this.#resize.observe(container);
    this.#options.created();
  }

  /** Show these tiles in place of any others; nothing when they are the same, or not known yet. */
  setTiles(source: TileSource | null): void {
    const map = this.#map;
    const shown = this.#tiles?.source;
    if (!map || !source || (source.url === shown?.url && source.attribution === shown.attribution))
      return;
    this.#tiles?.layer.remove();
    const layer = addTiles(map, source.url, source.attribution, source.outlineAttribution);
    this.#tiles = { layer, source };
  }

  /** Draw the borders of `country`'s regions (where the widget has them) in place of any others. */
  setCountry(country: string | null): void {
    const map = this.#map;
    if (!map || this.#borders?.country === country) return;
    this.#borders?.layer?.remove();
    const layer = regionBorders(country);
    layer?.addTo(map);
    this.#borders = { country, layer };
  }

  /** Show `center` (at `zoom`, else 12); without one, the whole country until venues are fitted. */
  applyView({ center, zoom }: MapView): void {
    const map = this.#map;
    if (!map) return;
    if (center) {
      map.setView(center, Number.isFinite(zoom) ? zoom! : 12, { animate: false });
      this.#fitted = true;
    } else if (!this.#fitted) {
      map.setView(...FALLBACK_VIEW, { animate: false });
    }
  }

  /** Index `venues` for drawing; false without a map. */
  async load(venues: MapLocation[]): Promise<boolean> {
    const layer = this.#venues;
    if (!layer || !this.#map) return false;
    await layer.load(venues);
    return true;
  }

  /** Draw the venues in view. */
  async draw(): Promise<void> {
    await this.#venues?.draw();
  }

  /** Fit the view to `venues`. */
  fit(venues: MapLocation[]): void {
    const map = this.#map;
    if (!map || !venues.length) return;
    let [south, west, north, east] = [90, 180, -90, -180];
    for (const { coordinates: c } of venues) {
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

  /** Open a popup with `content` at `latlng`, in place of the one open. */
  openPopup(latlng: [number, number], content: HTMLElement): void {
    const map = this.#map;
    if (!map) return;
    const popup = L.popup({
      maxWidth: 300,
      minWidth: 200,
      autoPanPadding: [16, 16],
      className: 'tafel-popup',
    })
      .setLatLng(latlng)
      .setContent(content);
    // Another venue's popup giving way is no closing: the venue stays chosen, the list stays put.
    this.#popup = undefined;
    map.closePopup();
    this.#popup = popup;
    popup.openOn(map);
  }

  /** The open popup's content changed: let Leaflet size it again. */
  updatePopup(): void {
    this.#popup?.update();
  }

  markSelected(id: string | null): void {
    this.#venues?.markSelected(id);
  }

  /** Mark where the visitor is and go there. */
  showVisitor(here: { lat: number; lng: number }): void {
    const map = this.#map;
    if (!map) return;
    this.#you?.remove();
    this.#you = L.circleMarker([here.lat, here.lng], {
      radius: 7,
      className: 'tafel-you',
      interactive: false,
    }).addTo(map);
    map.setView([here.lat, here.lng], Math.max(map.getZoom(), 11));
  }
}
