/**
 * /live/<edition>: the day's numbers for journalists, no code needed. Expected, present and the
 * same hour last year (the API's comparison), the day's curve beside last year's and the bars per
 * region, meal and target group (`<tafel-chart>`, loaded from this origin's /widget/ as partners
 * load it), the press contact, each chart as CSV and PNG with source, licence and "as of" time.
 * Live over the public `statsChanged` stream; `?at=2027-10-14T19:30` (the edition's local clock)
 * shows a citable snapshot instead, the same every time.
 */

import { TARGET_GROUP_LABELS, type TargetGroup } from '@tafel/schema';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { NetworkError, request } from '../lib/gql.ts';
import { chooseLang, LANG_NAMES, LANGS, type Lang, startLang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { instantOn } from '../portal/api.ts';
import { type Credits, chartCsv, chartPng, download } from './export.ts';
import { LIVE } from './messages.ts';

/** The chart element, as the API serves it to partners; outside this page's bundle and budget. */
const CHART = '/widget/tafel-chart.js';
const POLL_EVERY = 15_000;

const EDITION = /* GraphQL */ `
  query LiveEdition($edition: String!) {
    edition(slug: $edition) {
      slug name date timeZone
      pressContact { name email phone }
    }
  }
`;

const NUMBERS = `participants expected locations updatedAt
  comparison { edition { name } participants difference atLeast available reason }
  mixing { total { minGroupSize mixedVenues suppressedVenues roles { role mixed } } }`;

const STATS = /* GraphQL */ `
  query LiveStats($edition: String!, $at: DateTime) {
    stats(edition: $edition, at: $at) { ${NUMBERS} }
  }
`;

const STATS_CHANGED = `subscription LiveStatsChanged($edition: String!) {
  statsChanged(edition: $edition) { ${NUMBERS} }
}`;

interface Edition {
  slug: string;
  name: string;
  date: string;
  timeZone: string;
  pressContact: { name: string | null; email: string | null; phone: string | null } | null;
}

interface Numbers {
  participants: number;
  expected: number;
  locations: number;
  updatedAt: string;
  comparison: {
    edition: { name: string };
    participants: number | null;
    difference: number | null;
    atLeast: boolean;
    available: boolean;
    reason: string | null;
  } | null;
  /** Null for a snapshot: the measure is of now only. */
  mixing: {
    total: {
      minGroupSize: number;
      mixedVenues: number;
      suppressedVenues: number;
      roles: { role: string; mixed: number | null }[];
    };
  } | null;
}

const CHARTS = ['timeline', 'regions', 'meals', 'groups'] as const;
type Chart = (typeof CHARTS)[number];

/** `2027-10-14T19:30` on the clocks of `timeZone` as an instant; null when it is no such time. */
export function zonedInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  if (!match || Number.isNaN(Date.parse(`${local}:00Z`))) return null;
  if (new Date(`${local}:00Z`).toISOString().slice(0, 16) !== local) return null;
  return new Date(instantOn(match[1]!, match[2]!, timeZone));
}

@customElement('tafel-live')
export class TafelLive extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        max-width: 72rem;
        margin: 0 auto;
        padding: 1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        justify-content: space-between;
      }
      .numbers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 1rem;
        margin: 1rem 0;
        padding: 0;
        list-style: none;
      }
      .numbers li {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0.75rem 1rem;
      }
      .numbers strong {
        display: block;
        font-size: 2rem;
        font-variant-numeric: tabular-nums;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        gap: 1.5rem;
      }
      section.chart {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0.75rem;
        min-width: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      button,
      select {
        min-height: 44px;
        font: inherit;
      }
      .message {
        border-left: 4px solid var(--tafel-error);
        padding: 0.5rem 1rem;
      }
      .status {
        color: var(--tafel-muted);
      }
      tafel-chart {
        display: block;
        --tafel-text-color: currentColor;
      }
      #mixing table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      #mixing th,
      #mixing td {
        text-align: start;
        padding: 0.25rem 1rem 0.25rem 0;
        border-bottom: 1px solid var(--tafel-line);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
    `,
  ];

  @state() private language: Lang = startLang();
  @state() private edition: Edition | null = null;
  @state() private numbers: Numbers | null = null;
  @state() private message = '';
  @state() private offline = false;
  @state() private licence = '';
  /** The snapshot's instant, when the address asks for one. */
  @state() private at: Date | null = null;

  #slug = decodeURIComponent(location.pathname.replace(/^\/live\/?/, '').replace(/\/$/, ''));
  #asked = new URL(location.href).searchParams.get('at');
  #source: EventSource | null = null;
  #poll: ReturnType<typeof setInterval> | undefined;

  get #t() {
    return translator(LIVE, this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.language;
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.close();
    clearInterval(this.#poll);
  }

  /** The charts' script, asked for once. */
  #chartScript: Promise<unknown> | undefined;

  async #start(): Promise<void> {
    const t = this.#t;
    if (!this.#slug) {
      this.message = t('noEdition');
      return;
    }
    // The charts' script comes beside the page's first questions, not after them: the elements
    // are defined by the time the numbers arrive, and draw at once.
    this.#chartScript ??= import(/* @vite-ignore */ CHART).catch(() => {
      this.offline = true;
    });
    try {
      const answer = await request<{ edition: Edition | null }>(EDITION, { edition: this.#slug });
      const edition = answer.data?.edition;
      if (!edition) {
        this.message = t('unknownEdition', { edition: this.#slug });
        return;
      }
      document.title = t('title', { name: edition.name });
      if (this.#asked !== null) {
        const at = zonedInstant(this.#asked, edition.timeZone);
        if (!at) {
          this.message = t('badAt', { at: this.#asked });
          return;
        }
        if (at.getTime() > Date.now()) {
          this.message = t('futureAt', { time: this.#time(at.toISOString(), edition) });
          return;
        }
        this.at = at;
      }
      const numbers = await this.#fetch();
      if (typeof numbers === 'string') {
        this.message = t('refusedAt', {
          time: this.#time(this.at!.toISOString(), edition),
          message: numbers,
        });
        return;
      }
      this.edition = edition;
      this.numbers = numbers;
      void this.#loadLicence();
      if (!this.at) this.#listen();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.offline = true;
      setTimeout(() => void this.#start(), 5000);
    }
  }

  /** The numbers now (or at the snapshot's minute); the API's message when it refuses. */
  async #fetch(): Promise<Numbers | string> {
    const variables = { edition: this.#slug, ...(this.at ? { at: this.at.toISOString() } : {}) };
    const answer = await request<{ stats: Numbers }>(STATS, variables);
    if (!answer.data) return answer.errors[0]?.message ?? '';
    this.offline = false;
    return answer.data.stats;
  }

  /** The open data's licence statement, as the API writes it on its files. */
  async #loadLicence(): Promise<void> {
    try {
      const response = await fetch(`/editions/${encodeURIComponent(this.#slug)}/stats.csv`);
      const [head, first] = (await response.text()).split(/\r?\n/);
      const column = head?.split(',').indexOf('licence') ?? -1;
      const cells = first?.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      const cell = (cells[column] ?? '').replace(/,$/, '');
      this.licence = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    } catch {
      // the files name the licence; the page still works without it
    }
  }

  /** Live: the public stream, and the query every little while when the stream is down. */
  #listen(): void {
    const url = new URL('/graphql', location.href);
    url.searchParams.set('query', STATS_CHANGED);
    url.searchParams.set('operationName', 'LiveStatsChanged');
    url.searchParams.set('variables', JSON.stringify({ edition: this.#slug }));
    const source = new EventSource(url.href);
    this.#source = source;
    source.addEventListener('next', (event) => {
      const body = JSON.parse((event as MessageEvent<string>).data) as {
        data?: { statsChanged?: Numbers };
      };
      const numbers = body.data?.statsChanged;
      if (numbers && (!this.numbers || numbers.updatedAt >= this.numbers.updatedAt))
        this.numbers = numbers;
      this.offline = false;
    });
    source.addEventListener('open', () => {
      clearInterval(this.#poll);
      this.#poll = undefined;
    });
    source.addEventListener('error', () => {
      if (this.#poll !== undefined) return;
      this.#poll = setInterval(async () => {
        try {
          const numbers = await this.#fetch();
          if (typeof numbers !== 'string') this.numbers = numbers;
        } catch {
          this.offline = true;
        }
      }, POLL_EVERY);
    });
  }

  #time(iso: string, edition = this.edition!): string {
    return new Intl.DateTimeFormat(this.language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: edition.timeZone,
    }).format(new Date(iso));
  }

  #n(value: number): string {
    return new Intl.NumberFormat(this.language).format(value);
  }

  #credits(): Credits {
    const t = this.#t;
    const address = new URL(location.href);
    address.search = this.at ? `?at=${this.#asked}` : '';
    const asOf = this.at
      ? this.at.toISOString()
      : (this.numbers?.updatedAt ?? new Date().toISOString());
    return {
      source: `${t('source')}: Tafel, ${address.href}`,
      licence: `${t('licence')}: ${this.licence || '–'}`,
      asOf: t('asOf', { time: this.#time(asOf) }),
    };
  }

  #chartOf(type: Chart): HTMLElement | null {
    return this.renderRoot.querySelector(`tafel-chart[type="${type}"]`);
  }

  #downloadCsv(type: Chart): void {
    const chart = this.#chartOf(type);
    if (!chart) return;
    const csv = chartCsv(chart, this.#credits());
    download(`${this.#slug}-${type}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }

  async #downloadPng(type: Chart): Promise<void> {
    const chart = this.#chartOf(type);
    if (!chart) return;
    const title = `${this.edition!.name}: ${this.#t(type)}`;
    const png = await chartPng(chart, title, this.#credits());
    if (png) download(`${this.#slug}-${type}.png`, png);
  }

  #switch(lang: Lang): void {
    chooseLang(lang);
    this.language = lang;
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    if (this.edition) document.title = this.#t('title', { name: this.edition.name });
  }

  #comparison(): TemplateResult {
    const t = this.#t;
    const c = this.numbers?.comparison;
    if (!c) return html`<li><span>${t('noComparison')}</span></li>`;
    const name = c.edition.name;
    if (!c.available || c.difference === null) {
      const n = c.participants === null ? '–' : `${this.#n(c.participants)}${c.atLeast ? '+' : ''}`;
      return html`<li id="same-hour">
        <span>${t('sameHour', { name })}</span><strong>${n}</strong>
        <span>${t('totalsOnly', { name, n, reason: c.reason ?? '' })}</span>
      </li>`;
    }
    const d = c.difference;
    const signed = `${d > 0 ? '+' : d < 0 ? '−' : '±'}${this.#n(Math.abs(d))}`;
    return html`<li id="same-hour">
      <span>${t('sameHour', { name })}</span><strong>${this.#n(c.participants ?? 0)}</strong>
      <span id="difference">${t('difference', { n: signed, name })}</span>
    </li>`;
  }

  #contact(): TemplateResult {
    const t = this.#t;
    const c = this.edition?.pressContact;
    return html`<section aria-labelledby="press">
      <h2 id="press">${t('pressContact')}</h2>
      ${
        c && (c.name || c.email || c.phone)
          ? html`<dl>
              ${c.name ? html`<dt>${t('pressContact')}</dt><dd>${c.name}</dd>` : nothing}
              ${c.email ? html`<dt>${t('email')}</dt><dd><a href="mailto:${c.email}">${c.email}</a></dd>` : nothing}
              ${c.phone ? html`<dt>${t('phone')}</dt><dd><a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a></dd>` : nothing}
            </dl>`
          : html`<p>${t('noPressContact')}</p>`
      }
    </section>`;
  }

  /**
   * The measure of mixing: per role, how many people shared a table with another role. A
   * suppressed figure (a group under the least size) says so instead of a number.
   */
  #mixing(): TemplateResult | typeof nothing {
    const t = this.#t;
    const m = this.numbers?.mixing?.total;
    if (!m || m.mixedVenues + m.suppressedVenues === 0) return nothing;
    const label = (role: string) =>
      TARGET_GROUP_LABELS[role as TargetGroup]?.[this.language] ?? role;
    const rows = m.roles.filter((r) => r.mixed !== 0);
    return html`<section id="mixing" aria-labelledby="h-mixing">
      <h2 id="h-mixing">${t('mixing')}</h2>
      <p>${t('mixingIntro', { n: this.#n(m.minGroupSize) })}</p>
      <table>
        <thead>
          <tr><th scope="col">${t('role')}</th><th scope="col">${t('mixedPeople')}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-role=${r.role}>
              <th scope="row">${label(r.role)}</th>
              <td>${r.mixed === null ? t('suppressed', { n: this.#n(m.minGroupSize) }) : this.#n(r.mixed)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p id="mixed-venues">
        ${t('mixedVenues', { n: this.#n(m.mixedVenues) })}
        ${m.suppressedVenues ? t('suppressedVenues', { n: this.#n(m.suppressedVenues) }) : nothing}
      </p>
      <p>
        <a href="/editions/${encodeURIComponent(this.#slug)}/mixing.csv" download>${t('mixingData')}</a>
      </p>
    </section>`;
  }

  #charts(): TemplateResult {
    const t = this.#t;
    const at = this.at?.toISOString();
    return html`<div class="charts">
      ${CHARTS.map(
        (type) => html`<section class="chart" aria-labelledby="h-${type}">
          <h2 id="h-${type}">${t(type)}</h2>
          <tafel-chart
            type=${type}
            edition=${this.#slug}
            lang=${this.language}
            compare=${type === 'timeline' ? 'previous' : ''}
            at=${at ?? nothing}
            live=${at ? 'false' : 'true'}
          ></tafel-chart>
          <div class="actions">
            <button type="button" data-csv=${type} @click=${() => this.#downloadCsv(type)}>
              ${t('downloadCsv', { chart: t(type) })}
            </button>
            <button type="button" data-png=${type} @click=${() => void this.#downloadPng(type)}>
              ${t('downloadPng', { chart: t(type) })}
            </button>
          </div>
        </section>`,
      )}
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.#t;
    const edition = this.edition;
    const numbers = this.numbers;
    return html`<header>
        <h1>${edition ? t('title', { name: edition.name }) : 'Tafel'}</h1>
        <label>
          ${t('language')}
          <select @change=${(e: Event) => this.#switch((e.target as HTMLSelectElement).value as Lang)}>
            ${LANGS.map((l) => html`<option value=${l} ?selected=${l === this.language}>${LANG_NAMES[l]}</option>`)}
          </select>
        </label>
      </header>
      <main>
        ${this.message ? html`<p class="message" role="alert" id="message">${this.message}</p>` : nothing}
        ${this.offline ? html`<p class="status" role="status">${t('offline')}</p>` : nothing}
        ${
          edition && numbers
            ? html`<p class="status" id="mode">
                  ${this.at ? t('snapshot', { time: this.#time(this.at.toISOString()) }) : t('liveNow')}
                  ${this.at ? nothing : t('asOf', { time: this.#time(numbers.updatedAt) })}
                </p>
                <ul class="numbers">
                  <li id="expected"><span>${t('expected')}</span><strong>${this.#n(numbers.expected)}</strong></li>
                  <li id="present"><span>${t('present')}</span><strong>${this.#n(numbers.participants)}</strong></li>
                  ${this.#comparison()}
                </ul>
                ${this.#charts()}
                ${this.#mixing()}
                <p>
                  <a href="/editions/${encodeURIComponent(this.#slug)}/stats.csv" download>${t('openData')}</a>
                  (<a href="/editions/${encodeURIComponent(this.#slug)}/timeline.csv" download>timeline.csv</a>)
                </p>
                ${this.#contact()}`
            : this.message
              ? nothing
              : html`<p class="status">${t('loading')}</p>`
        }
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-live': TafelLive;
  }
}
