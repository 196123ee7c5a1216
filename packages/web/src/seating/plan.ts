/**
 * The seating planner's engine: pure, synchronous, no DOM and no network — the guests' names
 * never leave the host's device because nothing here can send them anywhere.
 *
 * `propose` seats guests (and interpreters) at tables so that every table mixes roles, every
 * guest shares a language with someone at their table (or has an interpreter for it there), and
 * tables fill evenly. A greedy start, then simulated annealing over moves and swaps with a seeded
 * random source: the same input and seed give the same seating. Locked guests and interpreters
 * placed by the host never move. `score` rates any seating, the host's own edits included.
 */

export interface Guest {
  id: string;
  /** A name or initials, as the host writes it; only ever shown, never used to decide. */
  name: string;
  /** A role from the federation's vocabulary, e.g. EMPLOYERS, STATUS_HOLDERS. */
  role: string;
  /** The languages the guest speaks (any codes or names, compared without case). */
  languages: string[];
  /** The language the guest needs an interpreter for, or empty. */
  interpreterFor?: string | undefined;
}

export interface Interpreter {
  id: string;
  name: string;
  /** The languages they interpret from (the table's common language is assumed). */
  languages: string[];
}

export interface Table {
  id: string;
  name: string;
  seats: number;
}

export interface PlanInput {
  guests: Guest[];
  tables: Table[];
  interpreters?: Interpreter[];
  /** Guest or interpreter id → table id: placements that never move. */
  locked?: Record<string, string>;
  /** The random source's seed (default 1): another seed, another proposal. */
  seed?: number;
}

/** Who sits where: guest and interpreter ids → table id. */
export type Seating = Record<string, string>;

export interface TableScore {
  id: string;
  guests: number;
  interpreters: number;
  seats: number;
  /** Distinct roles among the table's guests. */
  roles: number;
  /** At least two roles at the table (or fewer than two roles among all the guests). */
  mixed: boolean;
  /** Guests at this table without a shared language or their interpreter. */
  uncovered: string[];
}

export interface Scores {
  /** 0–1: tables with two roles or more, weighted by how close each is to the overall mix. */
  mixing: number;
  /** 0–1: the share of guests who share a language with someone at their table or have their interpreter there. */
  languageCoverage: number;
  /** 0–1: one minus the share of people who would have to move for evenly filled tables. */
  balance: number;
  mixedTables: number;
  occupiedTables: number;
  coveredGuests: number;
  /** More people at a table than its seats. */
  overfull: string[];
  tables: TableScore[];
}

export interface Plan {
  seating: Seating;
  scores: Scores;
}

export type ProblemCode =
  | 'NO_TABLES'
  | 'DUPLICATE_ID'
  | 'BAD_SEATS'
  | 'BAD_GUEST'
  | 'TOO_MANY_PEOPLE'
  | 'UNKNOWN_LOCK'
  | 'LOCKS_OVER_SEATS';

export interface Problem {
  code: ProblemCode;
  /** The guest, interpreter or table concerned, when one is. */
  id?: string;
  message: string;
}

/** Input the planner cannot work with; `problems` says each thing wrong. */
export class PlanInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'PlanInputError';
  }
}

const norm = (language: string): string => language.trim().toLowerCase();

/** Everything wrong with an input, or nothing. */
export function check(input: PlanInput): Problem[] {
  const problems: Problem[] = [];
  const interpreters = input.interpreters ?? [];
  if (input.tables.length === 0) problems.push({ code: 'NO_TABLES', message: 'No tables.' });
  const seen = new Set<string>();
  for (const item of [...input.guests, ...interpreters, ...input.tables]) {
    if (seen.has(item.id))
      problems.push({ code: 'DUPLICATE_ID', id: item.id, message: `Id ${item.id} twice.` });
    seen.add(item.id);
  }
  for (const table of input.tables)
    if (!Number.isInteger(table.seats) || table.seats < 1 || table.seats > 1000)
      problems.push({
        code: 'BAD_SEATS',
        id: table.id,
        message: `Table ${table.name} has ${table.seats} seats (1–1000).`,
      });
  for (const guest of input.guests)
    if (!guest.name.trim() || !guest.role.trim())
      problems.push({
        code: 'BAD_GUEST',
        id: guest.id,
        message: `Guest ${guest.id} lacks a name or a role.`,
      });
  const seats = input.tables.reduce((sum, t) => sum + Math.max(0, t.seats), 0);
  const people = input.guests.length + interpreters.length;
  if (people > seats)
    problems.push({
      code: 'TOO_MANY_PEOPLE',
      message: `${people} people for ${seats} seats.`,
    });
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const everyone = new Set([...input.guests, ...interpreters].map((p) => p.id));
  const perTable = new Map<string, number>();
  for (const [who, table] of Object.entries(input.locked ?? {})) {
    if (!everyone.has(who) || !tables.has(table)) {
      problems.push({ code: 'UNKNOWN_LOCK', id: who, message: `Lock of ${who} at ${table}.` });
      continue;
    }
    perTable.set(table, (perTable.get(table) ?? 0) + 1);
  }
  for (const [id, count] of perTable) {
    const table = tables.get(id)!;
    if (count > table.seats)
      problems.push({
        code: 'LOCKS_OVER_SEATS',
        id,
        message: `${count} locked at table ${table.name} of ${table.seats} seats.`,
      });
  }
  return problems;
}

/** mulberry32: a small seeded random source, the same numbers for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The input in numbers: people by index (guests first, then interpreters). */
interface Model {
  tables: Table[];
  ids: string[];
  guestCount: number;
  /** Role index per guest. */
  role: Int32Array;
  roleCount: number;
  /** Role shares among all guests. */
  share: number[];
  /** Language indexes each person speaks or interprets. */
  langs: number[][];
  /** Language index a guest needs an interpreter for, or -1. */
  needs: Int32Array;
  langCount: number;
  /** Table index a person is locked to, or -1. */
  lockedTo: Int32Array;
  /** Each table's ideal number of people, by its share of the seats. */
  ideal: number[];
}

function model(input: PlanInput): Model {
  const interpreters = input.interpreters ?? [];
  const people = [...input.guests, ...interpreters];
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const roles = new Map<string, number>();
  const languages = new Map<string, number>();
  const lang = (l: string) => {
    const key = norm(l);
    if (!languages.has(key)) languages.set(key, languages.size);
    return languages.get(key)!;
  };
  const role = Int32Array.from(input.guests, (g) => {
    if (!roles.has(g.role)) roles.set(g.role, roles.size);
    return roles.get(g.role)!;
  });
  const counts = new Array<number>(roles.size).fill(0);
  for (const r of role) counts[r] = (counts[r] ?? 0) + 1;
  const langs = people.map((p) => [...new Set(p.languages.filter((l) => l.trim()).map(lang))]);
  const needs = Int32Array.from(input.guests, (g) =>
    g.interpreterFor?.trim() ? lang(g.interpreterFor) : -1,
  );
  const locked = input.locked ?? {};
  const lockedTo = Int32Array.from(people, (p) => {
    const table = locked[p.id];
    return table === undefined ? -1 : (tableIndex.get(table) ?? -1);
  });
  const seats = input.tables.reduce((sum, t) => sum + t.seats, 0);
  return {
    tables: input.tables,
    ids: people.map((p) => p.id),
    guestCount: input.guests.length,
    role,
    roleCount: roles.size,
    share: counts.map((c) => c / Math.max(1, input.guests.length)),
    langs,
    needs,
    langCount: languages.size,
    lockedTo,
    ideal: input.tables.map((t) => (people.length * t.seats) / Math.max(1, seats)),
  };
}

/** What a table is like, from its members. */
interface Look {
  roles: number;
  uncovered: number[];
  /** Σ over roles (count − share × guests)²: how far the table's mix is from the whole room's. */
  skew: number;
  guests: number;
  people: number;
}

function look(m: Model, members: readonly number[]): Look {
  const roleCounts = new Array<number>(m.roleCount).fill(0);
  const spoken = new Array<number>(m.langCount).fill(0);
  const interpreted = new Array<boolean>(m.langCount).fill(false);
  let guests = 0;
  for (const p of members) {
    if (p < m.guestCount) {
      guests++;
      roleCounts[m.role[p]!]!++;
      for (const l of m.langs[p]!) spoken[l]!++;
    } else for (const l of m.langs[p]!) interpreted[l] = true;
  }
  const uncovered: number[] = [];
  for (const p of members) {
    if (p >= m.guestCount) continue;
    const need = m.needs[p]!;
    const covered =
      need >= 0 ? interpreted[need]! : m.langs[p]!.some((l) => spoken[l]! >= 2 || interpreted[l]);
    if (!covered) uncovered.push(p);
  }
  let roles = 0;
  let skew = 0;
  for (let r = 0; r < m.roleCount; r++) {
    if (roleCounts[r]! > 0) roles++;
    skew += (roleCounts[r]! - m.share[r]! * guests) ** 2;
  }
  return { roles, uncovered, skew, guests, people: members.length };
}

/** A table's cost: unmixed and uncovered weigh most, then the mix's skew, then its fill. */
function cost(m: Model, t: number, members: readonly number[]): number {
  const l = look(m, members);
  const unmixed = l.guests > 0 && l.roles < 2 && m.roleCount >= 2 ? 1 : 0;
  const seats = m.tables[t]!.seats;
  const over = Math.max(0, l.people - seats);
  return (
    100 * unmixed + 40 * l.uncovered.length + l.skew + (l.people - m.ideal[t]!) ** 2 + 1000 * over
  );
}

/** The scores of a seating of this input (people not seated count as uncovered). */
export function score(input: PlanInput, seating: Seating): Scores {
  const m = model(input);
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const members: number[][] = input.tables.map(() => []);
  m.ids.forEach((id, p) => {
    const t = tableIndex.get(seating[id] ?? '');
    if (t !== undefined) members[t]!.push(p);
  });
  return scoresOf(m, members);
}

function scoresOf(m: Model, members: number[][]): Scores {
  const tables: TableScore[] = [];
  let mixedTables = 0;
  let occupiedTables = 0;
  let mixingSum = 0;
  let uncoveredCount = 0;
  let seated = 0;
  let misplaced = 0;
  const overfull: string[] = [];
  members.forEach((list, t) => {
    const table = m.tables[t]!;
    const l = look(m, list);
    const mixed = l.guests > 0 && (l.roles >= 2 || m.roleCount < 2);
    seated += l.guests;
    if (l.guests > 0) {
      occupiedTables++;
      if (mixed) {
        mixedTables++;
        // 1 − the total variation distance between the table's mix and the room's.
        mixingSum += 1 - Math.sqrt(l.skew) / Math.max(1, l.guests) / Math.SQRT2;
      }
    }
    uncoveredCount += l.uncovered.length;
    const ideal = m.ideal[t]!;
    misplaced += Math.max(0, Math.floor(ideal) - l.people, l.people - Math.ceil(ideal));
    if (l.people > table.seats) overfull.push(table.id);
    tables.push({
      id: table.id,
      guests: l.guests,
      interpreters: l.people - l.guests,
      seats: table.seats,
      roles: l.roles,
      mixed,
      uncovered: l.uncovered.map((p) => m.ids[p]!),
    });
  });
  const notSeated = m.guestCount - seated;
  const people = m.ids.length;
  return {
    mixing: occupiedTables === 0 ? 0 : round(mixingSum / occupiedTables),
    languageCoverage:
      m.guestCount === 0 ? 1 : round((m.guestCount - uncoveredCount - notSeated) / m.guestCount),
    balance: people === 0 ? 1 : round(1 - misplaced / people),
    mixedTables,
    occupiedTables,
    coveredGuests: m.guestCount - uncoveredCount - notSeated,
    overfull,
    tables,
  };
}

const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

/**
 * Propose a seating. Throws PlanInputError on input it cannot seat (see `check`). The work is
 * bounded by a number of steps, not by time, so a proposal does not depend on the machine.
 */
export function propose(input: PlanInput): Plan {
  const problems = check(input);
  if (problems.length > 0) throw new PlanInputError(problems);
  const m = model(input);
  const rand = random(input.seed ?? 1);
  const tableCount = m.tables.length;
  const people = m.ids.length;
  const at = new Int32Array(people).fill(-1);
  const members: number[][] = m.tables.map(() => []);
  const place = (p: number, t: number) => {
    at[p] = t;
    members[t]!.push(p);
  };
  const free = (t: number) => m.tables[t]!.seats - members[t]!.length;

  // The greedy start: locks; interpreters spread over the tables; then the guests who need an
  // interpreter, the rarest languages, the rest — each where it costs least.
  for (let p = 0; p < people; p++) if (m.lockedTo[p]! >= 0) place(p, m.lockedTo[p]!);
  const order: number[] = [];
  for (let p = m.guestCount; p < people; p++) if (at[p]! < 0) order.push(p);
  const speakers = new Array<number>(m.langCount).fill(0);
  for (let p = 0; p < m.guestCount; p++) for (const l of m.langs[p]!) speakers[l]!++;
  const rarity = (p: number) =>
    m.needs[p]! >= 0 ? -1 : Math.min(...m.langs[p]!.map((l) => speakers[l]!), people);
  const guests: number[] = [];
  for (let p = 0; p < m.guestCount; p++) if (at[p]! < 0) guests.push(p);
  guests.sort((a, b) => rarity(a) - rarity(b) || a - b);
  // Interpreters first of all, so that guests who need one can then sit beside them.
  // Each table's share of the people, so that no table starts empty or crowded.
  const target = m.ideal.map(Math.floor);
  const rest = people - target.reduce((a, b) => a + b, 0);
  [...m.ideal.keys()]
    .sort((a, b) => (m.ideal[b]! % 1) - (m.ideal[a]! % 1) || a - b)
    .slice(0, rest)
    .forEach((t) => {
      target[t]!++;
    });
  for (const p of [...order, ...guests]) {
    let best = -1;
    let bestDelta = Number.POSITIVE_INFINITY;
    const under = members.some((list, t) => list.length < target[t]!);
    for (let t = 0; t < tableCount; t++) {
      if (free(t) <= 0 || (under && members[t]!.length >= target[t]!)) continue;
      const before = cost(m, t, members[t]!);
      const delta = cost(m, t, [...members[t]!, p]) - before + rand() * 1e-6;
      if (delta < bestDelta) {
        bestDelta = delta;
        best = t;
      }
    }
    place(p, best);
  }

  // Simulated annealing over moves (to a free seat) and swaps; only unlocked people move.
  const movable: number[] = [];
  for (let p = 0; p < people; p++) if (m.lockedTo[p]! < 0) movable.push(p);
  const costs = members.map((list, t) => cost(m, t, list));
  let total = costs.reduce((a, b) => a + b, 0);
  let best = { total, at: Int32Array.from(at) };
  const steps = movable.length < 2 || tableCount < 2 ? 0 : Math.max(20_000, 250 * people);
  const hot = 4;
  for (let step = 0; step < steps; step++) {
    const temperature = hot * (1 - step / steps) + 0.01;
    const p = movable[Math.floor(rand() * movable.length)]!;
    const from = at[p]!;
    let to = Math.floor(rand() * (tableCount - 1));
    if (to >= from) to++;
    const fromList = members[from]!;
    const toList = members[to]!;
    let q = -1;
    if (free(to) <= 0 || rand() < 0.5) {
      // A swap with someone unlocked at the other table.
      const candidates = toList.filter((x) => m.lockedTo[x]! < 0);
      if (candidates.length === 0) continue;
      q = candidates[Math.floor(rand() * candidates.length)]!;
    }
    const newFrom = fromList.filter((x) => x !== p);
    const newTo = q >= 0 ? toList.filter((x) => x !== q) : [...toList];
    newTo.push(p);
    if (q >= 0) newFrom.push(q);
    const fromCost = cost(m, from, newFrom);
    const toCost = cost(m, to, newTo);
    const delta = fromCost + toCost - costs[from]! - costs[to]!;
    if (delta <= 0 || rand() < Math.exp(-delta / temperature)) {
      members[from] = newFrom;
      members[to] = newTo;
      costs[from] = fromCost;
      costs[to] = toCost;
      at[p] = to;
      if (q >= 0) at[q] = from;
      total += delta;
      if (total < best.total - 1e-9) best = { total, at: Int32Array.from(at) };
    }
  }

  const seating: Seating = {};
  const final: number[][] = m.tables.map(() => []);
  best.at.forEach((t, p) => {
    seating[m.ids[p]!] = m.tables[t]!.id;
    final[t]!.push(p);
  });
  return { seating, scores: scoresOf(m, final) };
}
