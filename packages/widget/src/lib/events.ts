/** The details of `<tafel-map>`'s events. */
import type { MapLocation } from '@tafel/schema';

/** The detail of `tafel-location-select`. */
export interface TafelLocationSelectDetail {
  /** The venue's global ID. */
  id: string;
  /** The venue as the map loaded it (with its live count). */
  location: MapLocation;
  /** Where the visitor chose it. */
  source: 'map' | 'list';
}

/** The detail of `tafel-load`. */
export interface TafelLoadDetail {
  /** How many venues are shown. */
  count: number;
  /** Whether clustering runs in a worker (false where the page's CSP forbids blob: workers). */
  offMainThread: boolean;
}
