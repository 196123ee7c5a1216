/**
 * Made-up dinners for the seating planner's tests and bench, shaped like the 's-Hertogenbosch
 * employers' dinner (25 employers, 25 status holders, four interpreters, eight tables) and the
 * Almelo stadium dinner (600 guests, 60 tables). Deterministic: the same call, the same guests.
 */
import type { Guest, Interpreter, PlanInput, Table } from '../src/seating/plan.ts';

/** Newcomers' languages, in turn; every fourth, if Arabic, Tigrinya or Farsi is their first, needs an interpreter for it. */
const NEWCOMER = [
  ['ar'],
  ['ar', 'en'],
  ['ti'],
  ['ti', 'ar'],
  ['fa'],
  ['fa', 'en'],
  ['so', 'nl'],
  ['ar', 'nl'],
  ['uk', 'en'],
] as const;
const RESIDENT = [['nl'], ['nl', 'en'], ['nl', 'de'], ['nl', 'en', 'ar']] as const;

/**
 * A dinner of `employers` + `newcomers` guests (roles EMPLOYERS and STATUS_HOLDERS), a table of
 * `seats` per `perTable` guests, and interpreters for Arabic, Tigrinya and Farsi.
 */
export function dinner(options: {
  employers: number;
  newcomers: number;
  tables: number;
  seats: number;
  interpreters: number;
  /** The guests' names start with this, so a test can look for them. */
  prefix?: string;
}): PlanInput {
  const prefix = options.prefix ?? 'Guest';
  const guests: Guest[] = [];
  for (let n = 0; n < options.employers; n++)
    guests.push({
      id: `e${n}`,
      name: `${prefix} Employer ${n + 1}`,
      role: 'EMPLOYERS',
      languages: [...RESIDENT[n % RESIDENT.length]!],
    });
  for (let n = 0; n < options.newcomers; n++) {
    const languages = NEWCOMER[n % NEWCOMER.length]!;
    const needs = n % 4 === 0 && ['ar', 'ti', 'fa'].includes(languages[0]);
    guests.push({
      id: `s${n}`,
      name: `${prefix} Newcomer ${n + 1}`,
      role: 'STATUS_HOLDERS',
      languages: [...languages],
      ...(needs ? { interpreterFor: languages[0] } : {}),
    });
  }
  const tables: Table[] = Array.from({ length: options.tables }, (_, n) => ({
    id: `t${n}`,
    name: `Table ${n + 1}`,
    seats: options.seats,
  }));
  const offered = [
    ['ar', 'nl'],
    ['ti', 'nl'],
    ['fa', 'nl'],
    ['ar', 'en'],
  ];
  const interpreters: Interpreter[] = Array.from({ length: options.interpreters }, (_, n) => ({
    id: `i${n}`,
    name: `${prefix} Interpreter ${n + 1}`,
    languages: [...offered[n % offered.length]!],
  }));
  return { guests, tables, interpreters };
}

/** The 's-Hertogenbosch dinner: 50 guests, four interpreters, eight tables of seven. */
export const DEN_BOSCH = (prefix?: string): PlanInput =>
  dinner({ employers: 25, newcomers: 25, tables: 8, seats: 7, interpreters: 4, prefix });

/** The Almelo stadium dinner: 600 guests, 60 tables of eleven, 24 interpreters. */
export const ALMELO = (): PlanInput =>
  dinner({ employers: 300, newcomers: 300, tables: 60, seats: 11, interpreters: 24 });
