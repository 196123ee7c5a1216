import { css } from 'lit';

/** The notice over the map, markers, clusters and the offline outline. */
export const markers = css`
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
`;
