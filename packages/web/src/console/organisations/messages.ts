import type { Messages } from '../../lib/i18n.ts';

export type OrganisationsKey =
  | 'heading'
  | 'intro'
  | 'search'
  | 'searchHint'
  | 'find'
  | 'active'
  | 'suspendedSince'
  | 'suspend'
  | 'reinstate'
  | 'suspendTitle'
  | 'reinstateTitle'
  | 'suspended'
  | 'reinstated';

export const ORGANISATIONS: Messages<OrganisationsKey> = {
  nl: {
    heading: 'Organisaties',
    intro:
      'Een geschorste organisatie verdwijnt met al haar locaties uit de openbare kaart en lijsten; haar sleutels en coördinatoren kunnen niets meer wijzigen.',
    search: 'Zoek een organisatie',
    searchHint: 'Een deel van de naam',
    find: 'Zoeken',
    active: 'Actief',
    suspendedSince: 'Geschorst sinds {at}: {reason}',
    suspend: 'Schorsen',
    reinstate: 'Schorsing opheffen',
    suspendTitle: '{name} schorsen',
    reinstateTitle: 'Schorsing van {name} opheffen',
    suspended: '{name} is geschorst.',
    reinstated: 'De schorsing van {name} is opgeheven.',
  },
  en: {
    heading: 'Organisations',
    intro:
      'A suspended organisation and all its venues leave the public map and lists; its keys and coordinators can no longer change anything.',
    search: 'Find an organisation',
    searchHint: 'Part of the name',
    find: 'Search',
    active: 'Active',
    suspendedSince: 'Suspended since {at}: {reason}',
    suspend: 'Suspend',
    reinstate: 'Reinstate',
    suspendTitle: 'Suspend {name}',
    reinstateTitle: 'Reinstate {name}',
    suspended: '{name} is suspended.',
    reinstated: '{name} is reinstated.',
  },
  de: {
    heading: 'Organisationen',
    intro:
      'Eine gesperrte Organisation verschwindet mit allen Standorten aus der öffentlichen Karte und den Listen; ihre Schlüssel und Koordinator*innen können nichts mehr ändern.',
    search: 'Organisation suchen',
    searchHint: 'Ein Teil des Namens',
    find: 'Suchen',
    active: 'Aktiv',
    suspendedSince: 'Gesperrt seit {at}: {reason}',
    suspend: 'Sperren',
    reinstate: 'Sperre aufheben',
    suspendTitle: '{name} sperren',
    reinstateTitle: 'Sperre von {name} aufheben',
    suspended: '{name} ist gesperrt.',
    reinstated: 'Die Sperre von {name} ist aufgehoben.',
  },
  da: {
    heading: 'Organisationer',
    intro:
      'En suspenderet organisation og alle dens steder forsvinder fra det offentlige kort og lister; dens nøgler og koordinatorer kan ikke længere ændre noget.',
    search: 'Find en organisation',
    searchHint: 'En del af navnet',
    find: 'Søg',
    active: 'Aktiv',
    suspendedSince: 'Suspenderet siden {at}: {reason}',
    suspend: 'Suspender',
    reinstate: 'Ophæv suspension',
    suspendTitle: 'Suspender {name}',
    reinstateTitle: 'Ophæv suspensionen af {name}',
    suspended: '{name} er suspenderet.',
    reinstated: 'Suspensionen af {name} er ophævet.',
  },
};
