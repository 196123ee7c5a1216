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
  | 'reinstated'
  | 'approvedSince'
  | 'notApproved'
  | 'approve'
  | 'approvedNow'
  | 'edit'
  | 'editTitle'
  | 'name'
  | 'website'
  | 'websiteHint'
  | 'save'
  | 'saved'
  | 'nameMissing'
  | 'nameTooLong'
  | 'badUrl'
  | 'contact'
  | 'noContact';

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
    approvedSince: 'Goedgekeurd op {at}',
    notApproved:
      'Nog niet goedgekeurd: in edities die goedkeuring vragen, wachten haar nieuwe locaties op de staf.',
    approve: 'Goedkeuren',
    approvedNow: '{name} is goedgekeurd; haar wachtende locaties zijn openbaar.',
    edit: 'Bewerken',
    editTitle: '{name} bewerken',
    name: 'Naam',
    website: 'Website',
    websiteHint: 'Begint met http:// of https://. Leeg laten haalt de website weg.',
    save: 'Opslaan',
    saved: '{name} is opgeslagen.',
    nameMissing: 'Vul de naam in.',
    nameTooLong: 'De naam is te lang: hoogstens 200 tekens.',
    badUrl: 'Een web-adres dat begint met http:// of https://.',
    contact: 'Contactpersoon:',
    noContact: 'Geen contactpersoon opgegeven.',
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
    approvedSince: 'Approved on {at}',
    notApproved:
      'Not approved yet: in editions that require approval, its new venues wait for staff.',
    approve: 'Approve',
    approvedNow: '{name} is approved; its waiting venues are public.',
    edit: 'Edit',
    editTitle: 'Edit {name}',
    name: 'Name',
    website: 'Website',
    websiteHint: 'Starts with http:// or https://. Leave it empty to remove the website.',
    save: 'Save',
    saved: '{name} is saved.',
    nameMissing: 'Enter the name.',
    nameTooLong: 'The name is too long: at most 200 characters.',
    badUrl: 'A web address starting with http:// or https://.',
    contact: 'Contact:',
    noContact: 'No contact given.',
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
    approvedSince: 'Freigegeben am {at}',
    notApproved:
      'Noch nicht freigegeben: in Ausgaben, die eine Freigabe verlangen, warten ihre neuen Orte auf das Team.',
    approve: 'Freigeben',
    approvedNow: '{name} ist freigegeben; ihre wartenden Orte sind öffentlich.',
    edit: 'Bearbeiten',
    editTitle: '{name} bearbeiten',
    name: 'Name',
    website: 'Website',
    websiteHint: 'Beginnt mit http:// oder https://. Leer lassen entfernt die Website.',
    save: 'Speichern',
    saved: '{name} ist gespeichert.',
    nameMissing: 'Bitte den Namen eingeben.',
    nameTooLong: 'Der Name ist zu lang: höchstens 200 Zeichen.',
    badUrl: 'Eine Webadresse, die mit http:// oder https:// beginnt.',
    contact: 'Kontakt:',
    noContact: 'Kein Kontakt angegeben.',
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
    approvedSince: 'Godkendt den {at}',
    notApproved:
      'Endnu ikke godkendt: i udgaver, der kræver godkendelse, venter dens nye steder på personalet.',
    approve: 'Godkend',
    approvedNow: '{name} er godkendt; dens ventende steder er offentlige.',
    edit: 'Rediger',
    editTitle: 'Rediger {name}',
    name: 'Navn',
    website: 'Websted',
    websiteHint:
      'Begynder med http:// eller https://. Lad feltet stå tomt for at fjerne webstedet.',
    save: 'Gem',
    saved: '{name} er gemt.',
    nameMissing: 'Skriv navnet.',
    nameTooLong: 'Navnet er for langt: højst 200 tegn.',
    badUrl: 'En webadresse, der begynder med http:// eller https://.',
    contact: 'Kontakt:',
    noContact: 'Ingen kontakt angivet.',
  },
};
