/**
 * Reporting participation: absolute counts and atomic arrivals, who may report where, counts
 * that never leave 0..capacity, the log entry beside every change, and the stats and timeline
 * that follow from it. The concurrency tests fire for real on PostgreSQL (CI's second pass);
 * on PGlite, a single connection, they run a smaller sequential version with the same checks.
 */
import { RecordArrivals } from '@tafel/schema';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations, participationLog } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  createClient,
  memberKey,
  onPostgres,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let utrechtKey: string;
let asitoKey: string;
let readOnlyKey: string;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  staff = await staffKey(t.database);
  utrechtKey = await memberKey(t.database, fx.utrecht.id, ['PARTICIPATION_WRITE']);
  asitoKey = await memberKey(t.database, fx.asito.id);
  readOnlyKey = await memberKey(t.database, fx.utrecht.id, ['LOCATIONS_WRITE']);
});
afterAll(() => t.close());

const REPORT = `mutation($input: ReportParticipationInput!) {
  reportParticipation(input: $input) { location { id participants capacity updatedAt } userErrors { field message code } }
}`;

const idOf = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
const arrive = (key: string, name: string, delta: number) =>
  gql(RecordArrivals.document, { input: { location: idOf(name), delta } }, { key });
const report = (key: string, name: string, participants: number) =>
  gql(REPORT, { input: { location: idOf(name), participants } }, { key });

async function countOf(name: string): Promise<number> {
  const row = await t.database.db.query.locations.findFirst({
    where: { id: fx.locations[name]!.id },
  });
  return row!.participants;
}

async function logOf(name: string) {
  return t.database.db.query.participationLog.findMany({
    where: { locationId: fx.locations[name]!.id },
    orderBy: { id: 'asc' },
  });
}

/** A fresh public venue of Asito with this capacity, for the tests that fill one up. */
async function freshVenue(
  name: string,
  capacity: number | null,
  participants = 0,
): Promise<string> {
  const [row] = await t.database.db
    .insert(locations)
    .values({
      editionId: fx.edition.id,
      organisationId: fx.asito.id,
      name,
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      meal: 'DINNER',
      capacity,
      participants,
    })
    .returning();
  fx.locations[name] = row!;
  return idOf(name);
}

describe('reportParticipation and recordArrivals', () => {
  it('sets an absolute count and logs who changed what, when', async () => {
    const before = new Date();
    const r = await report(utrechtKey, 'Stadhuis Utrecht', 125);
    expect(r.errors).toBeUndefined();
    expect(r.data!['reportParticipation']).toMatchObject({
      location: { id: idOf('Stadhuis Utrecht'), participants: 125, capacity: 150 },
      userErrors: [],
    });
    expect(
      new Date(r.data!['reportParticipation'].location.updatedAt).getTime(),
    ).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await countOf('Stadhuis Utrecht')).toBe(125);
    const [entry] = await logOf('Stadhuis Utrecht');
    expect(entry).toMatchObject({
      oldValue: 120,
      newValue: 125,
      editionId: fx.edition.id,
      organisationId: fx.utrecht.id,
      actor: utrechtKey.slice(0, 14),
    });
    expect(entry!.apiKeyId).toBeTypeOf('number');
  });

  it('adds and removes arrivals', async () => {
    const up = await arrive(utrechtKey, 'Stadhuis Utrecht', 5);
    expect(up.data!['recordArrivals']).toEqual({
      location: { id: idOf('Stadhuis Utrecht'), participants: 130, capacity: 150 },
      userErrors: [],
    });
    const down = await arrive(utrechtKey, 'Stadhuis Utrecht', -10);
    expect(down.data!['recordArrivals'].location.participants).toBe(120);
    expect((await logOf('Stadhuis Utrecht')).map((e) => [e.oldValue, e.newValue])).toEqual([
      [120, 125],
      [125, 130],
      [130, 120],
    ]);
  });

  it('refuses a count below zero or above capacity with a userError, and changes nothing', async () => {
    const entries = (await logOf('Buurthuis De Ster')).length;
    const cases = [
      [
        await arrive(utrechtKey, 'Buurthuis De Ster', -31),
        'recordArrivals',
        'BELOW_ZERO',
        ['input', 'delta'],
      ],
      [
        await arrive(utrechtKey, 'Buurthuis De Ster', 11),
        'recordArrivals',
        'OVER_CAPACITY',
        ['input', 'delta'],
      ],
      [
        await report(utrechtKey, 'Buurthuis De Ster', -1),
        'reportParticipation',
        'BELOW_ZERO',
        ['input', 'participants'],
      ],
      [
        await report(utrechtKey, 'Buurthuis De Ster', 41),
        'reportParticipation',
        'OVER_CAPACITY',
        ['input', 'participants'],
      ],
      [
        await arrive(utrechtKey, 'Buurthuis De Ster', 2_000_000),
        'recordArrivals',
        'OUT_OF_RANGE',
        ['input', 'delta'],
      ],
    ] as const;
    for (const [r, field, code, path] of cases) {
      expect(r.errors).toBeUndefined();
      expect(r.data![field].location).toBeNull();
      expect(r.data![field].userErrors).toEqual([
        { field: path, code, message: expect.any(String) },
      ]);
    }
    expect(cases[1][0].data!['recordArrivals'].userErrors[0].message).toBe(
      'The venue seats 40: 30 now, 41 after this change.',
    );
    expect(await countOf('Buurthuis De Ster')).toBe(30);
    expect(await logOf('Buurthuis De Ster')).toHaveLength(entries);
  });

  it('fills a venue exactly to capacity and empties it exactly to zero', async () => {
    expect(
      (await arrive(utrechtKey, 'Buurthuis De Ster', 10)).data!['recordArrivals'].location
        .participants,
    ).toBe(40);
    expect(
      (await report(utrechtKey, 'Buurthuis De Ster', 0)).data!['reportParticipation'].location
        .participants,
    ).toBe(0);
    expect(
      (await report(utrechtKey, 'Buurthuis De Ster', 30)).data!['reportParticipation'].location
        .participants,
    ).toBe(30);
  });

  it('accepts an unchanged count without a log entry', async () => {
    const entries = (await logOf('Buurthuis De Ster')).length;
    const same = await report(utrechtKey, 'Buurthuis De Ster', 30);
    expect(same.data!['reportParticipation']).toMatchObject({
      location: { participants: 30 },
      userErrors: [],
    });
    const zero = await arrive(utrechtKey, 'Buurthuis De Ster', 0);
    expect(zero.data!['recordArrivals']).toMatchObject({
      location: { participants: 30 },
      userErrors: [],
    });
    expect(await logOf('Buurthuis De Ster')).toHaveLength(entries);
  });

  it('lets an organisation report only at its own venues', async () => {
    const foreign = await arrive(asitoKey, 'Stadhuis Utrecht', 1);
    expect(foreign.data!['recordArrivals']).toEqual({
      location: null,
      userErrors: [
        {
          field: ['input', 'location'],
          code: 'FORBIDDEN',
          message: 'This venue belongs to another organisation.',
        },
      ],
    });
    const draft = await arrive(utrechtKey, 'Concept lunch', 1);
    expect(draft.data!['recordArrivals'].userErrors).toEqual([
      { field: ['input', 'location'], code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    expect(await countOf('Stadhuis Utrecht')).toBe(120);
    expect(await countOf('Concept lunch')).toBe(0);
    // Its own draft is fine.
    expect(
      (await arrive(asitoKey, 'Concept lunch', 2)).data!['recordArrivals'].location.participants,
    ).toBe(2);
  });

  it('answers another organisation’s hidden venue word for word as a missing one', async () => {
    const missing = encodeGlobalId('Location', 999_998);
    const draftCount = await countOf('Concept lunch');
    for (const hidden of ['Concept lunch', 'Geannuleerd diner']) {
      for (const [query, field, input] of [
        [RecordArrivals.document, 'recordArrivals', { delta: 1 }],
        [REPORT, 'reportParticipation', { participants: 1 }],
      ] as const) {
        const gone = await gql(
          query,
          { input: { location: missing, ...input } },
          { key: utrechtKey },
        );
        const other = await gql(
          query,
          { input: { location: idOf(hidden), ...input } },
          { key: utrechtKey },
        );
        expect(other.status).toBe(gone.status);
        expect(other.data).toEqual(gone.data);
        expect((other.data as any)[field].userErrors).toEqual([
          { field: ['input', 'location'], code: 'NOT_FOUND', message: expect.any(String) },
        ]);
      }
    }
    expect(await countOf('Concept lunch')).toBe(draftCount);
  });

  it('lets staff report anywhere', async () => {
    const r = await arrive(staff, 'Moskee Bergen op Zoom', 3);
    expect(r.data!['recordArrivals']).toMatchObject({
      location: { participants: 243 },
      userErrors: [],
    });
    const [entry] = await logOf('Moskee Bergen op Zoom');
    expect(entry).toMatchObject({
      oldValue: 240,
      newValue: 243,
      organisationId: fx.moskee.id,
      actor: staff.slice(0, 14),
    });
  });

  it('refuses a cancelled venue', async () => {
    const r = await arrive(asitoKey, 'Geannuleerd diner', 1);
    expect(r.data!['recordArrivals'].userErrors).toEqual([
      { field: ['input', 'location'], code: 'CANCELLED', message: expect.any(String) },
    ]);
    expect(await countOf('Geannuleerd diner')).toBe(0);
  });

  it('needs a key with PARTICIPATION_WRITE', async () => {
    const anonymous = await gql(RecordArrivals.document, {
      input: { location: idOf('Stadhuis Utrecht'), delta: 1 },
    });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const readOnly = await arrive(readOnlyKey, 'Stadhuis Utrecht', 1);
    expect(readOnly.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(readOnly.data?.['recordArrivals'] ?? null).toBeNull();
    expect(await countOf('Stadhuis Utrecht')).toBe(120);
  });

  it('names a bad venue ID', async () => {
    const malformed = await gql(
      RecordArrivals.document,
      { input: { location: 'nope', delta: 1 } },
      { key: staff },
    );
    expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const notAVenue = await gql(
      RecordArrivals.document,
      { input: { location: encodeGlobalId('Organisation', fx.asito.id), delta: 1 } },
      { key: staff },
    );
    expect(notAVenue.data!['recordArrivals'].userErrors[0]).toMatchObject({
      field: ['input', 'location'],
      code: 'NOT_FOUND',
    });
    const missing = await gql(
      RecordArrivals.document,
      { input: { location: encodeGlobalId('Location', 999_999), delta: 1 } },
      { key: staff },
    );
    expect(missing.data!['recordArrivals'].userErrors[0]).toMatchObject({
      field: ['input', 'location'],
      code: 'NOT_FOUND',
    });
  });
});

describe('stats after reporting', () => {
  it('keeps totals and buckets exact and builds the timeline from the log', async () => {
    await report(utrechtKey, 'Stadhuis Utrecht', 100);
    await arrive(asitoKey, 'Heracles Stadion', 20);
    await arrive(asitoKey, 'Ontbijt AZC Almelo', -10);
    const r = await gql(`{ stats(edition: "nid-test") {
      participants capacity updatedAt byRegion { key participants } byMeal { key participants } byOrganisation { key participants }
      timeline(interval: 60) { at participants }
    } }`);
    expect(r.errors).toBeUndefined();
    const s = r.data!['stats'];
    const [truth] = rowsOf<{ participants: string }>(
      await t.database.db.execute(
        sql`SELECT sum(participants) AS participants FROM locations WHERE edition_id = ${fx.edition.id} AND status = 'PUBLISHED' AND NOT awaiting_approval`,
      ),
    );
    expect(s.participants).toBe(Number(truth!.participants));
    expect(s.participants).toBe(100 + 30 + 243 + 600 + 0);
    expect(s.byRegion).toEqual([
      { key: 'NL-OV', participants: 600 },
      { key: 'NL-NB', participants: 243 },
      { key: 'NL-UT', participants: 130 },
    ]);
    expect(
      s.byOrganisation.map((b: any) => b.participants).reduce((a: number, b: number) => a + b, 0),
    ).toBe(s.participants);
    // Every public change is in the log, so the timeline ends at the change of the day so far.
    const [logged] = rowsOf<{ delta: string }>(
      await t.database.db.execute(
        sql`SELECT coalesce(sum(pl.new_value - pl.old_value), 0) AS delta FROM participation_log pl JOIN locations l ON l.id = pl.location_id WHERE l.edition_id = ${fx.edition.id} AND l.status = 'PUBLISHED'`,
      ),
    );
    expect(s.timeline.at(-1).participants).toBe(Number(logged!.delta));
    expect(new Date(s.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('concurrent arrivals', () => {
  // PostgreSQL: all at once over the pool; PGlite (one connection) proves nothing about races, so
  // it runs a smaller sequential version with the same exactness checks.
  const arrivals = onPostgres ? 1000 : 100;

  async function fire(id: string, n: number) {
    const send = () =>
      gql(RecordArrivals.document, { input: { location: id, delta: 1 } }, { key: asitoKey });
    if (onPostgres) return Promise.all(Array.from({ length: n }, send));
    const results = [];
    for (let i = 0; i < n; i++) results.push(await send());
    return results;
  }

  it(`counts ${arrivals} ${onPostgres ? 'concurrent' : 'sequential'} arrivals exactly, each with its log entry`, async () => {
    const id = await freshVenue('Druk plein', null, 7);
    const results = await fire(id, arrivals);
    expect(results.filter((r) => r.errors || r.data!['recordArrivals'].userErrors.length)).toEqual(
      [],
    );
    expect(await countOf('Druk plein')).toBe(7 + arrivals);
    const log = await logOf('Druk plein');
    expect(log).toHaveLength(arrivals);
    // Each entry takes the count one further: no two writers saw the same "before".
    expect(log.map((e) => e.oldValue).sort((a, b) => a - b)).toEqual(
      Array.from({ length: arrivals }, (_, i) => 7 + i),
    );
    expect(log.every((e) => e.newValue === e.oldValue + 1)).toBe(true);
    // Every response told the count its own write left, each a different one.
    expect(new Set(results.map((r) => r.data!['recordArrivals'].location.participants)).size).toBe(
      arrivals,
    );
    if (onPostgres) {
      const [{ n }] = rowsOf<{ n: string }>(
        await t.database.db.execute(
          sql`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()`,
        ),
      ) as [{ n: string }];
      expect(
        Number(n),
        'the burst ran over at least 10 database connections',
      ).toBeGreaterThanOrEqual(10);
    }
  });

  it('stops exactly at capacity and refuses exactly the excess', async () => {
    const capacity = onPostgres ? 500 : 60;
    const excess = onPostgres ? 300 : 15;
    const id = await freshVenue('Bijna vol', capacity, 0);
    const results = await fire(id, capacity + excess);
    const refused = results.filter((r) => r.data!['recordArrivals'].userErrors.length > 0);
    expect(refused).toHaveLength(excess);
    expect(
      refused.every((r) => r.data!['recordArrivals'].userErrors[0].code === 'OVER_CAPACITY'),
    ).toBe(true);
    expect(await countOf('Bijna vol')).toBe(capacity);
    const [logged] = await t.database.db
      .select({ n: count() })
      .from(participationLog)
      .where(eq(participationLog.locationId, fx.locations['Bijna vol']!.id));
    expect(logged!.n).toBe(capacity);
  });
});
