/**
 * The venues on the map as one Leaflet layer: a cluster index (in a worker where the page allows
 * it) and the markers of the clusters and venues in view, redrawn as the map moves.
 */

import { type Lang, type MapLocation, MEALS, type Meal } from '@tafel/schema';
import { render, svg, type TemplateResult } from 'lit';
import { ClusterIndex, type Clusters, STRIDE } from './cluster.ts';
import { formatNumber, t } from './i18n.ts';
import * as L from './leaflet.ts';

/** Markers added to the map in one go before the page gets a turn. */
const DRAW_SLICE = 40;

/** Each meal's glyph on its marker (and in the legend): cup, sun, moon, fork. */
export const GLYPHS: Record<Meal, TemplateResult> = {
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

export interface VenueLayerOptions {
  /** The language of the clusters' titles and counts. */
  lang(): Lang;
  /** The venue whose popup is open, if any: its pin is marked. */
  selected(): string | null;
  /** A venue's marker was clicked. */
  select(id: string): void;
}

export class VenueLayer extends L.LayerGroup {
  #options: VenueLayerOptions;
  #index = new ClusterIndex();
  #indexReady: Promise<void> = Promise.resolve();
  #venues: MapLocation[] = [];
  #drawn = new Map<string, L.Marker>();
  #queryGeneration = 0;

  constructor(options: VenueLayerOptions) {
    super();
    this.#options = options;
  }

  /** Whether clustering runs in a worker (not where the page's CSP forbids blob: workers). */
  get offMainThread(): boolean {
    return this.#index.offMainThread;
  }

  // One function, so that Leaflet can take it off the map again with the layer.
  #redraw = (): void => void this.draw();

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return { moveend: this.#redraw };
  }

  override onRemove(map: L.Map): this {
    super.onRemove(map);
    this.#index.terminate();
    this.#drawn.clear();
    return this;
  }

  /** Index these venues in place of the last; false when newer venues came meanwhile. */
  async load(venues: MapLocation[]): Promise<boolean> {
    this.#venues = venues;
    const coords = new Float64Array(venues.length * 2);
    const meals = new Uint8Array(venues.length);
    venues.forEach((venue, i) => {
      coords[2 * i] = venue.coordinates.lng;
      coords[2 * i + 1] = venue.coordinates.lat;
      meals[i] = Math.max(0, MEALS.indexOf(venue.meal));
    });
    for (const marker of this.#drawn.values()) marker.remove();
    this.#drawn.clear();
    this.#indexReady = this.#index.load(coords, meals);
    await this.#indexReady;
    return venues === this.#venues;
  }

  /** Draw the clusters and venues in view, reusing the markers that stay. */
  async draw(): Promise<void> {
    const map = this._map as L.Map | null;
    if (!map) return;
    await this.#indexReady;
    const generation = ++this.#queryGeneration;
    const shown = this.#venues;
    const bounds = map.getBounds().pad(0.1);
    const result: Clusters | null = await this.#index.query({
      west: Math.max(-180, bounds.getWest()),
      south: Math.max(-85, bounds.getSouth()),
      east: Math.min(180, bounds.getEast()),
      north: Math.min(85, bounds.getNorth()),
      zoom: map.getZoom(),
    });
    const current = () =>
      generation === this.#queryGeneration && shown === this.#venues && Boolean(this._map);
    if (!current()) return;
    if (!result) return void this.draw();
    const lang = this.#options.lang();
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
        this.removeLayer(marker);
        this.#drawn.delete(key);
      }
    }
    for (let start = 0; start < fresh.length; start += DRAW_SLICE) {
      if (start) {
        await new Promise((resolve) => setTimeout(resolve));
        if (!current()) return;
      }
      for (const o of fresh.slice(start, start + DRAW_SLICE)) {
        const count = result[o + 2]!;
        const marker =
          count > 1
            ? this.#clusterMarker(result, o, lang)
            : this.#venueMarker(shown[result[o + 3]!]!, [result[o + 1]!, result[o]!]);
        this.addLayer(marker);
        this.#drawn.set(markerKey(result, o), marker);
      }
    }
  }

  /** Mark the pin of the venue whose popup is open (none for null). */
  markSelected(id: string | null): void {
    const container = (this._map as L.Map | null)?.getContainer();
    if (!container) return;
    for (const pin of container.querySelectorAll('.pin.selected')) pin.classList.remove('selected');
    if (id) container.querySelector(`.pin[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  }

  #venueMarker(venue: MapLocation, latlng: [number, number]): L.Marker {
    const pin = pinFor(venue.meal);
    pin.dataset['id'] = venue.id;
    if (venue.id === this.#options.selected()) pin.classList.add('selected');
    const marker = L.marker(latlng, {
      icon: L.divIcon({ html: pin, className: 'tafel-icon', iconSize: [28, 28] }),
      keyboard: false,
      title: venue.name,
      riseOnHover: true,
    });
    marker.on('click', () => this.#options.select(venue.id));
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
      const zoom = await this.#index.expansionZoom(id);
      const map = this._map as L.Map | null;
      map?.setView(latlng, Math.min(zoom ?? map.getZoom() + 2, 18));
    });
    return marker;
  }
}
