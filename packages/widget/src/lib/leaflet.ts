/**
 * The parts of Leaflet the widget uses, taken from Leaflet's ES sources so that the rest
 * (GeoJSON, Canvas, image and video overlays, tooltips, the layer switcher, WMS, other
 * projections) stays out of partners' pages. Importing a handler or control module registers it.
 */
import 'leaflet/src/map/handler/Map.DoubleClickZoom';
import 'leaflet/src/map/handler/Map.Drag';
import 'leaflet/src/map/handler/Map.Keyboard';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import 'leaflet/src/map/handler/Map.TapHold';
import 'leaflet/src/map/handler/Map.TouchZoom';
import 'leaflet/src/control/Control.Zoom';
import 'leaflet/src/control/Control.Attribution';
import type * as L from 'leaflet';
import { svg } from 'leaflet/src/layer/vector/SVG';
import { Map as LeafletMap } from 'leaflet/src/map/Map';

export type {
  CircleMarker,
  LeafletEventHandlerFn,
  Map,
  Marker,
  Polyline,
  Popup,
  PopupEvent,
  TileLayer,
} from 'leaflet';
export { LayerGroup } from 'leaflet/src/layer/LayerGroup';
export { divIcon } from 'leaflet/src/layer/marker/DivIcon';
export { marker } from 'leaflet/src/layer/marker/Marker';
export { popup } from 'leaflet/src/layer/Popup';
export { tileLayer } from 'leaflet/src/layer/tile/TileLayer';
export { circleMarker } from 'leaflet/src/layer/vector/CircleMarker';
export { polygon } from 'leaflet/src/layer/vector/Polygon';
export { polyline } from 'leaflet/src/layer/vector/Polyline';
export { createMap as map } from 'leaflet/src/map/Map';

/** The private members of Leaflet's Map that these methods read and write. */
type MapInternals = L.Map & {
  _animatingZoom?: boolean;
  _renderer?: L.Renderer;
  _paneRenderers: Record<string, L.Renderer>;
  _getPaneRenderer(name: string | undefined): L.Renderer | false;
};

const removeMap = LeafletMap.prototype.remove;

(LeafletMap as unknown as { include(methods: object): void }).include({
  /**
   * Leaflet 1.9 ends a zoom animation on a 250 ms timer that reads the map pane, which `remove()`
   * has deleted by then: a map taken away mid-zoom (a view switched, a dialog closed) throws
   * "reading '_leaflet_pos'" into the page (Leaflet issue 9575). A removed map needs no final view:
   * mark the animation over so the timer does nothing.
   */
  remove(this: MapInternals) {
    this._animatingZoom = false;
    return removeMap.call(this);
  },
  /**
   * Leaflet's `Renderer.getRenderer` with SVG only: the original also pulls in the Canvas renderer,
   * which the widget never uses (its markers are DOM elements, its paths a few SVG shapes).
   */
  getRenderer(this: MapInternals, layer: L.Path) {
    let renderer =
      layer.options.renderer ||
      this._getPaneRenderer(layer.options.pane) ||
      this.options.renderer ||
      this._renderer;
    if (!renderer) {
      renderer = svg();
      this._renderer = renderer;
    }
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
  _getPaneRenderer(this: MapInternals, name: string | undefined) {
    if (name === 'overlayPane' || name === undefined) return false;
    let renderer = this._paneRenderers[name];
    if (renderer === undefined) {
      renderer = svg({ pane: name });
      this._paneRenderers[name] = renderer;
    }
    return renderer;
  },
});
