/**
 * "Preview on the map": a venue not public yet (a draft, or one awaiting approval) on the real
 * public map — the `<tafel-map>` partners embed, loaded from this origin's `/widget/tafel.js` as
 * their pages load it — among the edition's published venues, marked "Draft — not public yet"
 * through the map's `preview` property. Only this page shows it: the venue is handed to the map
 * here, the public API does not have it. Fires `back`.
 */
import type { MapLocation, Meal, TargetGroup } from '@tafel/schema';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import type { Edition, Venue } from './api.ts';
import { VENUES_MAP } from './venues-map-messages.ts';

/** The embed script, as the API serves it; outside this page's bundle and its size budget. */
const WIDGET = '/widget/tafel.js';
let widget: Promise<unknown> | undefined;

function loadWidget(): Promise<unknown> {
  widget ??= import(/* @vite-ignore */ WIDGET).catch((error: unknown) => {
    widget = undefined;
    throw error;
  });
  return widget;
}

/** The venue as the map's own query gives a venue (`MapLocations`). */
export function asMapLocation(venue: Venue): MapLocation {
  return {
    id: venue.id,
    name: venue.name,
    meal: venue.meal as Meal,
    startsAt: venue.startsAt,
    endsAt: venue.endsAt,
    capacity: venue.capacity,
    participants: venue.participants,
    full: venue.full,
    targetGroups: venue.targetGroups as TargetGroup[],
    languages: venue.languages,
    wheelchairAccessible: venue.wheelchairAccessible,
    registrationUrl: venue.registrationUrl,
    locationPrecision: venue.locationPrecision,
    coordinates: venue.coordinates,
    address: venue.address && {
      city: venue.address.city,
      region: venue.address.region,
      postalCode: venue.address.postalCode,
    },
    organisation: venue.organisation,
  };
}

@customElement('tafel-venue-preview')
export class TafelVenuePreview extends LitElement {
  static override styles = [base];

  @property() language: Lang = 'nl';
  @property({ attribute: false }) edition!: Edition;
  @property({ attribute: false }) venue!: Venue;
  @state() private ready = false;
  @state() private failed = false;
  /** The draft's popup opens once, on the map's first drawing. */
  private opened = false;

  override connectedCallback(): void {
    super.connectedCallback();
    loadWidget().then(
      () => {
        this.ready = true;
      },
      () => {
        this.failed = true;
      },
    );
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get t() {
    return translator(VENUES_MAP, this.language);
  }

  private loaded(event: Event): void {
    if (this.opened) return;
    this.opened = true;
    (event.target as HTMLElement & { selectLocation(id: string): void }).selectLocation(
      this.venue.id,
    );
  }

  override render() {
    const t = this.t;
    const { venue } = this;
    return html`<section aria-labelledby="preview-title">
      <h2 id="preview-title" tabindex="-1">${t('previewTitle', { name: venue.name })}</h2>
      <p>${t('previewNote', { edition: this.edition.name })}</p>
      <p>
        <button type="button" @click=${() => this.dispatchEvent(new Event('back'))}>
          ${t('back')}
        </button>
      </p>
      ${
        this.ready
          ? html`<tafel-map
              edition=${this.edition.slug}
              lang=${this.language}
              center="${venue.coordinates.lat},${venue.coordinates.lng}"
              zoom="14"
              .preview=${asMapLocation(venue)}
              @tafel-load=${this.loaded}
            ></tafel-map>`
          : this.failed
            ? html`<p role="alert" class="error">${t('failed')}</p>`
            : html`<p role="status">${t('loading')}</p>`
      }
    </section>`;
  }
}
