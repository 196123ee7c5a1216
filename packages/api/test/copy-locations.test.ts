/**
 * copyLocations: last year's venues as drafts in this edition, at the same local clock time on
 * the new day across a change of daylight saving time, counts reset, the own reference kept
 * while it is free; a second copy copies nothing; a venue the new edition would refuse is named
 * with its reason; a coordinator copies only their own organisation's, staff name one; a refused
 * request changes nothing.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { editions, locations, type NewLocation } from '../src/db/schema.ts';
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
let fx: Awaited<ReturnType<typeof seedFixture>>;
let client: ReturnType<typeof createClient>;
let asito: Record<string, string>;
let utrecht: Record<string, string>;
let staff: string;

const COPY = `mutation ($input: CopyLocationsInput!) {
  copyLocations(input: $input) {
    copiedCount
    copied { name status startsAt endsAt participants capacity externalId organisation { slug } }
    skipped { location { name } reason message }
    userErrors { field message code }
  }
}`;

interface Payload {
  copiedCount: number;
  copied: {
    name: string;
    status: string;
    startsAt: string | null;
    endsAt: string | null;
    participants: number;
    capacity: number | null;
    externalId: string | null;
    organisation: { slug: string };
  }[];
  skipped: { location: { name: string }; reason: string; message: string }[];
  userErrors: { field: string[]; message: string; code: string }[];
}

async function copy(
  input: Record<string, unknown>,
  auth: { headers?: Record<string, string>; key?: string },
): Promise<Payload> {
  const answer = await client.gql<{ copyLocations: Payload }>(COPY, { input }, auth);
  expect(answer.errors).toBeUndefined();
  return answer.data!.copyLocations;
}

async function venuesIn(slug: string) {
  const [edition] = await t.database.db.select().from(editions).where(eq(editions.slug, slug));
  return t.database.db.select().from(locations).where(eq(locations.editionId, edition!.id));
}

async function totalVenues(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(locations);
  return row!.n;
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  client = createClient(t.database);
  staff = await staffKey(t.database);
  asito = sessionHeaders(
    await personSession(t.database, { email: 'coco@asito.test', organisationId: fx.asito.id }),
  );
  utrecht = sessionHeaders(
    await personSession(t.database, { email: 'coco@utrecht.test', organisationId: fx.utrecht.id }),
  );
  // Last year in summer time (UTC+2), this year in winter time (UTC+1).
  const [last, next, shut] = await t.database.db
    .insert(editions)
    .values([
      { slug: 'copy-2026', name: 'Last year', date: '2026-10-08' },
      { slug: 'copy-2027', name: 'This year', date: '2027-11-11' },
      { slug: 'copy-closed', name: 'Closed', date: '2027-11-12', status: 'CLOSED' },
    ])
    .returning();
  void shut;
  const base = {
    organisationId: fx.asito.id,
    editionId: last!.id,
    country: 'NL',
    meal: 'DINNER' as const,
  };
  const rows: NewLocation[] = [
    {
      ...base,
      externalId: 'c-1',
      name: 'Kantine Almelo',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      // 18:00 and 21:00 in Amsterdam on 8 October 2026 (CEST).
      startsAt: new Date('2026-10-08T16:00:00Z'),
      endsAt: new Date('2026-10-08T19:00:00Z'),
      capacity: 40,
      participants: 35,
      full: true,
    },
    { ...base, name: 'Ontbijt zonder tijd', lat: 52.36, lng: 6.67, status: 'DRAFT' },
    { ...base, externalId: 'c-3', name: 'Afgelast', lat: 52.37, lng: 6.68, status: 'CANCELLED' },
    // Written straight into the table long ago: outside the Netherlands, which no write allows now.
    { ...base, externalId: 'c-4', name: 'Over de grens', lat: 52.28, lng: 7.44 },
    { ...base, externalId: 'c-5', name: 'Hergebruikte code', lat: 52.38, lng: 6.69 },
  ];
  await t.database.db.insert(locations).values(rows);
  // This year already has a cancelled venue holding "c-5".
  await t.database.db.insert(locations).values({
    ...base,
    editionId: next!.id,
    externalId: 'c-5',
    name: 'Iets anders',
    lat: 52.3,
    lng: 6.6,
    status: 'CANCELLED',
  });
});

describe('copyLocations', () => {
  it('refused input changes nothing: the same edition, an unknown one, a closed one, another organisation', async () => {
    const before = await totalVenues();
    const refusals: [Record<string, unknown>, Record<string, string> | string, string][] = [
      [{ from: 'copy-2026', to: 'copy-2026' }, asito, 'INVALID'],
      [{ from: 'copy-2026', to: 'nope' }, asito, 'NOT_FOUND'],
      [{ from: 'copy-2026', to: 'copy-closed' }, asito, 'EDITION_CLOSED'],
      // B's coordinator reaching for A's venues.
      [{ from: 'copy-2026', to: 'copy-2027', organisation: 'asito' }, utrecht, 'FORBIDDEN'],
      // Staff must say on whose behalf.
      [{ from: 'copy-2026', to: 'copy-2027' }, staff, 'REQUIRED'],
    ];
    for (const [input, auth, code] of refusals) {
      const answer = await copy(
        input,
        typeof auth === 'string' ? { key: auth } : { headers: auth },
      );
      expect(
        answer.userErrors.map((e) => e.code),
        JSON.stringify(input),
      ).toEqual([code]);
      expect(answer.copiedCount).toBe(0);
    }
    expect(await totalVenues()).toBe(before);
    // B's own copy takes none of A's.
    const theirs = await copy({ from: 'copy-2026', to: 'copy-2027' }, { headers: utrecht });
    expect(theirs).toMatchObject({ copiedCount: 0, skipped: [], userErrors: [] });
    expect(await totalVenues()).toBe(before);
  });

  it('copies as drafts at the same local time across a DST change, counts reset; twice copies once', async () => {
    const first = await copy({ from: 'copy-2026', to: 'copy-2027' }, { headers: asito });
    expect(first.userErrors).toEqual([]);
    expect(first.copiedCount).toBe(3);
    const byName = Object.fromEntries(first.copied.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual([
      'Hergebruikte code',
      'Kantine Almelo',
      'Ontbijt zonder tijd',
    ]);
    // 18:00–21:00 in Amsterdam on 11 November 2027 (CET, UTC+1).
    expect(byName['Kantine Almelo']).toMatchObject({
      status: 'DRAFT',
      startsAt: '2027-11-11T17:00:00.000Z',
      endsAt: '2027-11-11T20:00:00.000Z',
      participants: 0,
      capacity: 40,
      externalId: 'c-1',
      organisation: { slug: 'asito' },
    });
    expect(byName['Ontbijt zonder tijd']).toMatchObject({ status: 'DRAFT', startsAt: null });
    // Its own reference is held by a cancelled venue of this edition: copied without it.
    expect(byName['Hergebruikte code']?.externalId).toBeNull();
    expect(first.skipped).toEqual([
      {
        location: { name: 'Over de grens' },
        reason: 'INVALID',
        message: expect.stringContaining('outside NL'),
      },
    ]);
    const rows = await venuesIn('copy-2027');
    const kantine = rows.find((r) => r.name === 'Kantine Almelo')!;
    expect(kantine.full).toBe(false);

    const again = await copy({ from: 'copy-2026', to: 'copy-2027' }, { headers: asito });
    expect(again.copiedCount).toBe(0);
    expect(again.skipped.map((s) => [s.location.name, s.reason]).sort()).toEqual([
      ['Hergebruikte code', 'ALREADY_IN_EDITION'],
      ['Kantine Almelo', 'ALREADY_IN_EDITION'],
      ['Ontbijt zonder tijd', 'ALREADY_IN_EDITION'],
      ['Over de grens', 'INVALID'],
    ]);
    expect(await venuesIn('copy-2027')).toHaveLength(rows.length);
  });

  it('staff copy for the organisation they name', async () => {
    const answer = await copy(
      { from: 'nid-test', to: 'copy-2027', organisation: 'gemeente-utrecht' },
      { key: staff },
    );
    expect(answer.userErrors).toEqual([]);
    expect(answer.copied.map((c) => [c.name, c.organisation.slug, c.startsAt]).sort()).toEqual([
      ['Buurthuis De Ster', 'gemeente-utrecht', '2027-11-11T17:00:00.000Z'],
      ['Stadhuis Utrecht', 'gemeente-utrecht', '2027-11-11T11:00:00.000Z'],
    ]);
  });
});
