/**
 * Finding the venue's place: the address searched through the API (`geocode`: the configured
 * geocoder, or the towns the API ships), a hit chosen, then a Leaflet map with a pin to drag to
 * the door — or to move with the arrow keys once it has focus. Fires `place` with the point and
 * the address parts found; the form asks the API for the region of a moved pin.
 */
/// <reference path="../../../widget/src/leaflet-src.d.ts" />
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Map as LeafletMap, Marker } from '../../../widget/src/lib/leaflet.ts';
import { divIcon, map, marker } from '../../../widget/src/lib/leaflet.ts';
import { NetworkError, request } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { GEOCODE, type GeocodeHit } from './api.ts';
import { leafletBasics } from './leaflet-css.ts';
import { addTiles } from './map-tiles.ts';
import { PORTAL } from './messages.ts';

export interface PlaceEvent {
  lat: number;
  lng: number;
  hit: GeocodeHit | null;
}

/** About 10 m per arrow key. */
const STEP = 0.0001;

@customElement('tafel-place-picker')
export class TafelPlacePicker extends LitElement {
  static override styles = [
    base,
    leafletBasics,
    css`
      .search {
        display: flex;
        gap: 0.5rem;
      }
      .search input {
        flex: 1;
      }
      .map {
        height: 320px;
        margin: 0.5rem 0;
        border: 1px solid var(--tafel-line);
      }
      .hits {
        list-style: none;
        padding: 0;
      }
      .pin {
        width: 28px;
        height: 28px;
        border-radius: 50% 50% 50% 0;
        background: #b4451f;
        border: 3px solid #fff;
        transform: rotate(-45deg);
        box-shadow: 0 1px 4px #0008;
      }
    `,
  ];

  @property() language: Lang = 'nl';
  @property() country = 'NL';
  @property({ attribute: false }) point: { lat: number; lng: number } | null = null;
  @property() error = '';
  @state() private hits: GeocodeHit[] = [];
  @state() private note = '';
  @query('.map') private mapBox?: HTMLDivElement;
  private leaflet?: LeafletMap;
  private pin?: Marker;

  private get t() {
    return translator(PORTAL, this.language);
  }

  override render() {
    const t = this.t;
    return html`<fieldset>
      <legend>${t('place')}</legend>
      <div class="field">
        <label for="place-search">${t('search')}</label>
        <p class="hint" id="place-hint">${t('searchHint')}</p>
        <div class="search">
          <input
            id="place-search"
            type="search"
            autocomplete="off"
            aria-describedby="place-hint${this.error ? ' place-error' : ''}"
            aria-invalid=${this.error ? 'true' : 'false'}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void this.search();
              }
            }}
          />
          <button type="button" @click=${() => this.search()}>${t('find')}</button>
        </div>
        ${this.error ? html`<p class="error" id="place-error">${this.error}</p>` : nothing}
      </div>
      <p role="status">${this.note}</p>
      ${
        this.hits.length > 1
          ? html`<ul class="hits">
            ${this.hits.map(
              (hit) =>
                html`<li>
                  <button type="button" @click=${() => this.choose(hit)}>
                    ${t('choose', { label: hit.label })}
                  </button>
                </li>`,
            )}
          </ul>`
          : nothing
      }
      <p class="hint" id="pin-hint" ?hidden=${!this.point}>${t('pinHint')}</p>
      <div class="map" ?hidden=${!this.point}></div>
    </fieldset>`;
  }

  /** Focus the search (the form's first error may be the place). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#place-search')?.focus();
  }

  private async search(): Promise<void> {
    const t = this.t;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#place-search');
    const q = input?.value.trim() ?? '';
    if (q.length < 2) return;
    try {
      const answer = await request<{
        geocode: { geocoderFailed: boolean; hits: GeocodeHit[] } | null;
      }>(GEOCODE, { query: q, country: this.country });
      const found = answer.data?.geocode;
      this.hits = found?.hits ?? [];
      if (this.hits.length === 0) {
        this.note = answer.errors[0]?.message ?? t('noHits');
        return;
      }
      this.note = found?.geocoderFailed ? t('geocoderDown') : '';
      if (this.hits.length === 1) this.choose(this.hits[0]!);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.note = t('offline');
    }
  }

  private choose(hit: GeocodeHit): void {
    this.hits = [];
    this.note =
      hit.source === 'PLACES' ? this.t('placesOnly') : `${hit.label} — ${this.t('pinAt')}`;
    this.dispatchEvent(
      new CustomEvent<PlaceEvent>('place', { detail: { lat: hit.lat, lng: hit.lng, hit } }),
    );
  }

  private moved(lat: number, lng: number): void {
    this.dispatchEvent(new CustomEvent<PlaceEvent>('place', { detail: { lat, lng, hit: null } }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('point') || !this.point || !this.mapBox) return;
    const at: [number, number] = [this.point.lat, this.point.lng];
    if (!this.leaflet) {
      this.leaflet = map(this.mapBox, { center: at, zoom: 17 });
      addTiles(this.leaflet);
      this.pin = marker(at, {
        draggable: true,
        keyboard: true,
        title: this.t('pin'),
        alt: this.t('pin'),
        icon: divIcon({
          className: '',
          html: '<div class="pin"></div>',
          iconSize: [28, 28],
          iconAnchor: [14, 28],
        }),
      }).addTo(this.leaflet);
      this.pin.on('dragend', () => {
        const p = this.pin!.getLatLng();
        this.moved(p.lat, p.lng);
      });
      const element = this.pin.getElement();
      element?.setAttribute('role', 'button');
      element?.setAttribute('aria-label', this.t('pin'));
      element?.setAttribute('aria-describedby', 'pin-hint');
      element?.addEventListener('keydown', (event) => {
        const d = {
          ArrowUp: [STEP, 0],
          ArrowDown: [-STEP, 0],
          ArrowLeft: [0, -STEP],
          ArrowRight: [0, STEP],
        }[event.key];
        if (!d) return;
        event.preventDefault();
        event.stopPropagation();
        const p = this.pin!.getLatLng();
        this.moved(p.lat + d[0]!, p.lng + d[1]!);
      });
    } else {
      const current = this.pin!.getLatLng();
      if (current.lat !== at[0] || current.lng !== at[1]) {
        this.pin!.setLatLng(at);
        this.leaflet.panTo(at);
      }
    }
    this.leaflet.invalidateSize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaflet?.remove();
    this.leaflet = undefined;
  }
}
