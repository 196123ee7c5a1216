import { css } from 'lit';
import { hostReset } from './styles/reset.ts';

/** The stories' styles: quotes in a column, each with a rule in the accent colour. */
export default [
  hostReset,
  css`
    :host {
      display: block;
      contain: layout;
      --_accent: var(--tafel-accent, #b4451f);
      --_text: var(--tafel-text-color, #1d2731);
      --_surface: var(--tafel-background, transparent);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--tafel-accent, #f08a5d);
        --_text: var(--tafel-text-color, #e3e8ed);
      }
    }
    .base {
      color: var(--_text);
      background: var(--_surface);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--tafel-stories-gap, 1em);
    }
    .quote {
      margin: 0;
      padding: 0 0 0 0.75em;
      border-left: 4px solid var(--_accent);
      font-size: var(--tafel-stories-quote-size, 1.15em);
      line-height: 1.4;
      font-style: italic;
    }
    .meta {
      margin: 0.25em 0 0 calc(0.75em + 4px);
      font-size: 0.85em;
    }
    .notice {
      font-size: 0.8em;
      opacity: 0.7;
    }
  `,
];
