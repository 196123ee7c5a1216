/**
 * A seating plan as kept on the host's device and as a file they export and import: the guests,
 * tables and interpreters, who sits where, who is locked there. A file names its venue; reading
 * one made for another venue, or anything that is not such a file, is refused as a whole.
 */
import { check, type Guest, type Interpreter, type Seating, type Table } from './plan.ts';

export interface SeatingData {
  guests: Guest[];
  tables: Table[];
  interpreters: Interpreter[];
  seating: Seating;
  locked: Record<string, string>;
  /** The last proposal's seed: the next one uses the one after. */
  seed: number;
}

export interface SeatingFile {
  format: 'tafel-seating';
  version: 1;
  venue: { id: string; name: string };
  savedAt: string;
  plan: SeatingData;
}

export const EMPTY: SeatingData = {
  guests: [],
  tables: [],
  interpreters: [],
  seating: {},
  locked: {},
  seed: 0,
};

/** The most people a file may bring (the planner is built for a stadium of 600). */
export const MOST = 5000;

export function toFile(venue: { id: string; name: string }, plan: SeatingData): SeatingFile {
  return { format: 'tafel-seating', version: 1, venue, savedAt: new Date().toISOString(), plan };
}

export type ReadResult =
  | { ok: true; plan: SeatingData }
  | { ok: false; reason: 'NOT_A_PLAN' }
  | { ok: false; reason: 'OTHER_VENUE'; venue: string };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown, max = 200): x is string => typeof x === 'string' && x.length <= max;
const strings = (x: unknown): x is string[] =>
  Array.isArray(x) && x.length <= 20 && x.every((s) => isString(s, 40));
const list = <T>(x: unknown, item: (y: unknown) => y is T): x is T[] =>
  Array.isArray(x) && x.length <= MOST && x.every(item);
const record = (x: unknown): x is Record<string, string> =>
  isObject(x) && Object.values(x).every((v) => isString(v));

const isGuest = (x: unknown): x is Guest =>
  isObject(x) &&
  isString(x['id']) &&
  isString(x['name']) &&
  isString(x['role']) &&
  strings(x['languages']) &&
  (x['interpreterFor'] === undefined || isString(x['interpreterFor'], 40));
const isInterpreter = (x: unknown): x is Interpreter =>
  isObject(x) && isString(x['id']) && isString(x['name']) && strings(x['languages']);
const isTable = (x: unknown): x is Table =>
  isObject(x) && isString(x['id']) && isString(x['name']) && typeof x['seats'] === 'number';

/** Read a file's text for a venue: its plan, or why not. */
export function readFile(text: string, venueId: string): ReadResult {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'NOT_A_PLAN' };
  }
  if (!isObject(file) || file['format'] !== 'tafel-seating' || file['version'] !== 1)
    return { ok: false, reason: 'NOT_A_PLAN' };
  const venue = file['venue'];
  if (!isObject(venue) || !isString(venue['id']) || !isString(venue['name']))
    return { ok: false, reason: 'NOT_A_PLAN' };
  if (venue['id'] !== venueId) return { ok: false, reason: 'OTHER_VENUE', venue: venue['name'] };
  const plan = file['plan'];
  if (
    !isObject(plan) ||
    !list(plan['guests'], isGuest) ||
    !list(plan['tables'], isTable) ||
    !list(plan['interpreters'], isInterpreter) ||
    !record(plan['seating']) ||
    !record(plan['locked']) ||
    typeof plan['seed'] !== 'number'
  )
    return { ok: false, reason: 'NOT_A_PLAN' };
  const data: SeatingData = {
    guests: plan['guests'],
    tables: plan['tables'],
    interpreters: plan['interpreters'],
    seating: plan['seating'],
    locked: plan['locked'],
    seed: plan['seed'],
  };
  // Duplicate ids, impossible seats or locks to nowhere: not a plan this planner made.
  // (A plan still being written may lack tables or seats.)
  const problems = check(data).filter(
    (p) => p.code !== 'NO_TABLES' && p.code !== 'TOO_MANY_PEOPLE',
  );
  if (problems.length > 0) return { ok: false, reason: 'NOT_A_PLAN' };
  return { ok: true, plan: data };
}
