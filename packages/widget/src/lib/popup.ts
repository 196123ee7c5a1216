/** A venue's popup on the map: Lit templates, never HTML strings (Leaflet renders those as HTML). */

import { type Lang, type MapLocation, type OwnGroup, termLabel } from '@tafel/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { formatTimes, languageNames, safeHttpUrl } from './format.ts';
import { formatNumber, t } from './i18n.ts';

/** Full: its host says so, or the count has reached the capacity. */
export function isFull(venue: Pick<MapLocation, 'full' | 'participants' | 'capacity'>): boolean {
  return venue.full || (venue.capacity != null && venue.participants >= venue.capacity);
}

/**
 * `12 of 40 participants`, or without a capacity `12 participants`, in the visitor's language;
 * `Full · 40 of 40 participants` when full.
 */
export function participantsText(venue: MapLocation, lang: Lang): string {
  const n = formatNumber(lang, venue.participants);
  const count =
    venue.capacity != null
      ? t(lang, 'participantsOf', { n, cap: formatNumber(lang, venue.capacity) })
      : t(lang, 'participantsOnly', { n });
  return isFull(venue) ? `${t(lang, 'full')} · ${count}` : count;
}

/** A target group's name: a federation's own as it names it (`own`), else the built-in one's. */
export const groupLabel = (code: string, lang: Lang, own?: OwnGroup[]): string =>
  own?.find((g) => g.code === code)?.[lang] ?? termLabel(code, lang);

/** The element a popup's content is rendered into; `close` on Escape. */
export function popupElement(close: () => void): HTMLElement {
  const element = document.createElement('div');
  // Leaflet closes popups on Escape only while the map itself has focus; focus may be inside.
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  return element;
}

/** The mark of a `preview` venue (one not public yet), in popup and list. */
export const previewMark = (lang: Lang) =>
  html`<strong class="draft">${t(lang, 'preview')}</strong>`;

/**
 * The popup's content; times as the clocks read in the edition's `timeZone`; `preview` marks a
 * venue not public yet; `description` is the venue's in the visitor's language, once asked.
 */
export function popupTemplate(
  venue: MapLocation,
  lang: Lang,
  timeZone: string | null,
  preview = false,
  description?: string | null,
  own?: OwnGroup[],
): TemplateResult {
  const groups = [...venue.targetGroups, ...(venue.ownTargetGroups ?? [])];
  const url = safeHttpUrl(venue.registrationUrl);
  const times = formatTimes(lang, venue.startsAt, venue.endsAt, timeZone);
  const place = [venue.address?.postalCode, venue.address?.city].filter(Boolean).join(' ');
  return html`<article part="popup" class="popup" data-id=${venue.id}>
    <h3 tabindex="-1">${venue.name}</h3>
    ${preview ? previewMark(lang) : nothing}
    <p class="org">${venue.organisation.name}</p>
    ${place ? html`<p class="place">${place}</p>` : nothing}
    ${description ? html`<details class="description"><summary>${t(lang, 'about')}</summary><p tabindex="0">${description}</p></details>` : nothing}
    <p class="meal meal-${venue.meal.toLowerCase()}">
      <span class="dot" aria-hidden="true"></span>${termLabel(venue.meal, lang)}${times ? html` · ${times}` : nothing}
    </p>
    <p
      class="count"
      data-participants=${venue.participants}
      data-capacity=${venue.capacity ?? ''}
      data-full=${isFull(venue)}
    >
      ${participantsText(venue, lang)}
    </p>
    ${
      groups.length
        ? html`<p class="groups">${t(lang, 'targetGroups')}: ${groups.map((g) => groupLabel(g, lang, own)).join(', ')}</p>`
        : nothing
    }
    ${
      venue.languages.length
        ? html`<p class="languages">${t(lang, 'languages')}: ${languageNames(lang, venue.languages)}</p>`
        : nothing
    }
    ${
      venue.wheelchairAccessible === null
        ? nothing
        : html`<p class="wheelchair">${t(lang, venue.wheelchairAccessible ? 'wheelchair' : 'notWheelchair')}</p>`
    }
    ${
      venue.interpreters
        ? html`<p class="interpreters">${t(lang, 'interpreters', { n: venue.interpreters })}${venue.interpreterLanguages?.length ? ` (${languageNames(lang, venue.interpreterLanguages)})` : ''}</p>`
        : nothing
    }
    ${venue.hearingLoop ? html`<p class="loop">${t(lang, 'hearingLoop')}</p>` : nothing}
    ${venue.cookedByGuests ? html`<p class="cooked">${t(lang, 'cookedByGuests')}</p>` : nothing}
    ${venue.support?.length ? html`<p class="support">${t(lang, 'support')}: ${venue.support.join(', ')}</p>` : nothing}
    ${venue.locationPrecision === 'APPROXIMATE' ? html`<p class="approximate">${t(lang, 'approximate')}</p>` : nothing}
    ${
      url
        ? html`<a part="register" class="register" href=${url} target="_blank" rel="noopener noreferrer">${t(lang, 'register')}</a>`
        : nothing
    }
  </article>`;
}
