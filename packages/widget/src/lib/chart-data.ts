/**
 * What `<tafel-chart>` draws, as plain data: an edition's timeline on the local clock of its day,
 * aligned with a compared edition's (another day) at the same clock times, and the bars of a
 * breakdown. The table twin and the canvas read the same rows, so they cannot disagree.
 */
import { type ChartParts, type ChartStatsFields, type Lang, label } from '@tafel/schema';

export const CHART_TYPES = ['timeline', 'regions', 'meals', 'groups'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The `type` attribute as a chart type; anything unknown draws the timeline. */
export function chartType(value: string | null | undefined): ChartType {
  const type = (value ?? '').trim().toLowerCase();
  return (CHART_TYPES as readonly string[]).includes(type) ? (type as ChartType) : 'timeline';
}

/** The parts of the stats a chart of this type asks the API for. */
export function chartParts(type: ChartType): ChartParts {
  return {
    timeline: type === 'timeline',
    regions: type === 'regions',
    meals: type === 'meals',
    groups: type === 'groups',
  };
}

/** One drawn edition: its name, its day and time zone, and its numbers. */
export interface ChartSeries {
  name: string;
  date: string;
  timeZone: string;
  stats: ChartStatsFields;
}

/**
 * The chart's rows: an x (minutes since the local midnight of the edition's day, or a bar's
 * index), its label, and one value per series (null where a series has none).
 */
export interface ChartRows {
  x: number[];
  labels: string[];
  values: (number | null)[][];
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone this browser does not know: UTC, rather than no chart.
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    clockFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Minutes since the local midnight of `date` (YYYY-MM-DD) at the instant `at`, on the clocks of
 * `timeZone`: 19:30 on the day is 1170, 00:15 the day after is 1455.
 */
export function clockMinutes(at: string, date: string, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of clockFormat(timeZone).formatToParts(new Date(at)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days =
    (Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!) - Date.UTC(y, m - 1, d)) /
    86_400_000;
  return days * 1440 + parts['hour']! * 60 + parts['minute']!;
}

const timeLabels = new Map<Lang, Intl.DateTimeFormat>();

/** A clock time in the language's style (19:30, 19.30 in Danish); past midnight from 00:00 again. */
export function formatClock(lang: Lang, minutes: number): string {
  let format = timeLabels.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    timeLabels.set(lang, format);
  }
  return format.format((((minutes % 1440) + 1440) % 1440) * 60_000);
}

/**
 * A series' points on the clock of its day. What was logged before the day (registrations in
 * the weeks before) is one point at 00:00: the count the day began with.
 */
function dayPoints(s: ChartSeries): { x: number; participants: number }[] {
  const points = (s.stats.timeline ?? [])
    .map((p) => ({ x: clockMinutes(p.at, s.date, s.timeZone), participants: p.participants }))
    .sort((a, b) => a.x - b.x);
  const before = points.filter((p) => p.x < 0);
  const day = points.filter((p) => p.x >= 0);
  const start = before[before.length - 1];
  return start ? [{ x: 0, participants: start.participants }, ...day] : day;
}

/**
 * The timelines of the series on one clock: a row at every clock time where any series has a
 * point. A series' value at a row is its participants then (its last point at or before it),
 * from its first point to its last: none before its day began, none after its last report.
 */
export function timelineRows(lang: Lang, series: ChartSeries[]): ChartRows {
  const points = series.map(dayPoints);
  const x = [...new Set(points.flat().map((p) => p.x))].sort((a, b) => a - b);
  const values = points.map((list) => {
    let i = -1;
    return x.map((at) => {
      while (i + 1 < list.length && list[i + 1]!.x <= at) i++;
      const last = list[list.length - 1];
      return i < 0 || !last || at > last.x ? null : list[i]!.participants;
    });
  });
  return { x, labels: x.map((at) => formatClock(lang, at)), values };
}

/** The buckets of a breakdown, in the first series' order (biggest first), then any others'. */
export function barRows(type: ChartType, lang: Lang, series: ChartSeries[]): ChartRows {
  const field = type === 'regions' ? 'byRegion' : type === 'meals' ? 'byMeal' : 'byTargetGroup';
  const buckets = series.map(
    (s) => new Map((s.stats[field] ?? []).map((b) => [b.key, b.participants])),
  );
  const keys = [...new Set(buckets.flatMap((b) => [...b.keys()]))];
  // Regions and groups carry their names from the API (every country's regions, a federation's
  // own groups); meals are ours.
  const named = new Map<string, string>();
  for (const s of series)
    for (const b of (s.stats[field] ?? []) as { key: string; [lang: string]: unknown }[])
      if (typeof b[lang] === 'string') named.set(b.key, b[lang]);
  return {
    x: keys.map((_, i) => i),
    labels: keys.map((key) => (key ? (named.get(key) ?? label(key, lang)) : '–')),
    values: buckets.map((b) => keys.map((key) => b.get(key) ?? 0)),
  };
}

export function chartRows(type: ChartType, lang: Lang, series: ChartSeries[]): ChartRows {
  return type === 'timeline' ? timelineRows(lang, series) : barRows(type, lang, series);
}
