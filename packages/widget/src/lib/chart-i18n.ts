/**
 * `<tafel-chart>`'s words in the four languages, apart from the map's and counter's (lib/i18n.ts)
 * so that `tafel.js` does not carry them. Vocabulary labels come from `@tafel/schema`.
 */
import { translator, type Words } from './i18n.ts';

const STRINGS = {
  timeline: {
    nl: 'Deelnemers in de loop van de dag',
    en: 'Participants over the day',
    de: 'Teilnehmende im Laufe des Tages',
    da: 'Deltagere i løbet af dagen',
  },
  regions: {
    nl: 'Deelnemers per provincie',
    en: 'Participants per region',
    de: 'Teilnehmende pro Region',
    da: 'Deltagere pr. region',
  },
  meals: {
    nl: 'Deelnemers per maaltijd',
    en: 'Participants per meal',
    de: 'Teilnehmende pro Mahlzeit',
    da: 'Deltagere pr. måltid',
  },
  groups: {
    nl: 'Deelnemers per doelgroep',
    en: 'Participants per target group',
    de: 'Teilnehmende pro Zielgruppe',
    da: 'Deltagere pr. målgruppe',
  },
  time: { nl: 'Tijd', en: 'Time', de: 'Uhrzeit', da: 'Tidspunkt' },
  lineChart: {
    nl: 'Lijngrafiek. {title}: {summary}',
    en: 'Line chart. {title}: {summary}',
    de: 'Liniendiagramm. {title}: {summary}',
    da: 'Kurvediagram. {title}: {summary}',
  },
  barChart: {
    nl: 'Staafdiagram. {title}: {summary}',
    en: 'Bar chart. {title}: {summary}',
    de: 'Balkendiagramm. {title}: {summary}',
    da: 'Søjlediagram. {title}: {summary}',
  },
  lineSummary: {
    nl: '{name} {n} om {time}',
    en: '{name} {n} at {time}',
    de: '{name} {n} um {time}',
    da: '{name} {n} kl. {time}',
  },
  barSummary: {
    nl: '{name}: meeste bij {top} ({n})',
    en: '{name}: most in {top} ({n})',
    de: '{name}: die meisten bei {top} ({n})',
    da: '{name}: flest i {top} ({n})',
  },
  noData: {
    nl: 'nog geen gegevens',
    en: 'no data yet',
    de: 'noch keine Daten',
    da: 'ingen data endnu',
  },
  showTable: {
    nl: 'Toon als tabel',
    en: 'Show as a table',
    de: 'Als Tabelle zeigen',
    da: 'Vis som tabel',
  },
  hideTable: {
    nl: 'Verberg de tabel',
    en: 'Hide the table',
    de: 'Tabelle ausblenden',
    da: 'Skjul tabellen',
  },
  comparedTotals: {
    nl: '{name}: {n} deelnemers in totaal, geen verloop over de dag. {reason}',
    en: '{name}: {n} participants in all, no curve over the day. {reason}',
    de: '{name}: {n} Teilnehmende insgesamt, kein Verlauf über den Tag. {reason}',
    da: '{name}: {n} deltagere i alt, intet forløb over dagen. {reason}',
  },
  noPrevious: {
    nl: 'Er is geen vorige editie om mee te vergelijken.',
    en: 'There is no previous edition to compare with.',
    de: 'Es gibt keine vorige Ausgabe zum Vergleich.',
    da: 'Der er ingen forrige udgave at sammenligne med.',
  },
  unknownCompare: {
    nl: 'Vergelijking met onbekende editie “{edition}” weggelaten.',
    en: 'Comparison with unknown edition “{edition}” left out.',
    de: 'Vergleich mit unbekannter Ausgabe „{edition}“ weggelassen.',
    da: 'Sammenligning med ukendt udgave “{edition}” udeladt.',
  },
} as const satisfies Words;

/** A chart string in a language, with `{name}` placeholders filled in. */
export const ct = translator(STRINGS);
