/**
 * Comparison and snapshots: the stats of an edition beside another of its series at the same local
 * clock time of its day, from that edition's log, exact to the person; a totals-only edition
 * answers its totals and says why there is no curve; `at` gives the numbers as they stood at a
 * minute, the same after later reports; bad input is refused by name; and a live subscription with
 * a comparison reads nothing for it per message.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { post, subscribe, useLiveServer } from './live-support.ts';

const live = useLiveServer(100);
/** Instants of the two days, in Amsterdam summer time (UTC+2) as both days are. */
const thisDay = (hm: string) => `2027-10-14T${hm}:00+02:00`;
const pastDay = (hm: string) => `2026-10-15T${hm}:00+02:00`;

beforeAll(async () => {
  const { db } = live.t.database;
  const { fx } = live;
  await db.execute(
    sql`INSERT INTO series (slug, name) VALUES ('nid', 'Nationaal Integratiediner')`,
  );
  await db.execute(
    sql`UPDATE editions SET series_id = (SELECT id FROM series WHERE slug = 'nid') WHERE slug = 'nid-test'`,
  );
  await db.execute(sql`
    INSERT INTO editions (slug, name, date, status, series_id, total_participants, total_locations,
                          total_organisations, totals_at_least, totals_source)
    VALUES ('nid-2016', 'NID 2016', '2016-10-13', 'CLOSED', (SELECT id FROM series WHERE slug = 'nid'),
            20000, 300, 90, true, 'Persbericht')`);
  await db.execute(sql`
    INSERT INTO editions (slug, name, date, status, series_id)
    VALUES ('nid-past', 'NID last year', '2026-10-15', 'CLOSED', (SELECT id FROM series WHERE slug = 'nid'))`);
  // Last year's two venues and their day's log.
  await db.execute(sql`
    INSERT INTO locations (edition_id, organisation_id, external_id, name, city, region, lat, lng, meal, participants, expected)
    VALUES ((SELECT id FROM editions WHERE slug = 'nid-past'), ${fx.utrecht.id}, 'p-1', 'Lunch Utrecht', 'Utrecht', 'NL-UT', 52.09, 5.12, 'LUNCH', 20, 25),
           ((SELECT id FROM editions WHERE slug = 'nid-past'), ${fx.asito.id}, 'p-2', 'Diner Almelo', 'Almelo', 'NL-OV', 52.35, 6.66, 'DINNER', 55, 60)`);
  const log = async (edition: string, externalId: string, from: number, to: number, at: string) =>
    db.execute(sql`
      INSERT INTO participation_log (location_id, edition_id, organisation_id, actor, old_value, new_value, at)
      SELECT l.id, l.edition_id, l.organisation_id, 'test', ${from}, ${to}, ${at}::timestamptz
      FROM locations l JOIN editions e ON e.id = l.edition_id
      WHERE e.slug = ${edition} AND l.external_id = ${externalId}`);
  await log('nid-past', 'p-1', 0, 5, pastDay('10:00'));
  await log('nid-past', 'p-1', 5, 20, pastDay('12:30'));
  await log('nid-past', 'p-2', 0, 40, pastDay('18:00'));
  await log('nid-past', 'p-2', 40, 55, pastDay('19:45'));
  // This year's log so far: Stadhuis Utrecht (u-1) and Heracles (a-1).
  await log('nid-test', 'u-1', 0, 100, thisDay('12:10'));
  await log('nid-test', 'u-1', 100, 120, thisDay('12:40'));
  await log('nid-test', 'a-1', 0, 580, thisDay('18:20'));
});

const STATS = `query($at: DateTime, $compareWith: String, $filter: LocationFilter) {
  stats(edition: "nid-test", at: $at, compareWith: $compareWith, filter: $filter) {
    participants updatedAt
    comparison {
      edition { slug } at participants expected locations organisations atLeast
      difference percentage available reasonCode reason
    }
  }
}`;
const ask = (variables: Record<string, unknown>) => post(live.server.url, STATS, variables);

describe('stats compared with the previous edition', () => {
  it('count both days at the same clock time from their logs, exact to the person', async () => {
    const noon = await ask({ at: thisDay('12:15') });
    expect(noon.errors).toBeUndefined();
    expect(noon.data.stats).toEqual({
      participants: 100,
      updatedAt: '2027-10-14T10:15:00.000Z',
      comparison: {
        edition: { slug: 'nid-past' },
        at: '2026-10-15T10:15:00.000Z',
        participants: 5,
        expected: 85,
        locations: 2,
        organisations: 2,
        atLeast: false,
        difference: 95,
        percentage: 1900,
        available: true,
        reasonCode: null,
        reason: null,
      },
    });
    const evening = await ask({ at: thisDay('19:50') });
    expect(evening.data.stats.participants).toBe(700);
    expect(evening.data.stats.comparison).toMatchObject({
      participants: 75,
      difference: 625,
      percentage: 833.3,
    });
    // Under a filter, both sides are narrowed alike.
    const overijssel = await ask({ at: thisDay('19:50'), filter: { region: 'NL-OV' } });
    expect(overijssel.data.stats.participants).toBe(580);
    expect(overijssel.data.stats.comparison).toMatchObject({
      participants: 55,
      expected: 60,
      locations: 1,
      difference: 525,
      percentage: 954.5,
    });
  });

  it('give last year’s curve at this day’s clock times', async () => {
    const r = await post(
      live.server.url,
      `{ stats(edition: "nid-test") { comparison { curve(interval: 60) { at participants } } } }`,
      {},
    );
    expect(r.data.stats.comparison.curve).toEqual([
      { at: '2027-10-14T09:00:00.000Z', participants: 5 },
      { at: '2027-10-14T11:00:00.000Z', participants: 20 },
      { at: '2027-10-14T17:00:00.000Z', participants: 60 },
      { at: '2027-10-14T18:00:00.000Z', participants: 75 },
    ]);
  });

  it('answer a totals-only edition with its totals and say why there is no curve', async () => {
    const r = await ask({ at: thisDay('19:50'), compareWith: 'nid-2016' });
    expect(r.data.stats.comparison).toMatchObject({
      edition: { slug: 'nid-2016' },
      at: null,
      participants: 20000,
      expected: null,
      locations: 300,
      organisations: 90,
      atLeast: true,
      difference: 700 - 20000,
      available: false,
      reasonCode: 'TOTALS_ONLY',
    });
    expect(r.data.stats.comparison.reason).toMatch(/totals only.*no curve/);
    const curve = await post(
      live.server.url,
      `{ stats(edition: "nid-test", compareWith: "nid-2016") { comparison { curve { at } } } }`,
      {},
    );
    expect(curve.data.stats.comparison.curve).toEqual([]);
    const filtered = await ask({ compareWith: 'nid-2016', filter: { region: 'NL-UT' } });
    expect(filtered.data.stats.comparison).toMatchObject({
      participants: null,
      locations: null,
      difference: null,
      reasonCode: 'FILTER_NOT_APPLICABLE',
    });
    expect(filtered.data.stats.comparison.reason).toMatch(/filter cannot apply/);
  });

  it('refuse an unknown edition, another series, a malformed or out-of-day moment', async () => {
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ compareWith: 'nope' }, /compareWith: no edition with slug "nope"/],
      [{ compareWith: 'other-day' }, /compareWith: other-day is not of the same series/],
      [{ compareWith: 'nid-test' }, /compareWith: .*itself/],
      [{ at: 'yesterday' }, /DateTime must be an ISO 8601 instant/],
      [{ at: '2027-10-15T12:00:00+02:00' }, /at: .* is not on nid-test's day/],
      [{ at: '2027-10-13T23:59:00+02:00' }, /at: .* is not on nid-test's day/],
    ];
    for (const [variables, message] of refusals) {
      const r = await ask(variables);
      expect(r.errors?.[0]?.message, JSON.stringify(variables)).toMatch(message);
      expect(r.data?.stats ?? null).toBeNull();
    }
    const unknown = await post(live.server.url, `{ stats(edition: "nope") { participants } }`, {});
    // Snapshots and comparisons count afresh: priced as filtered stats, so aliases cannot pile up.
    const many = (field: (i: number) => string) =>
      post(
        live.server.url,
        `{ ${Array.from({ length: 6 }, (_, i) => `s${i}: ${field(i)}`).join(' ')} }`,
        {},
      );
    for (const r of [
      await many(
        (i) => `stats(edition: "nid-test", at: "${thisDay(`1${i}:00`)}") { participants }`,
      ),
      await many(() => `stats(edition: "nid-test") { comparison { participants } }`),
    ])
      expect(r.errors?.[0]?.message).toMatch(/exceeds the cost limit/);
    expect(unknown.errors[0].message).toMatch(/edition: no edition with slug "nope"/);
  });
});

describe('a snapshot (`at`)', () => {
  it('stays the same after later reports; a later minute shows them', async () => {
    const query = `{ stats(edition: "nid-test", at: "${thisDay('12:15')}") { participants byRegion { key participants } } }`;
    const before = await post(live.server.url, query, {});
    await live.t.database.db.execute(sql`
      INSERT INTO participation_log (location_id, edition_id, organisation_id, actor, old_value, new_value, at)
      SELECT id, edition_id, organisation_id, 'test', 120, 130, ${thisDay('12:20')}::timestamptz
      FROM locations WHERE external_id = 'u-1'`);
    await live.arrive('Stadhuis Utrecht', 3);
    expect(await post(live.server.url, query, {})).toEqual(before);
    const later = await post(
      live.server.url,
      `{ stats(edition: "nid-test", at: "${thisDay('12:25')}") { participants } }`,
      {},
    );
    expect(later.data.stats.participants).toBe(130);
  });
});

describe('statsChanged with a comparison', () => {
  it('takes the filter of stats and reads nothing for the comparison per message', async () => {
    const stream = await subscribe(
      live.server.url,
      `subscription($filter: LocationFilter) { statsChanged(edition: "nid-test", filter: $filter) { participants comparison { participants difference } } }`,
      { filter: { region: 'NL-UT' } },
    );
    try {
      const first = await stream.until(() => true);
      expect(first.errors).toBeUndefined();
      const utrecht = () => first.data.statsChanged.participants;
      expect(first.data.statsChanged.comparison.difference).toBe(
        utrecht() - first.data.statsChanged.comparison.participants,
      );
      live.t.counter.reset();
      for (let i = 1; i <= 3; i++) {
        const from = stream.messages.length;
        await live.arrive('Stadhuis Utrecht', 1);
        const message = await stream.until(
          (m) => m.data.statsChanged.participants === utrecht() + i,
          { from },
        );
        expect(message.data.statsChanged.comparison.difference).toBe(
          utrecht() + i - first.data.statsChanged.comparison.participants,
        );
      }
      const comparing = live.t.counter.statements.filter((s) =>
        /snap ON true|EXISTS \(SELECT 1 FROM participation_log|"editions"\."series_id" =|"editions"."date" </.test(
          s,
        ),
      );
      expect(comparing).toEqual([]);
    } finally {
      stream.close();
    }
  });
});
