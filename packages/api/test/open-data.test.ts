/**
 * The open-data feeds, read back with real parsers (JSON, csv-parse, node-ical) and compared
 * with what the GraphQL API says of the same venues. A sensitive venue is approximate and has no
 * street or postal code in every format.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createApp } from '../src/yoga.ts';
import { memberKey, openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;

interface ApiVenue {
  id: string;
  name: string;
  meal: string;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number | null;
  participants: number;
  full: boolean;
  targetGroups: string[];
  locationPrecision: string;
  coordinates: { lat: number; lng: number };
  address: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    region: string | null;
  };
  organisation: { slug: string; name: string };
}
let api: ApiVenue[];

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  // The stadium's host said it is full: the feeds say so too.
  await t.database.db
    .update(locations)
    .set({ full: true })
    .where(eq(locations.id, fx.locations['Heracles Stadion']!.id));
  app = createApp({ database: t.database, publicApi: { rateLimit: false } });
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ locations(edition: "nid-test", first: 1000) { nodes { id name meal startsAt endsAt capacity participants full targetGroups locationPrecision coordinates { lat lng } address { street postalCode city region } organisation { slug name } } } }`,
    }),
  });
  api = ((await response.json()) as any).data.locations.nodes;
  expect(api.length).toBe(5);
  expect(api.filter((v) => v.full).map((v) => v.name)).toEqual(['Heracles Stadion']);
});
afterAll(() => t.close());

async function feed(format: string, headers: Record<string, string> = {}) {
  const response = await app.fetch(`http://tafel.test/editions/nid-test/locations.${format}`, {
    headers,
  });
  return { response, text: await response.text() };
}

const sensitive = () => encodeGlobalId('Location', fx.locations['Ontbijt AZC Almelo']!.id);

describe('GeoJSON', () => {
  it('is a FeatureCollection of the public venues, as the API has them, with the licence', async () => {
    const { response, text } = await feed('geojson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const geo = JSON.parse(text);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.licence).toBe('CC BY 4.0');
    expect(geo.attribution).toMatch(
      /Licence: CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/,
    );
    expect(geo.features.map((f: any) => f.id).sort()).toEqual(api.map((v) => v.id).sort());
    for (const v of api) {
      const f = geo.features.find((x: any) => x.id === v.id);
      expect(f.type).toBe('Feature');
      expect(f.geometry).toEqual({
        type: 'Point',
        coordinates: [v.coordinates.lng, v.coordinates.lat],
      });
      expect(f.properties).toMatchObject({
        name: v.name,
        meal: v.meal,
        participants: v.participants,
        capacity: v.capacity,
        full: v.full,
        targetGroups: v.targetGroups,
        organisationSlug: v.organisation.slug,
        street: v.address.street,
        postalCode: v.address.postalCode,
        city: v.address.city,
        locationPrecision: v.locationPrecision,
        startsAt: v.startsAt,
      });
    }
  });

  it('shows a sensitive venue only approximately, without street or postal code', async () => {
    const geo = JSON.parse((await feed('geojson')).text);
    const f = geo.features.find((x: any) => x.id === sensitive());
    expect(f.geometry.coordinates).toEqual([6.67, 52.37]);
    expect(f.properties).toMatchObject({
      street: null,
      postalCode: null,
      locationPrecision: 'APPROXIMATE',
      city: 'Almelo',
    });
    expect(text(geo)).not.toMatch(/Geheimweg|7602 AA|52\.36789|6\.66789/);
  });
});

const text = (x: unknown) => JSON.stringify(x);

describe('CSV', () => {
  it('parses into one row per public venue matching the API, with the licence in every row', async () => {
    const { response, text: csv } = await feed('csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('link')).toBe(
      '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
    );
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['id']).sort()).toEqual(api.map((v) => v.id).sort());
    for (const v of api) {
      const r = rows.find((x) => x['id'] === v.id)!;
      expect(r['name']).toBe(v.name);
      expect(r['organisation']).toBe(v.organisation.slug);
      expect(Number(r['participants'])).toBe(v.participants);
      expect(r['capacity'] === '' ? null : Number(r['capacity'])).toBe(v.capacity);
      expect(r['full']).toBe(String(v.full));
      expect(Number(r['lat'])).toBe(v.coordinates.lat);
      expect(Number(r['lng'])).toBe(v.coordinates.lng);
      expect((r['targetGroups'] ?? '').split(';').filter(Boolean)).toEqual(v.targetGroups);
      expect(r['street'] || null).toBe(v.address.street);
      expect(r['postalCode'] || null).toBe(v.address.postalCode);
      expect(r['licence']).toMatch(/CC BY 4\.0/);
    }
    const s = rows.find((x) => x['id'] === sensitive())!;
    expect([s['lat'], s['lng'], s['street'], s['postalCode'], s['locationPrecision']]).toEqual([
      '52.37',
      '6.67',
      '',
      '',
      'APPROXIMATE',
    ]);
    expect(csv).not.toMatch(/Geheimweg|7602 AA|52\.36789/);
  });
});

describe('iCalendar', () => {
  it('has one event per public venue’s meal, at its time and public place, with the licence', async () => {
    const { response, text: ics } = await feed('ics');
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const parsed = ical.sync.parseICS(ics);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as VEvent[];
    expect(events.map((e) => e.uid.replace(/@tafel$/, '')).sort()).toEqual(
      api.map((v) => v.id).sort(),
    );
    // Long lines are folded (RFC 5545 §3.1): unfold to read the calendar's description.
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(/X-WR-CALDESC:.*Licence: CC BY 4\.0/);
    for (const v of api) {
      const e = events.find((x) => x.uid === `${v.id}@tafel`)!;
      expect(e.summary).toContain(v.name);
      if (v.startsAt) {
        expect(new Date(e.start).toISOString()).toBe(v.startsAt);
        expect(new Date(e.end!).toISOString()).toBe(v.endsAt);
      } else {
        // No time given: an all-day event on the edition's day.
        expect(e.datetype).toBe('date');
        expect(ics).toContain(`DTSTART;VALUE=DATE:20271014`);
      }
      expect(e.geo).toEqual({ lat: v.coordinates.lat, lon: v.coordinates.lng });
    }
    const s = events.find((x) => x.uid === `${sensitive()}@tafel`)!;
    expect(s.geo).toEqual({ lat: 52.37, lon: 6.67 });
    expect(ics).not.toMatch(/Geheimweg|7602 AA|52\.36789/);
  });
});

describe('caching of the feeds', () => {
  it('answers with an ETag and public Cache-Control, 304 on If-None-Match without SQL, and a new body after a write', async () => {
    const first = await feed('geojson');
    const etag = first.response.headers.get('etag')!;
    expect(first.response.headers.get('cache-control')).toBe('public, max-age=10');
    t.counter.reset();
    const again = await feed('geojson', { 'if-none-match': etag });
    expect(again.response.status).toBe(304);
    const repeat = await feed('geojson');
    expect(repeat.text).toBe(first.text);
    expect(t.counter.statements).toEqual([]);

    const key = await memberKey(t.database, fx.utrecht.id);
    const id = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
    await app.fetch('http://tafel.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: `mutation($i: CancelLocationInput!) { cancelLocation(input: $i) { userErrors { code } } }`,
        variables: { i: { id } },
      }),
    });
    const after = await feed('geojson', { 'if-none-match': etag });
    expect(after.response.status).toBe(200);
    expect(JSON.parse(after.text).features.map((f: any) => f.id)).not.toContain(id);
  });

  it('confirms a kept CSV or iCalendar feed with 304 as it does GeoJSON', async () => {
    for (const format of ['csv', 'ics', 'geojson']) {
      const etag = (await feed(format)).response.headers.get('etag')!;
      expect((await feed(format, { 'if-none-match': etag })).response.status).toBe(304);
    }
  });

  it('answers 404 for an unknown edition', async () => {
    expect((await app.fetch('http://tafel.test/editions/no-such-day/locations.csv')).status).toBe(
      404,
    );
  });
});

describe('formulas in the CSV', () => {
  it('prefixes text cells a spreadsheet would run as a formula with a quote, keeps numbers numbers, and leaves GeoJSON and iCalendar as stored', async () => {
    const names = [
      '=HYPERLINK("http://evil","x")',
      '@SUM(1+1)',
      '+31 6 12345678',
      '-2+3',
      '\tTab',
      '\rReturn',
    ];
    await t.database.db.insert(locations).values(
      names.map((name, i) => ({
        organisationId: fx.asito.id,
        editionId: fx.edition.id,
        country: 'NL',
        externalId: `f-${i}`,
        name,
        city: 'Almelo',
        region: 'NL-OV',
        lat: 52.35,
        lng: 6.66,
        meal: 'DINNER' as const,
        capacity: 20,
        participants: 3,
        description: '=1+1',
      })),
    );
    app.caches.answers.invalidate(null);
    const rows = parseCsv((await feed('csv')).text, { columns: true }) as Record<string, string>[];
    for (const name of names) {
      const row = rows.find((r) => r['name'] === `'${name}`);
      expect(row, name).toBeDefined();
      expect(row).toMatchObject({
        description: "'=1+1",
        capacity: '20',
        participants: '3',
        lat: '52.35',
        lng: '6.66',
      });
    }
    // Ordinary text stays as it was.
    expect(rows.find((r) => r['name'] === 'Heracles Stadion')).toBeDefined();
    const geo = JSON.parse((await feed('geojson')).text);
    expect(geo.features.map((f: any) => f.properties.name)).toEqual(expect.arrayContaining(names));
    const ics = (await feed('ics')).text;
    expect(ics).toContain('Dinner: =HYPERLINK');
    expect(ics).toContain('Dinner: @SUM(1+1)');
  });
});
