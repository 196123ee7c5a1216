/** The words of the seating planner, in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'title'
  | 'privacy'
  | 'back'
  | 'errorTitle'
  | 'guests'
  | 'guestName'
  | 'role'
  | 'languages'
  | 'languagesHint'
  | 'interpreterFor'
  | 'interpreterForHint'
  | 'addGuest'
  | 'paste'
  | 'pasteHint'
  | 'addList'
  | 'addedN'
  | 'lineNoName'
  | 'lineNoLanguage'
  | 'lineRole'
  | 'added'
  | 'removeOf'
  | 'remove'
  | 'noGuests'
  | 'guestLine'
  | 'tables'
  | 'tableCount'
  | 'seats'
  | 'addTables'
  | 'tableName'
  | 'tableLine'
  | 'noTables'
  | 'interpreters'
  | 'interpreterName'
  | 'interpreterLanguages'
  | 'addInterpreter'
  | 'noInterpreters'
  | 'interpreter'
  | 'seating'
  | 'propose'
  | 'proposed'
  | 'mixing'
  | 'mixingHint'
  | 'coverage'
  | 'coverageHint'
  | 'balance'
  | 'balanceHint'
  | 'tableHeading'
  | 'notMixed'
  | 'overfull'
  | 'notUnderstood'
  | 'moveTo'
  | 'keep'
  | 'keepShort'
  | 'moved'
  | 'unseated'
  | 'notSeated'
  | 'printView'
  | 'print'
  | 'backToPlanner'
  | 'chart'
  | 'cards'
  | 'file'
  | 'export'
  | 'import'
  | 'importHint'
  | 'imported'
  | 'otherVenue'
  | 'badFile'
  | 'forget'
  | 'confirmForget'
  | 'forgotten'
  | 'needName'
  | 'needLanguage'
  | 'needTables'
  | 'needSeats'
  | 'tooMany'
  | 'noTablesYet'
  | 'noGuestsYet'
  | 'locksOver'
  | 'storageOff';

export const SEATING: Messages<Key> = {
  nl: {
    title: 'Tafelindeling: {venue}',
    privacy:
      'De namen van je gasten blijven op dit apparaat: de planner werkt in deze browser, bewaart de indeling hier en stuurt niets naar de server. Wil je verder op een ander apparaat, exporteer dan naar een bestand.',
    back: 'Terug naar de locaties',
    errorTitle: 'Er is een probleem',
    guests: 'Gasten',
    guestName: 'Naam of initialen',
    role: 'Rol',
    languages: 'Talen',
    languagesHint: 'Gescheiden door komma’s, bijvoorbeeld nl, en, ar',
    interpreterFor: 'Heeft een tolk nodig voor',
    interpreterForHint: 'Een taal, of laat leeg',
    addGuest: 'Gast toevoegen',
    paste: 'Of plak een lijst',
    pasteHint:
      'Eén gast per regel: naam; rol; talen; tolk nodig voor (mag leeg). Kolommen uit een spreadsheet kunnen ook.',
    addList: 'Gasten uit de lijst toevoegen',
    addedN: '{n} gasten toegevoegd.',
    lineNoName: 'Regel {n}: geen naam.',
    lineNoLanguage: 'Regel {n}: geen taal.',
    lineRole: 'Regel {n}: de rol “{role}” staat niet in de lijst van rollen.',
    added: '{name} is toegevoegd.',
    removeOf: '{name} verwijderen',
    remove: 'Verwijderen',
    noGuests: 'Nog geen gasten.',
    guestLine: '{name} — {role}; {languages}',
    tables: 'Tafels',
    tableCount: 'Aantal tafels',
    seats: 'Plaatsen per tafel',
    addTables: 'Tafels toevoegen',
    tableName: 'Tafel {n}',
    tableLine: '{name} — {seats} plaatsen',
    noTables: 'Nog geen tafels.',
    interpreters: 'Tolken',
    interpreterName: 'Naam',
    interpreterLanguages: 'Talen die hij of zij tolkt',
    addInterpreter: 'Tolk toevoegen',
    noInterpreters: 'Geen tolken.',
    interpreter: 'Tolk',
    seating: 'Indeling',
    propose: 'Stel een tafelindeling voor',
    proposed:
      'Voorstel klaar: {mixed} van {tables} tafels gemengd, {covered} van {guests} gasten verstaan iemand.',
    mixing: 'Menging',
    mixingHint: '{mixed} van {tables} tafels hebben minstens twee rollen',
    coverage: 'Taal',
    coverageHint: '{covered} van {guests} gasten delen een taal of hebben hun tolk aan tafel',
    balance: 'Verdeling',
    balanceHint: 'Hoe gelijk de tafels gevuld zijn',
    tableHeading: '{name} ({people} van {seats} plaatsen)',
    notMixed: 'Maar één rol aan deze tafel.',
    overfull: 'Meer mensen dan plaatsen.',
    notUnderstood: 'geen gedeelde taal of tolk',
    moveTo: 'Tafel voor {name}',
    keep: 'Vastzetten: {name}',
    keepShort: 'Vastzetten',
    moved: '{name} zit nu aan {table} en staat daar vast.',
    unseated: 'Nog niet ingedeeld',
    notSeated: '{n} nog niet ingedeeld: stel opnieuw een indeling voor.',
    printView: 'Afdrukweergave',
    print: 'Afdrukken',
    backToPlanner: 'Terug naar de planner',
    chart: 'Tafelindeling',
    cards: 'Naamkaartjes',
    file: 'Bestand',
    export: 'Exporteren naar een bestand',
    import: 'Importeren uit een bestand',
    importHint:
      'Een bestand dat voor deze locatie is geëxporteerd. Het vervangt de indeling op dit apparaat.',
    imported: 'De indeling uit het bestand is geladen.',
    otherVenue:
      'Dit bestand is de indeling van een andere locatie ({venue}). Er is niets veranderd.',
    badFile: 'Dit bestand is geen tafelindeling die Tafel kan lezen. Er is niets veranderd.',
    forget: 'Indeling van dit apparaat verwijderen',
    confirmForget: 'De gasten en de indeling van {venue} van dit apparaat verwijderen?',
    forgotten: 'De indeling is van dit apparaat verwijderd.',
    needName: 'Vul een naam of initialen in',
    needLanguage: 'Vul minstens één taal in',
    needTables: 'Vul een aantal tafels in van 1 tot 200',
    needSeats: 'Vul een aantal plaatsen in van 1 tot 100',
    tooMany: '{people} mensen voor {seats} plaatsen: voeg tafels of plaatsen toe.',
    noTablesYet: 'Voeg eerst tafels toe.',
    noGuestsYet: 'Voeg eerst gasten toe.',
    locksOver: 'Aan {table} staan meer mensen vast dan er plaatsen zijn.',
    storageOff:
      'Deze browser bewaart hier niets (privévenster?): de indeling is weg als je de pagina sluit. Exporteer haar naar een bestand.',
  },
  en: {
    title: 'Seating plan: {venue}',
    privacy:
      'Your guests’ names stay on this device: the planner runs in this browser, keeps the plan here and sends nothing to the server. To carry on on another device, export it to a file.',
    back: 'Back to the venues',
    errorTitle: 'There is a problem',
    guests: 'Guests',
    guestName: 'Name or initials',
    role: 'Role',
    languages: 'Languages',
    languagesHint: 'Separated by commas, for example nl, en, ar',
    interpreterFor: 'Needs an interpreter for',
    interpreterForHint: 'A language, or leave empty',
    addGuest: 'Add guest',
    paste: 'Or paste a list',
    pasteHint:
      'One guest per line: name; role; languages; interpreter needed for (may be empty). Columns copied from a spreadsheet work too.',
    addList: 'Add the guests of the list',
    addedN: '{n} guests added.',
    lineNoName: 'Line {n}: no name.',
    lineNoLanguage: 'Line {n}: no language.',
    lineRole: 'Line {n}: the role “{role}” is not one of the roles.',
    added: '{name} is added.',
    removeOf: 'Remove {name}',
    remove: 'Remove',
    noGuests: 'No guests yet.',
    guestLine: '{name} — {role}; {languages}',
    tables: 'Tables',
    tableCount: 'Number of tables',
    seats: 'Seats per table',
    addTables: 'Add tables',
    tableName: 'Table {n}',
    tableLine: '{name} — {seats} seats',
    noTables: 'No tables yet.',
    interpreters: 'Interpreters',
    interpreterName: 'Name',
    interpreterLanguages: 'Languages they interpret',
    addInterpreter: 'Add interpreter',
    noInterpreters: 'No interpreters.',
    interpreter: 'Interpreter',
    seating: 'Seating',
    propose: 'Propose a seating',
    proposed:
      'Proposal ready: {mixed} of {tables} tables mixed, {covered} of {guests} guests understand someone.',
    mixing: 'Mixing',
    mixingHint: '{mixed} of {tables} tables have at least two roles',
    coverage: 'Language',
    coverageHint: '{covered} of {guests} guests share a language or have their interpreter there',
    balance: 'Balance',
    balanceHint: 'How evenly the tables are filled',
    tableHeading: '{name} ({people} of {seats} seats)',
    notMixed: 'Only one role at this table.',
    overfull: 'More people than seats.',
    notUnderstood: 'no shared language or interpreter',
    moveTo: 'Table for {name}',
    keep: 'Keep here: {name}',
    keepShort: 'Keep here',
    moved: '{name} now sits at {table} and is kept there.',
    unseated: 'Not seated yet',
    notSeated: '{n} not seated yet: propose a seating again.',
    printView: 'Print view',
    print: 'Print',
    backToPlanner: 'Back to the planner',
    chart: 'Seating chart',
    cards: 'Place cards',
    file: 'File',
    export: 'Export to a file',
    import: 'Import from a file',
    importHint: 'A file exported for this venue. It replaces the plan on this device.',
    imported: 'The plan from the file is loaded.',
    otherVenue: 'This file is the plan of another venue ({venue}). Nothing was changed.',
    badFile: 'This file is not a seating plan Tafel can read. Nothing was changed.',
    forget: 'Delete the plan from this device',
    confirmForget: 'Delete the guests and the seating of {venue} from this device?',
    forgotten: 'The plan is deleted from this device.',
    needName: 'Enter a name or initials',
    needLanguage: 'Enter at least one language',
    needTables: 'Enter a number of tables from 1 to 200',
    needSeats: 'Enter a number of seats from 1 to 100',
    tooMany: '{people} people for {seats} seats: add tables or seats.',
    noTablesYet: 'Add tables first.',
    noGuestsYet: 'Add guests first.',
    locksOver: 'More people are kept at {table} than it has seats.',
    storageOff:
      'This browser keeps nothing here (a private window?): the plan is gone when you close the page. Export it to a file.',
  },
  de: {
    title: 'Sitzordnung: {venue}',
    privacy:
      'Die Namen Ihrer Gäste bleiben auf diesem Gerät: Der Planer läuft in diesem Browser, speichert den Plan hier und sendet nichts an den Server. Um auf einem anderen Gerät weiterzumachen, exportieren Sie ihn in eine Datei.',
    back: 'Zurück zu den Orten',
    errorTitle: 'Es gibt ein Problem',
    guests: 'Gäste',
    guestName: 'Name oder Initialen',
    role: 'Rolle',
    languages: 'Sprachen',
    languagesHint: 'Durch Kommas getrennt, zum Beispiel nl, en, ar',
    interpreterFor: 'Braucht eine Dolmetscherin oder einen Dolmetscher für',
    interpreterForHint: 'Eine Sprache, oder leer lassen',
    addGuest: 'Gast hinzufügen',
    paste: 'Oder eine Liste einfügen',
    pasteHint:
      'Ein Gast pro Zeile: Name; Rolle; Sprachen; braucht Dolmetschende für (darf leer sein). Spalten aus einer Tabelle gehen auch.',
    addList: 'Gäste der Liste hinzufügen',
    addedN: '{n} Gäste hinzugefügt.',
    lineNoName: 'Zeile {n}: kein Name.',
    lineNoLanguage: 'Zeile {n}: keine Sprache.',
    lineRole: 'Zeile {n}: Die Rolle „{role}“ ist keine der Rollen.',
    added: '{name} ist hinzugefügt.',
    removeOf: '{name} entfernen',
    remove: 'Entfernen',
    noGuests: 'Noch keine Gäste.',
    guestLine: '{name} — {role}; {languages}',
    tables: 'Tische',
    tableCount: 'Anzahl der Tische',
    seats: 'Plätze pro Tisch',
    addTables: 'Tische hinzufügen',
    tableName: 'Tisch {n}',
    tableLine: '{name} — {seats} Plätze',
    noTables: 'Noch keine Tische.',
    interpreters: 'Dolmetschende',
    interpreterName: 'Name',
    interpreterLanguages: 'Sprachen, die sie dolmetschen',
    addInterpreter: 'Dolmetschende hinzufügen',
    noInterpreters: 'Keine Dolmetschenden.',
    interpreter: 'Dolmetschend',
    seating: 'Sitzordnung',
    propose: 'Sitzordnung vorschlagen',
    proposed:
      'Vorschlag fertig: {mixed} von {tables} Tischen gemischt, {covered} von {guests} Gästen verstehen jemanden.',
    mixing: 'Mischung',
    mixingHint: '{mixed} von {tables} Tischen haben mindestens zwei Rollen',
    coverage: 'Sprache',
    coverageHint:
      '{covered} von {guests} Gästen teilen eine Sprache oder haben ihre Dolmetschenden am Tisch',
    balance: 'Verteilung',
    balanceHint: 'Wie gleichmäßig die Tische gefüllt sind',
    tableHeading: '{name} ({people} von {seats} Plätzen)',
    notMixed: 'Nur eine Rolle an diesem Tisch.',
    overfull: 'Mehr Menschen als Plätze.',
    notUnderstood: 'keine gemeinsame Sprache, keine Dolmetschenden',
    moveTo: 'Tisch für {name}',
    keep: 'Festhalten: {name}',
    keepShort: 'Festhalten',
    moved: '{name} sitzt jetzt an {table} und bleibt dort.',
    unseated: 'Noch ohne Platz',
    notSeated: '{n} noch ohne Platz: Schlagen Sie erneut eine Sitzordnung vor.',
    printView: 'Druckansicht',
    print: 'Drucken',
    backToPlanner: 'Zurück zum Planer',
    chart: 'Sitzplan',
    cards: 'Tischkarten',
    file: 'Datei',
    export: 'In eine Datei exportieren',
    import: 'Aus einer Datei importieren',
    importHint: 'Eine für diesen Ort exportierte Datei. Sie ersetzt den Plan auf diesem Gerät.',
    imported: 'Der Plan aus der Datei ist geladen.',
    otherVenue: 'Diese Datei ist der Plan eines anderen Ortes ({venue}). Nichts wurde geändert.',
    badFile: 'Diese Datei ist keine Sitzordnung, die Tafel lesen kann. Nichts wurde geändert.',
    forget: 'Plan von diesem Gerät löschen',
    confirmForget: 'Die Gäste und die Sitzordnung von {venue} von diesem Gerät löschen?',
    forgotten: 'Der Plan ist von diesem Gerät gelöscht.',
    needName: 'Geben Sie einen Namen oder Initialen ein',
    needLanguage: 'Geben Sie mindestens eine Sprache ein',
    needTables: 'Geben Sie 1 bis 200 Tische ein',
    needSeats: 'Geben Sie 1 bis 100 Plätze ein',
    tooMany: '{people} Menschen für {seats} Plätze: Fügen Sie Tische oder Plätze hinzu.',
    noTablesYet: 'Fügen Sie zuerst Tische hinzu.',
    noGuestsYet: 'Fügen Sie zuerst Gäste hinzu.',
    locksOver: 'An {table} sind mehr Menschen festgehalten, als es Plätze gibt.',
    storageOff:
      'Dieser Browser speichert hier nichts (privates Fenster?): Der Plan ist weg, wenn Sie die Seite schließen. Exportieren Sie ihn in eine Datei.',
  },
  da: {
    title: 'Bordplan: {venue}',
    privacy:
      'Dine gæsters navne bliver på denne enhed: planlæggeren kører i denne browser, gemmer planen her og sender intet til serveren. Vil du fortsætte på en anden enhed, så eksportér den til en fil.',
    back: 'Tilbage til stederne',
    errorTitle: 'Der er et problem',
    guests: 'Gæster',
    guestName: 'Navn eller initialer',
    role: 'Rolle',
    languages: 'Sprog',
    languagesHint: 'Adskilt med kommaer, for eksempel nl, en, ar',
    interpreterFor: 'Har brug for en tolk til',
    interpreterForHint: 'Et sprog, eller lad feltet stå tomt',
    addGuest: 'Tilføj gæst',
    paste: 'Eller indsæt en liste',
    pasteHint:
      'Én gæst pr. linje: navn; rolle; sprog; har brug for tolk til (må være tomt). Kolonner kopieret fra et regneark virker også.',
    addList: 'Tilføj listens gæster',
    addedN: '{n} gæster tilføjet.',
    lineNoName: 'Linje {n}: intet navn.',
    lineNoLanguage: 'Linje {n}: intet sprog.',
    lineRole: 'Linje {n}: rollen “{role}” er ikke en af rollerne.',
    added: '{name} er tilføjet.',
    removeOf: 'Fjern {name}',
    remove: 'Fjern',
    noGuests: 'Ingen gæster endnu.',
    guestLine: '{name} — {role}; {languages}',
    tables: 'Borde',
    tableCount: 'Antal borde',
    seats: 'Pladser pr. bord',
    addTables: 'Tilføj borde',
    tableName: 'Bord {n}',
    tableLine: '{name} — {seats} pladser',
    noTables: 'Ingen borde endnu.',
    interpreters: 'Tolke',
    interpreterName: 'Navn',
    interpreterLanguages: 'Sprog, de tolker',
    addInterpreter: 'Tilføj tolk',
    noInterpreters: 'Ingen tolke.',
    interpreter: 'Tolk',
    seating: 'Bordplan',
    propose: 'Foreslå en bordplan',
    proposed:
      'Forslaget er klar: {mixed} af {tables} borde er blandede, {covered} af {guests} gæster forstår nogen.',
    mixing: 'Blanding',
    mixingHint: '{mixed} af {tables} borde har mindst to roller',
    coverage: 'Sprog',
    coverageHint: '{covered} af {guests} gæster deler et sprog eller har deres tolk ved bordet',
    balance: 'Fordeling',
    balanceHint: 'Hvor jævnt bordene er fyldt',
    tableHeading: '{name} ({people} af {seats} pladser)',
    notMixed: 'Kun én rolle ved dette bord.',
    overfull: 'Flere mennesker end pladser.',
    notUnderstood: 'intet fælles sprog eller tolk',
    moveTo: 'Bord til {name}',
    keep: 'Hold her: {name}',
    keepShort: 'Hold her',
    moved: '{name} sidder nu ved {table} og holdes der.',
    unseated: 'Endnu uden plads',
    notSeated: '{n} endnu uden plads: foreslå en bordplan igen.',
    printView: 'Udskriftsvisning',
    print: 'Udskriv',
    backToPlanner: 'Tilbage til planlæggeren',
    chart: 'Bordplan',
    cards: 'Bordkort',
    file: 'Fil',
    export: 'Eksportér til en fil',
    import: 'Importér fra en fil',
    importHint: 'En fil eksporteret for dette sted. Den erstatter planen på denne enhed.',
    imported: 'Planen fra filen er indlæst.',
    otherVenue: 'Denne fil er planen for et andet sted ({venue}). Intet blev ændret.',
    badFile: 'Denne fil er ikke en bordplan, Tafel kan læse. Intet blev ændret.',
    forget: 'Slet planen fra denne enhed',
    confirmForget: 'Slet gæsterne og bordplanen for {venue} fra denne enhed?',
    forgotten: 'Planen er slettet fra denne enhed.',
    needName: 'Skriv et navn eller initialer',
    needLanguage: 'Skriv mindst ét sprog',
    needTables: 'Skriv et antal borde fra 1 til 200',
    needSeats: 'Skriv et antal pladser fra 1 til 100',
    tooMany: '{people} mennesker til {seats} pladser: tilføj borde eller pladser.',
    noTablesYet: 'Tilføj borde først.',
    noGuestsYet: 'Tilføj gæster først.',
    locksOver: 'Flere mennesker holdes ved {table}, end der er pladser.',
    storageOff:
      'Denne browser gemmer intet her (et privat vindue?): planen forsvinder, når du lukker siden. Eksportér den til en fil.',
  },
};
