/**
 * The regions (ISO 3166-2 subdivisions) of every country an edition can be held in, with labels
 * in nl, en, de and da: generated from Debian's iso-codes package into `regions.data.ts` (see
 * `scripts/regions.ts`). The API validates and names regions with these; the widget asks the API
 * for its edition's regions instead of carrying them all.
 */
import { BE_REGIONS, DE_REGIONS, DK_REGIONS, NL_REGIONS } from './regions.data.ts';
import { type CountryCode, type Labels, type Lang, label } from './vocabulary.ts';

/** Each country's regions, in code order. */
export const REGIONS_BY_COUNTRY: Readonly<Record<CountryCode, Readonly<Record<string, Labels>>>> = {
  NL: NL_REGIONS,
  BE: BE_REGIONS,
  DE: DE_REGIONS,
  DK: DK_REGIONS,
};

/** The language a country's regions are named in when no language is asked for. */
export const COUNTRY_LANGS: Readonly<Record<CountryCode, Lang>> = {
  NL: 'nl',
  BE: 'nl',
  DE: 'de',
  DK: 'da',
};

/** A country's regions with their labels, in code order; none for a country not in use. */
export function regionsOf(country: string): { code: string; labels: Labels }[] {
  const regions = REGIONS_BY_COUNTRY[country as CountryCode];
  return regions ? Object.entries(regions).map(([code, labels]) => ({ code, labels })) : [];
}

/** The labels of a region of a country in use, by its code (`DK-84`). */
export function regionLabels(code: string): Labels | undefined {
  const regions = REGIONS_BY_COUNTRY[code.slice(0, 2) as CountryCode];
  return regions && Object.hasOwn(regions, code) ? regions[code] : undefined;
}

/** A region's name in `lang`, or in its country's language; the code itself when unknown. */
export function regionName(code: string, lang?: Lang): string {
  const labels = regionLabels(code);
  return labels ? labels[lang ?? COUNTRY_LANGS[code.slice(0, 2) as CountryCode]] : code;
}

/** As `label`, and every country's regions too. */
export function labelOf(key: string, lang: Lang = 'nl'): string {
  return regionLabels(key)?.[lang] ?? label(key, lang);
}
