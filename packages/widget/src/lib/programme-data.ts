/**
 * `<tafel-programme>`'s data: an edition's meetings in time order, split into upcoming and past,
 * grouped by day for the agenda, and their times in words — all on the clock of the edition's
 * time zone, in the visitor's language.
 */
import type { Lang, ProgrammeMeeting, ProgrammeSession, ProgrammeSpeaker } from '@tafel/schema';

const time = (value: string | null): number => (value ? Date.parse(value) : Number.NaN);

/** Meetings by start (those without a time last, by name). */
export function inTimeOrder(meetings: readonly ProgrammeMeeting[]): ProgrammeMeeting[] {
  const key = (m: ProgrammeMeeting) =>
    time(m.startsAt ?? m.programme.sessions[0]?.startsAt ?? null);
  return [...meetings].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) === Number.isNaN(y)
        ? a.name.localeCompare(b.name)
        : Number.isNaN(x)
          ? 1
          : -1;
    return x - y || a.name.localeCompare(b.name);
  });
}

/** When a meeting is over: its end, else its last session's, else its start; null if unknown. */
function endOf(m: ProgrammeMeeting): number | null {
  const last = Math.max(
    ...m.programme.sessions.map((s) => time(s.endsAt)),
    Number.NEGATIVE_INFINITY,
  );
  const end = time(m.endsAt ?? m.startsAt);
  const candidates = [end, last].filter((t) => Number.isFinite(t));
  return candidates.length ? Math.max(...candidates) : null;
}

/** The meetings still to come (or under way) and those over, each in time order. */
export function splitByNow(
  meetings: readonly ProgrammeMeeting[],
  now: number,
): { upcoming: ProgrammeMeeting[]; past: ProgrammeMeeting[] } {
  const ordered = inTimeOrder(meetings);
  const over = (m: ProgrammeMeeting) => {
    const end = endOf(m);
    return end !== null && end < now;
  };
  return { upcoming: ordered.filter((m) => !over(m)), past: ordered.filter(over) };
}

/** One line of the agenda: a session, or a meeting without sessions. */
export interface AgendaItem {
  meeting: ProgrammeMeeting;
  session: ProgrammeSession | null;
  startsAt: string | null;
  endsAt: string | null;
}

/** The agenda: its items grouped by the day they start on (in `timeZone`), days in order. */
export function byDay(
  meetings: readonly ProgrammeMeeting[],
  timeZone: string,
): { day: string; items: AgendaItem[] }[] {
  const items = meetings.flatMap((meeting): AgendaItem[] =>
    meeting.programme.sessions.length
      ? meeting.programme.sessions.map((session) => ({
          meeting,
          session,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
        }))
      : [{ meeting, session: null, startsAt: meeting.startsAt, endsAt: meeting.endsAt }],
  );
  items.sort((a, b) => (time(a.startsAt) || 0) - (time(b.startsAt) || 0));
  const days = new Map<string, AgendaItem[]>();
  for (const item of items) {
    const day = item.startsAt ? localDay(item.startsAt, timeZone) : '';
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${lang} ${timeZone} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    // English for a European day: 18:00, not 06:00 PM.
    const locale = lang === 'en' ? 'en-GB' : lang;
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, options);
    }
    formats.set(key, f);
  }
  return f;
}

/** `2021-08-12`: the day an instant falls on in `timeZone`. */
export function localDay(instant: string, timeZone: string): string {
  const parts = format('en', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const DAY = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const SHORT_DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const CLOCK = { hour: '2-digit', minute: '2-digit' } as const;

/** A day's heading, `2021-08-12` as "torsdag den 12. august 2021". */
export function dayText(lang: Lang, day: string): string {
  // Noon UTC of that date, formatted in UTC: the same day wherever the visitor is.
  return format(lang, 'UTC', DAY).format(new Date(`${day}T12:00:00Z`));
}

/**
 * A span in words on the edition's clock: "08:30–09:20" within one day (with the day when
 * `withDay`), and both days when it runs past midnight — "12 Aug 2021, 22:00 – 13 Aug 2021, 01:00".
 */
export function spanText(
  lang: Lang,
  startsAt: string | null,
  endsAt: string | null,
  timeZone: string,
  withDay: boolean,
): string {
  if (!startsAt) return '';
  const start = new Date(startsAt);
  const end = endsAt ? new Date(endsAt) : null;
  const sameDay = !end || localDay(startsAt, timeZone) === localDay(endsAt!, timeZone);
  const options = withDay || !sameDay ? { ...SHORT_DAY, ...CLOCK } : CLOCK;
  const f = format(lang, timeZone, options);
  if (!end) return f.format(start);
  if (!sameDay) return `${f.format(start)} – ${f.format(end)}`;
  return `${f.format(start)}–${format(lang, timeZone, CLOCK).format(end)}`;
}

/** A speaker as the public reads them: "Name, role, organisation", or without the name. */
export function speakerText(speaker: ProgrammeSpeaker): string {
  return [speaker.name, speaker.role, speaker.organisation].filter(Boolean).join(', ');
}
