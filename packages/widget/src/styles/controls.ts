import { css } from 'lit';

/** The filter form and the focus ring of every control. */
export const controls = css`
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
`;
