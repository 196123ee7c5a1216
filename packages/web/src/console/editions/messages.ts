import type { Messages } from '../../lib/i18n.ts';

export type EditionsKey =
  | 'heading'
  | 'intro'
  | 'on'
  | 'movedFrom'
  | 'statusPLANNED'
  | 'statusOPEN'
  | 'statusCLOSED'
  | 'statusCANCELLED'
  | 'statusPOSTPONED'
  | 'open'
  | 'close'
  | 'cancel'
  | 'postpone'
  | 'openTitle'
  | 'closeTitle'
  | 'cancelTitle'
  | 'postponeTitle'
  | 'newDate'
  | 'newDateHint'
  | 'done'
  | 'create'
  | 'name'
  | 'nameHint'
  | 'slug'
  | 'slugHint'
  | 'date'
  | 'dateHint'
  | 'endDate'
  | 'endDateHint'
  | 'span'
  | 'createButton'
  | 'created'
  | 'press'
  | 'pressSave'
  | 'pressTitle'
  | 'pressIntro'
  | 'pressName'
  | 'pressEmail'
  | 'pressPhone'
  | 'pressNone'
  | 'pressShown'
  | 'pressSaved'
  | 'emailInvalid'
  | 'phoneInvalid';

export const EDITIONS: Messages<EditionsKey> = {
  nl: {
    heading: 'Edities',
    intro:
      'Deelnemers tellen kan alleen als een editie open is. Bij uitstel schuiven de tijden van alle locaties mee naar de nieuwe dag.',
    on: 'op {date}',
    movedFrom: 'verplaatst van {date}',
    statusPLANNED: 'Gepland',
    statusOPEN: 'Open',
    statusCLOSED: 'Gesloten',
    statusCANCELLED: 'Afgelast',
    statusPOSTPONED: 'Uitgesteld',
    open: 'Openen',
    close: 'Sluiten',
    cancel: 'Afgelasten',
    postpone: 'Uitstellen',
    openTitle: '{name} openen',
    closeTitle: '{name} sluiten',
    cancelTitle: '{name} afgelasten',
    postponeTitle: '{name} uitstellen',
    newDate: 'Nieuwe datum',
    newDateHint: 'De dag waarop de editie nu plaatsvindt',
    done: '{name}: {status}.',
    create: 'Nieuwe editie',
    name: 'Naam',
    nameHint: 'Bijvoorbeeld Nationaal Integratiediner 2028',
    slug: 'Korte naam voor webadressen',
    slugHint: 'Kleine letters, cijfers en streepjes, bijvoorbeeld nid-2028',
    date: 'Datum',
    dateHint: 'De dag van de editie',
    endDate: 'Laatste dag (niet verplicht)',
    endDateHint: 'Alleen voor een editie van meer dagen, zoals bijeenkomsten door het jaar heen.',
    span: 'van {date} tot en met {endDate}',
    createButton: 'Editie aanmaken',
    created: '{name} is aangemaakt (gepland).',
    press: 'Perscontact',
    pressSave: 'Opslaan',
    pressTitle: 'Perscontact voor {name}',
    pressIntro:
      'Openbaar: journalisten zien het op de livepagina. Laat alles leeg om het te verwijderen.',
    pressName: 'Naam',
    pressEmail: 'E-mailadres',
    pressPhone: 'Telefoonnummer',
    pressNone: 'Geen perscontact.',
    pressShown: 'Perscontact: {contact}',
    pressSaved: 'Het perscontact van {name} is opgeslagen.',
    emailInvalid: 'Dit is geen e-mailadres zoals naam@voorbeeld.nl.',
    phoneInvalid: 'Dit is geen telefoonnummer zoals +31 20 123 4567: 6 tot 15 cijfers.',
  },
  en: {
    heading: 'Editions',
    intro:
      'Participation can only be counted while an edition is open. When it is postponed, every venue’s times move to the new day.',
    on: 'on {date}',
    movedFrom: 'moved from {date}',
    statusPLANNED: 'Planned',
    statusOPEN: 'Open',
    statusCLOSED: 'Closed',
    statusCANCELLED: 'Cancelled',
    statusPOSTPONED: 'Postponed',
    open: 'Open',
    close: 'Close',
    cancel: 'Call off',
    postpone: 'Postpone',
    openTitle: 'Open {name}',
    closeTitle: 'Close {name}',
    cancelTitle: 'Call off {name}',
    postponeTitle: 'Postpone {name}',
    newDate: 'New date',
    newDateHint: 'The day the edition now takes place',
    done: '{name}: {status}.',
    create: 'New edition',
    name: 'Name',
    nameHint: 'For example National Integration Dinner 2028',
    slug: 'Short name for web addresses',
    slugHint: 'Lowercase letters, digits and hyphens, for example nid-2028',
    date: 'Date',
    dateHint: 'The day of the edition',
    endDate: 'Last day (optional)',
    endDateHint: 'Only for an edition of several days, such as meetings across the year.',
    span: 'from {date} to {endDate}',
    createButton: 'Create edition',
    created: '{name} is created (planned).',
    press: 'Press contact',
    pressSave: 'Save',
    pressTitle: 'Press contact for {name}',
    pressIntro: 'Public: journalists see it on the live page. Leave everything empty to remove it.',
    pressName: 'Name',
    pressEmail: 'E-mail address',
    pressPhone: 'Phone number',
    pressNone: 'No press contact.',
    pressShown: 'Press contact: {contact}',
    pressSaved: 'The press contact of {name} is saved.',
    emailInvalid: 'This is not an e-mail address like name@example.org.',
    phoneInvalid: 'This is not a phone number like +31 20 123 4567: 6 to 15 digits.',
  },
  de: {
    heading: 'Ausgaben',
    intro:
      'Teilnehmende können nur gezählt werden, solange eine Ausgabe geöffnet ist. Bei einer Verschiebung wandern die Zeiten aller Standorte auf den neuen Tag.',
    on: 'am {date}',
    movedFrom: 'verschoben vom {date}',
    statusPLANNED: 'Geplant',
    statusOPEN: 'Geöffnet',
    statusCLOSED: 'Geschlossen',
    statusCANCELLED: 'Abgesagt',
    statusPOSTPONED: 'Verschoben',
    open: 'Öffnen',
    close: 'Schließen',
    cancel: 'Absagen',
    postpone: 'Verschieben',
    openTitle: '{name} öffnen',
    closeTitle: '{name} schließen',
    cancelTitle: '{name} absagen',
    postponeTitle: '{name} verschieben',
    newDate: 'Neues Datum',
    newDateHint: 'Der Tag, an dem die Ausgabe jetzt stattfindet',
    done: '{name}: {status}.',
    create: 'Neue Ausgabe',
    name: 'Name',
    nameHint: 'Zum Beispiel Nationales Integrationsdinner 2028',
    slug: 'Kurzname für Webadressen',
    slugHint: 'Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel nid-2028',
    date: 'Datum',
    dateHint: 'Der Tag der Ausgabe',
    endDate: 'Letzter Tag (freiwillig)',
    endDateHint: 'Nur für eine Ausgabe über mehrere Tage, etwa Treffen über das Jahr.',
    span: 'vom {date} bis zum {endDate}',
    createButton: 'Ausgabe anlegen',
    created: '{name} ist angelegt (geplant).',
    press: 'Pressekontakt',
    pressSave: 'Speichern',
    pressTitle: 'Pressekontakt für {name}',
    pressIntro:
      'Öffentlich: Journalistinnen und Journalisten sehen ihn auf der Live-Seite. Alles leer lassen, um ihn zu entfernen.',
    pressName: 'Name',
    pressEmail: 'E-Mail-Adresse',
    pressPhone: 'Telefonnummer',
    pressNone: 'Kein Pressekontakt.',
    pressShown: 'Pressekontakt: {contact}',
    pressSaved: 'Der Pressekontakt von {name} ist gespeichert.',
    emailInvalid: 'Das ist keine E-Mail-Adresse wie name@beispiel.de.',
    phoneInvalid: 'Das ist keine Telefonnummer wie +49 30 123 4567: 6 bis 15 Ziffern.',
  },
  da: {
    heading: 'Udgaver',
    intro:
      'Deltagere kan kun tælles, mens en udgave er åben. Ved udsættelse flyttes alle steders tider til den nye dag.',
    on: 'den {date}',
    movedFrom: 'flyttet fra {date}',
    statusPLANNED: 'Planlagt',
    statusOPEN: 'Åben',
    statusCLOSED: 'Lukket',
    statusCANCELLED: 'Aflyst',
    statusPOSTPONED: 'Udsat',
    open: 'Åbn',
    close: 'Luk',
    cancel: 'Aflys',
    postpone: 'Udsæt',
    openTitle: 'Åbn {name}',
    closeTitle: 'Luk {name}',
    cancelTitle: 'Aflys {name}',
    postponeTitle: 'Udsæt {name}',
    newDate: 'Ny dato',
    newDateHint: 'Dagen, hvor udgaven nu finder sted',
    done: '{name}: {status}.',
    create: 'Ny udgave',
    name: 'Navn',
    nameHint: 'For eksempel Nationalt Integrationsmåltid 2028',
    slug: 'Kort navn til webadresser',
    slugHint: 'Små bogstaver, tal og bindestreger, for eksempel nid-2028',
    date: 'Dato',
    dateHint: 'Udgavens dag',
    endDate: 'Sidste dag (valgfri)',
    endDateHint: 'Kun for en udgave over flere dage, som møder hen over året.',
    span: 'fra {date} til og med {endDate}',
    createButton: 'Opret udgave',
    created: '{name} er oprettet (planlagt).',
    press: 'Pressekontakt',
    pressSave: 'Gem',
    pressTitle: 'Pressekontakt for {name}',
    pressIntro: 'Offentlig: journalister ser den på livesiden. Lad alt stå tomt for at fjerne den.',
    pressName: 'Navn',
    pressEmail: 'E-mailadresse',
    pressPhone: 'Telefonnummer',
    pressNone: 'Ingen pressekontakt.',
    pressShown: 'Pressekontakt: {contact}',
    pressSaved: 'Pressekontakten for {name} er gemt.',
    emailInvalid: 'Dette er ikke en e-mailadresse som navn@eksempel.dk.',
    phoneInvalid: 'Dette er ikke et telefonnummer som +45 12 34 56 78: 6 til 15 cifre.',
  },
};
