/**
 * The demo data: deterministic, the size and shape of a real Nationaal Integratiediner, the seed
 * texts' venues with their numbers, at real Dutch places in the right province; then loaded into
 * a real database (PGlite in memory, or PostgreSQL when DATABASE_URL is set).
 */

import { COUNTRIES, MEALS, REGION_CODES, TARGET_GROUPS } from '@tafel/schema';
import { count, desc, eq, ne, sql, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editions,
  locationCohosts,
  locations,
  organisations,
  participationLog,
} from '../src/db/schema.ts';
import {
  type DemoData,
  type DemoLocation,
  generateDemo,
  generatePastDemo,
} from '../src/demo/generate.ts';
import { hasEdition, loadDemo } from '../src/demo/load.ts';
import { distanceMetres, dutchPlaces, rawPlaces } from '../src/demo/places.ts';
import { openTestDatabase, type TestDb } from './support.ts';

/** GeoNames admin1 codes of the Dutch provinces, as documented by GeoNames. */
const ADMIN1: Record<string, string> = {
  '01': 'NL-DR',
  '02': 'NL-FR',
  '03': 'NL-GE',
  '04': 'NL-GR',
  '05': 'NL-LI',
  '06': 'NL-NB',
  '07': 'NL-NH',
  '09': 'NL-UT',
  '10': 'NL-ZE',
  '11': 'NL-ZH',
  '15': 'NL-OV',
  '16': 'NL-FL',
};

const demo = generateDemo();
const published = demo.locations.filter((l) => l.status === 'PUBLISHED');
const total = (venues: DemoLocation[]) => venues.reduce((s, l) => s + (l.participants ?? 0), 0);
const totalExpected = (venues: DemoLocation[]) => venues.reduce((s, l) => s + (l.expected ?? 0), 0);
/** Last year's day: its venues' counts are the people present, its arrivals the log. */
const past = generatePastDemo();
const pastPublished = past.locations.filter((l) => l.status === 'PUBLISHED');
const dateInAmsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
const hourInAmsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});
const localDate = (d: Date) => dateInAmsterdam.format(d);
const localHour = (d: Date) => Number(hourInAmsterdam.format(d));

/** Every GeoNames place of the Netherlands and of its neighbours near the border, as obstacles. */
const { dutch, neighbours } = rawPlaces();
const allPlaces = [...dutch, ...neighbours].map((c) => ({
  key: c.country === 'NL' ? (ADMIN1[c.adminCode] ?? '?') : c.country,
  lat: c.loc.coordinates[1],
  lng: c.loc.coordinates[0],
}));
/** The country (or Dutch province) of the GeoNames place nearest to a point. */
function nearestKey(lat: number, lng: number): string {
  let best = { key: '', d: Infinity };
  for (const p of allPlaces) {
    if (Math.abs(p.lat - lat) > 0.5 || Math.abs(p.lng - lng) > 0.8) continue;
    const d = distanceMetres(lat, lng, p.lat, p.lng);
    if (d < best.d) best = { key: p.key, d };
  }
  return best.key;
}

function checkGeography(data: DemoData) {
  const { south, west, north, east } = COUNTRIES.NL.bbox;
  const placesByName = new Map<string, { region: string; lat: number; lng: number }[]>();
  for (const p of dutchPlaces()) placesByName.set(p.name, [...(placesByName.get(p.name) ?? []), p]);
  for (const venue of data.locations) {
    const where = `${venue.organisationSlug}/${venue.externalId} in ${venue.city}`;
    expect(venue.lat, where).toBeGreaterThan(south);
    expect(venue.lat, where).toBeLessThan(north);
    expect(venue.lng, where).toBeGreaterThan(west);
    expect(venue.lng, where).toBeLessThan(east);
    expect(venue.country).toBe('NL');
    // The city is a real Dutch place of the venue's province, a stone's throw away.
    const candidates = (placesByName.get(venue.city ?? '') ?? []).filter(
      (p) => p.region === venue.region,
    );
    expect(candidates.length, where).toBeGreaterThan(0);
    const nearest = Math.min(
      ...candidates.map((p) => distanceMetres(p.lat, p.lng, venue.lat, venue.lng)),
    );
    expect(nearest, where).toBeLessThan(2_500);
    // And the venue is nearer to a place of its own province than to any place of another
    // province, Belgium or Germany: it has not wandered over a border.
    expect(nearestKey(venue.lat, venue.lng), where).toBe(venue.region);
  }
}

describe('generateDemo: the demo edition', () => {
  it('is deterministic', () => {
    expect(generateDemo()).toEqual(demo);
    expect(generateDemo({ seed: 7 })).toEqual(generateDemo({ seed: 7 }));
    expect(generateDemo({ seed: 7 }).locations).not.toEqual(demo.locations);
  });

  it('is the Nationaal Integratiediner 2027, on a Thursday in Amsterdam time', () => {
    expect(demo.edition).toEqual({
      slug: 'nid-2027',
      name: 'Nationaal Integratiediner 2027',
      date: '2027-10-14',
      timeZone: 'Europe/Amsterdam',
      country: 'NL',
    });
    expect(new Date('2027-10-14T12:00:00Z').getUTCDay()).toBe(4);
    expect(generateDemo({ editionSlug: 'nid-demo' }).edition.slug).toBe('nid-demo');
  });

  it('has the size of the real day: 300+ venues, 90+ organisations, about 20,000 expected', () => {
    expect(published.length).toBeGreaterThanOrEqual(300);
    expect(demo.organisations.length).toBeGreaterThanOrEqual(90);
    expect(totalExpected(published)).toBeGreaterThanOrEqual(19_000);
    expect(totalExpected(published)).toBeLessThanOrEqual(22_000);
    // Before the day nobody is present yet and nothing is logged.
    expect(total(demo.locations)).toBe(0);
    expect(demo.arrivals).toEqual([]);
    const cancelled = demo.locations.filter((l) => l.status === 'CANCELLED');
    const drafts = demo.locations.filter((l) => l.status === 'DRAFT');
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.length + drafts.length).toBeLessThan(20);
    const sensitive = published.filter((l) => l.sensitive);
    expect(sensitive.length).toBeGreaterThanOrEqual(3);
    expect(sensitive.every((l) => l.targetGroups?.includes('REFUGEES'))).toBe(true);
  });

  it('has organisations of every kind, each with unique slug and at least one venue', () => {
    const slugs = demo.organisations.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const kinds = new Set(demo.organisations.map((o) => o.kind));
    for (const kind of [
      'COMPANY',
      'MUNICIPALITY',
      'GOVERNMENT',
      'CHARITY',
      'FAITH_COMMUNITY',
      'SCHOOL',
      'CARE',
      'OTHER',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const hosting = new Set(demo.locations.map((l) => l.organisationSlug));
    expect([...hosting].every((slug) => slugs.includes(slug))).toBe(true);
    expect(slugs.filter((slug) => !hosting.has(slug))).toEqual([]);
    for (const o of demo.organisations) if (o.website) expect(o.website).toMatch(/^https:\/\//);
  });

  it('covers every meal (dinner the most), every target group and all twelve provinces', () => {
    const meals = new Map(MEALS.map((m) => [m, published.filter((l) => l.meal === m).length]));
    for (const meal of MEALS) expect(meals.get(meal), meal).toBeGreaterThan(0);
    expect(Math.max(...meals.values())).toBe(meals.get('DINNER'));
    for (const group of TARGET_GROUPS)
      expect(
        published.some((l) => l.targetGroups?.includes(group)),
        group,
      ).toBe(true);
    expect(new Set(published.map((l) => l.region))).toEqual(new Set(REGION_CODES));
    // Weighted by where people live: Zuid-Holland has more venues than Zeeland.
    const inRegion = (r: string) => published.filter((l) => l.region === r).length;
    expect(inRegion('NL-ZH')).toBeGreaterThan(3 * inRegion('NL-ZE'));
  });

  it('includes the seed texts’ venues with their numbers', () => {
    const seed = (externalId: string) => {
      const venue = demo.locations.find((l) => l.externalId === externalId);
      expect(venue, externalId).toBeDefined();
      return venue!;
    };
    const expected = [
      ['seed-utrecht-lunch', 'Utrecht', 'NL-UT', 'LUNCH', 150],
      ['seed-bergen-op-zoom-dinner', 'Bergen op Zoom', 'NL-NB', 'DINNER', 250],
      ['seed-almelo-dinner', 'Almelo', 'NL-OV', 'DINNER', 600],
      ['seed-den-haag-dinner', 'Den Haag', 'NL-ZH', 'DINNER', 150],
      ['seed-almere-lunch', 'Almere', 'NL-FL', 'LUNCH', 150],
      ['seed-s-hertogenbosch-dinner', "'s-Hertogenbosch", 'NL-NB', 'DINNER', 50],
    ] as const;
    for (const [externalId, city, region, meal, participants] of expected) {
      const venue = seed(externalId);
      expect(venue, externalId).toMatchObject({
        city,
        region,
        meal,
        expected: participants,
        participants: 0,
        status: 'PUBLISHED',
      });
      expect(venue.capacity, externalId).toBeGreaterThanOrEqual(participants);
    }
    expect(seed('seed-bergen-op-zoom-dinner').targetGroups).toEqual(
      expect.arrayContaining(['ELDERLY', 'FAITH_COMMUNITIES']),
    );
    expect(seed('seed-bergen-op-zoom-dinner').description).toMatch(/Marokkaanse.*Turkse/);
    expect(seed('seed-almelo-dinner').name).toMatch(/Heracles/);
    expect(seed('seed-almelo-dinner').targetGroups).toEqual(
      expect.arrayContaining(['REFUGEES', 'ELDERLY', 'EMPLOYEES']),
    );
    expect(seed('seed-almelo-dinner').organisationSlug).toBe('asito');
    expect(
      demo.organisations.find((o) => o.slug === seed('seed-den-haag-dinner').organisationSlug),
    ).toMatchObject({
      kind: 'GOVERNMENT',
      name: 'Ministerie van Sociale Zaken en Werkgelegenheid',
    });
    expect(seed('seed-almere-lunch').targetGroups).toContain('ELDERLY');
    const bosch = seed('seed-s-hertogenbosch-dinner');
    expect(bosch.capacity).toBe(50);
    expect(bosch.name).toMatch(/^Restaurant /);
    expect(bosch.targetGroups).toEqual(['STATUS_HOLDERS', 'EMPLOYERS']);
    // Lunch at noon in Utrecht is 10:00 UTC: October 2027 is summer time (CEST, UTC+2).
    expect(seed('seed-utrecht-lunch').startsAt?.toISOString()).toBe('2027-10-14T10:00:00.000Z');
    expect(seed('seed-utrecht-lunch').endsAt?.toISOString()).toBe('2027-10-14T12:00:00.000Z');
  });

  it('puts venues at real Dutch places, inside the country and in the right province', () => {
    checkGeography(demo);
    // Venues in one city do not stack on one point.
    const utrecht = published.filter((l) => l.city === 'Utrecht');
    expect(utrecht.length).toBeGreaterThan(3);
    expect(new Set(utrecht.map((l) => `${l.lat},${l.lng}`)).size).toBe(utrecht.length);
  });

  it('gives every venue plausible, well-formed fields', () => {
    const ids = new Set<string>();
    for (const venue of demo.locations) {
      const where = `${venue.organisationSlug}/${venue.externalId}`;
      expect(venue.externalId, where).toBeTruthy();
      expect(ids.has(where), `${where} is unique`).toBe(false);
      ids.add(where);
      expect(venue.name.length, where).toBeGreaterThan(3);
      expect(venue.postalCode, where).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      expect(venue.postalCode, where).not.toMatch(/ (SA|SD|SS)$/);
      expect(venue.street, where).toMatch(/^\D+ \d+$/);
      expect(venue.capacity, where).toBeGreaterThan(0);
      expect(venue.participants, where).toBe(0);
      expect(venue.expected!, where).toBeLessThanOrEqual(venue.capacity!);
      if (venue.status === 'PUBLISHED') expect(venue.expected, where).toBeGreaterThan(0);
      else expect(venue.expected, where).toBe(0);
      expect(venue.languages, where).toContain('nl');
      for (const lang of venue.languages ?? []) expect(lang, where).toMatch(/^[a-z]{2}$/);
      expect(venue.targetGroups?.length, where).toBeGreaterThan(0);
      if (venue.registrationUrl)
        expect(new URL(venue.registrationUrl).protocol, where).toBe('https:');
      expect(venue.description, where).toBeTruthy();
      // On the edition day, in Amsterdam time, at the hours of its meal.
      const { startsAt, endsAt } = venue;
      expect(startsAt && endsAt, where).toBeTruthy();
      expect(localDate(startsAt!), where).toBe('2027-10-14');
      expect(localDate(endsAt!), where).toBe('2027-10-14');
      expect(endsAt!.getTime(), where).toBeGreaterThan(startsAt!.getTime());
      const hour = localHour(startsAt!);
      const hours = { BREAKFAST: [7, 9], LUNCH: [11, 13], DINNER: [17, 19], OTHER: [10, 16] }[
        venue.meal
      ];
      expect(hour, where).toBeGreaterThanOrEqual(hours[0]!);
      expect(hour, where).toBeLessThanOrEqual(hours[1]!);
    }
  });

  it('has last year’s day with arrivals that add up to every venue’s people present', () => {
    expect(past.edition).toMatchObject({ slug: 'nid-2026', date: '2026-10-15', status: 'CLOSED' });
    expect(new Date('2026-10-15T12:00:00Z').getUTCDay()).toBe(4);
    expect(pastPublished.length).toBeGreaterThanOrEqual(300);
    expect(total(pastPublished)).toBeGreaterThanOrEqual(18_000);
    expect(total(pastPublished)).toBeLessThan(totalExpected(published));
    for (const venue of pastPublished) expect(venue.expected).toBeGreaterThan(0);
    const running = new Map<string, number>();
    const byKey = new Map(past.locations.map((l) => [`${l.organisationSlug}/${l.externalId}`, l]));
    let previous = '';
    for (const arrival of past.arrivals) {
      const key = `${arrival.organisationSlug}/${arrival.externalId}`;
      const venue = byKey.get(key);
      expect(venue?.status, key).toBe('PUBLISHED');
      expect(arrival.at >= previous, 'in time order').toBe(true);
      previous = arrival.at;
      expect(localDate(new Date(arrival.at))).toBe('2026-10-15');
      const count = (running.get(key) ?? 0) + arrival.delta;
      expect(count, key).toBeGreaterThanOrEqual(0);
      expect(count, key).toBeLessThanOrEqual(venue!.capacity!);
      running.set(key, count);
    }
    for (const venue of pastPublished)
      expect(running.get(`${venue.organisationSlug}/${venue.externalId}`)).toBe(venue.participants);
    // A timeline with a shape: arrivals around breakfast, lunch and dinner, most at dinner.
    const byHour = new Map<number, number>();
    for (const a of past.arrivals)
      byHour.set(localHour(new Date(a.at)), (byHour.get(localHour(new Date(a.at))) ?? 0) + a.delta);
    expect(byHour.size).toBeGreaterThan(8);
    expect((byHour.get(17) ?? 0) + (byHour.get(18) ?? 0)).toBeGreaterThan(
      (byHour.get(7) ?? 0) + (byHour.get(8) ?? 0),
    );
  });
});

describe('generateDemo: synthetic editions', () => {
  // How fast is the bench's business (it prints the load time); this checks what is made.
  it('makes 100,000 published venues, with a capped number of organisations', () => {
    const big = generateDemo({ venues: 100_000 });
    expect(big.edition.slug).toBe('synthetic-100000');
    expect(big.locations).toHaveLength(100_000);
    expect(
      big.locations.every((l) => l.status === 'PUBLISHED' && l.participants! <= l.capacity!),
    ).toBe(true);
    expect(big.organisations.length).toBeGreaterThan(1_000);
    expect(big.organisations.length).toBeLessThanOrEqual(5_000);
    expect(new Set(big.locations.map((l) => l.region))).toEqual(new Set(REGION_CODES));
    const { south, west, north, east } = COUNTRIES.NL.bbox;
    expect(
      big.locations.every((l) => l.lat > south && l.lat < north && l.lng > west && l.lng < east),
    ).toBe(true);
  });

  it('is deterministic, well placed and takes an edition slug', () => {
    const small = generateDemo({ venues: 1_500, editionSlug: 'bench' });
    expect(small).toEqual(generateDemo({ venues: 1_500, editionSlug: 'bench' }));
    expect(small.edition.slug).toBe('bench');
    expect(small.organisations).toHaveLength(500);
    checkGeography(small);
    expect(() => generateDemo({ venues: 0 })).toThrow(RangeError);
  });
});

describe('loadDemo', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t?.close());

  it('loads last year’s edition with its participation log', async () => {
    const { db } = t.database;
    expect(await hasEdition(db, 'nid-2026')).toBe(false);
    const result = await loadDemo(db, past);
    expect(result).toEqual({
      editionId: expect.any(Number),
      organisations: past.organisations.length,
      locations: past.locations.length,
      participants: total(past.locations),
      expected: totalExpected(past.locations),
    });
    expect(await hasEdition(db, 'nid-2026')).toBe(true);

    const [edition] = await db.select().from(editions).where(eq(editions.slug, 'nid-2026'));
    expect(edition).toMatchObject({
      id: result.editionId,
      date: '2026-10-15',
      status: 'CLOSED',
      timeZone: 'Europe/Amsterdam',
      country: 'NL',
    });
    const [orgs] = await db.select({ n: count() }).from(organisations);
    expect(orgs!.n).toBe(past.organisations.length);
    const statuses = await db
      .select({
        status: locations.status,
        n: count(),
        participants: sum(locations.participants).mapWith(Number),
      })
      .from(locations)
      .where(eq(locations.editionId, result.editionId))
      .groupBy(locations.status);
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s]));
    expect(byStatus['PUBLISHED']).toMatchObject({
      n: pastPublished.length,
      participants: total(pastPublished),
    });
    expect(byStatus['CANCELLED']!.n + byStatus['DRAFT']!.n).toBe(
      past.locations.length - pastPublished.length,
    );

    const seed = await db.query.locations.findFirst({
      where: { externalId: 'seed-almelo-dinner', editionId: result.editionId },
      with: { organisation: true },
    });
    expect(seed).toMatchObject({
      city: 'Almelo',
      capacity: 600,
      participants: 600,
      organisation: { slug: 'asito' },
    });
    expect(seed!.expected).toBeGreaterThan(0);
    expect(seed!.startsAt?.toISOString()).toBe('2026-10-15T16:00:00.000Z');

    // The log has every arrival, by the demo actor, and adds up to each venue's count.
    const [entries] = await db
      .select({ n: count(), actors: sql<string[]>`array_agg(distinct ${participationLog.actor})` })
      .from(participationLog)
      .where(eq(participationLog.editionId, result.editionId));
    expect(entries!.n).toBe(past.arrivals.length);
    expect(entries!.actors).toEqual(['demo']);
    const mismatches = await db
      .select({
        id: locations.id,
        participants: locations.participants,
        logged: sql<number>`coalesce(sum(${participationLog.newValue} - ${participationLog.oldValue}), 0)::int`,
      })
      .from(locations)
      .leftJoin(participationLog, eq(participationLog.locationId, locations.id))
      .where(eq(locations.editionId, result.editionId))
      .groupBy(locations.id)
      .having(
        sql`${locations.participants} <> coalesce(sum(${participationLog.newValue} - ${participationLog.oldValue}), 0)`,
      );
    expect(mismatches).toEqual([]);
    // The latest entry of every venue is its count.
    const last = db
      .selectDistinctOn([participationLog.locationId], {
        locationId: participationLog.locationId,
        newValue: participationLog.newValue,
      })
      .from(participationLog)
      .where(eq(participationLog.editionId, result.editionId))
      .orderBy(participationLog.locationId, desc(participationLog.at), desc(participationLog.id))
      .as('last');
    const [wrong] = await db
      .select({ n: count() })
      .from(last)
      .innerJoin(locations, eq(locations.id, last.locationId))
      .where(ne(locations.participants, last.newValue));
    expect(wrong!.n).toBe(0);
  });

  it('loads the live demo edition: expected, nobody present yet, no log', async () => {
    const { db } = t.database;
    const result = await loadDemo(db, demo);
    expect(result).toMatchObject({ participants: 0, expected: totalExpected(demo.locations) });
    const [log] = await db
      .select({ n: count() })
      .from(participationLog)
      .where(eq(participationLog.editionId, result.editionId));
    expect(log!.n).toBe(0);
    const [seed] = await db
      .select({ expected: locations.expected, participants: locations.participants })
      .from(locations)
      .where(
        sql`${locations.editionId} = ${result.editionId} AND ${locations.externalId} = 'seed-almelo-dinner'`,
      );
    expect(seed).toEqual({ expected: 600, participants: 0 });
    // Bergen op Zoom's elderly meet two mosques: the Turkish one co-hosts the Moroccan one's dinner.
    const cohosts = await db
      .select({ host: organisations.slug, cohost: sql<string>`o.slug` })
      .from(locationCohosts)
      .innerJoin(locations, eq(locations.id, locationCohosts.locationId))
      .innerJoin(organisations, eq(organisations.id, locations.organisationId))
      .innerJoin(sql`organisations o`, sql`o.id = ${locationCohosts.organisationId}`)
      .where(
        sql`${locations.editionId} = ${result.editionId} AND ${locations.externalId} = 'seed-bergen-op-zoom-dinner'`,
      );
    expect(cohosts).toEqual([
      { host: 'moskee-al-fath-bergen-op-zoom', cohost: 'moskee-mevlana-bergen-op-zoom' },
    ]);
  });

  it('refuses to load an edition twice, and re-uses organisations by slug', async () => {
    const { db } = t.database;
    await expect(loadDemo(db, demo)).rejects.toThrow(/already exists/);
    const copy = generateDemo({ editionSlug: 'nid-2027-copy' });
    const result = await loadDemo(db, copy);
    expect(result.organisations).toBe(copy.organisations.length);
    const [orgs] = await db.select({ n: count() }).from(organisations);
    expect(orgs!.n).toBe(past.organisations.length);
    const [venues] = await db
      .select({ n: count() })
      .from(locations)
      .where(eq(locations.editionId, result.editionId));
    expect(venues!.n).toBe(copy.locations.length);
  });

  it('loads a synthetic edition, one log entry per venue', async () => {
    const { db } = t.database;
    const synthetic = generateDemo({ venues: 3_000 });
    const result = await loadDemo(db, synthetic);
    expect(result).toMatchObject({
      locations: 3_000,
      organisations: 1_000,
      participants: total(synthetic.locations),
    });
    const [log] = await db
      .select({
        n: count(),
        total: sum(sql`${participationLog.newValue} - ${participationLog.oldValue}`).mapWith(
          Number,
        ),
      })
      .from(participationLog)
      .where(eq(participationLog.editionId, result.editionId));
    expect(log).toEqual({ n: synthetic.arrivals.length, total: total(synthetic.locations) });
  });
});
