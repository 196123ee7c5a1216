import { css } from 'lit';

/** Reduced motion, forced colours and the narrow container (last, to win over the rules above). */
export const media = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .pin,
    .cluster {
      forced-color-adjust: none;
      border: 2px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .cluster span {
      background: Canvas;
      color: CanvasText;
    }
    .pin.selected,
    :is(input, select, button, a, [tabindex]):focus-visible {
      outline: 3px solid Highlight;
    }
  }
  /* On a phone the list takes the map's place while it is open (last, to win over .list above). */
  @container (max-width: 560px) {
    .list {
      position: absolute;
      inset: 0;
      z-index: 1001;
      max-width: none;
      border: 0;
    }
  }
`;
