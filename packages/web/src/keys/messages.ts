/** The words of API keys, in the portal (`#keys`) and the console (`#all-keys`), in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

export type KeysKey =
  | 'keys'
  | 'keysIntro'
  | 'label'
  | 'scopes'
  | 'scopeLOCATIONS_WRITE'
  | 'scopePARTICIPATION_WRITE'
  | 'createKey'
  | 'secret'
  | 'copy'
  | 'copied'
  | 'noKeys'
  | 'revoke'
  | 'confirmRevoke'
  | 'revoked'
  | 'created'
  | 'lastUsed'
  | 'never'
  | 'pickScope'
  | 'labelTooLong';

export const KEYS: Messages<KeysKey> = {
  nl: {
    keys: 'API-sleutels',
    keysIntro:
      'Sleutels voor systemen die locaties of deelnemers doorgeven. Het geheim ziet u één keer.',
    label: 'Waarvoor (optioneel)',
    scopes: 'Wat de sleutel mag',
    scopeLOCATIONS_WRITE: 'Locaties schrijven',
    scopePARTICIPATION_WRITE: 'Deelnemers doorgeven',
    createKey: 'Sleutel maken',
    secret: 'Het geheim van de nieuwe sleutel — kopieer het nu, u ziet het niet meer:',
    copy: 'Kopiëren',
    copied: 'Gekopieerd.',
    noKeys: 'Nog geen sleutels.',
    revoke: 'Intrekken',
    confirmRevoke:
      'Sleutel {prefix} intrekken? Systemen die hem gebruiken worden meteen geweigerd.',
    revoked: 'Sleutel {prefix} is ingetrokken.',
    created: 'Gemaakt',
    lastUsed: 'Laatst gebruikt',
    never: 'nooit',
    pickScope: 'Kies ten minste één.',
    labelTooLong: 'Ten hoogste {n} tekens.',
  },
  en: {
    keys: 'API keys',
    keysIntro: 'Keys for systems that send venues or participants. You see the secret once.',
    label: 'What for (optional)',
    scopes: 'What the key may do',
    scopeLOCATIONS_WRITE: 'Write venues',
    scopePARTICIPATION_WRITE: 'Report participants',
    createKey: 'Create key',
    secret: 'The new key’s secret — copy it now, you will not see it again:',
    copy: 'Copy',
    copied: 'Copied.',
    noKeys: 'No keys yet.',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke key {prefix}? Systems using it are refused at once.',
    revoked: 'Key {prefix} is revoked.',
    created: 'Created',
    lastUsed: 'Last used',
    never: 'never',
    pickScope: 'Choose at least one.',
    labelTooLong: 'At most {n} characters.',
  },
  de: {
    keys: 'API-Schlüssel',
    keysIntro:
      'Schlüssel für Systeme, die Orte oder Teilnehmende melden. Das Geheimnis sehen Sie einmal.',
    label: 'Wofür (optional)',
    scopes: 'Was der Schlüssel darf',
    scopeLOCATIONS_WRITE: 'Orte schreiben',
    scopePARTICIPATION_WRITE: 'Teilnehmende melden',
    createKey: 'Schlüssel erstellen',
    secret: 'Das Geheimnis des neuen Schlüssels — jetzt kopieren, es wird nicht wieder gezeigt:',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    noKeys: 'Noch keine Schlüssel.',
    revoke: 'Widerrufen',
    confirmRevoke:
      'Schlüssel {prefix} widerrufen? Systeme, die ihn nutzen, werden sofort abgewiesen.',
    revoked: 'Schlüssel {prefix} ist widerrufen.',
    created: 'Erstellt',
    lastUsed: 'Zuletzt genutzt',
    never: 'nie',
    pickScope: 'Wählen Sie mindestens eines.',
    labelTooLong: 'Höchstens {n} Zeichen.',
  },
  da: {
    keys: 'API-nøgler',
    keysIntro:
      'Nøgler til systemer, der sender steder eller deltagere. Hemmeligheden ser du én gang.',
    label: 'Til hvad (valgfri)',
    scopes: 'Hvad nøglen må',
    scopeLOCATIONS_WRITE: 'Skrive steder',
    scopePARTICIPATION_WRITE: 'Melde deltagere',
    createKey: 'Opret nøgle',
    secret: 'Den nye nøgles hemmelighed — kopier den nu, du ser den ikke igen:',
    copy: 'Kopier',
    copied: 'Kopieret.',
    noKeys: 'Ingen nøgler endnu.',
    revoke: 'Tilbagekald',
    confirmRevoke: 'Tilbagekald nøgle {prefix}? Systemer, der bruger den, afvises med det samme.',
    revoked: 'Nøgle {prefix} er tilbagekaldt.',
    created: 'Oprettet',
    lastUsed: 'Sidst brugt',
    never: 'aldrig',
    pickScope: 'Vælg mindst én.',
    labelTooLong: 'Højst {n} tegn.',
  },
};
