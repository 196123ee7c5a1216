import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'title'
  | 'intro'
  | 'edition'
  | 'loading'
  | 'offline'
  | 'none'
  | 'choose'
  | 'active'
  | 'noActive'
  | 'revoke'
  | 'revoked'
  | 'make'
  | 'making'
  | 'made'
  | 'sheetTitle'
  | 'print'
  | 'validUntil'
  | 'qrLabel'
  | 'refused';

export const HOST_LINKS: Messages<Key> = {
  nl: {
    title: 'Tellinks voor de dag',
    intro:
      'Een tellink laat een gastheer of gastvrouw op de dag de aanwezigen tellen voor één locatie, op een telefoon, zonder in te loggen. Een nieuwe link is hier één keer te zien: druk het vel meteen af of deel de link. Eerdere links blijven werken tot je ze intrekt.',
    edition: 'Editie',
    loading: 'Laden…',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    none: 'Deze editie heeft geen gepubliceerde locaties van jullie.',
    choose: 'Locaties',
    active: 'Werkende links: {list}',
    noActive: 'Nog geen werkende link.',
    revoke: 'Intrekken: {prefix}',
    revoked: 'Link {prefix} ingetrokken: hij werkt niet meer.',
    make: 'Maak links en een vel om af te drukken',
    making: 'Links maken…',
    made: '{n} nieuwe links gemaakt.',
    sheetTitle: 'Tellinks — {edition}',
    print: 'Afdrukken',
    validUntil: 'Geldig tot {time}',
    qrLabel: 'QR-code van de tellink voor {name}',
    refused: '{name}: {message}',
  },
  en: {
    title: 'Host links for the day',
    intro:
      'A host link lets a host count arrivals at one venue on the day, on a phone, without signing in. A new link is shown here once: print the sheet now or pass the link on. Earlier links keep working until you revoke them.',
    edition: 'Edition',
    loading: 'Loading…',
    offline: 'The server cannot be reached. Try again in a moment.',
    none: 'This edition has no published venues of yours.',
    choose: 'Venues',
    active: 'Working links: {list}',
    noActive: 'No working link yet.',
    revoke: 'Revoke {prefix}',
    revoked: 'Link {prefix} revoked: it no longer works.',
    make: 'Make links and a sheet to print',
    making: 'Making links…',
    made: '{n} new links made.',
    sheetTitle: 'Host links — {edition}',
    print: 'Print',
    validUntil: 'Valid until {time}',
    qrLabel: 'QR code of the host link for {name}',
    refused: '{name}: {message}',
  },
  de: {
    title: 'Zähllinks für den Tag',
    intro:
      'Mit einem Zähllink zählt eine Gastgeberin oder ein Gastgeber am Tag die Gäste eines Ortes auf dem Handy, ohne Anmeldung. Ein neuer Link wird hier einmal gezeigt: Drucken Sie den Bogen gleich aus oder geben Sie den Link weiter. Frühere Links funktionieren, bis Sie sie widerrufen.',
    edition: 'Ausgabe',
    loading: 'Wird geladen…',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
    none: 'In dieser Ausgabe haben Sie keine veröffentlichten Orte.',
    choose: 'Orte',
    active: 'Gültige Links: {list}',
    noActive: 'Noch kein gültiger Link.',
    revoke: '{prefix} widerrufen',
    revoked: 'Link {prefix} widerrufen: Er funktioniert nicht mehr.',
    make: 'Links und einen Druckbogen erstellen',
    making: 'Links werden erstellt…',
    made: '{n} neue Links erstellt.',
    sheetTitle: 'Zähllinks — {edition}',
    print: 'Drucken',
    validUntil: 'Gültig bis {time}',
    qrLabel: 'QR-Code des Zähllinks für {name}',
    refused: '{name}: {message}',
  },
  da: {
    title: 'Tællelinks til dagen',
    intro:
      'Med et tællelink tæller en vært på dagen de fremmødte på ét sted, på en telefon, uden at logge ind. Et nyt link vises her én gang: udskriv arket nu, eller giv linket videre. Tidligere links virker, til du tilbagekalder dem.',
    edition: 'Udgave',
    loading: 'Indlæser…',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    none: 'Denne udgave har ingen offentliggjorte steder fra jer.',
    choose: 'Steder',
    active: 'Gyldige links: {list}',
    noActive: 'Endnu intet gyldigt link.',
    revoke: 'Tilbagekald {prefix}',
    revoked: 'Link {prefix} tilbagekaldt: det virker ikke mere.',
    make: 'Lav links og et ark til udskrift',
    making: 'Laver links…',
    made: '{n} nye links lavet.',
    sheetTitle: 'Tællelinks — {edition}',
    print: 'Udskriv',
    validUntil: 'Gyldigt til {time}',
    qrLabel: 'QR-kode for tællelinket til {name}',
    refused: '{name}: {message}',
  },
};
