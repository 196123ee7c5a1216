/**
 * Venues from a spreadsheet: one header row, one venue a line, parsed with csv-parse and sent
 * through the same bulk upsert as the API. Every problem is reported by line and column; an
 * unknown column is an error, never silently ignored.
 */

import { parse } from 'csv-parse';
import type { Edition } from '../db/schema.ts';
import type { UserError } from './errors.ts';
import { offsetAt } from './fields.ts';
import { isBuiltInGroup } from './roles.ts';
import type { UpsertRow } from './upsert.ts';
import { LIMITS } from './validate.ts';
import { breathe } from './write.ts';

/** The columns, in the template's order, with the input field each fills. */
export const CSV_COLUMNS = {
  external_id: ['externalId'],
  name: ['name'],
  street: ['address', 'street'],
  postal_code: ['address', 'postalCode'],
  city: ['address', 'city'],
  region: ['address', 'region'],
  lat: ['coordinates', 'lat'],
  lng: ['coordinates', 'lng'],
  meal: ['meal'],
  starts_at: ['startsAt'],
  ends_at: ['endsAt'],
  capacity: ['capacity'],
  seats_by_role: ['seatsByRole'],
  participants: ['participants'],
  expected: ['expected'],
  target_groups: ['targetGroups'],
  languages: ['languages'],
  wheelchair_accessible: ['wheelchairAccessible'],
  hearing_loop: ['hearingLoop'],
  accessibility_note: ['accessibilityNote'],
  interpreters: ['interpreters'],
  interpreter_languages: ['interpreterLanguages'],
  support: ['support'],
  cooked_by_guests: ['cookedByGuests'],
  description: ['description'],
  registration_url: ['registrationUrl'],
  sensitive: ['sensitive'],
  status: ['status'],
  schedule: ['schedule'],
} as const;
type Column = keyof typeof CSV_COLUMNS;
/**
 * The description in another language: a column `description_<code>` per language (ISO 639,
 * e.g. `description_en`, `description_ar`), beside the original's `description`.
 */
const DESCRIPTION_IN = /^description_([a-z]{2,3})$/;
/** The columns of a venue's facts: a file without one leaves that fact of its venues as it is. */
const KEPT_WHEN_ABSENT = new Set<Column>([
  'hearing_loop',
  'accessibility_note',
  'interpreters',
  'interpreter_languages',
  'support',
  'cooked_by_guests',
]);
const REQUIRED: Column[] = ['external_id', 'name', 'lat', 'lng', 'meal'];

export interface CsvProblem {
  line: number | null;
  column: string | null;
  message: string;
  code: string;
}

export interface ParsedCsv {
  rows: UpsertRow[];
  /** The file's line number of each row, for messages. */
  lines: number[];
  /** Each row's translated descriptions' languages, in its `descriptions` order, for messages. */
  descriptionLangs?: string[][];
  problems: CsvProblem[];
}

const TRUE = new Set(['yes', 'ja', 'true', '1', 'y', 'j', 'x']);
const FALSE = new Set(['no', 'nee', 'false', '0', 'n']);

const DAY_MS = 86_400_000;
const hhmm = (ms: number) =>
  `${ms < 0 ? '-' : '+'}${new Date(Math.abs(ms)).toISOString().slice(11, 16)}`;

/**
 * A time like `18:00` on the edition's day in its time zone, or a full ISO instant; null when it
 * is neither, a string saying why when the wall-clock time does not name one instant. A clock
 * changes at most once a day, so the offsets a day before and a day after are the only
 * candidates: each one that maps back to the same wall clock is a reading of the time. On the
 * day clocks go back a time can happen twice, on the day they go forward not at all; both are
 * refused, saying why (and for a repeated time, the two full instants to choose from), rather
 * than guessed.
 */
function instant(value: string, edition: Pick<Edition, 'date' | 'timeZone'>): Date | string | null {
  const hm = /^(\d{1,2})[:.](\d{2})$/.exec(value);
  if (hm) {
    const [h, m] = [Number(hm[1]), Number(hm[2])];
    if (h > 23 || m > 59) return null;
    const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const wall = Date.parse(`${edition.date}T${time}:00Z`);
    const offsets = [
      ...new Set([
        offsetAt(wall - DAY_MS, edition.timeZone),
        offsetAt(wall + DAY_MS, edition.timeZone),
      ]),
    ];
    const readings = offsets.filter(
      (offset) => offsetAt(wall - offset, edition.timeZone) === offset,
    );
    if (readings.length === 1) return new Date(wall - readings[0]!);
    const full = (offset: number) => `${edition.date}T${time}:00${hhmm(offset)}`;
    if (readings.length === 0) {
      const skipped = Math.abs(offsets[1]! - offsets[0]!) / 60_000;
      return `"${value}" does not exist on ${edition.date} in ${edition.timeZone}: the clocks skip ${skipped} minutes then. Give a time the clock shows that day.`;
    }
    return `"${value}" happens twice on ${edition.date} in ${edition.timeZone}: the clocks go back then. Give the full instant, ${full(readings[0]!)} or ${full(readings[1]!)}.`;
  }
  if (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  )
    return new Date(value);
  return null;
}

/**
 * The text of a CSV file's bytes, which must be UTF-8 (a BOM is fine). Excel's plain "CSV" on
 * Windows saves Windows-1252, where `é` is one byte that is not UTF-8: such a file is refused,
 * naming the first such line, rather than guessed at or read as mojibake.
 */
export function decodeCsv(bytes: Uint8Array): { text: string } | { problem: CsvProblem } {
  const refuse = (line: number | null, detail: string) => ({
    problem: {
      line,
      column: null,
      message: `The file is not UTF-8: ${detail}. In Excel, save it as "CSV UTF-8 (comma delimited)" and import it again.`,
      code: 'INVALID',
    },
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return refuse(null, 'it is UTF-16 ("Unicode text")');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lines = new TextDecoder('utf-8').decode(bytes).split('\n');
    const index = lines.findIndex((l) => l.includes('\uFFFD'));
    const line = lines[index] ?? '';
    const offset = index === -1 ? 0 : Buffer.byteLength(line.slice(0, line.indexOf('\uFFFD')));
    const lineStart = lines
      .slice(0, Math.max(index, 0))
      .reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    const byte = bytes[lineStart + offset] ?? 0;
    const as1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return refuse(
      index === -1 ? null : index + 1,
      `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} (“${as1252}” in Windows-1252) is not valid UTF-8`,
    );
  }
}

const SLICE = 64 * 1024;

type CsvRecord = { record: Record<string, string>; info: { lines: number } };

/**
 * csv-parse fed the text a slice at a time. It stops one record past the batch limit: enough to
 * refuse, and the rest of a huge file is never parsed.
 */
async function readRecords(body: string, delimiter: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let failed: unknown = null;
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    delimiter,
    relax_column_count: false,
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      records.push({ record, info: { lines: context.lines } });
      return null;
    },
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      failed = error;
      resolve();
    });
    parser.on('end', resolve);
  });
  parser.resume();
  for (let at = 0; at < body.length && !failed && records.length <= LIMITS.batch; ) {
    // Never cut between the two halves of a surrogate pair.
    let end = Math.min(at + SLICE, body.length);
    const code = body.charCodeAt(end - 1);
    if (end < body.length && code >= 0xd800 && code <= 0xdbff) end--;
    parser.write(body.slice(at, end));
    at = end;
    await breathe();
  }
  if (!failed && records.length > LIMITS.batch) {
    parser.destroy();
    return records;
  }
  if (!failed) parser.end();
  await ended;
  if (failed) throw failed;
  return records;
}

export async function parseVenueCsv(
  text: string,
  edition: Pick<Edition, 'date' | 'timeZone'>,
): Promise<ParsedCsv> {
  const problems: CsvProblem[] = [];
  let records: CsvRecord[];
  const body = text.replace(/^\uFEFF/, '');
  // Spreadsheets in Dutch or German settings save with semicolons; lists inside a cell then use |.
  const headerLine = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  try {
    records = await readRecords(body, delimiter);
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return {
      rows: [],
      lines: [],
      problems: [
        {
          line: e.lines ?? null,
          column: null,
          message: `The file is not valid CSV: ${e.message}`,
          code: 'INVALID',
        },
      ],
    };
  }
  if (records.length > LIMITS.batch) {
    return {
      rows: [],
      lines: [],
      problems: [
        {
          line: null,
          column: null,
          message: `The file has more than ${LIMITS.batch} venues; at most ${LIMITS.batch} in one import. Split it, and import the parts without --cancel-missing.`,
          code: 'BATCH_TOO_LARGE',
        },
      ],
    };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const column of header) {
    if (!(column in CSV_COLUMNS) && !DESCRIPTION_IN.test(column))
      problems.push({
        line: 1,
        column,
        message: `Unknown column "${column}". Known columns: ${Object.keys(CSV_COLUMNS).join(', ')}, and description_<language> (description_en, description_ar, …).`,
        code: 'INVALID',
      });
  }
  for (const column of REQUIRED) {
    if (records.length && !header.includes(column))
      problems.push({
        line: 1,
        column,
        message: `The column "${column}" is required.`,
        code: 'REQUIRED',
      });
  }
  const rows: UpsertRow[] = [];
  const lines: number[] = [];
  const descriptionLangs: string[][] = [];
  const translated = header.flatMap((c) => {
    const lang = DESCRIPTION_IN.exec(c)?.[1];
    return lang ? [{ column: c, lang }] : [];
  });
  for (const [index, { record, info }] of records.entries()) {
    if (index % 500 === 499) await breathe();
    const line = info.lines;
    const bad = (column: string, message: string, code = 'INVALID') =>
      problems.push({ line, column, message, code });
    // A cell a spreadsheet would run as a formula is refused, never stored (OWASP, CSV injection).
    const formulas = new Set<string>();
    for (const [column, cell] of Object.entries(record)) {
      if (!looksLikeFormula(cell)) continue;
      formulas.add(column);
      bad(
        column,
        `"${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}" begins with "${cell.trim()[0]}", so a spreadsheet would run it as a formula. Formulas are not imported: type the value itself, without the leading "${cell.trim()[0]}".`,
        'FORMULA',
      );
    }
    const value = (c: Column) => (formulas.has(c) ? '' : (record[c] ?? '').trim());
    const optional = (c: Column) => value(c) || null;
    const number = (c: Column, integer: boolean): number | null => {
      const v = value(c);
      if (!v) return null;
      // Counts are plain digits. `1.000` is a thousand in a Dutch spreadsheet and one in an
      // English one (`1,000` the other way round): refused, never read as either.
      if (integer) {
        if (/^-?\d+$/.test(v)) return Number(v);
        if (/^-?\d{1,3}([.,\s]\d{3})+$/.test(v)) {
          bad(
            c,
            `"${v}" is ambiguous: a thousands separator or a decimal point? Write a whole number as plain digits, like ${v.replace(/[.,\s]/g, '')}.`,
          );
        } else bad(c, `"${v}" is not a whole number.`);
        return null;
      }
      // Coordinates have a decimal point or a decimal comma, never thousands separators.
      if (/^-?\d+([.,]\d+)?$/.test(v)) return Number(v.replace(',', '.'));
      bad(c, `"${v}" is not a number.`);
      return null;
    };
    const bool = (c: Column): boolean | null => {
      const v = value(c).toLowerCase();
      if (!v) return null;
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      bad(c, `"${value(c)}" is not yes or no.`);
      return null;
    };
    const time = (c: Column): Date | null => {
      const v = value(c);
      if (!v) return null;
      const d = instant(v, edition);
      if (typeof d === 'string') bad(c, d);
      else if (!d) bad(c, `"${v}" is not a time like 18:00 or 2027-10-14T18:00:00+02:00.`);
      return d instanceof Date ? d : null;
    };
    const list = (c: Column) =>
      value(c)
        .split(delimiter === ';' ? /\|/ : /[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    // `EMPLOYERS:25|STATUS_HOLDERS:25` (or `=`); an empty cell keeps the venue's own.
    const seatsByRole = (): UpsertRow['seatsByRole'] => {
      if (!value('seats_by_role')) return undefined;
      const seats: { role: string; seats: number }[] = [];
      for (const part of list('seats_by_role')) {
        const m = /^([^:=]+)[:=]\s*(-?\d+)$/.exec(part);
        if (!m) {
          bad(
            'seats_by_role',
            `"${part.slice(0, 40)}" is not a role and its seats, like EMPLOYERS:25 (several separated by |).`,
          );
          continue;
        }
        seats.push({
          role: m[1]!
            .trim()
            .toUpperCase()
            .replace(/[\s-]+/g, '_'),
          seats: Number(m[2]),
        });
      }
      return seats;
    };
    // A fact's column left out of the file keeps what each venue has; an empty cell clears it.
    const groups = list('target_groups').map((g) => g.toUpperCase().replace(/[\s-]+/g, '_'));
    const fact = <T>(c: Column, read: (c: Column) => T): T | undefined =>
      header.includes(c) || !KEPT_WHEN_ABSENT.has(c) ? read(c) : undefined;
    const descriptions = translated.length
      ? translated.flatMap(({ column, lang }) => {
          const text = formulas.has(column) ? '' : (record[column] ?? '').trim();
          return text ? [{ lang, text }] : [];
        })
      : undefined;
    descriptionLangs.push(descriptions?.map((d) => d.lang) ?? []);
    const lat = number('lat', false);
    const lng = number('lng', false);
    const row: UpsertRow = {
      externalId: value('external_id'),
      name: value('name'),
      address: {
        street: optional('street'),
        postalCode: optional('postal_code'),
        city: optional('city'),
        region: optional('region'),
      },
      coordinates: lat !== null && lng !== null ? { lat, lng } : null,
      meal: value('meal').toUpperCase() || null,
      startsAt: time('starts_at'),
      endsAt: time('ends_at'),
      capacity: number('capacity', true),
      seatsByRole: seatsByRole(),
      participants: number('participants', true),
      expected: number('expected', true),
      // One column for every group: the built-in ones, and the federation's own (by code).
      targetGroups: groups.filter(isBuiltInGroup),
      ownTargetGroups: groups.filter((g) => !isBuiltInGroup(g)),
      languages: list('languages'),
      wheelchairAccessible: bool('wheelchair_accessible'),
      hearingLoop: fact('hearing_loop', bool),
      accessibilityNote: fact('accessibility_note', optional),
      interpreters: fact('interpreters', (c) => number(c, true)),
      interpreterLanguages: fact('interpreter_languages', list),
      support: fact('support', list),
      cookedByGuests: fact('cooked_by_guests', bool),
      description: optional('description'),
      descriptions,
      registrationUrl: optional('registration_url'),
      sensitive: bool('sensitive'),
      status: (value('status').toUpperCase() || null) as UpsertRow['status'],
      schedule: value('schedule').toUpperCase() || null,
    };
    if (row.status && row.status !== 'DRAFT' && row.status !== 'PUBLISHED')
      bad('status', `"${value('status')}" is not DRAFT or PUBLISHED.`);
    rows.push(row);
    lines.push(line);
  }
  if (records.length === 0)
    problems.push({
      line: null,
      column: null,
      message: 'The file has no venues: a header row and one line per venue.',
      code: 'REQUIRED',
    });
  return { rows, lines, problems, descriptionLangs };
}

/**
 * Does a cell begin as a spreadsheet formula would: `=`, `+`, `-`, `@`, a tab or a carriage
 * return? A plain number (`-3.5`, `+4`, `-4,2`) is not a formula, nor a lone `-` (a dash for
 * "none", which a spreadsheet shows as text).
 */
export function looksLikeFormula(cell: string): boolean {
  const v = cell.replace(/^[ ]+/, '');
  if (!/^[=+\-@\t\r]/.test(v) || v.trim() === '-') return false;
  return !/^[+-]?\d+([.,]\d+)?$/.test(v.trim());
}

/** Turn an upsert userError (`["locations", 17, "coordinates", "lat"]`) into a line and column. */
export function csvProblemOf(
  error: UserError,
  lines: number[],
  descriptionLangs?: string[][],
): CsvProblem {
  const [, index, ...rest] = error.field ?? [];
  const line = typeof index === 'number' ? (lines[index] ?? null) : null;
  const path = rest.filter((p) => typeof p === 'string').join('.');
  if (rest[0] === 'descriptions' && typeof index === 'number' && typeof rest[1] === 'number') {
    const lang = descriptionLangs?.[index]?.[rest[1]];
    if (lang)
      return { line, column: `description_${lang}`, message: error.message, code: error.code };
  }
  const column = path.startsWith('ownTargetGroups')
    ? 'target_groups'
    : (Object.entries(CSV_COLUMNS).find(
        ([, fields]) => fields.join('.') === path || path.startsWith(`${fields.join('.')}.`),
      )?.[0] ?? (path === 'coordinates' ? 'lat,lng' : path || null));
  return { line, column, message: error.message, code: error.code };
}

export function formatProblem(p: CsvProblem): string {
  return `${p.line !== null ? `line ${p.line}` : 'file'}${p.column ? `, column ${p.column}` : ''}: ${p.message} [${p.code}]`;
}
