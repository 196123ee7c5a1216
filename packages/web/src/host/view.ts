/** The counter's screen, for a phone: the venue, the count, the big buttons, what waits, the total. */
import { html, nothing } from 'lit';
import { formatNumber, LANG_NAMES, LANGS, type Lang } from '../lib/i18n.ts';
import type { RoleSeats, Venue } from './api.ts';
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

/** One role as it will be once every waiting tap is sent. */
export type RoleNow = RoleSeats & { present: number };

/** The count, capacity, "full" and the roles, once every waiting tap is sent. */
export interface Projected {
  count: number;
  capacity: number | null;
  full: boolean;
  /** Empty when the venue states no seats per role. */
  roles: RoleNow[];
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
  readonly projected: Projected;
  roleLabel(role: RoleSeats): string;
  setLang(lang: Lang): void;
  act(action: Action): Promise<void>;
  raiseAndCount(): Promise<void>;
  dontCount(): Promise<void>;
  raiseTo(capacity: number): Promise<void>;
  raiseRole(role: string, seats: number): Promise<void>;
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
  const { count, capacity, full, roles } = page.projected;
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
      ${
        roles.length > 0
          ? renderRoles(page, roles)
          : html`<div class="taps">
        <button type="button" class="primary plus" @click=${() => page.act({ kind: 'add', amount: 1 })}>
          ${t('plusOne')}
        </button>
        <button type="button" @click=${() => page.act({ kind: 'add', amount: 5 })}>${t('plusFive')}</button>
        <button type="button" @click=${() => page.act({ kind: 'add', amount: -1 })}>${t('minusOne')}</button>
      </div>`
      }
      <p class="pending" role="status" data-waiting=${waiting}>
        ${waiting === 0 ? t('allSent') : waiting === 1 ? t('pendingOne') : t('pendingMany', { n: waiting })}
      </p>
      ${page.online ? nothing : html`<p class="offline">${t('offline')}</p>`}
      <div role="alert">${page.error ? html`<p class="error">${page.error}</p>` : nothing}</div>
      ${page.notice ? html`<p class="ok" role="status">${page.notice}</p>` : nothing}
      ${page.prompt ? renderPrompt(page, capacity) : nothing}
      ${atCapacity && !page.prompt && roles.length === 0 ? renderRaise(page, count, capacity) : nothing}
      ${page.prompt ? nothing : roles.filter((r) => r.present >= r.seats).map((r) => renderRaiseRole(page, r))}
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

/**
 * Per role: its label, present of seats, and +1 / −1 of that role (a venue with seats per role
 * counts its arrivals by role; the total moves with them).
 */
function renderRoles(page: HostView, roles: RoleNow[]) {
  const t = page.t;
  return html`<ul class="roles" aria-label=${t('rolesLabel')}>
    ${roles.map((r) => {
      const label = page.roleLabel(r);
      return html`<li class="role" data-role=${r.role} data-present=${r.present} data-seats=${r.seats}>
        <p class="role-count">
          <span class="role-name">${label}</span>
          <span
            >${t('roleCount', {
              present: formatNumber(r.present, page.locale),
              seats: formatNumber(r.seats, page.locale),
            })}</span
          >
        </p>
        <div class="role-taps">
          <button
            type="button"
            class="primary"
            @click=${() => page.act({ kind: 'add', amount: 1, role: r.role })}
          >
            ${t('plusRole', { role: label })}
          </button>
          <button
            type="button"
            class="minus"
            aria-label=${t('minusRole', { role: label })}
            @click=${() => page.act({ kind: 'add', amount: -1, role: r.role })}
          >
            −1
          </button>
        </div>
      </li>`;
    })}
  </ul>`;
}

function renderPrompt(page: HostView, capacity: number | null) {
  const prompt = page.prompt!;
  const t = page.t;
  const { action } = prompt;
  const role =
    action.kind === 'add' && action.role
      ? page.projected.roles.find((r) => r.role === action.role)
      : undefined;
  const raiseLabel = action.kind === 'set' ? 'raiseAndSet' : 'raiseAndCount';
  return html`<section class="prompt" aria-labelledby="prompt-text">
    <p id="prompt-text" role="alert">
      ${
        role
          ? t('overRolePrompt', {
              role: page.roleLabel(role),
              seats: role.seats,
              after: prompt.after,
            })
          : t('overPrompt', { capacity: capacity ?? 0, after: prompt.after })
      }
    </p>
    <div class="row">
      <button type="button" class="primary" @click=${() => page.raiseAndCount()}>
        ${
          role
            ? t('raiseRoleAndCount', { role: page.roleLabel(role), n: prompt.after })
            : t(raiseLabel, { n: prompt.after })
        }
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

/** A role at its seats: raise them (raiseSeats), as the capacity is raised for a venue without roles. */
function renderRaiseRole(page: HostView, role: RoleNow) {
  const t = page.t;
  const label = page.roleLabel(role);
  const id = `seats-${role.role}`;
  return html`<form
    class="raise"
    novalidate
    aria-labelledby=${`${id}-heading`}
    @submit=${(e: Event) => {
      e.preventDefault();
      void page.raiseRole(role.role, numberFrom(e.target as HTMLFormElement, 'seats'));
    }}
  >
    <h2 id=${`${id}-heading`}>
      ${t('roleAtSeats', { role: label, present: role.present, seats: role.seats })}
    </h2>
    <p>${t('roleAtSeatsText')}</p>
    <label for=${id}>${t('newRoleSeats', { role: label })}</label>
    <div class="row">
      <input
        id=${id}
        name="seats"
        type="number"
        inputmode="numeric"
        min=${role.seats + 1}
        step="1"
        .value=${String(role.seats + 5)}
      />
      <button type="submit" class="primary">${t('raiseRole', { role: label })}</button>
    </div>
  </form>`;
}
