/**
 * The map under the venues: Leaflet with the countries' outline and, for an edition in the
 * Netherlands, its provinces' borders beneath the tiles, which are what remains when no tile can
 * load.
 */
import * as L from './leaflet.ts';
import { outlineRings, provinceBorders } from './outline.ts';

/** A Leaflet map in `container`, with the outline drawn. */
export function createBaseMap(container: HTMLElement): L.Map {
  // A map built again (the element moved) starts as the first one did: tiles not failed yet.
  container.classList.remove('tiles-failed');
  // A visitor who asked for less motion gets none: no animated zoom, fade, glide or pan.
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(container, {
    zoomControl: true,
    minZoom: 2,
    maxZoom: 18,
    worldCopyJump: true,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    inertia: !still,
  });
  if (still) {
    // Leaflet pans with an animation unless told otherwise (keyboard, a popup's autopan, setView).
    const panBy = map.panBy;
    map.panBy = (offset, options) => panBy.call(map, offset, { ...options, animate: false });
  }
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>',
  );
  const outline = map.createPane('tafel-outline');
  outline.style.zIndex = '250';
  outline.style.pointerEvents = 'none';
  L.polygon(
    outlineRings().map((ring) => [ring]),
    { pane: 'tafel-outline', interactive: false, className: 'tafel-outline', smoothFactor: 1 },
  ).addTo(map);
  return map;
}

/**
 * The borders between a country's regions, thin lines on the land (shown only when tiles fail:
 * the tiles have the real ones); none for a country whose borders the widget does not carry.
 * Only the Dutch provinces' are derived (see `scripts/provinces-plugin.ts`): no other country's
 * are drawn, and never the Dutch provinces on another country's edition.
 */
export function regionBorders(country: string | null): L.Polyline | null {
  if (country !== 'NL') return null;
  return L.polyline(provinceBorders(), {
    pane: 'tafel-outline',
    interactive: false,
    className: 'tafel-province',
    smoothFactor: 1,
  });
}

/**
 * Tiles from `url` on `map`. While they fail, the map container has the class `tiles-failed`
 * (the outline and the province borders are the map then) and credits the outline's data.
 */
export function addTiles(
  map: L.Map,
  url: string,
  attribution: string,
  outlineAttribution: string,
): L.TileLayer {
  const tiles = L.tileLayer(url, { attribution, maxZoom: 19 });
  const container = map.getContainer();
  const failed = (yes: boolean) => {
    if (container.classList.contains('tiles-failed') === yes) return;
    container.classList.toggle('tiles-failed', yes);
    if (yes) map.attributionControl.addAttribution(outlineAttribution);
    else map.attributionControl.removeAttribution(outlineAttribution);
  };
  tiles.on('tileerror', () => failed(true));
  tiles.on('tileload', () => failed(false));
  return tiles.addTo(map);
}

/** Text for Leaflet's attribution, which it renders as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
