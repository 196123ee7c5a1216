/** Words every section of the staff console shares. */
import type { Messages } from '../lib/i18n.ts';

export type ConsoleKey =
  | 'problem'
  | 'reason'
  | 'reasonRequiredHint'
  | 'reasonOptionalHint'
  | 'reasonMissing'
  | 'confirm'
  | 'cancel'
  | 'loading'
  | 'failed'
  | 'edition'
  | 'none';

export const CONSOLE: Messages<ConsoleKey> = {
  nl: {
    problem: 'Er is een probleem',
    reason: 'Reden',
    reasonRequiredHint: 'Verplicht. Wordt bewaard in het logboek, niet openbaar.',
    reasonOptionalHint: 'Niet verplicht. Wordt bewaard in het logboek, niet openbaar.',
    reasonMissing: 'Vul een reden in.',
    confirm: 'Bevestigen',
    cancel: 'Annuleren',
    loading: 'Laden…',
    failed: 'Dat lukte niet: {message}',
    edition: 'Editie',
    none: 'Niets gevonden.',
  },
  en: {
    problem: 'There is a problem',
    reason: 'Reason',
    reasonRequiredHint: 'Required. Kept in the audit trail, not public.',
    reasonOptionalHint: 'Optional. Kept in the audit trail, not public.',
    reasonMissing: 'Enter a reason.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    loading: 'Loading…',
    failed: 'That did not work: {message}',
    edition: 'Edition',
    none: 'Nothing found.',
  },
  de: {
    problem: 'Es gibt ein Problem',
    reason: 'Grund',
    reasonRequiredHint: 'Pflichtfeld. Wird im Protokoll gespeichert, nicht öffentlich.',
    reasonOptionalHint: 'Freiwillig. Wird im Protokoll gespeichert, nicht öffentlich.',
    reasonMissing: 'Geben Sie einen Grund an.',
    confirm: 'Bestätigen',
    cancel: 'Abbrechen',
    loading: 'Wird geladen…',
    failed: 'Das hat nicht geklappt: {message}',
    edition: 'Ausgabe',
    none: 'Nichts gefunden.',
  },
  da: {
    problem: 'Der er et problem',
    reason: 'Begrundelse',
    reasonRequiredHint: 'Skal udfyldes. Gemmes i loggen, ikke offentlig.',
    reasonOptionalHint: 'Frivillig. Gemmes i loggen, ikke offentlig.',
    reasonMissing: 'Skriv en begrundelse.',
    confirm: 'Bekræft',
    cancel: 'Annuller',
    loading: 'Indlæser…',
    failed: 'Det lykkedes ikke: {message}',
    edition: 'Udgave',
    none: 'Intet fundet.',
  },
};
