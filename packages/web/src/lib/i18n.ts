/**
 * The pages speak nl, en, de and da. A page's messages are one object per language with the same
 * keys (the type checker holds them to it); `{name}` in a message is filled from its parameters.
 * The language: `?lang=` when given, else the one chosen before on this device, else the
 * browser's, else Dutch.
 */
import { LANGS, type Lang, pickLang } from '@tafel/schema';

export type { Lang };
export { LANGS };

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

const STORED = 'tafel-lang';

/** The language the page opens in. */
export function startLang(): Lang {
  const asked = new URL(location.href).searchParams.get('lang');
  if (asked && (LANGS as readonly string[]).includes(asked)) return asked as Lang;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORED);
  } catch {
    // storage may be off: then the browser's language
  }
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  return pickLang(navigator.language);
}

/** Remember a chosen language on this device and set it on the document. */
export function chooseLang(lang: Lang): void {
  try {
    localStorage.setItem(STORED, lang);
  } catch {
    // not remembered; the page still switches
  }
  document.documentElement.lang = lang;
}

/** A message in a language, with `{name}` placeholders filled. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator for one set of messages: `t('key', { n: 3 })`. */
export function translator<K extends string>(
  messages: Messages<K>,
  lang: Lang,
): (key: K, params?: Record<string, string | number>) => string {
  const set = messages[lang];
  return (key, params) => format(set[key], params);
}

/** The names of the languages, each in itself: for the language switch. */
export const LANG_NAMES: Record<Lang, string> = {
  nl: 'Nederlands',
  en: 'English',
  de: 'Deutsch',
  da: 'Dansk',
};

/** Numbers and dates in a language's way. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(value);
}
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
