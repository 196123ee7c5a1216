import { css } from 'lit';

/** The list of venues. */
export const list = css`
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
  .list .name,
  .draft {
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
`;
