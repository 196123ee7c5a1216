/**
 * `<tafel-programme>`'s words in the four languages, apart from the map's and counter's
 * (lib/i18n.ts) so that `tafel.js` does not carry them.
 */
import { translator, type Words } from './i18n.ts';

const STRINGS = {
  programme: { nl: 'Programma', en: 'Programme', de: 'Programm', da: 'Program' },
  upcoming: {
    nl: 'Komende bijeenkomsten',
    en: 'Upcoming events',
    de: 'Kommende Termine',
    da: 'Kommende begivenheder',
  },
  past: {
    nl: 'Eerdere bijeenkomsten ({n})',
    en: 'Past events ({n})',
    de: 'Vergangene Termine ({n})',
    da: 'Tidligere begivenheder ({n})',
  },
  none: {
    nl: 'Nog geen bijeenkomsten.',
    en: 'No events yet.',
    de: 'Noch keine Termine.',
    da: 'Ingen begivenheder endnu.',
  },
  loading: { nl: 'Laden…', en: 'Loading…', de: 'Wird geladen…', da: 'Indlæser…' },
  tentative: {
    nl: 'Nog niet bevestigd',
    en: 'Not yet confirmed',
    de: 'Noch nicht bestätigt',
    da: 'Endnu ikke bekræftet',
  },
  postponed: { nl: 'Uitgesteld', en: 'Postponed', de: 'Verschoben', da: 'Udsat' },
  cancelled: { nl: 'Afgelast', en: 'Cancelled', de: 'Abgesagt', da: 'Aflyst' },
  chair: { nl: 'Gespreksleider', en: 'Chair', de: 'Moderation', da: 'Mødeleder' },
  speakers: { nl: 'Sprekers', en: 'Speakers', de: 'Vortragende', da: 'Talere' },
  list: { nl: 'Lijst', en: 'List', de: 'Liste', da: 'Liste' },
  agenda: { nl: 'Per dag', en: 'By day', de: 'Nach Tag', da: 'Pr. dag' },
  view: { nl: 'Weergave', en: 'View', de: 'Ansicht', da: 'Visning' },
} as const satisfies Words;

/** A programme string in a language, with `{name}` placeholders filled in. */
export const pt = translator(STRINGS);
