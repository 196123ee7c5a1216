/**
 * "A public venue" has one definition (db/schema.ts's publicVenue). Its forms — the SQL every
 * query uses, the check on a row already read, and the partial index the database really has
 * (made by the migrations) — must agree on every status, approval state and suspension.
 */

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { isPublicVenue, publicVenue } from '../src/locations/visibility.ts';
import { openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
});
afterAll(() => t.close());

it('calls the same venues public in every query, on a row read, and in the public map’s partial index', async () => {
  const db = t.database.db;
  const [index] = rowsOf<{ predicate: string }>(
    await db.execute(
      sql`SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'locations_public_geo_idx'`,
    ),
  );
  expect(index?.predicate).toBeTruthy();
  const venue = fx.locations['Heracles Stadion']!;
  for (const status of ['DRAFT', 'PUBLISHED', 'CANCELLED'] as const) {
    for (const [awaitingApproval, organisationSuspended] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const [row] = await db
        .update(locations)
        .set({ status, awaitingApproval, organisationSuspended })
        .where(eq(locations.id, venue.id))
        .returning();
      const [seen] = rowsOf<{ query: boolean; index: boolean }>(
        await db.execute(
          sql`SELECT (${publicVenue(locations)}) AS query, (${sql.raw(index!.predicate)}) AS index FROM ${locations} WHERE ${locations.id} = ${venue.id}`,
        ),
      );
      const expected = status === 'PUBLISHED' && !awaitingApproval && !organisationSuspended;
      expect({
        status,
        awaitingApproval,
        organisationSuspended,
        query: seen!.query,
        row: isPublicVenue(row!),
        index: seen!.index,
      }).toEqual({
        status,
        awaitingApproval,
        organisationSuspended,
        query: expected,
        row: expected,
        index: expected,
      });
    }
  }
});
