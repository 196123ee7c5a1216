/**
 * The open-data feeds of an edition, cacheable like the API's public reads:
 *
 *   /editions/<slug>/locations.geojson   GeoJSON FeatureCollection
 *   /editions/<slug>/locations.csv       CSV with a header row
 *   /editions/<slug>/locations.ics       iCalendar, one event per venue's meal
 *
 * Each answer is built once per cache generation (see cache.ts) and served from the app's answer
 * store until the next write (or until the store lets it go); while kept, its ETag answers
 * If-None-Match with 304. Absolute URLs in the feeds start with the configured public URL, never
 * with the request's Host, which the client chooses and the kept answer would hand to everyone.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { editionBySlug, unknownEdition } from '../locations/editions.ts';
import { publicVenues, toCsv, toGeoJson, toICalendar, type Licence } from '../open-data/feeds.ts';
import { cacheGeneration, etagFor, type AnswerStore } from './cache.ts';
import { refusal } from './gate.ts';

const FORMATS = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  ics: 'text/calendar; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

const PATH = /^\/editions\/([a-z0-9][a-z0-9-]{0,62})\/locations\.(geojson|csv|ics)$/;

export interface OpenDataOptions {
  licence: Licence;
  maxAgeSeconds: number;
  /** The base of absolute URLs in the feeds (config's publicUrl). */
  publicUrl: string;
  /** Where built feeds are kept, by ETag. */
  store: AnswerStore;
}

/**
 * The answer store's key of a feed or page. The response cache keeps its query results under the
 * bare ETag and reads any answer found under an If-None-Match ETag as JSON, so a CSV, iCalendar
 * or HTML body kept there would fail it; a key beside the ETag is found only by its own route.
 */
export function fileKey(etag: string): string {
  return `${etag} file`;
}

export function openDataPlugin(database: Database, options: OpenDataOptions): Plugin {
  const { store } = options;

  async function build(slug: string, format: Format): Promise<string | Response> {
    const db = database.readDb;
    const edition = await editionBySlug(db, slug);
    if (!edition) return refusal(404, 'NOT_FOUND', unknownEdition(slug).message);
    const venues = await publicVenues(db, edition.id);
    if (format === 'geojson') return JSON.stringify(toGeoJson(edition, venues, options.licence));
    if (format === 'csv') return toCsv(edition, venues, options.licence);
    return toICalendar(edition, venues, options.licence, options.publicUrl);
  }

  return {
    async onRequest({ request, url, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (!match || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const [, slug, format] = match as unknown as [string, string, Format];
      // Taken before reading: a write during the build makes this answer old at once.
      const generation = cacheGeneration();
      const etag = etagFor(slug, format);
      const headers: Record<string, string> = {
        'cache-control': `public, max-age=${options.maxAgeSeconds}`,
        etag,
        link: options.licence.url ? `<${options.licence.url}>; rel="license"` : '',
        'content-disposition': `inline; filename="${slug}-locations.${format}"`,
        'x-content-type-options': 'nosniff',
      };
      if (!headers['link']) delete headers['link'];
      let body = store.get(fileKey(etag))?.body;
      // Confirmed only while kept: an answer past the store's age limit may hide a change nobody announced.
      if (body && request.headers.get('if-none-match')?.split(/\s*,\s*/).includes(etag)) {
        return endResponse(new Response(null, { status: 304, headers }));
      }
      if (body === undefined) {
        const result = await build(slug, format);
        if (result instanceof Response) return endResponse(result);
        body = new TextEncoder().encode(result);
        if (generation === cacheGeneration()) store.set(fileKey(etag), { body, headers: {} });
      }
      endResponse(new Response(body, { status: 200, headers: { ...headers, 'content-type': FORMATS[format] } }));
    },
  };
}
