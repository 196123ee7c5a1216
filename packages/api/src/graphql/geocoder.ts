/**
 * Finding a venue's place from an address. In the Netherlands, PDOK's Locatieserver (the
 * national address register) when `TAFEL_GEOCODER_NL_URL` is set
 * (`GET <url>/free?q=<query>&fq=type:(adres OR woonplaats)&rows=5&fl=…`). Elsewhere, and in the Netherlands without it, a
 * Nominatim-style geocoder when `TAFEL_GEOCODER_URL` is set
 * (`GET <url>/search?format=jsonv2&addressdetails=1&countrycodes=<cc>&limit=5&q=<query>`, the
 * protocol of Nominatim and of the services that copy it). Else the GeoNames places the API
 * ships (locations/places.ts) — a town's centre, for the pin to be dragged to the door. The
 * region comes from the geocoder's province when it names a valid one, else from the point
 * (the nearest place's province).
 */
import { REGIONS } from '@tafel/schema';
import { regionProblem } from '../locations/fields.ts';
import { regionAt, searchPlaces } from '../locations/places.ts';

/** The geocoders' base URLs; either may be unset. */
export interface GeocoderUrls {
  /** Nominatim's protocol, any country (`TAFEL_GEOCODER_URL`). */
  url: string | undefined;
  /** PDOK Locatieserver's protocol, the Netherlands only (`TAFEL_GEOCODER_NL_URL`). */
  nlUrl: string | undefined;
}

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

interface PdokDoc {
  weergavenaam?: string;
  centroide_ll?: string;
  straatnaam?: string;
  huisnummer?: number | string;
  huisletter?: string;
  huisnummertoevoeging?: string;
  postcode?: string;
  woonplaatsnaam?: string;
  provinciecode?: string;
  provincienaam?: string;
}

const TIMEOUT_MS = 5000;
const HEADERS = { accept: 'application/json', 'user-agent': 'Tafel (venue address search)' };

/** The fields asked of PDOK: the ones a hit is made of. */
const PDOK_FIELDS =
  'weergavenaam centroide_ll straatnaam huisnummer huisletter huisnummertoevoeging postcode woonplaatsnaam provinciecode provincienaam';

/** PDOK's province codes (CBS's `PV` numbers) as ISO 3166-2. */
const PDOK_PROVINCES: Record<string, string> = {
  PV20: 'NL-GR',
  PV21: 'NL-FR',
  PV22: 'NL-DR',
  PV23: 'NL-OV',
  PV24: 'NL-FL',
  PV25: 'NL-GE',
  PV26: 'NL-UT',
  PV27: 'NL-NH',
  PV28: 'NL-ZH',
  PV29: 'NL-ZE',
  PV30: 'NL-NB',
  PV31: 'NL-LI',
};

/** The provinces' names (Dutch and English, as the vocabulary has them) as ISO 3166-2. */
const PROVINCE_NAMES = new Map(
  Object.entries(REGIONS).flatMap(([code, labels]) => [
    [labels.nl.toLowerCase(), code],
    [labels.en.toLowerCase(), code],
  ]),
);

/** The region a point suggests, when it is a valid one of the country. */
export function suggestedRegion(lat: number, lng: number, country: string): string | null {
  return regionAt(lat, lng, country);
}

function validRegion(region: string | undefined, country: string): string | null {
  if (!region) return null;
  const code = region.toUpperCase();
  return regionProblem(code, country) ? null : code;
}

async function askJson(url: URL): Promise<unknown> {
  const response = await fetch(url, { headers: HEADERS, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`geocoder answered HTTP ${response.status}`);
  return response.json();
}

async function askGeocoder(base: string, query: string, country: string): Promise<GeocodeHit[]> {
  const url = new URL(`${base}/search`);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('countrycodes', country.toLowerCase());
  url.searchParams.set('limit', '5');
  url.searchParams.set('q', query);
  const hits = (await askJson(url)) as NominatimHit[];
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

/** `POINT(lng lat)`, PDOK's WGS84 centroid, as latitude and longitude. */
function pointLatLng(wkt: string | undefined): { lat: number; lng: number } | null {
  const m = /^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/.exec(wkt?.trim() ?? '');
  if (!m) return null;
  const lng = Number(m[1]);
  const lat = Number(m[2]);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/** The province a PDOK hit names (its code, else its name) as ISO 3166-2; null when it names none we know. */
export function pdokRegion(doc: Pick<PdokDoc, 'provinciecode' | 'provincienaam'>): string | null {
  const byCode = PDOK_PROVINCES[doc.provinciecode?.trim().toUpperCase() ?? ''];
  return byCode ?? PROVINCE_NAMES.get(doc.provincienaam?.trim().toLowerCase() ?? '') ?? null;
}

/** A street and its number as the Dutch write it: Oudegracht 12A-2. */
function pdokStreet(doc: PdokDoc): string | null {
  if (!doc.straatnaam) return null;
  const number = `${doc.huisnummer ?? ''}${doc.huisletter ?? ''}`;
  const addition = doc.huisnummertoevoeging ? `-${doc.huisnummertoevoeging}` : '';
  return [doc.straatnaam, number && number + addition].filter(Boolean).join(' ');
}

async function askPdok(base: string, query: string): Promise<GeocodeHit[]> {
  const url = new URL(`${base}/free`);
  url.searchParams.set('q', query);
  url.searchParams.set('fq', 'type:(adres OR woonplaats)');
  url.searchParams.set('rows', '5');
  url.searchParams.set('fl', PDOK_FIELDS);
  const body = (await askJson(url)) as { response?: { docs?: PdokDoc[] } };
  const docs = body?.response?.docs;
  if (!Array.isArray(docs)) throw new Error('PDOK answered no docs');
  const out: GeocodeHit[] = [];
  for (const doc of docs) {
    const point = pointLatLng(doc.centroide_ll);
    if (!point) continue;
    const postcode = doc.postcode?.replace(/^(\d{4})\s*([A-Z]{2})$/i, '$1 $2').toUpperCase();
    out.push({
      label: String(doc.weergavenaam ?? '').slice(0, 300) || `${point.lat}, ${point.lng}`,
      ...point,
      street: pdokStreet(doc),
      postalCode: postcode || null,
      city: doc.woonplaatsnaam || null,
      region: pdokRegion(doc) ?? suggestedRegion(point.lat, point.lng, 'NL'),
      country: 'NL',
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
 * Up to five places for an address in a country: PDOK for the Netherlands when configured, else
 * the Nominatim-style geocoder. A geocoder that fails or times out is not the person's fault:
 * then the shipped places answer (`source: PLACES`), and `failed` says so.
 */
export async function geocode(
  urls: GeocoderUrls,
  query: string,
  country: string,
): Promise<{ hits: GeocodeHit[]; failed: boolean }> {
  const pdok = country === 'NL' ? urls.nlUrl : undefined;
  const base = pdok ?? urls.url;
  if (!base) return { hits: fromPlaces(query, country), failed: false };
  try {
    const hits = pdok ? await askPdok(pdok, query) : await askGeocoder(base, query, country);
    return { hits, failed: false };
  } catch {
    return { hits: fromPlaces(query, country), failed: true };
  }
}
