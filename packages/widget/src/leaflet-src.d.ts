/** Types for the Leaflet ES source modules that `lib/leaflet.ts` imports: those of `leaflet`. */
declare module 'leaflet/src/map/Map' {
  export { Map, map as createMap } from 'leaflet';
}
declare module 'leaflet/src/layer/LayerGroup' {
  export { LayerGroup } from 'leaflet';
}
declare module 'leaflet/src/layer/Popup' {
  export { popup } from 'leaflet';
}
declare module 'leaflet/src/layer/marker/Marker' {
  export { marker } from 'leaflet';
}
declare module 'leaflet/src/layer/marker/DivIcon' {
  export { divIcon } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/TileLayer' {
  export { tileLayer } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polygon' {
  export { polygon } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polyline' {
  export { polyline } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/CircleMarker' {
  export { circleMarker } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/SVG' {
  export { svg } from 'leaflet';
}
declare module 'leaflet/src/*';
