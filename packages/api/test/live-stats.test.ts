/**
 * The live feeds keep an edition's stats in memory (LiveStatsModel), moved by each count change
 * instead of counted again per tick. Whatever happens, they must say what counting in the
 * database says.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/auth/viewer.ts';
import { locations } from '../src/db/schema.ts';
import { changeParticipation, keyActor } from '../src/locations/participation.ts';
import { computeStats, LiveStatsModel, rowsOf } from '../src/locations/stats.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: Viewer;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  await staffKey(t.database);
  const [key] = rowsOf<{ id: number; prefix: string }>(
    await t.database.db.execute(sql`SELECT id, prefix FROM api_keys LIMIT 1`),
  );
  staff = {
    keyId: Number(key!.id),
    prefix: key!.prefix,
    scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
    organisation: null,
    role: 'admin',
    session: null,
  };
  // Venues the fixture lacks: no region, no target groups, many target groups, one awaiting approval.
  await t.database.db.insert(locations).values([
    {
      organisationId: fx.utrecht.id,
      editionId: fx.edition.id,
      name: 'Zonder regio',
      lat: 52.1,
      lng: 5.1,
      meal: 'BREAKFAST',
      participants: 3,
      capacity: null,
      targetGroups: [],
    },
    {
      organisationId: fx.moskee.id,
      editionId: fx.edition.id,
      name: 'Iedereen welkom',
      region: 'NL-NB',
      lat: 51.5,
      lng: 4.3,
      meal: 'LUNCH',
      participants: 7,
      capacity: 80,
      targetGroups: ['REFUGEES', 'ELDERLY', 'NEIGHBOURS', 'EMPLOYEES'],
    },
    {
      organisationId: fx.asito.id,
      editionId: fx.edition.id,
      name: 'Wacht op goedkeuring',
      region: 'NL-OV',
      lat: 52.3,
      lng: 6.6,
      meal: 'DINNER',
      participants: 9,
      capacity: 50,
      awaitingApproval: true,
    },
  ]);
});
afterAll(() => t.close());

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('the live stats model', () => {
  it('says what computeStats says, after any sequence of reports, repeats and refusals', async () => {
    const db = t.database.db;
    const model = await LiveStatsModel.load(db, fx.edition.id);
    expect(model.summary()).toEqual(await computeStats(db, fx.edition.id, {}));

    const venues = (await db.select({ id: locations.id }).from(locations)).map((r) => r.id);
    const next = random(42);
    const notices = [];
    for (let i = 0; i < 300; i++) {
      const venue = venues[Math.floor(next() * venues.length)]!;
      const change =
        next() < 0.3 ? { set: Math.floor(next() * 60) } : { add: Math.floor(next() * 9) - 3 };
      const result = await changeParticipation(db, keyActor(staff), venue, change);
      if (!result.notice) continue;
      notices.push(result.notice);
      model.apply(result.notice);
      // A notice that arrives twice (several processes, a catch-up) changes nothing the second time.
      if (next() < 0.2) model.apply(result.notice);
    }
    // Refusals (below zero, over capacity, cancelled, other editions) happened and changed nothing.
    expect(notices.length).toBeGreaterThan(100);
    expect(notices.length).toBeLessThan(300);
    expect(model.summary()).toEqual(await computeStats(db, fx.edition.id, {}));
  });

  it('hands out a new object each time, so a summary already sent never changes', async () => {
    const db = t.database.db;
    const model = await LiveStatsModel.load(db, fx.edition.id);
    const before = model.summary();
    const copy = structuredClone(before);
    const result = await changeParticipation(
      db,
      keyActor(staff),
      fx.locations['Stadhuis Utrecht']!.id,
      { add: -1 },
    );
    model.apply(result.notice!);
    expect(before).toEqual(copy);
    expect(model.summary().participants).toBe(before.participants - 1);
  });
});
