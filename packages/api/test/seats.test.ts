/**
 * Who sits at the table (issue 20): a venue's seats per role through every write path
 * (createLocation, updateLocation, upsertLocations, the CSV import), and the present count per
 * role on the day (recordArrivals with a role, raiseSeats, idempotency keys). Bad input is
 * refused with userErrors and changes nothing.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { refusedUnchanged, UPDATE, UPSERT, usePublishFixture, venue } from './support.ts';

const f = usePublishFixture();

const SEATS = `seatsByRole { role seats present }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Location { capacity participants ${SEATS} } } }`;
const CREATE_SEATS = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id capacity ${SEATS} } userErrors { field message code } } }`;
const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants ${SEATS} } userErrors { field message code } } }`;
const RAISE_SEATS = `mutation($input: RaiseSeatsInput!) { raiseSeats(input: $input) { location { capacity ${SEATS} } userErrors { field message code } } }`;
const RAISE_CAPACITY = `mutation($input: RaiseCapacityInput!) { raiseCapacity(input: $input) { location { capacity } userErrors { field message code } } }`;
const IMPORT = `mutation ($input: ImportLocationsInput!) { importLocations(input: $input) { created updated unchanged problems { line column message code } userErrors { field code } } }`;
const CREATE_LINK = `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token userErrors { message } } }`;

const TABLE = [
  { role: 'EMPLOYERS', seats: 25 },
  { role: 'STATUS_HOLDERS', seats: 25 },
];

async function create(extra: Record<string, unknown>) {
  const r = await f.gql(
    CREATE_SEATS,
    { input: venue({ capacity: undefined, ...extra }) },
    { key: f.keys['asito'] },
  );
  expect(r.errors).toBeUndefined();
  return r.data!['createLocation'];
}

describe('seats per role: createLocation and updateLocation', () => {
  it('a venue states its seats per role; its capacity is their sum', async () => {
    const made = await create({ name: 'Werkgeversdiner', seatsByRole: TABLE });
    expect(made.userErrors).toEqual([]);
    expect(made.location.capacity).toBe(50);
    // The venue's own key sees the present counts; the public sees the seats only.
    expect(made.location.seatsByRole).toEqual([
      { role: 'STATUS_HOLDERS', seats: 25, present: 0 },
      { role: 'EMPLOYERS', seats: 25, present: 0 },
    ]);
    const pub = await f.gql(READ, { id: made.location.id });
    expect(pub.data!['node'].seatsByRole).toEqual([
      { role: 'STATUS_HOLDERS', seats: 25, present: null },
      { role: 'EMPLOYERS', seats: 25, present: null },
    ]);
    // The capacity may be sent as long as it is the sum.
    const same = await create({ name: 'Met capaciteit', seatsByRole: TABLE, capacity: 50 });
    expect(same.userErrors).toEqual([]);
  });

  it('refuses roles outside the vocabulary, bad seats, duplicates and a capacity that is not the sum', async () => {
    const send =
      (seatsByRole: unknown, extra: Record<string, unknown> = {}) =>
      () =>
        f.gql(
          CREATE_SEATS,
          { input: venue({ capacity: undefined, seatsByRole, ...extra }) },
          { key: f.keys['asito'] },
        );
    const errors = (d: any) => d.createLocation.userErrors;
    await refusedUnchanged(f, send([{ role: 'CHEFS', seats: 3 }]), errors, [
      { field: ['seatsByRole', 0, 'role'], code: 'INVALID' },
    ]);
    await refusedUnchanged(f, send([{ role: 'EMPLOYERS', seats: -1 }]), errors, [
      { field: ['seatsByRole', 0, 'seats'], code: 'OUT_OF_RANGE' },
    ]);
    await refusedUnchanged(
      f,
      send([
        { role: 'EMPLOYERS', seats: 3 },
        { role: 'EMPLOYERS', seats: 4 },
      ]),
      errors,
      [{ field: ['seatsByRole', 1, 'role'], code: 'DUPLICATE' }],
    );
    await refusedUnchanged(f, send(TABLE, { capacity: 60 }), errors, [
      { field: ['capacity'], code: 'INVALID' },
    ]);
    // A fraction is not an Int: GraphQL refuses it before the domain, and nothing changes either.
    const before = await f.snapshot();
    const fraction = await send([{ role: 'EMPLOYERS', seats: 2.5 }])();
    expect(fraction.errors?.[0]?.message).toMatch(/Int/);
    expect(await f.snapshot()).toEqual(before);
  });

  it('updateLocation sets, keeps and clears them; the capacity follows', async () => {
    const id = f.id('Heracles Stadion');
    const update = (input: Record<string, unknown>) =>
      f.gql(UPDATE, { input: { id, ...input } }, { key: f.keys['asito'] });
    // 580 people are counted there: seats for 600.
    const set = await update({
      seatsByRole: [
        { role: 'EMPLOYEES', seats: 400 },
        { role: 'JOB_SEEKERS', seats: 200 },
      ],
    });
    expect(set.data!['updateLocation'].userErrors).toEqual([]);
    expect(set.data!['updateLocation'].location.capacity).toBe(600);
    // Another field alone keeps the seats.
    await update({ name: 'Heracles Stadion' });
    // A capacity that is not the sum is refused, and nothing changes.
    await refusedUnchanged(
      f,
      () => update({ capacity: 700 }),
      (d) => d.updateLocation.userErrors,
      [{ field: ['capacity'], code: 'INVALID' }],
    );
    // Seats whose sum is below the people counted are refused as a capacity below them is.
    await refusedUnchanged(
      f,
      () => update({ seatsByRole: [{ role: 'EMPLOYEES', seats: 100 }] }),
      (d) => d.updateLocation.userErrors,
      [{ field: ['seatsByRole'], code: 'BELOW_PARTICIPANTS' }],
    );
    const read = await f.gql(READ, { id }, { key: f.keys['asito'] });
    expect(read.data!['node'].seatsByRole.map((s: any) => [s.role, s.seats])).toEqual([
      ['JOB_SEEKERS', 200],
      ['EMPLOYEES', 400],
    ]);
    // Cleared: the venue states no roles, its capacity stays what it was.
    const cleared = await update({ seatsByRole: [] });
    expect(cleared.data!['updateLocation'].userErrors).toEqual([]);
    const after = await f.gql(READ, { id }, { key: f.keys['asito'] });
    expect(after.data!['node']).toMatchObject({ capacity: 600, seatsByRole: [] });
  });
});

describe('seats per role: the bulk upsert and the CSV import', () => {
  const row = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    name: `Tafel ${externalId}`,
    coordinates: { lat: 52.37, lng: 4.89 },
    meal: 'DINNER',
    address: { city: 'Amsterdam', region: 'NL-NH' },
    ...extra,
  });
  const upsert = (locations: unknown[]) =>
    f.gql(UPSERT, { input: { edition: 'nid-test', locations } }, { key: f.keys['asito'] });

  it('creates with seats, and a list without them keeps the venue’s', async () => {
    const first = await upsert([row('bulk-1', { seatsByRole: TABLE })]);
    expect(first.data!['upsertLocations']).toMatchObject({ created: 1, userErrors: [] });
    const again = await upsert([row('bulk-1')]);
    expect(again.data!['upsertLocations']).toMatchObject({ unchanged: 1, userErrors: [] });
    const seatsOf = await f.gql(
      `{ locations(edition: "nid-test", first: 100) { nodes { externalId capacity seatsByRole { role seats } } } }`,
      {},
      { key: f.keys['asito'] },
    );
    const bulk = seatsOf.data!['locations'].nodes.find((n: any) => n.externalId === 'bulk-1');
    expect(bulk).toMatchObject({ capacity: 50 });
    expect(bulk.seatsByRole).toHaveLength(2);
    // A list that sends another capacity for a venue with seats per role is refused.
    await refusedUnchanged(
      f,
      () => upsert([row('bulk-1', { capacity: 80 })]),
      (d) => d.upsertLocations.userErrors,
      [{ field: ['locations', 0, 'capacity'], code: 'INVALID' }],
    );
  });

  it('names every bad row and changes nothing', async () => {
    await refusedUnchanged(
      f,
      () =>
        upsert([
          row('bulk-2', { seatsByRole: [{ role: 'VIPS', seats: 2 }] }),
          row('bulk-3', {
            seatsByRole: [
              { role: 'ELDERLY', seats: -4 },
              { role: 'ELDERLY', seats: 4 },
            ],
          }),
        ]),
      (d) => d.upsertLocations.userErrors,
      [
        { field: ['locations', 0, 'seatsByRole', 0, 'role'], code: 'INVALID' },
        { field: ['locations', 1, 'seatsByRole', 0, 'seats'], code: 'OUT_OF_RANGE' },
        { field: ['locations', 1, 'seatsByRole', 1, 'role'], code: 'DUPLICATE' },
      ],
    );
  });

  it('imports a seats_by_role column, and reports its bad cells by line', async () => {
    const header = 'external_id,name,lat,lng,meal,seats_by_role';
    const send = (csv: string) =>
      f.gql(
        IMPORT,
        { input: { edition: 'nid-test', organisation: 'asito', csv } },
        { key: f.keys['staff'] },
      );
    const good = await send(
      `${header}\ncsv-1,Diner in Den Bosch,51.69,5.30,DINNER,werkgevers:25|status holders:25`,
    );
    // Dutch labels are not codes: refused, with the codes named.
    expect(good.data!['importLocations'].problems[0]).toMatchObject({
      line: 2,
      column: 'seats_by_role',
      code: 'INVALID',
    });
    const coded = await send(
      `${header}\ncsv-1,Diner in Den Bosch,51.69,5.30,DINNER,employers:25|status holders:25`,
    );
    expect(coded.data!['importLocations']).toMatchObject({ created: 1, problems: [] });
    const made = await f.gql(
      `{ locations(edition: "nid-test", first: 100) { nodes { externalId capacity seatsByRole { role seats } } } }`,
    );
    expect(made.data!['locations'].nodes.find((n: any) => n.externalId === 'csv-1')).toMatchObject({
      capacity: 50,
      seatsByRole: [
        { role: 'STATUS_HOLDERS', seats: 25 },
        { role: 'EMPLOYERS', seats: 25 },
      ],
    });
    const problems = (d: any) =>
      d.importLocations.problems.map((p: any) => ({ field: [p.line, p.column], code: p.code }));
    for (const [cell, code] of [
      ['EMPLOYERS:2.5', 'INVALID'],
      ['EMPLOYERS:-3', 'OUT_OF_RANGE'],
      ['EMPLOYERS', 'INVALID'],
    ])
      await refusedUnchanged(
        f,
        () => send(`${header}\ncsv-2,Een,51.69,5.30,DINNER,${cell}`),
        problems,
        [{ field: [2, 'seats_by_role'], code: code! }],
      );
    await refusedUnchanged(
      f,
      () => send(`${header}\ncsv-3,Twee,51.69,5.30,DINNER,EMPLOYERS:3|EMPLOYERS:3`),
      problems,
      [{ field: [2, 'seats_by_role'], code: 'DUPLICATE' }],
    );
  });
});

describe('present per role on the day', () => {
  it('counts arrivals per role beside the total, up to the role’s seats; raiseSeats makes room', async () => {
    const made = await create({ name: 'Tafel van de dag', seatsByRole: TABLE });
    const id = made.location.id;
    const link = (await f.gql(CREATE_LINK, { input: { location: id } }, { key: f.keys['asito'] }))
      .data!['createHostLink'].token as string;
    const arrive = (input: Record<string, unknown>, key = link) =>
      f.gql(ARRIVE, { input: { location: id, ...input } }, { key });

    const first = await arrive({ delta: 20, role: 'EMPLOYERS' });
    expect(first.data!['recordArrivals']).toMatchObject({
      userErrors: [],
      location: {
        participants: 20,
        seatsByRole: [
          { role: 'STATUS_HOLDERS', seats: 25, present: 0 },
          { role: 'EMPLOYERS', seats: 25, present: 20 },
        ],
      },
    });
    // Without a role only the total moves, as before.
    const plain = await arrive({ delta: 2 });
    expect(plain.data!['recordArrivals'].location.participants).toBe(22);

    const errors = (d: any) => d.recordArrivals.userErrors;
    // Above the role's seats: refused like the total above capacity, nothing counted.
    await refusedUnchanged(f, () => arrive({ delta: 6, role: 'EMPLOYERS' }), errors, [
      { field: ['input', 'role'], code: 'OVER_CAPACITY' },
    ]);
    // A role the venue has no seats for, and a role outside the vocabulary.
    await refusedUnchanged(f, () => arrive({ delta: 1, role: 'ELDERLY' }), errors, [
      { field: ['input', 'role'], code: 'INVALID' },
    ]);
    await refusedUnchanged(f, () => arrive({ delta: 1, role: 'CHEFS' }), errors, [
      { field: ['input', 'role'], code: 'INVALID' },
    ]);
    // Below zero for the role, and a departure without a role below those counted per role.
    await refusedUnchanged(f, () => arrive({ delta: -1, role: 'STATUS_HOLDERS' }), errors, [
      { field: ['input', 'role'], code: 'BELOW_ZERO' },
    ]);
    await refusedUnchanged(f, () => arrive({ delta: -3 }), errors, [
      { field: ['input', 'delta'], code: 'BELOW_PARTICIPANTS' },
    ]);
    // The capacity is the seats' sum: raised per role, not on its own.
    await refusedUnchanged(
      f,
      () => f.gql(RAISE_CAPACITY, { input: { location: id, capacity: 60 } }, { key: link }),
      (d) => d.raiseCapacity.userErrors,
      [{ field: ['input', 'capacity'], code: 'INVALID' }],
    );
    // Seats only go up here, and only for a role the venue seats.
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          RAISE_SEATS,
          { input: { location: id, role: 'EMPLOYERS', seats: 10 } },
          { key: link },
        ),
      (d) => d.raiseSeats.userErrors,
      [{ field: ['input', 'seats'], code: 'OUT_OF_RANGE' }],
    );
    await refusedUnchanged(
      f,
      () =>
        f.gql(RAISE_SEATS, { input: { location: id, role: 'YOUTH', seats: 10 } }, { key: link }),
      (d) => d.raiseSeats.userErrors,
      [{ field: ['input', 'role'], code: 'INVALID' }],
    );
    // The offer: the host raises the role's seats, then counts them.
    const raised = await f.gql(
      RAISE_SEATS,
      { input: { location: id, role: 'EMPLOYERS', seats: 30 } },
      { key: link },
    );
    expect(raised.data!['raiseSeats']).toMatchObject({
      userErrors: [],
      location: { capacity: 55 },
    });
    const fits = await arrive({ delta: 6, role: 'EMPLOYERS' });
    expect(fits.data!['recordArrivals']).toMatchObject({
      userErrors: [],
      location: { participants: 28 },
    });
    const statusHolders = await arrive({ delta: 7, role: 'STATUS_HOLDERS' });
    expect(statusHolders.data!['recordArrivals'].location.seatsByRole).toEqual([
      { role: 'STATUS_HOLDERS', seats: 25, present: 7 },
      { role: 'EMPLOYERS', seats: 30, present: 26 },
    ]);
    // Lowering a role's seats below those present is refused in the venue's own edit too.
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          UPDATE,
          {
            input: {
              id,
              seatsByRole: [
                { role: 'EMPLOYERS', seats: 20 },
                { role: 'STATUS_HOLDERS', seats: 25 },
              ],
            },
          },
          { key: f.keys['asito'] },
        ),
      (d) => d.updateLocation.userErrors,
      [{ field: ['seatsByRole'], code: 'BELOW_PARTICIPANTS' }],
    );
    // Each change with a role is logged with it.
    const rows = rowsOf<{ role: string | null; old_value: number; new_value: number }>(
      await f.t.database.db.execute(
        sql`SELECT role, old_value, new_value FROM participation_log WHERE location_id = (SELECT id FROM locations WHERE name = 'Tafel van de dag') ORDER BY id`,
      ),
    );
    expect(rows.map((r) => [r.role, r.old_value, r.new_value])).toEqual([
      ['EMPLOYERS', 0, 20],
      [null, 20, 22],
      ['EMPLOYERS', 22, 28],
      ['STATUS_HOLDERS', 28, 35],
    ]);
  });

  it('an idempotency key counts a role’s arrivals once, and refuses another role with it', async () => {
    const made = await create({ name: 'Tafel met sleutels', seatsByRole: TABLE });
    const id = made.location.id;
    const send = (role: string) =>
      f.gql(
        ARRIVE,
        { input: { location: id, delta: 3, role, idempotencyKey: 'tap-0001-employers' } },
        { key: f.keys['asito'] },
      );
    const once = await send('EMPLOYERS');
    const twice = await send('EMPLOYERS');
    expect(twice.data!['recordArrivals']).toEqual(once.data!['recordArrivals']);
    expect(once.data!['recordArrivals'].location.participants).toBe(3);
    await refusedUnchanged(
      f,
      () => send('STATUS_HOLDERS'),
      (d) => d.recordArrivals.userErrors,
      [{ field: ['input', 'idempotencyKey'], code: 'CONFLICT' }],
    );
    // The total is never set below the people counted per role, by a report or a venue edit.
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { field message code } } }`,
          { input: { location: id, participants: 2 } },
          { key: f.keys['asito'] },
        ),
      (d) => d.reportParticipation.userErrors,
      [{ field: ['input', 'participants'], code: 'BELOW_PARTICIPANTS' }],
    );
    await refusedUnchanged(
      f,
      () => f.gql(UPDATE, { input: { id, participants: 2 } }, { key: f.keys['asito'] }),
      (d) => d.updateLocation.userErrors,
      [{ field: ['participants'], code: 'BELOW_PARTICIPANTS' }],
    );
    const read = await f.gql(READ, { id }, { key: f.keys['asito'] });
    expect(read.data!['node']).toMatchObject({
      participants: 3,
      seatsByRole: [
        { role: 'STATUS_HOLDERS', present: 0 },
        { role: 'EMPLOYERS', present: 3 },
      ],
    });
  });
});

describe('seats per role: copied into the next edition', () => {
  it('a venue copied into another edition keeps its seats per role, none present', async () => {
    const made = await create({ name: 'Diner van vorig jaar', seatsByRole: TABLE });
    expect(made.userErrors).toEqual([]);
    const next = await f.gql(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
      { input: { slug: 'seats-next', name: 'Volgend jaar', date: '2028-10-12' } },
      { key: f.keys['staff'] },
    );
    expect(next.data!['createEdition'].userErrors).toEqual([]);
    const copied = await f.gql(
      `mutation($input: CopyLocationsInput!) { copyLocations(input: $input) { copied { name capacity ${SEATS} } userErrors { code } } }`,
      { input: { from: 'nid-test', to: 'seats-next' } },
      { key: f.keys['asito'] },
    );
    expect(copied.data!['copyLocations'].userErrors).toEqual([]);
    const copy = copied.data!['copyLocations'].copied.find(
      (c: { name: string }) => c.name === 'Diner van vorig jaar',
    );
    expect(copy).toEqual({
      name: 'Diner van vorig jaar',
      capacity: 50,
      // In the order the API lists roles, as for the venue copied.
      seatsByRole: made.location.seatsByRole,
    });
    expect(made.location.seatsByRole).toHaveLength(2);
  });
});
