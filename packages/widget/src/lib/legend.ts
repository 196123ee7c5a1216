/** The legend of the map's markers: what each meal's colour and glyph say, and what a cluster is. */

import { type Lang, type Meal, termLabel } from '@tafel/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from './i18n.ts';
import { GLYPHS } from './venue-layer.ts';

/**
 * The legend for `meals` (those the map can show); `keydown` for Escape. Its keys are drawn only
 * while it is open: the map's own markers are then the only ones in the element.
 */
export function legendTemplate(
  lang: Lang,
  meals: readonly Meal[],
  open: boolean,
  keydown: (event: KeyboardEvent) => void,
): TemplateResult {
  return html`<section part="legend" id="legend" class="legend" aria-label=${t(lang, 'legend')} ?hidden=${!open} @keydown=${keydown}>
    ${
      open
        ? html`<ul>
      ${meals.map(
        (meal) =>
          html`<li>
            <span class="key pin meal-${meal.toLowerCase()}"><svg viewBox="0 0 16 16" aria-hidden="true">${GLYPHS[meal]}</svg></span>
            ${termLabel(meal, lang)}
          </li>`,
      )}
      <li><span class="key cluster" aria-hidden="true"><span>12</span></span>${t(lang, 'legendCluster')}</li>
    </ul>`
        : nothing
    }
  </section>`;
}
