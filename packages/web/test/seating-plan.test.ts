/**
 * The seating planner's engine (src/seating/plan.ts), in Node: it mixes roles at every table,
 * seats each guest with a shared language or their interpreter, fills tables evenly, never moves
 * a locked guest, gives the same seating for the same seed, and refuses input it cannot seat.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY, readFile, type SeatingData, toFile } from '../src/seating/file.ts';
import { parseGuests } from '../src/seating/guest-list.ts';
import {
  check,
  type Guest,
  type PlanInput,
  PlanInputError,
  propose,
  score,
} from '../src/seating/plan.ts';
import { ALMELO, DEN_BOSCH } from './seating-guests.ts';

const tables = (count: number, seats: number) =>
  Array.from({ length: count }, (_, n) => ({ id: `t${n}`, name: `T${n + 1}`, seats }));
const guest = (id: string, role: string, languages: string[], interpreterFor?: string): Guest => ({
  id,
  name: id,
  role,
  languages,
  ...(interpreterFor ? { interpreterFor } : {}),
});

function byTable(input: PlanInput, seating: Record<string, string>): Map<string, Guest[]> {
  const at = new Map<string, Guest[]>();
  for (const g of input.guests) at.set(seating[g.id]!, [...(at.get(seating[g.id]!) ?? []), g]);
  return at;
}

describe('the seating planner', () => {
  it('seats the 50 guests of the employers’ dinner at 8 tables, mixed and understood, in well under 2 s', () => {
    const input = DEN_BOSCH();
    const started = performance.now();
    const plan = propose(input);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Object.keys(plan.seating)).toHaveLength(54);
    const { scores } = plan;
    expect(scores.mixedTables).toBe(8);
    expect(scores.occupiedTables).toBe(8);
    expect(scores.coveredGuests).toBe(50);
    expect(scores.languageCoverage).toBe(1);
    expect(scores.balance).toBe(1);
    expect(scores.mixing).toBeGreaterThan(0.9);
    expect(scores.overfull).toEqual([]);
    for (const [, guests] of byTable(input, plan.seating))
      expect(new Set(guests.map((g) => g.role)).size).toBeGreaterThanOrEqual(2);
    // Each guest who needs an interpreter sits with one for their language.
    for (const g of input.guests.filter((g) => g.interpreterFor)) {
      const table = plan.seating[g.id];
      const there = input.interpreters!.filter((i) => plan.seating[i.id] === table);
      expect(there.some((i) => i.languages.includes(g.interpreterFor!))).toBe(true);
    }
  });

  it('seats the 600 guests of the stadium dinner at 60 tables, every table mixed', () => {
    const plan = propose(ALMELO());
    expect(plan.scores.mixedTables).toBe(60);
    expect(plan.scores.languageCoverage).toBe(1);
    expect(plan.scores.balance).toBe(1);
  });

  it('mixes roles at every table, a small one too, in the room’s proportions', () => {
    // Filling tables in order would seat four employers at the big table and two status
    // holders alone at the small one.
    const input: PlanInput = {
      guests: [
        ...Array.from({ length: 4 }, (_, n) => guest(`e${n}`, 'EMPLOYERS', ['nl'])),
        ...Array.from({ length: 4 }, (_, n) => guest(`s${n}`, 'STATUS_HOLDERS', ['nl'])),
      ],
      tables: [
        { id: 'big', name: 'Big', seats: 6 },
        { id: 'small', name: 'Small', seats: 2 },
      ],
    };
    for (const seed of [1, 2, 3]) {
      const plan = propose({ ...input, seed });
      expect(plan.scores.mixing).toBe(1);
      const at = byTable(input, plan.seating);
      expect(
        at
          .get('small')!
          .map((g) => g.role)
          .sort(),
      ).toEqual(['EMPLOYERS', 'STATUS_HOLDERS']);
      expect(at.get('big')!.filter((g) => g.role === 'EMPLOYERS')).toHaveLength(3);
    }
  });

  it('seats a guest with someone who shares their language, or with the interpreter they need', () => {
    const input: PlanInput = {
      guests: [
        guest('a', 'EMPLOYERS', ['nl']),
        guest('b', 'EMPLOYERS', ['nl', 'so']),
        guest('c', 'EMPLOYERS', ['nl']),
        guest('d', 'EMPLOYERS', ['NL']),
        guest('e', 'STATUS_HOLDERS', ['so']),
        guest('f', 'STATUS_HOLDERS', ['ti'], 'ti'),
        guest('g', 'STATUS_HOLDERS', ['nl']),
        guest('h', 'STATUS_HOLDERS', ['nl']),
      ],
      tables: tables(3, 4),
      interpreters: [{ id: 'i', name: 'i', languages: ['ti', 'nl'] }],
    };
    const plan = propose(input);
    expect(plan.scores.languageCoverage).toBe(1);
    expect(plan.seating['e']).toBe(plan.seating['b']);
    expect(plan.seating['f']).toBe(plan.seating['i']);
  });

  it('never moves a locked guest or interpreter, whatever the seed', () => {
    const input = DEN_BOSCH();
    // Lock two employers at the same table and an interpreter at another.
    const locked = { e0: 't3', e1: 't3', i0: 't5' };
    for (const seed of [1, 2, 3]) {
      const plan = propose({ ...input, locked, seed });
      expect(plan.seating['e0']).toBe('t3');
      expect(plan.seating['e1']).toBe('t3');
      expect(plan.seating['i0']).toBe('t5');
      expect(plan.scores.mixedTables).toBe(8);
    }
  });

  it('fills tables evenly, by their share of the seats', () => {
    const input: PlanInput = {
      guests: Array.from({ length: 18 }, (_, n) =>
        guest(`g${n}`, n % 2 ? 'EMPLOYERS' : 'NEIGHBOURS', ['nl']),
      ),
      tables: [
        { id: 'big', name: 'Big', seats: 12 },
        { id: 'small', name: 'Small', seats: 6 },
        { id: 'mid', name: 'Mid', seats: 6 },
      ],
    };
    const plan = propose(input);
    const counts = Object.values(plan.seating).reduce<Record<string, number>>((acc, t) => {
      acc[t] = (acc[t] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts['big']).toBe(9);
    expect(Math.abs(counts['small']! - counts['mid']!)).toBeLessThanOrEqual(1);
    expect(plan.scores.balance).toBe(1);
  });

  it('gives the same seating for the same seed', () => {
    const input = DEN_BOSCH();
    expect(propose({ ...input, seed: 7 }).seating).toEqual(propose({ ...input, seed: 7 }).seating);
  });

  it('scores a seating the host made: an unmixed table, a guest alone in their language, a full table over', () => {
    const input: PlanInput = {
      guests: [
        guest('a', 'EMPLOYERS', ['nl']),
        guest('b', 'EMPLOYERS', ['nl']),
        guest('c', 'EMPLOYERS', ['nl']),
        guest('d', 'STATUS_HOLDERS', ['ar']),
      ],
      tables: tables(2, 2),
    };
    const scores = score(input, { a: 't0', b: 't0', c: 't1', d: 't1' });
    expect(scores.mixedTables).toBe(1);
    expect(scores.tables[0]!.mixed).toBe(false);
    expect(scores.tables[1]!.uncovered).toEqual(['c', 'd']);
    expect(scores.languageCoverage).toBe(0.5);
    const crowded = score(input, { a: 't0', b: 't0', c: 't0', d: 't1' });
    expect(crowded.overfull).toEqual(['t0']);
    expect(crowded.balance).toBeLessThan(1);
  });

  it('refuses input it cannot seat, naming each problem', () => {
    const base = DEN_BOSCH();
    const codes = (input: PlanInput) => check(input).map((p) => p.code);
    expect(check(base)).toEqual([]);
    expect(codes({ ...base, tables: [] })).toContain('NO_TABLES');
    expect(codes({ ...base, tables: tables(2, 7) })).toEqual(['TOO_MANY_PEOPLE']);
    expect(codes({ ...base, guests: [...base.guests, base.guests[0]!] })).toContain('DUPLICATE_ID');
    expect(codes({ ...base, tables: [...base.tables, { id: 'x', name: 'X', seats: 0 }] })).toEqual([
      'BAD_SEATS',
    ]);
    expect(codes({ ...base, guests: [{ ...base.guests[0]!, name: ' ' }] })).toEqual(['BAD_GUEST']);
    expect(codes({ ...base, locked: { nobody: 't0' } })).toEqual(['UNKNOWN_LOCK']);
    expect(codes({ ...base, locked: { e0: 'nowhere' } })).toEqual(['UNKNOWN_LOCK']);
    const eight = Object.fromEntries(base.guests.slice(0, 8).map((g) => [g.id, 't0']));
    expect(codes({ ...base, locked: eight })).toEqual(['LOCKS_OVER_SEATS']);
    expect(() => propose({ ...base, tables: tables(2, 7) })).toThrow(PlanInputError);
  });
});

describe('a seating plan file', () => {
  const venue = { id: 'TG9jYXRpb246MQ==', name: 'Het diner' };
  const plan: SeatingData = { ...EMPTY, ...DEN_BOSCH(), interpreters: DEN_BOSCH().interpreters! };

  it('reads back what was exported for the same venue', () => {
    const result = readFile(JSON.stringify(toFile(venue, plan)), venue.id);
    expect(result).toEqual({ ok: true, plan });
  });

  it('refuses a file of another venue, naming it', () => {
    const result = readFile(JSON.stringify(toFile(venue, plan)), 'TG9jYXRpb246Mg==');
    expect(result).toEqual({ ok: false, reason: 'OTHER_VENUE', venue: 'Het diner' });
  });

  it('refuses what is not a plan: broken JSON, another format, bad guests, duplicate ids', () => {
    const file = toFile(venue, plan);
    const bad = (text: string) => readFile(text, venue.id);
    expect(bad('{"format":')).toEqual({ ok: false, reason: 'NOT_A_PLAN' });
    expect(bad('[]')).toEqual({ ok: false, reason: 'NOT_A_PLAN' });
    expect(bad(JSON.stringify({ ...file, format: 'other' }))).toEqual({
      ok: false,
      reason: 'NOT_A_PLAN',
    });
    const noLanguages = { ...plan, guests: [{ ...plan.guests[0]!, languages: 'nl' }] };
    expect(bad(JSON.stringify({ ...file, plan: noLanguages })).ok).toBe(false);
    const twice = { ...plan, guests: [plan.guests[0]!, plan.guests[0]!] };
    expect(bad(JSON.stringify({ ...file, plan: twice })).ok).toBe(false);
    const lockedNowhere = { ...plan, locked: { e0: 'nowhere' } };
    expect(bad(JSON.stringify({ ...file, plan: lockedNowhere })).ok).toBe(false);
  });
});

describe('a pasted list of guests', () => {
  const ids = () => {
    let n = 0;
    return () => `g${++n}`;
  };

  it('reads one guest a line, from semicolons or a spreadsheet’s tabs, the role by code or name', () => {
    const text = [
      'A. de Vries; EMPLOYERS; nl, en',
      '',
      'Yonas\tStatushouders\tti ar\tti',
      'Ilse;  arbeitgeber ; de',
    ].join('\n');
    expect(parseGuests(text, ids())).toEqual({
      problems: [],
      guests: [
        { id: 'g1', name: 'A. de Vries', role: 'EMPLOYERS', languages: ['nl', 'en'] },
        {
          id: 'g2',
          name: 'Yonas',
          role: 'STATUS_HOLDERS',
          languages: ['ti', 'ar'],
          interpreterFor: 'ti',
        },
        { id: 'g3', name: 'Ilse', role: 'EMPLOYERS', languages: ['de'] },
      ],
    });
  });

  it('names each bad line: no name, a role not in the list, no language', () => {
    const text = ['; EMPLOYERS; nl', 'Bo; Bakers; nl', 'Cas; Neighbours', 'Dirk; Ouderen; nl'].join(
      '\n',
    );
    expect(parseGuests(text, ids()).problems).toEqual([
      { line: 1, code: 'NO_NAME' },
      { line: 2, code: 'UNKNOWN_ROLE', role: 'Bakers' },
      { line: 3, code: 'NO_LANGUAGE' },
    ]);
  });
});
