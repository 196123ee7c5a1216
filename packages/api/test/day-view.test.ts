/**
 * The staff's day view: each situation made on a real database — a silent venue, a full one, a
 * jump, one not started — and the coverage per region; the clock set by the test (the domain
 * takes it) and the database's own (through GraphQL, venues placed around it); who may read it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { dayView } from '../src/locations/day-view.ts';
import { createHostLink } from '../src/locations/host-links.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  createClient,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;
let key: string;
let now: Date;
const sessions: Record<string, string> = {};

const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

const DAY = `query($edition: String!, $filter: DayViewFilter, $silentAfter: Int, $jumpOver: Int) {
  dayView(edition: $edition, filter: $filter, silentAfter: $silentAfter, jumpOver: $jumpOver) {
    at silentAfter jumpOver
    venues { location { name address { region } } organisationSlug state full lastReportAt jump { from to at } }
    coverage { region venues started reported share }
    overall { venues started reported share }
  }
}`;

async function startAt(name: string, at: Date) {
  await t.database.db
    .update(locations)
    .set({ startsAt: at })
    .where(eq(locations.id, fx.locations[name]!.id));
}

async function write(query: string, input: Record<string, unknown>) {
  const r = await gql(query, { input }, { key });
  const payload = Object.values(r.data ?? {})[0] as { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  key = await staffKey(t.database);
  const [row] = rowsOf<{ now: string | Date }>(
    await t.database.db.execute(sql`SELECT now() AS now`),
  );
  now = new Date(row!.now);
  // NL-UT: one venue silent 45 minutes after its start, one started 10 minutes ago.
  await startAt('Stadhuis Utrecht', minutes(-45));
  await startAt('Buurthuis De Ster', minutes(-10));
  // NL-NB: started an hour ago, reported, then the host says it is full.
  await startAt('Moskee Bergen op Zoom', minutes(-60));
  await write(
    'mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { message } } }',
    { location: id('Moskee Bergen op Zoom'), delta: 5 },
  );
  await write(
    'mutation($input: SetLocationFullInput!) { setLocationFull(input: $input) { userErrors { message } } }',
    { location: id('Moskee Bergen op Zoom'), full: true },
  );
  // NL-OV: the stadium jumps from 580 to 500 in one report, then +3; breakfast starts in 2 hours.
  await startAt('Heracles Stadion', minutes(-20));
  await write(
    'mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { message } } }',
    { location: id('Heracles Stadion'), participants: 500 },
  );
  await write(
    'mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { message } } }',
    { location: id('Heracles Stadion'), delta: 3 },
  );
  await startAt('Ontbijt AZC Almelo', minutes(120));
  for (const [name, invitee] of [
    ['admin', { email: 'admin@federation.test', role: 'admin' as const }],
    ['moderator', { email: 'moderator@federation.test', role: 'moderator' as const }],
    ['press', { email: 'press@federation.test', role: 'press' as const }],
    ['coordinator', { email: 'coordinator@asito.test', organisationId: fx.asito.id }],
  ] as const)
    sessions[name] = await personSession(t.database, invitee);
});
afterAll(() => t.close());

type Venue = {
  location: { name: string; address: { region: string } };
  organisationSlug: string;
  state: string;
  full: boolean;
  lastReportAt: string | null;
  jump: { from: number; to: number; at: string } | null;
};

async function view(
  variables: Record<string, unknown> = {},
  headers = sessionHeaders(sessions['admin']!),
) {
  const r = await gql(DAY, { edition: 'nid-test', ...variables }, { headers });
  expect(r.errors).toBeUndefined();
  return r.data!['dayView'] as {
    venues: Venue[];
    coverage: {
      region: string | null;
      venues: number;
      started: number;
      reported: number;
      share: number | null;
    }[];
    overall: { venues: number; started: number; reported: number; share: number | null };
    silentAfter: number;
    jumpOver: number;
  };
}

const byName = (venues: Venue[]) => Object.fromEntries(venues.map((v) => [v.location.name, v]));

describe('dayView', () => {
  it('shows a silent venue, a started one, a full one, a jump and one not started, each with its last report', async () => {
    const day = await view();
    expect(day.silentAfter).toBe(30);
    expect(day.jumpOver).toBe(25);
    const v = byName(day.venues);
    // Published venues only: the cancelled dinner and the draft lunch are not on the day.
    expect(Object.keys(v).sort()).toEqual([
      'Buurthuis De Ster',
      'Heracles Stadion',
      'Moskee Bergen op Zoom',
      'Ontbijt AZC Almelo',
      'Stadhuis Utrecht',
    ]);
    expect(v['Stadhuis Utrecht']).toMatchObject({
      state: 'SILENT',
      full: false,
      lastReportAt: null,
      jump: null,
    });
    expect(v['Buurthuis De Ster']).toMatchObject({ state: 'STARTED', lastReportAt: null });
    expect(v['Moskee Bergen op Zoom']).toMatchObject({ state: 'STARTED', full: true, jump: null });
    expect(v['Moskee Bergen op Zoom']!.lastReportAt).not.toBeNull();
    expect(v['Heracles Stadion']).toMatchObject({
      state: 'STARTED',
      full: false,
      jump: { from: 580, to: 500 },
    });
    // The last report is the +3 after the jump, not the jump itself.
    expect(new Date(v['Heracles Stadion']!.lastReportAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(v['Heracles Stadion']!.jump!.at).getTime(),
    );
    expect(v['Ontbijt AZC Almelo']).toMatchObject({ state: 'NOT_STARTED', lastReportAt: null });
    // By start time: the earliest first, the one not started last.
    expect(day.venues.at(-1)!.location.name).toBe('Ontbijt AZC Almelo');
  });

  it('gives the coverage per region: the share of started venues that have reported', async () => {
    const day = await view();
    expect(day.coverage).toEqual([
      { region: 'NL-NB', venues: 1, started: 1, reported: 1, share: 1 },
      { region: 'NL-OV', venues: 2, started: 1, reported: 1, share: 1 },
      { region: 'NL-UT', venues: 2, started: 2, reported: 0, share: 0 },
    ]);
    expect(day.overall).toEqual({ venues: 5, started: 4, reported: 2, share: 0.5 });
  });

  it('takes the silence and the jump thresholds as arguments', async () => {
    const strict = byName((await view({ silentAfter: 5, jumpOver: 100 })).venues);
    expect(strict['Buurthuis De Ster']!.state).toBe('SILENT');
    expect(strict['Heracles Stadion']!.jump).toBeNull();
    const lax = byName((await view({ silentAfter: 60 })).venues);
    expect(lax['Stadhuis Utrecht']!.state).toBe('STARTED');
    const small = byName((await view({ jumpOver: 2 })).venues);
    // The latest report over 2 is now the +3.
    expect(small['Heracles Stadion']!.jump).toMatchObject({ from: 500, to: 503 });
    expect(small['Moskee Bergen op Zoom']!.jump).toMatchObject({ from: 240, to: 245 });
  });

  it('filters by region and by organisation, coverage following the filter', async () => {
    const ov = await view({ filter: { region: 'NL-OV' } });
    expect(ov.venues.map((v) => v.location.name).sort()).toEqual([
      'Heracles Stadion',
      'Ontbijt AZC Almelo',
    ]);
    expect(ov.coverage.map((c) => c.region)).toEqual(['NL-OV']);
    const utrecht = await view({ filter: { organisation: 'gemeente-utrecht' } });
    expect(utrecht.venues.every((v) => v.organisationSlug === 'gemeente-utrecht')).toBe(true);
    expect(utrecht.overall).toEqual({ venues: 2, started: 2, reported: 0, share: 0 });
    expect((await view({ filter: { organisation: 'nobody' } })).venues).toEqual([]);
  });

  it('reads the states at the clock it is given: silent from exactly 30 minutes after the start', async () => {
    const start = fx.locations['Buurthuis De Ster']!;
    const at = (ms: number) =>
      dayView(t.database.db, fx.edition.id, {
        now: new Date(now.getTime() - 10 * 60_000 + ms),
        region: 'NL-UT',
      });
    const state = async (ms: number) =>
      (await at(ms)).venues.find((v) => v.location.id === start.id)!.phase;
    expect(await state(-1)).toBe('NOT_STARTED');
    expect(await state(0)).toBe('STARTED');
    expect(await state(30 * 60_000 - 1)).toBe('STARTED');
    expect(await state(30 * 60_000)).toBe('SILENT');
    // Coverage follows the clock: before any start, nothing has started in the region.
    expect(
      (await dayView(t.database.db, fx.edition.id, { now: minutes(-60), region: 'NL-UT' })).overall,
    ).toMatchObject({ started: 0, share: null });
  });

  it('reads in a fixed number of statements, however many venues', async () => {
    t.counter.reset();
    await dayView(t.database.db, fx.edition.id);
    expect(t.counter.statements).toHaveLength(1);
  });

  it('is for admins and moderators (session or staff key); press, coordinators, anonymous and host links are refused', async () => {
    expect((await view({}, sessionHeaders(sessions['moderator']!))).venues).toHaveLength(5);
    expect((await view({}, { authorization: `Bearer ${key}` })).venues).toHaveLength(5);
    const link = await createHostLink(
      t.database.db,
      { organisationId: null, keyId: null, name: 'test' },
      fx.locations['Heracles Stadion']!.id,
    );
    const refusals: [string, Record<string, string>, number][] = [
      ['press', sessionHeaders(sessions['press']!), 403],
      ['coordinator', sessionHeaders(sessions['coordinator']!), 403],
      ['anonymous', {}, 401],
      ['host link', { authorization: `Bearer ${link.token}` }, 403],
    ];
    for (const [who, headers, status] of refusals) {
      const r = await gql(DAY, { edition: 'nid-test' }, { headers });
      expect(r.data?.['dayView'] ?? null, who).toBeNull();
      expect(r.errors?.[0]?.extensions?.['code'], who).toBe(
        status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      );
    }
  });

  it('refuses thresholds out of range and an unknown edition, naming the argument', async () => {
    const headers = sessionHeaders(sessions['admin']!);
    for (const [variables, argument] of [
      [{ silentAfter: 0 }, 'silentAfter'],
      [{ jumpOver: -1 }, 'jumpOver'],
      [{ edition: 'nope' }, 'edition'],
    ] as const) {
      const r = await gql(DAY, { edition: 'nid-test', ...variables }, { headers });
      expect(r.errors?.[0]?.extensions?.['argumentName']).toBe(argument);
    }
  });
});
