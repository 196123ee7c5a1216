import { css } from 'lit';

/** Popups, and the Leaflet controls that follow the theme. */
export const popup = css`
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
  /* The description opens on demand, and a long one scrolls (by keyboard too). */
  .popup .description p {
    max-height: 6em;
    overflow: auto;
  }
  .popup summary {
    cursor: pointer;
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
`;
