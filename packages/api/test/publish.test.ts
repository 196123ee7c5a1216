/**
 * Members publish: the authorization matrix, venue mutations, privacy tiers, the audit trail,
 * closed editions, moderation, hidden venues and what the public is told was removed. Every
 * refusal is checked to leave the database as it was. Bad input: publish-input.test.ts; the bulk
 * upsert: publish-bulk.test.ts.
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editions,
  federationMeasures,
  federations,
  locationCohosts,
  organisations,
  series,
} from '../src/db/schema.ts';
import { decodeLocationId, encodeGlobalId } from '../src/graphql/global-id.ts';
import { createHostLink } from '../src/locations/host-links.ts';
import {
  CANCEL,
  CREATE,
  memberKey,
  type PublishFixture,
  personSession,
  sessionHeaders,
  type TestDb,
  UPDATE,
  UPSERT,
  usePublishFixture,
  venue,
} from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot, id } = publish;
let t: TestDb;
let gql: PublishFixture['gql'];
beforeAll(() => {
  ({ t, gql } = publish);
});

describe('authorization matrix: who may call which mutation', () => {
  // Keys, and sessions of signed-in people (`…Person`; `endedPerson` signed out everywhere).
  type Who =
    | 'anonymous'
    | 'asito'
    | 'utrecht'
    | 'staff'
    | 'revoked'
    | 'asitoParticipationOnly'
    | 'asitoPerson'
    | 'utrechtPerson'
    | 'adminPerson'
    | 'moderatorPerson'
    | 'pressPerson'
    | 'endedPerson'
    | 'hostLink'
    | 'cohost'
    | 'cohostPerson';
  // Turkse moskee co-hosts Heracles Stadion (Asito's) and Stadhuis Utrecht (Utrecht's): its key
  // and its coordinator read both as their hosts do, and may change neither.
  beforeAll(async () => {
    const db = t.database.db;
    const [turkse] = await db
      .insert(organisations)
      .values({ slug: 'turkse-moskee', name: 'Turkse moskee', kind: 'FAITH_COMMUNITY' })
      .returning();
    await db.insert(locationCohosts).values(
      ['Heracles Stadion', 'Stadhuis Utrecht'].map((name) => ({
        locationId: publish.fx.locations[name]!.id,
        organisationId: turkse!.id,
      })),
    );
    keys['cohost'] = await memberKey(t.database, turkse!.id);
    // An edition of a federation that counts placements, every organisation here a member: the
    // matrix's setOrganisationCount is refused for who asks, not for where.
    const [federation] = await db
      .insert(federations)
      .values({ slug: 'matrix', name: 'Matrix' })
      .returning();
    await db.insert(federationMeasures).values({
      federationId: federation!.id,
      key: 'PLACEMENTS',
      labels: { nl: 'Plekken', en: 'Placements', de: 'Plätze', da: 'Pladser' },
    });
    const [s] = await db
      .insert(series)
      .values({ slug: 'matrix', name: 'Matrix', federationId: federation!.id })
      .returning();
    await db
      .insert(editions)
      .values({ slug: 'matrix-2027', name: 'Matrix', date: '2027-10-14', seriesId: s!.id });
    await db.execute(sql`INSERT INTO federation_members (federation_id, organisation_id, joined_on)
      SELECT ${federation!.id}, id, '2020-01-01' FROM organisations`);
    publish.sessions['cohostPerson'] = await personSession(t.database, {
      email: 'coordinator@turkse-moskee.test',
      organisationId: turkse!.id,
    });
  });
  const mutations: {
    name: string;
    query: string;
    input: () => Record<string, unknown>;
    allowed: Who[];
    asOther?: Who[];
  }[] = [
    {
      name: 'createLocation',
      query: CREATE,
      input: () => venue(),
      // A co-host is a member in its own right: its own venues are its own business.
      allowed: ['asito', 'utrecht', 'asitoPerson', 'utrechtPerson', 'cohost', 'cohostPerson'],
    },
    {
      name: 'updateLocation',
      query: UPDATE,
      input: () => ({ id: id('Heracles Stadion'), name: 'Heracles (nieuw)' }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'cancelLocation',
      query: CANCEL,
      input: () => ({ id: id('Heracles Stadion') }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'upsertLocations',
      query: UPSERT,
      input: () => ({
        edition: 'nid-test',
        locations: [
          { externalId: 'x-1', name: 'X', coordinates: { lat: 52, lng: 5 }, meal: 'LUNCH' },
        ],
      }),
      // A co-host is a member in its own right: its own venues are its own business.
      allowed: ['asito', 'utrecht', 'asitoPerson', 'utrechtPerson', 'cohost', 'cohostPerson'],
    },
    {
      name: 'setLocationCohosts',
      query: `mutation($input: SetLocationCohostsInput!) { setLocationCohosts(input: $input) { location { cohosts { slug } } userErrors { code } } }`,
      input: () => ({ location: id('Heracles Stadion'), cohosts: [] }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'setProgramme',
      query: `mutation($input: SetProgrammeInput!) { setProgramme(input: $input) { location { id } userErrors { code } } }`,
      input: () => ({
        location: id('Heracles Stadion'),
        chair: { name: 'Voorzitter', role: 'dagvoorzitter', namePublic: true },
        sessions: [],
      }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      // On an edition whose federation counts placements (set up above): refused by who asks.
      name: 'setOrganisationCount',
      query: `mutation($input: SetOrganisationCountInput!) { setOrganisationCount(input: $input) { count { value } userErrors { code } } }`,
      input: () => ({
        edition: 'matrix-2027',
        organisation: 'asito',
        measure: 'PLACEMENTS',
        value: 3,
      }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'createEdition',
      query: `mutation($input: CreateEditionInput!) { createEdition(input: $input) { edition { slug } userErrors { code } } }`,
      input: () => ({ slug: 'nid-2099', name: 'X', date: '2099-10-08' }),
      allowed: ['staff', 'adminPerson'],
    },
    {
      name: 'createOrganisation',
      query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { slug } userErrors { code } } }`,
      input: () => ({ slug: 'nieuw-lid', name: 'Nieuw lid' }),
      allowed: ['staff', 'adminPerson'],
    },
    {
      name: 'issueApiKey',
      query: `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret userErrors { code } } }`,
      input: () => ({ organisation: 'asito', scopes: ['LOCATIONS_WRITE'] }),
      // A coordinator issues its own organisation's keys (the portal's keys section).
      allowed: ['staff', 'adminPerson', 'asitoPerson'],
    },
    {
      name: 'revokeApiKey',
      query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { prefix } userErrors { code } } }`,
      input: () => ({ prefix: keys['utrecht']!.slice(0, 14) }),
      allowed: ['staff', 'adminPerson', 'utrechtPerson'],
    },
    {
      name: 'recordArrivals',
      query: `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants } userErrors { code } } }`,
      input: () => ({ location: id('Heracles Stadion'), delta: 1 }),
      allowed: [
        'asito',
        'staff',
        'asitoParticipationOnly',
        'hostLink',
        'asitoPerson',
        'adminPerson',
      ],
    },
    {
      name: 'reportParticipation',
      query: `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { location { participants } userErrors { code } } }`,
      input: () => ({ location: id('Stadhuis Utrecht'), participants: 121 }),
      allowed: ['utrecht', 'staff', 'utrechtPerson', 'adminPerson'],
    },
    {
      name: 'setLocationFull',
      query: `mutation($input: SetLocationFullInput!) { setLocationFull(input: $input) { location { full } userErrors { code } } }`,
      input: () => ({ location: id('Heracles Stadion'), full: true }),
      allowed: [
        'asito',
        'staff',
        'asitoParticipationOnly',
        'hostLink',
        'asitoPerson',
        'adminPerson',
      ],
    },
    {
      name: 'raiseCapacity',
      query: `mutation($input: RaiseCapacityInput!) { raiseCapacity(input: $input) { location { capacity } userErrors { code } } }`,
      input: () => ({ location: id('Heracles Stadion'), capacity: 700 }),
      allowed: [
        'asito',
        'staff',
        'asitoParticipationOnly',
        'hostLink',
        'asitoPerson',
        'adminPerson',
      ],
    },
    {
      name: 'createHostLink',
      query: `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token userErrors { code } } }`,
      input: () => ({ location: id('Heracles Stadion') }),
      allowed: ['asito', 'staff', 'asitoParticipationOnly', 'asitoPerson', 'adminPerson'],
    },
    {
      name: 'approveOrganisation',
      query: `mutation($input: ApproveOrganisationInput!) { approveOrganisation(input: $input) { organisation { slug } userErrors { code } } }`,
      input: () => ({ organisation: 'asito' }),
      allowed: ['staff', 'adminPerson', 'moderatorPerson'],
    },
  ];
  const everyone: Who[] = [
    'anonymous',
    'asito',
    'utrecht',
    'staff',
    'revoked',
    'asitoParticipationOnly',
    'asitoPerson',
    'utrechtPerson',
    'adminPerson',
    'moderatorPerson',
    'pressPerson',
    'endedPerson',
    'hostLink',
    'cohost',
    'cohostPerson',
  ];
  const as = (who: Who) =>
    who === 'anonymous'
      ? {}
      : who.endsWith('Person')
        ? { headers: sessionHeaders(publish.sessions[who]!) }
        : { key: keys[who] };
  for (const m of mutations) {
    for (const who of everyone.filter((w) => !m.allowed.includes(w))) {
      it(`${m.name} refuses ${who} and changes nothing`, async () => {
        const before = await snapshot();
        const r = await gql(m.query, { input: m.input() }, as(who));
        const refusedByAuth = r.errors?.length && r.data?.[m.name] == null;
        const refusedByPayload = (r.data?.[m.name]?.userErrors?.length ?? 0) > 0;
        expect(refusedByAuth || refusedByPayload).toBeTruthy();
        if (who === 'anonymous' || who === 'endedPerson')
          expect(r.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
        if (who === 'revoked') expect(r.errors![0]!.message).toMatch(/revoked/);
        if (refusedByAuth && who !== 'anonymous' && who !== 'revoked' && who !== 'endedPerson')
          expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  describe('a suspended organisation, on its own venue and keys', () => {
    // Moskee Bergen op Zoom gets a key with both scopes, a coordinator and a host link for its
    // venue while in good standing; then staff suspend it. Every mutation that would be its own
    // business is refused for all three, and changes nothing; staff still may (the matrix above).
    const own: { key?: string; person?: string; hostLink?: string; otherKey?: string } = {};
    const SUSPEND = `mutation($input: SuspendOrganisationInput!) { suspendOrganisation(input: $input) { userErrors { code } } }`;
    const REINSTATE = `mutation($input: ReinstateOrganisationInput!) { reinstateOrganisation(input: $input) { userErrors { code } } }`;
    const org = () => encodeGlobalId('Organisation', publish.fx.moskee.id);
    beforeAll(async () => {
      own.key = await memberKey(t.database, publish.fx.moskee.id);
      own.otherKey = await memberKey(t.database, publish.fx.moskee.id, ['LOCATIONS_WRITE']);
      own.person = await personSession(t.database, {
        email: 'coordinator@moskee.test',
        organisationId: publish.fx.moskee.id,
      });
      own.hostLink = (
        await createHostLink(
          t.database.db,
          { organisationId: null, keyId: null, name: 'test' },
          publish.fx.locations['Moskee Bergen op Zoom']!.id,
        )
      ).token!;
      // All three work before the suspension.
      const before = await gql(
        `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { code } } }`,
        { input: { location: id('Moskee Bergen op Zoom'), delta: 1 } },
        { key: own.hostLink },
      );
      expect(before.data!['recordArrivals'].userErrors).toEqual([]);
      const suspended = await gql(
        SUSPEND,
        { input: { id: org(), reason: 'Matrix test' } },
        { key: keys['staff'] },
      );
      expect(suspended.data!['suspendOrganisation'].userErrors).toEqual([]);
    });
    afterAll(async () => {
      const back = await gql(REINSTATE, { input: { id: org() } }, { key: keys['staff'] });
      expect(back.data!['reinstateOrganisation'].userErrors).toEqual([]);
    });

    const mosque = () => id('Moskee Bergen op Zoom');
    const theirs: { name: string; query: string; input: () => Record<string, unknown> }[] = [
      { name: 'createLocation', query: CREATE, input: () => venue({ name: 'Iftar' }) },
      {
        name: 'updateLocation',
        query: UPDATE,
        input: () => ({ id: mosque(), name: 'Moskee (nieuw)' }),
      },
      { name: 'cancelLocation', query: CANCEL, input: () => ({ id: mosque() }) },
      {
        name: 'upsertLocations',
        query: UPSERT,
        input: () => ({
          edition: 'nid-test',
          locations: [
            {
              externalId: 'b-1',
              name: 'Moskee',
              coordinates: { lat: 51.5, lng: 4.3 },
              meal: 'DINNER',
            },
          ],
        }),
      },
      {
        name: 'recordArrivals',
        query: `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { code } } }`,
        input: () => ({ location: mosque(), delta: 1 }),
      },
      {
        name: 'reportParticipation',
        query: `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { code } } }`,
        input: () => ({ location: mosque(), participants: 10 }),
      },
      {
        name: 'setLocationFull',
        query: `mutation($input: SetLocationFullInput!) { setLocationFull(input: $input) { userErrors { code } } }`,
        input: () => ({ location: mosque(), full: true }),
      },
      {
        name: 'createHostLink',
        query: `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token userErrors { code } } }`,
        input: () => ({ location: mosque() }),
      },
      {
        name: 'issueApiKey',
        query: `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret userErrors { code } } }`,
        input: () => ({ scopes: ['LOCATIONS_WRITE'] }),
      },
    ];
    const whos = {
      key: () => ({ key: own.key }),
      coordinator: () => ({ headers: sessionHeaders(own.person!) }),
      'host link': () => ({ key: own.hostLink }),
    };
    for (const m of theirs) {
      for (const [who, as] of Object.entries(whos)) {
        it(`${m.name} refuses the suspended organisation's ${who} and changes nothing`, async () => {
          const before = await snapshot();
          const r = await gql(m.query, { input: m.input() }, as());
          const payload = r.data?.[m.name];
          if (payload) {
            // A payload can only be a refusal: nothing made, nothing named.
            expect(payload.userErrors?.length ?? 0).toBeGreaterThan(0);
          } else {
            const code = r.errors![0]!.extensions!['code'];
            // Keys and coordinators are known and forbidden; the host link is on hold.
            if (who === 'host link') {
              expect(code).toBe('UNAUTHENTICATED');
              expect(r.errors![0]!.message).toMatch(/on hold/);
            } else {
              expect(code).toBe('FORBIDDEN');
              expect(r.errors![0]!.message).toMatch(/suspended Moskee Bergen op Zoom/);
            }
          }
          expect(await snapshot()).toEqual(before);
        });
      }
    }

    it('its coordinator may still revoke its own key: a leaked key must be stoppable', async () => {
      const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { prefix revokedAt } userErrors { code } } }`;
      const prefix = own.otherKey!.slice(0, 14);
      const asKey = await gql(REVOKE, { input: { prefix } }, { key: own.key });
      expect(asKey.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
      const r = await gql(REVOKE, { input: { prefix } }, { headers: sessionHeaders(own.person!) });
      expect(r.data!['revokeApiKey'].userErrors).toEqual([]);
      expect(r.data!['revokeApiKey'].apiKey.revokedAt).not.toBeNull();
    });
  });

  it('a revoked key is refused even for public reads, never read as anonymous', async () => {
    const r = await gql(`{ editions { slug } }`, {}, { key: keys['revoked'] });
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
    const scheme = await gql(
      `{ editions { slug } }`,
      {},
      { headers: { authorization: 'Basic abc' } },
    );
    expect(scheme.errors![0]!.message).toMatch(/Bearer/);
  });

  it('viewer says who a key is', async () => {
    const member = await gql(
      `{ viewer { keyPrefix isStaff scopes organisation { slug } } }`,
      {},
      { key: keys['asito'] },
    );
    expect(member.data!['viewer']).toEqual({
      keyPrefix: keys['asito']!.slice(0, 14),
      isStaff: false,
      scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
      organisation: { slug: 'asito' },
    });
    const staff = await gql(
      `{ viewer { isStaff organisation { slug } } }`,
      {},
      { key: keys['staff'] },
    );
    expect(staff.data!['viewer']).toEqual({ isStaff: true, organisation: null });
    expect((await gql(`{ viewer { isStaff } }`)).data!['viewer']).toBeNull();
  });
});

describe('venue mutations', () => {
  it('a member creates, updates and cancels its own venue; staff act on its behalf', async () => {
    const created = await gql(
      CREATE,
      {
        input: venue({
          externalId: 'ams-1',
          registrationUrl: 'https://example.org/aanmelden',
          targetGroups: ['YOUTH'],
          languages: ['NL', 'ar'],
        }),
      },
      { key: keys['utrecht'] },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    const loc = created.data!['createLocation'].location;
    expect(loc).toMatchObject({
      name: 'Nieuwe tafel',
      status: 'PUBLISHED',
      capacity: 40,
      participants: 0,
      organisation: { slug: 'gemeente-utrecht' },
    });

    const updated = await gql(
      UPDATE,
      { input: { id: loc.id, name: 'Nieuwe tafel Amsterdam', capacity: 60 } },
      { key: keys['utrecht'] },
    );
    expect(updated.data!['updateLocation']).toMatchObject({
      location: { name: 'Nieuwe tafel Amsterdam', capacity: 60 },
      userErrors: [],
    });

    const byStaff = await gql(
      CREATE,
      { input: venue({ organisation: 'asito', name: 'Namens Asito' }) },
      { key: keys['staff'] },
    );
    expect(byStaff.data!['createLocation'].location.organisation.slug).toBe('asito');

    const cancelled = await gql(
      CANCEL,
      { input: { id: loc.id, reason: 'zaal niet beschikbaar' } },
      { key: keys['utrecht'] },
    );
    expect(cancelled.data!['cancelLocation'].location.status).toBe('CANCELLED');
    const publicRead = await gql(`query($id: ID!) { location(id: $id) { name } }`, { id: loc.id });
    expect(publicRead.data!['location']).toBeNull();
  });

  it('records who changed what in the audit trail, which staff can query', async () => {
    const r = await gql(
      `{ locationChanges(first: 10) { nodes { action actor location { name } changes { field from to } } } }`,
      {},
      { key: keys['staff'] },
    );
    expect(r.errors).toBeUndefined();
    const actions = r.data!['locationChanges'].nodes.map(
      (n: any) => `${n.action} ${n.location.name} by ${n.actor}`,
    );
    expect(actions).toContain(`CANCEL Nieuwe tafel Amsterdam by ${keys['utrecht']!.slice(0, 14)}`);
    expect(actions).toContain(`UPDATE Nieuwe tafel Amsterdam by ${keys['utrecht']!.slice(0, 14)}`);
    const update = r.data!['locationChanges'].nodes.find((n: any) => n.action === 'UPDATE');
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: '"Nieuwe tafel"', to: '"Nieuwe tafel Amsterdam"' },
        { field: 'capacity', from: '40', to: '60' },
      ]),
    );
    // A member sees only its own organisation's trail.
    const mine = await gql(
      `{ locationChanges(first: 50) { nodes { organisation { slug } } } }`,
      {},
      { key: keys['utrecht'] },
    );
    expect(
      new Set(mine.data!['locationChanges'].nodes.map((n: any) => n.organisation.slug)),
    ).toEqual(new Set(['gemeente-utrecht']));
    expect(
      (await gql(`{ locationChanges(first: 5) { nodes { action } } }`)).errors![0]!.extensions![
        'code'
      ],
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses an organisation’s ID where a venue’s is expected, in every place that takes one', async () => {
    // The organisation's row id is also some venue's row id: a missing type check would read that venue.
    const orgId = encodeGlobalId('Organisation', decodeLocationId(id('Heracles Stadion'))!);
    const trail = await gql(
      `query($id: ID!) { locationChanges(first: 5, location: $id) { nodes { action } } }`,
      { id: orgId },
      { key: keys['staff'] },
    );
    expect(trail.data).toBeNull();
    expect(trail.errors![0]).toMatchObject({
      message: expect.stringMatching(/^location: .* is not a venue’s ID\.$/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      (await gql(`query($id: ID!) { location(id: $id) { name } }`, { id: orgId })).data![
        'location'
      ],
    ).toBeNull();
    const before = await snapshot();
    const update = await gql(
      UPDATE,
      { input: { id: orgId, name: 'Verkeerd' } },
      { key: keys['staff'] },
    );
    expect(update.data!['updateLocation'].userErrors).toMatchObject([
      { field: ['id'], code: 'NOT_FOUND' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('a member sees its own drafts and exact places through viewer, the public does not', async () => {
    const r = await gql(
      `{ viewer { locations(edition: "nid-test", first: 50) { nodes { name status locationPrecision coordinates { lat lng } address { street } } } } }`,
      {},
      { key: keys['asito'] },
    );
    const byName = Object.fromEntries(
      r.data!['viewer'].locations.nodes.map((n: any) => [n.name, n]),
    );
    expect(byName['Concept lunch'].status).toBe('DRAFT');
    expect(byName['Ontbijt AZC Almelo']).toMatchObject({
      locationPrecision: 'EXACT',
      coordinates: { lat: 52.36789, lng: 6.66789 },
      address: { street: 'Geheimweg 12' },
    });
    expect(byName['Stadhuis Utrecht']).toBeUndefined();
    // Through the public list the same key also sees the exact place of its own sensitive venue.
    const own = await gql(
      `{ locations(edition: "nid-test", filter: { search: "AZC" }) { nodes { locationPrecision coordinates { lat } } } }`,
      {},
      { key: keys['asito'] },
    );
    expect(own.data!['locations'].nodes[0]).toEqual({
      locationPrecision: 'EXACT',
      coordinates: { lat: 52.36789 },
    });
    const other = await gql(
      `{ locations(edition: "nid-test", filter: { search: "AZC" }) { nodes { locationPrecision coordinates { lat } } } }`,
      {},
      { key: keys['utrecht'] },
    );
    expect(other.data!['locations'].nodes[0]).toEqual({
      locationPrecision: 'APPROXIMATE',
      coordinates: { lat: 52.37 },
    });
  });

  it('a sensitive venue created through the API is fuzzed in public reads and exact for its owner', async () => {
    const r = await gql(
      CREATE,
      {
        input: venue({
          name: 'Opvang Zwolle',
          sensitive: true,
          coordinates: { lat: 52.51234, lng: 6.09876 },
          address: { street: 'Verborgen 1', city: 'Zwolle', region: 'NL-OV' },
        }),
      },
      { key: keys['asito'] },
    );
    const newId = r.data!['createLocation'].location.id;
    const q = `query($id: ID!) { location(id: $id) { locationPrecision coordinates { lat lng } address { street city } } }`;
    expect((await gql(q, { id: newId })).data!['location']).toEqual({
      locationPrecision: 'APPROXIMATE',
      coordinates: { lat: 52.51, lng: 6.1 },
      address: { street: null, city: 'Zwolle' },
    });
    expect((await gql(q, { id: newId }, { key: keys['asito'] })).data!['location']).toEqual({
      locationPrecision: 'EXACT',
      coordinates: { lat: 52.51234, lng: 6.09876 },
      address: { street: 'Verborgen 1', city: 'Zwolle' },
    });
    // A tight box around the exact point does not find it; the fuzzed point does.
    const exactBox = await gql(
      `{ locations(edition: "nid-test", filter: { bbox: { south: 52.5120, west: 6.0985, north: 52.5126, east: 6.0990 } }) { totalCount } }`,
    );
    expect(exactBox.data!['locations'].totalCount).toBe(0);
  });
});

describe('a closed edition', () => {
  it('refuses cancelling as it refuses every other change', async () => {
    const s = { key: keys['staff'] };
    await gql(
      `mutation { createEdition(input: { slug: "nid-closing", name: "Closing", date: "2027-10-14" }) { userErrors { code } } }`,
      {},
      s,
    );
    const created = await gql(
      CREATE,
      { input: venue({ edition: 'nid-closing', name: 'Laatste tafel' }) },
      { key: keys['asito'] },
    );
    const id = created.data!['createLocation'].location.id;
    await gql(
      `mutation { updateEdition(input: { slug: "nid-closing", status: CLOSED }) { userErrors { code } } }`,
      {},
      s,
    );
    const before = await snapshot();
    const r = await gql(CANCEL, { input: { id } }, { key: keys['asito'] });
    expect(r.data!['cancelLocation'].userErrors).toEqual([
      expect.objectContaining({ code: 'EDITION_CLOSED' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('moderation', () => {
  it('holds a new organisation’s venues until staff approve it, where the edition requires approval', async () => {
    const s = { key: keys['staff'] };
    await gql(
      `mutation { createEdition(input: { slug: "nid-moderated", name: "Moderated", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`,
      {},
      s,
    );
    const org = await gql(
      `mutation { createOrganisation(input: { slug: "nieuwe-moskee", name: "Nieuwe Moskee", kind: FAITH_COMMUNITY }) { organisation { slug } userErrors { code } } }`,
      {},
      s,
    );
    expect(org.data!['createOrganisation'].userErrors).toEqual([]);
    const issued = await gql(
      `mutation { issueApiKey(input: { organisation: "nieuwe-moskee", scopes: [LOCATIONS_WRITE], label: "ict" }) { secret apiKey { prefix scopes organisation { slug } } userErrors { code } } }`,
      {},
      s,
    );
    const secret = issued.data!['issueApiKey'].secret as string;
    expect(secret).toMatch(/^tafel_[A-Za-z0-9_-]{43}$/);
    expect(issued.data!['issueApiKey'].apiKey).toEqual({
      prefix: secret.slice(0, 14),
      scopes: ['LOCATIONS_WRITE'],
      organisation: { slug: 'nieuwe-moskee' },
    });

    const created = await gql(
      CREATE,
      { input: venue({ edition: 'nid-moderated', name: 'Iftar voor iedereen' }) },
      { key: secret },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    const count = async () =>
      (await gql(`{ locations(edition: "nid-moderated") { totalCount } }`)).data!['locations']
        .totalCount;
    expect(await count()).toBe(0);
    const approved = await gql(
      `mutation { approveOrganisation(input: { organisation: "nieuwe-moskee" }) { organisation { slug } userErrors { code } } }`,
      {},
      s,
    );
    expect(approved.data!['approveOrganisation'].userErrors).toEqual([]);
    expect(await count()).toBe(1);
    // Later venues of an approved organisation go public at once.
    await gql(
      CREATE,
      { input: venue({ edition: 'nid-moderated', name: 'Tweede tafel' }) },
      { key: secret },
    );
    expect(await count()).toBe(2);
  });

  it('releases a venue created while the approval of its organisation is under way', async () => {
    const s = { key: keys['staff'] };
    await gql(
      `mutation { createEdition(input: { slug: "nid-moderated-race", name: "Moderated", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`,
      {},
      s,
    );
    await gql(
      `mutation { createOrganisation(input: { slug: "late-approval", name: "Late Approval" }) { userErrors { code } } }`,
      {},
      s,
    );
    const secret = (
      await gql(
        `mutation { issueApiKey(input: { organisation: "late-approval", scopes: [LOCATIONS_WRITE] }) { secret } }`,
        {},
        s,
      )
    ).data!['issueApiKey'].secret as string;
    let created: Promise<any> | undefined;
    // What approveOrganisation does, held open while the member creates a venue.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE organisations SET approved_at = now() WHERE slug = 'late-approval'`,
      );
      await tx.execute(
        sql`UPDATE locations SET awaiting_approval = false WHERE organisation_id = (SELECT id FROM organisations WHERE slug = 'late-approval')`,
      );
      created = gql(
        CREATE,
        { input: venue({ edition: 'nid-moderated-race', name: 'Net op tijd' }) },
        { key: secret },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect((await created!).data!.createLocation.userErrors).toEqual([]);
    // Not held for an approval that has been given.
    expect(
      (await gql(`{ locations(edition: "nid-moderated-race") { totalCount } }`)).data!['locations']
        .totalCount,
    ).toBe(1);
  });

  it('staff list keys by prefix, never secrets', async () => {
    const r = await gql(
      `{ apiKeys(organisation: "asito") { prefix scopes label lastUsedAt revokedAt } }`,
      {},
      { key: keys['staff'] },
    );
    expect(r.errors).toBeUndefined();
    // The member key used above has its last use recorded.
    const used = r.data!['apiKeys'].find((k: any) => k.prefix === keys['asito']!.slice(0, 14));
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(JSON.stringify(r.data)).not.toMatch(/tafel_[A-Za-z0-9_-]{43}/);
    expect(r.data!['apiKeys'].length).toBeGreaterThanOrEqual(2);
  });
});

describe('another organisation’s hidden venue answers as a missing one', () => {
  const missing = encodeGlobalId('Location', 999_998);
  /** The answer with the ID asked for taken out, so two answers compare. */
  const shape = (answer: unknown, asked: string) =>
    JSON.parse(JSON.stringify(answer).replaceAll(asked, '<id>'));

  for (const hidden of ['Concept lunch', 'Geannuleerd diner']) {
    it(`updateLocation and cancelLocation of ${hidden} say NOT_FOUND, word for word as for no venue`, async () => {
      const before = await snapshot();
      for (const [query, field, extra] of [
        [UPDATE, 'updateLocation', { name: 'Gekaapt' }],
        [CANCEL, 'cancelLocation', {}],
      ] as const) {
        const gone = await gql(
          query,
          { input: { id: missing, ...extra } },
          { key: keys['utrecht'] },
        );
        const other = await gql(
          query,
          { input: { id: id(hidden), ...extra } },
          { key: keys['utrecht'] },
        );
        expect(other.errors).toBeUndefined();
        expect(other.status).toBe(gone.status);
        expect(other.data![field].userErrors).toEqual([
          { field: ['id'], code: 'NOT_FOUND', message: expect.any(String) },
        ]);
        expect(shape(other.data, id(hidden))).toEqual(shape(gone.data, missing));
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('node, nodes and location give null for both', async () => {
    const r = await gql(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } n: nodes(ids: [$a, $b]) { id } la: location(id: $a) { id } lb: location(id: $b) { id } }`,
      { a: id('Concept lunch'), b: missing },
      { key: keys['utrecht'] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: null, b: null, n: [null, null], la: null, lb: null });
  });

  it('a published venue of another organisation is still forbidden: it is public anyway', async () => {
    const r = await gql(
      CANCEL,
      { input: { id: id('Moskee Bergen op Zoom') } },
      { key: keys['asito'] },
    );
    expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });
});

describe('removedLocations names only venues the public once saw', () => {
  it('leaves out cancelled drafts and venues withdrawn or cancelled before approval, and names the rest', async () => {
    const s = { key: keys['staff'] };
    await gql(
      `mutation { createEdition(input: { slug: "nid-sync", name: "Sync", date: "2027-10-14", requireApproval: true }) { userErrors { code } } }`,
      {},
      s,
    );
    await gql(
      `mutation { createOrganisation(input: { slug: "sync-nieuw", name: "Nieuw lid" }) { userErrors { code } } }`,
      {},
      s,
    );
    const pending = (
      await gql(
        `mutation { issueApiKey(input: { organisation: "sync-nieuw", scopes: [LOCATIONS_WRITE] }) { secret } }`,
        {},
        s,
      )
    ).data!['issueApiKey'].secret as string;
    const create = async (key: string, name: string, extra: Record<string, unknown> = {}) => {
      const r = await gql(
        CREATE,
        { input: venue({ edition: 'nid-sync', name, ...extra }) },
        { key },
      );
      expect(r.data!['createLocation'].userErrors).toEqual([]);
      return r.data!['createLocation'].location.id as string;
    };
    const cancel = (key: string, id: string) => gql(CANCEL, { input: { id } }, { key });
    const toDraft = (key: string, id: string) =>
      gql(UPDATE, { input: { id, status: 'DRAFT' } }, { key });

    const cancelledDraft = await create(keys['asito']!, 'Concept, afgelast', { status: 'DRAFT' });
    await cancel(keys['asito']!, cancelledDraft);
    const withdrawnUnapproved = await create(pending, 'Nooit goedgekeurd, ingetrokken');
    await toDraft(pending, withdrawnUnapproved);
    const cancelledUnapproved = await create(pending, 'Nooit goedgekeurd, afgelast');
    await cancel(pending, cancelledUnapproved);
    const cancelledPublic = await create(keys['asito']!, 'Was openbaar, afgelast');
    await cancel(keys['asito']!, cancelledPublic);
    const withdrawnPublic = await create(keys['asito']!, 'Was openbaar, concept');
    await toDraft(keys['asito']!, withdrawnPublic);
    // Public once staff approve its organisation, then cancelled.
    const approvedThenCancelled = await create(pending, 'Goedgekeurd, daarna afgelast');
    await gql(
      `mutation { approveOrganisation(input: { organisation: "sync-nieuw" }) { userErrors { code } } }`,
      {},
      s,
    );
    await cancel(pending, approvedThenCancelled);

    const r = await gql(
      `{ removedLocations(edition: "nid-sync", since: "2000-01-01T00:00:00Z", first: 100) { nodes { id reason } } }`,
    );
    expect(r.errors).toBeUndefined();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...r.data!['removedLocations'].nodes].sort(byId)).toEqual(
      [
        { id: cancelledPublic, reason: 'CANCELLED' },
        { id: withdrawnPublic, reason: 'WITHDRAWN' },
        { id: approvedThenCancelled, reason: 'CANCELLED' },
      ].sort(byId),
    );
  });
});
