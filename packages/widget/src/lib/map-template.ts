/** The map element's frame: the form, legend, list and map, the notice and the live region. */
import { type Lang, MEALS } from '@tafel/schema';
import { html, type TemplateResult } from 'lit';
import { parseMeals } from './attributes.ts';
import { formatNumber, t } from './i18n.ts';

export interface MapFrame {
  lang: Lang;
  filters: TemplateResult;
  legend: TemplateResult;
  list: TemplateResult;
  notice: string;
  announcement: string;
}

/** The meals the map can show: the preset's, else all. */
export function legendMeals(meals: string | undefined) {
  const preset = parseMeals(meals);
  return preset.length ? preset : MEALS;
}

export function countText(lang: Lang, n: number): string {
  return n === 1 ? t(lang, 'venue') : t(lang, 'venues', { n: formatNumber(lang, n) });
}

/** The list's status line: loading, how many venues, or none. */
export function listStatus(lang: Lang, loading: boolean, count: number): string {
  return loading && !count
    ? t(lang, 'loading')
    : count
      ? countText(lang, count)
      : t(lang, 'noVenues');
}

export function mapTemplate(frame: MapFrame): TemplateResult {
  const { lang } = frame;
  return html`<div class="box">
    <div part="base" class="base" lang=${lang}>
      ${frame.filters}
      <div class="body">
        ${frame.legend}
        ${frame.list}
        <div part="map" class="map" role="region" aria-label=${t(lang, 'mapLabel')}></div>
      </div>
      <p part="notice" class="notice" ?hidden=${!frame.notice}>${frame.notice}</p>
      <div class="sr-only" role="status" aria-live="polite">${frame.announcement}</div>
    </div>
  </div>`;
}
