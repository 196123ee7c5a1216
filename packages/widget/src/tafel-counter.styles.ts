import { css } from 'lit';
import { hostReset } from './tafel-map.styles.ts';

export default [
  hostReset,
  css`
    :host {
      display: inline-block;
      contain: layout;
    }
    .base {
      display: inline-flex;
      flex-direction: column;
      gap: 2px;
    }
    .value {
      font-size: var(--tafel-counter-size, 2.5em);
      font-weight: 700;
      line-height: 1.1;
      color: var(--tafel-counter-color, var(--tafel-accent, #b4451f));
      font-variant-numeric: tabular-nums;
    }
    .label {
      font-size: 1em;
    }
    .venues {
      font-size: 0.85em;
      opacity: 0.8;
    }
    .compare {
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
    }
    .notice {
      font-size: 0.8em;
      opacity: 0.7;
    }
  `,
];
