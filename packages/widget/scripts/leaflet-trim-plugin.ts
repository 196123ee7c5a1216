/**
 * Leaflet's modules that our maps never run, replaced by what their importers need: VML (Internet
 * Explorer 8's vector graphics: SVG.js uses it only when `Browser.vml`), the default marker icon,
 * which finds its image's path in Leaflet's CSS (every marker we make has a DOM icon of its own),
 * and — for the embed, whose markers are never draggable — marker dragging (Marker.js skips it
 * when absent). About 1 KB gzip of a partner's page weight; the portal keeps dragging (its place
 * picker's pin) and drops the rest.
 */
import type { Plugin } from 'vite';

const VML: [RegExp, string] = [
  /leaflet\/src\/layer\/vector\/SVG\.VML\.js$/,
  'export var vmlCreate; export var vmlMixin = {};',
];
const DEFAULT_ICON: [RegExp, string] = [
  /leaflet\/src\/layer\/marker\/Icon\.Default\.js$/,
  "export { Icon as IconDefault } from './Icon';",
];
const DRAG: [RegExp, string] = [
  /leaflet\/src\/layer\/marker\/Marker\.Drag\.js$/,
  'export var MarkerDrag;',
];

export function leafletTrim(options: { dragging?: boolean } = {}): Plugin {
  const stubs = options.dragging ? [VML, DEFAULT_ICON] : [VML, DEFAULT_ICON, DRAG];
  return {
    name: 'tafel-leaflet-trim',
    enforce: 'pre',
    load(id) {
      return stubs.find(([pattern]) => pattern.test(id))?.[1];
    },
  };
}
