/**
 * Federations (#19): the demo's, as the seed texts write them; Wir zusammen's growth "aus 36 …
 * rund 170 Mitglieder" answered from joined dates; an edition names its federation; a member who
 * left no longer counts; bad ranges refused clearly.
 */
import { sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoEditions } from '../src/demo/ensure.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { createClient, memberKey, openTestDatabase, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];

beforeAll(async () => {
  t = await openTestDatabase();
  await loadDemoEditions(t.database.db, () => {});
  gql = createClient(t.database).gql;
});
afterAll(() => t.close());

const GROWTH = `query ($slug: String!, $from: Date!, $to: Date!, $every: MembershipStep) {
  federation(slug: $slug) {
    name country
    membership(from: $from, to: $to, every: $every) { on members joined left }
  }
}`;

describe('federations', () => {
  it('answers Wir zusammen’s growth from 36 to about 170 in a year, from joined dates', async () => {
    const r = await gql(GROWTH, { slug: 'wir-zusammen', from: '2016-02-01', to: '2017-02-01' });
    expect(r.errors).toBeUndefined();
    const f = r.data!['federation'];
    expect(f).toMatchObject({ name: 'Wir zusammen', country: 'DE' });
    const points = f.membership as { on: string; members: number; joined: number; left: number }[];
    // Monthly, from the first day to the same day a year later: 13 points.
    expect(points.map((p) => p.on)).toEqual(
      Array.from({ length: 13 }, (_, i) => {
        const d = new Date(Date.UTC(2016, 1 + i, 1));
        return d.toISOString().slice(0, 10);
      }),
    );
    expect(points[0]).toEqual({ on: '2016-02-01', members: 36, joined: 36, left: 0 });
    expect(points.at(-1)!.members).toBe(170);
    // It only grows, and each step's joined are the difference.
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.members).toBeGreaterThanOrEqual(points[i - 1]!.members);
      expect(points[i]!.members - points[i - 1]!.members).toBe(points[i]!.joined);
    }
    // Before the start: nobody; a single day.
    const day = await gql(
      `{ federation(slug: "wir-zusammen") { before: members(on: "2016-01-31") start: members(on: "2016-02-01") } }`,
    );
    expect(day.data!['federation']).toEqual({ before: 0, start: 36 });
  });

  it('holds Wir zusammen’s Frankfurt Netzwerktreffen: over 100 people, totals only, with the source', async () => {
    const r = await gql(`{ federation(slug: "wir-zusammen") { series { slug editions {
      slug date country federation { slug }
      history { participants atLeast source }
    } } } }`);
    expect(r.errors).toBeUndefined();
    const [s] = r.data!['federation'].series;
    expect(s.slug).toBe('wir-zusammen-netzwerktreffen');
    expect(s.editions).toEqual([
      {
        slug: 'wir-zusammen-netzwerktreffen-2017',
        date: '2017-01-15',
        country: 'DE',
        federation: { slug: 'wir-zusammen' },
        history: {
          participants: 100,
          atLeast: true,
          source: expect.stringMatching(/Über 100 Teilnehmer/),
        },
      },
    ]);
  });

  it('counts Sammen om integration’s 88 companies on the day of the release', async () => {
    const r = await gql(
      `{ federation(slug: "sammen-om-integration") { country members(on: "2016-06-11") } }`,
    );
    expect(r.data!['federation']).toEqual({ country: 'DK', members: 88 });
  });

  it('gives Wir zusammen its own target group, the mentors of its Patenschaften', async () => {
    const r = await gql(`{
      federation(slug: "wir-zusammen") { targetGroups { code de: label(lang: DE) en: label(lang: EN) builtIn } }
      edition(slug: "wir-zusammen-netzwerktreffen-2017") { targetGroups { code } }
    }`);
    expect(r.data!['federation'].targetGroups).toEqual([
      { code: 'MENTORS', de: 'Paten und Patinnen', en: 'Mentors', builtIn: false },
    ]);
    expect(r.data!['edition'].targetGroups.at(-1)).toEqual({ code: 'MENTORS' });
  });

  it('names the federation of an edition (through its series), and lists every federation', async () => {
    const r = await gql(`{
      altinget: edition(slug: "altinget-integration-2021") { federation { slug name series { slug } } }
      nid: edition(slug: "nid-2027") { federation { slug } }
      diner: edition(slug: "het-diner-2019") { federation { slug } }
      federations { slug }
      series(slug: "altinget-integration") { federation { slug } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!['altinget'].federation).toEqual({
      slug: 'altinget',
      name: 'Altingets integrationspolitiske netværk',
      series: [{ slug: 'altinget-integration' }],
    });
    // The Nationaal Integratiediner is the instance's own, as before; Lab XL's dinner too.
    expect(r.data!['nid'].federation).toBeNull();
    expect(r.data!['diner'].federation).toBeNull();
    expect(r.data!['federations'].map((f: { slug: string }) => f.slug)).toEqual([
      'altinget',
      'sammen-om-integration',
      'wir-zusammen',
    ]);
    expect(r.data!['series'].federation).toEqual({ slug: 'altinget' });
    expect((await gql(`{ federation(slug: "nope") { slug } }`)).data!['federation']).toBeNull();
  });

  it('a member that left counts until the day before it left, and as left in that step', async () => {
    await t.database.db.execute(sql`
      UPDATE federation_members SET left_on = '2016-06-15'
      WHERE organisation_id = (SELECT id FROM organisations WHERE slug = 'wz-mitglied-001')`);
    const r = await gql(GROWTH, {
      slug: 'wir-zusammen',
      from: '2016-06-14',
      to: '2016-06-15',
      every: 'DAY',
    });
    const [before, after] = r.data!['federation'].membership;
    expect(after.members).toBe(before.members - 1 + after.joined);
    expect(after.left).toBe(1);
    await t.database.db.execute(sql`
      UPDATE federation_members SET left_on = NULL
      WHERE organisation_id = (SELECT id FROM organisations WHERE slug = 'wz-mitglied-001')`);
  });

  it('refuses a range it cannot answer, clearly', async () => {
    const ask = async (from: string, to: string, every = 'MONTH') =>
      (await gql(GROWTH, { slug: 'wir-zusammen', from, to, every })).errors?.[0]?.message;
    expect(await ask('2017-02-01', '2016-02-01')).toMatch(/before `from`/);
    expect(await ask('2016-02-30', '2017-02-01')).toMatch(/not a day/);
    expect(await ask('2000-01-01', '2016-02-01', 'DAY')).toMatch(/At most 400 points/);
    expect(await ask('2000-01-01', '2016-02-01', 'YEAR')).toBeUndefined();
  });

  it('holds Altinget’s 2021 programme as its page writes it: the døgnmøde not yet confirmed, two speakers in one slot', async () => {
    const r = await gql(`{
      edition(slug: "altinget-integration-2021") { date endDate country federation { slug } }
      locations(edition: "altinget-integration-2021", first: 10) { nodes {
        name schedule startsAt endsAt
        programme { chair { name role } sessions { title tentative speakers { name role organisation } } }
      } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!['edition']).toEqual({
      date: '2021-08-12',
      endDate: '2021-12-06',
      country: 'DK',
      federation: { slug: 'altinget' },
    });
    const meetings = r.data!['locations'].nodes as any[];
    const doegn = meetings.find((m) => m.name === 'Det årlige døgnmøde');
    expect(doegn.schedule).toBe('TENTATIVE');
    // Over the night: it ends on the next day.
    expect(doegn.endsAt.slice(0, 10)).toBe('2021-08-13');
    expect(doegn.programme.chair).toEqual({
      name: 'Abdel Aziz Mahmoud',
      role: 'journalist og tv-vært',
    });
    expect(doegn.programme.sessions.map((s: any) => s.tentative)).toEqual([true, true, true]);
    const press = meetings.find(
      (m) => m.name === 'Pressens rolle og ansvar på integrationsområdet',
    );
    expect(press.programme.sessions[0].speakers).toEqual([
      { name: 'Aydin Soei', role: 'sociolog og forfatter', organisation: null },
      { name: 'Jakob Nielsen', role: 'ansvarshavende chefredaktør', organisation: 'Altinget' },
    ]);
    // In iCalendar: one event per session, the døgnmøde's marked tentative.
    const app = createApp({ database: t.database });
    const response = await app.fetch(
      'http://tafel.test/editions/altinget-integration-2021/locations.ics',
    );
    const events = Object.values(ical.sync.parseICS(await response.text())).filter(
      (e): e is VEvent => e?.type === 'VEVENT',
    );
    expect(events).toHaveLength(3 + 1 + 1 + 1);
    const brygger = events.find((e) => String(e.summary).startsWith('Fra chefkonsulent'))!;
    expect(brygger.status).toBe('TENTATIVE');
    expect(String(brygger.description)).toContain('Rasmus Brygger');
  });

  it('counts Sammen om integration’s placements beside the people: in stats, per organisation', async () => {
    const r = await gql(`{
      edition(slug: "sammen-om-integration-2016") { measures { key label(lang: DA) } }
      stats(edition: "sammen-om-integration-2016") {
        measures { key label(lang: EN) total organisations byOrganisation { organisation value } }
      }
      one: stats(edition: "sammen-om-integration-2016", filter: { organisation: "soi-virksomhed-01" }) {
        measures { total organisations }
      }
      region: stats(edition: "sammen-om-integration-2016", filter: { region: "DK-84" }) { measures { total } }
      nid: edition(slug: "nid-2027") { measures { key } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!['edition'].measures).toEqual([
      { key: 'PLACEMENTS', label: 'Virksomhedspladser' },
    ]);
    const [placements] = r.data!['stats'].measures;
    // "knap 1000 virksomhedspladser" from the 88 companies.
    expect(placements).toMatchObject({
      key: 'PLACEMENTS',
      label: 'Company placements',
      total: 990,
      organisations: 88,
    });
    const first = placements.byOrganisation.find(
      (b: any) => b.organisation === 'soi-virksomhed-01',
    );
    expect(r.data!['one'].measures).toEqual([{ total: first.value, organisations: 1 }]);
    // Counts of organisations are not narrowed by a region: said so (null), not guessed.
    expect(r.data!['region'].measures).toBeNull();
    expect(r.data!['nid'].measures).toEqual([]);
    // And in the open data: the total, then each company.
    const app = createApp({ database: t.database });
    const csv = await (
      await app.fetch('http://tafel.test/editions/sammen-om-integration-2016/measures.csv')
    ).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('edition,measure,label,organisation,name,value,licence');
    expect(lines[1]).toMatch(
      /^sammen-om-integration-2016,PLACEMENTS,Company placements,,total,990,/,
    );
    expect(lines).toHaveLength(1 + 1 + 88);
  });

  it('an organisation reports its own count; a measure not defined, another’s or a bad number is refused, nothing changed', async () => {
    const SET = `mutation ($input: SetOrganisationCountInput!) { setOrganisationCount(input: $input) {
      count { organisation measure value } userErrors { field code message } } }`;
    const [company] = rowsOf<{ id: number }>(
      await t.database.db.execute(
        sql`SELECT id FROM organisations WHERE slug = 'soi-virksomhed-02'`,
      ),
    );
    const key = await memberKey(t.database, company!.id);
    const staff = await staffKey(t.database);
    const counts = async () =>
      rowsOf(
        await t.database.db.execute(
          sql`SELECT organisation_id, measure, value FROM organisation_counts ORDER BY 1, 2`,
        ),
      );
    const input = {
      edition: 'sammen-om-integration-2016',
      organisation: 'soi-virksomhed-02',
      measure: 'PLACEMENTS',
      value: 25,
    };
    const before = await counts();
    for (const [change, code, field] of [
      [{ measure: 'GUESTS' }, 'MEASURE_NOT_DEFINED', 'measure'],
      [{ organisation: 'soi-virksomhed-03' }, 'NOT_FOUND', 'organisation'],
      [{ value: -1 }, 'OUT_OF_RANGE', 'value'],
      [{ value: 1_000_001 }, 'OUT_OF_RANGE', 'value'],
      // An edition of no federation counts people only.
      [{ edition: 'het-diner-2019' }, 'MEASURE_NOT_DEFINED', 'measure'],
      [{ edition: 'nope' }, 'NOT_FOUND', 'edition'],
    ] as const) {
      const refused = await gql(SET, { input: { ...input, ...change } }, { key });
      expect(refused.data!['setOrganisationCount'].userErrors, code).toEqual([
        expect.objectContaining({ code, field: ['input', field] }),
      ]);
    }
    expect((await gql(SET, { input })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Another federation's edition (the company is no member of it): as if there were none.
    const crossing = await gql(
      SET,
      { input: { ...input, edition: 'altinget-integration-2021' } },
      { key },
    );
    expect(crossing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const mine = await gql(SET, { input }, { key });
    expect(mine.data!['setOrganisationCount']).toEqual({
      count: { organisation: 'soi-virksomhed-02', measure: 'PLACEMENTS', value: 25 },
      userErrors: [],
    });
    // Staff may report any organisation's.
    const byStaff = await gql(
      SET,
      { input: { ...input, organisation: 'soi-virksomhed-03', value: 7 } },
      { key: staff },
    );
    expect(byStaff.data!['setOrganisationCount'].userErrors).toEqual([]);
    const after = await gql(
      `{ stats(edition: "sammen-om-integration-2016", filter: { organisation: "soi-virksomhed-02" }) { measures { total } } }`,
    );
    expect(after.data!['stats'].measures).toEqual([{ total: 25 }]);
    const audit = rowsOf<{ details: unknown }>(
      await t.database.db.execute(
        sql`SELECT details FROM audit_events WHERE action = 'SET_COUNT' ORDER BY id`,
      ),
    );
    expect(audit.map((a) => a.details)).toEqual([
      { measure: 'PLACEMENTS', value: 25 },
      { measure: 'PLACEMENTS', value: 7 },
    ]);
  });

  it('adds up what came of a federation’s meetings, over its editions', async () => {
    const ask = async () =>
      (
        await gql(
          `{ federation(slug: "altinget") { outcomes { reports followUps introductions } } }`,
        )
      ).data!['federation'].outcomes;
    expect(await ask()).toEqual({ reports: 0, followUps: 0, introductions: 0 });
    await t.database.db.execute(sql`
      INSERT INTO closing_reports (location_id, follow_ups, introductions, filed_by)
      SELECT id, 3, 2, 'test' FROM locations WHERE external_id = 'netvaerksmoede-2021-09'`);
    expect(await ask()).toEqual({ reports: 1, followUps: 3, introductions: 2 });
    await t.database.db.execute(sql`DELETE FROM closing_reports WHERE filed_by = 'test'`);
  });

  it('loads once: loading the demo again adds no member twice', async () => {
    const count = async () =>
      rowsOf<{ n: number }>(
        await t.database.db.execute(sql`SELECT count(*)::int AS n FROM federation_members`),
      )[0]!.n;
    const before = await count();
    expect(before).toBe(170 + 88);
    const placements = async () =>
      rowsOf<{ n: number }>(
        await t.database.db.execute(sql`SELECT count(*)::int AS n FROM organisation_counts`),
      )[0]!.n;
    const counted = await placements();
    await loadDemoEditions(t.database.db, () => {});
    expect(await count()).toBe(before);
    expect(await placements()).toBe(counted);
  });
});
