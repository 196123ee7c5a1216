import {
  EditionProgramme,
  type Lang,
  type ProgrammeMeeting,
  type ProgrammeSession,
  type ResultOf,
} from '@tafel/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from './lib/data-controller.ts';
import { query } from './lib/graphql.ts';
import { elementLang, refusalText, t } from './lib/i18n.ts';
import {
  type AgendaItem,
  byDay,
  dayText,
  localDay,
  spanText,
  speakerText,
  splitByNow,
} from './lib/programme-data.ts';
import { pt } from './lib/programme-i18n.ts';
import { endpointOf, filterOf, TafelElement } from './lib/tafel-element.ts';
import styles from './tafel-programme.styles.ts';

/** After a failed load, the programme tries again this much later. */
const RETRY_AFTER = 5000;

type Edition = NonNullable<ResultOf<typeof EditionProgramme>['edition']>;

/**
 * An edition's meetings in time order with their programmes — sessions with times, speakers
 * (named only when they chose so) and the chair — as a list, or as an agenda by day. Meetings
 * and sessions not yet confirmed, and postponed ones, are marked in words; meetings already over
 * are folded under "Past events". Loaded by its own script, `tafel-programme.js`.
 *
 * @summary A Tafel edition's programme of meetings: list or agenda, past events folded.
 *
 * @csspart base - The programme's frame.
 * @csspart views - The buttons that switch between the list and the agenda by day.
 * @csspart meeting - One meeting (list view).
 * @csspart day - One day's heading (agenda view).
 * @csspart session - One session, or in the agenda one item.
 * @csspart mark - A mark in words: not yet confirmed, postponed, cancelled.
 * @csspart past - The folded past events (a `details`).
 * @csspart notice - Why nothing shows: loading, the API cannot be reached, or it refused.
 *
 * @cssproperty [--tafel-accent=#b4451f] - Times and the open past events' marker.
 * @cssproperty [--tafel-text-color=#1d2731] - Words.
 * @cssproperty [--tafel-muted-color=#4f5b66] - Speakers, places and abstracts.
 * @cssproperty [--tafel-border-color=#d5dbe1] - Rules between meetings and days.
 * @cssproperty [--tafel-mark-background=#fff3cd] - The background of a mark (not yet confirmed, postponed).
 * @cssproperty [--tafel-mark-color=#5c4400] - The words of a mark.
 * @cssproperty [--tafel-background=transparent] - The programme's background.
 * @cssproperty [--tafel-focus-color=#1a73e8] - The keyboard focus ring.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The font.
 */
export class TafelProgramme extends TafelElement {
  static override styles = styles;

  static override properties = {
    view: { reflect: true },
    _edition: { state: true },
    _meetings: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `altinget-integration-2021`. */
  declare edition: string | undefined;
  /** `list` (each meeting with its sessions) or `agenda` (sessions by day). */
  declare view: string;
  /** `nl`, `en`, `de` or `da`; defaults to the page's language, then Dutch. */
  declare lang: string;
  /** Only this organisation's meetings (its slug). */
  declare organisation: string | undefined;
  /** Only this region's meetings, an ISO 3166-2 code such as `DK-85`. */
  declare region: string | undefined;
  /** Not used: a programme loads once, and again when its attributes change. */
  declare live: boolean;

  declare _edition: Edition | null | undefined;
  declare _meetings: ProgrammeMeeting[];

  #data = new DataController(this, {
    load: (signal, fresh) => this.#fetch(signal, fresh),
    retryDelay: () => RETRY_AFTER,
    unreachable: () => (this._notice = t(elementLang(this), 'offline')),
    refused: (error) => (this._notice = refusalText(elementLang(this), error, this.edition)),
  });

  constructor() {
    super();
    this.view = 'list';
    this._edition = undefined;
    this._meetings = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    const asked = ['endpoint', 'edition', 'organisation', 'region'];
    if (asked.some((k) => changed.has(k as keyof TafelProgramme))) void this.#data.reload();
  }

  async #fetch(signal: AbortSignal, fresh: boolean): Promise<void> {
    const filter = filterOf(this);
    const meetings: ProgrammeMeeting[] = [];
    let after: string | null = null;
    let edition: Edition | null = null;
    for (;;) {
      const variables = { edition: this.edition!, after, ...(filter ? { filter } : {}) };
      const data: ResultOf<typeof EditionProgramme> = await query(
        endpointOf(this),
        EditionProgramme,
        variables,
        { signal, fresh },
      );
      edition = data.edition;
      meetings.push(...data.locations.nodes);
      if (!data.locations.pageInfo.hasNextPage) break;
      after = data.locations.pageInfo.endCursor;
    }
    this._edition = edition;
    this._meetings = meetings;
    this._notice = '';
  }

  #mark(lang: Lang, word: 'tentative' | 'postponed' | 'cancelled'): TemplateResult {
    return html`<span part="mark" class="mark ${word}">${pt(lang, word)}</span>`;
  }

  #scheduleMark(lang: Lang, m: ProgrammeMeeting): TemplateResult | typeof nothing {
    if (m.schedule === 'TENTATIVE') return this.#mark(lang, 'tentative');
    if (m.schedule === 'POSTPONED') return this.#mark(lang, 'postponed');
    return nothing;
  }

  #place(m: ProgrammeMeeting): string {
    return [m.address?.street, m.address?.city].filter(Boolean).join(', ');
  }

  #speakers(session: ProgrammeSession): TemplateResult | typeof nothing {
    if (!session.speakers.length) return nothing;
    return html`<p class="speakers">${session.speakers.map(speakerText).join(' · ')}</p>`;
  }

  #session(lang: Lang, tz: string, s: ProgrammeSession, withDay: boolean): TemplateResult {
    return html`<li part="session" class="session">
      <span class="time">${spanText(lang, s.startsAt, s.endsAt, tz, withDay)}</span>
      <span class="title">${s.title}</span>
      ${s.tentative ? this.#mark(lang, 'tentative') : nothing}
      ${this.#speakers(s)}
      ${s.abstract ? html`<p class="abstract">${s.abstract}</p>` : nothing}
    </li>`;
  }

  #meeting(lang: Lang, tz: string, m: ProgrammeMeeting): TemplateResult {
    const { chair, sessions } = m.programme;
    const place = this.#place(m);
    const when = spanText(lang, m.startsAt, m.endsAt, tz, true);
    // Sessions over several days say their day; within one day, the meeting's says it.
    const days = new Set(sessions.map((s) => localDay(s.startsAt, tz)));
    return html`<article part="meeting" class="meeting">
      <h3 class="name">${m.name} ${this.#scheduleMark(lang, m)}</h3>
      ${when || place ? html`<p class="when">${[when, place].filter(Boolean).join(' · ')}</p>` : nothing}
      ${
        chair
          ? html`<p class="chair"><span class="label">${pt(lang, 'chair')}:</span> ${speakerText(chair)}</p>`
          : nothing
      }
      ${
        sessions.length
          ? html`<ol class="sessions">${sessions.map((s) => this.#session(lang, tz, s, days.size > 1))}</ol>`
          : nothing
      }
    </article>`;
  }

  #item(lang: Lang, tz: string, item: AgendaItem): TemplateResult {
    const { meeting: m, session: s } = item;
    const place = this.#place(m);
    return html`<li part="session" class="session">
      <span class="time">${spanText(lang, item.startsAt, item.endsAt, tz, false)}</span>
      <span class="title">${s ? s.title : m.name}</span>
      ${
        // One mark: a session of a meeting not yet confirmed is not confirmed either.
        s?.tentative && m.schedule === 'CONFIRMED'
          ? this.#mark(lang, 'tentative')
          : this.#scheduleMark(lang, m)
      }
      ${s ? this.#speakers(s) : nothing}
      <p class="where">${[s ? m.name : '', place].filter(Boolean).join(' · ')}</p>
    </li>`;
  }

  #view(lang: Lang, tz: string, meetings: ProgrammeMeeting[]): TemplateResult {
    if (this.view !== 'agenda') return html`${meetings.map((m) => this.#meeting(lang, tz, m))}`;
    return html`${byDay(meetings, tz).map(
      ({ day, items }) => html`<section class="day">
        <h3 part="day" class="day-name">${day ? dayText(lang, day) : '–'}</h3>
        <ol class="sessions">${items.map((item) => this.#item(lang, tz, item))}</ol>
      </section>`,
    )}`;
  }

  #switch(lang: Lang): TemplateResult {
    const agenda = this.view === 'agenda';
    const button = (view: 'list' | 'agenda', pressed: boolean) =>
      html`<button type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => {
        this.view = view;
      }}>${pt(lang, view)}</button>`;
    return html`<div part="views" class="views" role="group" aria-label=${pt(lang, 'view')}>
      ${button('list', !agenda)}${button('agenda', agenda)}
    </div>`;
  }

  protected override render(): TemplateResult {
    const lang = elementLang(this);
    const edition = this._edition;
    const tz = edition?.timeZone ?? 'UTC';
    const { upcoming, past } = splitByNow(this._meetings, Date.now());
    const status =
      edition?.status === 'CANCELLED'
        ? this.#mark(lang, 'cancelled')
        : edition?.status === 'POSTPONED'
          ? this.#mark(lang, 'postponed')
          : nothing;
    const title = edition ? `${pt(lang, 'programme')}: ${edition.name}` : pt(lang, 'programme');
    const notice =
      this._notice ||
      (edition === undefined
        ? pt(lang, 'loading')
        : !this._meetings.length
          ? pt(lang, 'none')
          : '');
    return html`<section part="base" class="base" lang=${lang} aria-label=${title}>
      ${this.#switch(lang)}
      ${
        status === nothing
          ? nothing
          : html`<p class="status">${status} ${edition?.statusReason ?? ''}</p>`
      }
      ${upcoming.length ? html`<h2 class="heading">${pt(lang, 'upcoming')}</h2>` : nothing}
      ${this.#view(lang, tz, upcoming)}
      ${
        past.length
          ? html`<details part="past" class="past">
            <summary>${pt(lang, 'past', { n: past.length })}</summary>
            ${this.#view(lang, tz, past)}
          </details>`
          : nothing
      }
      ${notice ? html`<p part="notice" class="notice" role="status">${notice}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-programme': TafelProgramme;
  }
}
