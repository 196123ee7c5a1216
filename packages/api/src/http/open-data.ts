/**
 * The open-data feeds of an edition, cacheable like the API's public reads:
 *
 *   /editions/<slug>/locations.geojson   GeoJSON FeatureCollection
 *   /editions/<slug>/locations.csv       CSV with a header row
 *   /editions/<slug>/locations.ics       iCalendar, one event per venue's meal
 *
 * Each answer is built once per cache generation (see cache.ts) and served from memory until the
 * next write; its ETag answers If-None-Match with 304.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { requireEditionOrError } from '../graphql/types/edition.ts';
import { publicVenues, toCsv, toGeoJson, toICalendar, type Licence } from '../open-data/feeds.ts';
import { cacheGeneration, etagFor } from './cache.ts';
import { refusal } from './gate.ts';

const FORMATS = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  ics: 'text/calendar; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

const PATH = /^\/editions\/([a-z0-9][a-z0-9-]{0,62})\/locations\.(geojson|csv|ics)$/;

/** Built feeds by ETag; only the current generation's are ever read. */
const MAX_KEPT = 50;

export function openDataPlugin(database: Database, options: { licence: Licence; maxAgeSeconds: number }): Plugin {
  const built = new Map<string, string>();

  async function build(slug: string, format: Format, baseUrl: string): Promise<string | Response> {
    const db = database.readDb;
    const edition = await requireEditionOrError(db, slug);
    if (Array.isArray(edition)) return refusal(404, 'NOT_FOUND', `No edition with slug "${slug}".`);
    const venues = await publicVenues(db, edition.id);
    if (format === 'geojson') return JSON.stringify(toGeoJson(edition, venues, options.licence));
    if (format === 'csv') return toCsv(edition, venues, options.licence);
    return toICalendar(edition, venues, options.licence, baseUrl);
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
      if (!headers.link) delete headers.link;
      if (request.headers.get('if-none-match')?.split(/\s*,\s*/).includes(etag)) {
        return endResponse(new Response(null, { status: 304, headers }));
      }
      let body = built.get(etag);
      if (body === undefined) {
        const result = await build(slug, format, url.origin);
        if (result instanceof Response) return endResponse(result);
        body = result;
        if (generation === cacheGeneration()) {
          for (const key of built.keys()) if (!key.startsWith(`"${generation}-`) || built.size >= MAX_KEPT) built.delete(key);
          built.set(etag, body);
        }
      }
      endResponse(new Response(body, { status: 200, headers: { ...headers, 'content-type': FORMATS[format] } }));
    },
  };
}
