// Leaflet's own CSS, inside the shadow root: the page's CSS cannot break the map, nor the map the page.
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { unsafeCSS } from 'lit';
import { base } from './styles/base.ts';
import { controls } from './styles/controls.ts';
import { layout } from './styles/layout.ts';
import { legend } from './styles/legend.ts';
import { list } from './styles/list.ts';
import { markers } from './styles/markers.ts';
import { media } from './styles/media.ts';
import { popup } from './styles/popup.ts';
import { hostReset } from './styles/reset.ts';

export { hostReset } from './styles/reset.ts';

/**
 * The map's styles. Comments stay out of the CSS text, which ships as it is written:
 * - the dark scheme sets the same internal properties from the same public ones, so a partner's
 *   value holds in both schemes; Leaflet's white popups, controls and credits follow the theme;
 * - the legend lies over map and list alike, so it serves the list view too;
 * - in forced colours (Windows high contrast) markers and clusters are drawn in the system's
 *   colours with a rim, told apart by glyph, never by colour alone.
 */
export default [
  unsafeCSS(leafletCss),
  hostReset,
  base,
  controls,
  layout,
  list,
  markers,
  popup,
  legend,
  media,
];
