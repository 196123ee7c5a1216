import type { Messages } from '../lib/i18n.ts';

export type PasskeyKey =
  | 'or'
  | 'signInWithPasskey'
  | 'signInHint'
  | 'cancelled'
  | 'failed'
  | 'offline'
  | 'title'
  | 'intro'
  | 'add'
  | 'added'
  | 'none'
  | 'passkey'
  | 'created'
  | 'lastUsed'
  | 'never'
  | 'remove'
  | 'confirmRemove'
  | 'removed';

export const PASSKEYS: Messages<PasskeyKey> = {
  nl: {
    or: 'Of zonder e-mail:',
    signInWithPasskey: 'Inloggen met een passkey',
    signInHint: 'Als je op dit apparaat een passkey voor Tafel hebt toegevoegd.',
    cancelled: 'Inloggen met een passkey is afgebroken. Probeer het opnieuw of vraag een link.',
    failed: 'Dat lukte niet:',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    title: 'Passkeys',
    intro:
      'Met een passkey log je in zonder e-maillink: met je vingerafdruk, gezicht of pincode van dit apparaat.',
    add: 'Passkey toevoegen',
    added: 'De passkey is toegevoegd.',
    none: 'Je hebt nog geen passkeys.',
    passkey: 'Passkey {n}',
    created: 'toegevoegd',
    lastUsed: 'laatst gebruikt',
    never: 'nooit',
    remove: 'Verwijderen',
    confirmRemove: 'Passkey {n} verwijderen? Op dat apparaat werkt hij dan niet meer.',
    removed: 'Passkey {n} is verwijderd.',
  },
  en: {
    or: 'Or without e-mail:',
    signInWithPasskey: 'Sign in with a passkey',
    signInHint: 'If you have added a passkey for Tafel on this device.',
    cancelled: 'Signing in with a passkey was cancelled. Try again or ask for a link.',
    failed: 'That did not work:',
    offline: 'The server cannot be reached. Try again in a moment.',
    title: 'Passkeys',
    intro:
      'A passkey signs you in without an e-mail link: with this device’s fingerprint, face or PIN.',
    add: 'Add a passkey',
    added: 'The passkey was added.',
    none: 'You have no passkeys yet.',
    passkey: 'Passkey {n}',
    created: 'added',
    lastUsed: 'last used',
    never: 'never',
    remove: 'Remove',
    confirmRemove: 'Remove passkey {n}? It will no longer work on its device.',
    removed: 'Passkey {n} was removed.',
  },
  de: {
    or: 'Oder ohne E-Mail:',
    signInWithPasskey: 'Mit einem Passkey anmelden',
    signInHint: 'Wenn Sie auf diesem Gerät einen Passkey für Tafel hinzugefügt haben.',
    cancelled:
      'Die Anmeldung mit einem Passkey wurde abgebrochen. Versuchen Sie es erneut oder fordern Sie einen Link an.',
    failed: 'Das hat nicht geklappt:',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
    title: 'Passkeys',
    intro:
      'Mit einem Passkey melden Sie sich ohne E-Mail-Link an: mit Fingerabdruck, Gesicht oder PIN dieses Geräts.',
    add: 'Passkey hinzufügen',
    added: 'Der Passkey wurde hinzugefügt.',
    none: 'Sie haben noch keine Passkeys.',
    passkey: 'Passkey {n}',
    created: 'hinzugefügt',
    lastUsed: 'zuletzt verwendet',
    never: 'nie',
    remove: 'Entfernen',
    confirmRemove: 'Passkey {n} entfernen? Auf seinem Gerät funktioniert er dann nicht mehr.',
    removed: 'Passkey {n} wurde entfernt.',
  },
  da: {
    or: 'Eller uden e-mail:',
    signInWithPasskey: 'Log ind med en adgangsnøgle',
    signInHint: 'Hvis du har tilføjet en adgangsnøgle til Tafel på denne enhed.',
    cancelled: 'Login med adgangsnøgle blev afbrudt. Prøv igen, eller bed om et link.',
    failed: 'Det lykkedes ikke:',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    title: 'Adgangsnøgler',
    intro:
      'Med en adgangsnøgle logger du ind uden et link på e-mail: med enhedens fingeraftryk, ansigt eller pinkode.',
    add: 'Tilføj en adgangsnøgle',
    added: 'Adgangsnøglen er tilføjet.',
    none: 'Du har endnu ingen adgangsnøgler.',
    passkey: 'Adgangsnøgle {n}',
    created: 'tilføjet',
    lastUsed: 'sidst brugt',
    never: 'aldrig',
    remove: 'Fjern',
    confirmRemove: 'Fjern adgangsnøgle {n}? Den virker så ikke længere på sin enhed.',
    removed: 'Adgangsnøgle {n} er fjernet.',
  },
};
