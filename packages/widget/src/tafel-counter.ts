import {
  Counter,
  CounterCompared,
  CounterComparedChanged,
  type CounterComparisonFields,
  CounterMeasure,
  StatsChanged,
} from '@tafel/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from './lib/data-controller.ts';
import { type GraphQLError, query } from './lib/graphql.ts';
import { elementLang, formatNumber, refusalText, t } from './lib/i18n.ts';
import { LiveController } from './lib/live-controller.ts';
import { endpointOf, filterOf, TafelElement } from './lib/tafel-element.ts';
import { ThrottledReload } from './lib/throttled-reload.ts';
import styles from './tafel-counter.styles.ts';

/** A filtered counter refetches its total at most this often while changes stream in. */
const REFETCH_EVERY = 1000;
/** After a failed load, the counter tries again this much later. */
const RETRY_AFTER = 5000;
/** A measure (placements) changes by reports, not by the minute: asked again this often. */
const MEASURE_EVERY = 60_000;

/**
 * The live number of participants of an edition, optionally of one organisation or region,
 * with a label: for a news article or a partner's home page.
 *
 * @summary The live participant total of a Tafel edition.
 *
 * @event {CustomEvent<{ participants: number }>} tafel-count - The total changed. Bubbles, composed.
 *
 * @csspart base - The counter.
 * @csspart value - The number.
 * @csspart label - The words under the number.
 * @csspart venues - How many venues the number counts.
 * @csspart compare - The difference with the same hour of another edition (`compare`), in words.
 * @csspart notice - The discreet notice while the API cannot be reached, or why it refused (an unknown edition).
 *
 * @cssproperty [--tafel-counter-size=2.5em] - The number's size.
 * @cssproperty [--tafel-counter-color=var(--tafel-accent, #b4451f)] - The number's colour.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The font.
 * @cssproperty [--tafel-text-color=#1d2731] - The label's colour.
 */
export class TafelCounter extends TafelElement {
  static override styles = styles;

  static override properties = {
    label: { reflect: true },
    compare: { reflect: true },
    measure: { reflect: true },
    _participants: { state: true },
    _comparison: { state: true },
    _locations: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `nid-2027`. */
  declare edition: string | undefined;
  /** `nl`, `en`, `de` or `da`; defaults to the page's language, then Dutch. */
  declare lang: string;
  /** Count only this organisation's venues (its slug). */
  declare organisation: string | undefined;
  /** Count only this region, an ISO 3166-2 code such as `NL-UT`. */
  declare region: string | undefined;
  /** The words under the number; defaults to "people at the table" in the element's language ("mensen aan tafel"). */
  declare label: string | undefined;
  /**
   * Show the difference with the same local clock time of another edition of the series, e.g.
   * "+312 vs. the same hour last year": `previous` (the series' previous edition) or an edition's
   * slug. An edition with recorded totals only shows its total and why there is no same hour.
   */
  declare compare: string | undefined;
  /**
   * Count what the edition's federation counts beside people instead (`Edition.measures`), e.g.
   * `PLACEMENTS`: its total, optionally of one organisation, under its name. Asked again every
   * minute while live.
   */
  declare measure: string | undefined;
  /** Live updates (on unless `live="false"`, which shows the number once). */
  declare live: boolean;
  /** The measure's name in the element's language, from the API. */
  #measureLabel = '';
  #measureTimer: ReturnType<typeof setInterval> | undefined;

  declare _participants: number | null;
  /** The comparison: undefined until loaded, null when the edition has no previous one. */
  declare _comparison: CounterComparisonFields | null | undefined;
  #year: number | null = null;
  declare _locations: number | null;

  #data = new DataController(this, {
    load: (signal, fresh) => this.#fetch(signal, fresh),
    retryDelay: () => RETRY_AFTER,
    unreachable: () => (this._notice = t(elementLang(this), 'offline')),
    refused: (error) => this.#stop(error),
  });
  #live = new LiveController(this, StatsChanged, {
    wanted: () => !this.#compareWith && !this.measure,
    data: ({ statsChanged }) => {
      if (filterOf(this)) this.#refetch.schedule();
      else this.#set(statsChanged.participants, statsChanged.locations);
    },
    resumed: () => void this.#data.reload(true),
    // Not `fresh`: the cacheable GET, which a CDN in front of the API answers for everyone.
    poll: () => void this.#data.reload(),
    failed: (error) => this.#stop(error),
  });
  // With a comparison the API filters the stream itself and carries the comparison: no refetch.
  #liveCompared = new LiveController(this, CounterComparedChanged, {
    wanted: () => this.#compareWith !== undefined && !this.measure,
    variables: () => this.#comparedVariables(),
    data: ({ statsChanged }) => {
      this.#set(statsChanged.participants, statsChanged.locations);
      this._comparison = statsChanged.comparison;
    },
    resumed: () => void this.#data.reload(true),
    poll: () => void this.#data.reload(),
    failed: (error) => this.#stop(error),
  });
  #refetch = new ThrottledReload(() => void this.#data.reload(true), REFETCH_EVERY);

  constructor() {
    super();
    this._participants = null;
    this._locations = null;
    this._comparison = undefined;
  }

  /** The `compare` attribute as the API's `compareWith`: '' for the previous edition, or undefined for none. */
  get #compareWith(): string | undefined {
    const text = (this.compare ?? '').trim();
    if (!text) return undefined;
    return text.toLowerCase() === 'previous' ? '' : text;
  }

  #comparedVariables(): { filter?: object; compareWith?: string } {
    const filter = filterOf(this);
    const compareWith = this.#compareWith;
    return { ...(filter ? { filter } : {}), ...(compareWith ? { compareWith } : {}) };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#refetch.cancel();
    clearInterval(this.#measureTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const asked = ['endpoint', 'edition', 'organisation', 'region', 'compare', 'measure'];
    if (asked.some((k) => changed.has(k as keyof TafelCounter))) void this.#data.reload();
    if (['measure', 'live'].some((k) => changed.has(k as keyof TafelCounter))) {
      clearInterval(this.#measureTimer);
      if (this.measure && this.live !== false)
        this.#measureTimer = setInterval(() => void this.#data.reload(), MEASURE_EVERY);
    }
    if ([...asked, 'live'].some((k) => changed.has(k as keyof TafelCounter))) {
      this.#live.subscribe();
      this.#liveCompared.subscribe();
    }
  }

  /** Load the total; `fresh` for refetches after a live change, past any cached answer. */
  async #fetch(signal: AbortSignal, fresh: boolean): Promise<void> {
    this.#refetch.started();
    const filter = filterOf(this);
    if (this.measure) {
      const variables = { edition: this.edition!, ...(filter ? { filter } : {}) };
      const { stats } = await query(endpointOf(this), CounterMeasure, variables, { signal, fresh });
      const lang = elementLang(this);
      const found = stats.measures?.find((m) => m.key === this.measure!.trim().toUpperCase());
      if (!found) {
        this._participants = null;
        this._notice = t(lang, 'noMeasure', { measure: this.measure });
        return;
      }
      this.#measureLabel = found[lang] ?? found.key;
      this.#set(found.total, null);
      this._comparison = undefined;
      this._notice = '';
      return;
    }
    if (this.#compareWith !== undefined) {
      const variables = { edition: this.edition!, ...this.#comparedVariables() };
      const data = await query(endpointOf(this), CounterCompared, variables, { signal, fresh });
      this.#year = data.edition ? Number(data.edition.date.slice(0, 4)) : null;
      this.#set(data.stats.participants, data.stats.locations);
      this._comparison = data.stats.comparison;
      this._notice = '';
      return;
    }
    const variables = { edition: this.edition!, ...(filter ? { filter } : {}) };
    const { stats } = await query(endpointOf(this), Counter, variables, { signal, fresh });
    this.#set(stats.participants, stats.locations);
    this._comparison = undefined;
    this._notice = '';
  }

  /** The API refused what this counter asks (an unknown edition): asking again would not help. */
  #stop(error: GraphQLError): void {
    this.#live.close();
    this.#liveCompared.close();
    this.#data.stop();
    this.#refetch.cancel();
    this._notice = refusalText(elementLang(this), error, this.edition);
  }

  #set(participants: number, locations: number | null): void {
    const changed = participants !== this._participants;
    this._participants = participants;
    this._locations = locations;
    if (changed)
      this.dispatchEvent(
        new CustomEvent('tafel-count', { detail: { participants }, bubbles: true, composed: true }),
      );
  }

  /** The same hour of the compared edition, in words: "+312 vs. the same hour last year". */
  #compared(lang: ReturnType<typeof elementLang>): TemplateResult | typeof nothing {
    const c = this._comparison;
    if (this.#compareWith === undefined || c === undefined) return nothing;
    if (!c) return html`<span part="compare" class="compare">${t(lang, 'noCompare')}</span>`;
    const name = c.edition.name;
    if (!c.available || c.difference === null) {
      const n =
        c.participants === null
          ? '–'
          : `${formatNumber(lang, c.participants)}${c.atLeast ? '+' : ''}`;
      return html`<span part="compare" class="compare">${t(lang, 'compareTotals', { name, n })}${
        c.reason ? ` ${c.reason}` : ''
      }</span>`;
    }
    const signed = `${c.difference > 0 ? '+' : c.difference < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(c.difference))}`;
    const lastYear = this.#year !== null && Number(c.edition.date.slice(0, 4)) === this.#year - 1;
    return html`<span part="compare" class="compare">${
      lastYear
        ? t(lang, 'compareLastYear', { n: signed })
        : t(lang, 'compareEdition', { n: signed, name })
    }</span>`;
  }

  protected override render(): TemplateResult {
    const lang = elementLang(this);
    const value = this._participants;
    // No live region: a total that changes several times a second would drown a screen reader.
    return html`<div part="base" class="base" lang=${lang}>
      <span part="value" class="value">${value === null ? '–' : formatNumber(lang, value)}</span>
      <span part="label" class="label">${this.label || this.#measureLabel || t(lang, 'counterLabel')}</span>
      ${
        this._locations === null
          ? nothing
          : html`<span part="venues" class="venues">${t(lang, 'atVenues', { n: formatNumber(lang, this._locations) })}</span>`
      }
      ${this.#compared(lang)}
      ${this._notice ? html`<span part="notice" class="notice">${this._notice}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-counter': TafelCounter;
  }
}
