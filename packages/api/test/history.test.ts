/**
 * Series and history: the demo's series `nid` with the seed texts' totals-only editions (their
 * source beside them), last year's full edition and the live one; staff admins start a series and
 * set an edition's series and totals, audited, and a refusal changes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoEditions } from '../src/demo/ensure.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createClient, memberKey, openTestDatabase, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let staff: string;
let member: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadDemoEditions(t.database.db, () => {});
  gql = createClient(t.database).gql;
  staff = await staffKey(t.database);
  const [asito] = rowsOf<{ id: number }>(
    await t.database.db.execute(sql`SELECT id FROM organisations WHERE slug = 'asito'`),
  );
  member = await memberKey(t.database, asito!.id);
});
afterAll(() => t.close());

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of ['series', 'editions', 'audit_events'])
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  return JSON.parse(JSON.stringify(out));
}

const SERIES = `query($slug: String!) { series(slug: $slug) { slug name editions {
  slug date status history { participants locations organisations atLeast source }
} } }`;

describe('the demo’s series', () => {
  it('holds the seed texts’ totals with their source, last year’s day and the live one', async () => {
    const r = await gql(SERIES, { slug: 'nid' });
    expect(r.errors).toBeUndefined();
    const s = r.data!['series'];
    expect(s.name).toBe('Nationaal Integratiediner');
    expect(s.editions.map((e: any) => e.slug)).toEqual([
      'nid-2010',
      'nid-2016',
      'nid-2026',
      'nid-2027',
    ]);
    const [first, release, past, live] = s.editions;
    expect(first.history).toMatchObject({
      participants: 650,
      locations: 80,
      organisations: null,
      atLeast: false,
    });
    expect(first.history.source).toMatch(/650 eigen medewerkers mee op 80 locaties/);
    expect(release.history).toMatchObject({
      participants: 20_000,
      locations: 300,
      organisations: 90,
      atLeast: true,
    });
    expect(release.history.source).toMatch(/Persbericht/);
    expect(past).toMatchObject({ date: '2026-10-15', status: 'CLOSED', history: null });
    expect(live).toMatchObject({ date: '2027-10-14', history: null });
    const edition = await gql(`{ edition(slug: "nid-2027") { series { slug } } }`);
    expect(edition.data!['edition'].series).toEqual({ slug: 'nid' });
    expect((await gql(SERIES, { slug: 'nope' })).data!['series']).toBeNull();
  });

  it('holds the 2019 employers’ dinner in ’s-Hertogenbosch as the seed writes it, in its own series', async () => {
    const r = await gql(SERIES, { slug: 'het-diner' });
    expect(r.data!['series'].editions).toEqual([
      { slug: 'het-diner-2019', date: '2019-10-28', status: 'CLOSED', history: null },
    ]);
    const venues = await gql(`{ locations(edition: "het-diner-2019", first: 5) { nodes {
      name address { city region } meal organisation { slug } seatsByRole { role seats }
      interpreters support
      mixing { role mixed }
    } } }`);
    expect(venues.errors).toBeUndefined();
    expect(venues.data!['locations'].nodes).toEqual([
      {
        name: 'Het diner',
        address: { city: "'s-Hertogenbosch", region: 'NL-NB' },
        meal: 'DINNER',
        organisation: { slug: 'lab-xl' },
        interpreters: 4,
        support: ['Werkgeversservicepunt'],
        // In the vocabulary's order.
        seatsByRole: [
          { role: 'STATUS_HOLDERS', seats: 25 },
          { role: 'EMPLOYERS', seats: 25 },
        ],
        mixing: [
          { role: 'STATUS_HOLDERS', mixed: 25 },
          { role: 'EMPLOYERS', mixed: 25 },
        ],
      },
    ]);
    const stats = await gql(`{ stats(edition: "het-diner-2019") { participants locations
      mixing { total { mixedVenues suppressedVenues roles { role mixed } } } } }`);
    expect(stats.data!['stats']).toMatchObject({ participants: 50, locations: 1 });
    // What came of it: the follow-up conversations and the tailor's introduction.
    const outcomes = await gql(`{ stats(edition: "het-diner-2019") { outcomes {
      reports followUps introductions } } series(slug: "het-diner") { outcomes { introductions } } }`);
    expect(outcomes.errors).toBeUndefined();
    expect(outcomes.data!['stats'].outcomes).toEqual({
      reports: 1,
      followUps: 2,
      introductions: 1,
    });
    expect(outcomes.data!['series'].outcomes).toEqual({ introductions: 1 });
    expect(stats.data!['stats'].mixing.total).toMatchObject({
      mixedVenues: 1,
      suppressedVenues: 0,
    });
  });

  it('loads once: loading again adds nothing', async () => {
    const before = await snapshot();
    await loadDemoEditions(t.database.db, () => {});
    expect(await snapshot()).toEqual(before);
  });
});

const CREATE = `mutation($input: CreateSeriesInput!) { createSeries(input: $input) { series { slug name editions { slug } } userErrors { field code message } } }`;
const SET = `mutation($input: SetEditionHistoryInput!) { setEditionHistory(input: $input) { edition { slug series { slug } history { participants locations organisations atLeast source } } userErrors { field code message } } }`;

describe('staff admins', () => {
  it('start a series, audited', async () => {
    const r = await gql(
      CREATE,
      { input: { slug: 'wir-zusammen', name: 'Wir zusammen' } },
      { key: staff },
    );
    expect(r.data!['createSeries']).toEqual({
      series: { slug: 'wir-zusammen', name: 'Wir zusammen', editions: [] },
      userErrors: [],
    });
    const [audit] = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_events WHERE action = 'CREATE_SERIES'`,
      ),
    );
    expect(audit).toBeDefined();
  });

  it('put an edition in a series and record its totals with their source, audited', async () => {
    await t.database.db.execute(
      sql`INSERT INTO editions (slug, name, date, status) VALUES ('wz-2019', 'Netzwerktreffen 2019', '2019-05-09', 'CLOSED')`,
    );
    const r = await gql(
      SET,
      {
        input: {
          edition: 'wz-2019',
          series: 'wir-zusammen',
          totals: { organisations: 36, atLeast: false, source: 'Jahresbericht 2019' },
        },
      },
      { key: staff },
    );
    expect(r.data!['setEditionHistory']).toEqual({
      edition: {
        slug: 'wz-2019',
        series: { slug: 'wir-zusammen' },
        history: {
          participants: null,
          locations: null,
          organisations: 36,
          atLeast: false,
          source: 'Jahresbericht 2019',
        },
      },
      userErrors: [],
    });
    const [audit] = rowsOf<{ details: Record<string, unknown> }>(
      await t.database.db.execute(
        sql`SELECT details FROM audit_events WHERE action = 'SET_EDITION_HISTORY'`,
      ),
    );
    expect(audit!.details).toMatchObject({ totalOrganisations: { from: null, to: 36 } });
  });

  it('are refused clearly on bad input, and nothing changes', async () => {
    const before = await snapshot();
    const refusals: [string, Record<string, unknown>, string[], string][] = [
      [CREATE, { slug: 'nid', name: 'Again' }, ['input', 'slug'], 'TAKEN'],
      [CREATE, { slug: 'Not A Slug', name: 'X' }, ['input', 'slug'], 'INVALID'],
      [SET, { edition: 'nope', series: 'nid' }, ['input', 'edition'], 'NOT_FOUND'],
      [SET, { edition: 'nid-2027', series: 'nope' }, ['input', 'series'], 'NOT_FOUND'],
      [
        SET,
        { edition: 'nid-2010', totals: { participants: -5, source: 'x' } },
        ['input', 'totals', 'participants'],
        'OUT_OF_RANGE',
      ],
      [
        SET,
        { edition: 'nid-2010', totals: { participants: 700 } },
        ['input', 'totals', 'source'],
        'REQUIRED',
      ],
    ];
    for (const [query, input, field, code] of refusals) {
      const r = await gql(query, { input }, { key: staff });
      const payload = Object.values(r.data!)[0] as any;
      expect(payload.userErrors, JSON.stringify(input)).toEqual([
        expect.objectContaining({ field, code }),
      ]);
    }
    // Not staff: a member's key is refused before anything runs.
    const forbidden = await gql(
      SET,
      { input: { edition: 'nid-2027', series: null } },
      { key: member },
    );
    expect(forbidden.errors?.[0]?.message).toMatch(/staff/);
    expect(await snapshot()).toEqual(before);
  });
});
