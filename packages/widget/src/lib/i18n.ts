/**
 * The widget's own words in the four languages of the contract. Vocabulary labels (meals, target
 * groups, regions) come from `@tafel/schema`; these are the words around them.
 */
import { type Lang, pickLang } from '@tafel/schema';

const STRINGS = {
  mapLabel: {
    nl: 'Kaart van de tafels',
    en: 'Map of the venues',
    de: 'Karte der Tische',
    da: 'Kort over bordene',
  },
  listLabel: {
    nl: 'Lijst van de tafels',
    en: 'List of the venues',
    de: 'Liste der Tische',
    da: 'Liste over bordene',
  },
  filters: { nl: 'Tafels zoeken', en: 'Find a venue', de: 'Tisch suchen', da: 'Find et bord' },
  search: {
    nl: 'Zoek op naam, plaats of postcode',
    en: 'Search by name, city or postal code',
    de: 'Nach Name, Ort oder Postleitzahl suchen',
    da: 'Søg efter navn, by eller postnummer',
  },
  meal: { nl: 'Maaltijd', en: 'Meal', de: 'Mahlzeit', da: 'Måltid' },
  allMeals: { nl: 'Alle maaltijden', en: 'All meals', de: 'Alle Mahlzeiten', da: 'Alle måltider' },
  targetGroup: { nl: 'Doelgroep', en: 'Target group', de: 'Zielgruppe', da: 'Målgruppe' },
  allTargetGroups: {
    nl: 'Alle doelgroepen',
    en: 'All target groups',
    de: 'Alle Zielgruppen',
    da: 'Alle målgrupper',
  },
  region: { nl: 'Provincie', en: 'Region', de: 'Region', da: 'Region' },
  allRegions: {
    nl: 'Alle provincies',
    en: 'All regions',
    de: 'Alle Regionen',
    da: 'Alle regioner',
  },
  nearMe: { nl: 'Bij mij in de buurt', en: 'Near me', de: 'In meiner Nähe', da: 'Nær mig' },
  nearMeFailed: {
    nl: 'Je locatie is niet beschikbaar.',
    en: 'Your location is not available.',
    de: 'Ihr Standort ist nicht verfügbar.',
    da: 'Din placering er ikke tilgængelig.',
  },
  showList: { nl: 'Lijst', en: 'List', de: 'Liste', da: 'Liste' },
  venues: { nl: '{n} tafels', en: '{n} venues', de: '{n} Tische', da: '{n} borde' },
  venue: { nl: '1 tafel', en: '1 venue', de: '1 Tisch', da: '1 bord' },
  noVenues: {
    nl: 'Geen tafels gevonden.',
    en: 'No venues found.',
    de: 'Keine Tische gefunden.',
    da: 'Ingen borde fundet.',
  },
  showMore: { nl: 'Meer tonen', en: 'Show more', de: 'Mehr anzeigen', da: 'Vis flere' },
  showing: {
    nl: '{shown} van {n} getoond',
    en: '{shown} of {n} shown',
    de: '{shown} von {n} angezeigt',
    da: '{shown} af {n} vist',
  },
  loading: {
    nl: 'Tafels laden…',
    en: 'Loading venues…',
    de: 'Tische werden geladen…',
    da: 'Indlæser borde…',
  },
  full: { nl: 'Vol', en: 'Full', de: 'Voll', da: 'Fuldt' },
  participants: { nl: 'deelnemers', en: 'participants', de: 'Teilnehmende', da: 'deltagere' },
  participantsOf: {
    nl: '{n} van {cap} deelnemers',
    en: '{n} of {cap} participants',
    de: '{n} von {cap} Teilnehmenden',
    da: '{n} af {cap} deltagere',
  },
  participantsOnly: {
    nl: '{n} deelnemers',
    en: '{n} participants',
    de: '{n} Teilnehmende',
    da: '{n} deltagere',
  },
  targetGroups: { nl: 'Voor', en: 'For', de: 'Für', da: 'For' },
  languages: { nl: 'Talen', en: 'Languages', de: 'Sprachen', da: 'Sprog' },
  wheelchair: {
    nl: 'Rolstoeltoegankelijk',
    en: 'Wheelchair accessible',
    de: 'Rollstuhlgerecht',
    da: 'Kørestolsvenlig',
  },
  notWheelchair: {
    nl: 'Niet rolstoeltoegankelijk',
    en: 'Not wheelchair accessible',
    de: 'Nicht rollstuhlgerecht',
    da: 'Ikke kørestolsvenlig',
  },
  about: {
    nl: 'Over deze tafel',
    en: 'About this table',
    de: 'Über diesen Tisch',
    da: 'Om dette bord',
  },
  interpreters: {
    nl: 'Tolken: {n}',
    en: 'Interpreters: {n}',
    de: 'Dolmetscher: {n}',
    da: 'Tolke: {n}',
  },
  cookedByGuests: {
    nl: 'De gasten koken',
    en: 'Cooked by the guests',
    de: 'Die Gäste kochen',
    da: 'Gæsterne laver maden',
  },
  hearingLoop: {
    nl: 'Ringleiding',
    en: 'Hearing loop',
    de: 'Induktionsschleife',
    da: 'Teleslynge',
  },
  support: { nl: 'Aanwezig', en: 'Present', de: 'Vor Ort', da: 'Til stede' },
  language: {
    nl: 'Gesproken taal',
    en: 'Language spoken',
    de: 'Gesprochene Sprache',
    da: 'Talt sprog',
  },
  facility: {
    nl: 'Taal en voorzieningen',
    en: 'Language and facilities',
    de: 'Sprache und Ausstattung',
    da: 'Sprog og faciliteter',
  },
  anyFacility: { nl: 'Alle tafels', en: 'All venues', de: 'Alle Tische', da: 'Alle borde' },
  interpreter: {
    nl: 'Tolk aanwezig',
    en: 'Interpreter present',
    de: 'Dolmetscher vor Ort',
    da: 'Tolk til stede',
  },
  register: { nl: 'Aanmelden', en: 'Register', de: 'Anmelden', da: 'Tilmeld' },
  approximate: {
    nl: 'Locatie bij benadering',
    en: 'Approximate location',
    de: 'Ungefährer Standort',
    da: 'Omtrentlig placering',
  },
  preview: {
    nl: 'Concept — nog niet openbaar',
    en: 'Draft — not public yet',
    de: 'Entwurf — noch nicht öffentlich',
    da: 'Kladde — ikke offentlig endnu',
  },
  selected: {
    nl: 'Geselecteerd: {name}',
    en: 'Selected: {name}',
    de: 'Ausgewählt: {name}',
    da: 'Valgt: {name}',
  },
  offline: {
    nl: 'Geen verbinding: je ziet de laatst bekende gegevens.',
    en: 'No connection: showing the last known data.',
    de: 'Keine Verbindung: zuletzt bekannte Daten.',
    da: 'Ingen forbindelse: viser de senest kendte data.',
  },
  unknownEdition: {
    nl: 'Onbekende editie “{edition}”.',
    en: 'Unknown edition “{edition}”.',
    de: 'Unbekannte Ausgabe „{edition}“.',
    da: 'Ukendt udgave “{edition}”.',
  },
  refused: {
    nl: 'Zo kunnen de gegevens niet worden opgevraagd: {reason}',
    en: 'The data cannot be asked for like this: {reason}',
    de: 'So können die Daten nicht abgefragt werden: {reason}',
    da: 'Dataene kan ikke hentes sådan: {reason}',
  },
  loadFailed: {
    nl: 'De tafels konden niet worden geladen.',
    en: 'The venues could not be loaded.',
    de: 'Die Tische konnten nicht geladen werden.',
    da: 'Bordene kunne ikke indlæses.',
  },
  counterLabel: {
    nl: 'mensen aan tafel',
    en: 'people at the table',
    de: 'Menschen am Tisch',
    da: 'mennesker ved bordet',
  },
  compareLastYear: {
    nl: '{n} t.o.v. hetzelfde uur vorig jaar',
    en: '{n} vs. the same hour last year',
    de: '{n} ggü. derselben Stunde im Vorjahr',
    da: '{n} i forhold til samme time sidste år',
  },
  compareEdition: {
    nl: '{n} t.o.v. hetzelfde uur bij {name}',
    en: '{n} vs. the same hour at {name}',
    de: '{n} ggü. derselben Stunde bei {name}',
    da: '{n} i forhold til samme time ved {name}',
  },
  compareTotals: {
    nl: '{name}: {n} in totaal.',
    en: '{name}: {n} in all.',
    de: '{name}: {n} insgesamt.',
    da: '{name}: {n} i alt.',
  },
  noCompare: {
    nl: 'Geen vorige editie om mee te vergelijken.',
    en: 'No previous edition to compare with.',
    de: 'Keine vorige Ausgabe zum Vergleich.',
    da: 'Ingen forrige udgave at sammenligne med.',
  },
  atVenues: { nl: 'op {n} locaties', en: 'at {n} venues', de: 'an {n} Orten', da: 'på {n} steder' },
  noMeasure: {
    nl: 'Deze editie telt geen “{measure}”.',
    en: 'This edition does not count “{measure}”.',
    de: 'Diese Ausgabe zählt kein „{measure}“.',
    da: 'Denne udgave tæller ikke “{measure}”.',
  },
  legend: { nl: 'Legenda', en: 'Legend', de: 'Legende', da: 'Signaturforklaring' },
  legendCluster: {
    nl: 'Groep tafels: hoeveel, met de ring van hun maaltijden',
    en: 'A group of venues: how many, ringed by their meals',
    de: 'Gruppe von Tischen: wie viele, im Ring ihre Mahlzeiten',
    da: 'En gruppe borde: hvor mange, med en ring af deres måltider',
  },
  cluster: {
    nl: '{n} tafels, klik om in te zoomen',
    en: '{n} venues, click to zoom in',
    de: '{n} Tische, zum Vergrößern klicken',
    da: '{n} borde, klik for at zoome ind',
  },
} as const satisfies Words;

/** A table of words: each in the four languages, with `{name}` placeholders. */
export type Words = Record<string, Record<Lang, string>>;

/** The lookup of a table of words: a word in a language, its placeholders filled in. */
export const translator =
  <W extends Words>(words: W) =>
  (lang: Lang, key: keyof W, values: Record<string, string | number> = {}): string =>
    fillIn(words[key]![lang], values);

export type StringKey = keyof typeof STRINGS;

/** A widget string in a language, with `{name}` placeholders filled in. */
export const t = translator(STRINGS);

/** A text with its `{name}` placeholders filled in. */
export function fillIn(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Why an element stopped for good, from the API's refusal of its request. */
export function refusalText(
  lang: Lang,
  error: { argument: string | undefined; message: string },
  edition: string | undefined,
): string {
  return error.argument === 'edition'
    ? t(lang, 'unknownEdition', { edition: edition ?? '' })
    : t(lang, 'refused', { reason: error.message });
}

/** The element's language: its own `lang` attribute, else the nearest ancestor's, else the page's, else Dutch. */
export function elementLang(element: HTMLElement): Lang {
  const own = element.getAttribute('lang');
  if (own) return pickLang(own);
  const inherited =
    element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return pickLang(inherited);
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A number in the language's own style (20.418 in Dutch, 20,418 in English). */
export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  // Building a formatter costs far more than using one: markers format hundreds of numbers a view.
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
