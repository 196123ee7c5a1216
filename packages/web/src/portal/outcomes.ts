/**
 * The portal's "Afterwards" (`#outcomes`): for an edition, the organisation's venues that have
 * been held, each with its closing report (follow-ups, introductions, internships and jobs offered
 * and realised, placements pledged, a private note) and its stories — add one with the
 * storyteller's consent and its date (both required: a story without them is not sent), see
 * where each stands with staff, delete one (consent withdrawn). Errors twice: in the summary and
 * at the field, the server's as the page's own.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CONSOLE } from '../console/messages.ts';
import { ConsoleSection } from '../console/section.ts';
import { LANG_NAMES, LANGS, type Lang, translator } from '../lib/i18n.ts';
import { dayIn, EDITIONS, type Edition, instantOn } from './api.ts';
import { formStyles } from './form-styles.ts';
import { OUTCOMES } from './outcomes-messages.ts';

const COUNTS = [
  'followUps',
  'introductions',
  'internshipsOffered',
  'jobsOffered',
  'internshipsRealised',
  'jobsRealised',
  'placementsPledged',
] as const;
type Count = (typeof COUNTS)[number];

interface Story {
  id: string;
  quote: string;
  language: string;
  attribution: string | null;
  status: 'PENDING' | 'PUBLISHED' | 'REJECTED';
}
interface Venue {
  id: string;
  name: string;
  status: string;
  startsAt: string | null;
  endsAt: string | null;
  address: { city: string | null } | null;
  closingReport: (Record<Count, number> & { note: string | null }) | null;
  stories: { nodes: Story[] };
}

const REPORT_FIELDS = `${COUNTS.join(' ')} note`;
const VENUES = `query ($edition: String!) {
  viewer { locations(edition: $edition, first: 200) { nodes {
    id name status startsAt endsAt address { city }
    closingReport { ${REPORT_FIELDS} }
    stories(first: 20) { nodes { id quote language attribution status } }
  } } }
}`;
const FILE = `mutation ($input: FileClosingReportInput!) {
  fileClosingReport(input: $input) { closingReport { ${REPORT_FIELDS} } userErrors { field message code } }
}`;
const ADD = `mutation ($input: AddStoryInput!) {
  addStory(input: $input) { story { id } userErrors { field message code } }
}`;
const DELETE = `mutation ($input: DeleteStoryInput!) {
  deleteStory(input: $input) { story { id } userErrors { field message code } }
}`;

/** A story's element id, for the button that deletes it. */
const storyId = (s: Story) => `story-${s.id.replace(/[^A-Za-z0-9_-]/g, '')}`;

/** The day after a `YYYY-MM-DD` day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When a venue ends, as the API decides whether it was held: its end; else the end of the day it
 * starts; else the end of the edition's last day, in the edition's time zone.
 */
export function endOf(venue: Pick<Venue, 'startsAt' | 'endsAt'>, edition: Edition): Date {
  if (venue.endsAt) return new Date(venue.endsAt);
  const day = venue.startsAt
    ? dayIn(venue.startsAt, edition.timeZone)
    : (edition.endDate ?? edition.date);
  return new Date(instantOn(nextDay(day), '00:00', edition.timeZone));
}

/** The edition a coordinator reports on: the latest that has begun, else the first listed. */
function latestBegun(editions: readonly Edition[], today = new Date()): string {
  const day = today.toISOString().slice(0, 10);
  const begun = editions
    .filter((e) => e.date <= day && e.status !== 'CANCELLED')
    .sort((a, b) => b.date.localeCompare(a.date));
  return (begun[0] ?? editions[0])?.slug ?? '';
}

@customElement('tafel-section-outcomes')
export class TafelSectionOutcomes extends ConsoleSection {
  static override styles = [...ConsoleSection.styles, formStyles];
  @state() private editions: Edition[] = [];
  @state() private edition = '';
  @state() private venues: Venue[] | null = null;
  @state() private acting: { venue: Venue; form: 'report' | 'story' } | null = null;

  private get t() {
    return translator(OUTCOMES, this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    const data = await this.call<{ editions: Edition[] }>(EDITIONS, {});
    this.editions = data?.editions ?? [];
    this.edition = latestBegun(this.editions);
    await this.load();
  }

  private get current(): Edition | undefined {
    return this.editions.find((e) => e.slug === this.edition);
  }

  private async load(): Promise<void> {
    if (!this.edition) return;
    const data = await this.call<{ viewer: { locations: { nodes: Venue[] } } | null }>(VENUES, {
      edition: this.edition,
    });
    this.venues = (data?.viewer?.locations.nodes ?? []).filter((v) => v.status !== 'CANCELLED');
    if (this.acting)
      this.acting = {
        ...this.acting,
        venue: this.venues.find((v) => v.id === this.acting!.venue.id) ?? this.acting.venue,
      };
  }

  private held(venue: Venue): boolean {
    const edition = this.current;
    if (!edition || edition.status === 'CANCELLED' || edition.status === 'POSTPONED') return false;
    return endOf(venue, edition).getTime() <= Date.now();
  }

  private async open(venue: Venue, form: 'report' | 'story'): Promise<void> {
    this.acting = { venue, form };
    this.errors = [];
    this.status = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#form-title')?.focus();
  }

  private close(): void {
    this.acting = null;
    this.errors = [];
  }

  /** The page's own refusal, shown as the server's would be. */
  private async refuse(errors: { field: string; message: string }[]): Promise<void> {
    this.errors = errors.map((e) => ({
      field: ['input', e.field],
      code: 'REQUIRED',
      message: e.message,
    }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private async saveReport(event: Event): Promise<void> {
    event.preventDefault();
    const { venue } = this.acting!;
    const form = new FormData(event.target as HTMLFormElement);
    const input: Record<string, unknown> = { location: venue.id };
    for (const c of COUNTS) {
      const raw = String(form.get(c) ?? '').trim();
      input[c] = raw === '' ? 0 : Number(raw);
    }
    input['note'] = String(form.get('note') ?? '').trim() || null;
    const done = await this.call(FILE, { input }, 'fileClosingReport');
    if (!done) return;
    this.acting = null;
    this.status = this.t('saved', { name: venue.name });
    await this.load();
  }

  private async saveStory(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.t;
    const { venue } = this.acting!;
    const form = new FormData(event.target as HTMLFormElement);
    const quote = String(form.get('quote') ?? '').trim();
    const consent = form.get('consent') === 'yes';
    const day = String(form.get('consentedAt') ?? '');
    const missing = [
      ...(quote ? [] : [{ field: 'quote', message: t('quoteMissing') }]),
      ...(consent ? [] : [{ field: 'consent', message: t('consentMissing') }]),
      ...(day ? [] : [{ field: 'consentedAt', message: t('consentDateMissing') }]),
    ];
    if (missing.length) return this.refuse(missing);
    const done = await this.call(
      ADD,
      {
        input: {
          location: venue.id,
          quote,
          language: String(form.get('language')).toUpperCase(),
          attribution: String(form.get('attribution') ?? '').trim() || null,
          consent,
          consentedAt: instantOn(day, '00:00', this.current?.timeZone ?? 'Europe/Amsterdam'),
        },
      },
      'addStory',
    );
    if (!done) return;
    this.acting = null;
    this.status = t('storyAdded');
    await this.load();
  }

  private async deleteStory(story: Story): Promise<void> {
    const done = await this.call(DELETE, { input: { id: story.id } }, 'deleteStory');
    if (!done) return;
    this.status = this.t('deleted');
    await this.load();
  }

  override render() {
    const t = this.t;
    const venues = this.venues ?? [];
    const held = venues.filter((v) => this.held(v));
    const later = venues.length - held.length;
    return html`<h2 id="outcomes-title">${t('title')}</h2>
      <p>${t('intro')}</p>
      ${this.acting ? nothing : this.summary()}
      <div class="field">
        <label for="field-edition">${translator(CONSOLE, this.language)('edition')}</label>
        <select
          id="field-edition"
          @change=${(e: Event) => {
            this.edition = (e.target as HTMLSelectElement).value;
            this.acting = null;
            void this.load();
          }}
        >
          ${this.editions.map(
            (e) =>
              html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.name}</option>`,
          )}
        </select>
      </div>
      ${this.statusLine()}
      ${this.cardList(this.venues === null ? null : held, (v) => this.card(v), t('none'))}
      ${later > 0 ? html`<p class="hint">${t('notYet', { n: later })}</p>` : nothing}`;
  }

  private card(v: Venue) {
    const t = this.t;
    const headId = `venue-${v.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    const open = this.acting?.venue.id === v.id ? this.acting.form : null;
    return html`<li>
      <div class="card-head"><h3 id=${headId}>${v.name}</h3></div>
      <p class="meta">
        ${v.address?.city ?? ''} · ${v.closingReport ? t('reportFiled') : t('noReport')} ·
        ${t('storiesCount', { n: v.stories.nodes.length })}
      </p>
      ${this.storyList(v)}
      ${
        open === 'report'
          ? this.reportForm(v)
          : open === 'story'
            ? this.storyForm(v)
            : html`<div class="actions">
                <button type="button" aria-describedby=${headId} @click=${() => this.open(v, 'report')}>
                  ${t('report')}
                </button>
                <button type="button" aria-describedby=${headId} @click=${() => this.open(v, 'story')}>
                  ${t('addStory')}
                </button>
              </div>`
      }
    </li>`;
  }

  private storyList(v: Venue) {
    if (v.stories.nodes.length === 0) return nothing;
    const t = this.t;
    return html`<h4>${t('stories')}</h4>
      <ul>
        ${v.stories.nodes.map(
          (s) => html`<li>
            <blockquote id=${storyId(s)} lang=${s.language.toLowerCase()}>${s.quote}</blockquote>
            <p class="meta">${s.attribution ? `${s.attribution} · ` : ''}${t(s.status)}</p>
            <button type="button" aria-describedby=${storyId(s)} @click=${() => this.deleteStory(s)}>
              ${t('delete')}
            </button>
          </li>`,
        )}
      </ul>`;
  }

  /** A labelled input (or text area), wired to its hint and its error as `field` does. */
  private input(
    name: string,
    label: string,
    o: {
      type?: string;
      max?: string;
      maxlength?: number;
      value?: string;
      area?: boolean;
      hint?: string;
      required?: boolean;
    } = {},
  ) {
    const number = o.type === 'number';
    return this.field(
      name,
      label,
      (describedBy, invalid) =>
        o.area
          ? html`<textarea
              id="field-${name}"
              name=${name}
              maxlength=${ifDefined(o.maxlength)}
              ?required=${o.required}
              aria-describedby=${describedBy}
              aria-invalid=${invalid ? 'true' : 'false'}
              .value=${o.value ?? ''}
            ></textarea>`
          : html`<input
              id="field-${name}"
              name=${name}
              type=${o.type ?? 'text'}
              inputmode=${ifDefined(number ? 'numeric' : undefined)}
              min=${ifDefined(number ? '0' : undefined)}
              max=${ifDefined(o.max)}
              maxlength=${ifDefined(o.maxlength)}
              ?required=${o.required}
              aria-describedby=${describedBy}
              aria-invalid=${invalid ? 'true' : 'false'}
              .value=${o.value ?? ''}
            />`,
      o.hint,
    );
  }

  private reportForm(v: Venue) {
    const t = this.t;
    const report = v.closingReport;
    return html`<form class="step" @submit=${this.saveReport} aria-labelledby="form-title" novalidate>
      <h4 id="form-title" tabindex="-1">${t('reportTitle', { name: v.name })}</h4>
      ${this.summary()}
      <div class="filters">
        ${COUNTS.map((count) =>
          this.input(count, t(count), {
            type: 'number',
            max: '100000',
            value: String(report?.[count] ?? 0),
            hint: count.endsWith('Realised') ? t('realisedHint') : undefined,
          }),
        )}
      </div>
      ${this.input('note', t('note'), {
        area: true,
        maxlength: 1000,
        value: report?.note ?? '',
        hint: t('noteHint'),
      })}
      ${this.buttons(t('save'))}
    </form>`;
  }

  /** A form's submit button and the way back. */
  private buttons(submit: string) {
    return html`<div class="actions">
      <button type="submit" class="primary">${submit}</button>
      <button type="button" @click=${this.close}>${translator(CONSOLE, this.language)('cancel')}</button>
    </div>`;
  }

  private storyForm(v: Venue) {
    const t = this.t;
    const lang: Lang = this.language;
    const consentError = this.fieldError('consent');
    return html`<form class="step" @submit=${this.saveStory} aria-labelledby="form-title" novalidate>
      <h4 id="form-title" tabindex="-1">${t('storyTitle', { name: v.name })}</h4>
      ${this.summary()}
      ${this.input('quote', t('quote'), { area: true, maxlength: 1000, required: true, hint: t('quoteHint') })}
      ${this.field(
        'language',
        t('language'),
        (
          describedBy,
        ) => html`<select id="field-language" name="language" aria-describedby=${describedBy}>
          ${LANGS.map((l) => html`<option value=${l} ?selected=${l === lang}>${LANG_NAMES[l]}</option>`)}
        </select>`,
      )}
      ${this.input('attribution', t('attribution'), { maxlength: 80, hint: t('attributionHint') })}
      <fieldset>
        <legend>${t('consentLegend')}</legend>
        ${consentError ? html`<p class="error" id=${consentError.id}>${consentError.text}</p>` : nothing}
        <label class="check" for="field-consent">
          <input
            id="field-consent"
            name="consent"
            type="checkbox"
            value="yes"
            required
            aria-describedby=${consentError?.id ?? nothing}
            aria-invalid=${consentError ? 'true' : 'false'}
          />
          ${t('consent')}
        </label>
        ${this.input('consentedAt', t('consentedAt'), {
          type: 'date',
          max: new Date().toISOString().slice(0, 10),
          required: true,
        })}
      </fieldset>
      ${this.buttons(t('addStory'))}
    </form>`;
  }
}
