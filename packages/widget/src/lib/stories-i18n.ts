/**
 * `<tafel-stories>`'s words in the four languages, apart from the map's and counter's
 * (lib/i18n.ts) so that `tafel.js` does not carry them.
 */
import { translator, type Words } from './i18n.ts';

const STRINGS = {
  label: {
    nl: 'Verhalen van {edition}',
    en: 'Stories of {edition}',
    de: 'Geschichten von {edition}',
    da: 'Historier fra {edition}',
  },
  none: {
    nl: 'Nog geen verhalen.',
    en: 'No stories yet.',
    de: 'Noch keine Geschichten.',
    da: 'Ingen historier endnu.',
  },
  inLanguage: {
    nl: 'in het {language}',
    en: 'in {language}',
    de: 'auf {language}',
    da: 'på {language}',
  },
} as const satisfies Words;

/** A word of the stories element in a language, its placeholders filled in. */
export const st = translator(STRINGS);
