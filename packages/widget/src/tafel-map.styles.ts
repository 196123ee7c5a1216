// Leaflet's own CSS, inside the shadow root: the page's CSS cannot break the map, nor the map the page.
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { css, unsafeCSS } from 'lit';

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
  css`
    :host {
      display: block;
      position: relative;
      height: var(--tafel-map-height, 480px);
      min-height: 240px;
      contain: layout;
      --_accent: var(--tafel-accent, #b4451f);
      --_breakfast: var(--tafel-breakfast-color, #d98c1f);
      --_lunch: var(--tafel-lunch-color, #2f8a57);
      --_dinner: var(--tafel-dinner-color, #3552a0);
      --_other: var(--tafel-other-color, #7d5bb5);
      --_radius: var(--tafel-radius, 6px);
      --_surface: var(--tafel-background, #ffffff);
      --_text: var(--tafel-text-color, #1d2731);
      --_border: var(--tafel-border-color, #c9d1d9);
      --_focus: var(--tafel-focus-color, #1a73e8);
      --_link: var(--tafel-link-color, #0b5cad);
      --_cluster: var(--tafel-cluster-color, #fff);
      --_outline: var(--tafel-outline-color, #8796a5);
      --_province: var(--tafel-province-color, #c3ccd5);
      --_land: var(--tafel-land-color, #f6f3ec);
      --_water: var(--tafel-water-color, #dfe9f0);
      --_tiles: var(--tafel-tile-filter, none);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        color-scheme: dark;
        --_surface: var(--tafel-background, #1c2228);
        --_text: var(--tafel-text-color, #e3e8ed);
        --_border: var(--tafel-border-color, #46515c);
        --_focus: var(--tafel-focus-color, #8ab4f8);
        --_link: var(--tafel-link-color, #8ab4f8);
        --_cluster: var(--tafel-cluster-color, #1c2228);
        --_outline: var(--tafel-outline-color, #7a8794);
        --_province: var(--tafel-province-color, #4b5661);
        --_land: var(--tafel-land-color, #2b3139);
        --_water: var(--tafel-water-color, #17212b);
        --_tiles: var(--tafel-tile-filter, brightness(0.7) contrast(1.1));
      }
    }
    /*
     * The box holds the size itself, whatever the page does to the host: a page rule such as
     * * { all: unset } beats every :host rule (the host turns display: inline, without height
     * or position), and 100% of that is no height at all. Size containment gives the box a
     * height of its own then; the frame fills it (a flex item would not fill a box so sized).
     */
    .box {
      position: relative;
      height: 100%;
      contain: size;
      contain-intrinsic-height: var(--tafel-map-height, 480px);
    }
    .base {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
      background: var(--_surface);
      color: var(--_text);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 8px;
      margin: 0;
      border-bottom: 1px solid var(--_border);
      background: var(--_surface);
    }
    .filters input,
    .filters select,
    .filters button,
    .list button.more {
      font: inherit;
      color: inherit;
      min-height: 32px;
      margin: 0;
      padding: 4px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .filters input {
      flex: 1 1 14em;
      min-width: 0;
    }
    .filters select {
      flex: 0 1 11em;
      min-width: 0;
    }
    .filters button {
      cursor: pointer;
    }
    .filters button[aria-expanded='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: #fff;
    }
    :is(input, select, button, a, [tabindex]):focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 1px;
    }
    .body {
      position: relative;
      display: flex;
      flex: 1 1 auto;
      min-height: 0;
      container-type: inline-size;
    }
    .map {
      flex: 1 1 auto;
      min-width: 0;
      height: 100%;
      background: var(--_water);
      font: inherit;
    }
    .leaflet-tile-pane {
      filter: var(--_tiles);
    }
    /* The list comes first for keyboard and screen reader, and sits right of the map. */
    .list {
      order: 1;
      flex: 0 0 var(--tafel-list-width, 300px);
      max-width: 60%;
      overflow: auto;
      border-inline-start: 1px solid var(--_border);
      background: var(--_surface);
    }
    .list .count {
      margin: 0;
      padding: 8px 12px;
      font-weight: 600;
      border-bottom: 1px solid var(--_border);
    }
    .list ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      margin: 0;
      padding: 0;
      border-bottom: 1px solid var(--_border);
    }
    .list li button {
      display: grid;
      gap: 2px;
      width: 100%;
      margin: 0;
      padding: 8px 12px;
      border: 0;
      background: none;
      font: inherit;
      color: inherit;
      text-align: start;
      cursor: pointer;
    }
    .list li button:hover,
    .list li button[aria-current='true'] {
      background: color-mix(in srgb, var(--_accent) 10%, transparent);
    }
    .list .name {
      font-weight: 600;
    }
    .list .meta {
      font-size: 0.9em;
      opacity: 0.8;
    }
    .list button.more {
      margin: 8px 12px;
      cursor: pointer;
    }
    .notice {
      position: absolute;
      inset-inline-start: 50%;
      bottom: 28px;
      transform: translateX(-50%);
      z-index: 1000;
      margin: 0;
      padding: 4px 10px;
      border-radius: var(--_radius);
      background: rgb(29 39 49 / 0.85);
      color: #fff;
      font-size: 0.85em;
      pointer-events: none;
    }
    /* Markers: a disc in the meal's colour with its glyph. */
    .leaflet-div-icon.tafel-icon {
      background: none;
      border: 0;
      /* Sized by Leaflet: hundreds of them, each laid out on its own. */
      contain: layout size style;
    }
    .pin {
      display: grid;
      place-items: center;
      width: 100%;
      height: 100%;
      border: 2px solid #fff;
      border-radius: 50%;
      background: var(--_meal);
      color: #fff;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.4);
      cursor: pointer;
    }
    .pin svg {
      width: 16px;
      height: 16px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linecap: round;
    }
    .meal-breakfast {
      --_meal: var(--_breakfast);
    }
    .meal-lunch {
      --_meal: var(--_lunch);
    }
    .meal-dinner {
      --_meal: var(--_dinner);
    }
    .meal-other {
      --_meal: var(--_other);
    }
    .pin.selected {
      outline: 3px solid var(--_accent);
      outline-offset: 1px;
    }
    /* Clusters: the count, ringed by the share of each meal. */
    .cluster {
      display: grid;
      place-items: center;
      width: 100%;
      height: 100%;
      border-radius: 50%;
      background: conic-gradient(
        var(--_breakfast) 0 var(--b),
        var(--_lunch) 0 var(--l),
        var(--_dinner) 0 var(--d),
        var(--_other) 0
      );
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.4);
      cursor: pointer;
    }
    .cluster span {
      display: grid;
      place-items: center;
      width: calc(100% - 10px);
      height: calc(100% - 10px);
      border-radius: 50%;
      background: var(--_cluster);
      color: var(--_text);
      font-weight: 700;
      font-size: 12px;
    }
    /* The offline outline: faint over tiles, a light land shape when tiles cannot load. */
    .tafel-outline {
      fill: var(--_land);
      fill-opacity: 0;
      stroke: var(--_outline);
      stroke-width: 1;
      stroke-opacity: 0.6;
    }
    .tiles-failed .tafel-outline {
      fill-opacity: 1;
    }
    /* Approximate province borders: only without tiles, which draw the real ones. */
    .tafel-province {
      fill: none;
      stroke: var(--_province);
      stroke-width: 1;
      stroke-opacity: 0;
    }
    .tiles-failed .tafel-province {
      stroke-opacity: 1;
    }
    .tafel-you {
      fill: var(--_focus);
      fill-opacity: 0.9;
      stroke: #fff;
      stroke-width: 2;
    }
    /* Popups */
    .leaflet-popup-content-wrapper {
      border-radius: var(--_radius);
    }
    .leaflet-popup-content-wrapper,
    .leaflet-popup-tip,
    .leaflet-bar a,
    .leaflet-bar a:is(:hover, :focus, .leaflet-disabled) {
      background: var(--_surface);
      color: var(--_text);
    }
    .leaflet-bar a {
      border-color: var(--_border);
    }
    .leaflet-bar a.leaflet-disabled {
      opacity: 0.5;
    }
    .leaflet-container .leaflet-control-attribution {
      background: color-mix(in srgb, var(--_surface) 85%, transparent);
      color: var(--_text);
    }
    .leaflet-container a.leaflet-popup-close-button {
      color: var(--_text);
    }
    .leaflet-popup-content {
      margin: 12px 14px;
      font: inherit;
      line-height: 1.4;
    }
    .leaflet-container {
      font: inherit;
    }
    .leaflet-container a {
      color: var(--_link);
    }
    .popup h3 {
      margin: 0 0 2px;
      font-size: 1.1em;
      line-height: 1.25;
    }
    .popup h3:focus {
      outline: none;
    }
    .popup p {
      margin: 2px 0;
    }
    .popup .org {
      opacity: 0.8;
    }
    .popup .count {
      font-weight: 600;
    }
    .popup .dot {
      display: inline-block;
      width: 0.7em;
      height: 0.7em;
      margin-inline-end: 0.35em;
      border-radius: 50%;
      background: var(--_meal);
    }
    .popup .register {
      display: inline-block;
      margin-top: 6px;
      padding: 4px 10px;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: #fff;
      text-decoration: none;
    }
    .legend {
      position: absolute;
      z-index: 1002;
      inset-inline-start: 8px;
      bottom: 26px;
      max-width: calc(100% - 16px);
      margin: 0;
      padding: 6px 10px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    }
    .legend ul {
      display: grid;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .legend .key {
      flex: none;
      width: 24px;
      height: 24px;
    }
    .legend .cluster {
      --b: 25%;
      --l: 50%;
      --d: 75%;
    }
    .legend .cluster span {
      width: calc(100% - 8px);
      height: calc(100% - 8px);
      font-size: 10px;
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        transition: none !important;
        animation: none !important;
      }
    }
    @media (forced-colors: active) {
      .pin,
      .cluster {
        forced-color-adjust: none;
        border: 2px solid CanvasText;
        background: Canvas;
        color: CanvasText;
      }
      .cluster span {
        background: Canvas;
        color: CanvasText;
      }
      .pin.selected,
      :is(input, select, button, a, [tabindex]):focus-visible {
        outline: 3px solid Highlight;
      }
    }
    /* On a phone the list takes the map's place while it is open (last, to win over .list above). */
    @container (max-width: 560px) {
      .list {
        position: absolute;
        inset: 0;
        z-index: 1001;
        max-width: none;
        border: 0;
      }
    }
  `,
];
