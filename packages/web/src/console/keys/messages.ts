/** The console's keys (`#all-keys`); the words it shares with the portal are in keys/messages.ts. */
import type { Messages } from '../../lib/i18n.ts';

export type AllKeysKey =
  | 'heading'
  | 'intro'
  | 'filter'
  | 'organisation'
  | 'everyone'
  | 'staffOnly'
  | 'showRevoked'
  | 'show'
  | 'count'
  | 'issueTitle'
  | 'owner'
  | 'ownerHint'
  | 'choose'
  | 'staffKey'
  | 'staffKeyHint'
  | 'ownerMissing'
  | 'secretFor'
  | 'revokedOn'
  | 'revokeWarning';

export const ALL_KEYS: Messages<AllKeysKey> = {
  nl: {
    heading: 'Alle API-sleutels',
    intro:
      'De sleutels van elke organisatie en van de staf, op hun begin (nooit het geheim). Een ingetrokken sleutel wordt meteen geweigerd.',
    filter: 'Sleutels tonen',
    organisation: 'Organisatie',
    everyone: 'Alle organisaties en de staf',
    staffOnly: 'Alleen stafsleutels',
    showRevoked: 'Ook ingetrokken sleutels',
    show: 'Tonen',
    count: '{n} sleutel(s).',
    issueTitle: 'Nieuwe sleutel',
    owner: 'Voor wie',
    ownerHint: 'Een stafsleutel mag alles, bij elke organisatie.',
    choose: 'Kies…',
    staffKey: 'Stafsleutel',
    staffKeyHint: 'De staf (mag alles)',
    ownerMissing: 'Kies een organisatie of de staf.',
    secretFor:
      'Het geheim van de nieuwe sleutel voor {owner} — kopieer het nu, u ziet het niet meer:',
    revokedOn: 'Ingetrokken op {at}',
    revokeWarning:
      'Dit kan niet ongedaan worden. Een systeem heeft daarna een nieuwe sleutel nodig.',
  },
  en: {
    heading: 'All API keys',
    intro:
      'Every organisation’s keys and the staff’s, by their start (never the secret). A revoked key is refused at once.',
    filter: 'Show keys',
    organisation: 'Organisation',
    everyone: 'All organisations and staff',
    staffOnly: 'Staff keys only',
    showRevoked: 'Revoked keys too',
    show: 'Show',
    count: '{n} key(s).',
    issueTitle: 'New key',
    owner: 'For whom',
    ownerHint: 'A staff key may do everything, for every organisation.',
    choose: 'Choose…',
    staffKey: 'Staff key',
    staffKeyHint: 'Staff (may do everything)',
    ownerMissing: 'Choose an organisation or staff.',
    secretFor: 'The secret of the new key for {owner} — copy it now, you will not see it again:',
    revokedOn: 'Revoked on {at}',
    revokeWarning: 'This cannot be undone. A system needs a new key afterwards.',
  },
  de: {
    heading: 'Alle API-Schlüssel',
    intro:
      'Die Schlüssel jeder Organisation und des Teams, nach ihrem Anfang (nie das Geheimnis). Ein widerrufener Schlüssel wird sofort abgewiesen.',
    filter: 'Schlüssel zeigen',
    organisation: 'Organisation',
    everyone: 'Alle Organisationen und das Team',
    staffOnly: 'Nur Team-Schlüssel',
    showRevoked: 'Auch widerrufene Schlüssel',
    show: 'Zeigen',
    count: '{n} Schlüssel.',
    issueTitle: 'Neuer Schlüssel',
    owner: 'Für wen',
    ownerHint: 'Ein Team-Schlüssel darf alles, bei jeder Organisation.',
    choose: 'Wählen…',
    staffKey: 'Team-Schlüssel',
    staffKeyHint: 'Das Team (darf alles)',
    ownerMissing: 'Wählen Sie eine Organisation oder das Team.',
    secretFor:
      'Das Geheimnis des neuen Schlüssels für {owner} — jetzt kopieren, es wird nicht wieder gezeigt:',
    revokedOn: 'Widerrufen am {at}',
    revokeWarning:
      'Das lässt sich nicht rückgängig machen. Ein System braucht danach einen neuen Schlüssel.',
  },
  da: {
    heading: 'Alle API-nøgler',
    intro:
      'Alle organisationers nøgler og personalets, efter deres begyndelse (aldrig hemmeligheden). En tilbagekaldt nøgle afvises med det samme.',
    filter: 'Vis nøgler',
    organisation: 'Organisation',
    everyone: 'Alle organisationer og personalet',
    staffOnly: 'Kun personalenøgler',
    showRevoked: 'Også tilbagekaldte nøgler',
    show: 'Vis',
    count: '{n} nøgle(r).',
    issueTitle: 'Ny nøgle',
    owner: 'Til hvem',
    ownerHint: 'En personalenøgle må alt, for alle organisationer.',
    choose: 'Vælg…',
    staffKey: 'Personalenøgle',
    staffKeyHint: 'Personalet (må alt)',
    ownerMissing: 'Vælg en organisation eller personalet.',
    secretFor: 'Hemmeligheden for den nye nøgle til {owner} — kopier den nu, du ser den ikke igen:',
    revokedOn: 'Tilbagekaldt {at}',
    revokeWarning: 'Det kan ikke fortrydes. Et system skal bagefter have en ny nøgle.',
  },
};
