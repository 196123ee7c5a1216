/** The few rules of Leaflet's stylesheet the pin map needs (panes, tiles, marker, zoom, credit). */
import { css } from 'lit';

export const leafletBasics = css`
  .leaflet-container {
    overflow: hidden;
    position: relative;
    outline-offset: 1px;
    background: #dfe9f0;
    touch-action: none;
  }
  .leaflet-pane,
  .leaflet-tile,
  .leaflet-marker-icon,
  .leaflet-tile-container,
  .leaflet-map-pane svg {
    position: absolute;
    left: 0;
    top: 0;
  }
  .leaflet-pane {
    z-index: 400;
  }
  .leaflet-tile-pane {
    z-index: 200;
  }
  .leaflet-marker-pane {
    z-index: 600;
  }
  .leaflet-tile {
    user-select: none;
    visibility: hidden;
    max-width: none !important;
  }
  .leaflet-tile-loaded {
    visibility: inherit;
  }
  .leaflet-marker-icon {
    display: block;
    cursor: grab;
  }
  .leaflet-zoom-animated {
    transform-origin: 0 0;
  }
  .leaflet-control-container .leaflet-top,
  .leaflet-control-container .leaflet-bottom {
    position: absolute;
    z-index: 1000;
  }
  .leaflet-top {
    top: 0;
  }
  .leaflet-left {
    left: 0;
  }
  .leaflet-bottom {
    bottom: 0;
  }
  .leaflet-right {
    right: 0;
  }
  .leaflet-control {
    position: relative;
    z-index: 800;
    margin: 10px;
  }
  .leaflet-bar a {
    display: block;
    width: 44px;
    height: 44px;
    line-height: 44px;
    text-align: center;
    text-decoration: none;
    background: #fff;
    color: #1b1b1b;
    border: 1px solid #888;
    font-size: 1.25rem;
  }
  .leaflet-control-attribution {
    margin: 0;
    padding: 0 4px;
    background: #ffffffe0;
    color: #1b1b1b;
    font-size: 0.75rem;
  }
  .leaflet-control-attribution a {
    color: #0b4aa2;
  }
`;
