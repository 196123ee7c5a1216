/** The words of "Copy last year's venues into this edition" (copy-venues.ts), in nl, en, de and da. */
import type { Messages } from '../lib/i18n.ts';

const nl = {
  open: 'Locaties van vorig jaar naar deze editie kopiëren',
  from: 'Kopiëren uit editie',
  fromHint:
    'Elke locatie die daar niet is afgelast, komt hier als concept: dezelfde tijden op de nieuwe dag, de telling op 0.',
  copy: 'Kopiëren als concepten',
  close: 'Sluiten',
  busy: 'Bezig met kopiëren…',
  copied: '{n} locaties gekopieerd als concept.',
  copiedOne: '1 locatie gekopieerd als concept.',
  copiedNone: 'Geen locaties gekopieerd.',
  skipped: 'Niet gekopieerd:',
  ALREADY_IN_EDITION: 'staat al in deze editie',
  INVALID: 'deze editie neemt haar zo niet aan',
  offline: 'Geen verbinding met de server. Probeer het zo nog eens.',
};
type Key = keyof typeof nl;

export const COPY: Messages<Key> = {
  nl,
  en: {
    open: 'Copy last year’s venues into this edition',
    from: 'Copy from edition',
    fromHint:
      'Each venue there that is not cancelled comes here as a draft: the same times on the new day, the count at 0.',
    copy: 'Copy as drafts',
    close: 'Close',
    busy: 'Copying…',
    copied: '{n} venues copied as drafts.',
    copiedOne: '1 venue copied as a draft.',
    copiedNone: 'No venues copied.',
    skipped: 'Not copied:',
    ALREADY_IN_EDITION: 'already in this edition',
    INVALID: 'this edition does not accept it as it is',
    offline: 'No connection to the server. Please try again in a moment.',
  },
  de: {
    open: 'Die Orte vom letzten Jahr in diese Ausgabe kopieren',
    from: 'Kopieren aus der Ausgabe',
    fromHint:
      'Jeder dort nicht abgesagte Ort kommt hierher als Entwurf: dieselben Uhrzeiten am neuen Tag, die Zählung auf 0.',
    copy: 'Als Entwürfe kopieren',
    close: 'Schließen',
    busy: 'Wird kopiert …',
    copied: '{n} Orte als Entwurf kopiert.',
    copiedOne: '1 Ort als Entwurf kopiert.',
    copiedNone: 'Keine Orte kopiert.',
    skipped: 'Nicht kopiert:',
    ALREADY_IN_EDITION: 'schon in dieser Ausgabe',
    INVALID: 'diese Ausgabe nimmt ihn so nicht an',
    offline: 'Keine Verbindung zum Server. Bitte gleich noch einmal versuchen.',
  },
  da: {
    open: 'Kopiér sidste års steder til denne udgave',
    from: 'Kopiér fra udgaven',
    fromHint:
      'Hvert sted der, som ikke er aflyst, kommer hertil som kladde: samme tidspunkter på den nye dag, optællingen på 0.',
    copy: 'Kopiér som kladder',
    close: 'Luk',
    busy: 'Kopierer …',
    copied: '{n} steder kopieret som kladder.',
    copiedOne: '1 sted kopieret som kladde.',
    copiedNone: 'Ingen steder kopieret.',
    skipped: 'Ikke kopieret:',
    ALREADY_IN_EDITION: 'findes allerede i denne udgave',
    INVALID: 'denne udgave tager ikke imod det, som det er',
    offline: 'Ingen forbindelse til serveren. Prøv igen om lidt.',
  },
};
