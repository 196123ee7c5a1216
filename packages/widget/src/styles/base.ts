import { css } from 'lit';

/** The custom properties (public ones read into internal ones, for both schemes) and the frame. */
export const base = css`
  :host {
    display: block;
    position: relative;
    height: var(--tafel-map-height, 480px);
    min-height: 240px;
    contain: layout;
    --_accent: var(--tafel-accent, #b4451f);
    --_breakfast: var(--tafel-breakfast-color, #d98c1f);
    --_lunch: var(--tafel-lunch-color, #2f8a57);
    --_dinner: var(--tafel-dinner-color, #3552a0);
    --_other: var(--tafel-other-color, #7d5bb5);
    --_radius: var(--tafel-radius, 6px);
    --_surface: var(--tafel-background, #ffffff);
    --_text: var(--tafel-text-color, #1d2731);
    --_border: var(--tafel-border-color, #c9d1d9);
    --_focus: var(--tafel-focus-color, #1a73e8);
    --_link: var(--tafel-link-color, #0b5cad);
    --_cluster: var(--tafel-cluster-color, #fff);
    --_outline: var(--tafel-outline-color, #8796a5);
    --_province: var(--tafel-province-color, #c3ccd5);
    --_land: var(--tafel-land-color, #f6f3ec);
    --_water: var(--tafel-water-color, #dfe9f0);
    --_tiles: var(--tafel-tile-filter, none);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color-scheme: dark;
      --_surface: var(--tafel-background, #1c2228);
      --_text: var(--tafel-text-color, #e3e8ed);
      --_border: var(--tafel-border-color, #46515c);
      --_focus: var(--tafel-focus-color, #8ab4f8);
      --_link: var(--tafel-link-color, #8ab4f8);
      --_cluster: var(--tafel-cluster-color, #1c2228);
      --_outline: var(--tafel-outline-color, #7a8794);
      --_province: var(--tafel-province-color, #4b5661);
      --_land: var(--tafel-land-color, #2b3139);
      --_water: var(--tafel-water-color, #17212b);
      --_tiles: var(--tafel-tile-filter, brightness(0.7) contrast(1.1));
    }
  }
  /*
   * The box holds the size itself, whatever the page does to the host: a page rule such as
   * * { all: unset } beats every :host rule (the host turns display: inline, without height
   * or position), and 100% of that is no height at all. Size containment gives the box a
   * height of its own then; the frame fills it (a flex item would not fill a box so sized).
   */
  .box {
    position: relative;
    height: 100%;
    contain: size;
    contain-intrinsic-height: var(--tafel-map-height, 480px);
  }
  .base {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
    color: var(--_text);
  }
`;
