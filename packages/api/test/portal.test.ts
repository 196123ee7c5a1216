/**
 * What the member portal needs from the API: a coordinator's session issues, lists and revokes
 * its own organisation's keys and no other's (moderators, press and member keys may not);
 * `geocode` through a Nominatim-style geocoder and, for the Netherlands, PDOK's Locatieserver
 * (real HTTP servers this test starts), falling back to the shipped GeoNames places without one
 * or when it fails; `regionAt` from a point.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdokRegion } from '../src/graphql/geocoder.ts';
import { publicApiConfigFromEnv } from '../src/http/config.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  type TestDb,
} from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let geocoder: Server;
let geocoderUrl: string;
const asked: URL[] = [];
let pdok: Server;
let geocoderNlUrl: string;
const pdokAsked: URL[] = [];

/** A PDOK Locatieserver's answer: an address, a town named by its province, one without a province, one without a point. */
const PDOK_DOCS = [
  {
    type: 'adres',
    weergavenaam: 'Oudegracht 12A-2, 3511AR Utrecht',
    centroide_ll: 'POINT(5.11970 52.08940)',
    straatnaam: 'Oudegracht',
    huisnummer: 12,
    huisletter: 'A',
    huisnummertoevoeging: '2',
    postcode: '3511AR',
    woonplaatsnaam: 'Utrecht',
    provinciecode: 'PV26',
    provincienaam: 'Utrecht',
  },
  {
    type: 'woonplaats',
    weergavenaam: 'Leeuwarden, Leeuwarden, Fryslân',
    centroide_ll: 'POINT(5.79990 53.20120)',
    woonplaatsnaam: 'Leeuwarden',
    provincienaam: 'Fryslân',
  },
  {
    type: 'adres',
    weergavenaam: 'Kerkstraat 3, 3811CV Amersfoort',
    centroide_ll: 'POINT(5.38720 52.15610)',
    straatnaam: 'Kerkstraat',
    huisnummer: 3,
    postcode: '3811CV',
    woonplaatsnaam: 'Amersfoort',
  },
  { type: 'adres', weergavenaam: 'Nergens 1', centroide_ll: 'POINT EMPTY' },
];

const ISSUE = `mutation ($input: IssueApiKeyInput!) {
  issueApiKey(input: $input) { secret apiKey { prefix organisation { slug } } userErrors { field code } }
}`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { prefix revokedAt } userErrors { field code } }
}`;
const KEYS = `query ($org: String) { apiKeys(organisation: $org) { prefix organisation { slug } } }`;
const GEOCODE = `query ($q: String!, $country: String) {
  geocode(query: $q, country: $country) { geocoderFailed hits { label lat lng street postalCode city region country source } }
}`;

/** The last request a fake geocoder had: its path and (some of) its parameters. */
function expectAsked(requests: URL[], pathname: string, params: Record<string, string>) {
  const last = requests.at(-1)!;
  expect(last.pathname).toBe(pathname);
  expect(Object.fromEntries(last.searchParams)).toMatchObject(params);
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  geocoder = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://geocoder.test');
    asked.push(url);
    if (url.searchParams.get('q') === 'broken') {
      res.writeHead(500).end('no');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify([
        {
          lat: '52.0907',
          lon: '5.1214',
          display_name: 'Oudegracht 1, 3511 AA Utrecht, Nederland',
          address: {
            road: 'Oudegracht',
            house_number: '1',
            postcode: '3511 AA',
            city: 'Utrecht',
            'ISO3166-2-lvl4': 'NL-UT',
            country_code: 'nl',
          },
        },
      ]),
    );
  });
  await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
  geocoderUrl = `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}`;
  pdok = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://pdok.test');
    pdokAsked.push(url);
    if (!url.pathname.endsWith('/v3_1/free')) {
      res.writeHead(503).end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ response: { numFound: PDOK_DOCS.length, docs: PDOK_DOCS } }));
  });
  await new Promise<void>((resolve) => pdok.listen(0, '127.0.0.1', resolve));
  geocoderNlUrl = `http://127.0.0.1:${(pdok.address() as AddressInfo).port}/v3_1`;
});

afterAll(async () => {
  geocoder.closeAllConnections();
  await new Promise((resolve) => geocoder.close(resolve));
  pdok.closeAllConnections();
  await new Promise((resolve) => pdok.close(resolve));
  await t.close();
});

describe('keys from a coordinator’s session', () => {
  it('issues, lists and revokes its own organisation’s keys, and never another’s', async () => {
    const { gql } = createClient(t.database);
    const asito = sessionHeaders(
      await personSession(t.database, { email: 'c@asito.example', organisationId: fx.asito.id }),
    );
    const made = await gql(
      ISSUE,
      { input: { scopes: ['LOCATIONS_WRITE'], label: 'rooster' } },
      { headers: asito },
    );
    expect(made.errors).toBeUndefined();
    const issued = made.data!['issueApiKey'];
    expect(issued.userErrors).toEqual([]);
    expect(issued.secret).toMatch(/^tafel_/);
    expect(issued.apiKey.organisation.slug).toBe('asito');

    // Another organisation's slug: refused as unknown, nothing issued.
    const theirs = await gql(
      ISSUE,
      { input: { scopes: ['LOCATIONS_WRITE'], organisation: 'gemeente-utrecht' } },
      { headers: asito },
    );
    expect(theirs.data!['issueApiKey'].userErrors).toEqual([
      { field: ['organisation'], code: 'NOT_FOUND' },
    ]);

    const utrechtKey = await memberKey(t.database, fx.utrecht.id);
    const utrechtPrefix = utrechtKey.slice(0, 14);
    // The list: only asito's, even when asking for utrecht's.
    const listed = await gql(KEYS, {}, { headers: asito });
    const slugs = new Set(
      listed.data!['apiKeys'].map((k: { organisation: { slug: string } }) => k.organisation.slug),
    );
    expect([...slugs]).toEqual(['asito']);
    expect(
      (await gql(KEYS, { org: 'gemeente-utrecht' }, { headers: asito })).data!['apiKeys'],
    ).toEqual([]);

    // Utrecht's key: not found for asito's coordinator, and still working.
    const prefixes = await t.database.db.query.apiKeys.findMany({
      where: { organisationId: fx.utrecht.id },
    });
    const utrechtRow = prefixes.find((k) => utrechtKey.startsWith(k.prefix))!;
    expect(utrechtPrefix.length).toBeGreaterThan(0);
    const refused = await gql(REVOKE, { input: { prefix: utrechtRow.prefix } }, { headers: asito });
    expect(refused.data!['revokeApiKey'].userErrors).toEqual([
      { field: ['prefix'], code: 'NOT_FOUND' },
    ]);
    const still = await t.database.db.query.apiKeys.findFirst({ where: { id: utrechtRow.id } });
    expect(still!.revokedAt).toBeNull();

    const revoked = await gql(
      REVOKE,
      { input: { prefix: issued.apiKey.prefix } },
      { headers: asito },
    );
    expect(revoked.data!['revokeApiKey'].apiKey.revokedAt).not.toBeNull();
  });

  it('refuses moderators, press and organisation keys', async () => {
    const { gql } = createClient(t.database);
    const moderator = sessionHeaders(
      await personSession(t.database, { email: 'm@federatie.example', role: 'moderator' }),
    );
    const press = sessionHeaders(
      await personSession(t.database, { email: 'p@krant.example', role: 'press' }),
    );
    const before = await t.database.db.query.apiKeys.findMany();
    for (const headers of [moderator, press]) {
      const answer = await gql(
        ISSUE,
        { input: { scopes: ['LOCATIONS_WRITE'], organisation: 'asito' } },
        { headers },
      );
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await gql(KEYS, {}, { headers })).errors?.[0]?.extensions?.['code']).toBe(
        'FORBIDDEN',
      );
    }
    const key = await memberKey(t.database, fx.asito.id);
    const byKey = await gql(ISSUE, { input: { scopes: ['LOCATIONS_WRITE'] } }, { key });
    expect(byKey.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await t.database.db.query.apiKeys.findMany()).length).toBe(before.length + 1);
  });
});

const PROFILE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { slug name website logoUrl } userErrors { field code } }
}`;

describe('updateOrganisation', () => {
  it('a coordinator changes their own profile; refused input and others’ organisations change nothing', async () => {
    const { gql } = createClient(t.database);
    const headers = sessionHeaders(
      await personSession(t.database, { email: 'p@moskee.example', organisationId: fx.moskee.id }),
    );
    const done = await gql(
      PROFILE,
      {
        input: {
          name: 'Moskee BoZ',
          website: 'https://moskee.example',
          logoUrl: 'https://moskee.example/logo.png',
        },
      },
      { headers },
    );
    expect(done.data!['updateOrganisation']).toEqual({
      organisation: {
        slug: 'moskee-bergen-op-zoom',
        name: 'Moskee BoZ',
        website: 'https://moskee.example',
        logoUrl: 'https://moskee.example/logo.png',
      },
      userErrors: [],
    });
    const bad = await gql(
      PROFILE,
      { input: { name: 'Nieuw', website: 'javascript:alert(1)' } },
      { headers },
    );
    expect(bad.data!['updateOrganisation'].userErrors).toEqual([
      { field: ['website'], code: 'INVALID_URL' },
    ]);
    const other = await gql(
      PROFILE,
      { input: { organisation: 'asito', name: 'Gekaapt' } },
      { headers },
    );
    expect(other.data!['updateOrganisation'].userErrors).toEqual([
      { field: ['organisation'], code: 'NOT_FOUND' },
    ]);
    const rows = await t.database.db.query.organisations.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.name)).toEqual(['Asito', 'Gemeente Utrecht', 'Moskee BoZ']);

    const moderator = sessionHeaders(
      await personSession(t.database, { email: 'm2@federatie.example', role: 'moderator' }),
    );
    const refused = await gql(
      PROFILE,
      { input: { organisation: 'asito', name: 'X' } },
      { headers: moderator },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const key = await memberKey(t.database, fx.asito.id);
    expect(
      (await gql(PROFILE, { input: { name: 'X' } }, { key })).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
  });
});

describe('geocode and regionAt', () => {
  it('asks the configured geocoder (Nominatim protocol) and keeps its address parts', async () => {
    const { gql } = createClient(t.database, { responseCache: false, geocoderUrl });
    const key = await memberKey(t.database, fx.asito.id);
    const answer = await gql(GEOCODE, { q: 'Oudegracht 1 Utrecht' }, { key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['geocode']).toEqual({
      geocoderFailed: false,
      hits: [
        {
          label: 'Oudegracht 1, 3511 AA Utrecht, Nederland',
          lat: 52.0907,
          lng: 5.1214,
          street: 'Oudegracht 1',
          postalCode: '3511 AA',
          city: 'Utrecht',
          region: 'NL-UT',
          country: 'NL',
          source: 'GEOCODER',
        },
      ],
    });
    expectAsked(asked, '/search', {
      format: 'jsonv2',
      q: 'Oudegracht 1 Utrecht',
      countrycodes: 'nl',
    });
  });

  it('falls back to the shipped places without a geocoder, or when it fails', async () => {
    const key = await memberKey(t.database, fx.asito.id);
    const none = createClient(t.database);
    const plain = await none.gql(GEOCODE, { q: 'Kerkstraat 3, Amersfoort' }, { key });
    const hit = plain.data!['geocode'].hits[0];
    expect(hit).toMatchObject({
      city: 'Amersfoort',
      region: 'NL-UT',
      source: 'PLACES',
      street: null,
    });
    expect(hit.lat).toBeCloseTo(52.16, 1);

    const failing = createClient(t.database, { responseCache: false, geocoderUrl });
    const broken = await failing.gql(GEOCODE, { q: 'broken' }, { key });
    expect(broken.data!['geocode']).toEqual({ geocoderFailed: true, hits: [] });
  });

  it('asks PDOK for the Netherlands when TAFEL_GEOCODER_NL_URL is set, Nominatim elsewhere', async () => {
    const { gql } = createClient(t.database, {
      responseCache: false,
      geocoderUrl,
      geocoderNlUrl,
    });
    const key = await memberKey(t.database, fx.asito.id);
    const nominatimAsked = asked.length;
    const answer = await gql(GEOCODE, { q: 'Oudegracht 12A-2 Utrecht', country: 'NL' }, { key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['geocode']).toEqual({
      geocoderFailed: false,
      hits: [
        {
          label: 'Oudegracht 12A-2, 3511AR Utrecht',
          lat: 52.0894,
          lng: 5.1197,
          street: 'Oudegracht 12A-2',
          postalCode: '3511 AR',
          city: 'Utrecht',
          region: 'NL-UT',
          country: 'NL',
          source: 'GEOCODER',
        },
        {
          label: 'Leeuwarden, Leeuwarden, Fryslân',
          lat: 53.2012,
          lng: 5.7999,
          street: null,
          postalCode: null,
          city: 'Leeuwarden',
          region: 'NL-FR',
          country: 'NL',
          source: 'GEOCODER',
        },
        {
          label: 'Kerkstraat 3, 3811CV Amersfoort',
          lat: 52.1561,
          lng: 5.3872,
          street: 'Kerkstraat 3',
          postalCode: '3811 CV',
          city: 'Amersfoort',
          region: 'NL-UT',
          country: 'NL',
          source: 'GEOCODER',
        },
      ],
    });
    expectAsked(pdokAsked, '/v3_1/free', {
      q: 'Oudegracht 12A-2 Utrecht',
      fq: 'type:(adres OR woonplaats)',
      rows: '5',
      fl: expect.stringContaining('centroide_ll'),
    });
    expect(asked.length).toBe(nominatimAsked);

    const pdokCount = pdokAsked.length;
    const german = await gql(GEOCODE, { q: 'Unter den Linden 1', country: 'DE' }, { key });
    expect(german.data!['geocode'].hits[0]).toMatchObject({ country: 'DE', source: 'GEOCODER' });
    expect(asked.at(-1)!.searchParams.get('countrycodes')).toBe('de');
    expect(pdokAsked.length).toBe(pdokCount);
  });

  it('reads TAFEL_GEOCODER_NL_URL once, and refuses one that is not an http(s) base', () => {
    const base = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';
    expect(publicApiConfigFromEnv({ TAFEL_GEOCODER_NL_URL: `${base}/` }).geocoderNlUrl).toBe(base);
    expect(publicApiConfigFromEnv({}).geocoderNlUrl).toBeUndefined();
    expect(() => publicApiConfigFromEnv({ TAFEL_GEOCODER_NL_URL: 'pdok.nl?q=' })).toThrow(
      /TAFEL_GEOCODER_NL_URL must be the http\(s\) base of a PDOK Locatieserver/,
    );
  });

  it('reads every Dutch province from PDOK’s code or name', () => {
    const codes = Array.from({ length: 12 }, (_, i) =>
      pdokRegion({ provinciecode: `PV${20 + i}` }),
    );
    expect(codes).toEqual([
      'NL-GR',
      'NL-FR',
      'NL-DR',
      'NL-OV',
      'NL-FL',
      'NL-GE',
      'NL-UT',
      'NL-NH',
      'NL-ZH',
      'NL-ZE',
      'NL-NB',
      'NL-LI',
    ]);
    expect(pdokRegion({ provincienaam: 'Noord-Brabant' })).toBe('NL-NB');
    expect(pdokRegion({ provincienaam: 'Friesland' })).toBe('NL-FR');
    expect(pdokRegion({ provinciecode: 'PV99', provincienaam: 'Fryslân' })).toBe('NL-FR');
    expect(pdokRegion({ provinciecode: 'PV99' })).toBeNull();
  });

  it('falls back to the shipped places when PDOK fails', async () => {
    const key = await memberKey(t.database, fx.asito.id);
    const failing = createClient(t.database, {
      responseCache: false,
      geocoderUrl,
      geocoderNlUrl: `${geocoderNlUrl}/down`,
    });
    const nominatimAsked = asked.length;
    const answer = await failing.gql(GEOCODE, { q: 'Kerkstraat 3, Amersfoort' }, { key });
    expect(answer.data!['geocode'].geocoderFailed).toBe(true);
    expect(answer.data!['geocode'].hits[0]).toMatchObject({
      city: 'Amersfoort',
      region: 'NL-UT',
      source: 'PLACES',
    });
    expect(pdokAsked.at(-1)!.pathname).toBe('/v3_1/down/free');
    expect(asked.length).toBe(nominatimAsked);
  });

  it('needs a key or a session, and a sensible query', async () => {
    const { gql } = createClient(t.database);
    expect((await gql(GEOCODE, { q: 'Utrecht' })).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    const key = await memberKey(t.database, fx.asito.id);
    expect((await gql(GEOCODE, { q: 'x' }, { key })).errors?.[0]?.extensions?.['code']).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('suggests the province a point lies in', async () => {
    const { gql } = createClient(t.database);
    const key = await memberKey(t.database, fx.asito.id);
    const at = (lat: number, lng: number) =>
      gql(
        `query ($lat: Float!, $lng: Float!) { regionAt(lat: $lat, lng: $lng) }`,
        { lat, lng },
        { key },
      );
    expect((await at(52.09, 5.12)).data!['regionAt']).toBe('NL-UT'); // Utrecht
    expect((await at(51.44, 5.48)).data!['regionAt']).toBe('NL-NB'); // Eindhoven
    expect((await at(53.22, 6.57)).data!['regionAt']).toBe('NL-GR'); // Groningen
    expect((await at(48.85, 2.35)).data!['regionAt']).toBeNull(); // Paris
  });

  it('suggests the Danish region and the German state a point lies in, never a Dutch province', async () => {
    const { gql } = createClient(t.database);
    const key = await memberKey(t.database, fx.asito.id);
    const at = async (lat: number, lng: number, country: string) =>
      (
        await gql(
          `query ($lat: Float!, $lng: Float!, $country: String) { regionAt(lat: $lat, lng: $lng, country: $country) }`,
          { lat, lng, country },
          { key },
        )
      ).data!['regionAt'];
    expect(await at(55.68, 12.57, 'DK')).toBe('DK-84'); // København
    expect(await at(56.16, 10.2, 'DK')).toBe('DK-82'); // Aarhus
    expect(await at(55.1, 14.7, 'DK')).toBe('DK-84'); // Bornholm (Folkemødet, Allinge)
    expect(await at(55.64, 11.73, 'DK')).toBe('DK-85'); // Kragerup Gods, Ruds Vedby
    expect(await at(50.11, 8.68, 'DE')).toBe('DE-HE'); // Frankfurt am Main
    expect(await at(52.52, 13.4, 'DE')).toBe('DE-BE'); // Berlin
    expect(await at(48.14, 11.58, 'DE')).toBe('DE-BY'); // München
    // A Dutch point on a Danish edition: not in Denmark.
    expect(await at(52.09, 5.12, 'DK')).toBeNull();
  });
});
