/**
 * The measure of mixing (issue 20): per venue, region and edition, how many people of each role
 * shared a table with people of another role — exact where every group is at least the least
 * group size (default 5; per edition; per server), suppressed (null) below it, in `stats`, on
 * the venue and in the open data. The counts come through the real write path (recordArrivals
 * with a role).
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  memberKey,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let app: ReturnType<typeof createClient>['app'];
const keys: Record<string, string> = {};
const ids: Record<string, string> = {};

const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { field message code } } }`;
const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { field message code } } }`;
const SET_MIN = `mutation($input: UpdateEditionInput!) { updateEdition(input: $input) { edition { mixingMinGroup } userErrors { field code } } }`;
const SUMMARY = `minGroupSize roles { role mixed } mixedVenues suppressedVenues`;
const STATS = `{ stats(edition: "nid-test") { participants mixing { total { ${SUMMARY} } byRegion { region mixing { ${SUMMARY} } } } } }`;
const VENUE = `query($id: ID!) { node(id: $id) { ... on Location { mixing { role mixed } } } }`;

/** A venue of Asito's with seats per role, and the people of each role who came. */
async function venue(
  name: string,
  place: { lat: number; lng: number; region: string },
  present: Record<string, number>,
) {
  const made = await gql(
    CREATE,
    {
      input: {
        edition: 'nid-test',
        name,
        meal: 'DINNER',
        coordinates: { lat: place.lat, lng: place.lng },
        address: { region: place.region },
        seatsByRole: Object.keys(present).map((role) => ({ role, seats: 10 })),
      },
    },
    { key: keys['asito'] },
  );
  expect(made.data!['createLocation'].userErrors).toEqual([]);
  const id = made.data!['createLocation'].location.id as string;
  ids[name] = id;
  for (const [role, delta] of Object.entries(present)) {
    const r = await gql(ARRIVE, { input: { location: id, delta, role } }, { key: keys['asito'] });
    expect(r.data!['recordArrivals'].userErrors).toEqual([]);
  }
}

const UTRECHT = { lat: 52.09, lng: 5.12, region: 'NL-UT' };
const DEN_BOSCH = { lat: 51.69, lng: 5.3, region: 'NL-NB' };

beforeAll(async () => {
  t = await openTestDatabase();
  const fx = await seedFixture(t.database);
  ({ gql, app } = createClient(t.database));
  keys['staff'] = await staffKey(t.database);
  keys['asito'] = await memberKey(t.database, fx.asito.id);
  // Mixed, every group at least 5: published as counted.
  await venue('Gemengd', UTRECHT, { EMPLOYERS: 6, STATUS_HOLDERS: 7 });
  // Mixed, but two status holders: a small group, so the venue's figures are suppressed.
  await venue('Klein groepje', UTRECHT, { EMPLOYERS: 10, STATUS_HOLDERS: 2 });
  // One role only: nobody sat with another role.
  await venue('Alleen werkgevers', DEN_BOSCH, { EMPLOYERS: 8 });
});
afterAll(() => t.close());

const setMin = async (mixingMinGroup: number | null) => {
  const r = await gql(
    SET_MIN,
    { input: { slug: 'nid-test', mixingMinGroup } },
    { key: keys['staff'] },
  );
  expect(r.data!['updateEdition'].userErrors).toEqual([]);
};

describe('the measure of mixing', () => {
  it('is exact where every group is at least 5, and null below it (default)', async () => {
    const r = await gql(STATS);
    expect(r.errors).toBeUndefined();
    const mixing = r.data!['stats'].mixing;
    // The small venue's people are left out of the region and the edition, so its figures cannot
    // be recovered by subtracting the published ones.
    expect(mixing.total).toEqual({
      minGroupSize: 5,
      roles: [
        { role: 'STATUS_HOLDERS', mixed: 7 },
        { role: 'EMPLOYERS', mixed: 6 },
      ],
      mixedVenues: 1,
      suppressedVenues: 1,
    });
    expect(mixing.byRegion).toEqual([
      {
        region: 'NL-NB',
        mixing: {
          minGroupSize: 5,
          roles: [{ role: 'EMPLOYERS', mixed: 0 }],
          mixedVenues: 0,
          suppressedVenues: 0,
        },
      },
      { region: 'NL-UT', mixing: mixing.total },
    ]);
    const venueOf = async (name: string) =>
      (await gql(VENUE, { id: ids[name] })).data!['node'].mixing;
    expect(await venueOf('Gemengd')).toEqual([
      { role: 'STATUS_HOLDERS', mixed: 7 },
      { role: 'EMPLOYERS', mixed: 6 },
    ]);
    expect(await venueOf('Klein groepje')).toEqual([
      { role: 'STATUS_HOLDERS', mixed: null },
      { role: 'EMPLOYERS', mixed: null },
    ]);
    expect(await venueOf('Alleen werkgevers')).toEqual([{ role: 'EMPLOYERS', mixed: 0 }]);
    // The public never reads the present counts per role themselves.
    const seats = await gql(
      `query($id: ID!) { node(id: $id) { ... on Location { seatsByRole { role present } } } }`,
      { id: ids['Klein groepje'] },
    );
    expect(seats.data!['node'].seatsByRole.map((s: any) => s.present)).toEqual([null, null]);
  });

  it('follows the edition’s own least group size', async () => {
    await setMin(2);
    const low = (await gql(STATS)).data!['stats'].mixing.total;
    expect(low).toEqual({
      minGroupSize: 2,
      roles: [
        { role: 'STATUS_HOLDERS', mixed: 9 },
        { role: 'EMPLOYERS', mixed: 16 },
      ],
      mixedVenues: 2,
      suppressedVenues: 0,
    });
    await setMin(8);
    const high = (await gql(STATS)).data!['stats'].mixing.total;
    expect(high).toEqual({
      minGroupSize: 8,
      roles: [{ role: 'EMPLOYERS', mixed: 0 }],
      mixedVenues: 0,
      suppressedVenues: 2,
    });
    const refused = await gql(
      SET_MIN,
      { input: { slug: 'nid-test', mixingMinGroup: 0 } },
      { key: keys['staff'] },
    );
    expect(refused.data!['updateEdition'].userErrors).toEqual([
      { field: ['mixingMinGroup'], code: 'OUT_OF_RANGE' },
    ]);
    await setMin(null);
  });

  it('follows the server’s default where the edition sets none', async () => {
    const server = createClient(t.database, { responseCache: false, mixingMinGroup: 2 });
    const r = await server.gql(STATS);
    expect(r.data!['stats'].mixing.total).toMatchObject({
      minGroupSize: 2,
      mixedVenues: 2,
      suppressedVenues: 0,
    });
  });

  it('is in the open data, suppressed figures left empty', async () => {
    const response = await app.fetch('http://tafel.test/editions/nid-test/mixing.csv');
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const pick = (level: string, key: string) =>
      rows
        .filter((r) => r['level'] === level && r['key'] === key)
        .map((r) => [r['role'], r['mixed'], r['minGroupSize']]);
    expect(pick('edition', '')).toEqual([
      ['STATUS_HOLDERS', '7', '5'],
      ['EMPLOYERS', '6', '5'],
    ]);
    expect(pick('region', 'NL-UT')).toEqual(pick('edition', ''));
    expect(pick('location', ids['Klein groepje']!)).toEqual([
      ['STATUS_HOLDERS', '', '5'],
      ['EMPLOYERS', '', '5'],
    ]);
    expect(pick('location', ids['Gemengd']!)).toEqual([
      ['STATUS_HOLDERS', '7', '5'],
      ['EMPLOYERS', '6', '5'],
    ]);
  });
});
