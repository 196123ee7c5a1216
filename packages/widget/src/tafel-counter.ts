import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Counter, StatsChanged, type LocationFilter } from '@tafel/schema';
import styles from './tafel-counter.styles.ts';
import { GraphQLError, defaultEndpoint, query } from './lib/graphql.ts';
import { elementLang, formatNumber, refusalText, t } from './lib/i18n.ts';
import { LiveStream } from './lib/live.ts';
import { onUnlessFalse } from './lib/attributes.ts';

/** A filtered counter refetches its total at most this often while changes stream in. */
const REFETCH_EVERY = 1000;

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
 * @csspart notice - The discreet notice while the API cannot be reached, or why it refused (an unknown edition).
 *
 * @cssproperty [--tafel-counter-size=2.5em] - The number's size.
 * @cssproperty [--tafel-counter-color=var(--tafel-accent, #b4451f)] - The number's colour.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The font.
 * @cssproperty [--tafel-text-color=#1d2731] - The label's colour.
 */
export class TafelCounter extends LitElement {
  static override styles = styles;

  static override properties = {
    endpoint: { reflect: true },
    edition: { reflect: true },
    lang: {},
    organisation: { reflect: true },
    region: { reflect: true },
    label: { reflect: true },
    live: { converter: onUnlessFalse },
    _participants: { state: true },
    _locations: { state: true },
    _notice: { state: true },
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
  /** Live updates (on unless `live="false"`, which shows the number once). */
  declare live: boolean;

  declare _participants: number | null;
  declare _locations: number | null;
  /** Empty, or what the notice says. */
  declare _notice: string;

  #live: LiveStream<unknown, unknown> | undefined;
  #loads: AbortController | undefined;
  #refetch: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #lastFetch = 0;

  constructor() {
    super();
    this.live = true;
    this._participants = null;
    this._locations = null;
    this._notice = '';
  }

  get #filter(): LocationFilter | undefined {
    const filter: LocationFilter = {};
    if (this.organisation) filter.organisation = this.organisation;
    if (this.region) filter.region = this.region;
    return Object.keys(filter).length ? filter : undefined;
  }

  get #endpoint(): string {
    return this.endpoint || defaultEndpoint();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      void this.#fetch();
      this.#subscribe();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#live?.close();
    this.#live = undefined;
    this.#loads?.abort();
    clearTimeout(this.#refetch);
    clearTimeout(this.#retry);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (['endpoint', 'edition', 'organisation', 'region'].some((k) => changed.has(k as keyof TafelCounter))) void this.#fetch();
    if (['endpoint', 'edition', 'organisation', 'region', 'live'].some((k) => changed.has(k as keyof TafelCounter))) {
      this.#subscribe();
    }
  }

  /** Load the total; `fresh` for refetches after a live change, past any cached answer. */
  async #fetch(fresh = false): Promise<void> {
    if (!this.edition || !this.isConnected) return;
    clearTimeout(this.#retry);
    this.#loads?.abort();
    const loads = new AbortController();
    this.#loads = loads;
    this.#lastFetch = Date.now();
    try {
      const filter = this.#filter;
      const variables = { edition: this.edition, ...(filter ? { filter } : {}) };
      const { stats } = await query(this.#endpoint, Counter, variables, { signal: loads.signal, fresh });
      this.#set(stats.participants, stats.locations);
      this._notice = '';
    } catch (error) {
      if (loads.signal.aborted) return;
      if (error instanceof GraphQLError && error.final) return this.#stop(error);
      this._notice = t(elementLang(this), 'offline');
      this.#retry = setTimeout(() => void this.#fetch(true), 5000);
    }
  }

  /** The API refused what this counter asks (an unknown edition): asking again would not help. */
  #stop(error: GraphQLError): void {
    this.#live?.close();
    this.#live = undefined;
    this.#loads?.abort();
    clearTimeout(this.#refetch);
    this.#refetch = undefined;
    clearTimeout(this.#retry);
    this._notice = refusalText(elementLang(this), error, this.edition);
  }

  /** A filtered total cannot be read from the edition's stream: refetch it, at most once a second. */
  #scheduleFetch(): void {
    if (this.#refetch) return;
    const wait = Math.max(0, this.#lastFetch + REFETCH_EVERY - Date.now());
    this.#refetch = setTimeout(() => {
      this.#refetch = undefined;
      void this.#fetch(true);
    }, wait);
  }

  #set(participants: number, locations: number): void {
    const changed = participants !== this._participants;
    this._participants = participants;
    this._locations = locations;
    if (changed) this.dispatchEvent(new CustomEvent('tafel-count', { detail: { participants }, bubbles: true, composed: true }));
  }

  #subscribe(): void {
    this.#live?.close();
    this.#live = undefined;
    if (!this.live || !this.edition || !this.isConnected) return;
    this.#live = new LiveStream(this.#endpoint, StatsChanged, { edition: this.edition }, {
      data: ({ statsChanged }) => {
        if (this.#filter) this.#scheduleFetch();
        else this.#set(statsChanged.participants, statsChanged.locations);
      },
      status: (online) => (this._notice = online ? '' : t(elementLang(this), 'offline')),
      resumed: () => void this.#fetch(true),
      failed: (error) => this.#stop(error),
    }) as LiveStream<unknown, unknown>;
  }

  protected override render(): TemplateResult {
    const lang = elementLang(this);
    const value = this._participants;
    // No live region: a total that changes several times a second would drown a screen reader.
    return html`<div part="base" class="base" lang=${lang}>
      <span part="value" class="value">${value === null ? '–' : formatNumber(lang, value)}</span>
      <span part="label" class="label">${this.label || t(lang, 'counterLabel')}</span>
      ${this._locations === null
        ? nothing
        : html`<span part="venues" class="venues">${t(lang, 'atVenues', { n: formatNumber(lang, this._locations) })}</span>`}
      ${this._notice ? html`<span part="notice" class="notice">${this._notice}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-counter': TafelCounter;
  }
}
