/** The counter's screen, for a phone: the venue, the count, the big buttons, what waits, the total. */
import { html, nothing } from 'lit';
import { formatNumber, LANG_NAMES, LANGS, type Lang } from '../lib/i18n.ts';
import type { Venue } from './api.ts';
import type { HOST } from './messages.ts';
import type { Action, Tap } from './queue.ts';

/** A tap the page asks about before keeping it: it would take the count past the capacity. */
export interface Prompt {
  action: Action;
  /** The count it would make: the capacity the page offers. */
  after: number;
  /** Held by the sender: the API refused it (another host counted meanwhile). */
  held?: Tap;
}

/** What the screen shows and what its buttons call: the page element (host-page.ts). */
export interface HostView {
  t: (key: keyof (typeof HOST)['en'], params?: Record<string, string | number>) => string;
  locale: Lang;
  venue: Venue | null;
  pending: Tap[];
  online: boolean;
  total: number | null;
  prompt: Prompt | null;
  error: string;
  notice: string;
  announcement: string;
  fieldError: string;
  readonly projected: { count: number; capacity: number | null; full: boolean };
  setLang(lang: Lang): void;
  act(action: Action): Promise<void>;
  raiseAndCount(): Promise<void>;
  dontCount(): Promise<void>;
  raiseTo(capacity: number): Promise<void>;
  setCount(value: number): Promise<void>;
  setFull(full: boolean): Promise<void>;
}

function time(page: HostView): string {
  const venue = page.venue!;
  if (!venue.startsAt) return '';
  const format = new Intl.DateTimeFormat(page.locale, {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: venue.edition.timeZone,
  });
  const start = format.format(new Date(venue.startsAt));
  if (!venue.endsAt) return start;
  const end = new Intl.DateTimeFormat(page.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: venue.edition.timeZone,
  }).format(new Date(venue.endsAt));
  return `${start}–${end}`;
}

function numberFrom(form: HTMLFormElement, name: string): number {
  const value = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  return value === '' ? Number.NaN : Number(value);
}

export function renderPanels(page: HostView) {
  const t = page.t;
  const { count, capacity, full } = page.projected;
  const atCapacity = capacity !== null && count >= capacity;
  const waiting = page.pending.length;
  return html`
    <header>
      <p class="brand">${t('brand')}</p>
      <label class="lang"
        >${t('language')}
        <select
          @change=${(e: Event) => page.setLang((e.target as HTMLSelectElement).value as Lang)}
        >
          ${LANGS.map(
            (l) =>
              html`<option value=${l} ?selected=${l === page.locale}>${LANG_NAMES[l]}</option>`,
          )}
        </select></label
      >
    </header>
    <main>
      <h1>${page.venue!.name}</h1>
      ${time(page) ? html`<p class="time">${time(page)}</p>` : nothing}
      <p class="count">
        <span class="number" data-count=${count}>${formatNumber(count, page.locale)}</span>
        <span>${t('counted')}</span>
        <span class="capacity"
          >${
            capacity === null
              ? t('noCapacity')
              : t('ofCapacity', { capacity: formatNumber(capacity, page.locale) })
          }</span
        >
      </p>
      <div class="taps">
        <button type="button" class="primary plus" @click=${() => page.act({ kind: 'add', amount: 1 })}>
          ${t('plusOne')}
        </button>
        <button type="button" @click=${() => page.act({ kind: 'add', amount: 5 })}>${t('plusFive')}</button>
        <button type="button" @click=${() => page.act({ kind: 'add', amount: -1 })}>${t('minusOne')}</button>
      </div>
      <p class="pending" role="status" data-waiting=${waiting}>
        ${waiting === 0 ? t('allSent') : waiting === 1 ? t('pendingOne') : t('pendingMany', { n: waiting })}
      </p>
      ${page.online ? nothing : html`<p class="offline">${t('offline')}</p>`}
      <div role="alert">${page.error ? html`<p class="error">${page.error}</p>` : nothing}</div>
      ${page.notice ? html`<p class="ok" role="status">${page.notice}</p>` : nothing}
      ${page.prompt ? renderPrompt(page, capacity) : nothing}
      ${atCapacity && !page.prompt ? renderRaise(page, count, capacity) : nothing}
      <form
        class="set"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void page.setCount(numberFrom(e.target as HTMLFormElement, 'count'));
        }}
      >
        <h2>${t('setHeading')}</h2>
        <label for="count">${t('setLabel')}</label>
        <div class="row">
          <input id="count" name="count" type="number" inputmode="numeric" min="0" step="1" />
          <button type="submit">${t('setButton')}</button>
        </div>
      </form>
      <div class="full">
        <input
          id="full"
          type="checkbox"
          role="switch"
          .checked=${full}
          aria-describedby="full-hint"
          @change=${(e: Event) => page.setFull((e.target as HTMLInputElement).checked)}
        />
        <label for="full">${t('fullLabel')}</label>
        <p class="hint" id="full-hint">${t('fullHint')}</p>
      </div>
      ${page.fieldError ? html`<p class="error" role="alert">${page.fieldError}</p>` : nothing}
      <section class="total" aria-labelledby="total-heading">
        <h2 id="total-heading">${t('totalLabel')}</h2>
        <p class="total-value" aria-live="polite">
          ${
            page.total === null
              ? t('totalUnknown')
              : t('totalValue', { total: formatNumber(page.total, page.locale) })
          }
        </p>
      </section>
      <p class="visually-hidden" aria-live="polite">${page.announcement}</p>
    </main>
  `;
}

function renderPrompt(page: HostView, capacity: number | null) {
  const prompt = page.prompt!;
  const t = page.t;
  const raiseLabel = prompt.action.kind === 'set' ? 'raiseAndSet' : 'raiseAndCount';
  return html`<section class="prompt" aria-labelledby="prompt-text">
    <p id="prompt-text" role="alert">
      ${t('overPrompt', { capacity: capacity ?? 0, after: prompt.after })}
    </p>
    <div class="row">
      <button type="button" class="primary" @click=${() => page.raiseAndCount()}>
        ${t(raiseLabel, { n: prompt.after })}
      </button>
      <button type="button" @click=${() => page.dontCount()}>${t('dontCount')}</button>
    </div>
  </section>`;
}

function renderRaise(page: HostView, count: number, capacity: number | null) {
  const t = page.t;
  return html`<form
    class="raise"
    novalidate
    aria-labelledby="raise-heading"
    @submit=${(e: Event) => {
      e.preventDefault();
      void page.raiseTo(numberFrom(e.target as HTMLFormElement, 'capacity'));
    }}
  >
    <h2 id="raise-heading">${t('atCapacity', { count, capacity: capacity ?? 0 })}</h2>
    <p>${t('atCapacityText')}</p>
    <label for="capacity">${t('newCapacity')}</label>
    <div class="row">
      <input
        id="capacity"
        name="capacity"
        type="number"
        inputmode="numeric"
        min=${(capacity ?? 0) + 1}
        step="1"
        .value=${String((capacity ?? 0) + 10)}
      />
      <button type="submit" class="primary">${t('raise')}</button>
    </div>
  </form>`;
}
