/**
 * The small pages of signing in by link — confirm, refused, another site — in the four
 * languages, chosen by the browser's Accept-Language (English when it names none of them).
 * Plain HTML without scripts: they must work before anything else does.
 */
import { LANGS, type Lang } from '@tafel/schema';

type Key =
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmButton'
  | 'refusedTitle'
  | 'askAgain'
  | 'UNKNOWN'
  | 'EXPIRED'
  | 'USED'
  | 'crossTitle'
  | 'crossText';

const TEXT: Record<Lang, Record<Key, string>> = {
  en: {
    confirmTitle: 'Sign in to Tafel',
    confirmText: 'Press the button to sign in in this browser. The link then stops working.',
    confirmButton: 'Sign in',
    refusedTitle: 'This link does not work',
    askAgain: 'Ask for a new sign-in link',
    UNKNOWN: 'This link is not valid. Copy the whole link from the message, or ask for a new one.',
    EXPIRED: 'This link has expired. Ask for a new one.',
    USED: 'This link was already used; each link works once. Ask for a new one.',
    crossTitle: 'Not from this site',
    crossText:
      'This form was sent from another site. Nothing was done. Open the link from your message again.',
  },
  nl: {
    confirmTitle: 'Inloggen bij Tafel',
    confirmText: 'Druk op de knop om in deze browser in te loggen. Daarna werkt de link niet meer.',
    confirmButton: 'Inloggen',
    refusedTitle: 'Deze link werkt niet',
    askAgain: 'Vraag een nieuwe inloglink aan',
    UNKNOWN:
      'Deze link is niet geldig. Kopieer de hele link uit het bericht, of vraag een nieuwe aan.',
    EXPIRED: 'Deze link is verlopen. Vraag een nieuwe aan.',
    USED: 'Deze link is al gebruikt; elke link werkt één keer. Vraag een nieuwe aan.',
    crossTitle: 'Niet van deze site',
    crossText:
      'Dit formulier kwam van een andere site. Er is niets gedaan. Open de link uit je bericht opnieuw.',
  },
  de: {
    confirmTitle: 'Bei Tafel anmelden',
    confirmText:
      'Drücken Sie die Schaltfläche, um sich in diesem Browser anzumelden. Danach funktioniert der Link nicht mehr.',
    confirmButton: 'Anmelden',
    refusedTitle: 'Dieser Link funktioniert nicht',
    askAgain: 'Einen neuen Anmeldelink anfordern',
    UNKNOWN:
      'Dieser Link ist ungültig. Kopieren Sie den ganzen Link aus der Nachricht oder fordern Sie einen neuen an.',
    EXPIRED: 'Dieser Link ist abgelaufen. Fordern Sie einen neuen an.',
    USED: 'Dieser Link wurde schon benutzt; jeder Link funktioniert einmal. Fordern Sie einen neuen an.',
    crossTitle: 'Nicht von dieser Website',
    crossText:
      'Dieses Formular wurde von einer anderen Website gesendet. Es ist nichts geschehen. Öffnen Sie den Link aus Ihrer Nachricht erneut.',
  },
  da: {
    confirmTitle: 'Log ind på Tafel',
    confirmText:
      'Tryk på knappen for at logge ind i denne browser. Derefter virker linket ikke mere.',
    confirmButton: 'Log ind',
    refusedTitle: 'Dette link virker ikke',
    askAgain: 'Bed om et nyt login-link',
    UNKNOWN: 'Linket er ikke gyldigt. Kopiér hele linket fra beskeden, eller bed om et nyt.',
    EXPIRED: 'Linket er udløbet. Bed om et nyt.',
    USED: 'Linket er allerede brugt; hvert link virker én gang. Bed om et nyt.',
    crossTitle: 'Ikke fra dette websted',
    crossText:
      'Formularen blev sendt fra et andet websted. Intet er sket. Åbn linket fra din besked igen.',
  },
};

/** The first of our languages the browser asks for, by its Accept-Language; else English. */
export function pageLang(acceptLanguage: string | null): Lang {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of asked)
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  return 'en';
}

export function texts(lang: Lang): Record<Key, string> {
  return TEXT[lang];
}
