/**
 * Idempotency keys on recordArrivals and reportParticipation: a resend with the same key counts
 * once and is answered as the first send was; the same key with another change is a conflict;
 * a refused change leaves no key; keys expire after two days. The concurrent sends race for real
 * on PostgreSQL (CI's second pass); on PGlite, one connection, they queue.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createClient, memberKey, openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;
let asito: string;
let utrecht: string;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  asito = await memberKey(t.database, fx.asito.id, ['PARTICIPATION_WRITE']);
  utrecht = await memberKey(t.database, fx.utrecht.id, ['PARTICIPATION_WRITE']);
});
afterAll(() => t.close());

const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { id participants updatedAt } userErrors { field message code } } }`;
const REPORT = `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { location { id participants updatedAt } userErrors { field message code } } }`;

let venues = 0;
/** A fresh public venue of Asito. */
async function freshVenue(
  capacity: number | null = 1000,
  participants = 0,
): Promise<{ id: string; row: number }> {
  const [row] = await t.database.db
    .insert(locations)
    .values({
      editionId: fx.edition.id,
      organisationId: fx.asito.id,
      name: `Tafel ${++venues}`,
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      meal: 'DINNER',
      capacity,
      participants,
    })
    .returning();
  return { id: encodeGlobalId('Location', row!.id), row: row!.id };
}

async function state(row: number) {
  const [venue] = rowsOf<{ participants: number }>(
    await t.database.db.execute(sql`SELECT participants FROM locations WHERE id = ${row}`),
  );
  const [log] = rowsOf<{ n: string | number }>(
    await t.database.db.execute(
      sql`SELECT count(*) AS n FROM participation_log WHERE location_id = ${row}`,
    ),
  );
  const [keys] = rowsOf<{ n: string | number }>(
    await t.database.db.execute(
      sql`SELECT count(*) AS n FROM participation_requests WHERE location_id = ${row}`,
    ),
  );
  return { participants: venue!.participants, logEntries: Number(log!.n), keys: Number(keys!.n) };
}

const arrive = (id: string, delta: number, idempotencyKey?: string, key = asito) =>
  gql(ARRIVE, { input: { location: id, delta, idempotencyKey } }, { key });
const report = (id: string, participants: number, idempotencyKey?: string, key = asito) =>
  gql(REPORT, { input: { location: id, participants, idempotencyKey } }, { key });

describe('idempotency keys', () => {
  it('counts a resent arrival once and answers the resend as the first send', async () => {
    const v = await freshVenue();
    const first = await arrive(v.id, 3, 'tap-0001-aaaa');
    expect(first.data!['recordArrivals']).toMatchObject({
      location: { participants: 3 },
      userErrors: [],
    });
    await arrive(v.id, 2, 'tap-0002-bbbb');
    const again = await arrive(v.id, 3, 'tap-0001-aaaa');
    expect(again.data!['recordArrivals']).toEqual(first.data!['recordArrivals']);
    expect(await state(v.row)).toEqual({ participants: 5, logEntries: 2, keys: 2 });
  });

  it('counts a resent absolute count once, and a key is per venue', async () => {
    const v = await freshVenue();
    const w = await freshVenue();
    const first = await report(v.id, 40, 'count-40-at-v');
    expect(first.data!['reportParticipation'].userErrors).toEqual([]);
    await arrive(v.id, 1);
    const again = await report(v.id, 40, 'count-40-at-v');
    // The first answer, not a second change back to 40.
    expect(again.data!['reportParticipation']).toEqual(first.data!['reportParticipation']);
    expect(await state(v.row)).toEqual({ participants: 41, logEntries: 2, keys: 1 });
    const elsewhere = await report(w.id, 40, 'count-40-at-v');
    expect(elsewhere.data!['reportParticipation']).toMatchObject({
      location: { participants: 40 },
      userErrors: [],
    });
  });

  it('refuses the same key with another change as a conflict, and counts nothing', async () => {
    const v = await freshVenue();
    await arrive(v.id, 1, 'conflict-key-1');
    const before = await state(v.row);
    const other = await arrive(v.id, 5, 'conflict-key-1');
    expect(other.data!['recordArrivals']).toMatchObject({
      location: null,
      userErrors: [{ field: ['input', 'idempotencyKey'], code: 'CONFLICT' }],
    });
    expect(other.data!['recordArrivals'].userErrors[0].message).toMatch(
      /\+1 arrivals.*nothing was counted/,
    );
    const otherKind = await report(v.id, 1, 'conflict-key-1');
    expect(otherKind.data!['reportParticipation'].userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(await state(v.row)).toEqual(before);
  });

  it('refuses a malformed key with a clear message, and counts nothing', async () => {
    const v = await freshVenue();
    for (const bad of [
      'short',
      'x'.repeat(101),
      'has space in it',
      'quote"quote"',
      'ünïcödé-key',
    ]) {
      const r = await arrive(v.id, 1, bad);
      expect(r.data!['recordArrivals']).toMatchObject({
        location: null,
        userErrors: [{ field: ['input', 'idempotencyKey'], code: 'INVALID' }],
      });
      expect(r.data!['recordArrivals'].userErrors[0].message).toMatch(/8 to 100 letters/);
    }
    expect(await state(v.row)).toEqual({ participants: 0, logEntries: 0, keys: 0 });
  });

  it('keeps no key for a refused change, so a resend is judged again', async () => {
    const v = await freshVenue(2);
    const over = await arrive(v.id, 3, 'too-many-at-once');
    expect(over.data!['recordArrivals'].userErrors).toMatchObject([{ code: 'OVER_CAPACITY' }]);
    expect(await state(v.row)).toEqual({ participants: 0, logEntries: 0, keys: 0 });
    // Another organisation's key with a key in use here: refused as without one, nothing learnt.
    await arrive(v.id, 1, 'used-by-asito-1');
    const foreign = await arrive(v.id, 1, 'used-by-asito-1', utrecht);
    expect(foreign.data!['recordArrivals'].userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await state(v.row)).toEqual({ participants: 1, logEntries: 1, keys: 1 });
  });

  it('counts concurrent sends with one key once, and with distinct keys each', async () => {
    const v = await freshVenue();
    const same = await Promise.all(
      Array.from({ length: 12 }, () => arrive(v.id, 2, 'same-key-raced')),
    );
    for (const r of same)
      expect(r.data!['recordArrivals']).toMatchObject({
        location: { participants: 2 },
        userErrors: [],
      });
    const distinct = await Promise.all(
      Array.from({ length: 12 }, (_, i) => arrive(v.id, 1, `distinct-key-${i}`)),
    );
    for (const r of distinct) expect(r.data!['recordArrivals'].userErrors).toEqual([]);
    // And every one of them resent at once, with the first batch again: nothing more.
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => arrive(v.id, 1, `distinct-key-${i}`)),
      arrive(v.id, 2, 'same-key-raced'),
    ]);
    expect(await state(v.row)).toEqual({ participants: 14, logEntries: 13, keys: 13 });
  });

  it('forgets a key after two days: its row is taken over, and old keys of the venue are pruned', async () => {
    const v = await freshVenue();
    await arrive(v.id, 1, 'old-key-reused');
    await arrive(v.id, 1, 'old-key-pruned');
    await t.database.db.execute(
      sql`UPDATE participation_requests SET created_at = now() - interval '49 hours' WHERE location_id = ${v.row}`,
    );
    const reused = await arrive(v.id, 4, 'old-key-reused');
    expect(reused.data!['recordArrivals']).toMatchObject({
      location: { participants: 6 },
      userErrors: [],
    });
    const rows = rowsOf<{ key: string; amount: number }>(
      await t.database.db.execute(
        sql`SELECT key, amount FROM participation_requests WHERE location_id = ${v.row} ORDER BY key`,
      ),
    );
    expect(rows).toEqual([{ key: 'old-key-reused', amount: 4 }]);
  });
});
