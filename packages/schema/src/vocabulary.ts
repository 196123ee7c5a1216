/**
 * The closed sets of the Tafel contract, with labels in the four languages of the federations
 * that run a day like this (nl, en, de, da). The GraphQL enums are generated from these lists,
 * so the API, the widget and the tests share one vocabulary.
 */

import { NL_REGIONS } from './regions.data.ts';

export const LANGS = ['nl', 'en', 'de', 'da'] as const;
export type Lang = (typeof LANGS)[number];
export type Labels = Record<Lang, string>;

export const MEALS = ['BREAKFAST', 'LUNCH', 'DINNER', 'OTHER'] as const;
export type Meal = (typeof MEALS)[number];
export const MEAL_LABELS: Record<Meal, Labels> = {
  BREAKFAST: { nl: 'Ontbijt', en: 'Breakfast', de: 'Frühstück', da: 'Morgenmad' },
  LUNCH: { nl: 'Lunch', en: 'Lunch', de: 'Mittagessen', da: 'Frokost' },
  DINNER: { nl: 'Diner', en: 'Dinner', de: 'Abendessen', da: 'Middag' },
  OTHER: { nl: 'Anders', en: 'Other', de: 'Andere', da: 'Andet' },
};

export const TARGET_GROUPS = [
  'REFUGEES',
  'STATUS_HOLDERS',
  'ELDERLY',
  'DISABILITY',
  'YOUTH',
  'JOB_SEEKERS',
  'EMPLOYERS',
  'EMPLOYEES',
  'NEIGHBOURS',
  'FAITH_COMMUNITIES',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Record<TargetGroup, Labels> = {
  REFUGEES: { nl: 'Vluchtelingen', en: 'Refugees', de: 'Geflüchtete', da: 'Flygtninge' },
  STATUS_HOLDERS: {
    nl: 'Statushouders',
    en: 'Status holders',
    de: 'Anerkannte Geflüchtete',
    da: 'Personer med opholdstilladelse',
  },
  ELDERLY: { nl: 'Ouderen', en: 'Elderly people', de: 'Ältere Menschen', da: 'Ældre' },
  DISABILITY: {
    nl: 'Mensen met een beperking',
    en: 'People with a disability',
    de: 'Menschen mit Behinderung',
    da: 'Mennesker med handicap',
  },
  YOUTH: { nl: 'Jongeren', en: 'Young people', de: 'Jugendliche', da: 'Unge' },
  JOB_SEEKERS: { nl: 'Werkzoekenden', en: 'Job seekers', de: 'Arbeitssuchende', da: 'Jobsøgende' },
  EMPLOYERS: { nl: 'Werkgevers', en: 'Employers', de: 'Arbeitgeber', da: 'Arbejdsgivere' },
  EMPLOYEES: { nl: 'Medewerkers', en: 'Employees', de: 'Beschäftigte', da: 'Medarbejdere' },
  NEIGHBOURS: { nl: 'Buurtbewoners', en: 'Neighbours', de: 'Nachbarn', da: 'Naboer' },
  FAITH_COMMUNITIES: {
    nl: 'Geloofsgemeenschappen',
    en: 'Faith communities',
    de: 'Glaubensgemeinschaften',
    da: 'Trossamfund',
  },
};

export const ORGANISATION_KINDS = [
  'COMPANY',
  'MUNICIPALITY',
  'GOVERNMENT',
  'CHARITY',
  'FAITH_COMMUNITY',
  'SCHOOL',
  'CARE',
  'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, Labels> = {
  COMPANY: { nl: 'Bedrijf', en: 'Company', de: 'Unternehmen', da: 'Virksomhed' },
  MUNICIPALITY: { nl: 'Gemeente', en: 'Municipality', de: 'Gemeinde', da: 'Kommune' },
  GOVERNMENT: { nl: 'Overheid', en: 'Government', de: 'Behörde', da: 'Myndighed' },
  CHARITY: {
    nl: 'Maatschappelijke organisatie',
    en: 'Charity',
    de: 'Gemeinnützige Organisation',
    da: 'Velgørende organisation',
  },
  FAITH_COMMUNITY: {
    nl: 'Moskee, kerk of geloofsgemeenschap',
    en: 'Mosque, church or faith community',
    de: 'Moschee, Kirche oder Glaubensgemeinschaft',
    da: 'Moské, kirke eller trossamfund',
  },
  SCHOOL: { nl: 'School', en: 'School', de: 'Schule', da: 'Skole' },
  CARE: {
    nl: 'Zorginstelling',
    en: 'Care provider',
    de: 'Pflegeeinrichtung',
    da: 'Plejeinstitution',
  },
  OTHER: { nl: 'Anders', en: 'Other', de: 'Andere', da: 'Andet' },
};

/**
 * The Dutch provinces (ISO 3166-2), the model edition's regions. Every country's regions, from a
 * maintained data package, are in `regions.ts`; `label` knows only these, so that what a partner
 * page loads for its labels stays small.
 */
export const REGIONS = NL_REGIONS;
export type RegionCode = keyof typeof REGIONS;
// Marked pure so that a bundle that does not use the list leaves it, and the labels, out.
export const REGION_CODES = /* @__PURE__ */ Object.keys(REGIONS) as RegionCode[];

/** The countries an edition can be held in, with a generous bounding box to catch swapped coordinates. */
export const COUNTRIES = {
  NL: {
    labels: { nl: 'Nederland', en: 'Netherlands', de: 'Niederlande', da: 'Holland' },
    bbox: { south: 50.7, west: 3.2, north: 53.7, east: 7.3 },
  },
  BE: {
    labels: { nl: 'België', en: 'Belgium', de: 'Belgien', da: 'Belgien' },
    bbox: { south: 49.4, west: 2.5, north: 51.6, east: 6.5 },
  },
  DE: {
    labels: { nl: 'Duitsland', en: 'Germany', de: 'Deutschland', da: 'Tyskland' },
    bbox: { south: 47.2, west: 5.8, north: 55.1, east: 15.1 },
  },
  DK: {
    labels: { nl: 'Denemarken', en: 'Denmark', de: 'Dänemark', da: 'Danmark' },
    bbox: { south: 54.5, west: 8.0, north: 57.8, east: 15.2 },
  },
} as const satisfies Record<
  string,
  { labels: Labels; bbox: { south: number; west: number; north: number; east: number } }
>;
export type CountryCode = keyof typeof COUNTRIES;
export const COUNTRY_CODES = /* @__PURE__ */ Object.keys(COUNTRIES) as CountryCode[];

/**
 * A label for a meal, target group or organisation kind in a language; unknown keys come back as
 * themselves. Without the regions, so that what a partner page loads for it stays small.
 */
export function termLabel(key: string, lang: Lang = 'nl'): string {
  const sets: Record<string, Labels>[] = [
    MEAL_LABELS,
    TARGET_GROUP_LABELS,
    ORGANISATION_KIND_LABELS,
  ];
  for (const set of sets) {
    const entry = set[key];
    if (entry) return entry[lang];
  }
  return key;
}

/** A label for any vocabulary key (the Dutch provinces too) in a language; unknown keys come back as themselves. */
export function label(key: string, lang: Lang = 'nl'): string {
  const region = (REGIONS as Record<string, Labels>)[key];
  return region ? region[lang] : termLabel(key, lang);
}

/** Pick a supported language from a tag like `de-AT`, falling back to Dutch. */
export function pickLang(tag: string | null | undefined): Lang {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : 'nl';
}
