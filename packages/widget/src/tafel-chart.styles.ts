import { css } from 'lit';
import { hostReset } from './styles/reset.ts';

/**
 * The chart's styles, with the few layout rules of uPlot's stylesheet the chart needs (no cursor,
 * no uPlot legend: the legend and the numbers are the chart's own HTML).
 */
export default [
  hostReset,
  css`
    :host {
      display: block;
      contain: layout;
      --_accent: var(--tafel-accent, #b4451f);
      --_text: var(--tafel-text-color, #1d2731);
      --_grid: var(--tafel-border-color, #d5dbe1);
      --_focus: var(--tafel-focus-color, #1a73e8);
      --_surface: var(--tafel-background, transparent);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--tafel-accent, #f08a5d);
        --_text: var(--tafel-text-color, #e3e8ed);
        --_grid: var(--tafel-border-color, #46515c);
        --_focus: var(--tafel-focus-color, #8ab4f8);
      }
    }
    .base {
      display: block;
      margin: 0;
      color: var(--_text);
      background: var(--_surface);
    }
    .title {
      font-weight: 600;
      font-size: 1.05em;
      margin: 0 0 4px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 6px;
      padding: 0;
      list-style: none;
      font-size: 0.9em;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .legend svg {
      flex: none;
    }
    .plot {
      min-height: 120px;
    }
    .uplot {
      width: min-content;
    }
    .u-wrap {
      position: relative;
      user-select: none;
    }
    .u-over,
    .u-under,
    .u-axis {
      position: absolute;
    }
    .u-under {
      overflow: hidden;
    }
    .uplot canvas {
      display: block;
      position: relative;
      width: 100%;
      height: 100%;
    }
    .toggle {
      margin-top: 6px;
      font: inherit;
      font-size: 0.9em;
      color: inherit;
      background: none;
      border: 1px solid var(--_grid);
      border-radius: 4px;
      padding: 4px 10px;
      min-height: 32px;
      cursor: pointer;
    }
    .toggle:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    table {
      margin-top: 8px;
      border-collapse: collapse;
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 4px;
    }
    th,
    td {
      padding: 2px 10px 2px 0;
      border-bottom: 1px solid var(--_grid);
      text-align: end;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }
    .notice {
      display: block;
      margin-top: 4px;
      font-size: 0.85em;
      opacity: 0.8;
    }
  `,
];
