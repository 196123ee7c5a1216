/**
 * A map's link-state as a Lit reactive controller: the chosen venue and filters kept in the
 * page's hash (under `tafel.`, or `tafel-<id>.` for a map with an `id`), read on load and when
 * the hash changes. The element gives its parts as callbacks.
 */
import type { MapLocation } from '@tafel/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FilterController } from './filters.ts';
import { readHash, replaceHash, writeHash } from './link-state.ts';

export interface LinkHost extends ReactiveControllerHost, HTMLElement {
  linkState: boolean;
  _selected: string | null;
  _shown: MapLocation[];
}

/** The element's parts the controller uses (read when used: some are made after it). */
export interface LinkParts {
  filters(): FilterController;
  closePopup(): void;
  applyFilters(): void;
  select(id: string): void;
}

export class LinkController implements ReactiveController {
  #host: LinkHost;
  #parts: LinkParts;
  /** A venue a link asks for, chosen once the venues are drawn. */
  #linkedVenue: string | null = null;
  #hashChanged = () => this.read(true);

  constructor(host: LinkHost, parts: LinkParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#host.linkState) addEventListener('hashchange', this.#hashChanged);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#hashChanged);
  }

  /** `link-state` changed: listen to the hash (or stop), and read it (`apply` it now, else a load will). */
  linkStateChanged(apply: boolean): void {
    removeEventListener('hashchange', this.#hashChanged);
    if (this.#host.linkState && this.#host.isConnected) {
      addEventListener('hashchange', this.#hashChanged);
      this.read(apply);
    }
  }

  get #hashKey(): string {
    return this.#host.id ? `tafel-${this.#host.id}.` : 'tafel.';
  }

  /** Take the venue and filters from the page's hash; `apply` them now (else a load will). */
  read(apply: boolean): void {
    const state = readHash(location.hash, this.#hashKey);
    const changed = this.#parts.filters().choose(state);
    this.#linkedVenue = state.venue ?? null;
    if (!apply) return;
    if (!this.#linkedVenue && this.#host._selected) this.#parts.closePopup();
    if (changed) this.#parts.applyFilters();
    else this.selectLinked();
  }

  selectLinked(): void {
    const id = this.#linkedVenue;
    this.#linkedVenue = null;
    if (id && id !== this.#host._selected && this.#host._shown.some((v) => v.id === id))
      this.#parts.select(id);
  }

  write(): void {
    if (this.#host.linkState)
      replaceHash(
        writeHash(location.hash, this.#hashKey, {
          ...this.#parts.filters().chosen,
          venue: this.#host._selected ?? '',
        }),
      );
  }
}
