/**
 * One path after a commit: every way of writing returns what it changed, one call announces it,
 * and the live hub's receiving side tells the app's caches — the stats cache and the kept public
 * answers — for this process's writes and every other's alike. Through every mutation, the bulk
 * upsert, the CSV import, the command line (beside the server, over the channel) and the admin
 * route the command line uses on PGlite.
 */
import { eq, sql } from 'drizzle-orm';
import { type GraphQLObjectType, getNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, UsageError } from '../src/cli.ts';
import { applications } from '../src/db/applications.ts';
import { editions, federationMeasures, federations, locations, series } from '../src/db/schema.ts';
import { decodeLocationId, encodeGlobalId } from '../src/graphql/global-id.ts';
import { schema } from '../src/graphql/schema.ts';
import { newAdminToken } from '../src/http/admin.ts';
import { TERMS_VERSION } from '../src/locations/terms.ts';
import { createApp } from '../src/yoga.ts';
import { serveHttp, waitFor } from './live-support.ts';
import { memberKey, openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let app: ReturnType<typeof createApp>;
/** An app whose hub LISTENs, as server.ts starts it: other processes' writes reach it over the channel. */
let listening: ReturnType<typeof createApp>;
let server: { url: string; close(): Promise<void> };
let staff: string;
let member: string;
const token = newAdminToken();

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  member = await memberKey(t.database, fx.asito.id);
  // As server.ts builds it: the admin route runs commands with the app's hub and key cache.
  app = createApp({
    database: t.database,
    publicApi: { responseCache: true, rateLimit: false, countsStaleMs: 0 },
    admin: {
      token,
      commands: {
        run: (argv, io) =>
          runCommand(t.database, argv, io, {
            announce: (notices) => app.live.announce(notices),
            keys: app.live.keys,
          }),
        usage: (error) => error instanceof UsageError,
      },
    },
  });
  // Not listening: what it hears of its own writes comes from their announcement alone, not from
  // the database's echo (a trigger announces editions and organisations too).
  server = await serveHttp(app);
  listening = createApp({
    database: t.database,
    publicApi: { responseCache: true, rateLimit: false, countsStaleMs: 0 },
  });
  await listening.live.start();
});
afterAll(async () => {
  await server?.close();
  await app?.live.close();
  await listening?.live.close();
  await t?.close();
});

/** Depends on everything a write can change: editions, organisations, the edition's venues and counts. */
const EVERYTHING = `{
  editions { slug name }
  organisations(first: 100) { nodes { slug name } }
  locations(edition: "nid-test", first: 100) { nodes { name status participants organisation { slug } } }
  stats(edition: "nid-test") { participants }
}`;

async function get(etag?: string, to = app): Promise<Response> {
  return to.fetch(`http://tafel.test/graphql?query=${encodeURIComponent(EVERYTHING)}`, {
    headers: {
      accept: 'application/graphql-response+json',
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });
}

/** Both caches hold an answer: the kept answer (its ETag confirmed with 304) and the edition's stats. */
async function primed(to = app): Promise<{ etag: string; stats: Promise<unknown> }> {
  // Notices of earlier writes may still be arriving over the channel (PostgreSQL): until the
  // answer stays kept.
  const etag = await waitFor(
    async () => {
      const first = await get(undefined, to);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      return (await get(etag, to)).status === 304 && etag;
    },
    5000,
    'a kept answer',
  );
  const stats = to.caches.stats.get(fx.edition.id, {});
  expect(to.caches.stats.get(fx.edition.id, {})).toBe(stats);
  await stats;
  return { etag, stats };
}

/** Has each cache let its answer go? */
async function invalidated(
  before: { etag: string; stats: Promise<unknown> },
  to = app,
): Promise<{ answer: boolean; stats: boolean }> {
  return {
    answer: (await get(before.etag, to)).status === 200,
    stats: to.caches.stats.get(fx.edition.id, {}) !== before.stats,
  };
}

async function gql(query: string, variables: Record<string, unknown>, key: string): Promise<any> {
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  const payload = Object.values(body.data)[0] as { userErrors?: unknown[] };
  expect(payload.userErrors ?? []).toEqual([]);
  return payload;
}

/** A write done in-process: both caches must have let go by the time its answer is back. */
async function expectInvalidatedBy(write: () => Promise<unknown>): Promise<void> {
  const before = await primed();
  await write();
  expect(await invalidated(before)).toEqual({ answer: true, stats: true });
}

const PAYLOAD = 'location { id } userErrors { field message code }';
const io = { log: () => {}, error: () => {} };
const csv = (name: string) =>
  `inline:external_id,name,city,lat,lng,meal\ncsv-1,${name},Utrecht,52.09,5.12,DINNER\n`;
let created: string;

/** The mutations that change what the public reads; the others only change API keys. */
/** Mutations that change no public data: keys, host links, and people and their sign-in (never public). */
const KEY_MUTATIONS = [
  'issueApiKey',
  'revokeApiKey',
  'invitePerson',
  'requestSignInLink',
  'signOutEverywhere',
  'removePerson',
  'createHostLink',
  'revokeHostLink',
  // Applications to join are never public; approving one creates an organisation (below).
  'applyToJoin',
  'rejectApplication',
  'deleteApplication',
  // A new story waits for staff: no public answer shows it until publishStory (below).
  'addStory',
];
const MUTATIONS: Record<string, () => Promise<unknown>> = {
  createLocation: async () => {
    const payload = await gql(
      `mutation($input: CreateLocationInput!) { createLocation(input: $input) { ${PAYLOAD} } }`,
      {
        input: {
          edition: 'nid-test',
          name: 'Nieuwe tafel',
          coordinates: { lat: 52.37, lng: 4.89 },
          meal: 'DINNER',
          capacity: 40,
        },
      },
      member,
    );
    created = payload.location.id;
  },
  updateLocation: () =>
    gql(
      `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { ${PAYLOAD} } }`,
      { input: { id: created, name: 'Nieuwe tafel (2)' } },
      member,
    ),
  reportParticipation: () =>
    gql(
      `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, participants: 7 } },
      member,
    ),
  recordArrivals: () =>
    gql(
      `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, delta: 2 } },
      member,
    ),
  setLocationFull: () =>
    gql(
      `mutation($input: SetLocationFullInput!) { setLocationFull(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, full: true } },
      member,
    ),
  raiseCapacity: () =>
    gql(
      `mutation($input: RaiseCapacityInput!) { raiseCapacity(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, capacity: 60 } },
      member,
    ),
  raiseSeats: async () => {
    // Seats per role set beside the API (no announcement): only raiseSeats may invalidate here.
    await t.database.db
      .update(locations)
      .set({ seatsByRole: { EMPLOYERS: 30, STATUS_HOLDERS: 30 }, capacity: 60 })
      .where(eq(locations.id, decodeLocationId(created)!));
    return gql(
      `mutation($input: RaiseSeatsInput!) { raiseSeats(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, role: 'EMPLOYERS', seats: 35 } },
      member,
    );
  },
  setProgramme: () =>
    gql(
      `mutation($input: SetProgrammeInput!) { setProgramme(input: $input) { ${PAYLOAD} } }`,
      {
        input: {
          location: created,
          chair: { name: 'Dagvoorzitter', namePublic: true },
          sessions: [
            {
              startsAt: '2027-10-14T18:00:00+02:00',
              endsAt: '2027-10-14T19:00:00+02:00',
              title: 'Welkom',
            },
          ],
        },
      },
      member,
    ),
  setOrganisationCount: async () => {
    // The edition's federation counts placements (made here, unannounced: only the report is).
    const [federation] = await t.database.db
      .insert(federations)
      .values({ slug: 'telt', name: 'Telt' })
      .returning();
    await t.database.db.insert(federationMeasures).values({
      federationId: federation!.id,
      key: 'PLACEMENTS',
      labels: { nl: 'Plekken', en: 'Placements', de: 'Plätze', da: 'Pladser' },
    });
    const [s] = await t.database.db
      .insert(series)
      .values({ slug: 'telt', name: 'Telt', federationId: federation!.id })
      .returning();
    const [was] = await t.database.db
      .select({ seriesId: editions.seriesId })
      .from(editions)
      .where(eq(editions.id, fx.edition.id));
    await t.database.db
      .update(editions)
      .set({ seriesId: s!.id })
      .where(eq(editions.id, fx.edition.id));
    await t.database.db.execute(sql`INSERT INTO federation_members (federation_id, organisation_id, joined_on)
      SELECT ${federation!.id}, id, '2020-01-01' FROM organisations WHERE slug = 'asito'`);
    const answer = await gql(
      `mutation($input: SetOrganisationCountInput!) { setOrganisationCount(input: $input) { userErrors { field message code } } }`,
      { input: { edition: 'nid-test', organisation: 'asito', measure: 'PLACEMENTS', value: 12 } },
      member,
    );
    // Back in its own series (silently: only the report's announcement is under test), so the
    // writes after this one are in the instance's edition as before.
    await t.database.db
      .update(editions)
      .set({ seriesId: was!.seriesId })
      .where(eq(editions.id, fx.edition.id));
    return answer;
  },
  setLocationCohosts: () =>
    gql(
      `mutation($input: SetLocationCohostsInput!) { setLocationCohosts(input: $input) { ${PAYLOAD} } }`,
      { input: { location: created, cohosts: ['gemeente-utrecht'] } },
      member,
    ),
  cancelLocation: () =>
    gql(
      `mutation($input: CancelLocationInput!) { cancelLocation(input: $input) { ${PAYLOAD} } }`,
      { input: { id: created } },
      member,
    ),
  upsertLocations: () =>
    gql(
      'mutation($input: UpsertLocationsInput!) { upsertLocations(input: $input) { created userErrors { field message code } } }',
      {
        input: {
          edition: 'nid-test',
          locations: [
            {
              externalId: 'bulk-1',
              name: 'Bulk',
              coordinates: { lat: 52.1, lng: 5.1 },
              meal: 'LUNCH',
            },
          ],
        },
      },
      member,
    ),
  importLocations: () =>
    gql(
      'mutation($input: ImportLocationsInput!) { importLocations(input: $input) { created userErrors { field message code } } }',
      {
        input: {
          edition: 'nid-test',
          csv: 'external_id,name,lat,lng,meal\nimport-1,Geimporteerd,52.1,5.1,LUNCH',
        },
      },
      member,
    ),
  copyLocations: () =>
    gql(
      'mutation($input: CopyLocationsInput!) { copyLocations(input: $input) { copiedCount userErrors { field message code } } }',
      { input: { from: 'other-day', to: 'nid-test' } },
      member,
    ),
  createEdition: () =>
    gql(
      'mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { field message code } } }',
      { input: { slug: 'nid-after', name: 'After', date: '2028-10-12' } },
      staff,
    ),
  updateEdition: () =>
    gql(
      'mutation($input: UpdateEditionInput!) { updateEdition(input: $input) { userErrors { field message code } } }',
      { input: { slug: 'nid-test', name: 'Renamed day' } },
      staff,
    ),
  createSeries: () =>
    gql(
      'mutation($input: CreateSeriesInput!) { createSeries(input: $input) { userErrors { field message code } } }',
      { input: { slug: 'nid-after', name: 'After-commit dinners' } },
      staff,
    ),
  setFederationTiles: async () => {
    await t.database.db.insert(federations).values({ slug: 'kaart', name: 'Kaart' });
    return gql(
      'mutation($input: SetFederationTilesInput!) { setFederationTiles(input: $input) { userErrors { field message code } } }',
      {
        input: {
          federation: 'kaart',
          tiles: { url: 'https://tiles.kaart.test/{z}/{x}/{y}.png', attribution: '© Kaart' },
        },
      },
      staff,
    );
  },
  setFederationTargetGroups: async () => {
    await t.database.db.insert(federations).values({ slug: 'paten', name: 'Paten' });
    return gql(
      'mutation($input: SetFederationTargetGroupsInput!) { setFederationTargetGroups(input: $input) { userErrors { field message code } } }',
      {
        input: {
          federation: 'paten',
          targetGroups: [
            {
              code: 'MENTORS',
              labels: { nl: 'Mentoren', en: 'Mentors', de: 'Paten', da: 'Mentorer' },
            },
          ],
        },
      },
      staff,
    );
  },
  setEditionHistory: () =>
    gql(
      'mutation($input: SetEditionHistoryInput!) { setEditionHistory(input: $input) { userErrors { field message code } } }',
      { input: { edition: 'nid-test', series: 'nid-after' } },
      staff,
    ),
  createOrganisation: () =>
    gql(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { field message code } } }',
      { input: { slug: 'buurthuis-west', name: 'Buurthuis West' } },
      staff,
    ),
  updateOrganisation: () =>
    gql(
      'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { userErrors { field message code } } }',
      { input: { organisation: 'asito', name: 'Asito Schoonmaak' } },
      staff,
    ),
  approveApplication: async () => {
    const [row] = await t.database.db
      .insert(applications)
      .values({
        organisationName: 'Buurthuis Oost',
        kind: 'CHARITY',
        contactName: 'Olga Oost',
        email: 'olga@buurthuis-oost.example',
        termsVersion: TERMS_VERSION,
        consentedAt: new Date(),
      })
      .returning();
    return gql(
      'mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { userErrors { field message code } } }',
      { input: { id: encodeGlobalId('Application', row!.id) } },
      staff,
    );
  },
  approveOrganisation: () =>
    gql(
      'mutation($input: ApproveOrganisationInput!) { approveOrganisation(input: $input) { userErrors { field message code } } }',
      { input: { organisation: 'buurthuis-west' } },
      staff,
    ),
  suspendOrganisation: () =>
    gql(
      'mutation($input: SuspendOrganisationInput!) { suspendOrganisation(input: $input) { userErrors { field message code } } }',
      { input: { id: encodeGlobalId('Organisation', fx.asito.id), reason: 'Test' } },
      staff,
    ),
  reinstateOrganisation: () =>
    gql(
      'mutation($input: ReinstateOrganisationInput!) { reinstateOrganisation(input: $input) { userErrors { field message code } } }',
      { input: { id: encodeGlobalId('Organisation', fx.asito.id) } },
      staff,
    ),
  approveLocation: async () => {
    // Waiting for approval, set straight in the table: only the mutation announces.
    await awaitApproval('Stadhuis Utrecht');
    return gql(
      `mutation($input: ApproveLocationInput!) { approveLocation(input: $input) { ${PAYLOAD} } }`,
      { input: { id: venueId('Stadhuis Utrecht') } },
      staff,
    );
  },
  rejectLocation: async () => {
    await awaitApproval('Stadhuis Utrecht');
    return gql(
      `mutation($input: RejectLocationInput!) { rejectLocation(input: $input) { ${PAYLOAD} } }`,
      { input: { id: venueId('Stadhuis Utrecht'), reason: 'Test' } },
      staff,
    );
  },
  unpublishLocation: () =>
    gql(
      `mutation($input: UnpublishLocationInput!) { unpublishLocation(input: $input) { ${PAYLOAD} } }`,
      { input: { id: venueId('Buurthuis De Ster'), reason: 'Test' } },
      staff,
    ),
  fileClosingReport: async () => {
    // Held: its end set in the past beside the API (no announcement).
    await heldVenue('Heracles Stadion');
    return gql(
      'mutation($input: FileClosingReportInput!) { fileClosingReport(input: $input) { userErrors { field message code } } }',
      { input: { location: venueId('Heracles Stadion'), followUps: 3 } },
      member,
    );
  },
  publishStory: async () => {
    await heldVenue('Stadhuis Utrecht');
    const added = await gql(
      'mutation($input: AddStoryInput!) { addStory(input: $input) { story { id } userErrors { field message code } } }',
      {
        input: {
          location: venueId('Stadhuis Utrecht'),
          quote: 'Een verhaal',
          language: 'NL',
          consent: true,
          consentedAt: '2026-01-01T12:00:00Z',
        },
      },
      staff,
    );
    story = added.story.id;
    return gql(STORY_STEP('publishStory', 'PublishStoryInput'), { input: { id: story } }, staff);
  },
  rejectStory: () =>
    gql(
      STORY_STEP('rejectStory', 'RejectStoryInput'),
      { input: { id: story, reason: 'Test' } },
      staff,
    ),
  deleteStory: () =>
    gql(STORY_STEP('deleteStory', 'DeleteStoryInput'), { input: { id: story } }, staff),
  closeEdition: () =>
    gql(
      EDITION_STEP('closeEdition', 'CloseEditionInput'),
      { input: { edition: 'nid-test' } },
      staff,
    ),
  openEdition: () =>
    gql(EDITION_STEP('openEdition', 'OpenEditionInput'), { input: { edition: 'nid-test' } }, staff),
  postponeEdition: () =>
    gql(
      EDITION_STEP('postponeEdition', 'PostponeEditionInput'),
      { input: { edition: 'nid-test', reason: 'Test', date: '2027-10-21' } },
      staff,
    ),
  cancelEdition: async () => {
    await gql(
      EDITION_STEP('cancelEdition', 'CancelEditionInput'),
      { input: { edition: 'nid-test', reason: 'Test' } },
      staff,
    );
    // Open again for the tests below (a cancelled edition stays so through the API); this
    // process does not hear the table's trigger, so only the mutation's announcement counts.
    await t.database.db
      .update(editions)
      .set({ status: 'OPEN' })
      .where(eq(editions.slug, 'nid-test'));
  },
};

const EDITION_STEP = (field: string, input: string) =>
  `mutation($input: ${input}!) { ${field}(input: $input) { userErrors { field message code } } }`;
const STORY_STEP = (field: string, input: string) =>
  `mutation($input: ${input}!) { ${field}(input: $input) { story { id } userErrors { field message code } } }`;
let story: string;
const heldVenue = (name: string) =>
  t.database.db
    .update(locations)
    .set({ startsAt: new Date('2026-01-01T17:00:00Z'), endsAt: new Date('2026-01-01T20:00:00Z') })
    .where(eq(locations.id, fx.locations[name]!.id));
const venueId = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
const awaitApproval = (name: string) =>
  t.database.db
    .update(locations)
    .set({ status: 'PUBLISHED', awaitingApproval: true })
    .where(eq(locations.id, fx.locations[name]!.id));

describe('after a commit, one path to the caches', () => {
  it('covers every mutation of the schema that changes public data', () => {
    const fields = Object.keys((schema.getMutationType() as GraphQLObjectType).getFields());
    expect(fields.filter((f) => !KEY_MUTATIONS.includes(f)).sort()).toEqual(
      Object.keys(MUTATIONS).sort(),
    );
    expect(getNamedType(schema.getMutationType()!.getFields()['revokeApiKey']!.type).name).toBe(
      'RevokeApiKeyPayload',
    );
  });

  for (const [name, write] of Object.entries(MUTATIONS)) {
    it(`${name} invalidates the stats and the kept answers before it answers`, () =>
      expectInvalidatedBy(write));
  }

  it('a CSV import through the admin route (the command line beside a PGlite server) invalidates both before it answers', async () => {
    const before = await primed();
    const response = await fetch(`${server.url}/admin/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tafel-admin-token': token },
      body: JSON.stringify({
        argv: [
          'import',
          csv('Uit het bestand'),
          '--organisation',
          'asito',
          '--edition',
          'nid-test',
          '--file',
          'venues.csv',
        ],
      }),
    });
    expect(((await response.json()) as { code: number }).code).toBe(0);
    expect(await invalidated(before)).toEqual({ answer: true, stats: true });
  });

  it('organisations and editions created through the admin route invalidate both before it answers', async () => {
    for (const argv of [
      ['organisations', 'create', '--slug', 'buurthuis-noord', '--name', 'Buurthuis Noord'],
      ['editions', 'create', '--slug', 'nid-admin', '--name', 'Admin day', '--date', '2028-10-12'],
    ]) {
      const before = await primed();
      const response = await fetch(`${server.url}/admin/command`, {
        method: 'POST',
        headers: { 'x-tafel-admin-token': token },
        body: JSON.stringify({ argv }),
      });
      expect(((await response.json()) as { code: number }).code).toBe(0);
      expect(await invalidated(before), argv.join(' ')).toEqual({ answer: true, stats: true });
    }
  });

  it('the command line in another process (announcing on the channel) invalidates both: the CSV import, organisations, editions, the demo', async () => {
    for (const argv of [
      [
        'import',
        csv('Uit een ander proces'),
        '--organisation',
        'asito',
        '--edition',
        'nid-test',
        '--file',
        'venues.csv',
      ],
      ['organisations', 'create', '--slug', 'buurthuis-zuid', '--name', 'Buurthuis Zuid'],
      ['editions', 'create', '--slug', 'nid-cli', '--name', 'CLI day', '--date', '2028-10-12'],
      ['demo', '--venues', '3', '--edition', 'nid-demo'],
    ]) {
      const before = await primed(listening);
      // runCommand without the server's hub: what `pnpm tafel` does on PostgreSQL beside running servers.
      expect(await runCommand(t.database, argv, io)).toBe(0);
      await waitFor(
        async () => {
          const now = await invalidated(before, listening);
          return now.answer && now.stats;
        },
        5000,
        argv.slice(0, 2).join(' '),
      );
    }
  });
});
