/** A venue's text for people: its registration link, its times, its languages. */
import type { Lang } from '@tafel/schema';

/** A registration URL only when it is http(s); anything else (javascript:, data:, …) is no link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * `18:00–21:00` in the visitor's language, as the clocks read in `timeZone` (the edition's, an
 * IANA name such as `Europe/Amsterdam`); in the visitor's own zone when it is missing or unknown.
 */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(lang: Lang, timeZone: string | null | undefined): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone ?? ''}`;
  let format = timeFormats.get(key);
  if (!format) {
    // English for a European day: 18:00, not 06:00 PM.
    const locale = lang === 'en' ? 'en-GB' : lang;
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    } catch {
      // A zone this browser does not know: the visitor's own, rather than no time at all.
      format = new Intl.DateTimeFormat(locale, options);
    }
    timeFormats.set(key, format);
  }
  return format;
}

export function formatTimes(
  lang: Lang,
  startsAt: string | null,
  endsAt: string | null,
  timeZone?: string | null,
): string {
  const format = timeFormat(lang, timeZone);
  const part = (value: string | null) => {
    const date = value ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? format.format(date) : '';
  };
  const [start, end] = [part(startsAt), part(endsAt)];
  return start && end ? `${start}–${end}` : start || end;
}

/** Language codes as names in the visitor's language (`ar` → `Arabisch`). */
export function languageNames(lang: Lang, codes: readonly string[]): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: 'language' });
  } catch {
    names = undefined;
  }
  return codes
    .map((code) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}
