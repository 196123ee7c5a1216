/**
 * `#day`, the staff's view of the day (admins and moderators): every venue's state now, filters by
 * region and organisation, the reporting coverage per region, kept current (day-data.ts), and per
 * venue a button that makes a new host link and copies it — a link's secret is shown only when it
 * is made, so "copy" means a new link; the page says so.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatNumber, type Lang, translator } from '../../lib/i18n.ts';
import { base } from '../../lib/styles.ts';
import {
  type DayData,
  type DayVenue,
  type EditionChoice,
  editions,
  follow,
  nearestEdition,
  newHostLink,
  readDay,
} from './day-data.ts';
import { DAY } from './messages.ts';

/** What /manage hands a section (sections.ts's SectionContext; not imported: it loads this file). */
interface DayContext {
  lang: Lang;
  me: { role: 'ADMIN' | 'MODERATOR' | 'PRESS' | null };
}

@customElement('tafel-section-day')
export class TafelSectionDay extends LitElement {
  static override styles = [
    base,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      .filters .field {
        flex: 1 1 12rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 0 0 1.5rem;
      }
      caption {
        text-align: left;
        color: var(--tafel-muted);
        padding: 0 0 0.5rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--tafel-line);
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .badge {
        display: inline-block;
        font-weight: 600;
        border: 2px solid currentColor;
        border-radius: 0.25rem;
        padding: 0 0.3rem;
        margin: 0 0.25rem 0.25rem 0;
      }
      .SILENT,
      .jump {
        color: var(--tafel-error);
      }
      .full {
        color: var(--tafel-ok);
      }
      .small {
        display: block;
        color: var(--tafel-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) context!: DayContext;
  @state() private list: EditionChoice[] | null = null;
  @state() private edition = '';
  @state() private region = '';
  @state() private organisation = '';
  @state() private day: DayData | null = null;
  /** Regions and organisations as the unfiltered view has them: the filters' choices. */
  @state() private choices: { regions: (string | null)[]; organisations: [string, string][] } = {
    regions: [],
    organisations: [],
  };
  @state() private error: string | null = null;
  @state() private copied = '';
  private stop: (() => void) | null = null;

  private get language(): Lang {
    return this.context.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async start(): Promise<void> {
    this.list = await editions();
    this.choose(nearestEdition(this.list));
  }

  private choose(edition: string): void {
    this.stop?.();
    this.edition = edition;
    this.region = '';
    this.organisation = '';
    this.day = null;
    if (!edition) return;
    void this.read();
    this.stop = follow(edition, () => void this.read());
  }

  private async read(): Promise<void> {
    const filter = {
      ...(this.region ? { region: this.region } : {}),
      ...(this.organisation ? { organisation: this.organisation } : {}),
    };
    const { day, error } = await readDay(this.edition, filter);
    this.error = error;
    if (!day) return;
    this.day = day;
    if (!this.region && !this.organisation) {
      const organisations = new Map(
        day.venues.map((v) => [v.organisationSlug, v.organisationName]),
      );
      this.choices = {
        regions: day.coverage.map((c) => c.region),
        organisations: [...organisations].sort((a, b) => a[1].localeCompare(b[1], this.language)),
      };
    }
  }

  private async copy(venue: DayVenue): Promise<void> {
    const t = translator(DAY, this.language);
    const name = venue.location.name;
    const { url, error } = await newHostLink(venue.location.id);
    if (!url) {
      this.copied = error ?? '';
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      this.copied = t('copied', { name, url });
    } catch {
      this.copied = t('copyFailed', { name, url });
    }
  }

  private time(iso: string | null): string {
    if (!iso) return '';
    const zone = this.list?.find((e) => e.slug === this.edition)?.timeZone;
    return new Intl.DateTimeFormat(this.language, {
      hour: '2-digit',
      minute: '2-digit',
      ...(zone ? { timeZone: zone } : {}),
    }).format(new Date(iso));
  }

  override render() {
    const t = translator(DAY, this.language);
    if (this.list === null) return nothing;
    if (this.list.length === 0) return html`<p>${t('noEditions')}</p>`;
    const day = this.day;
    return html`<h2>${t('title')}</h2>
      <p>${t('intro', { minutes: day?.silentAfter ?? 30, jump: day?.jumpOver ?? 25 })}</p>
      ${this.filters()}
      ${this.error ? html`<p role="alert" class="error">${t('failed', { message: this.error })}</p>` : nothing}
      <p role="status">${day ? this.summary(day) : ''}</p>
      ${day ? this.coverage(day) : nothing} ${day ? this.venues(day) : nothing}`;
  }

  private summary(day: DayData): string {
    const t = translator(DAY, this.language);
    return `${t('updated', { time: this.time(day.at) })} ${t('summary', {
      silent: day.venues.filter((v) => v.state === 'SILENT').length,
      full: day.venues.filter((v) => v.full).length,
      jumps: day.venues.filter((v) => v.jump).length,
    })}`;
  }

  private filters() {
    const t = translator(DAY, this.language);
    const refilter = (set: (value: string) => void) => (event: Event) => {
      set((event.target as HTMLSelectElement).value);
      void this.read();
    };
    return html`<div class="filters">
      <div class="field">
        <label for="edition">${t('edition')}</label>
        <select id="edition" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
          ${this.list!.map(
            (e) =>
              html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.name} (${e.date})</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="region">${t('region')}</label>
        <select id="region" @change=${refilter((v) => (this.region = v))}>
          <option value="" ?selected=${!this.region}>${t('all')}</option>
          ${this.choices.regions
            .filter((r): r is string => r !== null)
            .map((r) => html`<option value=${r} ?selected=${r === this.region}>${r}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="organisation">${t('organisation')}</label>
        <select id="organisation" @change=${refilter((v) => (this.organisation = v))}>
          <option value="" ?selected=${!this.organisation}>${t('all')}</option>
          ${this.choices.organisations.map(
            ([slug, name]) =>
              html`<option value=${slug} ?selected=${slug === this.organisation}>${name}</option>`,
          )}
        </select>
      </div>
    </div>`;
  }

  private coverage(day: DayData) {
    const t = translator(DAY, this.language);
    const pct = (share: number | null) =>
      share === null
        ? '—'
        : new Intl.NumberFormat(this.language, {
            style: 'percent',
            maximumFractionDigits: 0,
          }).format(share);
    return html`<h3>${t('coverageTitle')}</h3>
      <div class="scroll">
        <table class="coverage">
          <caption>${t('coverageCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('region')}</th>
              <th scope="col" class="num">${t('started')}</th>
              <th scope="col" class="num">${t('reported')}</th>
              <th scope="col" class="num">${t('share')}</th>
            </tr>
          </thead>
          <tbody>
            ${day.coverage.map(
              (c) => html`<tr data-region=${c.region ?? ''}>
                <th scope="row">${c.region ?? t('noRegion')}</th>
                <td class="num">${formatNumber(c.started, this.language)}</td>
                <td class="num">${formatNumber(c.reported, this.language)}</td>
                <td class="num">${pct(c.share)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private venues(day: DayData) {
    const t = translator(DAY, this.language);
    const admin = this.context.me.role === 'ADMIN';
    return html`<h3>${t('venuesTitle')}</h3>
      <p class="hint">${admin ? t('copyHint') : t('adminOnly')}</p>
      <p role="status" class="ok">${this.copied}</p>
      ${
        day.venues.length === 0
          ? html`<p>${t('none')}</p>`
          : html`<div class="scroll">
              <table class="venues">
                <caption>${t('venuesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('venue')}</th>
                    <th scope="col">${t('start')}</th>
                    <th scope="col">${t('state')}</th>
                    <th scope="col" class="num">${t('count')}</th>
                    <th scope="col">${t('lastReport')}</th>
                    <th scope="col">${t('jump')}</th>
                    ${admin ? html`<th scope="col">${t('hostLink')}</th>` : nothing}
                  </tr>
                </thead>
                <tbody>
                  ${day.venues.map((v) => this.row(v, day, admin))}
                </tbody>
              </table>
            </div>`
      }`;
  }

  private row(v: DayVenue, day: DayData, admin: boolean) {
    const t = translator(DAY, this.language);
    const where = [v.organisationName, v.location.address?.city, v.location.address?.region]
      .filter(Boolean)
      .join(' · ');
    const n = formatNumber(v.location.participants, this.language);
    return html`<tr data-id=${v.location.id} data-state=${v.state}>
      <th scope="row">${v.location.name}<span class="small">${where}</span></th>
      <td>${this.time(v.location.startsAt)}</td>
      <td>
        <span class="badge ${v.state}"
          >${v.state === 'SILENT' ? t('silentFor', { minutes: day.silentAfter }) : t(v.state)}</span
        >${v.full ? html`<span class="badge full">${t('full')}</span>` : nothing}
      </td>
      <td class="num">
        ${v.location.capacity === null ? n : `${n} / ${formatNumber(v.location.capacity, this.language)}`}
      </td>
      <td>${v.lastReportAt ? this.time(v.lastReportAt) : t('never')}</td>
      <td class=${v.jump ? 'jump' : ''}>
        ${
          v.jump
            ? t('jumpText', {
                from: formatNumber(v.jump.from, this.language),
                to: formatNumber(v.jump.to, this.language),
                time: this.time(v.jump.at),
              })
            : ''
        }
      </td>
      ${
        admin
          ? html`<td>
              <button type="button" @click=${() => void this.copy(v)}>
                ${t('copyLink')}<span class="visually-hidden">: ${v.location.name}</span>
              </button>
            </td>`
          : nothing
      }
    </tr>`;
  }
}
