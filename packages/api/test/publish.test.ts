/**
 * Members publish: the authorization matrix, every bad input, the bulk upsert, moderation,
 * privacy tiers and the audit trail. Every refusal is checked to leave the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { encodeGlobalId } from '../src/graphql/builder.ts';
import { csvProblemOf, parseVenueCsv } from '../src/locations/csv.ts';
import { upsertLocations } from '../src/locations/write.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createClient, memberKey, openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let fx: Awaited<ReturnType<typeof seedFixture>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  keys.staff = await staffKey(t.database);
  keys.asito = await memberKey(t.database, fx.asito.id);
  keys.utrecht = await memberKey(t.database, fx.utrecht.id);
  keys.asitoParticipationOnly = await memberKey(t.database, fx.asito.id, ['PARTICIPATION_WRITE']);
  keys.asitoVenuesOnly = await memberKey(t.database, fx.asito.id, ['LOCATIONS_WRITE']);
  keys.revoked = await memberKey(t.database, fx.asito.id);
  const revoke = await gql(`mutation($p: String!) { revokeApiKey(input: { prefix: $p }) { apiKey { revokedAt } userErrors { code } } }`, { p: keys.revoked.slice(0, 14) }, { key: keys.staff });
  expect(revoke.data!.revokeApiKey.userErrors).toEqual([]);
});
afterAll(() => t.close());

/** Everything a mutation could change, as plain data (minus key use times). */
async function snapshot() {
  const tables = ['editions', 'organisations', 'locations', 'location_changes', 'participation_log'];
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  }
  out.api_keys = rowsOf(await t.database.db.execute(sql.raw(`SELECT id, prefix, scopes, revoked_at FROM api_keys ORDER BY id`)));
  return JSON.parse(JSON.stringify(out));
}

const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
const PAYLOAD = `location { id name status capacity participants organisation { slug } } userErrors { field message code }`;
const venue = (extra: Record<string, unknown> = {}) => ({
  edition: 'nid-test', name: 'Nieuwe tafel', coordinates: { lat: 52.37, lng: 4.89 }, meal: 'DINNER',
  address: { city: 'Amsterdam', region: 'NL-NH', postalCode: '1012 AB' }, capacity: 40, ...extra,
});

const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { ${PAYLOAD} } }`;
const CANCEL = `mutation($input: CancelLocationInput!) { cancelLocation(input: $input) { ${PAYLOAD} } }`;
const UPSERT = `mutation($input: UpsertLocationsInput!) { upsertLocations(input: $input) { created updated unchanged cancelled locations { externalId name } userErrors { field message code } } }`;

describe('authorization matrix: who may call which mutation', () => {
  type Who = 'anonymous' | 'asito' | 'utrecht' | 'staff' | 'revoked' | 'asitoParticipationOnly';
  const mutations: { name: string; query: string; input: () => Record<string, unknown>; allowed: Who[]; asOther?: Who[] }[] = [
    { name: 'createLocation', query: CREATE, input: () => venue(), allowed: ['asito', 'utrecht'], },
    { name: 'updateLocation', query: UPDATE, input: () => ({ id: id('Heracles Stadion'), name: 'Heracles (nieuw)' }), allowed: ['asito', 'staff'] },
    { name: 'cancelLocation', query: CANCEL, input: () => ({ id: id('Heracles Stadion') }), allowed: ['asito', 'staff'] },
    { name: 'upsertLocations', query: UPSERT, input: () => ({ edition: 'nid-test', locations: [{ externalId: 'x-1', name: 'X', coordinates: { lat: 52, lng: 5 }, meal: 'LUNCH' }] }), allowed: ['asito', 'utrecht'] },
    { name: 'createEdition', query: `mutation($input: CreateEditionInput!) { createEdition(input: $input) { edition { slug } userErrors { code } } }`, input: () => ({ slug: 'nid-2099', name: 'X', date: '2099-10-08' }), allowed: ['staff'] },
    { name: 'createOrganisation', query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { slug } userErrors { code } } }`, input: () => ({ slug: 'nieuw-lid', name: 'Nieuw lid' }), allowed: ['staff'] },
    { name: 'issueApiKey', query: `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret userErrors { code } } }`, input: () => ({ organisation: 'asito', scopes: ['LOCATIONS_WRITE'] }), allowed: ['staff'] },
    { name: 'revokeApiKey', query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { prefix } userErrors { code } } }`, input: () => ({ prefix: keys.utrecht!.slice(0, 14) }), allowed: ['staff'] },
    { name: 'approveOrganisation', query: `mutation($input: ApproveOrganisationInput!) { approveOrganisation(input: $input) { organisation { slug } userErrors { code } } }`, input: () => ({ organisation: 'asito' }), allowed: ['staff'] },
  ];
  const everyone: Who[] = ['anonymous', 'asito', 'utrecht', 'staff', 'revoked', 'asitoParticipationOnly'];
  for (const m of mutations) {
    for (const who of everyone.filter((w) => !m.allowed.includes(w))) {
      it(`${m.name} refuses ${who} and changes nothing`, async () => {
        const before = await snapshot();
        const r = await gql(m.query, { input: m.input() }, { key: who === 'anonymous' ? undefined : keys[who] });
        const refusedByAuth = r.errors?.length && r.data?.[m.name] == null;
        const refusedByPayload = (r.data?.[m.name]?.userErrors?.length ?? 0) > 0;
        expect(refusedByAuth || refusedByPayload).toBeTruthy();
        if (who === 'anonymous') expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
        if (who === 'revoked') expect(r.errors![0]!.message).toMatch(/revoked/);
        if (refusedByAuth && who !== 'anonymous' && who !== 'revoked') expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it('a revoked key is refused even for public reads, never read as anonymous', async () => {
    const r = await gql(`{ editions { slug } }`, {}, { key: keys.revoked });
    expect(r.status).toBe(401);
    expect(r.errors![0]!.message).toMatch(/revoked/);
  });

  it('a malformed or unknown key gets a clear 401', async () => {
    const malformed = await gql(`{ editions { slug } }`, {}, { key: 'nope' });
    expect(malformed.status).toBe(401);
    expect(malformed.errors![0]!.message).toMatch(/Malformed API key/);
    const unknown = await gql(`{ editions { slug } }`, {}, { key: `tafel_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.errors![0]!.message).toMatch(/Unknown API key/);
    const scheme = await gql(`{ editions { slug } }`, {}, { headers: { authorization: 'Basic abc' } });
    expect(scheme.errors![0]!.message).toMatch(/Bearer/);
  });

  it('viewer says who a key is', async () => {
    const member = await gql(`{ viewer { keyPrefix isStaff scopes organisation { slug } } }`, {}, { key: keys.asito });
    expect(member.data!.viewer).toEqual({ keyPrefix: keys.asito!.slice(0, 14), isStaff: false, scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'], organisation: { slug: 'asito' } });
    const staff = await gql(`{ viewer { isStaff organisation { slug } } }`, {}, { key: keys.staff });
    expect(staff.data!.viewer).toEqual({ isStaff: true, organisation: null });
    expect((await gql(`{ viewer { isStaff } }`)).data!.viewer).toBeNull();
  });
});

describe('venue mutations', () => {
  it('a member creates, updates and cancels its own venue; staff act on its behalf', async () => {
    const created = await gql(CREATE, { input: venue({ externalId: 'ams-1', registrationUrl: 'https://example.org/aanmelden', targetGroups: ['YOUTH'], languages: ['NL', 'ar'] }) }, { key: keys.utrecht });
    expect(created.data!.createLocation.userErrors).toEqual([]);
    const loc = created.data!.createLocation.location;
    expect(loc).toMatchObject({ name: 'Nieuwe tafel', status: 'PUBLISHED', capacity: 40, participants: 0, organisation: { slug: 'gemeente-utrecht' } });

    const updated = await gql(UPDATE, { input: { id: loc.id, name: 'Nieuwe tafel Amsterdam', capacity: 60 } }, { key: keys.utrecht });
    expect(updated.data!.updateLocation).toMatchObject({ location: { name: 'Nieuwe tafel Amsterdam', capacity: 60 }, userErrors: [] });

    const byStaff = await gql(CREATE, { input: venue({ organisation: 'asito', name: 'Namens Asito' }) }, { key: keys.staff });
    expect(byStaff.data!.createLocation.location.organisation.slug).toBe('asito');

    const cancelled = await gql(CANCEL, { input: { id: loc.id, reason: 'zaal niet beschikbaar' } }, { key: keys.utrecht });
    expect(cancelled.data!.cancelLocation.location.status).toBe('CANCELLED');
    const publicRead = await gql(`query($id: ID!) { location(id: $id) { name } }`, { id: loc.id });
    expect(publicRead.data!.location).toBeNull();
  });

  it('records who changed what in the audit trail, which staff can query', async () => {
    const r = await gql(`{ locationChanges(first: 10) { nodes { action actor location { name } changes { field from to } } } }`, {}, { key: keys.staff });
    expect(r.errors).toBeUndefined();
    const actions = r.data!.locationChanges.nodes.map((n: any) => `${n.action} ${n.location.name} by ${n.actor}`);
    expect(actions).toContain(`CANCEL Nieuwe tafel Amsterdam by ${keys.utrecht!.slice(0, 14)}`);
    expect(actions).toContain(`UPDATE Nieuwe tafel Amsterdam by ${keys.utrecht!.slice(0, 14)}`);
    const update = r.data!.locationChanges.nodes.find((n: any) => n.action === 'UPDATE');
    expect(update.changes).toEqual(expect.arrayContaining([{ field: 'name', from: '"Nieuwe tafel"', to: '"Nieuwe tafel Amsterdam"' }, { field: 'capacity', from: '40', to: '60' }]));
    // A member sees only its own organisation's trail.
    const mine = await gql(`{ locationChanges(first: 50) { nodes { organisation { slug } } } }`, {}, { key: keys.utrecht });
    expect(new Set(mine.data!.locationChanges.nodes.map((n: any) => n.organisation.slug))).toEqual(new Set(['gemeente-utrecht']));
    expect((await gql(`{ locationChanges(first: 5) { nodes { action } } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an organisation’s ID where a venue’s is expected, in every place that takes one', async () => {
    // The organisation's row id is also some venue's row id: a missing type check would read that venue.
    const orgId = encodeGlobalId('Organisation', fx.locations['Heracles Stadion']!.id);
    const trail = await gql(`query($id: ID!) { locationChanges(first: 5, location: $id) { nodes { action } } }`, { id: orgId }, { key: keys.staff });
    expect(trail.data).toBeNull();
    expect(trail.errors![0]).toMatchObject({ message: expect.stringMatching(/^location: .* is not a venue’s ID\.$/), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await gql(`query($id: ID!) { location(id: $id) { name } }`, { id: orgId })).data!.location).toBeNull();
    const before = await snapshot();
    const update = await gql(UPDATE, { input: { id: orgId, name: 'Verkeerd' } }, { key: keys.staff });
    expect(update.data!.updateLocation.userErrors).toMatchObject([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('a member sees its own drafts and exact places through viewer, the public does not', async () => {
    const r = await gql(`{ viewer { locations(edition: "nid-test", first: 50) { nodes { name status locationPrecision coordinates { lat lng } address { street } } } } }`, {}, { key: keys.asito });
    const byName = Object.fromEntries(r.data!.viewer.locations.nodes.map((n: any) => [n.name, n]));
    expect(byName['Concept lunch'].status).toBe('DRAFT');
    expect(byName['Ontbijt AZC Almelo']).toMatchObject({ locationPrecision: 'EXACT', coordinates: { lat: 52.36789, lng: 6.66789 }, address: { street: 'Geheimweg 12' } });
    expect(byName['Stadhuis Utrecht']).toBeUndefined();
    // Through the public list the same key also sees the exact place of its own sensitive venue.
    const own = await gql(`{ locations(edition: "nid-test", filter: { search: "AZC" }) { nodes { locationPrecision coordinates { lat } } } }`, {}, { key: keys.asito });
    expect(own.data!.locations.nodes[0]).toEqual({ locationPrecision: 'EXACT', coordinates: { lat: 52.36789 } });
    const other = await gql(`{ locations(edition: "nid-test", filter: { search: "AZC" }) { nodes { locationPrecision coordinates { lat } } } }`, {}, { key: keys.utrecht });
    expect(other.data!.locations.nodes[0]).toEqual({ locationPrecision: 'APPROXIMATE', coordinates: { lat: 52.37 } });
  });

  it('a sensitive venue created through the API is fuzzed in public reads and exact for its owner', async () => {
    const r = await gql(CREATE, { input: venue({ name: 'Opvang Zwolle', sensitive: true, coordinates: { lat: 52.51234, lng: 6.09876 }, address: { street: 'Verborgen 1', city: 'Zwolle', region: 'NL-OV' } }) }, { key: keys.asito });
    const newId = r.data!.createLocation.location.id;
    const q = `query($id: ID!) { location(id: $id) { locationPrecision coordinates { lat lng } address { street city } } }`;
    expect((await gql(q, { id: newId })).data!.location).toEqual({ locationPrecision: 'APPROXIMATE', coordinates: { lat: 52.51, lng: 6.1 }, address: { street: null, city: 'Zwolle' } });
    expect((await gql(q, { id: newId }, { key: keys.asito })).data!.location).toEqual({ locationPrecision: 'EXACT', coordinates: { lat: 52.51234, lng: 6.09876 }, address: { street: 'Verborgen 1', city: 'Zwolle' } });
    // A tight box around the exact point does not find it; the fuzzed point does.
    const exactBox = await gql(`{ locations(edition: "nid-test", filter: { bbox: { south: 52.5120, west: 6.0985, north: 52.5126, east: 6.0990 } }) { totalCount } }`);
    expect(exactBox.data!.locations.totalCount).toBe(0);
  });
});

describe('bad input: a userError with field and code, and nothing changes', () => {
  const cases: [string, string, Record<string, unknown>, string[] | null, string][] = [
    ['latitude out of range', CREATE, venue({ coordinates: { lat: 95, lng: 5 } }), ['coordinates', 'lat'], 'OUT_OF_RANGE'],
    ['longitude out of range', CREATE, venue({ coordinates: { lat: 52, lng: 190 } }), ['coordinates', 'lng'], 'OUT_OF_RANGE'],
    ['swapped lat/lng', CREATE, venue({ coordinates: { lat: 5.1, lng: 52.1 } }), ['coordinates'], 'OUTSIDE_COUNTRY'],
    ['far outside the country', CREATE, venue({ coordinates: { lat: 48.85, lng: 2.35 } }), ['coordinates'], 'OUTSIDE_COUNTRY'],
    ['javascript: URL', CREATE, venue({ registrationUrl: 'javascript:alert(1)' }), ['registrationUrl'], 'INVALID_URL'],
    ['ftp URL', CREATE, venue({ registrationUrl: 'ftp://example.org/x' }), ['registrationUrl'], 'INVALID_URL'],
    ['empty name', CREATE, venue({ name: '   ' }), ['name'], 'REQUIRED'],
    ['over-long name', CREATE, venue({ name: 'x'.repeat(201) }), ['name'], 'TOO_LONG'],
    ['negative capacity', CREATE, venue({ capacity: -1 }), ['capacity'], 'OUT_OF_RANGE'],
    ['participants above capacity', CREATE, venue({ capacity: 10, participants: 11 }), ['participants'], 'OVER_CAPACITY'],
    ['negative participants', CREATE, venue({ participants: -3 }), ['participants'], 'BELOW_ZERO'],
    ['end before start', CREATE, venue({ startsAt: '2027-10-14T19:00:00+02:00', endsAt: '2027-10-14T18:00:00+02:00' }), ['endsAt'], 'END_BEFORE_START'],
    ['time not on the edition day', CREATE, venue({ startsAt: '2027-10-15T18:00:00+02:00' }), ['startsAt'], 'NOT_ON_EDITION_DAY'],
    ['late evening in UTC that is the next day locally', CREATE, venue({ startsAt: '2027-10-14T22:30:00Z' }), ['startsAt'], 'NOT_ON_EDITION_DAY'],
    ['unknown edition', CREATE, venue({ edition: 'nope' }), ['edition'], 'NOT_FOUND'],
    ['unknown region', CREATE, venue({ address: { region: 'NL-XX' } }), ['address', 'region'], 'INVALID'],
    ['bad language code', CREATE, venue({ languages: ['nederlands'] }), ['languages', '0'], 'INVALID'],
    ['member acting for another organisation', CREATE, venue({ organisation: 'asito' }), ['organisation'], 'FORBIDDEN'],
    ['capacity below the participants counted', UPDATE, { id: 'HERACLES', capacity: 100 }, ['capacity'], 'BELOW_PARTICIPANTS'],
    ['update of an unknown venue', UPDATE, { id: encodeGlobalId('Location', 999999), name: 'x' }, ['id'], 'NOT_FOUND'],
    ['a name with a line break', CREATE, venue({ name: 'Tafel\r\nFAKE: gratis bier' }), ['name'], 'INVALID'],
    ['a name with a terminal escape', CREATE, venue({ name: 'Tafel \u001b[2J\u001b[31mrood' }), ['name'], 'INVALID'],
    ['a name with a C1 control', CREATE, venue({ name: 'Tafel \u009b31m' }), ['name'], 'INVALID'],
    ['a name with a right-to-left override', CREATE, venue({ name: 'Tafel \u202egpj.exe' }), ['name'], 'INVALID'],
    ['a street with a bidi isolate', CREATE, venue({ address: { street: 'Hoofdstraat \u2067 1', city: 'Amsterdam' } }), ['address', 'street'], 'INVALID'],
    ['a name of zero-width characters only', CREATE, venue({ name: '\u200b\u200d\ufeff\u2060' }), ['name'], 'REQUIRED'],
    ['a city of zero-width characters only', CREATE, venue({ address: { city: ' \u200b ' } }), ['address', 'city'], 'INVALID'],
    ['a description with an escape sequence', CREATE, venue({ description: 'Welkom\u001b]0;pwned\u0007' }), ['description'], 'INVALID'],
    ['an externalId with a tab', CREATE, venue({ externalId: 'a\tb' }), ['externalId'], 'INVALID'],
    ['a country that does not exist', CREATE, venue({ address: { city: 'Amsterdam', country: 'XX' } }), ['address', 'country'], 'INVALID'],
    ['a Dutch region on a Belgian address', CREATE, venue({ address: { city: 'Antwerpen', country: 'BE', region: 'NL-UT' } }), ['address', 'region'], 'INVALID'],
    ['a region code that does not exist', CREATE, venue({ address: { city: 'Antwerpen', country: 'BE', region: 'BE-XYZ' } }), ['address', 'region'], 'INVALID'],
    ['an update that moves a venue abroad but keeps its Dutch region', UPDATE, { id: 'HERACLES', address: { country: 'BE' } }, ['address', 'region'], 'INVALID'],
    ['an update that gives a Dutch venue a Belgian region', UPDATE, { id: 'HERACLES', address: { region: 'BE-VAN' } }, ['address', 'region'], 'INVALID'],
  ];
  it.each(cases)('%s', async (_name, query, input, field, code) => {
    const before = await snapshot();
    const key = _name === 'member acting for another organisation' ? keys.utrecht : keys.asito;
    const vars = { ...input, ...(input.id === 'HERACLES' ? { id: id('Heracles Stadion') } : {}) };
    const r = await gql(query, { input: vars }, { key });
    expect(r.errors).toBeUndefined();
    const payload = Object.values(r.data!)[0] as any;
    expect(payload.location).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown meal or target group is refused by the schema with a clear error', async () => {
    const before = await snapshot();
    const meal = await gql(CREATE, { input: venue({ meal: 'SUPPER' }) }, { key: keys.asito });
    expect(meal.errors![0]!.message).toMatch(/SUPPER.*Meal|Meal.*SUPPER/);
    const group = await gql(CREATE, { input: venue({ targetGroups: ['ALIENS'] }) }, { key: keys.asito });
    expect(group.errors![0]!.message).toMatch(/ALIENS/);
    expect(await snapshot()).toEqual(before);
  });

  it('a venue of another organisation is forbidden', async () => {
    const before = await snapshot();
    const r = await gql(UPDATE, { input: { id: id('Stadhuis Utrecht'), name: 'Gekaapt' } }, { key: keys.asito });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/belongs to another organisation/);
    expect(await snapshot()).toEqual(before);
  });

  it('a key without the scope is forbidden, naming the scope', async () => {
    const r = await gql(CREATE, { input: venue() }, { key: keys.asitoParticipationOnly });
    expect(r.errors![0]!.message).toMatch(/lacks the LOCATIONS_WRITE scope/);
  });
});

describe('bulk upsert by the member’s own ids', () => {
  const rows = (n: number, change: (i: number) => Record<string, unknown> = () => ({})) =>
    Array.from({ length: n }, (_, i) => ({
      externalId: `bulk-${i}`, name: `Tafel ${i}`, coordinates: { lat: 51.9 + i / 1000, lng: 4.4 + i / 1000 }, meal: i % 2 ? 'LUNCH' : 'DINNER',
      address: { city: 'Rotterdam', region: 'NL-ZH' }, capacity: 30, targetGroups: ['NEIGHBOURS'], ...change(i),
    }));

  it('creates, then changes nothing when the same list is sent again, and says so', async () => {
    const first = await gql(UPSERT, { input: { edition: 'nid-test', locations: rows(25) } }, { key: keys.utrecht });
    expect(first.data!.upsertLocations).toMatchObject({ created: 25, updated: 0, unchanged: 0, cancelled: 0, userErrors: [] });
    expect(first.data!.upsertLocations.locations.map((l: any) => l.externalId)).toEqual(rows(25).map((r) => r.externalId));
    const before = await snapshot();
    const again = await gql(UPSERT, { input: { edition: 'nid-test', locations: rows(25) } }, { key: keys.utrecht });
    expect(again.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, unchanged: 25, cancelled: 0, userErrors: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('updates changed rows, creates new ones and cancels missing ones only when asked', async () => {
    const list = rows(24, (i) => (i === 3 ? { name: 'Tafel drie' } : {}));
    list.push({ ...rows(1)[0]!, externalId: 'bulk-new', name: 'Nieuw' });
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: list } }, { key: keys.utrecht });
    expect(r.data!.upsertLocations).toMatchObject({ created: 1, updated: 1, unchanged: 23, cancelled: 0 });
    const c = await gql(UPSERT, { input: { edition: 'nid-test', locations: list, cancelMissing: true } }, { key: keys.utrecht });
    // Missing from the list: bulk-24 and Utrecht's two seed venues (u-1, u-2).
    expect(c.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, unchanged: 25, cancelled: 3 });
  });

  it('refuses the whole batch when any row is bad, naming every bad row', async () => {
    const before = await snapshot();
    const list = rows(30, (i) => (i === 17 ? { coordinates: { lat: 123, lng: 4.4 } } : i === 20 ? { registrationUrl: 'javascript:alert(1)' } : i === 22 ? { externalId: 'bulk-0' } : {}));
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: list } }, { key: keys.utrecht });
    expect(r.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, unchanged: 0, cancelled: 0 });
    const errors = r.data!.upsertLocations.userErrors;
    expect(errors).toContainEqual(expect.objectContaining({ field: ['locations', '17', 'coordinates', 'lat'], code: 'OUT_OF_RANGE' }));
    expect(errors).toContainEqual(expect.objectContaining({ field: ['locations', '20', 'registrationUrl'], code: 'INVALID_URL' }));
    expect(errors).toContainEqual(expect.objectContaining({ field: ['locations', '22', 'externalId'], code: 'DUPLICATE' }));
    expect(errors).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a batch over the size limit', async () => {
    const before = await snapshot();
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: rows(10_001) } }, { key: keys.utrecht });
    expect(r.data!.upsertLocations.userErrors).toEqual([expect.objectContaining({ field: ['locations'], code: 'BATCH_TOO_LARGE' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the batch when a row would set capacity below the counted participants', async () => {
    await t.database.db.execute(sql`UPDATE locations SET participants = 25 WHERE external_id = 'bulk-5'`);
    const before = await snapshot();
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: rows(25, (i) => ({ capacity: i === 5 ? 20 : 30, name: `Tafel ${i}!` })) } }, { key: keys.utrecht });
    expect(r.data!.upsertLocations.userErrors).toEqual([expect.objectContaining({ field: ['locations', '5', 'capacity'], code: 'BELOW_PARTICIPANTS' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('a dry run reports the counts and changes nothing', async () => {
    const before = await snapshot();
    const r = await gql(UPSERT, { input: { edition: 'nid-test', dryRun: true, locations: [...rows(25), { ...rows(1)[0]!, externalId: 'dry' }] } }, { key: keys.utrecht });
    // bulk-3 gets its old name back; the cancelled bulk-24 stays cancelled (its row sends no status).
    expect(r.data!.upsertLocations).toMatchObject({ created: 1, unchanged: 24, updated: 1, userErrors: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('what a write leaves alone', () => {
  const one = (extra: Record<string, unknown> = {}) => ({
    externalId: 'keep-1', name: 'Opvang Oost', coordinates: { lat: 52.3, lng: 4.95 }, meal: 'DINNER',
    address: { street: 'Geheim 3', postalCode: '1091 AA', city: 'Amsterdam', region: 'NL-NH' }, capacity: 30, ...extra,
  });

  it('a bulk row that says nothing of sensitive or status keeps the venue’s', async () => {
    const created = await gql(UPSERT, { input: { edition: 'nid-test', locations: [one({ sensitive: true })] } }, { key: keys.asito });
    expect(created.data!.upsertLocations.created).toBe(1);
    // The member's own system knows no `sensitive` column and sends the venue again, changed.
    const again = await gql(UPSERT, { input: { edition: 'nid-test', locations: [one({ capacity: 35 })] } }, { key: keys.asito });
    expect(again.data!.upsertLocations).toMatchObject({ updated: 1, userErrors: [] });
    const pub = await gql(`{ locations(edition: "nid-test", filter: { search: "Opvang Oost" }) { nodes { locationPrecision address { street postalCode } capacity } } }`);
    expect(pub.data!.locations.nodes).toEqual([{ locationPrecision: 'APPROXIMATE', address: { street: null, postalCode: null }, capacity: 35 }]);
    // Cancelled by hand, then the unchanged list is sent again: it stays cancelled.
    const id = (await gql(`{ viewer { locations(edition: "nid-test", first: 100) { nodes { id externalId } } } }`, {}, { key: keys.asito })).data!.viewer.locations.nodes.find((n: any) => n.externalId === 'keep-1').id;
    await gql(CANCEL, { input: { id } }, { key: keys.asito });
    const resent = await gql(UPSERT, { input: { edition: 'nid-test', locations: [one({ capacity: 35 })] } }, { key: keys.asito });
    expect(resent.data!.upsertLocations).toMatchObject({ unchanged: 1 });
    // Saying so brings it back.
    const back = await gql(UPSERT, { input: { edition: 'nid-test', locations: [one({ capacity: 35, status: 'PUBLISHED' })] } }, { key: keys.asito });
    expect(back.data!.upsertLocations).toMatchObject({ updated: 1 });
  });

  it('an update of one address part keeps the others, and an externalId alone is a change', async () => {
    const id = (await gql(`{ viewer { locations(edition: "nid-test", first: 100) { nodes { id externalId } } } }`, {}, { key: keys.asito })).data!.viewer.locations.nodes.find((n: any) => n.externalId === 'keep-1').id;
    const r = await gql(`mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { externalId address { street postalCode city region } } userErrors { code } } }`, { input: { id, address: { city: 'Diemen' } } }, { key: keys.asito });
    expect(r.data!.updateLocation.location.address).toEqual({ street: 'Geheim 3', postalCode: '1091 AA', city: 'Diemen', region: 'NL-NH' });
    const renamed = await gql(`mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { externalId } userErrors { code } } }`, { input: { id, externalId: 'keep-1b' } }, { key: keys.asito });
    expect(renamed.data!.updateLocation).toEqual({ location: { externalId: 'keep-1b' }, userErrors: [] });
  });

  it('a draft that never went public is not listed among removed venues', async () => {
    const draft = await gql(CREATE, { input: venue({ name: 'Nog geheim', status: 'DRAFT' }) }, { key: keys.asito });
    const id = draft.data!.createLocation.location.id;
    const r = await gql(`{ removedLocations(edition: "nid-test", since: "2000-01-01T00:00:00Z", first: 1000) { nodes { id } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.removedLocations.nodes.map((n: any) => n.id)).not.toContain(id);
  });

  it('an ID beyond the database’s integers is malformed, not a fault', async () => {
    const r = await gql(`query($id: ID!) { location(id: $id) { name } }`, { id: encodeGlobalId('Location', 9_999_999_999) });
    expect(r.errors![0]!.message).toMatch(/Malformed ID/);
  });
});

describe('a closed edition', () => {
  it('refuses cancelling as it refuses every other change', async () => {
    const s = { key: keys.staff };
    await gql(`mutation { createEdition(input: { slug: "nid-closing", name: "Closing", date: "2027-10-14" }) { userErrors { code } } }`, {}, s);
    const created = await gql(CREATE, { input: venue({ edition: 'nid-closing', name: 'Laatste tafel' }) }, { key: keys.asito });
    const id = created.data!.createLocation.location.id;
    await gql(`mutation { updateEdition(input: { slug: "nid-closing", status: CLOSED }) { userErrors { code } } }`, {}, s);
    const before = await snapshot();
    const r = await gql(CANCEL, { input: { id } }, { key: keys.asito });
    expect(r.data!.cancelLocation.userErrors).toEqual([expect.objectContaining({ code: 'EDITION_CLOSED' })]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('moderation', () => {
  it('holds a new organisation’s venues until staff approve it, where the edition requires approval', async () => {
    const s = { key: keys.staff };
    await gql(`mutation { createEdition(input: { slug: "nid-moderated", name: "Moderated", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`, {}, s);
    const org = await gql(`mutation { createOrganisation(input: { slug: "nieuwe-moskee", name: "Nieuwe Moskee", kind: FAITH_COMMUNITY }) { organisation { slug } userErrors { code } } }`, {}, s);
    expect(org.data!.createOrganisation.userErrors).toEqual([]);
    const issued = await gql(`mutation { issueApiKey(input: { organisation: "nieuwe-moskee", scopes: [LOCATIONS_WRITE], label: "ict" }) { secret apiKey { prefix scopes organisation { slug } } userErrors { code } } }`, {}, s);
    const secret = issued.data!.issueApiKey.secret as string;
    expect(secret).toMatch(/^tafel_[A-Za-z0-9_-]{43}$/);
    expect(issued.data!.issueApiKey.apiKey).toEqual({ prefix: secret.slice(0, 14), scopes: ['LOCATIONS_WRITE'], organisation: { slug: 'nieuwe-moskee' } });

    const created = await gql(CREATE, { input: venue({ edition: 'nid-moderated', name: 'Iftar voor iedereen' }) }, { key: secret });
    expect(created.data!.createLocation.userErrors).toEqual([]);
    const count = async () => (await gql(`{ locations(edition: "nid-moderated") { totalCount } }`)).data!.locations.totalCount;
    expect(await count()).toBe(0);
    const approved = await gql(`mutation { approveOrganisation(input: { organisation: "nieuwe-moskee" }) { organisation { slug } userErrors { code } } }`, {}, s);
    expect(approved.data!.approveOrganisation.userErrors).toEqual([]);
    expect(await count()).toBe(1);
    // Later venues of an approved organisation go public at once.
    await gql(CREATE, { input: venue({ edition: 'nid-moderated', name: 'Tweede tafel' }) }, { key: secret });
    expect(await count()).toBe(2);
  });

  it('releases a venue created while the approval of its organisation is under way', async () => {
    const s = { key: keys.staff };
    await gql(`mutation { createEdition(input: { slug: "nid-moderated-race", name: "Moderated", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`, {}, s);
    await gql(`mutation { createOrganisation(input: { slug: "late-approval", name: "Late Approval" }) { userErrors { code } } }`, {}, s);
    const secret = (await gql(`mutation { issueApiKey(input: { organisation: "late-approval", scopes: [LOCATIONS_WRITE] }) { secret } }`, {}, s)).data!.issueApiKey.secret as string;
    let created: Promise<any> | undefined;
    // What approveOrganisation does, held open while the member creates a venue.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE organisations SET approved_at = now() WHERE slug = 'late-approval'`);
      await tx.execute(sql`UPDATE locations SET awaiting_approval = false WHERE organisation_id = (SELECT id FROM organisations WHERE slug = 'late-approval')`);
      created = gql(CREATE, { input: venue({ edition: 'nid-moderated-race', name: 'Net op tijd' }) }, { key: secret });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect((await created!).data!.createLocation.userErrors).toEqual([]);
    // Not held for an approval that has been given.
    expect((await gql(`{ locations(edition: "nid-moderated-race") { totalCount } }`)).data!.locations.totalCount).toBe(1);
  });

  it('staff list keys by prefix, never secrets', async () => {
    const r = await gql(`{ apiKeys(organisation: "asito") { prefix scopes label lastUsedAt revokedAt } }`, {}, { key: keys.staff });
    expect(r.errors).toBeUndefined();
    // The member key used above has its last use recorded.
    const used = r.data!.apiKeys.find((k: any) => k.prefix === keys.asito!.slice(0, 14));
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(JSON.stringify(r.data)).not.toMatch(/tafel_[A-Za-z0-9_-]{43}/);
    expect(r.data!.apiKeys.length).toBeGreaterThanOrEqual(2);
  });
});

describe('participant counts need PARTICIPATION_WRITE, on every venue write', () => {
  const counted = (name: string) => fx.locations[name]!;

  it('createLocation refuses participants from a key that may only describe venues', async () => {
    const before = await snapshot();
    const r = await gql(CREATE, { input: venue({ name: 'Telt zelf', participants: 7 }) }, { key: keys.asitoVenuesOnly });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createLocation.location).toBeNull();
    expect(r.data!.createLocation.userErrors).toEqual([{ field: ['participants'], code: 'FORBIDDEN', message: expect.stringMatching(/PARTICIPATION_WRITE/) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('updateLocation refuses participants from such a key, and leaves the count and its log alone', async () => {
    const before = await snapshot();
    const r = await gql(UPDATE, { input: { id: id('Heracles Stadion'), participants: 7, name: 'Heracles' } }, { key: keys.asitoVenuesOnly });
    expect(r.data!.updateLocation).toEqual({ location: null, userErrors: [{ field: ['participants'], code: 'FORBIDDEN', message: expect.stringMatching(/PARTICIPATION_WRITE/) }] });
    expect(await snapshot()).toEqual(before);
    // The same key still describes its venues.
    const renamed = await gql(UPDATE, { input: { id: id('Heracles Stadion'), description: 'Aan de tribune' } }, { key: keys.asitoVenuesOnly });
    expect(renamed.data!.updateLocation).toMatchObject({ location: { participants: counted('Heracles Stadion').participants }, userErrors: [] });
  });

  it('upsertLocations refuses the batch, naming every row that sends participants', async () => {
    const before = await snapshot();
    const row = (i: number, extra: Record<string, unknown> = {}) => ({ externalId: `count-${i}`, name: `Tafel ${i}`, coordinates: { lat: 52.1, lng: 5.1 }, meal: 'LUNCH', capacity: 50, ...extra });
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: [row(0, { participants: 7 }), row(1), row(2, { participants: 0 }), { ...row(3), externalId: 'a-1', name: 'Heracles Stadion', capacity: 600, participants: 7 }] } }, { key: keys.asitoVenuesOnly });
    expect(r.data!.upsertLocations.userErrors.filter((e: any) => e.code === 'FORBIDDEN').map((e: any) => e.field)).toEqual([
      ['locations', '0', 'participants'],
      ['locations', '2', 'participants'],
      ['locations', '3', 'participants'],
    ]);
    expect(r.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('a CSV import through the same upsert refuses a participants column from such a key, naming each line', async () => {
    const before = await snapshot();
    const parsed = await parseVenueCsv('external_id,name,lat,lng,meal,capacity,participants\ncsv-1,Eerste,52.1,5.1,LUNCH,40,7\ncsv-2,Tweede,52.1,5.1,LUNCH,40,\ncsv-3,Derde,52.1,5.1,DINNER,40,3\n', fx.edition);
    expect(parsed.problems).toEqual([]);
    const actor = { keyId: null, name: 'test', mayCount: false };
    const result = await upsertLocations(t.database.db, { edition: fx.edition, organisationId: fx.asito.id, rows: parsed.rows, actor });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.errors.map((e) => csvProblemOf(e, parsed.lines));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 'participants', 'FORBIDDEN'], [4, 'participants', 'FORBIDDEN']]);
    expect(await snapshot()).toEqual(before);
    // The operator's command-line import may set counts.
    const operator = await upsertLocations(t.database.db, { edition: fx.edition, organisationId: fx.asito.id, rows: parsed.rows, actor: { ...actor, mayCount: true }, dryRun: true });
    expect(operator).toMatchObject({ ok: true, value: { created: 3 } });
  });

  it('a key with PARTICIPATION_WRITE still sets counts through a venue write', async () => {
    const r = await gql(UPDATE, { input: { id: id('Heracles Stadion'), participants: 581 } }, { key: keys.asito });
    expect(r.data!.updateLocation).toMatchObject({ location: { participants: 581 }, userErrors: [] });
    const back = await gql(UPDATE, { input: { id: id('Heracles Stadion'), participants: 580 } }, { key: keys.staff });
    expect(back.data!.updateLocation).toMatchObject({ location: { participants: 580 }, userErrors: [] });
  });
});

describe('an empty list with cancelMissing', () => {
  it('is refused unless confirmed, and changes nothing', async () => {
    const before = await snapshot();
    const r = await gql(UPSERT, { input: { edition: 'nid-test', locations: [], cancelMissing: true } }, { key: keys.asito });
    expect(r.errors).toBeUndefined();
    expect(r.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, cancelled: 0, userErrors: [{ field: ['confirmCancelAll'], code: 'REQUIRED', message: expect.stringMatching(/every venue/) }] });
    expect(await snapshot()).toEqual(before);
    // An empty list without cancelMissing does nothing and is fine.
    const nothing = await gql(UPSERT, { input: { edition: 'nid-test', locations: [] } }, { key: keys.asito });
    expect(nothing.data!.upsertLocations).toMatchObject({ created: 0, updated: 0, cancelled: 0, userErrors: [] });
    // Confirmed, it goes ahead (here as a dry run, so the fixture stays).
    const confirmed = await gql(UPSERT, { input: { edition: 'nid-test', locations: [], cancelMissing: true, confirmCancelAll: true, dryRun: true } }, { key: keys.asito });
    expect(confirmed.data!.upsertLocations.userErrors).toEqual([]);
    expect(confirmed.data!.upsertLocations.cancelled).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('another organisation’s hidden venue answers as a missing one', () => {
  const missing = encodeGlobalId('Location', 999_998);
  /** The answer with the ID asked for taken out, so two answers compare. */
  const shape = (answer: unknown, asked: string) => JSON.parse(JSON.stringify(answer).replaceAll(asked, '<id>'));

  for (const hidden of ['Concept lunch', 'Geannuleerd diner']) {
    it(`updateLocation and cancelLocation of ${hidden} say NOT_FOUND, word for word as for no venue`, async () => {
      const before = await snapshot();
      for (const [query, field, extra] of [[UPDATE, 'updateLocation', { name: 'Gekaapt' }], [CANCEL, 'cancelLocation', {}]] as const) {
        const gone = await gql(query, { input: { id: missing, ...extra } }, { key: keys.utrecht });
        const other = await gql(query, { input: { id: id(hidden), ...extra } }, { key: keys.utrecht });
        expect(other.errors).toBeUndefined();
        expect(other.status).toBe(gone.status);
        expect(other.data![field].userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }]);
        expect(shape(other.data, id(hidden))).toEqual(shape(gone.data, missing));
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('node, nodes and location give null for both', async () => {
    const r = await gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } n: nodes(ids: [$a, $b]) { id } la: location(id: $a) { id } lb: location(id: $b) { id } }`, { a: id('Concept lunch'), b: missing }, { key: keys.utrecht });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: null, b: null, n: [null, null], la: null, lb: null });
  });

  it('a published venue of another organisation is still forbidden: it is public anyway', async () => {
    const r = await gql(CANCEL, { input: { id: id('Moskee Bergen op Zoom') } }, { key: keys.asito });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('free text is stored as it reads', () => {
  it('normalises to NFC and keeps line breaks and tabs in a description, and right-to-left marks in a name', async () => {
    const r = await gql(CREATE, { input: venue({ name: 'Cafe\u0301 \u200fمائدة\u200f', description: 'Welkom!\n\tOm 18:00 aan tafel.', address: { city: 'Antwerpen', country: 'be', region: 'BE-VAN' } }) }, { key: keys.asito });
    expect(r.data!.createLocation.userErrors).toEqual([]);
    const [row] = rowsOf<{ name: string; description: string; country: string; region: string }>(
      await t.database.db.execute(sql`SELECT name, description, country, region FROM locations WHERE name LIKE 'Café%'`),
    );
    expect(row).toEqual({ name: 'Caf\u00e9 \u200fمائدة\u200f', description: 'Welkom!\n\tOm 18:00 aan tafel.', country: 'BE', region: 'BE-VAN' });
  });

  it('organisation and edition names follow the same rules', async () => {
    const before = await snapshot();
    const s = { key: keys.staff };
    const org = await gql(`mutation($n: String!) { createOrganisation(input: { slug: "rtl-lid", name: $n }) { organisation { slug } userErrors { field code } } }`, { n: 'Lid \u202eevil' }, s);
    expect(org.data!.createOrganisation).toEqual({ organisation: null, userErrors: [{ field: ['name'], code: 'INVALID' }] });
    const edition = await gql(`mutation($n: String!) { createEdition(input: { slug: "nid-cr", name: $n, date: "2027-10-14" }) { edition { slug } userErrors { field code } } }`, { n: 'Diner\r\nNep' }, s);
    expect(edition.data!.createEdition).toEqual({ edition: null, userErrors: [{ field: ['name'], code: 'INVALID' }] });
    const renamed = await gql(`mutation($n: String!) { updateEdition(input: { slug: "nid-test", name: $n }) { edition { name } userErrors { field code } } }`, { n: '\u200b\u200b' }, s);
    expect(renamed.data!.updateEdition).toEqual({ edition: null, userErrors: [{ field: ['name'], code: 'REQUIRED' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('a bulk row and a CSV line are checked by the same rules, naming the row and the line', async () => {
    const before = await snapshot();
    const bulk = await gql(UPSERT, { input: { edition: 'nid-test', locations: [{ externalId: 'rtl-1', name: 'Tafel \u202egpj', coordinates: { lat: 52.1, lng: 5.1 }, meal: 'LUNCH' }] } }, { key: keys.asito });
    expect(bulk.data!.upsertLocations.userErrors).toEqual([expect.objectContaining({ field: ['locations', '0', 'name'], code: 'INVALID' })]);
    const parsed = await parseVenueCsv('external_id,name,lat,lng,meal\ncsv-ok,Goed,52.1,5.1,LUNCH\ncsv-rtl,"Tafel \u202egpj",52.1,5.1,LUNCH\n', fx.edition);
    const result = await upsertLocations(t.database.db, { edition: fx.edition, organisationId: fx.asito.id, rows: parsed.rows, actor: { keyId: null, name: 'test', mayCount: true } });
    const problems = result.ok ? [] : result.errors.map((e) => csvProblemOf(e, parsed.lines));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, 'name', 'INVALID']]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('removedLocations names only venues the public once saw', () => {
  it('leaves out cancelled drafts and venues withdrawn or cancelled before approval, and names the rest', async () => {
    const s = { key: keys.staff };
    await gql(`mutation { createEdition(input: { slug: "nid-sync", name: "Sync", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`, {}, s);
    await gql(`mutation { createOrganisation(input: { slug: "sync-nieuw", name: "Nieuw lid" }) { userErrors { code } } }`, {}, s);
    const pending = (await gql(`mutation { issueApiKey(input: { organisation: "sync-nieuw", scopes: [LOCATIONS_WRITE] }) { secret } }`, {}, s)).data!.issueApiKey.secret as string;
    const create = async (key: string, name: string, extra: Record<string, unknown> = {}) => {
      const r = await gql(CREATE, { input: venue({ edition: 'nid-sync', name, ...extra }) }, { key });
      expect(r.data!.createLocation.userErrors).toEqual([]);
      return r.data!.createLocation.location.id as string;
    };
    const cancel = (key: string, id: string) => gql(CANCEL, { input: { id } }, { key });
    const toDraft = (key: string, id: string) => gql(UPDATE, { input: { id, status: 'DRAFT' } }, { key });

    const cancelledDraft = await create(keys.asito!, 'Concept, afgelast', { status: 'DRAFT' });
    await cancel(keys.asito!, cancelledDraft);
    const withdrawnUnapproved = await create(pending, 'Nooit goedgekeurd, ingetrokken');
    await toDraft(pending, withdrawnUnapproved);
    const cancelledUnapproved = await create(pending, 'Nooit goedgekeurd, afgelast');
    await cancel(pending, cancelledUnapproved);
    const cancelledPublic = await create(keys.asito!, 'Was openbaar, afgelast');
    await cancel(keys.asito!, cancelledPublic);
    const withdrawnPublic = await create(keys.asito!, 'Was openbaar, concept');
    await toDraft(keys.asito!, withdrawnPublic);
    // Public once staff approve its organisation, then cancelled.
    const approvedThenCancelled = await create(pending, 'Goedgekeurd, daarna afgelast');
    await gql(`mutation { approveOrganisation(input: { organisation: "sync-nieuw" }) { userErrors { code } } }`, {}, s);
    await cancel(pending, approvedThenCancelled);

    const r = await gql(`{ removedLocations(edition: "nid-sync", since: "2000-01-01T00:00:00Z", first: 100) { nodes { id reason } } }`);
    expect(r.errors).toBeUndefined();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...r.data!.removedLocations.nodes].sort(byId)).toEqual([
      { id: cancelledPublic, reason: 'CANCELLED' },
      { id: withdrawnPublic, reason: 'WITHDRAWN' },
      { id: approvedThenCancelled, reason: 'CANCELLED' },
    ].sort(byId));
  });
});
