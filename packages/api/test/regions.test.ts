/**
 * Regions of every country in use: a venue's region is one of its country's (the edition's unless
 * the address names another), on every write path, and is named in the language asked for (or
 * the country's own); an edition lists its country's regions.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { csvProblemOf, parseVenueCsv } from '../src/locations/csv.ts';
import { editionBySlug } from '../src/locations/editions.ts';
import { upsertLocations } from '../src/locations/upsert.ts';
import {
  CREATE,
  type PublishFixture,
  type TestDb,
  UPDATE,
  UPSERT,
  usePublishFixture,
} from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot } = publish;
let t: TestDb;
let gql: PublishFixture['gql'];

/** A venue of `edition` at a place in its country. */
const at = (
  edition: string,
  [lat, lng]: [number, number],
  region: string,
  extra: Record<string, unknown> = {},
) => ({
  edition,
  name: `Tafel ${region}`,
  coordinates: { lat, lng },
  meal: 'DINNER',
  address: { city: 'Ergens', region },
  capacity: 20,
  ...extra,
});

const COPENHAGEN: [number, number] = [55.68, 12.57];
const BERLIN: [number, number] = [52.52, 13.4];
const ANTWERP: [number, number] = [51.22, 4.4];

const READ = `query($edition: String!) {
  edition(slug: $edition) { country regions { code name } en: regions(lang: EN) { code name } }
  locations(edition: $edition) { nodes { name address { region country regionName nl: regionName(lang: NL) en: regionName(lang: EN) } } }
}`;

beforeAll(async () => {
  ({ t, gql } = publish);
  for (const [slug, country, timeZone] of [
    ['sammen-2027', 'DK', 'Europe/Copenhagen'],
    ['wir-2027', 'DE', 'Europe/Berlin'],
    ['samen-be-2027', 'BE', 'Europe/Brussels'],
  ] as const) {
    const r = await gql(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { edition { country } userErrors { code } } }`,
      { input: { slug, name: slug, date: '2027-10-14', country, timeZone } },
      { key: keys['staff'] },
    );
    expect(r.data!['createEdition']).toEqual({ edition: { country }, userErrors: [] });
  }
});

async function create(input: Record<string, unknown>) {
  const r = await gql(CREATE, { input }, { key: keys['asito'] });
  expect(r.errors).toBeUndefined();
  return r.data!['createLocation'] as {
    location: { id: string } | null;
    userErrors: { field: string[]; message: string; code: string }[];
  };
}

describe('a venue’s region is one of its edition’s country’s', () => {
  it('takes the five Danish regions on a Danish edition and names them in Danish, or as asked', async () => {
    for (const code of ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85']) {
      const r = await create(at('sammen-2027', COPENHAGEN, code));
      expect(r.userErrors, code).toEqual([]);
    }
    const read = await gql(READ, { edition: 'sammen-2027' });
    expect(read.errors).toBeUndefined();
    const { edition, locations } = read.data!;
    expect(edition.country).toBe('DK');
    expect(edition.regions).toEqual([
      { code: 'DK-81', name: 'Nordjylland' },
      { code: 'DK-82', name: 'Midtjylland' },
      { code: 'DK-83', name: 'Syddanmark' },
      { code: 'DK-84', name: 'Hovedstaden' },
      { code: 'DK-85', name: 'Sjælland' },
    ]);
    expect(edition.en).toHaveLength(5);
    const capital = locations.nodes.find(
      (n: { address: { region: string } }) => n.address.region === 'DK-84',
    );
    expect(capital.address).toEqual({
      region: 'DK-84',
      country: 'DK',
      regionName: 'Hovedstaden',
      nl: 'Hoofdstad',
      en: 'Hovedstaden',
    });
    // The venue's own resolver (not the public list's SQL) names it the same.
    const one = await gql(
      `query($id: ID!) { node(id: $id) { ... on Location { address { regionName nl: regionName(lang: NL) } } } }`,
      { id: (await create(at('sammen-2027', COPENHAGEN, 'DK-85'))).location!.id },
    );
    expect(one.data!['node'].address).toEqual({ regionName: 'Sjælland', nl: 'Seeland' });
  });

  it('takes the German Länder on a German edition and names them in German, or in Dutch', async () => {
    expect((await create(at('wir-2027', BERLIN, 'DE-BE'))).userErrors).toEqual([]);
    expect((await create(at('wir-2027', BERLIN, 'de-by'))).userErrors).toEqual([]);
    const read = await gql(READ, { edition: 'wir-2027' });
    expect(read.data!['edition'].regions).toHaveLength(16);
    expect(read.data!['edition'].regions).toContainEqual({ code: 'DE-BY', name: 'Bayern' });
    expect(read.data!['edition'].en).toContainEqual({ code: 'DE-BY', name: 'Bavaria' });
    const names = Object.fromEntries(
      read.data!['locations'].nodes.map((n: { address: { region: string } }) => [
        n.address.region,
        n.address,
      ]),
    );
    expect(names['DE-BE']).toMatchObject({ regionName: 'Berlin', nl: 'Berlijn' });
    expect(names['DE-BY']).toMatchObject({ regionName: 'Bayern', nl: 'Beieren', en: 'Bavaria' });
  });

  it('takes the Belgian provinces and Brussels on a Belgian edition', async () => {
    expect((await create(at('samen-be-2027', ANTWERP, 'BE-VAN'))).userErrors).toEqual([]);
    expect((await create(at('samen-be-2027', [50.85, 4.35], 'BE-BRU'))).userErrors).toEqual([]);
    const read = await gql(READ, { edition: 'samen-be-2027' });
    expect(read.data!['edition'].regions).toHaveLength(11);
    const antwerp = read.data!['locations'].nodes.find(
      (n: { address: { region: string } }) => n.address.region === 'BE-VAN',
    );
    expect(antwerp.address).toMatchObject({ regionName: 'Antwerpen', nl: 'Antwerpen' });
  });

  it('keeps the Dutch provinces and their names on the Dutch edition', async () => {
    const read = await gql(READ, { edition: 'nid-test' });
    expect(read.data!['edition'].regions).toHaveLength(12);
    expect(read.data!['edition'].en).toContainEqual({ code: 'NL-ZH', name: 'South Holland' });
    expect(read.data!['edition'].regions).toContainEqual({ code: 'NL-FR', name: 'Fryslân' });
  });

  const refusals: [string, Record<string, unknown>, RegExp][] = [
    [
      'a Dutch province on a Danish edition',
      at('sammen-2027', COPENHAGEN, 'NL-UT'),
      /"NL-UT" lies in NL, not in DK/,
    ],
    [
      'a German Land on a Danish edition',
      at('sammen-2027', COPENHAGEN, 'DE-SH'),
      /"DE-SH" lies in DE, not in DK/,
    ],
    [
      'a Danish region on a German edition',
      at('wir-2027', BERLIN, 'DK-84'),
      /"DK-84" lies in DK, not in DE/,
    ],
    [
      'a Dutch province on a Belgian edition',
      at('samen-be-2027', ANTWERP, 'NL-NB'),
      /"NL-NB" lies in NL, not in BE/,
    ],
    [
      'a Danish code that names no region',
      at('sammen-2027', COPENHAGEN, 'DK-86'),
      /"DK-86" is not a region of DK \(one of DK-81, DK-82, DK-83, DK-84, DK-85\)/,
    ],
    [
      'Flanders, a Belgian region above the provinces',
      at('samen-be-2027', ANTWERP, 'BE-VLG'),
      /"BE-VLG" is not a region of BE/,
    ],
  ];
  it.each(refusals)('refuses %s, changing nothing', async (_name, input, message) => {
    const before = await snapshot();
    const r = await create(input);
    expect(r.location).toBeNull();
    expect(r.userErrors).toEqual([
      { field: ['address', 'region'], code: 'INVALID', message: expect.stringMatching(message) },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a Dutch province in an update of a Danish venue, changing nothing', async () => {
    const venue = await create(at('sammen-2027', COPENHAGEN, 'DK-84', { name: 'Tafel i byen' }));
    const before = await snapshot();
    const r = await gql(
      UPDATE,
      { input: { id: venue.location!.id, address: { region: 'NL-UT' } } },
      { key: keys['asito'] },
    );
    expect(r.data!['updateLocation']).toMatchObject({
      location: null,
      userErrors: [{ field: ['address', 'region'], code: 'INVALID' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a Dutch province in a bulk upsert and in a CSV line for a Danish edition, changing nothing', async () => {
    const before = await snapshot();
    const bulk = await gql(
      UPSERT,
      {
        input: {
          edition: 'sammen-2027',
          locations: [
            { ...at('sammen-2027', COPENHAGEN, 'DK-84'), edition: undefined, externalId: 'ok' },
            { ...at('sammen-2027', COPENHAGEN, 'NL-ZH'), edition: undefined, externalId: 'nl' },
          ],
        },
      },
      { key: keys['asito'] },
    );
    expect(bulk.data!['upsertLocations'].userErrors).toEqual([
      expect.objectContaining({ field: ['locations', '1', 'address', 'region'], code: 'INVALID' }),
    ]);
    const edition = (await editionBySlug(t.database.db, 'sammen-2027'))!;
    const parsed = await parseVenueCsv(
      'external_id,name,region,lat,lng,meal\ncsv-dk,Frokost,DK-82,56.16,10.2,LUNCH\ncsv-nl,Lunch,NL-UT,56.16,10.2,LUNCH\n',
      edition,
    );
    expect(parsed.problems).toEqual([]);
    const result = await upsertLocations(t.database.db, {
      edition,
      organisationId: publish.fx.asito.id,
      rows: parsed.rows,
      actor: { keyId: null, name: 'test', mayCount: true },
    });
    const problems = result.ok ? [] : result.errors.map((e) => csvProblemOf(e, parsed.lines));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, 'region', 'INVALID']]);
    expect(await snapshot()).toEqual(before);
  });
});
