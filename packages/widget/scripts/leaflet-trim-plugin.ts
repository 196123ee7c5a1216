/**
 * Three of Leaflet's modules that the embed never runs, replaced by what their importers need:
 * VML (Internet Explorer 8's vector graphics: SVG.js uses it only when `Browser.vml`), marker
 * dragging (the widget's markers are never draggable; Marker.js skips it when absent) and the
 * default marker icon, which finds its image's path in Leaflet's CSS (every marker the widget
 * makes has a DOM icon of its own). About 1 KB gzip of the partner's page weight.
 * Only the embed's builds use it: the portal's map drags a venue's pin.
 */
import type { Plugin } from 'vite';

const STUBS: [RegExp, string][] = [
  [/leaflet\/src\/layer\/vector\/SVG\.VML\.js$/, 'export var vmlCreate; export var vmlMixin = {};'],
  [/leaflet\/src\/layer\/marker\/Marker\.Drag\.js$/, 'export var MarkerDrag;'],
  [
    /leaflet\/src\/layer\/marker\/Icon\.Default\.js$/,
    "export { Icon as IconDefault } from './Icon';",
  ],
];

export function leafletTrim(): Plugin {
  return {
    name: 'tafel-leaflet-trim',
    enforce: 'pre',
    load(id) {
      return STUBS.find(([pattern]) => pattern.test(id))?.[1];
    },
  };
}
