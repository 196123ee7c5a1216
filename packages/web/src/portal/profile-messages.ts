import type { Messages } from '../lib/i18n.ts';

export type ProfileKey =
  | 'title'
  | 'name'
  | 'website'
  | 'logoUrl'
  | 'contact'
  | 'contactHint'
  | 'contactName'
  | 'contactEmail'
  | 'contactEmailHint'
  | 'contactPhone'
  | 'contactPhoneHint'
  | 'save'
  | 'saved'
  | 'required'
  | 'tooLong'
  | 'badText'
  | 'badUrl'
  | 'badEmail'
  | 'badPhone'
  | 'offline';

export const PROFILE: Messages<ProfileKey> = {
  nl: {
    title: 'Profiel van de organisatie',
    name: 'Naam',
    website: 'Website',
    logoUrl: 'Web-adres van het logo',
    contact: 'Contact met de federatie',
    contactHint:
      'Wie de medewerkers van de federatie kunnen bereiken. Alleen zij en je eigen organisatie zien dit, nooit het publiek. Alles mag leeg blijven; maak je het leeg, dan is het gewist.',
    contactName: 'Contactpersoon',
    contactEmail: 'E-mailadres',
    contactEmailHint: 'Bijvoorbeeld naam@organisatie.nl',
    contactPhone: 'Telefoonnummer',
    contactPhoneHint: 'Bijvoorbeeld 020 123 4567 of +31 20 123 4567',
    save: 'Opslaan',
    saved: 'Het profiel is opgeslagen.',
    required: 'Vul dit in.',
    tooLong: 'Ten hoogste {n} tekens.',
    badText: 'Hier staan tekens die niet kunnen. Typ het op één regel.',
    badUrl: 'Een web-adres dat begint met http:// of https://.',
    badEmail: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.',
    badPhone:
      'Vul een telefoonnummer in van 6 tot 15 cijfers, zoals 020 123 4567 of +31 20 123 4567.',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
  },
  en: {
    title: 'The organisation’s profile',
    name: 'Name',
    website: 'Website',
    logoUrl: 'Web address of the logo',
    contact: 'Contact for the federation',
    contactHint:
      'Whom the federation’s staff can reach. Only they and your own organisation see this, never the public. Everything may stay empty; emptying it deletes it.',
    contactName: 'Contact person',
    contactEmail: 'E-mail address',
    contactEmailHint: 'For example name@organisation.org',
    contactPhone: 'Phone number',
    contactPhoneHint: 'For example 020 123 4567 or +31 20 123 4567',
    save: 'Save',
    saved: 'The profile is saved.',
    required: 'Fill this in.',
    tooLong: 'At most {n} characters.',
    badText: 'This contains characters that are not allowed. Type it on one line.',
    badUrl: 'A web address starting with http:// or https://.',
    badEmail: 'Enter a valid e-mail address, like name@organisation.org.',
    badPhone: 'Enter a phone number of 6 to 15 digits, like 020 123 4567 or +31 20 123 4567.',
    offline: 'The server cannot be reached. Try again in a moment.',
  },
  de: {
    title: 'Profil der Organisation',
    name: 'Name',
    website: 'Website',
    logoUrl: 'Webadresse des Logos',
    contact: 'Kontakt für die Föderation',
    contactHint:
      'Wen die Mitarbeitenden der Föderation erreichen können. Nur sie und Ihre eigene Organisation sehen dies, nie die Öffentlichkeit. Alles darf leer bleiben; leeren Sie es, ist es gelöscht.',
    contactName: 'Kontaktperson',
    contactEmail: 'E-Mail-Adresse',
    contactEmailHint: 'Zum Beispiel name@organisation.de',
    contactPhone: 'Telefonnummer',
    contactPhoneHint: 'Zum Beispiel 030 1234567 oder +49 30 1234567',
    save: 'Speichern',
    saved: 'Das Profil ist gespeichert.',
    required: 'Bitte ausfüllen.',
    tooLong: 'Höchstens {n} Zeichen.',
    badText: 'Hier stehen Zeichen, die nicht erlaubt sind. Bitte in einer Zeile schreiben.',
    badUrl: 'Eine Webadresse, die mit http:// oder https:// beginnt.',
    badEmail: 'Geben Sie eine gültige E-Mail-Adresse ein, wie name@organisation.de.',
    badPhone:
      'Geben Sie eine Telefonnummer mit 6 bis 15 Ziffern ein, wie 030 1234567 oder +49 30 1234567.',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
  },
  da: {
    title: 'Organisationens profil',
    name: 'Navn',
    website: 'Websted',
    logoUrl: 'Webadresse til logoet',
    contact: 'Kontakt til føderationen',
    contactHint:
      'Hvem føderationens medarbejdere kan kontakte. Kun de og jeres egen organisation ser dette, aldrig offentligheden. Alt må stå tomt; tømmer I det, er det slettet.',
    contactName: 'Kontaktperson',
    contactEmail: 'E-mailadresse',
    contactEmailHint: 'For eksempel navn@organisation.dk',
    contactPhone: 'Telefonnummer',
    contactPhoneHint: 'For eksempel 33 12 34 56 eller +45 33 12 34 56',
    save: 'Gem',
    saved: 'Profilen er gemt.',
    required: 'Udfyld dette.',
    tooLong: 'Højst {n} tegn.',
    badText: 'Her er tegn, der ikke er tilladt. Skriv det på én linje.',
    badUrl: 'En webadresse, der begynder med http:// eller https://.',
    badEmail: 'Skriv en gyldig e-mailadresse, som navn@organisation.dk.',
    badPhone: 'Skriv et telefonnummer på 6 til 15 cifre, som 33 12 34 56 eller +45 33 12 34 56.',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
  },
};
