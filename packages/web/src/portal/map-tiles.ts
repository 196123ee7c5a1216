/** The portal maps' tiles: OpenStreetMap's standard tiles, as the public map's default. */
import type { Map as LeafletMap } from '../../../widget/src/lib/leaflet.ts';
import { tileLayer } from '../../../widget/src/lib/leaflet.ts';

export function addTiles(map: LeafletMap): void {
  tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '© OpenStreetMap',
  }).addTo(map);
}
