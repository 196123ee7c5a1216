/**
 * Expected and present are two numbers: a venue's expected people (registrations before the day)
 * are set with its other fields (create, update, bulk, CSV), its present count is reported on the
 * day; stats carry both, in every breakdown, and the open data has both columns.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseVenueCsv } from '../src/locations/csv.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { CREATE, createClient, UPDATE, UPSERT, usePublishFixture, venue } from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot, id } = publish;

const EXPECTED = `query($id: ID!) { node(id: $id) { ... on Location { expected participants } } }`;

describe('a venue’s expected people', () => {
  it('are set on create and update, apart from the people present', async () => {
    const created = await publish.gql(
      CREATE,
      { input: venue({ expected: 35 }) },
      { key: keys['utrecht'] },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    const newId = created.data!['createLocation'].location.id;
    expect((await publish.gql(EXPECTED, { id: newId })).data!['node']).toEqual({
      expected: 35,
      participants: 0,
    });
    const updated = await publish.gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), expected: 640 } },
      { key: keys['asito'] },
    );
    expect(updated.data!['updateLocation'].userErrors).toEqual([]);
    // Present stays as reported; the expectation may exceed the seats (a waiting list).
    expect((await publish.gql(EXPECTED, { id: id('Heracles Stadion') })).data!['node']).toEqual({
      expected: 640,
      participants: 580,
    });
  });

  it('refuses a negative or too large number and changes nothing', async () => {
    const before = await snapshot();
    for (const expected of [-1, 100_001]) {
      const r = await publish.gql(
        UPDATE,
        { input: { id: id('Heracles Stadion'), expected } },
        { key: keys['asito'] },
      );
      expect(r.data!['updateLocation'].userErrors).toEqual([
        expect.objectContaining({ field: ['expected'], code: 'OUT_OF_RANGE' }),
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('come with a bulk list and a CSV line, and a list without them keeps them', async () => {
    const row = (expected?: number) => ({
      externalId: 'exp-1',
      name: 'Verwachte tafel',
      coordinates: { lat: 52.09, lng: 5.12 },
      meal: 'LUNCH',
      address: { city: 'Utrecht', region: 'NL-UT' },
      capacity: 80,
      ...(expected === undefined ? {} : { expected }),
    });
    const first = await publish.gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [row(70)] } },
      { key: keys['utrecht'] },
    );
    expect(first.data!['upsertLocations']).toMatchObject({ created: 1, userErrors: [] });
    const again = await publish.gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [row()] } },
      { key: keys['utrecht'] },
    );
    expect(again.data!['upsertLocations']).toMatchObject({ unchanged: 1, userErrors: [] });
    const [stored] = rowsOf<{ expected: number }>(
      await publish.t.database.db.execute(
        sql`SELECT expected FROM locations WHERE external_id = 'exp-1'`,
      ),
    );
    expect(stored!.expected).toBe(70);

    const csv = await parseVenueCsv(
      'external_id,name,lat,lng,meal,participants,expected\nc-1,Tafel,52.1,5.1,LUNCH,,45\n',
      { date: '2027-10-14', timeZone: 'Europe/Amsterdam' },
    );
    expect(csv.problems).toEqual([]);
    expect(csv.rows[0]).toMatchObject({ expected: 45, participants: null });
  });
});

describe('stats', () => {
  it('carry expected beside present in the totals and every breakdown', async () => {
    const { db } = publish.t.database;
    // Known, distinct expectations on the public venues.
    await db.execute(
      sql`UPDATE locations SET expected = participants + 7 * id WHERE edition_id = ${publish.fx.edition.id}`,
    );
    const venues = rowsOf<{
      region: string;
      city: string;
      meal: string;
      slug: string;
      kind: string;
      groups: string[];
      participants: number;
      expected: number;
    }>(
      await db.execute(sql`
        SELECT l.region, l.city, l.meal::text AS meal, o.slug, o.kind::text AS kind,
               l.target_groups::text[] AS groups, l.participants, l.expected
        FROM locations l JOIN organisations o ON o.id = l.organisation_id
        WHERE l.edition_id = ${publish.fx.edition.id} AND l.status = 'PUBLISHED'
          AND NOT l.awaiting_approval AND NOT l.organisation_suspended`),
    );
    const r = await publish.gql(`{ stats(edition: "nid-test") {
      participants expected
      byRegion { key participants expected } byCity { key participants expected }
      byMeal { key participants expected } byTargetGroup { key participants expected }
      byOrganisation { key participants expected } byOrganisationKind { key participants expected }
    } }`);
    expect(r.errors).toBeUndefined();
    const s = r.data!['stats'];
    const sum = (list: typeof venues, k: 'participants' | 'expected') =>
      list.reduce((a, v) => a + Number(v[k]), 0);
    expect(s.participants).toBe(sum(venues, 'participants'));
    expect(s.expected).toBe(sum(venues, 'expected'));
    expect(s.expected).not.toBe(s.participants);
    const check = (buckets: any[], keyOf: (v: (typeof venues)[number]) => string[]) => {
      const keys = new Set(venues.flatMap(keyOf));
      expect(buckets.map((b) => b.key).sort()).toEqual([...keys].sort());
      for (const b of buckets) {
        const inIt = venues.filter((v) => keyOf(v).includes(b.key));
        expect(b, b.key).toEqual({
          key: b.key,
          participants: sum(inIt, 'participants'),
          expected: sum(inIt, 'expected'),
        });
      }
    };
    check(s.byRegion, (v) => [v.region]);
    check(s.byCity, (v) => [v.city]);
    check(s.byMeal, (v) => [v.meal]);
    check(s.byTargetGroup, (v) => v.groups);
    check(s.byOrganisation, (v) => [v.slug]);
    check(s.byOrganisationKind, (v) => [v.kind]);
  });

  it('and the open data has both columns', async () => {
    const { app } = createClient(publish.t.database);
    const response = await app.fetch('http://tafel.test/editions/nid-test/locations.csv');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const heracles = rows.find((row) => row['name'] === 'Heracles Stadion');
    const id = publish.fx.locations['Heracles Stadion']!.id;
    expect(heracles).toMatchObject({ participants: '580', expected: String(580 + 7 * id) });
  });
});
