import type { Messages } from '../lib/i18n.ts';

export type ManageKey =
  | 'title'
  | 'loading'
  | 'offline'
  | 'signInTitle'
  | 'signInIntro'
  | 'email'
  | 'emailHint'
  | 'emailInvalid'
  | 'send'
  | 'sentEmail'
  | 'sentLog'
  | 'signedInAs'
  | 'coordinatorOf'
  | 'staffRole'
  | 'signOut'
  | 'signOutEverywhere'
  | 'language'
  | 'sections'
  | 'nothingHere'
  | 'roleADMIN'
  | 'roleMODERATOR'
  | 'rolePRESS';

export const MANAGE: Messages<ManageKey> = {
  nl: {
    title: 'Tafel — beheer',
    loading: 'Laden…',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    signInTitle: 'Inloggen',
    signInIntro:
      'Vul het e-mailadres in waarmee je bent uitgenodigd. Je krijgt een link om in te loggen, 15 minuten geldig.',
    email: 'E-mailadres',
    emailHint: 'Bijvoorbeeld naam@organisatie.nl',
    emailInvalid: 'Vul een geldig e-mailadres in.',
    send: 'Stuur mij een link',
    sentEmail: 'Als dit adres bij ons bekend is, staat er nu een link in je mailbox.',
    sentLog:
      'Er is geen mailserver ingesteld: de link staat in het logboek van de server. Vraag het aan wie de server beheert.',
    signedInAs: 'Ingelogd als {name}',
    coordinatorOf: 'coördinator van {organisation}',
    staffRole: 'medewerker: {role}',
    signOut: 'Uitloggen',
    signOutEverywhere: 'Overal uitloggen',
    language: 'Taal',
    sections: 'Onderdelen',
    nothingHere: 'Hier is nog niets voor jouw rol.',
    roleADMIN: 'beheerder',
    roleMODERATOR: 'moderator',
    rolePRESS: 'pers',
  },
  en: {
    title: 'Tafel — manage',
    loading: 'Loading…',
    offline: 'The server cannot be reached. Try again in a moment.',
    signInTitle: 'Sign in',
    signInIntro:
      'Enter the e-mail address you were invited with. You will get a link to sign in, valid for 15 minutes.',
    email: 'E-mail address',
    emailHint: 'For example name@organisation.org',
    emailInvalid: 'Enter a valid e-mail address.',
    send: 'Send me a link',
    sentEmail: 'If we know this address, a link is now in its mailbox.',
    sentLog:
      'No mail server is configured: the link is in the server’s log. Ask whoever runs the server.',
    signedInAs: 'Signed in as {name}',
    coordinatorOf: 'coordinator of {organisation}',
    staffRole: 'staff: {role}',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
    language: 'Language',
    sections: 'Sections',
    nothingHere: 'There is nothing here for your role yet.',
    roleADMIN: 'admin',
    roleMODERATOR: 'moderator',
    rolePRESS: 'press',
  },
  de: {
    title: 'Tafel — Verwaltung',
    loading: 'Wird geladen…',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
    signInTitle: 'Anmelden',
    signInIntro:
      'Geben Sie die E-Mail-Adresse ein, mit der Sie eingeladen wurden. Sie erhalten einen Anmeldelink, 15 Minuten gültig.',
    email: 'E-Mail-Adresse',
    emailHint: 'Zum Beispiel name@organisation.de',
    emailInvalid: 'Bitte eine gültige E-Mail-Adresse eingeben.',
    send: 'Link senden',
    sentEmail: 'Wenn uns diese Adresse bekannt ist, liegt jetzt ein Link in ihrem Postfach.',
    sentLog:
      'Es ist kein Mailserver eingerichtet: Der Link steht im Protokoll des Servers. Fragen Sie, wer den Server betreibt.',
    signedInAs: 'Angemeldet als {name}',
    coordinatorOf: 'Koordination für {organisation}',
    staffRole: 'Team: {role}',
    signOut: 'Abmelden',
    signOutEverywhere: 'Überall abmelden',
    language: 'Sprache',
    sections: 'Bereiche',
    nothingHere: 'Für Ihre Rolle gibt es hier noch nichts.',
    roleADMIN: 'Administration',
    roleMODERATOR: 'Moderation',
    rolePRESS: 'Presse',
  },
  da: {
    title: 'Tafel — administration',
    loading: 'Indlæser…',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    signInTitle: 'Log ind',
    signInIntro:
      'Skriv den e-mailadresse, du blev inviteret med. Du får et link til at logge ind, gyldigt i 15 minutter.',
    email: 'E-mailadresse',
    emailHint: 'For eksempel navn@organisation.dk',
    emailInvalid: 'Skriv en gyldig e-mailadresse.',
    send: 'Send mig et link',
    sentEmail: 'Hvis vi kender adressen, ligger der nu et link i dens indbakke.',
    sentLog:
      'Der er ingen mailserver sat op: linket står i serverens log. Spørg den, der driver serveren.',
    signedInAs: 'Logget ind som {name}',
    coordinatorOf: 'koordinator for {organisation}',
    staffRole: 'sekretariat: {role}',
    signOut: 'Log ud',
    signOutEverywhere: 'Log ud overalt',
    language: 'Sprog',
    sections: 'Afsnit',
    nothingHere: 'Der er intet her for din rolle endnu.',
    roleADMIN: 'administrator',
    roleMODERATOR: 'moderator',
    rolePRESS: 'presse',
  },
};
