/**
 * Venues from a spreadsheet: one header row, one venue a line, parsed with csv-parse and sent
 * through the same bulk upsert as the API. Every problem is reported by line and column; an
 * unknown column is an error, never silently ignored.
 */
import { parse } from 'csv-parse/sync';
import type { Edition } from '../db/schema.ts';
import type { UserError } from '../graphql/types/user-error.ts';
import type { UpsertRow } from './write.ts';

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
  participants: ['participants'],
  target_groups: ['targetGroups'],
  languages: ['languages'],
  wheelchair_accessible: ['wheelchairAccessible'],
  description: ['description'],
  registration_url: ['registrationUrl'],
  sensitive: ['sensitive'],
  status: ['status'],
} as const;
type Column = keyof typeof CSV_COLUMNS;
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
  problems: CsvProblem[];
}

const TRUE = new Set(['yes', 'ja', 'true', '1', 'y', 'j', 'x']);
const FALSE = new Set(['no', 'nee', 'false', '0', 'n']);

/** A time like `18:00` on the edition's day in its time zone, or a full ISO instant. */
function instant(value: string, edition: Pick<Edition, 'date' | 'timeZone'>): Date | null {
  const hm = /^(\d{1,2})[:.](\d{2})$/.exec(value);
  if (hm) {
    const [h, m] = [Number(hm[1]), Number(hm[2])];
    if (h > 23 || m > 59) return null;
    // The wall-clock time on that day in that zone: find the offset by asking Intl.
    const guess = new Date(`${edition.date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);
    const local = new Date(guess.toLocaleString('en-US', { timeZone: edition.timeZone }));
    const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
    return new Date(guess.getTime() - (local.getTime() - utc.getTime()));
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value);
  return null;
}

export function parseVenueCsv(text: string, edition: Pick<Edition, 'date' | 'timeZone'>): ParsedCsv {
  const problems: CsvProblem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  const body = text.replace(/^\uFEFF/, '');
  // Spreadsheets in Dutch or German settings save with semicolons; lists inside a cell then use |.
  const headerLine = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  try {
    records = parse(body, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      delimiter,
      relax_column_count: false,
    }) as never;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], lines: [], problems: [{ line: e.lines ?? null, column: null, message: `The file is not valid CSV: ${e.message}`, code: 'INVALID' }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const column of header) {
    if (!(column in CSV_COLUMNS)) problems.push({ line: 1, column, message: `Unknown column "${column}". Known columns: ${Object.keys(CSV_COLUMNS).join(', ')}.`, code: 'INVALID' });
  }
  for (const column of REQUIRED) {
    if (records.length && !header.includes(column)) problems.push({ line: 1, column, message: `The column "${column}" is required.`, code: 'REQUIRED' });
  }
  const rows: UpsertRow[] = [];
  const lines: number[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const bad = (column: string, message: string, code = 'INVALID') => problems.push({ line, column, message, code });
    const value = (c: Column) => (record[c] ?? '').trim();
    const optional = (c: Column) => value(c) || null;
    const number = (c: Column, integer: boolean): number | null => {
      const v = value(c).replace(',', '.');
      if (!v) return null;
      const n = Number(v);
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        bad(c, `"${value(c)}" is not a ${integer ? 'whole number' : 'number'}.`);
        return null;
      }
      return n;
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
      if (!d) bad(c, `"${v}" is not a time like 18:00 or 2027-10-14T18:00:00+02:00.`);
      return d;
    };
    const list = (c: Column) => value(c).split(delimiter === ';' ? /\|/ : /[;|]/).map((s) => s.trim()).filter(Boolean);
    const lat = number('lat', false);
    const lng = number('lng', false);
    const row: UpsertRow = {
      externalId: value('external_id'),
      name: value('name'),
      address: { street: optional('street'), postalCode: optional('postal_code'), city: optional('city'), region: optional('region') },
      coordinates: lat !== null && lng !== null ? { lat, lng } : null,
      meal: value('meal').toUpperCase() || null,
      startsAt: time('starts_at'),
      endsAt: time('ends_at'),
      capacity: number('capacity', true),
      participants: number('participants', true),
      targetGroups: list('target_groups').map((g) => g.toUpperCase().replace(/[\s-]+/g, '_')),
      languages: list('languages'),
      wheelchairAccessible: bool('wheelchair_accessible'),
      description: optional('description'),
      registrationUrl: optional('registration_url'),
      sensitive: bool('sensitive'),
      status: (value('status').toUpperCase() || null) as UpsertRow['status'],
    };
    if (row.status && row.status !== 'DRAFT' && row.status !== 'PUBLISHED') bad('status', `"${value('status')}" is not DRAFT or PUBLISHED.`);
    rows.push(row);
    lines.push(line);
  }
  if (records.length === 0) problems.push({ line: null, column: null, message: 'The file has no venues: a header row and one line per venue.', code: 'REQUIRED' });
  return { rows, lines, problems };
}

/** Turn an upsert userError (`["locations", 17, "coordinates", "lat"]`) into a line and column. */
export function csvProblemOf(error: UserError, lines: number[]): CsvProblem {
  const [, index, ...rest] = error.field ?? [];
  const line = typeof index === 'number' ? lines[index] ?? null : null;
  const path = rest.filter((p) => typeof p === 'string').join('.');
  const column = (Object.entries(CSV_COLUMNS).find(([, fields]) => fields.join('.') === path || path.startsWith(`${fields.join('.')}.`))?.[0]) ??
    (path === 'coordinates' ? 'lat,lng' : path || null);
  return { line, column, message: error.message, code: error.code };
}

export function formatProblem(p: CsvProblem): string {
  return `${p.line !== null ? `line ${p.line}` : 'file'}${p.column ? `, column ${p.column}` : ''}: ${p.message} [${p.code}]`;
}
