/**
 * Members publish bad input: every refusal a userError with field and code, the participant
 * counts that need PARTICIPATION_WRITE, and free text stored as it reads. Every refusal is checked
 * to leave the database as it was.
 */

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { csvProblemOf, parseVenueCsv } from '../src/locations/csv.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { upsertLocations } from '../src/locations/upsert.ts';
import {
  CREATE,
  type PublishFixture,
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
let fx: PublishFixture['fx'];
beforeAll(() => {
  ({ t, gql, fx } = publish);
});

describe('bad input: a userError with field and code, and nothing changes', () => {
  const cases: [string, string, Record<string, unknown>, string[] | null, string][] = [
    [
      'latitude out of range',
      CREATE,
      venue({ coordinates: { lat: 95, lng: 5 } }),
      ['coordinates', 'lat'],
      'OUT_OF_RANGE',
    ],
    [
      'longitude out of range',
      CREATE,
      venue({ coordinates: { lat: 52, lng: 190 } }),
      ['coordinates', 'lng'],
      'OUT_OF_RANGE',
    ],
    [
      'swapped lat/lng',
      CREATE,
      venue({ coordinates: { lat: 5.1, lng: 52.1 } }),
      ['coordinates'],
      'OUTSIDE_COUNTRY',
    ],
    [
      'far outside the country',
      CREATE,
      venue({ coordinates: { lat: 48.85, lng: 2.35 } }),
      ['coordinates'],
      'OUTSIDE_COUNTRY',
    ],
    [
      'javascript: URL',
      CREATE,
      venue({ registrationUrl: 'javascript:alert(1)' }),
      ['registrationUrl'],
      'INVALID_URL',
    ],
    [
      'ftp URL',
      CREATE,
      venue({ registrationUrl: 'ftp://example.org/x' }),
      ['registrationUrl'],
      'INVALID_URL',
    ],
    ['empty name', CREATE, venue({ name: '   ' }), ['name'], 'REQUIRED'],
    ['over-long name', CREATE, venue({ name: 'x'.repeat(201) }), ['name'], 'TOO_LONG'],
    ['negative capacity', CREATE, venue({ capacity: -1 }), ['capacity'], 'OUT_OF_RANGE'],
    [
      'participants above capacity',
      CREATE,
      venue({ capacity: 10, participants: 11 }),
      ['participants'],
      'OVER_CAPACITY',
    ],
    ['negative participants', CREATE, venue({ participants: -3 }), ['participants'], 'BELOW_ZERO'],
    [
      'end before start',
      CREATE,
      venue({ startsAt: '2027-10-14T19:00:00+02:00', endsAt: '2027-10-14T18:00:00+02:00' }),
      ['endsAt'],
      'END_BEFORE_START',
    ],
    [
      'time not on the edition day',
      CREATE,
      venue({ startsAt: '2027-10-15T18:00:00+02:00' }),
      ['startsAt'],
      'NOT_ON_EDITION_DAY',
    ],
    [
      'late evening in UTC that is the next day locally',
      CREATE,
      venue({ startsAt: '2027-10-14T22:30:00Z' }),
      ['startsAt'],
      'NOT_ON_EDITION_DAY',
    ],
    ['unknown edition', CREATE, venue({ edition: 'nope' }), ['edition'], 'NOT_FOUND'],
    [
      'unknown region',
      CREATE,
      venue({ address: { region: 'NL-XX' } }),
      ['address', 'region'],
      'INVALID',
    ],
    [
      'bad language code',
      CREATE,
      venue({ languages: ['nederlands'] }),
      ['languages', '0'],
      'INVALID',
    ],
    [
      'member acting for another organisation',
      CREATE,
      venue({ organisation: 'asito' }),
      ['organisation'],
      'FORBIDDEN',
    ],
    [
      'capacity below the participants counted',
      UPDATE,
      { id: 'HERACLES', capacity: 100 },
      ['capacity'],
      'BELOW_PARTICIPANTS',
    ],
    [
      'update of an unknown venue',
      UPDATE,
      { id: encodeGlobalId('Location', 999999), name: 'x' },
      ['id'],
      'NOT_FOUND',
    ],
    [
      'a name with a line break',
      CREATE,
      venue({ name: 'Tafel\r\nFAKE: gratis bier' }),
      ['name'],
      'INVALID',
    ],
    [
      'a name with a terminal escape',
      CREATE,
      venue({ name: 'Tafel \u001b[2J\u001b[31mrood' }),
      ['name'],
      'INVALID',
    ],
    ['a name with a C1 control', CREATE, venue({ name: 'Tafel \u009b31m' }), ['name'], 'INVALID'],
    [
      'a name with a right-to-left override',
      CREATE,
      venue({ name: 'Tafel \u202egpj.exe' }),
      ['name'],
      'INVALID',
    ],
    [
      'a street with a bidi isolate',
      CREATE,
      venue({ address: { street: 'Hoofdstraat \u2067 1', city: 'Amsterdam' } }),
      ['address', 'street'],
      'INVALID',
    ],
    [
      'a name of zero-width characters only',
      CREATE,
      venue({ name: '\u200b\u200d\ufeff\u2060' }),
      ['name'],
      'REQUIRED',
    ],
    [
      'a city of zero-width characters only',
      CREATE,
      venue({ address: { city: ' \u200b ' } }),
      ['address', 'city'],
      'INVALID',
    ],
    [
      'a description with an escape sequence',
      CREATE,
      venue({ description: 'Welkom\u001b]0;pwned\u0007' }),
      ['description'],
      'INVALID',
    ],
    ['an externalId with a tab', CREATE, venue({ externalId: 'a\tb' }), ['externalId'], 'INVALID'],
    [
      'a country that does not exist',
      CREATE,
      venue({ address: { city: 'Amsterdam', country: 'XX' } }),
      ['address', 'country'],
      'INVALID',
    ],
    [
      'a Dutch region on a Belgian address',
      CREATE,
      venue({ address: { city: 'Antwerpen', country: 'BE', region: 'NL-UT' } }),
      ['address', 'region'],
      'INVALID',
    ],
    [
      'a region code that does not exist',
      CREATE,
      venue({ address: { city: 'Antwerpen', country: 'BE', region: 'BE-XYZ' } }),
      ['address', 'region'],
      'INVALID',
    ],
    [
      'an update that moves a venue abroad but keeps its Dutch region',
      UPDATE,
      { id: 'HERACLES', address: { country: 'BE' } },
      ['address', 'region'],
      'INVALID',
    ],
    [
      'an update that gives a Dutch venue a Belgian region',
      UPDATE,
      { id: 'HERACLES', address: { region: 'BE-VAN' } },
      ['address', 'region'],
      'INVALID',
    ],
  ];
  it.each(cases)('%s', async (_name, query, input, field, code) => {
    const before = await snapshot();
    const key =
      _name === 'member acting for another organisation' ? keys['utrecht'] : keys['asito'];
    const vars = {
      ...input,
      ...(input['id'] === 'HERACLES' ? { id: id('Heracles Stadion') } : {}),
    };
    const r = await gql(query, { input: vars }, { key });
    expect(r.errors).toBeUndefined();
    const payload = Object.values(r.data!)[0] as any;
    expect(payload.location).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown meal or target group is refused by the schema with a clear error', async () => {
    const before = await snapshot();
    const meal = await gql(CREATE, { input: venue({ meal: 'SUPPER' }) }, { key: keys['asito'] });
    expect(meal.errors![0]!.message).toMatch(/SUPPER.*Meal|Meal.*SUPPER/);
    const group = await gql(
      CREATE,
      { input: venue({ targetGroups: ['ALIENS'] }) },
      { key: keys['asito'] },
    );
    expect(group.errors![0]!.message).toMatch(/ALIENS/);
    expect(await snapshot()).toEqual(before);
  });

  it('a venue of another organisation is forbidden', async () => {
    const before = await snapshot();
    const r = await gql(
      UPDATE,
      { input: { id: id('Stadhuis Utrecht'), name: 'Gekaapt' } },
      { key: keys['asito'] },
    );
    expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/belongs to another organisation/);
    expect(await snapshot()).toEqual(before);
  });

  it('a key without the scope is forbidden, naming the scope', async () => {
    const r = await gql(CREATE, { input: venue() }, { key: keys['asitoParticipationOnly'] });
    expect(r.errors![0]!.message).toMatch(/lacks the LOCATIONS_WRITE scope/);
  });
});

describe('participant counts need PARTICIPATION_WRITE, on every venue write', () => {
  const counted = (name: string) => fx.locations[name]!;

  it('createLocation refuses participants from a key that may only describe venues', async () => {
    const before = await snapshot();
    const r = await gql(
      CREATE,
      { input: venue({ name: 'Telt zelf', participants: 7 }) },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!['createLocation'].location).toBeNull();
    expect(r.data!['createLocation'].userErrors).toEqual([
      {
        field: ['participants'],
        code: 'FORBIDDEN',
        message: expect.stringMatching(/PARTICIPATION_WRITE/),
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('updateLocation refuses participants from such a key, and leaves the count and its log alone', async () => {
    const before = await snapshot();
    const r = await gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), participants: 7, name: 'Heracles' } },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(r.data!['updateLocation']).toEqual({
      location: null,
      userErrors: [
        {
          field: ['participants'],
          code: 'FORBIDDEN',
          message: expect.stringMatching(/PARTICIPATION_WRITE/),
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
    // The same key still describes its venues.
    const renamed = await gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), description: 'Aan de tribune' } },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(renamed.data!['updateLocation']).toMatchObject({
      location: { participants: counted('Heracles Stadion').participants },
      userErrors: [],
    });
  });

  it('upsertLocations refuses the batch, naming every row that sends participants', async () => {
    const before = await snapshot();
    const row = (i: number, extra: Record<string, unknown> = {}) => ({
      externalId: `count-${i}`,
      name: `Tafel ${i}`,
      coordinates: { lat: 52.1, lng: 5.1 },
      meal: 'LUNCH',
      capacity: 50,
      ...extra,
    });
    const r = await gql(
      UPSERT,
      {
        input: {
          edition: 'nid-test',
          locations: [
            row(0, { participants: 7 }),
            row(1),
            row(2, { participants: 0 }),
            {
              ...row(3),
              externalId: 'a-1',
              name: 'Heracles Stadion',
              capacity: 600,
              participants: 7,
            },
          ],
        },
      },
      { key: keys['asitoVenuesOnly'] },
    );
    expect(
      r
        .data!['upsertLocations'].userErrors.filter((e: any) => e.code === 'FORBIDDEN')
        .map((e: any) => e.field),
    ).toEqual([
      ['locations', '0', 'participants'],
      ['locations', '2', 'participants'],
      ['locations', '3', 'participants'],
    ]);
    expect(r.data!['upsertLocations']).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('a CSV import through the same upsert refuses a participants column from such a key, naming each line', async () => {
    const before = await snapshot();
    const parsed = await parseVenueCsv(
      'external_id,name,lat,lng,meal,capacity,participants\ncsv-1,Eerste,52.1,5.1,LUNCH,40,7\ncsv-2,Tweede,52.1,5.1,LUNCH,40,\ncsv-3,Derde,52.1,5.1,DINNER,40,3\n',
      fx.edition,
    );
    expect(parsed.problems).toEqual([]);
    const actor = { keyId: null, name: 'test', mayCount: false };
    const result = await upsertLocations(t.database.db, {
      edition: fx.edition,
      organisationId: fx.asito.id,
      rows: parsed.rows,
      actor,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.errors.map((e) => csvProblemOf(e, parsed.lines));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'participants', 'FORBIDDEN'],
      [4, 'participants', 'FORBIDDEN'],
    ]);
    expect(await snapshot()).toEqual(before);
    // The operator's command-line import may set counts.
    const operator = await upsertLocations(t.database.db, {
      edition: fx.edition,
      organisationId: fx.asito.id,
      rows: parsed.rows,
      actor: { ...actor, mayCount: true },
      dryRun: true,
    });
    expect(operator).toMatchObject({ ok: true, value: { created: 3 } });
  });

  it('a key with PARTICIPATION_WRITE still sets counts through a venue write', async () => {
    const r = await gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), participants: 581 } },
      { key: keys['asito'] },
    );
    expect(r.data!['updateLocation']).toMatchObject({
      location: { participants: 581 },
      userErrors: [],
    });
    const back = await gql(
      UPDATE,
      { input: { id: id('Heracles Stadion'), participants: 580 } },
      { key: keys['staff'] },
    );
    expect(back.data!['updateLocation']).toMatchObject({
      location: { participants: 580 },
      userErrors: [],
    });
  });
});

describe('free text is stored as it reads', () => {
  it('normalises to NFC and keeps line breaks and tabs in a description, and right-to-left marks in a name', async () => {
    const r = await gql(
      CREATE,
      {
        input: venue({
          name: 'Cafe\u0301 \u200fمائدة\u200f',
          description: 'Welkom!\n\tOm 18:00 aan tafel.',
          address: { city: 'Antwerpen', country: 'be', region: 'BE-VAN' },
        }),
      },
      { key: keys['asito'] },
    );
    expect(r.data!['createLocation'].userErrors).toEqual([]);
    const [row] = rowsOf<{ name: string; description: string; country: string; region: string }>(
      await t.database.db.execute(
        sql`SELECT name, description, country, region FROM locations WHERE name LIKE 'Café%'`,
      ),
    );
    expect(row).toEqual({
      name: 'Caf\u00e9 \u200fمائدة\u200f',
      description: 'Welkom!\n\tOm 18:00 aan tafel.',
      country: 'BE',
      region: 'BE-VAN',
    });
  });

  it('organisation and edition names follow the same rules', async () => {
    const before = await snapshot();
    const s = { key: keys['staff'] };
    const org = await gql(
      `mutation($n: String!) { createOrganisation(input: { slug: "rtl-lid", name: $n }) { organisation { slug } userErrors { field code } } }`,
      { n: 'Lid \u202eevil' },
      s,
    );
    expect(org.data!['createOrganisation']).toEqual({
      organisation: null,
      userErrors: [{ field: ['name'], code: 'INVALID' }],
    });
    const edition = await gql(
      `mutation($n: String!) { createEdition(input: { slug: "nid-cr", name: $n, date: "2027-10-14" }) { edition { slug } userErrors { field code } } }`,
      { n: 'Diner\r\nNep' },
      s,
    );
    expect(edition.data!['createEdition']).toEqual({
      edition: null,
      userErrors: [{ field: ['name'], code: 'INVALID' }],
    });
    const renamed = await gql(
      `mutation($n: String!) { updateEdition(input: { slug: "nid-test", name: $n }) { edition { name } userErrors { field code } } }`,
      { n: '\u200b\u200b' },
      s,
    );
    expect(renamed.data!['updateEdition']).toEqual({
      edition: null,
      userErrors: [{ field: ['name'], code: 'REQUIRED' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a bulk row and a CSV line are checked by the same rules, naming the row and the line', async () => {
    const before = await snapshot();
    const bulk = await gql(
      UPSERT,
      {
        input: {
          edition: 'nid-test',
          locations: [
            {
              externalId: 'rtl-1',
              name: 'Tafel \u202egpj',
              coordinates: { lat: 52.1, lng: 5.1 },
              meal: 'LUNCH',
            },
          ],
        },
      },
      { key: keys['asito'] },
    );
    expect(bulk.data!['upsertLocations'].userErrors).toEqual([
      expect.objectContaining({ field: ['locations', '0', 'name'], code: 'INVALID' }),
    ]);
    const parsed = await parseVenueCsv(
      'external_id,name,lat,lng,meal\ncsv-ok,Goed,52.1,5.1,LUNCH\ncsv-rtl,"Tafel \u202egpj",52.1,5.1,LUNCH\n',
      fx.edition,
    );
    const result = await upsertLocations(t.database.db, {
      edition: fx.edition,
      organisationId: fx.asito.id,
      rows: parsed.rows,
      actor: { keyId: null, name: 'test', mayCount: true },
    });
    const problems = result.ok ? [] : result.errors.map((e) => csvProblemOf(e, parsed.lines));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, 'name', 'INVALID']]);
    expect(await snapshot()).toEqual(before);
  });
});
