/**
 * Staff of one federation cannot touch another's (#19): two federations, each with its series,
 * editions, a member organisation with venues, keys and a coordinator, and its own staff (a key,
 * an admin and a moderator signed in). Every mutation of the schema has a row here (a new one
 * without a row fails the first test): each federation's staff and coordinators reaching for the
 * other's objects are refused and nothing changes (the whole database before and after); each
 * federation's staff do the same on their own. Then the private reads, scoped the same way, and
 * the command line that makes federation staff. The instance's staff keep every power.
 */
import { sql } from 'drizzle-orm';
import type { GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueKey } from '../src/auth/keys.ts';
import { runCommand } from '../src/cli.ts';
import { applications } from '../src/db/applications.ts';
import {
  editions,
  federationMeasures,
  federationMembers,
  federations,
  locations,
  organisations,
  people,
  series,
  stories,
} from '../src/db/schema.ts';
import { decodeLocationId, encodeGlobalId } from '../src/graphql/global-id.ts';
import { schema } from '../src/graphql/schema.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { TERMS_VERSION } from '../src/locations/terms.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  personSession,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let gql: ReturnType<typeof createClient>['gql'];
let instance: string;
/** Applications naming no federation: the instance's staff decide them, no federation's. */
let instanceApplications: string[];

interface Fed {
  p: string;
  id: number;
  series: string;
  edition: string;
  editionId: number;
  /** Copies go here. */
  edition2: string;
  /** Opened, closed, postponed and cancelled. */
  steps: string;
  org: { id: number; slug: string };
  cohost: string;
  pending: { id: number; slug: string };
  venue: string;
  draft: string;
  awaiting: string;
  awaiting2: string;
  unpublish: string;
  cancel: string;
  /** A venue of a past edition (held): closing reports and stories. */
  held: string;
  /** Stories waiting for staff at the held venue: to publish, to reject, to delete. */
  stories: [string, string, string];
  hostLink: string;
  spareKey: string;
  leaver: number;
  /** Applications naming the federation: three for the rows, one for the instance's staff. */
  applications: string[];
  /** Actors. */
  staffKey: string;
  admin: string;
  moderator: string;
  coordinator: string;
  orgKey: string;
}
const feds: Record<'alpha' | 'beta', Fed> = {} as never;

type Actor = { name: string; kind: 'staff' | 'moderator' | 'member'; opts: () => object };
function actorsOf(f: Fed): Actor[] {
  return [
    { name: `${f.p} staff key`, kind: 'staff', opts: () => ({ key: f.staffKey }) },
    { name: `${f.p} admin`, kind: 'staff', opts: () => ({ headers: sessionHeaders(f.admin) }) },
    {
      name: `${f.p} moderator`,
      kind: 'moderator',
      opts: () => ({ headers: sessionHeaders(f.moderator) }),
    },
    {
      name: `${f.p} coordinator`,
      kind: 'member',
      opts: () => ({ headers: sessionHeaders(f.coordinator) }),
    },
    { name: `${f.p} organisation key`, kind: 'member', opts: () => ({ key: f.orgKey }) },
  ];
}

const ERRORS = 'userErrors { field message code }';
const loc = (id: number) => encodeGlobalId('Location', id);

/**
 * One row per mutation: the call aimed at federation `f`'s objects (a member acts for its own
 * organisation, so names none), and who may make it there:
 * - `staff`/`moderator`: that federation's staff (admins; moderators too) — and no one else's;
 * - `member`: also its organisations' keys and coordinators (their own venues);
 * - `create`: names nothing of a federation: what staff create lands in their own (checked below);
 * - `instance`: the instance's staff only, never a federation's;
 * - `self`: touches nothing but the caller (or nothing before staff decide), whoever asks.
 */
type Row = {
  who: 'staff' | 'moderator' | 'member' | 'create' | 'instance' | 'self';
  call: (f: Fed, member: boolean) => [string, Record<string, unknown>];
};
const m = (name: string, type: string, fields = ERRORS) =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`;
const on = (member: boolean, f: Fed) => (member ? {} : { organisation: f.org.slug });

const ROWS: Record<string, Row> = {
  createLocation: {
    who: 'member',
    call: (f, member) => [
      m('createLocation', 'CreateLocationInput'),
      {
        input: {
          edition: f.edition,
          ...on(member, f),
          name: 'Nieuwe tafel',
          coordinates: { lat: 52.1, lng: 5.1 },
          meal: 'DINNER',
          capacity: 20,
        },
      },
    ],
  },
  updateLocation: {
    who: 'member',
    call: (f) => [
      m('updateLocation', 'UpdateLocationInput'),
      { input: { id: f.venue, name: 'Hernoemd' } },
    ],
  },
  upsertLocations: {
    who: 'member',
    call: (f, member) => [
      m('upsertLocations', 'UpsertLocationsInput', `created ${ERRORS}`),
      {
        input: {
          edition: f.edition,
          ...on(member, f),
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
    ],
  },
  importLocations: {
    who: 'member',
    call: (f, member) => [
      m('importLocations', 'ImportLocationsInput', `created ${ERRORS}`),
      {
        input: {
          edition: f.edition,
          ...on(member, f),
          csv: 'external_id,name,lat,lng,meal\nimport-1,Geimporteerd,52.1,5.1,LUNCH',
        },
      },
    ],
  },
  copyLocations: {
    who: 'member',
    call: (f, member) => [
      m('copyLocations', 'CopyLocationsInput', `copiedCount ${ERRORS}`),
      { input: { from: f.edition, to: f.edition2, ...on(member, f) } },
    ],
  },
  setProgramme: {
    who: 'member',
    call: (f) => [
      m('setProgramme', 'SetProgrammeInput'),
      {
        input: {
          location: f.venue,
          chair: { name: 'Dagvoorzitter', namePublic: true },
          sessions: [
            {
              startsAt: '2027-06-10T18:00:00+02:00',
              endsAt: '2027-06-10T19:00:00+02:00',
              title: 'Welkom',
            },
          ],
        },
      },
    ],
  },
  fileClosingReport: {
    who: 'member',
    call: (f) => [
      m('fileClosingReport', 'FileClosingReportInput'),
      { input: { location: f.held, followUps: 2, introductions: 1 } },
    ],
  },
  addStory: {
    who: 'member',
    call: (f) => [
      m('addStory', 'AddStoryInput'),
      {
        input: {
          location: f.held,
          quote: 'Aan tafel met een docent.',
          language: 'NL',
          consent: true,
          consentedAt: '2025-06-12T21:00:00Z',
        },
      },
    ],
  },
  publishStory: {
    who: 'moderator',
    call: (f) => [m('publishStory', 'PublishStoryInput'), { input: { id: f.stories[0] } }],
  },
  rejectStory: {
    who: 'moderator',
    call: (f) => [
      m('rejectStory', 'RejectStoryInput'),
      { input: { id: f.stories[1], reason: 'Geen verhaal van de tafel.' } },
    ],
  },
  deleteStory: {
    who: 'member',
    call: (f) => [m('deleteStory', 'DeleteStoryInput'), { input: { id: f.stories[2] } }],
  },
  setOrganisationCount: {
    who: 'member',
    call: (f) => [
      m('setOrganisationCount', 'SetOrganisationCountInput'),
      { input: { edition: f.edition, organisation: f.org.slug, measure: 'PLACEMENTS', value: 5 } },
    ],
  },
  setFederationTargetGroups: {
    who: 'staff',
    call: (f) => [
      m('setFederationTargetGroups', 'SetFederationTargetGroupsInput'),
      {
        input: {
          federation: f.p,
          targetGroups: [
            {
              code: 'MENTORS',
              labels: { nl: 'Mentoren', en: 'Mentors', de: 'Mentoren', da: 'Mentorer' },
            },
          ],
        },
      },
    ],
  },
  setLocationCohosts: {
    who: 'member',
    call: (f) => [
      m('setLocationCohosts', 'SetLocationCohostsInput'),
      { input: { location: f.venue, cohosts: [f.cohost] } },
    ],
  },
  reportParticipation: {
    who: 'member',
    call: (f) => [
      m('reportParticipation', 'ReportParticipationInput'),
      { input: { location: f.venue, participants: 7 } },
    ],
  },
  recordArrivals: {
    who: 'member',
    call: (f) => [
      m('recordArrivals', 'RecordArrivalsInput'),
      { input: { location: f.venue, delta: 2 } },
    ],
  },
  setLocationFull: {
    who: 'member',
    call: (f) => [
      m('setLocationFull', 'SetLocationFullInput'),
      { input: { location: f.venue, full: true } },
    ],
  },
  raiseSeats: {
    who: 'member',
    call: (f) => [
      m('raiseSeats', 'RaiseSeatsInput'),
      { input: { location: f.venue, role: 'EMPLOYERS', seats: 35 } },
    ],
  },
  raiseCapacity: {
    who: 'member',
    call: (f) => [
      m('raiseCapacity', 'RaiseCapacityInput'),
      { input: { location: f.cancel, capacity: 200 } },
    ],
  },
  createHostLink: {
    who: 'member',
    call: (f) => [
      m('createHostLink', 'CreateHostLinkInput', `token ${ERRORS}`),
      { input: { location: f.venue } },
    ],
  },
  revokeHostLink: {
    who: 'member',
    call: (f) => [m('revokeHostLink', 'RevokeHostLinkInput'), { input: { prefix: f.hostLink } }],
  },
  cancelLocation: {
    who: 'member',
    call: (f) => [m('cancelLocation', 'CancelLocationInput'), { input: { id: f.cancel } }],
  },
  createEdition: {
    who: 'staff',
    call: (f) => [
      m('createEdition', 'CreateEditionInput'),
      { input: { slug: `${f.p}-new`, name: 'Nieuw', date: '2028-03-01', series: f.series } },
    ],
  },
  updateEdition: {
    who: 'staff',
    call: (f) => [
      m('updateEdition', 'UpdateEditionInput'),
      { input: { slug: f.edition, name: 'Hernoemd' } },
    ],
  },
  setEditionHistory: {
    who: 'staff',
    call: (f) => [
      m('setEditionHistory', 'SetEditionHistoryInput'),
      { input: { edition: f.edition2, series: f.series } },
    ],
  },
  createSeries: {
    who: 'create',
    call: (f) => [
      m('createSeries', 'CreateSeriesInput'),
      { input: { slug: `${f.p}-more`, name: 'More' } },
    ],
  },
  createOrganisation: {
    who: 'create',
    call: (f) => [
      m('createOrganisation', 'CreateOrganisationInput'),
      { input: { slug: `${f.p}-created`, name: 'Created' } },
    ],
  },
  updateOrganisation: {
    who: 'staff',
    call: (f) => [
      m('updateOrganisation', 'UpdateOrganisationInput'),
      { input: { organisation: f.org.slug, name: 'Hernoemd' } },
    ],
  },
  approveOrganisation: {
    who: 'moderator',
    call: (f) => [
      m('approveOrganisation', 'ApproveOrganisationInput'),
      { input: { organisation: f.pending.slug } },
    ],
  },
  suspendOrganisation: {
    who: 'staff',
    call: (f) => [
      m('suspendOrganisation', 'SuspendOrganisationInput'),
      { input: { id: encodeGlobalId('Organisation', f.pending.id), reason: 'Test' } },
    ],
  },
  reinstateOrganisation: {
    who: 'staff',
    call: (f) => [
      m('reinstateOrganisation', 'ReinstateOrganisationInput'),
      { input: { id: encodeGlobalId('Organisation', f.pending.id) } },
    ],
  },
  approveLocation: {
    who: 'moderator',
    call: (f) => [m('approveLocation', 'ApproveLocationInput'), { input: { id: f.awaiting } }],
  },
  rejectLocation: {
    who: 'moderator',
    call: (f) => [
      m('rejectLocation', 'RejectLocationInput'),
      { input: { id: f.awaiting2, reason: 'Nee' } },
    ],
  },
  unpublishLocation: {
    who: 'moderator',
    call: (f) => [
      m('unpublishLocation', 'UnpublishLocationInput'),
      { input: { id: f.unpublish, reason: 'Nee' } },
    ],
  },
  closeEdition: {
    who: 'staff',
    call: (f) => [m('closeEdition', 'CloseEditionInput'), { input: { edition: f.steps } }],
  },
  openEdition: {
    who: 'staff',
    call: (f) => [m('openEdition', 'OpenEditionInput'), { input: { edition: f.steps } }],
  },
  postponeEdition: {
    who: 'staff',
    call: (f) => [
      m('postponeEdition', 'PostponeEditionInput'),
      { input: { edition: f.steps, reason: 'Later', date: '2027-09-10' } },
    ],
  },
  cancelEdition: {
    who: 'staff',
    call: (f) => [
      m('cancelEdition', 'CancelEditionInput'),
      { input: { edition: f.steps, reason: 'Nee' } },
    ],
  },
  setFederationTiles: {
    who: 'staff',
    call: (f) => [
      m('setFederationTiles', 'SetFederationTilesInput'),
      {
        input: {
          federation: f.p,
          tiles: { url: `https://tiles.${f.p}.test/{z}/{x}/{y}.png`, attribution: `© ${f.p}` },
        },
      },
    ],
  },
  issueApiKey: {
    who: 'staff',
    call: (f) => [
      m('issueApiKey', 'IssueApiKeyInput', `secret ${ERRORS}`),
      { input: { organisation: f.org.slug, scopes: ['LOCATIONS_WRITE'] } },
    ],
  },
  revokeApiKey: {
    who: 'staff',
    call: (f) => [m('revokeApiKey', 'RevokeApiKeyInput'), { input: { prefix: f.spareKey } }],
  },
  invitePerson: {
    who: 'moderator',
    call: (f) => [
      m('invitePerson', 'InvitePersonInput'),
      { input: { email: `nieuw@${f.p}.test`, organisation: f.org.slug } },
    ],
  },
  removePerson: {
    who: 'moderator',
    call: (f) => [
      m('removePerson', 'RemovePersonInput'),
      { input: { id: encodeGlobalId('Person', f.leaver) } },
    ],
  },
  // An application naming the federation: its staff decide it (moderators too).
  approveApplication: {
    who: 'staff',
    call: (f) => [
      m('approveApplication', 'ApproveApplicationInput'),
      { input: { id: f.applications[0] } },
    ],
  },
  rejectApplication: {
    who: 'moderator',
    call: (f) => [
      m('rejectApplication', 'RejectApplicationInput'),
      { input: { id: f.applications[1], reason: 'Nee' } },
    ],
  },
  deleteApplication: {
    who: 'staff',
    call: (f) => [
      m('deleteApplication', 'DeleteApplicationInput'),
      { input: { id: f.applications[2] } },
    ],
  },
  // Anyone, about nothing that is a federation's: the join form, one's own sign-in and sessions.
  applyToJoin: { who: 'self', call: () => ['', {}] },
  requestSignInLink: { who: 'self', call: () => ['', {}] },
  signOutEverywhere: { who: 'self', call: () => ['', {}] },
};

/** The whole database as plain data, minus the times a key or session was last used. */
async function snapshot(): Promise<unknown> {
  const tables = rowsOf<{ tablename: string }>(
    await t.database.db.execute(
      sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    ),
  );
  const out: Record<string, unknown> = {};
  for (const { tablename } of tables) {
    const rows = rowsOf<Record<string, unknown>>(
      await t.database.db.execute(sql.raw(`SELECT * FROM "${tablename}"`)),
    ).map((r) => {
      const { last_used_at: _u, last_seen_at: _s, ...rest } = r;
      return JSON.stringify(rest);
    });
    out[tablename] = rows.sort();
  }
  return out;
}

async function call(row: Row, f: Fed, actor: Actor) {
  const [query, variables] = row.call(f, actor.kind === 'member');
  return gql(query, variables, actor.opts());
}

function userErrorsOf(data: Record<string, any> | undefined): unknown[] {
  const payload = data ? Object.values(data)[0] : null;
  return payload?.userErrors ?? [];
}

async function setUp(p: 'alpha' | 'beta'): Promise<Fed> {
  const db = t.database.db;
  const [fed] = await db
    .insert(federations)
    .values({ slug: p, name: `Federation ${p}` })
    .returning();
  const [s] = await db
    .insert(series)
    .values({ slug: `${p}-series`, name: `${p} series`, federationId: fed!.id })
    .returning();
  const edition = (slug: string, date: string) =>
    db
      .insert(editions)
      .values({
        slug,
        name: slug,
        date,
        timeZone: 'Europe/Amsterdam',
        country: 'NL',
        seriesId: s!.id,
      })
      .returning()
      .then((r) => r[0]!);
  const e1 = await edition(`${p}-2027`, '2027-06-10');
  const e2 = await edition(`${p}-2028`, '2028-06-08');
  const e3 = await edition(`${p}-steps`, '2027-08-10');
  const e0 = await edition(`${p}-2025`, '2025-06-12');
  await db.insert(federationMeasures).values({
    federationId: fed!.id,
    key: 'PLACEMENTS',
    labels: { nl: 'Plekken', en: 'Placements', de: 'Plätze', da: 'Pladser' },
  });
  const [org, cohost, pending] = await db
    .insert(organisations)
    .values([
      {
        slug: `${p}-org`,
        name: `${p} org`,
        kind: 'COMPANY',
        approvedAt: new Date(),
        contactName: `${p} contact`,
        contactEmail: `c@${p}.test`,
      },
      { slug: `${p}-cohost`, name: `${p} cohost`, kind: 'CHARITY', approvedAt: new Date() },
      { slug: `${p}-pending`, name: `${p} pending`, kind: 'CHARITY' },
    ] as never)
    .returning();
  await db.insert(federationMembers).values(
    [org!, cohost!, pending!].map((o) => ({
      federationId: fed!.id,
      organisationId: o.id,
      joinedOn: '2020-01-01',
    })),
  );
  const venue = (name: string, more: Record<string, unknown> = {}) =>
    db
      .insert(locations)
      .values({
        organisationId: org!.id,
        editionId: e1.id,
        country: 'NL',
        name,
        lat: 52.1,
        lng: 5.1,
        meal: 'DINNER',
        capacity: 100,
        ...more,
      } as never)
      .returning()
      .then((r) => loc(r[0]!.id));
  const f: Fed = {
    p,
    id: fed!.id,
    series: s!.slug,
    edition: e1.slug,
    editionId: e1.id,
    edition2: e2.slug,
    steps: e3.slug,
    org: org!,
    cohost: cohost!.slug,
    pending: pending!,
    venue: await venue(`${p} venue`, { seatsByRole: { EMPLOYERS: 30, STATUS_HOLDERS: 30 } }),
    draft: await venue(`${p} draft`, { status: 'DRAFT', sensitive: true }),
    awaiting: await venue(`${p} awaiting`, { awaitingApproval: true }),
    awaiting2: await venue(`${p} awaiting 2`, { awaitingApproval: true }),
    unpublish: await venue(`${p} unpublish`),
    cancel: await venue(`${p} cancel`),
    held: await venue(`${p} held`, { editionId: e0.id }),
    stories: ['', '', ''],
    hostLink: '',
    spareKey: (
      await issueKey(db, { organisationId: org!.id, scopes: ['LOCATIONS_WRITE'], label: 'spare' })
    ).apiKey.prefix,
    leaver: 0,
    applications: [],
    staffKey: (
      await issueKey(db, {
        organisationId: null,
        federationId: fed!.id,
        scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
        label: `${p} staff`,
      })
    ).secret,
    admin: await personSession(t.database, {
      email: `admin@${p}.test`,
      role: 'admin',
      federationId: fed!.id,
    }),
    moderator: await personSession(t.database, {
      email: `moderator@${p}.test`,
      role: 'moderator',
      federationId: fed!.id,
    }),
    coordinator: await personSession(t.database, {
      email: `coordinator@${p}.test`,
      organisationId: org!.id,
    }),
    orgKey: await memberKey(t.database, org!.id),
  };
  const held = Number(decodeLocationId(f.held));
  const told = await db
    .insert(stories)
    .values(
      [1, 2, 3].map((n) => ({
        locationId: held,
        editionId: e0.id,
        quote: `${p} story ${n}`,
        language: 'nl',
        consent: true,
        consentedAt: new Date('2025-06-12T20:00:00Z'),
        addedBy: 'test',
      })),
    )
    .returning();
  f.stories = told.map((r) => encodeGlobalId('Story', r.id)) as [string, string, string];
  await personSession(t.database, { email: `leaver@${p}.test`, organisationId: org!.id });
  const [leaver] = await db
    .select()
    .from(people)
    .where(sql`${people.email} = ${`leaver@${p}.test`}`);
  f.leaver = leaver!.id;
  const made = await gql(
    'mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { hostLink { prefix } userErrors { message } } }',
    { input: { location: f.venue } },
    { key: instance },
  );
  f.hostLink = made.data!['createHostLink'].hostLink.prefix;
  f.applications = await applied(p, fed!.id);
  return f;
}

/** Four pending applications naming the federation (or none: the instance's own). */
async function applied(p: string, federationId: number | null): Promise<string[]> {
  const rows = await t.database.db
    .insert(applications)
    .values(
      [1, 2, 3, 4].map((n) => ({
        organisationName: `${p} applicant ${n}`,
        kind: 'CHARITY' as const,
        contactName: 'Applicant',
        email: `applicant${n}@${p}.test`,
        termsVersion: TERMS_VERSION,
        consentedAt: new Date(),
        federationId,
      })),
    )
    .returning();
  return rows.map((r) => encodeGlobalId('Application', r.id));
}

beforeAll(async () => {
  t = await openTestDatabase();
  gql = createClient(t.database).gql;
  instance = await staffKey(t.database);
  feds.alpha = await setUp('alpha');
  feds.beta = await setUp('beta');
  instanceApplications = await applied('instance', null);
  return () => t.close();
});

describe('two federations: nothing crosses', () => {
  it('has a row for every mutation of the schema', () => {
    const fields = Object.keys((schema.getMutationType() as GraphQLObjectType).getFields());
    expect(fields.sort()).toEqual(Object.keys(ROWS).sort());
  });

  for (const [mine, theirs] of [
    ['alpha', 'beta'],
    ['beta', 'alpha'],
  ] as const) {
    it(`${mine}'s staff and coordinators reaching for ${theirs}'s objects are refused, nothing changed`, async () => {
      const failures: string[] = [];
      for (const actor of actorsOf(feds[mine])) {
        for (const [name, row] of Object.entries(ROWS)) {
          if (row.who === 'self' || row.who === 'create') continue;
          const before = await snapshot();
          const answer = await call(row, feds[theirs], actor);
          const refused = (answer.errors?.length ?? 0) > 0 || userErrorsOf(answer.data).length > 0;
          if (!refused) failures.push(`${actor.name} × ${name}: not refused`);
          // Refused for what it asked, not for how: the call itself is well formed.
          const how = answer.errors?.find((e) =>
            ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(e.extensions?.['code']),
          );
          if (how) failures.push(`${actor.name} × ${name}: ${how.message}`);
          // Staff are refused by the federation's rule (or their role's), never by chance.
          if (actor.kind !== 'member' && row.who !== 'instance') {
            const code = answer.errors?.[0]?.extensions?.['code'];
            if (code !== 'NOT_FOUND' && code !== 'FORBIDDEN')
              failures.push(
                `${actor.name} × ${name}: ${JSON.stringify(answer.errors ?? answer.data)}`,
              );
          }
          if (JSON.stringify(await snapshot()) !== JSON.stringify(before))
            failures.push(`${actor.name} × ${name}: changed the database`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("a federation's staff may not make staff or take an edition out of its series", async () => {
    const a = feds.alpha;
    const before = await snapshot();
    for (const [query, variables] of [
      [m('issueApiKey', 'IssueApiKeyInput'), { input: { scopes: ['LOCATIONS_WRITE'] } }],
      [
        m('invitePerson', 'InvitePersonInput'),
        { input: { email: 'x@alpha.test', role: 'MODERATOR' } },
      ],
      [
        m('invitePerson', 'InvitePersonInput'),
        { input: { email: 'x@alpha.test', role: 'MODERATOR', federation: 'alpha' } },
      ],
      [
        m('setEditionHistory', 'SetEditionHistoryInput'),
        { input: { edition: a.edition2, series: null } },
      ],
    ] as [string, Record<string, unknown>][]) {
      for (const opts of [{ key: a.staffKey }, { headers: sessionHeaders(a.admin) }]) {
        const answer = await gql(query, variables, opts);
        expect(answer.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a federation's staff may not decide an application naming no federation: as if not there", async () => {
    const before = await snapshot();
    for (const [name, call] of [
      ['approveApplication', { id: instanceApplications[0] }],
      ['rejectApplication', { id: instanceApplications[1], reason: 'Nee' }],
      ['deleteApplication', { id: instanceApplications[2] }],
    ] as const) {
      const query = ROWS[name]!.call(feds.alpha, false)[0];
      for (const f of [feds.alpha, feds.beta])
        for (const actor of actorsOf(f).slice(0, 3)) {
          const answer = await gql(query, { input: call }, actor.opts());
          expect(answer.errors?.[0]?.extensions?.['code'], `${actor.name} × ${name}`).toBe(
            'NOT_FOUND',
          );
          expect(answer.errors?.[0]?.message).toBe(
            `Not found: no such application within the federation "${f.p}".`,
          );
        }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a co-host of another federation, a venue of another moved in by copy: refused', async () => {
    const a = feds.alpha;
    const before = await snapshot();
    const cohost = await gql(
      m('setLocationCohosts', 'SetLocationCohostsInput'),
      { input: { location: a.venue, cohosts: [feds.beta.cohost] } },
      { key: a.staffKey },
    );
    expect(cohost.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // Nor by its coordinator, nor by the instance's staff: a federation's meeting is co-hosted by its members.
    for (const opts of [
      { headers: sessionHeaders(a.coordinator) },
      { key: a.orgKey },
      { key: instance },
    ]) {
      const answer = await gql(
        m('setLocationCohosts', 'SetLocationCohostsInput'),
        { input: { location: a.venue, cohosts: [feds.beta.cohost] } },
        opts,
      );
      expect(userErrorsOf(answer.data)).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: ['cohosts', '0'] }),
      ]);
    }
    const copy = await gql(
      m('copyLocations', 'CopyLocationsInput', `copiedCount ${ERRORS}`),
      { input: { from: a.edition, to: feds.beta.edition2, organisation: a.org.slug } },
      { key: a.staffKey },
    );
    expect(copy.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // An edition without a series is the instance's, not a federation's.
    await t.database.db
      .insert(editions)
      .values({ slug: 'instance-day', name: 'Instance', date: '2027-10-14' });
    const before2 = await snapshot();
    const update = await gql(
      m('updateEdition', 'UpdateEditionInput'),
      { input: { slug: 'instance-day', name: 'Mine now' } },
      { key: a.staffKey },
    );
    expect(update.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before2);
    await t.database.db.execute(sql`DELETE FROM editions WHERE slug = 'instance-day'`);
    expect(await snapshot()).toEqual(before);
  });

  it('the same words for what is another federation’s as for what is not there at all', async () => {
    const a = feds.alpha;
    const theirs = await gql(
      ROWS['updateEdition']!.call(feds.beta, false)[0],
      { input: { slug: feds.beta.edition, name: 'x' } },
      { key: a.staffKey },
    );
    const none = await gql(
      ROWS['updateEdition']!.call(feds.beta, false)[0],
      { input: { slug: 'no-such-day', name: 'x' } },
      { key: a.staffKey },
    );
    expect(theirs.errors?.[0]?.message.replace(feds.beta.edition, '*')).toBe(
      none.errors?.[0]?.message.replace('no-such-day', '*'),
    );
  });

  for (const p of ['alpha', 'beta'] as const) {
    it(`${p}'s own staff do every one of these on ${p}'s own objects`, async () => {
      const f = feds[p];
      const failures: string[] = [];
      const [key, admin, moderator] = actorsOf(f) as [Actor, Actor, Actor];
      let turn = 0;
      for (const [name, row] of Object.entries(ROWS)) {
        if (row.who === 'self' || row.who === 'instance') continue;
        // Moderators for what moderators may do; admins, a key and a session by turns, for the rest.
        const actor = row.who === 'moderator' ? moderator : turn++ % 2 ? admin : key;
        const answer = await call(row, f, actor);
        if (answer.errors?.length || userErrorsOf(answer.data).length)
          failures.push(`${actor.name} × ${name}: ${JSON.stringify(answer.errors ?? answer.data)}`);
      }
      expect(failures).toEqual([]);
      // What they created is their federation's.
      const memberOf = (slug: string) =>
        sql`(SELECT m.federation_id FROM federation_members m JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = ${slug} AND m.joined_on = current_date)`;
      const [made] = rowsOf<{
        series: number;
        member: number;
        edition: number;
        approved: number;
      }>(
        await t.database.db.execute(sql`SELECT
          (SELECT federation_id FROM series WHERE slug = ${`${p}-more`}) AS series,
          ${memberOf(`${p}-created`)} AS member,
          (SELECT s.federation_id FROM editions e JOIN series s ON s.id = e.series_id WHERE e.slug = ${`${p}-new`}) AS edition,
          ${memberOf(`${p}-applicant-1`)} AS approved`),
      );
      expect(made).toEqual({ series: f.id, member: f.id, edition: f.id, approved: f.id });
    });
  }

  it("the instance's staff decide every application and act in both federations", async () => {
    for (const name of ['approveApplication', 'rejectApplication', 'deleteApplication']) {
      // Those naming no federation, as the rows' calls but on the instance's own.
      const [query, variables] = ROWS[name]!.call(
        { ...feds.beta, applications: instanceApplications },
        false,
      );
      const answer = await gql(query, variables, { key: instance });
      expect(answer.errors ?? userErrorsOf(answer.data)).toEqual([]);
    }
    // One naming a federation: approving makes the organisation its member.
    const approved = await gql(
      m('approveApplication', 'ApproveApplicationInput', `organisation { slug } ${ERRORS}`),
      { input: { id: feds.beta.applications[3] } },
      { key: instance },
    );
    expect(approved.data!['approveApplication'].userErrors).toEqual([]);
    const [member] = rowsOf<{ federation_id: number }>(
      await t.database.db.execute(
        sql`SELECT m.federation_id FROM federation_members m JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = ${approved.data!['approveApplication'].organisation.slug}`,
      ),
    );
    expect(member).toEqual({ federation_id: feds.beta.id });
    for (const f of [feds.alpha, feds.beta]) {
      const answer = await gql(
        m('updateEdition', 'UpdateEditionInput'),
        { input: { slug: f.edition, name: 'By the instance' } },
        { key: instance },
      );
      expect(answer.errors ?? userErrorsOf(answer.data)).toEqual([]);
    }
  });
});

describe('private reads of a federation’s staff stay within it', () => {
  const read = (query: string, variables: Record<string, unknown>, opts: object) =>
    gql(query, variables, opts);

  it('stories waiting for staff, and a story by its ID: their own, not the other’s', async () => {
    const [a, b] = [feds.alpha, feds.beta];
    const q = `query($edition: String!, $id: ID!) {
      storiesAwaitingModeration(edition: $edition, first: 10) { nodes { id } }
      node(id: $id) { id }
    }`;
    const opts = { headers: sessionHeaders(a.moderator) };
    // (The first story of each was published and the third deleted above; the second, rejected, stays.)
    const theirs = await read(q, { edition: `${b.p}-2025`, id: b.stories[1] }, opts);
    expect(theirs.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const node = await read('query($id: ID!) { node(id: $id) { id } }', { id: b.stories[1] }, opts);
    expect(node.data).toEqual({ node: null });
    const own = await read('query($id: ID!) { node(id: $id) { id } }', { id: a.stories[1] }, opts);
    expect(own.data).toEqual({ node: { id: a.stories[1] } });
    // The instance's staff read either.
    const instanceRead = await read(
      q,
      { edition: `${b.p}-2025`, id: b.stories[1] },
      { key: instance },
    );
    expect(instanceRead.errors).toBeUndefined();
  });

  it('a draft venue by its ID, and its exact place: their own, not the other’s', async () => {
    const a = feds.alpha;
    const q =
      'query($id: ID!) { location(id: $id) { name address { street } } node(id: $id) { id } }';
    for (const opts of [{ key: a.staffKey }, { headers: sessionHeaders(a.moderator) }]) {
      expect((await read(q, { id: a.draft }, opts)).data!['location']?.name).toBe('alpha draft');
      const theirs = await read(q, { id: feds.beta.draft }, opts);
      expect(theirs.data).toEqual({ location: null, node: null });
    }
    expect((await read(q, { id: feds.beta.draft }, { key: instance })).data!['location'].name).toBe(
      'beta draft',
    );
  });

  it('the venues of an edition, drafts too: their editions’ only', async () => {
    const q =
      'query($e: String!) { viewer { locations(edition: $e, first: 100) { nodes { name } } } }';
    const names = async (edition: string, opts: object) =>
      (await read(q, { e: edition }, opts)).data!['viewer'].locations.nodes.map(
        (n: { name: string }) => n.name,
      );
    expect(await names(feds.alpha.edition, { key: feds.alpha.staffKey })).toContain('alpha draft');
    expect(await names(feds.beta.edition, { key: feds.alpha.staffKey })).toEqual([]);
    expect(await names(feds.beta.edition, { key: instance })).toContain('beta draft');
  });

  it('organisations’ contacts and approvals: their members’ only', async () => {
    const q = 'query($slug: String!) { organisation(slug: $slug) { contact { name } approvedAt } }';
    const a = feds.alpha;
    const own = await read(q, { slug: a.org.slug }, { key: a.staffKey });
    expect(own.data!['organisation'].contact?.name).toBe('alpha contact');
    expect(own.data!['organisation'].approvedAt).not.toBeNull();
    const theirs = await read(q, { slug: feds.beta.org.slug }, { key: a.staffKey });
    expect(theirs.data!['organisation']).toEqual({ contact: null, approvedAt: null });
  });

  it('the day view and the moderation queue: their editions only', async () => {
    const a = feds.alpha;
    const day = 'query($e: String!) { dayView(edition: $e) { __typename } }';
    const queue =
      'query($e: String!) { locationsAwaitingApproval(edition: $e) { nodes { name } } }';
    for (const q of [day, queue]) {
      expect((await read(q, { e: a.edition }, { key: a.staffKey })).errors).toBeUndefined();
      const theirs = await read(q, { e: feds.beta.edition }, { key: a.staffKey });
      expect(theirs.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    }
  });

  it('people, keys, applications, the audit trail and the venues’ changes: their federation’s only', async () => {
    const a = feds.alpha;
    const opts = { headers: sessionHeaders(a.admin) };
    const peopleAnswer = await read('{ people(first: 100) { nodes { email } } }', {}, opts);
    const emails: string[] = peopleAnswer.data!['people'].nodes.map(
      (n: { email: string }) => n.email,
    );
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.endsWith('@alpha.test'))).toBe(true);
    const keysAnswer = await read('{ apiKeys { prefix organisation { slug } } }', {}, opts);
    const keyRows = keysAnswer.data!['apiKeys'] as { organisation: { slug: string } | null }[];
    expect(keyRows.length).toBeGreaterThan(0);
    expect(
      keyRows.every((k) => k.organisation === null || k.organisation.slug.startsWith('alpha')),
    ).toBe(true);
    const audit = await read(
      '{ auditEvents(first: 1000) { nodes { id organisation { slug } edition { slug } } } }',
      {},
      opts,
    );
    expect(audit.errors).toBeUndefined();
    const events = audit.data!['auditEvents'].nodes as {
      organisation: { slug: string } | null;
      edition: { slug: string } | null;
    }[];
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.some(
        (e) => e.organisation?.slug.startsWith('beta') || e.edition?.slug.startsWith('beta'),
      ),
    ).toBe(false);
    const changes = await read(
      '{ locationChanges(first: 100) { nodes { location { name } } } }',
      {},
      opts,
    );
    const names = changes.data!['locationChanges'].nodes.map(
      (n: { location: { name: string } | null }) => n.location?.name ?? '',
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n: string) => n.startsWith('beta'))).toBe(false);
    // By ID too: another federation's coordinator and audit event read as if there were none.
    const [betaEvent] = rowsOf<{ id: number }>(
      await t.database.db.execute(
        sql`SELECT id FROM audit_events WHERE edition_id = ${feds.beta.editionId} OR organisation_id = ${feds.beta.org.id} LIMIT 1`,
      ),
    );
    const [betaPerson] = rowsOf<{ id: number }>(
      await t.database.db.execute(sql`SELECT id FROM people WHERE email = 'coordinator@beta.test'`),
    );
    const nodes = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const ids = [
      encodeGlobalId('AuditEvent', betaEvent!.id),
      encodeGlobalId('Person', betaPerson!.id),
    ];
    expect((await read(nodes, { ids }, opts)).data!['nodes']).toEqual([null, null]);
    expect((await read(nodes, { ids }, { key: instance })).data!['nodes']).toEqual(
      ids.map((id) => ({ id })),
    );
    const apps = await read(
      '{ applications(first: 100) { nodes { organisationName federation { slug } } } }',
      {},
      opts,
    );
    const appRows = apps.data!['applications'].nodes as {
      organisationName: string;
      federation: { slug: string } | null;
    }[];
    // Alpha's four, less the one its staff deleted above.
    expect(appRows.map((a) => a.federation?.slug)).toEqual(['alpha', 'alpha', 'alpha']);
    const allApps = await read(
      '{ applications(first: 100) { nodes { federation { slug } } } }',
      {},
      { key: instance },
    );
    expect(
      new Set(
        allApps.data!['applications'].nodes.map(
          (a: { federation: { slug: string } | null }) => a.federation?.slug ?? null,
        ),
      ),
    ).toEqual(new Set(['alpha', 'beta', null]));
    // The instance's staff read everything, as before.
    const all = await read('{ people(first: 100) { nodes { email } } }', {}, { key: instance });
    expect(
      all.data!['people'].nodes.some((n: { email: string }) => n.email.endsWith('@beta.test')),
    ).toBe(true);
  });

  it('the viewer says which federation', async () => {
    const q = '{ viewer { isStaff federation } }';
    expect((await read(q, {}, { key: feds.beta.staffKey })).data!['viewer']).toEqual({
      isStaff: true,
      federation: 'beta',
    });
    expect((await read(q, {}, { key: instance })).data!['viewer']).toEqual({
      isStaff: true,
      federation: null,
    });
  });
});

describe('the command line makes federation staff', () => {
  it('people invite --staff --federation and keys create --staff --federation', async () => {
    const lines: string[] = [];
    const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(
      await runCommand(
        t.database,
        [
          'people',
          'invite',
          '--staff',
          '--role',
          'moderator',
          '--federation',
          'beta',
          '--email',
          'cli@beta.test',
        ],
        io,
      ),
    ).toBe(0);
    expect(
      await runCommand(t.database, ['keys', 'create', '--staff', '--federation', 'beta'], io),
    ).toBe(0);
    const [person] = rowsOf<{ federation_id: number }>(
      await t.database.db.execute(
        sql`SELECT federation_id FROM people WHERE email = 'cli@beta.test'`,
      ),
    );
    expect(person!.federation_id).toBe(feds.beta.id);
    const secret = lines.at(-1)!;
    lines.length = 0;
    expect(await runCommand(t.database, ['keys', 'list'], io)).toBe(0);
    expect(lines.filter((l) => l.includes('STAFF@beta'))).toHaveLength(2);
    expect(await runCommand(t.database, ['people', 'list'], io)).toBe(0);
    expect(
      lines.some((l) => l.includes('staff:moderator@beta') && l.includes('cli@beta.test')),
    ).toBe(true);
    const viewer = await gql('{ viewer { federation } }', {}, { key: secret });
    expect(viewer.data!['viewer']).toEqual({ federation: 'beta' });
    await expect(
      runCommand(t.database, ['keys', 'create', '--staff', '--federation', 'gamma'], io),
    ).rejects.toThrow(/No federation with slug "gamma"/);
  });
});
