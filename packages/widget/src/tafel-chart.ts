import { ChartStatsChanged, type ChartStatsFields } from '@tafel/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  type ComparisonTotals,
  loadSeries,
  parseComparison,
  resolveComparison,
  type SeriesRequest,
} from './lib/chart-compare.ts';
import {
  type ChartRows,
  type ChartSeries,
  type ChartType,
  chartParts,
  chartRows,
  chartType,
} from './lib/chart-data.ts';
import { ChartCanvas, type ChartLook, COMPARE_DASH } from './lib/chart-draw.ts';
import { ct } from './lib/chart-i18n.ts';
import { DataController } from './lib/data-controller.ts';
import { GraphQLError } from './lib/graphql.ts';
import { elementLang, formatNumber, refusalText, t } from './lib/i18n.ts';
import { LiveController } from './lib/live-controller.ts';
import { endpointOf, filterOf, TafelElement } from './lib/tafel-element.ts';
import { ThrottledReload } from './lib/throttled-reload.ts';
import styles from './tafel-chart.styles.ts';

/** A filtered chart refetches its numbers at most this often while changes stream in. */
const REFETCH_EVERY = 1000;
/** After a failed load, the chart tries again this much later. */
const RETRY_AFTER = 5000;
/** A filtered chart's stream only says that something changed: it asks for no numbers. */
const NOTHING = { timeline: false, regions: false, meals: false, groups: false };

/**
 * A chart of an edition for a news article: the participants over the day (per 15 minutes, on
 * the local clock of the edition's day), or per region, meal or target group; optionally beside
 * another edition; live. Each chart has its numbers as a table too (for screen readers always,
 * for everyone at the press of a button). Loaded by its own script, `tafel-chart.js`.
 *
 * @summary A live chart of a Tafel edition, with its numbers as a table.
 *
 * @csspart base - The chart's frame (a `figure`).
 * @csspart title - The chart's title (its `figcaption`).
 * @csspart legend - Which line or bars are which edition, when two are drawn.
 * @csspart chart - The drawing.
 * @csspart table-toggle - The button that shows or hides the table.
 * @csspart table - The numbers as a table.
 * @csspart notice - The discreet notice while the API cannot be reached, why it refused, or why a comparison is left out.
 *
 * @cssproperty [--tafel-accent=#b4451f] - The edition's line and bars.
 * @cssproperty [--tafel-text-color=#1d2731] - Words, axes and the compared edition's line and bars.
 * @cssproperty [--tafel-border-color=#d5dbe1] - The grid and the table's rules.
 * @cssproperty [--tafel-background=transparent] - The chart's background.
 * @cssproperty [--tafel-focus-color=#1a73e8] - The keyboard focus ring.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The font.
 */
export class TafelChart extends TafelElement {
  static override styles = styles;

  static override properties = {
    type: { reflect: true },
    compare: { reflect: true },
    at: { reflect: true },
    _main: { state: true },
    _other: { state: true },
    _note: { state: true },
    _tableShown: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `nid-2027`. */
  declare edition: string | undefined;
  /** What to draw: `timeline` (participants over the day, per 15 minutes), `regions`, `meals` or `groups` (target groups). */
  declare type: string;
  /**
   * Another edition to draw beside this one, by its slug (e.g. `nid-2026`): its day's curve at the
   * same clock times, or its bars beside these. `previous`: the series' previous edition as the API
   * compares it (its curve at the same clock times); one with recorded totals only shows its total
   * and the API's reason as a note, never a curve.
   */
  declare compare: string | undefined;
  /**
   * A citable snapshot: the numbers as they stood at this instant of the edition's day (ISO 8601,
   * e.g. `2027-10-14T17:30:00Z`), the same every time; not live.
   */
  declare at: string | undefined;
  /** `nl`, `en`, `de` or `da`; defaults to the page's language, then Dutch. */
  declare lang: string;
  /** Only this organisation's venues (its slug). */
  declare organisation: string | undefined;
  /** Only this region, an ISO 3166-2 code such as `NL-UT`. */
  declare region: string | undefined;
  /** Live updates (on unless `live="false"`, which draws the numbers once). */
  declare live: boolean;

  declare _main: ChartSeries | null;
  declare _other: ChartSeries | null;
  declare _note: string;
  declare _tableShown: boolean;

  #data = new DataController(this, {
    load: (signal, fresh) => this.#fetch(signal, fresh),
    retryDelay: () => RETRY_AFTER,
    unreachable: () => (this._notice = t(elementLang(this), 'offline')),
    refused: (error) => this.#stop(error),
  });
  #live = new LiveController(this, ChartStatsChanged, {
    wanted: () => !this.at,
    variables: () => (filterOf(this) ? NOTHING : chartParts(this.#type)),
    data: ({ statsChanged }) => {
      if (filterOf(this)) this.#refetch.schedule();
      else this.#apply(statsChanged);
    },
    resumed: () => void this.#data.reload(true),
    poll: () => void this.#data.reload(),
    failed: (error) => this.#stop(error),
  });
  #refetch = new ThrottledReload(() => void this.#data.reload(true), REFETCH_EVERY);
  #canvas = new ChartCanvas();
  #resize: ResizeObserver | undefined;
  #width = 0;

  constructor() {
    super();
    this.type = 'timeline';
    this._main = null;
    this._other = null;
    this._note = '';
    this._tableShown = false;
  }

  get #type(): ChartType {
    return chartType(this.type);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => {
      if (this.#plotWidth() !== this.#width) this.#draw();
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#refetch.cancel();
    this.#canvas.destroy();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const asked = ['endpoint', 'edition', 'organisation', 'region', 'type', 'compare', 'at'];
    if (asked.some((k) => changed.has(k as keyof TafelChart))) {
      this._main = null;
      this._other = null;
      void this.#data.reload();
    }
    if ([...asked, 'live'].some((k) => changed.has(k as keyof TafelChart))) this.#live.subscribe();
    if (['_main', '_other', 'lang'].some((k) => changed.has(k as keyof TafelChart))) this.#draw();
  }

  /** Load this edition's numbers and the compared edition's; `fresh` past any cached answer. */
  async #fetch(signal: AbortSignal, fresh: boolean): Promise<void> {
    this.#refetch.started();
    const request: SeriesRequest = {
      endpoint: endpointOf(this),
      parts: chartParts(this.#type),
      filter: filterOf(this),
      signal,
      fresh,
      ...(this.at ? { at: this.at } : {}),
    };
    const comparison = parseComparison(this.compare);
    const [main, other] = await Promise.all([
      loadSeries(this.edition!, request),
      resolveComparison(comparison, this.edition!, request).catch((error: unknown) => {
        // An edition the API does not know spoils the comparison only, not the chart.
        if (error instanceof GraphQLError && error.final) return null;
        throw error;
      }),
    ]);
    const lang = elementLang(this);
    const totals = other && !('stats' in other) ? other : null;
    this._note = totals
      ? this.#totalsNote(lang, totals)
      : comparison.kind === 'edition' && other === null
        ? ct(lang, 'unknownCompare', { edition: comparison.slug })
        : comparison.kind === 'previous' && other === null
          ? ct(lang, 'noPrevious')
          : '';
    this._other = other && 'stats' in other ? other : null;
    if (main) this.#apply(main.stats, main);
    this._notice = '';
  }

  /** A compared edition without a curve: its recorded total, and the API's reason. */
  #totalsNote(lang: ReturnType<typeof elementLang>, totals: ComparisonTotals): string {
    const n =
      totals.participants === null
        ? '–'
        : `${formatNumber(lang, totals.participants)}${totals.atLeast ? '+' : ''}`;
    return ct(lang, 'comparedTotals', { name: totals.name, n, reason: totals.reason });
  }

  /** Newer numbers for this edition, from a load or the stream; older ones than shown are dropped. */
  #apply(stats: ChartStatsFields, series?: ChartSeries): void {
    const current = this._main;
    if (!series && !current) return;
    if (current && !series && stats.updatedAt < current.stats.updatedAt) return;
    this._main = { ...(series ?? current!), stats };
  }

  /** The API refused what this chart asks (an unknown edition): asking again would not help. */
  #stop(error: GraphQLError): void {
    this.#live.close();
    this.#data.stop();
    this.#refetch.cancel();
    this._notice = refusalText(elementLang(this), error, this.edition);
  }

  #plotWidth(): number {
    return Math.floor(this.renderRoot.querySelector<HTMLElement>('.plot')?.clientWidth ?? 0);
  }

  get #series(): ChartSeries[] {
    return this._main ? [this._main, ...(this._other ? [this._other] : [])] : [];
  }

  get #rows(): ChartRows {
    return chartRows(this.#type, elementLang(this), this.#series);
  }

  #look(): ChartLook {
    const style = getComputedStyle(this);
    const base = this.renderRoot.querySelector('.base');
    const font = base ? getComputedStyle(base).fontFamily : 'system-ui, sans-serif';
    return {
      accent: style.getPropertyValue('--_accent').trim() || '#b4451f',
      text: style.getPropertyValue('--_text').trim() || '#1d2731',
      grid: style.getPropertyValue('--_grid').trim() || '#d5dbe1',
      font: `12px ${font}`,
    };
  }

  /** Draw the canvas from the numbers, and say in words what it shows. */
  #draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!target) return;
    if (!this._main) {
      this.#canvas.destroy();
      return;
    }
    this.#width = this.#plotWidth();
    const lang = elementLang(this);
    const type = this.#type;
    const rows = this.#rows;
    const canvas = this.#canvas.draw(target, {
      type,
      lang,
      rows,
      look: this.#look(),
      width: Math.max(200, this.#width),
    });
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.#summary(lang, type, rows));
  }

  /** The canvas in words: what it draws, and each edition's latest number or biggest bucket. */
  #summary(lang: ReturnType<typeof elementLang>, type: ChartType, rows: ChartRows): string {
    const parts = this.#series.map((series, s) => {
      const values = rows.values[s] ?? [];
      if (type === 'timeline') {
        const i = values.findLastIndex((v) => v !== null);
        return i < 0
          ? `${series.name}: ${ct(lang, 'noData')}`
          : ct(lang, 'lineSummary', {
              name: series.name,
              n: formatNumber(lang, values[i]!),
              time: rows.labels[i]!,
            });
      }
      const top = values.reduce<number>(
        (best, v, i) => ((v ?? 0) > (values[best] ?? 0) ? i : best),
        0,
      );
      return values.length
        ? ct(lang, 'barSummary', {
            name: series.name,
            top: rows.labels[top]!,
            n: formatNumber(lang, values[top] ?? 0),
          })
        : `${series.name}: ${ct(lang, 'noData')}`;
    });
    return ct(lang, type === 'timeline' ? 'lineChart' : 'barChart', {
      title: ct(lang, type),
      summary: parts.join('; '),
    });
  }

  #legend(): TemplateResult | typeof nothing {
    const series = this.#series;
    if (series.length < 2) return nothing;
    return html`<ul part="legend" class="legend">
      ${series.map(
        (s, i) =>
          html`<li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" stroke=${i ? 'var(--_text)' : 'var(--_accent)'}
                stroke-width="3" stroke-dasharray=${i ? COMPARE_DASH.join(' ') : 'none'} />
            </svg>
            ${s.name}
          </li>`,
      )}
    </ul>`;
  }

  #table(lang: ReturnType<typeof elementLang>, type: ChartType): TemplateResult {
    const rows = this.#rows;
    const series = this.#series;
    const head =
      type === 'timeline'
        ? ct(lang, 'time')
        : t(lang, type === 'regions' ? 'region' : type === 'meals' ? 'meal' : 'targetGroup');
    // The wrapper hides it visually (a table's own height grows to its rows): screen readers read it.
    return html`<div id="table" class=${this._tableShown ? 'numbers' : 'numbers sr-only'}><table part="table">
      <caption>
        ${ct(lang, type)}${series.length ? `: ${series.map((s) => s.name).join(' / ')}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">${head}</th>
          ${series.map((s) => html`<th scope="col">${s.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.labels.map(
          (label, r) =>
            html`<tr>
              <th scope="row">${label}</th>
              ${rows.values.map((values) => {
                const value = values[r];
                return html`<td>${value === null || value === undefined ? '–' : formatNumber(lang, value)}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  protected override render(): TemplateResult {
    const lang = elementLang(this);
    const type = this.#type;
    const title = ct(lang, type);
    const name = this._main?.name;
    return html`<figure part="base" class="base" lang=${lang}>
      <figcaption part="title" class="title">${name ? `${title} · ${name}` : title}</figcaption>
      ${this.#legend()}
      <div part="chart" class="plot"></div>
      <button
        part="table-toggle"
        class="toggle"
        type="button"
        aria-expanded=${this._tableShown ? 'true' : 'false'}
        aria-controls="table"
        @click=${() => (this._tableShown = !this._tableShown)}
      >
        ${ct(lang, this._tableShown ? 'hideTable' : 'showTable')}
      </button>
      ${this.#table(lang, type)}
      ${
        this._notice || this._note
          ? html`<span part="notice" class="notice">${[this._notice, this._note].filter(Boolean).join(' ')}</span>`
          : nothing
      }
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-chart': TafelChart;
  }
}
