/**
 * Finding a venue's place from an address: a Nominatim-style geocoder when `TAFEL_GEOCODER_URL`
 * is set (`GET <url>/search?format=jsonv2&addressdetails=1&countrycodes=<cc>&limit=5&q=<query>`,
 * the protocol of Nominatim and of the services that copy it), else the GeoNames places the API
 * ships (locations/places.ts) — a town's centre, for the pin to be dragged to the door. The
 * region comes from the geocoder's ISO 3166-2 code when it gives a valid one, else from the
 * point (the nearest place's province).
 */
import { regionProblem } from '../locations/fields.ts';
import { regionAt, searchPlaces } from '../locations/places.ts';

export interface GeocodeHit {
  label: string;
  lat: number;
  lng: number;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string;
  source: 'GEOCODER' | 'PLACES';
}

interface NominatimHit {
  lat?: string;
  lon?: string;
  display_name?: string;
  address?: Record<string, string | undefined>;
}

const TIMEOUT_MS = 5000;

/** The region a point suggests, when it is a valid one of the country. */
export function suggestedRegion(lat: number, lng: number, country: string): string | null {
  return regionAt(lat, lng, country);
}

function validRegion(region: string | undefined, country: string): string | null {
  if (!region) return null;
  const code = region.toUpperCase();
  return regionProblem(code, country) ? null : code;
}

async function askGeocoder(base: string, query: string, country: string): Promise<GeocodeHit[]> {
  const url = new URL(`${base}/search`);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('countrycodes', country.toLowerCase());
  url.searchParams.set('limit', '5');
  url.searchParams.set('q', query);
  const response = await fetch(url, {
    headers: { accept: 'application/json', 'user-agent': 'Tafel (venue address search)' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`geocoder answered HTTP ${response.status}`);
  const hits = (await response.json()) as NominatimHit[];
  if (!Array.isArray(hits)) throw new Error('geocoder answered no list');
  const out: GeocodeHit[] = [];
  for (const hit of hits) {
    const lat = Number(hit.lat);
    const lng = Number(hit.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    const a = hit.address ?? {};
    const street = [a['road'] ?? a['pedestrian'], a['house_number']].filter(Boolean).join(' ');
    out.push({
      label: String(hit.display_name ?? '').slice(0, 300) || `${lat}, ${lng}`,
      lat,
      lng,
      street: street || null,
      postalCode: a['postcode'] ?? null,
      city: a['city'] ?? a['town'] ?? a['village'] ?? a['municipality'] ?? null,
      region: validRegion(a['ISO3166-2-lvl4'], country) ?? suggestedRegion(lat, lng, country),
      country,
      source: 'GEOCODER',
    });
  }
  return out;
}

function fromPlaces(query: string, country: string): GeocodeHit[] {
  return searchPlaces(query, country).map((place) => ({
    label: place.name,
    lat: place.lat,
    lng: place.lng,
    street: null,
    postalCode: null,
    city: place.name,
    region: place.region,
    country,
    source: 'PLACES' as const,
  }));
}

/**
 * Up to five places for an address in a country. A geocoder that fails or times out is not the
 * person's fault: then the shipped places answer (`source: PLACES`), and `failed` says so.
 */
export async function geocode(
  base: string | undefined,
  query: string,
  country: string,
): Promise<{ hits: GeocodeHit[]; failed: boolean }> {
  if (!base) return { hits: fromPlaces(query, country), failed: false };
  try {
    return { hits: await askGeocoder(base, query, country), failed: false };
  } catch {
    return { hits: fromPlaces(query, country), failed: true };
  }
}
