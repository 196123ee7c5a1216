// Leaflet's own CSS, inside the shadow root: the page's CSS cannot break the map, nor the map the page.
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { css, unsafeCSS } from 'lit';
import { base } from './styles/base.ts';
import { controls } from './styles/controls.ts';
import { layout } from './styles/layout.ts';
import { legend } from './styles/legend.ts';
import { list } from './styles/list.ts';
import { markers } from './styles/markers.ts';
import { media } from './styles/media.ts';
import { popup } from './styles/popup.ts';

/**
 * Words and numbers inherit from the page unless reset, and a page rule such as `* { … }` beats
 * any :host rule: so the reset sits on the inner frame (`.base`), which the page cannot reach.
 */
export const hostReset = css`
  :host {
    box-sizing: border-box;
  }
  .base {
    color: var(--tafel-text-color, #1d2731);
    font-family: var(--tafel-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--tafel-font-size, 14px);
    font-style: normal;
    font-weight: 400;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    visibility: visible;
    cursor: auto;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

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
