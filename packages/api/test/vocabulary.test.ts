/**
 * A federation's own target groups (#19): staff set them with labels in four languages; its
 * editions' venues name them beside the built-in ones, seat them as roles and count arrivals by
 * them; the public reads, filters and counts them, labelled as the federation names them; the
 * CSV import and the open data carry them. Bad input — a built-in code, a code twice, a missing
 * label, a group another federation defines, taking away a group in use — is refused, nothing
 * changed. An edition without a federation is as before: its venues name built-in groups only.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { editions, federationMembers, federations, series } from '../src/db/schema.ts';
import { LiveStatsModel, rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { refusedUnchanged, usePublishFixture, venue } from './support.ts';

const f = usePublishFixture();

const MENTORS = {
  code: 'MENTORS',
  labels: { nl: 'Mentoren', en: 'Mentors', de: 'Mentoren', da: 'Mentorer' },
};
const MENTEES = {
  code: 'MENTEES',
  labels: { nl: 'Mentees', en: 'Mentees', de: 'Mentees', da: 'Mentees' },
};
const SET = `mutation($input: SetFederationTargetGroupsInput!) { setFederationTargetGroups(input: $input) { targetGroups { code label(lang: DE) builtIn } userErrors { field message code } } }`;
const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id ownTargetGroups seatsByRole { role label(lang: EN) seats } } userErrors { field message code } } }`;
const UPDATE_OWN = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { ownTargetGroups } userErrors { field message code } } }`;
const ERRORS = (key: string) => (d: any) => d[key].userErrors;

async function vocabulary() {
  return rowsOf(
    await f.t.database.db.execute(
      sql`SELECT federation_id, code, labels, position FROM federation_target_groups ORDER BY federation_id, position`,
    ),
  );
}

let otherFederation: number;

beforeAll(async () => {
  // The fixture's edition becomes Wir zusammen's (its organisations members), and another
  // federation defines a group of its own.
  const db = f.t.database.db;
  const [wz] = await db
    .insert(federations)
    .values({ slug: 'wz', name: 'Wir zusammen' })
    .returning();
  const [other] = await db
    .insert(federations)
    .values({ slug: 'andere', name: 'Andere' })
    .returning();
  otherFederation = other!.id;
  await db.execute(sql`INSERT INTO federation_target_groups (federation_id, code, labels)
    VALUES (${other!.id}, 'JOBCENTRES', ${JSON.stringify({ nl: 'Jobcentra', en: 'Jobcentres', de: 'Jobcenter', da: 'Jobcentre' })}::jsonb)`);
  const [s] = await db
    .insert(series)
    .values({ slug: 'wz-treffen', name: 'Treffen', federationId: wz!.id })
    .returning();
  await db.update(editions).set({ seriesId: s!.id }).where(sql`${editions.slug} = 'nid-test'`);
  await db.insert(federationMembers).values(
    [f.fx.asito.id, f.fx.utrecht.id, f.fx.moskee.id].map((organisationId) => ({
      federationId: wz!.id,
      organisationId,
      joinedOn: '2020-01-01',
    })),
  );
});

describe('a federation’s own target groups', () => {
  it('staff set them with labels; the edition lists them after the built-in ones', async () => {
    const r = await f.gql(
      SET,
      { input: { federation: 'wz', targetGroups: [MENTORS, MENTEES] } },
      { key: f.keys['staff'] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['setFederationTargetGroups']).toEqual({
      targetGroups: [
        { code: 'MENTORS', label: 'Mentoren', builtIn: false },
        { code: 'MENTEES', label: 'Mentees', builtIn: false },
      ],
      userErrors: [],
    });
    const read = await f.gql(`{
      edition(slug: "nid-test") { targetGroups { code label(lang: DA) builtIn } }
      federation(slug: "wz") { targetGroups { code label(lang: EN) } }
      own: edition(slug: "nid-test") { targetGroups(builtIn: false) { code } }
      builtIn: edition(slug: "nid-test") { targetGroups(builtIn: true) { builtIn } }
    }`);
    expect(read.data!['own'].targetGroups).toEqual([{ code: 'MENTORS' }, { code: 'MENTEES' }]);
    expect(read.data!['builtIn'].targetGroups.length).toBe(
      (read.data!['edition'].targetGroups as unknown[]).length - 2,
    );
    const terms = read.data!['edition'].targetGroups as { code: string; builtIn: boolean }[];
    expect(terms.filter((g) => g.builtIn).map((g) => g.code)).toContain('EMPLOYERS');
    expect(terms.slice(-2)).toEqual([
      { code: 'MENTORS', label: 'Mentorer', builtIn: false },
      { code: 'MENTEES', label: 'Mentees', builtIn: false },
    ]);
    expect(read.data!['federation'].targetGroups).toEqual([
      { code: 'MENTORS', label: 'Mentors' },
      { code: 'MENTEES', label: 'Mentees' },
    ]);
    // An edition of no federation has the built-in ones only.
    const plain = await f.gql(`{ edition(slug: "nid-test-other") { targetGroups { builtIn } } }`);
    if (plain.data!['edition'])
      expect(
        plain.data!['edition'].targetGroups.every((g: { builtIn: boolean }) => g.builtIn),
      ).toBe(true);
  });

  it('refuses bad lists as a whole, changing nothing', async () => {
    const before = await vocabulary();
    const send = (targetGroups: unknown[], federation = 'wz') =>
      f.gql(SET, { input: { federation, targetGroups } }, { key: f.keys['staff'] });
    const cases: [unknown[], { field: string[]; code: string }[]][] = [
      [
        [{ ...MENTORS, code: 'mentors' }],
        [{ field: ['targetGroups', '0', 'code'], code: 'INVALID' }],
      ],
      [
        [{ ...MENTORS, code: 'EMPLOYERS' }],
        [{ field: ['targetGroups', '0', 'code'], code: 'TAKEN' }],
      ],
      [[MENTORS, MENTORS], [{ field: ['targetGroups', '1', 'code'], code: 'DUPLICATE' }]],
      [
        [{ ...MENTORS, labels: { ...MENTORS.labels, da: ' ' } }],
        [{ field: ['targetGroups', '0', 'labels', 'da'], code: 'REQUIRED' }],
      ],
      [
        [{ ...MENTORS, labels: { ...MENTORS.labels, en: 'x'.repeat(61) } }],
        [{ field: ['targetGroups', '0', 'labels', 'en'], code: 'TOO_LONG' }],
      ],
      [
        Array.from({ length: 31 }, (_, i) => ({ ...MENTORS, code: `G${i + 10}` })),
        [{ field: ['targetGroups'], code: 'TOO_MANY' }],
      ],
    ];
    for (const [list, expected] of cases) {
      const r = await send(list);
      expect(r.errors).toBeUndefined();
      expect(
        r.data!['setFederationTargetGroups'].userErrors.map(
          (e: { field: string[]; code: string }) => ({
            field: e.field,
            code: e.code,
          }),
        ),
      ).toEqual(expected);
      expect(r.data!['setFederationTargetGroups'].targetGroups).toBeNull();
    }
    const none = await send([MENTORS], 'nope');
    expect(none.data!['setFederationTargetGroups'].userErrors[0].code).toBe('NOT_FOUND');
    // Organisations may not set them.
    const member = await f.gql(
      SET,
      { input: { federation: 'wz', targetGroups: [] } },
      { key: f.keys['asito'] },
    );
    expect(member.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await vocabulary()).toEqual(before);
  });

  it('a venue names them, seats them as roles, and counts arrivals by them', async () => {
    const made = await f.gql(
      CREATE,
      {
        input: venue({
          name: 'Patenschaftstreffen',
          capacity: undefined,
          targetGroups: ['REFUGEES'],
          ownTargetGroups: ['MENTEES', 'MENTORS', 'MENTORS'],
          seatsByRole: [
            { role: 'MENTORS', seats: 10 },
            { role: 'REFUGEES', seats: 10 },
          ],
        }),
      },
      { key: f.keys['asito'] },
    );
    expect(made.errors).toBeUndefined();
    const created = made.data!['createLocation'];
    expect(created.userErrors).toEqual([]);
    // In the federation's order, once each.
    expect(created.location.ownTargetGroups).toEqual(['MENTORS', 'MENTEES']);
    expect(created.location.seatsByRole).toEqual([
      { role: 'REFUGEES', label: 'Refugees', seats: 10 },
      { role: 'MENTORS', label: 'Mentors', seats: 10 },
    ]);
    const id = created.location.id;
    const link = (
      await f.gql(
        `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token } }`,
        { input: { location: id } },
        { key: f.keys['asito'] },
      )
    ).data!['createHostLink'].token as string;
    const arrive = await f.gql(
      `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants seatsByRole { role present } } userErrors { code } } }`,
      { input: { location: id, delta: 6, role: 'MENTORS' } },
      { key: link },
    );
    expect(arrive.data!['recordArrivals']).toEqual({
      location: {
        participants: 6,
        seatsByRole: [
          { role: 'REFUGEES', present: 0 },
          { role: 'MENTORS', present: 6 },
        ],
      },
      userErrors: [],
    });
    // The measure of mixing names the role as the federation does.
    const mixing = await f.gql(
      `query($id: ID!) { node(id: $id) { ... on Location { mixing { role label(lang: DE) mixed } } } }`,
      { id },
    );
    expect(mixing.data!['node'].mixing).toEqual([{ role: 'MENTORS', label: 'Mentoren', mixed: 0 }]);
    const raise = await f.gql(
      `mutation($input: RaiseSeatsInput!) { raiseSeats(input: $input) { location { capacity } userErrors { code } } }`,
      { input: { location: id, role: 'MENTORS', seats: 12 } },
      { key: link },
    );
    expect(raise.data!['raiseSeats']).toEqual({ location: { capacity: 22 }, userErrors: [] });
  });

  it('the public reads, filters and counts by them, labelled as the federation names them', async () => {
    const r = await f.gql(`{
      all: locations(edition: "nid-test", filter: { ownTargetGroups: ["MENTORS"] }) { nodes { name ownTargetGroups } }
      either: locations(edition: "nid-test", filter: { ownTargetGroups: ["MENTEES"], targetGroups: [ELDERLY] }) { nodes { name } }
      stats(edition: "nid-test") { byTargetGroup { key label(lang: DE) locations } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!['all'].nodes).toEqual([
      { name: 'Patenschaftstreffen', ownTargetGroups: ['MENTORS', 'MENTEES'] },
    ]);
    expect(r.data!['either'].nodes.map((n: { name: string }) => n.name)).toContain(
      'Patenschaftstreffen',
    );
    const buckets = r.data!['stats'].byTargetGroup as { key: string; label: string }[];
    expect(buckets).toContainEqual({ key: 'MENTORS', label: 'Mentoren', locations: 1 });
    expect(buckets).toContainEqual({ key: 'MENTEES', label: 'Mentees', locations: 1 });
    expect(buckets.find((b) => b.key === 'REFUGEES')?.label).toBe('Geflüchtete');
    // The live stats (what statsChanged pushes) count and label them too.
    const live = (await LiveStatsModel.load(f.t.database.db, f.fx.edition.id)).summary();
    expect(live.byTargetGroup.find((b) => b.key === 'MENTORS')).toMatchObject({
      locations: 1,
      labels: MENTORS.labels,
    });
    // A code that is no code is a bad argument.
    const bad = await f.gql(
      `{ locations(edition: "nid-test", filter: { ownTargetGroups: ["mentors"] }) { nodes { id } } }`,
    );
    expect(bad.errors?.[0]?.message).toMatch(/ownTargetGroups\[0\]/);
    // The open data carries them: the CSV's codes, the iCalendar's and the page's labels.
    const app = createApp({ database: f.t.database, publicApi: { rateLimit: false } });
    const file = async (path: string) =>
      (await app.fetch(`http://tafel.test/editions/nid-test/${path}`)).text();
    const csv = await file('locations.csv');
    const [header, ...lines] = csv.trim().split('\n');
    const column = header!.split(',').indexOf('ownTargetGroups');
    expect(column).toBeGreaterThan(-1);
    expect(lines.find((l) => l.includes('Patenschaftstreffen'))).toContain('MENTORS;MENTEES');
    const ics = (await file('locations.ics')).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('Bringing together: Refugees\\, Mentors\\, Mentees.');
    expect(await file('stats.csv')).toContain('nid-test,byTargetGroup,MENTORS,Mentors,');
    const page = await (await app.fetch('http://tafel.test/editions/nid-test?lang=de')).text();
    expect(page).toContain('Geflüchtete, Mentoren, Mentees');
  });

  it('refuses a group the federation does not define, and a role it does not know, changing nothing', async () => {
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          CREATE,
          { input: venue({ ownTargetGroups: ['MENTORS', 'JOBCENTRES'] }) },
          { key: f.keys['asito'] },
        ),
      ERRORS('createLocation'),
      [{ field: ['ownTargetGroups', 1], code: 'TARGET_GROUP_NOT_DEFINED' }],
    );
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          CREATE,
          {
            input: venue({
              capacity: undefined,
              seatsByRole: [{ role: 'JOBCENTRES', seats: 4 }],
            }),
          },
          { key: f.keys['asito'] },
        ),
      ERRORS('createLocation'),
      [{ field: ['seatsByRole', 0, 'role'], code: 'INVALID' }],
    );
    await refusedUnchanged(
      f,
      () =>
        f.gql(
          CREATE,
          { input: venue({ ownTargetGroups: Array.from({ length: 31 }, () => 'MENTORS') }) },
          { key: f.keys['asito'] },
        ),
      ERRORS('createLocation'),
      [{ field: ['ownTargetGroups'], code: 'TOO_MANY' }],
    );
    const id = f.id('Heracles Stadion');
    await refusedUnchanged(
      f,
      () =>
        f.gql(UPDATE_OWN, { input: { id, ownTargetGroups: ['NOPE'] } }, { key: f.keys['asito'] }),
      ERRORS('updateLocation'),
      [{ field: ['ownTargetGroups', 0], code: 'TARGET_GROUP_NOT_DEFINED' }],
    );
    // The other federation's group is its own: not this edition's (JOBCENTRES above).
    expect(otherFederation).toBeGreaterThan(0);
  });

  it('a group in use cannot be taken away; unused, it can', async () => {
    const before = await vocabulary();
    const gone = await f.gql(
      SET,
      { input: { federation: 'wz', targetGroups: [MENTEES] } },
      { key: f.keys['staff'] },
    );
    expect(gone.data!['setFederationTargetGroups'].userErrors).toEqual([
      expect.objectContaining({ field: ['targetGroups'], code: 'IN_USE' }),
    ]);
    expect(gone.data!['setFederationTargetGroups'].userErrors[0].message).toContain('MENTORS');
    expect(await vocabulary()).toEqual(before);
    // A new one added, the order changed: fine.
    const more = await f.gql(
      SET,
      {
        input: {
          federation: 'wz',
          targetGroups: [
            MENTEES,
            MENTORS,
            {
              code: 'SPORTS_CLUBS',
              labels: {
                nl: 'Sportclubs',
                en: 'Sports clubs',
                de: 'Sportvereine',
                da: 'Sportsklubber',
              },
            },
          ],
        },
      },
      { key: f.keys['staff'] },
    );
    expect(more.data!['setFederationTargetGroups'].userErrors).toEqual([]);
    const unused = await f.gql(
      SET,
      { input: { federation: 'wz', targetGroups: [MENTEES, MENTORS] } },
      { key: f.keys['staff'] },
    );
    expect(unused.data!['setFederationTargetGroups'].userErrors).toEqual([]);
    // Audited.
    const [audited] = rowsOf<{ n: number }>(
      await f.t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'SET_TARGET_GROUPS'`,
      ),
    );
    expect(audited!.n).toBe(3);
  });

  it('the CSV import names them in target_groups, and refuses one the federation lacks by line and column', async () => {
    const IMPORT = `mutation ($input: ImportLocationsInput!) { importLocations(input: $input) { created updated problems { line column code } userErrors { code } } }`;
    const csv = (groups: string) =>
      [
        'external_id,name,lat,lng,meal,capacity,target_groups',
        `wz-1,Mentorentafel,52.1,5.1,DINNER,20,"${groups}"`,
      ].join('\n');
    const good = await f.gql(
      IMPORT,
      { input: { edition: 'nid-test', csv: csv('refugees; mentors') } },
      { key: f.keys['asito'] },
    );
    expect(good.errors).toBeUndefined();
    expect(good.data!['importLocations']).toMatchObject({ created: 1, problems: [] });
    const [row] = rowsOf<{ target_groups: string; own_target_groups: string[] }>(
      await f.t.database.db.execute(
        sql`SELECT target_groups::text, own_target_groups FROM locations WHERE external_id = 'wz-1'`,
      ),
    );
    expect(row).toEqual({ target_groups: '{REFUGEES}', own_target_groups: ['MENTORS'] });
    const before = await f.snapshot();
    const bad = await f.gql(
      IMPORT,
      { input: { edition: 'nid-test', csv: csv('jobcentres') } },
      { key: f.keys['asito'] },
    );
    expect(bad.data!['importLocations'].problems).toEqual([
      { line: 2, column: 'target_groups', code: 'TARGET_GROUP_NOT_DEFINED' },
    ]);
    expect(await f.snapshot()).toEqual(before);
  });

  it('copying venues to an edition whose federation lacks the group skips them, saying why', async () => {
    const r = await f.gql(
      `mutation($input: CopyLocationsInput!) { copyLocations(input: $input) {
        copied { name ownTargetGroups } skipped { location { name } reason message } userErrors { code }
      } }`,
      { input: { from: 'nid-test', to: 'other-day' } },
      { key: f.keys['asito'] },
    );
    expect(r.errors).toBeUndefined();
    const answer = r.data!['copyLocations'];
    expect(answer.userErrors).toEqual([]);
    // The instance's own edition has the built-in groups only: the mentors' table stays behind.
    const skipped = answer.skipped.filter(
      (s: { location: { name: string } }) => s.location.name === 'Patenschaftstreffen',
    );
    expect(skipped).toEqual([
      {
        location: { name: 'Patenschaftstreffen' },
        reason: 'INVALID',
        message: expect.stringContaining('MENTORS'),
      },
    ]);
    expect(answer.copied.length).toBeGreaterThan(0);
    for (const copy of answer.copied) expect(copy.ownTargetGroups).toEqual([]);
  });
});
