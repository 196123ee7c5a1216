import { css } from 'lit';
import { hostReset } from './styles/reset.ts';

/** The programme's styles: a plain list that takes the page's width, marks in words on a tint. */
export default [
  hostReset,
  css`
    :host {
      display: block;
      --_accent: var(--tafel-accent, #b4451f);
      --_text: var(--tafel-text-color, #1d2731);
      --_muted: var(--tafel-muted-color, #4f5b66);
      --_rule: var(--tafel-border-color, #d5dbe1);
      --_mark-bg: var(--tafel-mark-background, #fff3cd);
      --_mark: var(--tafel-mark-color, #5c4400);
      --_focus: var(--tafel-focus-color, #1a73e8);
      --_surface: var(--tafel-background, transparent);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--tafel-accent, #f08a5d);
        --_text: var(--tafel-text-color, #e3e8ed);
        --_muted: var(--tafel-muted-color, #b7c0c8);
        --_rule: var(--tafel-border-color, #46515c);
        --_mark-bg: var(--tafel-mark-background, #4a3b00);
        --_mark: var(--tafel-mark-color, #fff3cd);
        --_focus: var(--tafel-focus-color, #8ab4f8);
      }
    }
    .base {
      display: block;
      color: var(--_text);
      background: var(--_surface);
    }
    h2,
    h3 {
      margin: 0.8em 0 0.2em;
      font-size: 1.1em;
      font-weight: 600;
    }
    h2 {
      font-size: 1.2em;
    }
    p {
      margin: 0.2em 0;
    }
    .meeting,
    .day {
      padding: 0.4em 0 0.6em;
      border-bottom: 1px solid var(--_rule);
    }
    .when,
    .where,
    .speakers,
    .abstract,
    .chair {
      color: var(--_muted);
    }
    .label {
      font-weight: 600;
    }
    .sessions {
      margin: 0.4em 0 0;
      padding: 0;
      list-style: none;
    }
    .session {
      margin: 0.5em 0 0;
    }
    .time {
      display: inline-block;
      min-width: 7.5em;
      margin-inline-end: 0.5em;
      color: var(--_accent);
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .title {
      font-weight: 600;
    }
    .mark {
      display: inline-block;
      margin-inline-start: 0.4em;
      padding: 0 0.4em;
      border-radius: 3px;
      background: var(--_mark-bg);
      color: var(--_mark);
      font-size: 0.85em;
      font-weight: 600;
      vertical-align: baseline;
    }
    .views {
      display: flex;
      gap: 4px;
      justify-content: flex-end;
    }
    button,
    summary {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    button {
      padding: 2px 10px;
      border: 1px solid var(--_rule);
      border-radius: 4px;
      background: transparent;
    }
    button[aria-pressed='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -2px 0 var(--_accent);
    }
    summary {
      margin: 0.8em 0 0.2em;
      font-weight: 600;
      font-size: 1.1em;
    }
    summary::marker {
      color: var(--_accent);
    }
    button:focus-visible,
    summary:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .notice {
      color: var(--_muted);
      font-style: italic;
    }
    @media (forced-colors: active) {
      .mark {
        border: 1px solid CanvasText;
      }
    }
  `,
];
