/**
 * The list beside the map, the map's accessible twin: its order, its state, its template and its
 * keyboard (one tab stop; arrows, Home, End, Page Up and Page Down move between venues).
 */

import { type Lang, type MapLocation, termLabel } from '@tafel/schema';
import { html, type LitElement, nothing, type TemplateResult } from 'lit';
import { formatTimes } from './format.ts';
import { distanceKm, type Point } from './geo.ts';
import { t } from './i18n.ts';
import { participantsText, previewMark } from './popup.ts';

/** How many venues the list shows at first, and how many more each "show more" adds. */
export const LIST_STEP = 100;

/** The venues in list order: by distance from `near` after "near me", else by name. Remembers the last answer. */
export class ListOrder {
  #cache: { source: MapLocation[]; near: unknown; lang: Lang; sorted: MapLocation[] } | undefined;

  sorted(venues: MapLocation[], near: Point | null, lang: Lang): MapLocation[] {
    const cache = this.#cache;
    if (cache && cache.source === venues && cache.near === near && cache.lang === lang)
      return cache.sorted;
    let sorted: MapLocation[];
    if (near) {
      const distance = new Map(venues.map((v) => [v, distanceKm(near, v.coordinates)]));
      sorted = [...venues].sort((a, b) => distance.get(a)! - distance.get(b)!);
    } else {
      const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
      sorted = [...venues].sort((a, b) => collator.compare(a.name, b.name));
    }
    this.#cache = { source: venues, near, lang, sorted };
    return sorted;
  }
}

/** Where a key moves the list's focus from `active` among `count` items; undefined for other keys. */
export function listMove(key: string, active: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    Home: 0,
    End: count - 1,
    PageDown: active + 10,
    PageUp: active - 10,
  };
  const next = moves[key];
  return next === undefined || !count ? undefined : Math.max(0, Math.min(count - 1, next));
}

export interface ListView {
  lang: Lang;
  open: boolean;
  /** What the list says above its items: the count, "loading" or "no venues". */
  status: string;
  /** The venues in list order. */
  sorted: MapLocation[];
  limit: number;
  active: number;
  selected: string | null;
  timeZone: string | null;
  /** The id of the `preview` venue, marked as not public yet. */
  preview: string | undefined;
}

export interface ListHandlers {
  select(id: string): void;
  focused(position: number): void;
  keydown(event: KeyboardEvent): void;
  more(): void;
}

export function listTemplate(view: ListView, on: ListHandlers): TemplateResult {
  const { lang, sorted } = view;
  const items = sorted.slice(0, view.limit);
  return html`<section part="list" id="list" class="list" aria-label=${t(lang, 'listLabel')} ?hidden=${!view.open}>
    <p class="count">
      ${view.status}
    </p>
    <ul @keydown=${on.keydown}>
      ${items.map(
        (venue, i) => html`<li>
          <button
            part="list-item"
            type="button"
            data-id=${venue.id}
            tabindex=${i === view.active ? 0 : -1}
            aria-current=${venue.id === view.selected ? 'true' : 'false'}
            @click=${() => on.select(venue.id)}
            @focus=${() => on.focused(i)}
          >
            <span class="name">${venue.name}</span>
            ${venue.id === view.preview ? previewMark(lang) : nothing}
            <span class="meta">${[venue.organisation.name, venue.address?.city].filter(Boolean).join(' · ')}</span>
            <span class="meta"
              >${termLabel(venue.meal, lang)} ${formatTimes(lang, venue.startsAt, venue.endsAt, view.timeZone)} ·
              ${participantsText(venue, lang)}</span
            >
          </button>
        </li>`,
      )}
    </ul>
    ${
      sorted.length > items.length
        ? html`<p class="sr-only">${t(lang, 'showing', { shown: items.length, n: sorted.length })}</p>
          <button part="button" class="more" type="button" @click=${on.more}>
            ${t(lang, 'showMore')}
          </button>`
        : nothing
    }
  </section>`;
}

export class VenueList {
  #host: LitElement;
  #open = false;
  #limit = LIST_STEP;
  #active = 0;
  /** The list closed to show a popup on a narrow screen, to reopen when the popup closes. */
  #hidden = false;
  #order = new ListOrder();
  /** Where the visitor is, after "near me": the list is sorted by distance from there. */
  near: Point | null = null;

  constructor(host: LitElement) {
    this.#host = host;
  }

  get open(): boolean {
    return this.#open;
  }

  set open(value: boolean) {
    this.#open = value;
    this.#host.requestUpdate();
  }

  /** How many venues the list shows. */
  get limit(): number {
    return this.#limit;
  }

  set limit(value: number) {
    this.#limit = value;
    this.#host.requestUpdate();
  }

  /** The position of the list's one tab stop. */
  get active(): number {
    return this.#active;
  }

  set active(value: number) {
    this.#active = value;
    this.#host.requestUpdate();
  }

  sorted(venues: MapLocation[], lang: Lang): MapLocation[] {
    return this.#order.sorted(venues, this.near, lang);
  }

  /** New venues: the list starts again at its top. */
  reset(): void {
    this.limit = LIST_STEP;
    this.active = 0;
  }

  /** Make `position` the tab stop, showing more of the list if it lies beyond. */
  reveal(position: number): void {
    if (position >= this.limit) this.limit = Math.ceil((position + 1) / LIST_STEP) * LIST_STEP;
    this.active = position;
  }

  /** On a phone the open list covers the map: make way for a popup until it closes. */
  makeWay(): void {
    const list = this.#host.renderRoot.querySelector('.list');
    if (this.open && list && getComputedStyle(list).position === 'absolute') {
      this.#hidden = true;
      this.open = false;
    }
  }

  /** A popup opened from the list closed: bring the list back, and focus back to its venue. */
  popupClosed(): void {
    if (this.#hidden) {
      this.#hidden = false;
      this.open = true;
    }
    if (this.open) this.focusItem(this.active);
  }

  focusItem(position: number): void {
    this.active = position;
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot
        .querySelector<HTMLElement>(`.list li:nth-child(${position + 1}) button`)
        ?.focus(),
    );
  }

  /** The list of `venues` (already in order); `select` when the visitor chooses one. */
  template(
    view: Omit<ListView, 'open' | 'limit' | 'active'>,
    select: (id: string) => void,
  ): TemplateResult {
    const total = view.sorted.length;
    return listTemplate(
      { ...view, open: this.open, limit: this.limit, active: this.active },
      {
        select,
        focused: (position) => (this.active = position),
        keydown: (event) => {
          const next = listMove(event.key, this.active, Math.min(this.limit, total));
          if (next === undefined) return;
          event.preventDefault();
          this.focusItem(next);
        },
        more: () => (this.limit += LIST_STEP),
      },
    );
  }
}
