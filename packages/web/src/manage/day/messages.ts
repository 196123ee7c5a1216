/** The day view's words, in the four languages. */
import type { Messages } from '../../lib/i18n.ts';

export type DayKey =
  | 'title'
  | 'intro'
  | 'edition'
  | 'region'
  | 'organisation'
  | 'all'
  | 'noRegion'
  | 'coverageTitle'
  | 'coverageCaption'
  | 'started'
  | 'reported'
  | 'share'
  | 'venuesTitle'
  | 'venuesCaption'
  | 'venue'
  | 'start'
  | 'state'
  | 'count'
  | 'lastReport'
  | 'jump'
  | 'hostLink'
  | 'NOT_STARTED'
  | 'STARTED'
  | 'SILENT'
  | 'silentFor'
  | 'full'
  | 'never'
  | 'jumpText'
  | 'copyLink'
  | 'copyHint'
  | 'copied'
  | 'copyFailed'
  | 'adminOnly'
  | 'updated'
  | 'summary'
  | 'none'
  | 'noEditions'
  | 'failed';

export const DAY: Messages<DayKey> = {
  nl: {
    title: 'De dag',
    intro:
      'Elke locatie nu: nog niet begonnen, begonnen, stil (geen telling {minutes} minuten na de start), vol, of een sprong van meer dan {jump} in één keer. Ververst vanzelf.',
    edition: 'Editie',
    region: 'Provincie',
    organisation: 'Organisatie',
    all: 'Alle',
    noRegion: 'Geen provincie',
    coverageTitle: 'Meldingen per provincie',
    coverageCaption: 'Het deel van de begonnen locaties dat al een telling heeft doorgegeven.',
    started: 'Begonnen',
    reported: 'Gemeld',
    share: 'Dekking',
    venuesTitle: 'Locaties',
    venuesCaption: 'Alle gepubliceerde locaties, op begintijd.',
    venue: 'Locatie',
    start: 'Start',
    state: 'Stand',
    count: 'Aantal',
    lastReport: 'Laatste telling',
    jump: 'Sprong',
    hostLink: 'Gastheerlink',
    NOT_STARTED: 'Nog niet begonnen',
    STARTED: 'Begonnen',
    SILENT: 'Stil',
    silentFor: 'Stil, {minutes} min na de start',
    full: 'Vol',
    never: 'nog geen',
    jumpText: 'van {from} naar {to} om {time}',
    copyLink: 'Nieuwe link kopiëren',
    copyHint:
      'Een gastheerlink is alleen te zien als hij gemaakt wordt. Kopiëren maakt daarom een nieuwe link; eerdere links blijven werken.',
    copied: 'Nieuwe link voor {name} gekopieerd: {url}',
    copyFailed: 'Kopiëren lukte niet. De nieuwe link voor {name}: {url}',
    adminOnly: 'Alleen beheerders kunnen gastheerlinks maken.',
    updated: 'Bijgewerkt om {time}.',
    summary: '{silent} stil, {full} vol, {jumps} met een sprong.',
    none: 'Geen locaties voor deze keuze.',
    noEditions: 'Er zijn nog geen edities.',
    failed: 'Het overzicht kon niet geladen worden: {message}',
  },
  en: {
    title: 'The day',
    intro:
      'Every venue now: not started, started, silent (no count {minutes} minutes after its start), full, or a jump of more than {jump} at once. Updates by itself.',
    edition: 'Edition',
    region: 'Region',
    organisation: 'Organisation',
    all: 'All',
    noRegion: 'No region',
    coverageTitle: 'Reporting per region',
    coverageCaption: 'The share of started venues that have reported a count.',
    started: 'Started',
    reported: 'Reported',
    share: 'Coverage',
    venuesTitle: 'Venues',
    venuesCaption: 'Every published venue, by start time.',
    venue: 'Venue',
    start: 'Start',
    state: 'State',
    count: 'Count',
    lastReport: 'Last report',
    jump: 'Jump',
    hostLink: 'Host link',
    NOT_STARTED: 'Not started',
    STARTED: 'Started',
    SILENT: 'Silent',
    silentFor: 'Silent, {minutes} min after its start',
    full: 'Full',
    never: 'none yet',
    jumpText: 'from {from} to {to} at {time}',
    copyLink: 'Copy a new link',
    copyHint:
      'A host link can only be seen when it is made. Copying therefore makes a new link; earlier links keep working.',
    copied: 'New link for {name} copied: {url}',
    copyFailed: 'Copying did not work. The new link for {name}: {url}',
    adminOnly: 'Only admins can make host links.',
    updated: 'Updated at {time}.',
    summary: '{silent} silent, {full} full, {jumps} with a jump.',
    none: 'No venues for this choice.',
    noEditions: 'There are no editions yet.',
    failed: 'The overview could not be loaded: {message}',
  },
  de: {
    title: 'Der Tag',
    intro:
      'Jeder Ort jetzt: noch nicht begonnen, begonnen, still (keine Zählung {minutes} Minuten nach Beginn), voll, oder ein Sprung um mehr als {jump} auf einmal. Aktualisiert sich selbst.',
    edition: 'Ausgabe',
    region: 'Region',
    organisation: 'Organisation',
    all: 'Alle',
    noRegion: 'Keine Region',
    coverageTitle: 'Meldungen je Region',
    coverageCaption: 'Der Anteil der begonnenen Orte, die schon eine Zählung gemeldet haben.',
    started: 'Begonnen',
    reported: 'Gemeldet',
    share: 'Abdeckung',
    venuesTitle: 'Orte',
    venuesCaption: 'Alle veröffentlichten Orte, nach Beginn.',
    venue: 'Ort',
    start: 'Beginn',
    state: 'Stand',
    count: 'Anzahl',
    lastReport: 'Letzte Zählung',
    jump: 'Sprung',
    hostLink: 'Gastgeber-Link',
    NOT_STARTED: 'Noch nicht begonnen',
    STARTED: 'Begonnen',
    SILENT: 'Still',
    silentFor: 'Still, {minutes} Min. nach Beginn',
    full: 'Voll',
    never: 'noch keine',
    jumpText: 'von {from} auf {to} um {time}',
    copyLink: 'Neuen Link kopieren',
    copyHint:
      'Ein Gastgeber-Link ist nur beim Erstellen zu sehen. Kopieren erstellt daher einen neuen Link; frühere Links gelten weiter.',
    copied: 'Neuer Link für {name} kopiert: {url}',
    copyFailed: 'Kopieren hat nicht geklappt. Der neue Link für {name}: {url}',
    adminOnly: 'Nur die Administration kann Gastgeber-Links erstellen.',
    updated: 'Aktualisiert um {time}.',
    summary: '{silent} still, {full} voll, {jumps} mit einem Sprung.',
    none: 'Keine Orte für diese Auswahl.',
    noEditions: 'Es gibt noch keine Ausgaben.',
    failed: 'Die Übersicht konnte nicht geladen werden: {message}',
  },
  da: {
    title: 'Dagen',
    intro:
      'Hvert sted nu: ikke begyndt, begyndt, stille (ingen optælling {minutes} minutter efter start), fuldt, eller et spring på mere end {jump} på én gang. Opdateres af sig selv.',
    edition: 'Udgave',
    region: 'Region',
    organisation: 'Organisation',
    all: 'Alle',
    noRegion: 'Ingen region',
    coverageTitle: 'Indberetning pr. region',
    coverageCaption: 'Andelen af begyndte steder, der har indberettet en optælling.',
    started: 'Begyndt',
    reported: 'Indberettet',
    share: 'Dækning',
    venuesTitle: 'Steder',
    venuesCaption: 'Alle offentliggjorte steder, efter starttid.',
    venue: 'Sted',
    start: 'Start',
    state: 'Status',
    count: 'Antal',
    lastReport: 'Seneste optælling',
    jump: 'Spring',
    hostLink: 'Værtslink',
    NOT_STARTED: 'Ikke begyndt',
    STARTED: 'Begyndt',
    SILENT: 'Stille',
    silentFor: 'Stille, {minutes} min efter start',
    full: 'Fuldt',
    never: 'ingen endnu',
    jumpText: 'fra {from} til {to} kl. {time}',
    copyLink: 'Kopiér et nyt link',
    copyHint:
      'Et værtslink kan kun ses, når det bliver lavet. Derfor laver kopiering et nyt link; tidligere links virker stadig.',
    copied: 'Nyt link til {name} kopieret: {url}',
    copyFailed: 'Kopieringen lykkedes ikke. Det nye link til {name}: {url}',
    adminOnly: 'Kun administratorer kan lave værtslinks.',
    updated: 'Opdateret kl. {time}.',
    summary: '{silent} stille, {full} fulde, {jumps} med et spring.',
    none: 'Ingen steder for dette valg.',
    noEditions: 'Der er ingen udgaver endnu.',
    failed: 'Oversigten kunne ikke indlæses: {message}',
  },
};
