/**
 * What the API keeps of its public answers, and for how long: the answers and feeds are bytes in
 * one store bounded in bytes and age; changes to editions and organisations, even made in SQL,
 * are announced by the database; absolute URLs come from the configuration, never the request.
 * Over real HTTP where the Host header matters, else in-process through `app.fetch`.
 */
import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, locations, type NewLocation } from '../src/db/schema.ts';
import { AnswerStore } from '../src/http/cache.ts';
import { publicApiConfigFromEnv } from '../src/http/config.ts';
import { createApp } from '../src/yoga.ts';
import { serveHttp, waitFor } from './live-support.ts';
import { openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
});
afterAll(() => t.close());

function appWith(
  publicApi: Parameters<typeof createApp>[0]['publicApi'] = {},
  answerStore?: AnswerStore,
) {
  return createApp({
    database: t.database,
    publicApi: { responseCache: true, rateLimit: false, ...publicApi },
    answerStore,
  });
}

/** An anonymous GET of a query, as the widget sends it. */
async function get(
  app: ReturnType<typeof createApp>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; text: string; body: any }> {
  const url = `http://tafel.test/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await app.fetch(url, {
    headers: { accept: 'application/graphql-response+json' },
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

/** A GET over real HTTP with the Host and X-Forwarded-* headers a client chooses. */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** RFC 5545 folds long lines; unfolded, each property is one line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('absolute URLs', () => {
  it('writes the configured public URL into the feeds whatever Host or X-Forwarded-Host a request names, and passes no other host on', async () => {
    const app = appWith({ publicUrl: 'https://tafel.example.org', trustProxy: 1 });
    const server = await serveHttp(app);
    try {
      const evil = {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        forwarded: 'host=evil.example;proto=https',
      };
      for (const format of ['ics', 'geojson', 'csv']) {
        const path = `/editions/nid-test/locations.${format}`;
        const poisoned = await rawGet(server.url, path, evil);
        expect(poisoned.status).toBe(200);
        expect(poisoned.body).not.toContain('evil.example');
        // The next client, asking normally, gets the kept answer: it must not carry the first one's host.
        const normal = await rawGet(server.url, path, {});
        expect(normal.status).toBe(200);
        expect(normal.body).not.toContain('evil.example');
        expect(normal.body).toBe(poisoned.body);
      }
      const ics = unfold((await rawGet(server.url, '/editions/nid-test/locations.ics', evil)).body);
      expect(ics).toMatch(
        /^SOURCE;VALUE=URI:https:\/\/tafel\.example\.org\/editions\/nid-test\/locations\.ics\r?$/m,
      );
    } finally {
      await server.close();
    }
  });

  it('takes the public URL from TAFEL_PUBLIC_URL, or http://localhost on PORT when it is unset, and refuses one that is no http(s) URL', () => {
    expect(publicApiConfigFromEnv({}).publicUrl).toBe('http://localhost:4000');
    expect(publicApiConfigFromEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(
      publicApiConfigFromEnv({ TAFEL_PUBLIC_URL: 'https://tafel.example.org/' }).publicUrl,
    ).toBe('https://tafel.example.org');
    expect(
      publicApiConfigFromEnv({ TAFEL_PUBLIC_URL: 'https://example.org/tafel/' }).publicUrl,
    ).toBe('https://example.org/tafel');
    expect(() => publicApiConfigFromEnv({ TAFEL_PUBLIC_URL: 'tafel.example.org' })).toThrow(
      /TAFEL_PUBLIC_URL must be an http or https URL/,
    );
    expect(() => publicApiConfigFromEnv({ TAFEL_PUBLIC_URL: 'ftp://tafel.example.org' })).toThrow(
      /TAFEL_PUBLIC_URL/,
    );
    expect(() =>
      publicApiConfigFromEnv({ TAFEL_PUBLIC_URL: 'https://tafel.example.org/?a=1' }),
    ).toThrow(/without query/);
  });
});

describe('age of kept answers', () => {
  it('serves a venue changed in SQL, which nobody announces, once the kept answer is older than TAFEL_RESPONSE_CACHE_TTL', async () => {
    const app = appWith({ responseCacheTtlSeconds: 1 });
    const query = '{ locations(edition: "nid-test", first: 50) { nodes { name } } }';
    const names = (r: { body: any }) =>
      r.body.data.locations.nodes.map((n: { name: string }) => n.name);
    const feed = async () =>
      (await app.fetch('http://tafel.test/editions/nid-test/locations.csv')).text();
    expect(names(await get(app, query))).toContain('Buurthuis De Ster');
    expect(await feed()).toContain('Buurthuis De Ster');
    const id = fx.locations['Buurthuis De Ster']!.id;
    await t.database.db
      .update(locations)
      .set({ name: 'Buurthuis De Sterren' })
      .where(sql`${locations.id} = ${id}`);
    // Kept: the change is not seen yet, the answer comes from memory.
    expect(names(await get(app, query))).toContain('Buurthuis De Ster');
    await new Promise((r) => setTimeout(r, 1200));
    expect(names(await get(app, query))).toContain('Buurthuis De Sterren');
    expect(await feed()).toContain('Buurthuis De Sterren');
  });

  it('drops kept answers at once when an edition or an organisation is changed in SQL: the database announces it', async () => {
    const app = appWith();
    // The app's live hub LISTENs, as server.ts starts it: the database's notices reach the caches through it.
    await app.live.start();
    try {
      const query =
        '{ edition(slug: "nid-test") { name } locations(edition: "nid-test", first: 50) { nodes { organisation { name } } } }';
      const first = await get(app, query);
      expect(first.body.data.edition.name).toBe('Nationaal Integratiediner (test)');
      await t.database.db
        .update(editions)
        .set({ name: 'Nationaal Integratiediner 2027' })
        .where(sql`${editions.slug} = 'nid-test'`);
      await waitFor(
        async () =>
          (await get(app, query)).body.data.edition.name === 'Nationaal Integratiediner 2027',
        2000,
        'the new edition name',
      );
      await t.database.db.execute(
        sql`UPDATE organisations SET name = 'Asito Schoonmaak' WHERE slug = 'asito'`,
      );
      await waitFor(
        async () =>
          (await get(app, query)).body.data.locations.nodes.some(
            (n: any) => n.organisation.name === 'Asito Schoonmaak',
          ),
        2000,
        'the new organisation name',
      );
    } finally {
      await app.live.close();
    }
  });
});

describe('bytes kept', () => {
  const SIZE = 300;
  beforeAll(async () => {
    const [big] = await t.database.db
      .insert(editions)
      .values({ slug: 'big-day', name: 'Big day', date: '2027-10-14' })
      .returning();
    const rows: NewLocation[] = Array.from({ length: SIZE + 20 }, (_, i) => ({
      organisationId: fx.asito.id,
      editionId: big!.id,
      name: `Tafel ${i}`,
      city: 'Almelo',
      region: 'NL-OV',
      country: 'NL',
      lat: 52.35 + i / 10_000,
      lng: 6.66,
      meal: 'DINNER' as const,
      description: `Tafel ${i}: ${'soep, brood en gesprekken aan lange tafels. '.repeat(10)}`,
    }));
    await t.database.db.insert(locations).values(rows);
  });

  it('keeps distinct large answers within TAFEL_RESPONSE_CACHE_MAX_BYTES, the least recently used going first, and answers an evicted one again from the database', async () => {
    const maxBytes = 1024 * 1024;
    const store = new AnswerStore({ maxBytes, ttlMs: 60_000 });
    const app = appWith({ responseCacheMaxBytes: maxBytes }, store);
    const query =
      'query Big($first: Int!) { locations(edition: "big-day", first: $first) { nodes { id name description } } }';

    // One answer is counted as the bytes kept for it: its JSON and its serialised GET body.
    const one = await get(app, query, { first: SIZE });
    expect(one.body.data.locations.nodes).toHaveLength(SIZE);
    expect(one.text.length).toBeGreaterThan(150_000);
    expect(store.bytes).toBeGreaterThan(2 * one.text.length);
    expect(store.bytes).toBeLessThan(2 * one.text.length + 4096);

    const answers = new Map<number, string>([[SIZE, one.text]]);
    for (let first = SIZE + 1; first < SIZE + 20; first++) {
      answers.set(first, (await get(app, query, { first })).text);
      expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(store.size).toBeLessThan(2 * 20);

    // The newest is still kept (no SQL); the oldest was let go and comes from the database again, the same.
    t.counter.reset();
    expect((await get(app, query, { first: SIZE + 19 })).text).toBe(answers.get(SIZE + 19));
    expect(t.counter.statements).toEqual([]);
    const again = await get(app, query, { first: SIZE });
    expect(t.counter.statements.length).toBeGreaterThan(0);
    expect(again.body.data.locations.nodes).toHaveLength(SIZE);
    expect(again.text).toBe(answers.get(SIZE));
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
  });

  it('reads its byte bound and age limit from the environment, with defaults of 64 MB and 60 s', () => {
    expect(publicApiConfigFromEnv({})).toMatchObject({
      responseCacheMaxBytes: 64 * 1024 * 1024,
      responseCacheTtlSeconds: 60,
    });
    expect(
      publicApiConfigFromEnv({
        TAFEL_RESPONSE_CACHE_MAX_BYTES: '16mb',
        TAFEL_RESPONSE_CACHE_TTL: '15',
      }),
    ).toMatchObject({ responseCacheMaxBytes: 16 * 1024 * 1024, responseCacheTtlSeconds: 15 });
    expect(() => publicApiConfigFromEnv({ TAFEL_RESPONSE_CACHE_TTL: 'soon' })).toThrow(
      /TAFEL_RESPONSE_CACHE_TTL/,
    );
  });
});
