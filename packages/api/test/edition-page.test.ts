/**
 * /editions/<slug>: the edition's public venues as a plain HTML page, read back as a visitor and
 * a search engine would — validated as HTML (html-validate), its JSON-LD expanded by a JSON-LD
 * processor (jsonld) — and compared with what the GraphQL API says of the same venues.
 */
import { eq } from 'drizzle-orm';
import { HtmlValidate } from 'html-validate';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { createApp } from '../src/yoga.ts';
import { openTestDatabase, seedFixture, type TestDb } from './support.ts';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let apiNames: string[];

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  app = createApp({ database: t.database, publicApi: { rateLimit: false } });
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ locations(edition: "nid-test", first: 1000) { nodes { name } } }',
    }),
  });
  apiNames = ((await response.json()) as any).data.locations.nodes.map(
    (v: { name: string }) => v.name,
  );
  expect(apiNames.length).toBe(5);
});
afterAll(() => t.close());

async function page(query = '', headers: Record<string, string> = {}) {
  const response = await app.fetch(`http://tafel.test/editions/nid-test${query}`, { headers });
  return { response, text: await response.text() };
}

/** The schema.org context, served locally: the test must not reach the network. */
const SCHEMA_ORG_CONTEXT = { '@context': { '@vocab': 'https://schema.org/' } };
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org')
    throw new Error(`Unexpected remote context ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

const S = 'https://schema.org/';
type Node = Record<string, any>;

async function events(text: string): Promise<Node[]> {
  const blocks = [
    ...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  const expanded = (await jsonld.expand(JSON.parse(blocks[0]!), {
    documentLoader: documentLoader as any,
  })) as Node[];
  return expanded.filter((node) => node['@type']?.includes(`${S}Event`));
}
const value = (node: Node, property: string) => node[`${S}${property}`]?.[0]?.['@value'];

describe('the edition page', () => {
  it('lists exactly the public venues the API has, never a draft', async () => {
    const { response, text } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const headings = [...text.matchAll(/<h2 id="[^"]+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings.sort()).toEqual([...apiNames].sort());
    expect(text).not.toContain('Concept lunch');
    expect(text).not.toContain('Vorig jaar');
  });

  it('shows a sensitive venue at its town only, marked approximate, without street or postal code', async () => {
    const { text } = await page();
    expect(text).toContain('Ontbijt AZC Almelo');
    expect(text).not.toContain('Geheimweg');
    expect(text).not.toContain('7602 AA');
    expect(text).not.toContain('52.36789');
    const article = /<article[^>]*><h2[^>]*>Ontbijt AZC Almelo<\/h2>[\s\S]*?<\/article>/.exec(
      text,
    )![0];
    expect(article).toContain('Almelo');
    expect(article).toContain('de plaats is bij benadering');
    // An open venue keeps its address.
    expect(text).toContain('Stadsplateau 1, 3521 AZ Utrecht');
  });

  it('gives times in the edition time zone and labels in the page language', async () => {
    const nl = (await page()).text;
    expect(nl).toMatch(/<html lang="nl">/);
    expect(nl).toContain('>12:00</time>–<time datetime="2027-10-14T12:00:00.000Z">14:00</time>');
    expect(nl).toContain('Vluchtelingen, Ouderen');
    expect(nl).toContain('120 van 150');
    const en = (await page('?lang=en')).text;
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('Refugees, Elderly people');
    expect(en).toContain('Register for Stadhuis Utrecht');
    expect((await page('?lang=de')).text).toContain('Geflüchtete, Ältere Menschen');
    expect((await page('?lang=da')).text).toContain('Flygtninge, Ældre');
  });

  it('falls back to Dutch on an unknown language, without an error', async () => {
    for (const lang of ['fr', '', 'EN', '<script>']) {
      const { response, text } = await page(`?lang=${encodeURIComponent(lang)}`);
      expect(response.status).toBe(200);
      expect(text).toMatch(/<html lang="nl">/);
    }
  });

  it('validates as HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const query of ['', '?lang=en']) {
      const { response, text } = await page(query);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(text).toContain('<main>');
      const report = await validator.validateString(text);
      expect(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
      ).toEqual([]);
    }
    const missing = await (await app.fetch('http://tafel.test/editions/no-such-day')).text();
    expect(missing).toContain('<main>');
    const notFound = await validator.validateString(missing);
    expect(
      notFound.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });

  it('carries one schema.org Event per venue that a JSON-LD processor reads back', async () => {
    const found = await events((await page()).text);
    expect(
      found
        .map(
          (e) => value(e, 'location')?.toString() ?? e[`${S}location`][0][`${S}name`][0]['@value'],
        )
        .sort(),
    ).toEqual([...apiNames].sort());
    const stadhuis = found.find(
      (e) => e[`${S}location`][0][`${S}name`][0]['@value'] === 'Stadhuis Utrecht',
    )!;
    expect(value(stadhuis, 'name')).toBe('Stadhuis Utrecht (Lunch)');
    expect(value(stadhuis, 'startDate')).toBe('2027-10-14T10:00:00.000Z');
    expect(value(stadhuis, 'url')).toBe('https://example.org/utrecht');
    const azc = found.find(
      (e) => e[`${S}location`][0][`${S}name`][0]['@value'] === 'Ontbijt AZC Almelo',
    )!;
    const address = azc[`${S}location`][0][`${S}address`][0];
    expect(address[`${S}streetAddress`]).toBeUndefined();
    expect(address[`${S}postalCode`]).toBeUndefined();
    expect(address[`${S}addressLocality`][0]['@value']).toBe('Almelo');
    // A venue without a time is an event on the edition's day.
    expect(value(azc, 'startDate')).toBe('2027-10-14');
  });

  it('cannot be broken out of by a venue text, and links only web addresses', async () => {
    const id = fx.locations['Buurthuis De Ster']!.id;
    const hostile = '</script><script>alert(1)</script><!-- & "quotes"';
    await t.database.db
      .update(locations)
      .set({ description: hostile, registrationUrl: 'javascript:alert(1)' })
      .where(eq(locations.id, id));
    app.caches.answers.invalidate(null);
    try {
      const { text } = await page();
      expect(text).not.toContain('<script>alert(1)');
      expect(text.match(/<\/script>/g)).toHaveLength(1);
      expect(text).not.toContain('javascript:');
      const ster = (await events(text)).find(
        (e) => e[`${S}location`][0][`${S}name`][0]['@value'] === 'Buurthuis De Ster',
      )!;
      expect(value(ster, 'description')).toBe(hostile);
      expect(ster[`${S}url`]).toBeUndefined();
    } finally {
      await t.database.db
        .update(locations)
        .set({ description: null, registrationUrl: null })
        .where(eq(locations.id, id));
      app.caches.answers.invalidate(null);
    }
  });

  it('is cached like the open data: an ETag, max-age, 304, and a strict policy', async () => {
    const first = await page();
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect(first.response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(first.response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect((await page('', { 'if-none-match': etag })).response.status).toBe(304);
    // Another language is another answer.
    expect((await page('?lang=en')).response.headers.get('etag')).not.toBe(etag);
    // A write makes the kept page old.
    app.caches.answers.invalidate(null);
    expect((await page('', { 'if-none-match': etag })).response.status).toBe(200);
  });

  it('answers an unknown edition with a 404 page', async () => {
    const response = await app.fetch('http://tafel.test/editions/no-such-day?lang=en');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('<h1>Not found</h1>');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
