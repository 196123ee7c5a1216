/**
 * What came of it: closing reports and stories. Who may file and moderate them (the matrix, each
 * refusal leaving the database as it was), when a venue counts as held (a day, meetings across
 * the year, a cancelled venue), bad numbers, stories never public before staff publish them or
 * without consent, the totals in stats and per series, and the open data.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, locations, series } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { type PublishFixture, sessionHeaders, usePublishFixture } from './support.ts';

const publish = usePublishFixture();
const { keys } = publish;
let gql: PublishFixture['gql'];
let app: ReturnType<typeof createApp>;

const FILE = `mutation($input: FileClosingReportInput!) { fileClosingReport(input: $input) {
  closingReport { followUps introductions internshipsOffered jobsOffered internshipsRealised jobsRealised placementsPledged note }
  userErrors { field message code } } }`;
const ADD = `mutation($input: AddStoryInput!) { addStory(input: $input) {
  story { id quote language attribution status consentedAt publishedAt } userErrors { field message code } } }`;
const PUBLISH = `mutation($input: PublishStoryInput!) { publishStory(input: $input) { story { id status publishedAt } userErrors { field message code } } }`;
const REJECT = `mutation($input: RejectStoryInput!) { rejectStory(input: $input) { story { id status } userErrors { field message code } } }`;
const DELETE = `mutation($input: DeleteStoryInput!) { deleteStory(input: $input) { story { id } userErrors { field message code } } }`;

/** Venues made for this file, by name: held ones of the past and not-yet-held ones. */
const made: Record<string, number> = {};
const vid = (name: string) =>
  encodeGlobalId('Location', made[name] ?? publish.fx.locations[name]!.id);
let pendingStory: string;

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
  | 'hostLink';
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
];
const as = (who: Who) =>
  who === 'anonymous'
    ? {}
    : who.endsWith('Person')
      ? { headers: sessionHeaders(publish.sessions[who]!) }
      : { key: keys[who] };

/** Everything these mutations could change, as plain data. */
async function snapshot() {
  const db = publish.t.database.db;
  const out: Record<string, unknown> = { base: await publish.snapshot() };
  for (const table of ['closing_reports', 'stories', 'audit_events'])
    out[table] = rowsOf(await db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  return JSON.parse(JSON.stringify(out));
}

const report = (location: string, extra: Record<string, unknown> = {}) => ({
  location: vid(location),
  followUps: 12,
  introductions: 1,
  internshipsOffered: 3,
  jobsOffered: 2,
  internshipsRealised: 1,
  jobsRealised: 2,
  placementsPledged: 4,
  note: 'Telefonische evaluatie: meer nazorg gewenst.',
  ...extra,
});
const story = (location: string, extra: Record<string, unknown> = {}) => ({
  location: vid(location),
  quote: 'Na een maand in Nederland vertelde ik 140 studenten mijn verhaal.',
  language: 'NL',
  attribution: 'Mamoun',
  consent: true,
  consentedAt: '2026-10-08T20:00:00.000Z',
  ...extra,
});

beforeAll(async () => {
  gql = publish.gql;
  app = createApp({
    database: publish.t.database,
    publicApi: {
      responseCache: true,
      rateLimit: false,
      countsStaleMs: 0,
      rateLimitStore: 'memory',
    },
  });
  const db = publish.t.database.db;
  const { fx } = publish;
  // A programme of meetings across this year: one meeting held, one still to come.
  const [year] = await db
    .insert(editions)
    .values({ slug: 'year-2026', name: 'Meetings 2026', date: '2026-01-01', endDate: '2026-12-31' })
    .returning();
  const soon = new Date(Date.now() + 3 * 3600_000);
  const rows = await db
    .insert(locations)
    .values([
      {
        editionId: fx.other.id,
        organisationId: fx.utrecht.id,
        name: 'Stadhuis vorig jaar',
        lat: 52.09,
        lng: 5.1,
        meal: 'DINNER',
        region: 'NL-UT',
        city: 'Utrecht',
      },
      {
        editionId: fx.other.id,
        organisationId: fx.asito.id,
        name: 'Afgelast vorig jaar',
        lat: 52.35,
        lng: 6.66,
        meal: 'DINNER',
        status: 'CANCELLED',
      },
      {
        editionId: fx.other.id,
        organisationId: fx.utrecht.id,
        name: 'Concept vorig jaar',
        lat: 52.09,
        lng: 5.1,
        meal: 'LUNCH',
        status: 'DRAFT',
      },
      {
        editionId: year!.id,
        organisationId: fx.asito.id,
        name: 'Bijeenkomst maart',
        lat: 52.35,
        lng: 6.66,
        meal: 'LUNCH',
        startsAt: new Date('2026-03-01T11:00:00Z'),
        endsAt: new Date('2026-03-01T13:00:00Z'),
      },
      {
        editionId: year!.id,
        organisationId: fx.asito.id,
        name: 'Bijeenkomst vandaag',
        lat: 52.35,
        lng: 6.66,
        meal: 'DINNER',
        startsAt: new Date(Date.now() - 3600_000),
        endsAt: soon,
      },
    ])
    .returning();
  for (const row of rows) made[row.name] = row.id;
  const added = await gql(ADD, { input: story('Vorig jaar') }, { key: keys['staff'] });
  expect(added.data!['addStory'].userErrors).toEqual([]);
  pendingStory = added.data!['addStory'].story.id;
});
afterAll(() => app?.live.close());

/** A mutation through the caching app: its own announcement must let its kept answers go. */
async function viaApp(query: string, variables: Record<string, unknown>, who: Who) {
  const { key, headers } = as(who) as { key?: string; headers?: Record<string, string> };
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, any> };
}

describe('authorization matrix: who may file what came of a venue and moderate its stories', () => {
  const mutations: {
    name: string;
    query: string;
    input: () => Record<string, unknown>;
    allowed: Who[];
  }[] = [
    {
      name: 'fileClosingReport',
      query: FILE,
      input: () => report('Vorig jaar'),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'addStory',
      query: ADD,
      input: () => story('Vorig jaar'),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'publishStory',
      query: PUBLISH,
      input: () => ({ id: pendingStory }),
      allowed: ['staff', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'rejectStory',
      query: REJECT,
      input: () => ({ id: pendingStory, reason: 'Te herleidbaar' }),
      allowed: ['staff', 'adminPerson', 'moderatorPerson'],
    },
    {
      name: 'deleteStory',
      query: DELETE,
      input: () => ({ id: pendingStory }),
      allowed: ['asito', 'staff', 'asitoPerson', 'adminPerson', 'moderatorPerson'],
    },
  ];
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
        if (refusedByAuth && !['anonymous', 'revoked', 'endedPerson'].includes(who))
          expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it('another organisation’s key is told FORBIDDEN for a public venue and NOT_FOUND for a hidden one', async () => {
    const before = await snapshot();
    const open = await gql(FILE, { input: report('Stadhuis vorig jaar') }, { key: keys['asito'] });
    expect(open.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const hidden = await gql(ADD, { input: story('Concept vorig jaar') }, { key: keys['asito'] });
    expect(hidden.data!['addStory'].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('every allowed caller files the one report of the venue; filing again corrects it', async () => {
    for (const who of [
      'asito',
      'asitoPerson',
      'moderatorPerson',
      'adminPerson',
      'staff',
    ] as Who[]) {
      const r = await gql(FILE, { input: report('Vorig jaar', { followUps: 7 }) }, as(who));
      expect(r.errors).toBeUndefined();
      expect(r.data!['fileClosingReport'].userErrors).toEqual([]);
    }
    const r = await gql(FILE, { input: report('Vorig jaar') }, { key: keys['asitoVenuesOnly'] });
    expect(r.data!['fileClosingReport'].closingReport).toMatchObject({
      followUps: 12,
      jobsRealised: 2,
    });
    const rows = rowsOf(
      await publish.t.database.db.execute(sql`SELECT count(*)::int AS n FROM closing_reports`),
    );
    expect(rows[0]).toEqual({ n: 1 });
  });
});

describe('a closing report is refused, changing nothing', () => {
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    [
      'for a venue whose day is still to come',
      () => report('Heracles Stadion'),
      'location',
      'NOT_YET_HELD',
    ],
    [
      'for a meeting of this year that has not ended yet',
      () => report('Bijeenkomst vandaag'),
      'location',
      'NOT_YET_HELD',
    ],
    ['for a cancelled venue', () => report('Afgelast vorig jaar'), 'location', 'CANCELLED'],
    [
      'with a negative count',
      () => report('Vorig jaar', { introductions: -1 }),
      'introductions',
      'OUT_OF_RANGE',
    ],
    [
      'with an absurd count',
      () => report('Vorig jaar', { followUps: 2_000_000 }),
      'followUps',
      'OUT_OF_RANGE',
    ],
    [
      'with more jobs realised than offered',
      () => report('Vorig jaar', { jobsOffered: 1, jobsRealised: 2 }),
      'jobsRealised',
      'OUT_OF_RANGE',
    ],
    [
      'with more internships realised than offered',
      () => report('Vorig jaar', { internshipsOffered: 0 }),
      'internshipsRealised',
      'OUT_OF_RANGE',
    ],
    [
      'with a note over 1,000 characters',
      () => report('Vorig jaar', { note: 'x'.repeat(1001) }),
      'note',
      'TOO_LONG',
    ],
    [
      'for something that is not a venue',
      () => report('Vorig jaar', { location: encodeGlobalId('Organisation', 1) }),
      'location',
      'NOT_FOUND',
    ],
  ];
  for (const [what, input, field, code] of cases) {
    it(what, async () => {
      const before = await snapshot();
      const r = await gql(FILE, { input: input() }, { key: keys['staff'] });
      expect(r.errors).toBeUndefined();
      expect(r.data!['fileClosingReport']).toMatchObject({
        closingReport: null,
        userErrors: [{ field: ['input', field], code }],
      });
      expect(await snapshot()).toEqual(before);
    });
  }

  it('for a venue of a postponed edition', async () => {
    const db = publish.t.database.db;
    await db
      .update(editions)
      .set({ status: 'POSTPONED' })
      .where(eq(editions.id, publish.fx.other.id));
    const before = await snapshot();
    const r = await gql(FILE, { input: report('Vorig jaar') }, { key: keys['staff'] });
    expect(r.data!['fileClosingReport'].userErrors).toMatchObject([{ code: 'NOT_YET_HELD' }]);
    expect(await snapshot()).toEqual(before);
    await db.update(editions).set({ status: 'OPEN' }).where(eq(editions.id, publish.fx.other.id));
  });

  it('but taken for a meeting of this year that has ended', async () => {
    const r = await gql(
      FILE,
      { input: report('Bijeenkomst maart', { followUps: 3, note: null }) },
      { key: keys['asito'] },
    );
    expect(r.data!['fileClosingReport'].userErrors).toEqual([]);
  });
});

describe('stories: consent, moderation, and never public before', () => {
  const EDITION_STORIES = `query($id: ID!) { edition(slug: "other-day") { stories(first: 10) { nodes { id quote status } } }
    location(id: $id) { stories(first: 10) { nodes { id status } } } }`;
  const NODE = `query($id: ID!) { node(id: $id) { ... on Story { id quote status consentedAt } } }`;

  it('a story without consent is refused and not stored', async () => {
    for (const consent of [{ consent: false }, { consentedAt: null }]) {
      const before = await snapshot();
      const r = await gql(ADD, { input: story('Vorig jaar', consent) }, { key: keys['asito'] });
      const refusal = r.errors
        ? r.errors[0]!.message
        : r.data!['addStory'].userErrors.map((e: { code: string }) => e.code);
      expect(String(refusal)).toMatch(
        consent.consent === false ? /CONSENT_REQUIRED/ : /consentedAt/,
      );
      expect(await snapshot()).toEqual(before);
    }
  });

  it('refuses a story for a venue not yet held, an unknown language, and a long quote or attribution', async () => {
    const before = await snapshot();
    const notYet = await gql(ADD, { input: story('Heracles Stadion') }, { key: keys['asito'] });
    expect(notYet.data!['addStory'].userErrors).toMatchObject([{ code: 'NOT_YET_HELD' }]);
    const long = await gql(
      ADD,
      { input: story('Vorig jaar', { quote: 'x'.repeat(1001), attribution: 'y'.repeat(81) }) },
      { key: keys['asito'] },
    );
    expect(long.data!['addStory'].userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'quote'],
      ['input', 'attribution'],
    ]);
    const lang = await gql(
      ADD,
      { input: story('Vorig jaar', { language: 'AR' }) },
      { key: keys['asito'] },
    );
    expect(lang.errors).toBeDefined();
    expect(await snapshot()).toEqual(before);
  });

  it('a new story waits: its host sees it, the public nowhere — not by edition, venue, ID or open data', async () => {
    const added = await gql(
      ADD,
      { input: story('Vorig jaar', { quote: 'Pending verhaal' }) },
      { key: keys['asito'] },
    );
    const s = added.data!['addStory'].story;
    expect(s).toMatchObject({
      status: 'PENDING',
      publishedAt: null,
      consentedAt: '2026-10-08T20:00:00.000Z',
    });
    const host = await gql(EDITION_STORIES, { id: vid('Vorig jaar') }, { key: keys['asito'] });
    expect(host.data!['location'].stories.nodes.map((n: { id: string }) => n.id)).toContain(s.id);
    expect(host.data!['edition'].stories.nodes).toEqual([]);
    for (const who of ['anonymous', 'utrecht', 'pressPerson'] as Who[]) {
      const r = await gql(EDITION_STORIES, { id: vid('Vorig jaar') }, as(who));
      expect(r.data!['edition'].stories.nodes).toEqual([]);
      expect(r.data!['location'].stories.nodes).toEqual([]);
      expect((await gql(NODE, { id: s.id }, as(who))).data!['node']).toBeNull();
    }
    for (const file of ['stories.json', 'stories.csv']) {
      const body = await (await app.fetch(`http://tafel.test/editions/other-day/${file}`)).text();
      expect(body).not.toContain('Pending verhaal');
    }
    const queue = await gql(
      `{ storiesAwaitingModeration(edition: "other-day") { nodes { id quote } } }`,
      {},
      as('moderatorPerson'),
    );
    expect(
      queue.data!['storiesAwaitingModeration'].nodes.map((n: { id: string }) => n.id),
    ).toContain(s.id);
  });

  it('once published it is public everywhere (and its kept answers go); rejected or deleted, it is gone again', async () => {
    const added = await gql(
      ADD,
      { input: story('Vorig jaar', { quote: 'Gepubliceerd verhaal' }) },
      { key: keys['asito'] },
    );
    const id = added.data!['addStory'].story.id;
    const publicRead = () =>
      app.fetch(
        `http://tafel.test/graphql?query=${encodeURIComponent('{ edition(slug: "other-day") { stories(first: 10) { nodes { quote attribution language location { name } } } } }')}`,
        {
          headers: { accept: 'application/graphql-response+json' },
        },
      );
    const quotes = async () => JSON.stringify(await (await publicRead()).json());
    expect(await quotes()).not.toContain('Gepubliceerd verhaal');
    const published = await viaApp(PUBLISH, { input: { id } }, 'moderatorPerson');
    expect(published.data!['publishStory'].story.status).toBe('PUBLISHED');
    expect(await quotes()).toContain('Gepubliceerd verhaal');
    expect((await gql(NODE, { id }, {})).data!['node']).toMatchObject({
      status: 'PUBLISHED',
      consentedAt: null,
    });
    const json = JSON.parse(
      await (await app.fetch('http://tafel.test/editions/other-day/stories.json')).text(),
    );
    expect(json.stories).toMatchObject([
      {
        id,
        quote: 'Gepubliceerd verhaal',
        attribution: 'Mamoun',
        language: 'nl',
        venue: 'Vorig jaar',
      },
    ]);
    const again = await gql(PUBLISH, { input: { id } }, as('moderatorPerson'));
    expect(again.data!['publishStory'].userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);

    const rejected = await viaApp(REJECT, { input: { id, reason: 'Op verzoek' } }, 'adminPerson');
    expect(rejected.data!['rejectStory'].story.status).toBe('REJECTED');
    expect(await quotes()).not.toContain('Gepubliceerd verhaal');
    expect((await gql(NODE, { id }, {})).data!['node']).toBeNull();

    await viaApp(PUBLISH, { input: { id } }, 'moderatorPerson');
    expect(await quotes()).toContain('Gepubliceerd verhaal');
    const gone = await viaApp(
      DELETE,
      { input: { id, reason: 'Toestemming ingetrokken' } },
      'asito',
    );
    expect(gone.data!['deleteStory'].userErrors).toEqual([]);
    expect(await quotes()).not.toContain('Gepubliceerd verhaal');
    expect((await gql(NODE, { id }, as('staff'))).data!['node']).toBeNull();
  });

  it('a published story leaves the public view with its venue', async () => {
    const added = await gql(
      ADD,
      { input: story('Stadhuis vorig jaar', { quote: 'Stadhuis verhaal' }) },
      { key: keys['utrecht'] },
    );
    const id = added.data!['addStory'].story.id;
    await gql(PUBLISH, { input: { id } }, as('moderatorPerson'));
    expect((await gql(NODE, { id }, {})).data!['node']).toMatchObject({
      quote: 'Stadhuis verhaal',
    });
    const db = publish.t.database.db;
    await db
      .update(locations)
      .set({ status: 'DRAFT' })
      .where(eq(locations.id, made['Stadhuis vorig jaar']!));
    expect((await gql(NODE, { id }, {})).data!['node']).toBeNull();
    const r = await gql(
      `{ edition(slug: "other-day") { stories(first: 10) { nodes { quote } } } }`,
    );
    expect(JSON.stringify(r.data)).not.toContain('Stadhuis verhaal');
    expect((await gql(NODE, { id }, { key: keys['utrecht'] })).data!['node']).toMatchObject({
      status: 'PUBLISHED',
    });
    await db
      .update(locations)
      .set({ status: 'PUBLISHED' })
      .where(eq(locations.id, made['Stadhuis vorig jaar']!));
  });
});

describe('the published stories in the open data', () => {
  it('a quote that begins like a formula is written as text in the CSV', async () => {
    const added = await gql(
      ADD,
      {
        input: story('Vorig jaar', {
          quote: '=HYPERLINK("https://example.org")',
          attribution: null,
        }),
      },
      { key: keys['asito'] },
    );
    const id = added.data!['addStory'].story.id;
    await viaApp(PUBLISH, { input: { id } }, 'moderatorPerson');
    const csv = await (await app.fetch('http://tafel.test/editions/other-day/stories.csv')).text();
    expect(csv.split('\n')[0]).toBe(
      'id,edition,quote,language,attribution,venue,city,region,publishedAt,licence',
    );
    expect(csv).toContain(`${id},other-day,"'=HYPERLINK(""https://example.org"")",nl,,Vorig jaar,`);
    await viaApp(DELETE, { input: { id } }, 'staff');
  });
});

describe('totals: stats, series and open data, never a note', () => {
  it('stats.outcomes adds up the public venues’ reports; the note stays with the host and staff', async () => {
    const filed = await gql(
      FILE,
      {
        input: report('Stadhuis vorig jaar', {
          followUps: 5,
          introductions: 2,
          note: 'Geheime notitie',
        }),
      },
      { key: keys['utrecht'] },
    );
    expect(filed.data!['fileClosingReport'].userErrors).toEqual([]);
    const q = `{ stats(edition: "other-day") { outcomes { reports followUps introductions internshipsOffered jobsOffered internshipsRealised jobsRealised placementsPledged } } }`;
    const r = await gql(q);
    expect(r.data!['stats'].outcomes).toEqual({
      reports: 2,
      followUps: 17,
      introductions: 3,
      internshipsOffered: 6,
      jobsOffered: 4,
      internshipsRealised: 2,
      jobsRealised: 4,
      placementsPledged: 8,
    });
    const region = await gql(
      `{ stats(edition: "other-day", filter: { region: "NL-UT" }) { outcomes { reports followUps } } }`,
    );
    expect(region.data!['stats'].outcomes).toEqual({ reports: 1, followUps: 5 });
    const snapshot = await gql(
      `{ stats(edition: "other-day", at: "2026-10-08T18:00:00Z") { outcomes { reports } } }`,
    );
    expect(snapshot.data!['stats'].outcomes).toBeNull();
    const note = `query($id: ID!) { location(id: $id) { closingReport { note followUps } } }`;
    expect(
      (await gql(note, { id: vid('Stadhuis vorig jaar') })).data!['location'].closingReport,
    ).toBeNull();
    expect(
      (await gql(note, { id: vid('Stadhuis vorig jaar') }, { key: keys['asito'] })).data![
        'location'
      ].closingReport,
    ).toBeNull();
    expect(
      (await gql(note, { id: vid('Stadhuis vorig jaar') }, { key: keys['utrecht'] })).data![
        'location'
      ].closingReport,
    ).toEqual({
      note: 'Geheime notitie',
      followUps: 5,
    });
    const csv = await (await app.fetch('http://tafel.test/editions/other-day/outcomes.csv')).text();
    expect(csv).not.toContain('Geheime notitie');
    const [header, total, utrecht] = csv.trim().split('\n');
    expect(header).toBe(
      'edition,dimension,key,reports,followUps,introductions,internshipsOffered,jobsOffered,internshipsRealised,jobsRealised,placementsPledged,licence',
    );
    expect(total).toMatch(/^other-day,total,,2,17,3,6,4,2,4,8,/);
    expect(csv).toMatch(/other-day,byRegion,NL-UT,1,5,2,3,2,1,2,4,/);
    expect(utrecht).toBeDefined();
  });

  it('a series adds up its editions', async () => {
    const db = publish.t.database.db;
    const [s] = await db.insert(series).values({ slug: 'nid', name: 'NID' }).returning();
    await db
      .update(editions)
      .set({ seriesId: s!.id })
      .where(sql`${editions.slug} IN ('other-day', 'year-2026')`);
    const r = await gql(`{ series(slug: "nid") { outcomes { reports followUps } } }`);
    expect(r.data!['series'].outcomes).toEqual({ reports: 3, followUps: 20 });
  });
});
