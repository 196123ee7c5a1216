/**
 * Members publish in bulk: the upsert by the member's own ids, what a write leaves alone, and an
 * empty list with cancelMissing. Every refusal is checked to leave the database as it was.
 */

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import {
  CANCEL,
  CREATE,
  type PublishFixture,
  type TestDb,
  UPSERT,
  usePublishFixture,
  venue,
} from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot } = publish;
let t: TestDb;
let gql: PublishFixture['gql'];
beforeAll(() => {
  ({ t, gql } = publish);
});

describe('bulk upsert by the member’s own ids', () => {
  const rows = (n: number, change: (i: number) => Record<string, unknown> = () => ({})) =>
    Array.from({ length: n }, (_, i) => ({
      externalId: `bulk-${i}`,
      name: `Tafel ${i}`,
      coordinates: { lat: 51.9 + i / 1000, lng: 4.4 + i / 1000 },
      meal: i % 2 ? 'LUNCH' : 'DINNER',
      address: { city: 'Rotterdam', region: 'NL-ZH' },
      capacity: 30,
      targetGroups: ['NEIGHBOURS'],
      ...change(i),
    }));

  it('creates, then changes nothing when the same list is sent again, and says so', async () => {
    const first = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: rows(25) } },
      { key: keys['utrecht'] },
    );
    expect(first.data!['upsertLocations']).toMatchObject({
      created: 25,
      updated: 0,
      unchanged: 0,
      cancelled: 0,
      userErrors: [],
    });
    expect(first.data!['upsertLocations'].locations.map((l: any) => l.externalId)).toEqual(
      rows(25).map((r) => r.externalId),
    );
    const before = await snapshot();
    const again = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: rows(25) } },
      { key: keys['utrecht'] },
    );
    expect(again.data!['upsertLocations']).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 25,
      cancelled: 0,
      userErrors: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('updates changed rows, creates new ones and cancels missing ones only when asked', async () => {
    const list = rows(24, (i) => (i === 3 ? { name: 'Tafel drie' } : {}));
    list.push({ ...rows(1)[0]!, externalId: 'bulk-new', name: 'Nieuw' });
    const r = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: list } },
      { key: keys['utrecht'] },
    );
    expect(r.data!['upsertLocations']).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 23,
      cancelled: 0,
    });
    const c = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: list, cancelMissing: true } },
      { key: keys['utrecht'] },
    );
    // Missing from the list: bulk-24 and Utrecht's two seed venues (u-1, u-2).
    expect(c.data!['upsertLocations']).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 25,
      cancelled: 3,
    });
  });

  it('refuses the whole batch when any row is bad, naming every bad row', async () => {
    const before = await snapshot();
    const list = rows(30, (i) =>
      i === 17
        ? { coordinates: { lat: 123, lng: 4.4 } }
        : i === 20
          ? { registrationUrl: 'javascript:alert(1)' }
          : i === 22
            ? { externalId: 'bulk-0' }
            : {},
    );
    const r = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: list } },
      { key: keys['utrecht'] },
    );
    expect(r.data!['upsertLocations']).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 0,
      cancelled: 0,
    });
    const errors = r.data!['upsertLocations'].userErrors;
    expect(errors).toContainEqual(
      expect.objectContaining({
        field: ['locations', '17', 'coordinates', 'lat'],
        code: 'OUT_OF_RANGE',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        field: ['locations', '20', 'registrationUrl'],
        code: 'INVALID_URL',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ field: ['locations', '22', 'externalId'], code: 'DUPLICATE' }),
    );
    expect(errors).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a batch over the size limit', async () => {
    const before = await snapshot();
    const r = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: rows(10_001) } },
      { key: keys['utrecht'] },
    );
    expect(r.data!['upsertLocations'].userErrors).toEqual([
      expect.objectContaining({ field: ['locations'], code: 'BATCH_TOO_LARGE' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the batch when a row would set capacity below the counted participants', async () => {
    await t.database.db.execute(
      sql`UPDATE locations SET participants = 25 WHERE external_id = 'bulk-5'`,
    );
    const before = await snapshot();
    const r = await gql(
      UPSERT,
      {
        input: {
          edition: 'nid-test',
          locations: rows(25, (i) => ({ capacity: i === 5 ? 20 : 30, name: `Tafel ${i}!` })),
        },
      },
      { key: keys['utrecht'] },
    );
    expect(r.data!['upsertLocations'].userErrors).toEqual([
      expect.objectContaining({
        field: ['locations', '5', 'capacity'],
        code: 'BELOW_PARTICIPANTS',
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('a dry run reports the counts and changes nothing', async () => {
    const before = await snapshot();
    const r = await gql(
      UPSERT,
      {
        input: {
          edition: 'nid-test',
          dryRun: true,
          locations: [...rows(25), { ...rows(1)[0]!, externalId: 'dry' }],
        },
      },
      { key: keys['utrecht'] },
    );
    // bulk-3 gets its old name back; the cancelled bulk-24 stays cancelled (its row sends no status).
    expect(r.data!['upsertLocations']).toMatchObject({
      created: 1,
      unchanged: 24,
      updated: 1,
      userErrors: [],
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('what a write leaves alone', () => {
  const one = (extra: Record<string, unknown> = {}) => ({
    externalId: 'keep-1',
    name: 'Opvang Oost',
    coordinates: { lat: 52.3, lng: 4.95 },
    meal: 'DINNER',
    address: { street: 'Geheim 3', postalCode: '1091 AA', city: 'Amsterdam', region: 'NL-NH' },
    capacity: 30,
    ...extra,
  });

  it('a bulk row that says nothing of sensitive or status keeps the venue’s', async () => {
    const created = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [one({ sensitive: true })] } },
      { key: keys['asito'] },
    );
    expect(created.data!['upsertLocations'].created).toBe(1);
    // The member's own system knows no `sensitive` column and sends the venue again, changed.
    const again = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [one({ capacity: 35 })] } },
      { key: keys['asito'] },
    );
    expect(again.data!['upsertLocations']).toMatchObject({ updated: 1, userErrors: [] });
    const pub = await gql(
      `{ locations(edition: "nid-test", filter: { search: "Opvang Oost" }) { nodes { locationPrecision address { street postalCode } capacity } } }`,
    );
    expect(pub.data!['locations'].nodes).toEqual([
      {
        locationPrecision: 'APPROXIMATE',
        address: { street: null, postalCode: null },
        capacity: 35,
      },
    ]);
    // Cancelled by hand, then the unchanged list is sent again: it stays cancelled.
    const id = (
      await gql(
        `{ viewer { locations(edition: "nid-test", first: 100) { nodes { id externalId } } } }`,
        {},
        { key: keys['asito'] },
      )
    ).data!['viewer'].locations.nodes.find((n: any) => n.externalId === 'keep-1').id;
    await gql(CANCEL, { input: { id } }, { key: keys['asito'] });
    const resent = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [one({ capacity: 35 })] } },
      { key: keys['asito'] },
    );
    expect(resent.data!['upsertLocations']).toMatchObject({ unchanged: 1 });
    // Saying so brings it back.
    const back = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [one({ capacity: 35, status: 'PUBLISHED' })] } },
      { key: keys['asito'] },
    );
    expect(back.data!['upsertLocations']).toMatchObject({ updated: 1 });
  });

  it('an update of one address part keeps the others, and an externalId alone is a change', async () => {
    const id = (
      await gql(
        `{ viewer { locations(edition: "nid-test", first: 100) { nodes { id externalId } } } }`,
        {},
        { key: keys['asito'] },
      )
    ).data!['viewer'].locations.nodes.find((n: any) => n.externalId === 'keep-1').id;
    const r = await gql(
      `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { externalId address { street postalCode city region } } userErrors { code } } }`,
      { input: { id, address: { city: 'Diemen' } } },
      { key: keys['asito'] },
    );
    expect(r.data!['updateLocation'].location.address).toEqual({
      street: 'Geheim 3',
      postalCode: '1091 AA',
      city: 'Diemen',
      region: 'NL-NH',
    });
    const renamed = await gql(
      `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { externalId } userErrors { code } } }`,
      { input: { id, externalId: 'keep-1b' } },
      { key: keys['asito'] },
    );
    expect(renamed.data!['updateLocation']).toEqual({
      location: { externalId: 'keep-1b' },
      userErrors: [],
    });
  });

  it('a draft that never went public is not listed among removed venues', async () => {
    const draft = await gql(
      CREATE,
      { input: venue({ name: 'Nog geheim', status: 'DRAFT' }) },
      { key: keys['asito'] },
    );
    const id = draft.data!['createLocation'].location.id;
    const r = await gql(
      `{ removedLocations(edition: "nid-test", since: "2000-01-01T00:00:00Z", first: 1000) { nodes { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['removedLocations'].nodes.map((n: any) => n.id)).not.toContain(id);
  });

  it('an ID beyond the database’s integers is malformed, not a fault', async () => {
    const r = await gql(`query($id: ID!) { location(id: $id) { name } }`, {
      id: encodeGlobalId('Location', 9_999_999_999),
    });
    expect(r.errors![0]!.message).toMatch(/Malformed ID/);
  });
});

describe('an empty list with cancelMissing', () => {
  it('is refused unless confirmed, and changes nothing', async () => {
    const before = await snapshot();
    const r = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [], cancelMissing: true } },
      { key: keys['asito'] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['upsertLocations']).toMatchObject({
      created: 0,
      updated: 0,
      cancelled: 0,
      userErrors: [
        {
          field: ['confirmCancelAll'],
          code: 'REQUIRED',
          message: expect.stringMatching(/every venue/),
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
    // An empty list without cancelMissing does nothing and is fine.
    const nothing = await gql(
      UPSERT,
      { input: { edition: 'nid-test', locations: [] } },
      { key: keys['asito'] },
    );
    expect(nothing.data!['upsertLocations']).toMatchObject({
      created: 0,
      updated: 0,
      cancelled: 0,
      userErrors: [],
    });
    // Confirmed, it goes ahead (here as a dry run, so the fixture stays).
    const confirmed = await gql(
      UPSERT,
      {
        input: {
          edition: 'nid-test',
          locations: [],
          cancelMissing: true,
          confirmCancelAll: true,
          dryRun: true,
        },
      },
      { key: keys['asito'] },
    );
    expect(confirmed.data!['upsertLocations'].userErrors).toEqual([]);
    expect(confirmed.data!['upsertLocations'].cancelled).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
