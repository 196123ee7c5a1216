/**
 * The portal's venues (`#venues`): the organisation's venues in an edition (the chooser opens
 * on the next one to come, `defaultEdition`), as a list grouped by status — drafts, awaiting
 * approval, published, cancelled — with publish and cancel per venue, or on a map (`#venues/map`,
 * venues-map.ts); the venue form for a new one or to edit one; "preview on the map" for a venue
 * not public yet (venue-preview.ts); "copy last year's venues" (copy-venues.ts); and a venue's
 * seating planner (`#venues/seating/<id>`, ../seating/planner.ts), loaded only when opened.
 * Below, the venues of other organisations it co-hosts, marked with their host and read only.
 */
import { MEAL_LABELS, type Meal } from '@tafel/schema';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { formatDateTime, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import {
  CANCEL,
  type CohostedVenue,
  defaultEdition,
  EDITIONS,
  type Edition,
  GROUPS,
  groupOf,
  type PortalContext,
  previewable,
  UPDATE,
  VENUES,
  type Venue,
} from './api.ts';
import { COHOSTS } from './cohost-messages.ts';
import { PORTAL } from './messages.ts';
import { VENUES_MAP } from './venues-map-messages.ts';
import './copy-venues.ts';

type View = 'list' | 'map';
/** The view is kept in the address: `#venues/map` opens on the map. */
const viewInHash = (): View => (location.hash === '#venues/map' ? 'map' : 'list');
const SEATING_HASH = '#venues/seating/';

/** A venue in a list: its name, meal and city. */
function nameMealCity(venue: CohostedVenue, lang: PortalContext['lang']) {
  return html`<strong>${venue.name}</strong> —
    ${MEAL_LABELS[venue.meal as Meal]?.[lang] ?? venue.meal}${
      venue.address?.city ? html`, ${venue.address.city}` : nothing
    }`;
}

@customElement('tafel-section-venues')
export class TafelSectionVenues extends LitElement {
  static override styles = [
    base,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      .bar .field {
        flex: 1 1 14rem;
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.5rem 0;
      }
      li .what {
        flex: 1 1 12rem;
      }
      .views {
        display: flex;
        gap: 0.5rem;
        margin: 1rem 0 0;
      }
      .views button[aria-pressed='true'] {
        background: var(--tafel-accent);
        color: var(--tafel-surface);
      }
    `,
  ];

  @property({ attribute: false }) context!: PortalContext;
  @state() private editions: Edition[] = [];
  @state() private edition = '';
  @state() private venues: Venue[] | null = null;
  /** Other organisations' venues this one co-hosts: shown, never changed here. */
  @state() private cohosted: CohostedVenue[] = [];
  @state() private editing: Venue | 'new' | null = null;
  @state() private previewing: Venue | null = null;
  @state() private seating: Venue | null = null;
  @state() private seatingReady = false;
  @state() private view: View = viewInHash();
  /** The form and its map (Leaflet) load only when a venue is opened. */
  @state() private formReady = false;
  /** The map view (Leaflet) and the preview (the widget) load only when opened. */
  @state() private mapReady = false;
  @state() private previewReady = false;
  @state() private status = '';
  @state() private failed = '';

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.followHash);
    this.show(this.view);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.followHash);
  }

  private readonly followHash = (): void => {
    if (location.hash.startsWith('#venues')) this.show(viewInHash());
  };

  /** Show the list or the map, and keep the choice in the address. */
  private show(view: View): void {
    this.view = view;
    if (view === 'map' && !this.mapReady)
      void import('./venues-map.ts').then(() => {
        this.mapReady = true;
      });
    const hash = view === 'map' ? '#venues/map' : '#venues';
    if (location.hash !== hash && (view === 'map' || location.hash === '#venues/map'))
      history.replaceState(history.state, '', hash);
  }

  private preview(venue: Venue): void {
    if (!this.previewReady)
      void import('./venue-preview.ts').then(() => {
        this.previewReady = true;
      });
    this.previewing = venue;
  }

  private get t() {
    return translator(PORTAL, this.context.lang);
  }

  private async start(): Promise<void> {
    try {
      const answer = await request<{ editions: Edition[] }>(EDITIONS);
      this.editions = answer.data?.editions ?? [];
      this.edition = defaultEdition(this.editions);
      await this.load();
      // A reload on a venue's seating plan opens it again.
      if (location.hash.startsWith(SEATING_HASH)) {
        const id = decodeURIComponent(location.hash.slice(SEATING_HASH.length));
        const venue = this.venues?.find((v) => v.id === id);
        if (venue) this.plan(venue);
      }
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.failed = this.t('offline');
    }
  }

  private async load(): Promise<void> {
    if (!this.edition) {
      this.venues = [];
      return;
    }
    const answer = await request<{
      viewer: {
        locations: { nodes: Venue[] };
        cohostedLocations: { nodes: CohostedVenue[] };
      } | null;
    }>(VENUES, { edition: this.edition });
    this.venues = answer.data?.viewer?.locations.nodes ?? [];
    this.cohosted = answer.data?.viewer?.cohostedLocations.nodes ?? [];
    this.failed = answer.errors[0]?.message ?? '';
  }

  private choose(event: Event): void {
    this.edition = (event.target as HTMLSelectElement).value;
    this.venues = null;
    void this.load();
  }

  private async act(venue: Venue, what: 'publish' | 'cancel'): Promise<void> {
    const t = this.t;
    if (what === 'cancel' && !confirm(t('confirmCancel', { name: venue.name }))) return;
    this.status = '';
    try {
      const answer =
        what === 'publish'
          ? await request<{ updateLocation: { userErrors: UserError[] } }>(UPDATE, {
              input: { id: venue.id, status: 'PUBLISHED' },
            })
          : await request<{ cancelLocation: { userErrors: UserError[] } }>(CANCEL, {
              input: { id: venue.id },
            });
      const payload =
        'updateLocation' in (answer.data ?? {})
          ? (answer.data as { updateLocation: { userErrors: UserError[] } }).updateLocation
          : (answer.data as { cancelLocation: { userErrors: UserError[] } } | null)?.cancelLocation;
      const errors = payload?.userErrors ?? [];
      if (!payload || errors.length > 0) {
        this.status =
          [...errorsByField(errors).values()].flat().join(' ') || (answer.errors[0]?.message ?? '');
        return;
      }
      this.status = t(what === 'publish' ? 'published' : 'cancelled', { name: venue.name });
      await this.load();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = t('offline');
    }
  }

  /** The seating planner of a venue (its own chunk: the portal's first screen stays small). */
  private plan(venue: Venue | null): void {
    if (venue && !this.seatingReady)
      void import('../seating/planner.ts').then(() => {
        this.seatingReady = true;
      });
    this.seating = venue;
    history.replaceState(
      history.state,
      '',
      venue ? `${SEATING_HASH}${encodeURIComponent(venue.id)}` : '#venues',
    );
  }

  private open(venue: Venue | 'new'): void {
    if (!this.formReady)
      void import('./venue-form.ts').then(() => {
        this.formReady = true;
      });
    this.editing = venue;
  }

  private saved(event: CustomEvent<Venue>): void {
    this.editing = null;
    this.status = this.t('saved', { name: event.detail.name });
    void this.load();
  }

  override render() {
    const t = this.t;
    const lang = this.context.lang;
    const edition = this.editions.find((e) => e.slug === this.edition);
    if (this.previewing && edition && !this.previewReady) return html`<p role="status">…</p>`;
    if (this.previewing && edition)
      return html`<tafel-venue-preview
        .language=${lang}
        .edition=${edition}
        .venue=${this.previewing}
        @back=${() => {
          this.previewing = null;
        }}
      ></tafel-venue-preview>`;
    if (this.seating && !this.seatingReady) return html`<p role="status">…</p>`;
    if (this.seating)
      return html`<tafel-seating-planner
        .language=${lang}
        .venue=${{ id: this.seating.id, name: this.seating.name }}
        @back=${() => this.plan(null)}
      ></tafel-seating-planner>`;
    if (this.editing && edition && !this.formReady) return html`<p role="status">…</p>`;
    if (this.editing && edition)
      return html`<tafel-venue-form
        .language=${lang}
        .edition=${edition}
        .venue=${this.editing === 'new' ? null : this.editing}
        @saved=${this.saved}
        @back=${() => {
          this.editing = null;
          // Its co-hosts are saved as they are chosen: the list shows them at once.
          void this.load();
        }}
      ></tafel-venue-form>`;
    return html`<section aria-labelledby="venues-title">
      <h2 id="venues-title">${t('venues')}</h2>
      ${this.failed ? html`<p role="alert" class="error">${this.failed}</p>` : nothing}
      <div class="bar">
        <div class="field">
          <label for="edition">${t('edition')}</label>
          <select id="edition" @change=${this.choose}>
            ${this.editions.map(
              (e) =>
                html`<option value=${e.slug} ?selected=${e.slug === this.edition}>
                  ${e.name} (${e.date})
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <button
            class="primary"
            type="button"
            ?disabled=${!edition}
            @click=${() => this.open('new')}
          >
            ${t('newVenue')}
          </button>
        </div>
      </div>
      ${
        edition
          ? html`<tafel-copy-venues
              .language=${lang}
              .editions=${this.editions}
              .edition=${edition}
              @copied=${() => void this.load()}
            ></tafel-copy-venues>`
          : nothing
      }
      <p role="status" class="ok">${this.status}</p>
      ${this.views()}
      ${this.view === 'map' ? this.map(edition) : this.list(lang, edition)}
      ${this.cohostedList(lang)}
    </section>`;
  }

  /** The List | Map switch: two toggle buttons. */
  private views() {
    const t = translator(VENUES_MAP, this.context.lang);
    const button = (view: View, text: string) =>
      html`<button
        type="button"
        aria-pressed=${this.view === view ? 'true' : 'false'}
        @click=${() => this.show(view)}
      >
        ${text}
      </button>`;
    return html`<div class="views" role="group" aria-label=${t('view')}>
      ${button('list', t('asList'))} ${button('map', t('asMap'))}
    </div>`;
  }

  private map(edition: Edition | undefined) {
    const t = this.t;
    if (this.editions.length === 0 && !this.failed) return html`<p>${t('noEditions')}</p>`;
    if (this.venues === null || !this.mapReady || !edition) return html`<p role="status">…</p>`;
    if (this.venues.length === 0) return html`<p>${t('none')}</p>`;
    return html`<tafel-venues-map
      .language=${this.context.lang}
      .edition=${edition}
      .venues=${this.venues}
      @edit=${(event: CustomEvent<Venue>) => this.open(event.detail)}
      @preview=${(event: CustomEvent<Venue>) => this.preview(event.detail)}
    ></tafel-venues-map>`;
  }

  private list(lang: PortalContext['lang'], edition: Edition | undefined) {
    const t = this.t;
    const m = translator(VENUES_MAP, lang);
    if (this.editions.length === 0 && !this.failed) return html`<p>${t('noEditions')}</p>`;
    if (this.venues === null) return html`<p role="status">…</p>`;
    if (this.venues.length === 0) return html`<p>${t('none')}</p>`;
    return GROUPS.map((group) => {
      const venues = this.venues!.filter((v) => groupOf(v) === group);
      if (venues.length === 0) return nothing;
      return html`<h3 id="group-${group}">${t(`group${group}`)} (${venues.length})</h3>
        <ul aria-labelledby="group-${group}">
          ${venues.map(
            (venue) => html`<li>
              <span class="what"
                >${nameMealCity(venue, lang)}${
                  // In an edition that spans days, each meeting's own day.
                  edition?.endDate && venue.startsAt
                    ? html`, ${formatDateTime(venue.startsAt, lang, edition.timeZone)}`
                    : nothing
                }${
                  venue.schedule !== 'CONFIRMED'
                    ? html` · <em>${t(`schedule${venue.schedule}`)}</em>`
                    : nothing
                }</span
              >
              ${
                venue.status !== 'CANCELLED'
                  ? html`<button
                      type="button"
                      aria-label="${t('edit')}: ${venue.name}"
                      @click=${() => this.open(venue)}
                    >
                      ${t('edit')}
                    </button>`
                  : nothing
              }
              ${
                venue.status !== 'CANCELLED'
                  ? html`<button
                      type="button"
                      aria-label=${t('seatingOf', { name: venue.name })}
                      @click=${() => this.plan(venue)}
                    >
                      ${t('seating')}
                    </button>`
                  : nothing
              }
              ${
                previewable(venue)
                  ? html`<button
                      type="button"
                      aria-label=${m('previewOf', { name: venue.name })}
                      @click=${() => this.preview(venue)}
                    >
                      ${m('preview')}
                    </button>`
                  : nothing
              }
              ${
                venue.status === 'DRAFT'
                  ? html`<button
                      type="button"
                      class="primary"
                      aria-label="${t('publish')}: ${venue.name}"
                      @click=${() => this.act(venue, 'publish')}
                    >
                      ${t('publish')}
                    </button>`
                  : nothing
              }
              ${
                venue.status !== 'CANCELLED'
                  ? html`<button
                      type="button"
                      aria-label="${t('cancel')}: ${venue.name}"
                      @click=${() => this.act(venue, 'cancel')}
                    >
                      ${t('cancel')}
                    </button>`
                  : nothing
              }
            </li>`,
          )}
        </ul>`;
    });
  }

  /**
   * The venues this organisation co-hosts: marked with their host, and read only — no edit,
   * cancel, seating or host-link buttons (the API refuses a co-host every change anyway).
   */
  private cohostedList(lang: PortalContext['lang']) {
    if (this.cohosted.length === 0) return nothing;
    const t = this.t;
    const c = translator(COHOSTS, lang);
    return html`<h3 id="group-cohosted">${c('cohosted')} (${this.cohosted.length})</h3>
      <ul aria-labelledby="group-cohosted">
        ${this.cohosted.map(
          (venue) => html`<li>
            <span class="what"
              >${nameMealCity(venue, lang)}${
                groupOf(venue) !== 'PUBLISHED'
                  ? html` · <em>${t(`group${groupOf(venue)}`)}</em>`
                  : nothing
              }<br />${c('hostedBy', { name: venue.organisation.name })}.
              ${c('readOnly', { name: venue.organisation.name })}</span
            >
          </li>`,
        )}
      </ul>`;
  }
}
