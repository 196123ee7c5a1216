import { css } from 'lit';

/** The legend over map and list. */
export const legend = css`
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
`;
