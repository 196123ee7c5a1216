import { css } from 'lit';

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
