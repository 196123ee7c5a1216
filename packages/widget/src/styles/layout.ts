import { css } from 'lit';

/** The body beside the list, and the map in it. */
export const layout = css`
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
`;
