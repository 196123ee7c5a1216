import type { Messages } from '../../lib/i18n.ts';

export type AuditKey =
  | 'heading'
  | 'intro'
  | 'organisation'
  | 'person'
  | 'anyone'
  | 'everything'
  | 'from'
  | 'to'
  | 'fromHint'
  | 'show'
  | 'clear'
  | 'venueFilter'
  | 'onlyVenue'
  | 'clearVenue'
  | 'more'
  | 'none'
  | 'count'
  | 'who'
  | 'system'
  | 'about'
  | 'reason'
  | 'SUSPEND_ORGANISATION'
  | 'REINSTATE_ORGANISATION'
  | 'APPROVE_ORGANISATION'
  | 'APPROVE_LOCATION'
  | 'REJECT_LOCATION'
  | 'UNPUBLISH_LOCATION'
  | 'CREATE_EDITION'
  | 'UPDATE_EDITION'
  | 'OPEN_EDITION'
  | 'CLOSE_EDITION'
  | 'CANCEL_EDITION'
  | 'POSTPONE_EDITION'
  | 'APPROVE_APPLICATION'
  | 'REJECT_APPLICATION'
  | 'ISSUE_API_KEY'
  | 'REVOKE_API_KEY';

export const AUDIT: Messages<AuditKey> = {
  nl: {
    heading: 'Logboek',
    intro: 'Wat medewerkers, coördinatoren en systemen deden, het nieuwste eerst.',
    organisation: 'Organisatie',
    person: 'Persoon',
    anyone: 'Iedereen',
    everything: 'Alle organisaties',
    from: 'Vanaf',
    to: 'Tot en met',
    fromHint: 'Datum en tijd',
    show: 'Tonen',
    clear: 'Filters wissen',
    venueFilter: 'Alleen locatie {name}',
    onlyVenue: 'Alleen deze locatie',
    clearVenue: 'Alle locaties tonen',
    more: 'Meer tonen',
    none: 'Geen gebeurtenissen gevonden.',
    count: '{n} gebeurtenissen getoond.',
    who: 'Door {who}',
    system: 'systeem {label}',
    about: 'Over: {what}',
    reason: 'Reden: {reason}',
    SUSPEND_ORGANISATION: 'Organisatie geschorst',
    REINSTATE_ORGANISATION: 'Schorsing opgeheven',
    APPROVE_ORGANISATION: 'Organisatie goedgekeurd',
    APPROVE_LOCATION: 'Locatie goedgekeurd',
    REJECT_LOCATION: 'Locatie afgewezen',
    UNPUBLISH_LOCATION: 'Locatie offline gehaald',
    CREATE_EDITION: 'Editie aangemaakt',
    UPDATE_EDITION: 'Editie gewijzigd',
    OPEN_EDITION: 'Editie geopend',
    CLOSE_EDITION: 'Editie gesloten',
    CANCEL_EDITION: 'Editie afgelast',
    POSTPONE_EDITION: 'Editie uitgesteld',
    APPROVE_APPLICATION: 'Aanmelding goedgekeurd',
    REJECT_APPLICATION: 'Aanmelding afgewezen',
    ISSUE_API_KEY: 'API-sleutel uitgegeven',
    REVOKE_API_KEY: 'API-sleutel ingetrokken',
  },
  en: {
    heading: 'Audit trail',
    intro: 'What staff, coordinators and systems did, newest first.',
    organisation: 'Organisation',
    person: 'Person',
    anyone: 'Anyone',
    everything: 'All organisations',
    from: 'From',
    to: 'Up to',
    fromHint: 'Date and time',
    show: 'Show',
    clear: 'Clear filters',
    venueFilter: 'Only venue {name}',
    onlyVenue: 'Only this venue',
    clearVenue: 'Show all venues',
    more: 'Show more',
    none: 'No events found.',
    count: '{n} events shown.',
    who: 'By {who}',
    system: 'system {label}',
    about: 'About: {what}',
    reason: 'Reason: {reason}',
    SUSPEND_ORGANISATION: 'Organisation suspended',
    REINSTATE_ORGANISATION: 'Organisation reinstated',
    APPROVE_ORGANISATION: 'Organisation approved',
    APPROVE_LOCATION: 'Venue approved',
    REJECT_LOCATION: 'Venue rejected',
    UNPUBLISH_LOCATION: 'Venue unpublished',
    CREATE_EDITION: 'Edition created',
    UPDATE_EDITION: 'Edition changed',
    OPEN_EDITION: 'Edition opened',
    CLOSE_EDITION: 'Edition closed',
    CANCEL_EDITION: 'Edition called off',
    POSTPONE_EDITION: 'Edition postponed',
    APPROVE_APPLICATION: 'Application approved',
    REJECT_APPLICATION: 'Application rejected',
    ISSUE_API_KEY: 'API key issued',
    REVOKE_API_KEY: 'API key revoked',
  },
  de: {
    heading: 'Protokoll',
    intro: 'Was Mitarbeitende, Koordinator*innen und Systeme getan haben, das Neueste zuerst.',
    organisation: 'Organisation',
    person: 'Person',
    anyone: 'Alle Personen',
    everything: 'Alle Organisationen',
    from: 'Ab',
    to: 'Bis',
    fromHint: 'Datum und Uhrzeit',
    show: 'Anzeigen',
    clear: 'Filter zurücksetzen',
    venueFilter: 'Nur Standort {name}',
    onlyVenue: 'Nur dieser Standort',
    clearVenue: 'Alle Standorte zeigen',
    more: 'Mehr anzeigen',
    none: 'Keine Ereignisse gefunden.',
    count: '{n} Ereignisse angezeigt.',
    who: 'Von {who}',
    system: 'System {label}',
    about: 'Betrifft: {what}',
    reason: 'Grund: {reason}',
    SUSPEND_ORGANISATION: 'Organisation gesperrt',
    REINSTATE_ORGANISATION: 'Sperre aufgehoben',
    APPROVE_ORGANISATION: 'Organisation freigegeben',
    APPROVE_LOCATION: 'Standort freigegeben',
    REJECT_LOCATION: 'Standort abgelehnt',
    UNPUBLISH_LOCATION: 'Standort zurückgezogen',
    CREATE_EDITION: 'Ausgabe angelegt',
    UPDATE_EDITION: 'Ausgabe geändert',
    OPEN_EDITION: 'Ausgabe geöffnet',
    CLOSE_EDITION: 'Ausgabe geschlossen',
    CANCEL_EDITION: 'Ausgabe abgesagt',
    POSTPONE_EDITION: 'Ausgabe verschoben',
    APPROVE_APPLICATION: 'Bewerbung angenommen',
    REJECT_APPLICATION: 'Bewerbung abgelehnt',
    ISSUE_API_KEY: 'API-Schlüssel ausgegeben',
    REVOKE_API_KEY: 'API-Schlüssel widerrufen',
  },
  da: {
    heading: 'Log',
    intro: 'Hvad medarbejdere, koordinatorer og systemer har gjort, nyeste først.',
    organisation: 'Organisation',
    person: 'Person',
    anyone: 'Alle personer',
    everything: 'Alle organisationer',
    from: 'Fra',
    to: 'Til og med',
    fromHint: 'Dato og klokkeslæt',
    show: 'Vis',
    clear: 'Nulstil filtre',
    venueFilter: 'Kun stedet {name}',
    onlyVenue: 'Kun dette sted',
    clearVenue: 'Vis alle steder',
    more: 'Vis flere',
    none: 'Ingen hændelser fundet.',
    count: '{n} hændelser vist.',
    who: 'Af {who}',
    system: 'system {label}',
    about: 'Vedrører: {what}',
    reason: 'Begrundelse: {reason}',
    SUSPEND_ORGANISATION: 'Organisation suspenderet',
    REINSTATE_ORGANISATION: 'Suspension ophævet',
    APPROVE_ORGANISATION: 'Organisation godkendt',
    APPROVE_LOCATION: 'Sted godkendt',
    REJECT_LOCATION: 'Sted afvist',
    UNPUBLISH_LOCATION: 'Sted afpubliceret',
    CREATE_EDITION: 'Udgave oprettet',
    UPDATE_EDITION: 'Udgave ændret',
    OPEN_EDITION: 'Udgave åbnet',
    CLOSE_EDITION: 'Udgave lukket',
    CANCEL_EDITION: 'Udgave aflyst',
    POSTPONE_EDITION: 'Udgave udsat',
    APPROVE_APPLICATION: 'Ansøgning godkendt',
    REJECT_APPLICATION: 'Ansøgning afvist',
    ISSUE_API_KEY: 'API-nøgle udstedt',
    REVOKE_API_KEY: 'API-nøgle tilbagekaldt',
  },
};
