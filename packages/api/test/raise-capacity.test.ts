/**
 * raiseCapacity: on the day more people come than a venue said it seats; its host link (or its
 * organisation, or staff) raises the capacity — only upward — and then records who is there.
 * Everything refused changes nothing. And what a host link reads of its own venue (`hostLink`).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
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
let fx: Awaited<ReturnType<typeof seedFixture>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  keys['staff'] = await staffKey(t.database);
  keys['asito'] = await memberKey(t.database, fx.asito.id);
  keys['asitoVenuesOnly'] = await memberKey(t.database, fx.asito.id, ['LOCATIONS_WRITE']);
  keys['utrecht'] = await memberKey(t.database, fx.utrecht.id);
});
afterAll(() => t.close());

const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);

const RAISE = `mutation($input: RaiseCapacityInput!) { raiseCapacity(input: $input) { location { name capacity participants } userErrors { field message code } } }`;
const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants } userErrors { field message code } } }`;
const CREATE_LINK = `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token hostLink { prefix } userErrors { message } } }`;

async function newLink(venue: string, key: string): Promise<{ token: string; prefix: string }> {
  const r = await gql(CREATE_LINK, { input: { location: id(venue) } }, { key });
  return {
    token: r.data!['createHostLink'].token,
    prefix: r.data!['createHostLink'].hostLink.prefix,
  };
}

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of ['locations', 'participation_log', 'location_changes']) {
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  }
  return JSON.parse(JSON.stringify(out));
}

describe('raiseCapacity', () => {
  it('a host at capacity is refused one more, raises the capacity, then counts them; recorded as the link', async () => {
    const link = await newLink('Buurthuis De Ster', keys['utrecht']!);
    const venue = id('Buurthuis De Ster');
    const full = await gql(ARRIVE, { input: { location: venue, delta: 10 } }, { key: link.token });
    expect(full.data!['recordArrivals'].userErrors).toEqual([]);
    const over = await gql(ARRIVE, { input: { location: venue, delta: 3 } }, { key: link.token });
    expect(over.data!['recordArrivals'].userErrors).toMatchObject([{ code: 'OVER_CAPACITY' }]);

    const raised = await gql(
      RAISE,
      { input: { location: venue, capacity: 45 } },
      { key: link.token },
    );
    expect(raised.data!['raiseCapacity']).toEqual({
      location: { name: 'Buurthuis De Ster', capacity: 45, participants: 40 },
      userErrors: [],
    });
    const counted = await gql(
      ARRIVE,
      { input: { location: venue, delta: 3 } },
      { key: link.token },
    );
    expect(counted.data!['recordArrivals']).toEqual({
      location: { participants: 43 },
      userErrors: [],
    });
    const changes = rowsOf<{ action: string; actor: string; changes: unknown }>(
      await t.database.db.execute(
        sql`SELECT action, actor, changes FROM location_changes WHERE location_id = ${fx.locations['Buurthuis De Ster']!.id} ORDER BY id`,
      ),
    );
    expect(changes).toEqual([
      {
        action: 'RAISE_CAPACITY',
        actor: link.prefix,
        changes: { capacity: { from: 40, to: 45 } },
      },
    ]);
    // The same capacity again: nothing to change, nothing recorded.
    const same = await gql(
      RAISE,
      { input: { location: venue, capacity: 45 } },
      { key: link.token },
    );
    expect(same.data!['raiseCapacity'].userErrors).toEqual([]);
    const after = rowsOf(
      await t.database.db.execute(
        sql`SELECT id FROM location_changes WHERE action = 'RAISE_CAPACITY'`,
      ),
    );
    expect(after).toHaveLength(1);
  });

  it('the organisation’s key and staff raise it too', async () => {
    const own = await gql(
      RAISE,
      { input: { location: id('Heracles Stadion'), capacity: 650 } },
      { key: keys['asito'] },
    );
    expect(own.data!['raiseCapacity'].location).toMatchObject({ capacity: 650 });
    const staff = await gql(
      RAISE,
      { input: { location: id('Stadhuis Utrecht'), capacity: 160 } },
      { key: keys['staff'] },
    );
    expect(staff.data!['raiseCapacity'].location).toMatchObject({ capacity: 160 });
  });

  it('refuses lowering, out of range, another venue, another organisation, the public, a cancelled venue: nothing changes', async () => {
    const link = await newLink('Ontbijt AZC Almelo', keys['asito']!);
    const before = await snapshot();
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [{ location: id('Ontbijt AZC Almelo'), capacity: 50 }, link.token, 'OUT_OF_RANGE'],
      [{ location: id('Ontbijt AZC Almelo'), capacity: -1 }, link.token, 'OUT_OF_RANGE'],
      [{ location: id('Ontbijt AZC Almelo'), capacity: 100_001 }, link.token, 'OUT_OF_RANGE'],
      [{ location: id('Moskee Bergen op Zoom'), capacity: 300 }, link.token, 'FORBIDDEN'],
      [{ location: id('Concept lunch'), capacity: 300 }, link.token, 'NOT_FOUND'],
      [{ location: id('Moskee Bergen op Zoom'), capacity: 300 }, keys['utrecht'], 'FORBIDDEN'],
      [{ location: id('Geannuleerd diner'), capacity: 300 }, keys['asito'], 'CANCELLED'],
    ];
    for (const [input, key, code] of cases) {
      const r = await gql(RAISE, { input }, { key });
      expect(r.errors, JSON.stringify(input)).toBeUndefined();
      expect(r.data!['raiseCapacity'], JSON.stringify(input)).toMatchObject({
        location: null,
        userErrors: [{ code }],
      });
    }
    const lower = await gql(
      RAISE,
      { input: { location: id('Ontbijt AZC Almelo'), capacity: 50 } },
      { key: link.token },
    );
    expect(lower.data!['raiseCapacity'].userErrors[0].message).toBe(
      'The capacity can only be raised here: it is 60, and 50 is lower. Change the venue itself to lower it.',
    );
    const anonymous = await gql(RAISE, {
      input: { location: id('Ontbijt AZC Almelo'), capacity: 70 },
    });
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const venuesOnly = await gql(
      RAISE,
      { input: { location: id('Ontbijt AZC Almelo'), capacity: 70 } },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(venuesOnly.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('hostLink', () => {
  const HOST = `{ hostLink { prefix expiresAt location { id name startsAt participants capacity full edition { slug } } } }`;

  it('a host link reads its own venue: name, time, count, capacity, full and the edition', async () => {
    const link = await newLink('Ontbijt AZC Almelo', keys['asito']!);
    const r = await gql(HOST, {}, { key: link.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!['hostLink']).toMatchObject({
      prefix: link.prefix,
      location: {
        id: id('Ontbijt AZC Almelo'),
        name: 'Ontbijt AZC Almelo',
        participants: 10,
        capacity: 60,
        full: false,
        edition: { slug: 'nid-test' },
      },
    });
    expect(r.data!['hostLink'].expiresAt).toBe('2027-10-15T04:00:00.000Z');
  });

  it('is null for the public and for a key', async () => {
    expect((await gql(HOST)).data!['hostLink']).toBeNull();
    expect((await gql(HOST, {}, { key: keys['asito'] })).data!['hostLink']).toBeNull();
  });
});
