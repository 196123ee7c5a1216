/**
 * The organisation's venues of an edition on a map (the venues section's "Map" view): one marker
 * per venue whose shape tells its status — a filled circle published, a dashed ring a draft, a
 * diamond awaiting approval, a crossed square cancelled — and says it in its label. A marker is
 * a button (Tab, then Enter): its popup has name, status, meal and times, "Edit" (the venue form)
 * and, for a venue not public yet, "Preview on the map". Fires `edit` and `preview` with the venue.
 * Loaded only when the map view is opened: Leaflet stays out of the list's first screen.
 */
/// <reference path="../../../widget/src/leaflet-src.d.ts" />
import { MEAL_LABELS, type Meal } from '@tafel/schema';
import { css, html, LitElement, nothing, type PropertyValues, render } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Map as LeafletMap, Marker } from '../../../widget/src/lib/leaflet.ts';
import { divIcon, LayerGroup, map, marker } from '../../../widget/src/lib/leaflet.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import {
  type Edition,
  GROUPS,
  type Group,
  groupOf,
  previewable,
  timeIn,
  type Venue,
} from './api.ts';
import { leafletBasics } from './leaflet-css.ts';
import { addTiles } from './map-tiles.ts';
import { PORTAL } from './messages.ts';
import { VENUES_MAP } from './venues-map-messages.ts';

/** The status marks: on the map, in the legend and in the popups. */
export const statusMarks = css`
  .mark {
    display: inline-block;
    width: 20px;
    height: 20px;
    vertical-align: middle;
    border: 3px solid #fff;
    box-shadow: 0 0 0 1px #1b1b1b;
    color: #fff;
    font: bold 12px/14px system-ui, sans-serif;
    text-align: center;
  }
  .mark-published {
    border-radius: 50%;
    background: #166534;
  }
  .mark-draft {
    border-radius: 50%;
    border: 3px dashed #1b1b1b;
    box-shadow: none;
    background: #fff;
  }
  .mark-awaiting {
    width: 17px;
    height: 17px;
    margin: 2px;
    transform: rotate(45deg);
    background: #a16207;
  }
  .mark-cancelled {
    background: #52525b;
  }
  .mark-cancelled::after {
    content: '✕';
  }
`;

const mark = (group: Group) => `<span class="mark mark-${group.toLowerCase()}"></span>`;

@customElement('tafel-venues-map')
export class TafelVenuesMap extends LitElement {
  static override styles = [
    base,
    leafletBasics,
    statusMarks,
    css`
      .map {
        height: 420px;
        margin: 0.5rem 0;
        border: 1px solid var(--tafel-line);
      }
      .leaflet-marker-icon {
        cursor: pointer;
        display: flex;
        align-items: center;
        justify-content: center;
      }
      .leaflet-marker-icon:focus-visible {
        outline: 3px solid var(--tafel-accent);
        outline-offset: 2px;
      }
      .leaflet-popup-pane {
        z-index: 700;
      }
      .leaflet-popup {
        position: absolute;
        margin-bottom: 20px;
      }
      .leaflet-popup-content-wrapper {
        background: var(--tafel-surface);
        border-radius: 0.5rem;
        box-shadow: 0 3px 14px #0006;
      }
      .leaflet-popup-content {
        margin: 0.75rem 2.75rem 0.75rem 1rem;
        line-height: 1.4;
      }
      .leaflet-popup-tip-container {
        position: absolute;
        left: 50%;
        width: 40px;
        height: 20px;
        margin-left: -20px;
        overflow: hidden;
        pointer-events: none;
      }
      .leaflet-popup-tip {
        width: 17px;
        height: 17px;
        margin: -10px auto 0;
        transform: rotate(45deg);
        background: var(--tafel-surface);
      }
      .leaflet-container a.leaflet-popup-close-button {
        position: absolute;
        top: 0;
        right: 0;
        width: 44px;
        height: 44px;
        font: 1.5rem/44px system-ui, sans-serif;
        text-align: center;
        text-decoration: none;
        color: inherit;
      }
      .popup h3 {
        margin: 0 0 0.25rem;
      }
      .popup p {
        margin: 0.25rem 0;
      }
      .popup .mark {
        margin-inline-end: 0.4rem;
      }
      .popup .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .legend .mark {
        margin-inline-end: 0.4rem;
      }
      h3.legend-title {
        font-size: 1rem;
        margin: 0.5rem 0 0.25rem;
      }
    `,
  ];

  @property() language: Lang = 'nl';
  @property({ attribute: false }) edition!: Edition;
  @property({ attribute: false }) venues: Venue[] = [];
  @query('.map') private box?: HTMLDivElement;
  private leaflet?: LeafletMap;
  private markers = new LayerGroup();
  /** The marker of each venue drawn, by id. */
  private pins = new Map<string, Marker>();
  /** The venue whose popup is open, if any. */
  private openId: string | null = null;

  private get t() {
    return translator(VENUES_MAP, this.language);
  }

  override render() {
    const t = this.t;
    return html`<p class="hint" id="venues-map-hint">${t('mapHint')}</p>
      <div
        class="map"
        role="region"
        aria-label=${t('mapLabel', { edition: this.edition.name })}
        aria-describedby="venues-map-hint"
      ></div>
      <h3 class="legend-title" id="venues-map-legend">${t('legend')}</h3>
      <ul class="legend" aria-labelledby="venues-map-legend">
        ${GROUPS.map((group) => {
          const n = this.venues.filter((v) => groupOf(v) === group).length;
          return html`<li>
            <span class="mark mark-${group.toLowerCase()}" aria-hidden="true"></span>${t(
              `status${group}`,
            )}
            (${n})
          </li>`;
        })}
      </ul>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.box) return;
    if (!this.leaflet) {
      this.leaflet = map(this.box, { center: [52.1, 5.3], zoom: 7 });
      addTiles(this.leaflet);
      this.markers.addTo(this.leaflet);
    } else if (!changed.has('venues') && !changed.has('edition') && !changed.has('language'))
      return;
    this.draw();
  }

  /**
   * A marker per venue, and the map fitted around them when the venues drawn are others. The
   * list reloads after an edit or a co-host chosen: an open popup stays open and a focused marker
   * keeps the focus, so a reload never takes either from under the keyboard.
   */
  private draw(): void {
    const leaflet = this.leaflet!;
    const focused = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const refocus = focused?.classList.contains('leaflet-marker-icon')
      ? focused.dataset['id']
      : undefined;
    const reopen = this.openId;
    const before = [...this.pins.keys()].sort().join();
    leaflet.closePopup();
    this.markers.clearLayers();
    this.pins.clear();
    for (const venue of this.venues) {
      const pin = this.markerOf(venue);
      this.pins.set(venue.id, pin);
      this.markers.addLayer(pin);
    }
    const points = this.venues.map((v): [number, number] => [v.coordinates.lat, v.coordinates.lng]);
    if (points.length && [...this.pins.keys()].sort().join() !== before)
      leaflet.fitBounds(points, { padding: [32, 32], maxZoom: 15 });
    if (reopen && this.pins.has(reopen)) this.pins.get(reopen)!.openPopup();
    else if (refocus) this.pins.get(refocus)?.getElement()?.focus();
  }

  private markerOf(venue: Venue): Marker {
    const group = groupOf(venue);
    const label = this.t('marker', { name: venue.name, status: this.t(`status${group}`) });
    const pin = marker([venue.coordinates.lat, venue.coordinates.lng], {
      keyboard: true,
      title: label,
      riseOnHover: true,
      icon: divIcon({ className: '', html: mark(group), iconSize: [28, 28] }),
    });
    const content = document.createElement('div');
    // Leaflet closes a popup on Escape only while the map itself has focus.
    content.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.leaflet?.closePopup();
      pin.getElement()?.focus();
    });
    pin.bindPopup(content, { minWidth: 200, maxWidth: 280 });
    pin.on('popupclose', () => {
      if (this.openId === venue.id) this.openId = null;
    });
    pin.on('popupopen', () => {
      this.openId = venue.id;
      render(this.popup(venue, group), content);
      pin.getPopup()?.update();
      content.querySelector<HTMLElement>('h3')?.focus();
    });
    pin.on('add', () => {
      const element = pin.getElement();
      element?.setAttribute('role', 'button');
      element?.setAttribute('aria-label', label);
      if (element) element.dataset['id'] = venue.id;
    });
    return pin;
  }

  private popup(venue: Venue, group: Group) {
    const t = this.t;
    const portal = translator(PORTAL, this.language);
    const zone = this.edition.timeZone;
    const times = [timeIn(venue.startsAt, zone), timeIn(venue.endsAt, zone)]
      .filter(Boolean)
      .join('–');
    const meal = MEAL_LABELS[venue.meal as Meal]?.[this.language] ?? venue.meal;
    const fire = (type: 'edit' | 'preview') => () =>
      this.dispatchEvent(new CustomEvent<Venue>(type, { detail: venue }));
    return html`<article class="popup" data-id=${venue.id}>
      <h3 tabindex="-1">${venue.name}</h3>
      <p class="status">
        <span class="mark mark-${group.toLowerCase()}" aria-hidden="true"></span>${t(
          `status${group}`,
        )}
      </p>
      <p>${meal}${times ? ` · ${times}` : ''}${venue.address?.city ? ` · ${venue.address.city}` : ''}</p>
      <p class="actions">
        ${
          venue.status !== 'CANCELLED'
            ? html`<button type="button" @click=${fire('edit')}>${portal('edit')}</button>`
            : nothing
        }
        ${
          previewable(venue)
            ? html`<button type="button" @click=${fire('preview')}>${t('preview')}</button>`
            : nothing
        }
      </p>
    </article>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaflet?.remove();
    this.leaflet = undefined;
  }
}

declare global {
  interface HTMLElementEventMap {
    edit: CustomEvent<Venue>;
    preview: CustomEvent<Venue>;
  }
}
