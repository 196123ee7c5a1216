/**
 * The open-data feeds of an edition, cacheable like the API's public reads:
 *
 *   /editions/<slug>/locations.geojson   GeoJSON FeatureCollection
 *   /editions/<slug>/locations.csv       CSV with a header row
 *   /editions/<slug>/locations.ics       iCalendar, one event per venue's meal
 *   /editions/<slug>/stats.csv           totals and every breakdown, present and expected
 *   /editions/<slug>/timeline.csv        people present over the day, per 15 minutes
 *   /editions/<slug>/mixing.csv          the measure of mixing: per edition, region and venue
 *   /editions/<slug>/measures.csv        what its federation counts beside people, per organisation
 *   /editions/<slug>/outcomes.csv        what came of it: closing reports' totals, per edition and region
 *   /editions/<slug>/stories.csv         the stories staff published (also as stories.json)
 *
 * Each answer is built once and served from the app's answer store until a change to what it
 * shows (its edition's venues or counts, editions, organisations) or until the store lets it go;
 * while kept, its ETag answers If-None-Match with 304. Absolute URLs in the feeds start with the configured public URL, never
 * with the request's Host, which the client chooses and the kept answer would hand to everyone.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import type { Dependencies } from '../graphql/dependencies.ts';
import { encodeGlobalId } from '../graphql/global-id.ts';
import { type EditionIds, editionBySlug, unknownEdition } from '../locations/editions.ts';
import { measureTotals } from '../locations/measures.ts';
import { computeMixing, minGroupOf, venueMixingRows } from '../locations/mixing.ts';
import { computeOutcomes, outcomesByRegion } from '../locations/outcomes.ts';
import { computeStats, computeTimeline } from '../locations/stats.ts';
import { publishedStories } from '../locations/stories.ts';
import {
  type Licence,
  publicProgrammes,
  publicVenues,
  toCsv,
  toGeoJson,
  toICalendar,
} from '../open-data/feeds.ts';
import { toOutcomesCsv, toStoriesCsv, toStoriesJson } from '../open-data/outcomes-files.ts';
import { toMeasuresCsv, toMixingCsv, toStatsCsv, toTimelineCsv } from '../open-data/stats-files.ts';
import type { AnswerStore } from './cache.ts';
import { refusal } from './gate.ts';

const FORMATS = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

const PATH =
  /^\/editions\/([a-z0-9][a-z0-9-]{0,62})\/(locations|stats|timeline|mixing|measures|outcomes|stories)\.(geojson|csv|ics|json)$/;
type File = 'locations' | 'stats' | 'timeline' | 'mixing' | 'measures' | 'outcomes' | 'stories';
/** The timeline file's interval, as the API's default. */
const TIMELINE_MINUTES = 15;

export interface OpenDataOptions {
  licence: Licence;
  maxAgeSeconds: number;
  /** The base of absolute URLs in the feeds (config's publicUrl). */
  publicUrl: string;
  /** Where built feeds are kept. */
  store: AnswerStore;
  /** The app's editions by slug: told of each edition a feed is built for, so that its changes find the feed. */
  editions: EditionIds;
  /** The least group size of the measure of mixing where an edition sets none (TAFEL_MIXING_MIN_GROUP). */
  mixingMinGroup: number;
}

/** What a file of an edition's public venues shows: exact, so counts let it go at once too. */
export function fileDependencies(slug: string): Dependencies {
  return { tags: ['editions', 'organisations', `venues:${slug}`, `counts:${slug}`], counts: [] };
}

/**
 * A file kept in the store under `key`: a 304 when the request's If-None-Match names the kept
 * one, else its bytes, built by `build` when none is kept (a Response from it is a refusal, sent
 * as it is). The ETag goes with the answer only while it is kept.
 */
export async function keptFile(
  store: AnswerStore,
  request: Request,
  key: string,
  deps: Dependencies,
  headers: Record<string, string>,
  build: () => Promise<string | Response>,
): Promise<Response> {
  const found = store.lookup(key);
  if (found.use === 'fresh') {
    const { kept } = found;
    // Confirmed only while kept: an answer past the store's age limit may hide a change nobody announced.
    if (
      request.headers
        .get('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(kept.etag)
    )
      return new Response(null, { status: 304, headers: { ...headers, etag: kept.etag } });
    return new Response(kept.body, { status: 200, headers: { ...headers, etag: kept.etag } });
  }
  // Taken before reading: a write during the build makes this answer old at once.
  const mark = store.mark();
  try {
    const result = await build();
    if (result instanceof Response) return result;
    const body = new TextEncoder().encode(result);
    const kept = store.set(key, { body, headers: {} }, deps, mark);
    return new Response(body, {
      status: 200,
      headers: kept ? { ...headers, etag: kept.etag } : headers,
    });
  } finally {
    // A refusal, or a build that failed, leaves nothing for others to wait for.
    store.release(key);
  }
}

export function openDataPlugin(database: Database, options: OpenDataOptions): Plugin {
  const { store } = options;

  async function build(slug: string, file: File, format: Format): Promise<string | Response> {
    const db = database.readDb;
    const edition = await editionBySlug(db, slug);
    if (!edition) return refusal(404, 'NOT_FOUND', unknownEdition(slug).message);
    options.editions.remember(edition);
    if (file === 'stats')
      return toStatsCsv(edition, await computeStats(db, edition.id, {}), options.licence);
    if (file === 'measures')
      return toMeasuresCsv(edition, await measureTotals(db, edition.id), options.licence);
    if (file === 'mixing') {
      const minGroup = minGroupOf(edition, options.mixingMinGroup);
      const [mixing, venues, summary] = await Promise.all([
        computeMixing(db, edition.id, {}, minGroup),
        venueMixingRows(db, edition.id, minGroup),
        computeStats(db, edition.id, {}),
      ]);
      const byId = venues.map((v) => ({ id: encodeGlobalId('Location', v.id), roles: v.roles }));
      return toMixingCsv(edition, mixing, byId, summary, options.licence);
    }
    if (file === 'outcomes') {
      const [total, byRegion] = await Promise.all([
        computeOutcomes(db, edition.id),
        outcomesByRegion(db, edition.id),
      ]);
      return toOutcomesCsv(edition, total, byRegion, options.licence);
    }
    if (file === 'stories') {
      const stories = await publishedStories(db, edition.id);
      return format === 'json'
        ? toStoriesJson(edition, stories, options.licence)
        : toStoriesCsv(edition, stories, options.licence);
    }
    if (file === 'timeline') {
      const [points, summary] = await Promise.all([
        computeTimeline(db, edition.id, {}, TIMELINE_MINUTES),
        computeStats(db, edition.id, {}),
      ]);
      return toTimelineCsv(edition, points, TIMELINE_MINUTES, summary, options.licence);
    }
    const venues = await publicVenues(db, edition.id);
    if (format === 'geojson') return JSON.stringify(toGeoJson(edition, venues, options.licence));
    if (format === 'csv') return toCsv(edition, venues, options.licence);
    return toICalendar(
      edition,
      venues,
      options.licence,
      options.publicUrl,
      await publicProgrammes(db, venues),
    );
  }

  return {
    async onRequest({ request, url, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (!match || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const [, slug, file, format] = match as unknown as [string, string, File, Format];
      // Venues come as GeoJSON, CSV and iCalendar; stories as CSV and JSON; numbers as CSV only.
      if (
        file === 'locations'
          ? format === 'json'
          : file === 'stories'
            ? format !== 'csv' && format !== 'json'
            : format !== 'csv'
      )
        return;
      const headers: Record<string, string> = {
        'cache-control': `public, max-age=${options.maxAgeSeconds}`,
        'content-type': FORMATS[format],
        link: options.licence.url ? `<${options.licence.url}>; rel="license"` : '',
        'content-disposition': `inline; filename="${slug}-${file}.${format}"`,
        'x-content-type-options': 'nosniff',
      };
      if (!headers['link']) delete headers['link'];
      endResponse(
        await keptFile(
          store,
          request,
          `file ${slug} ${file} ${format}`,
          fileDependencies(slug),
          headers,
          () => build(slug, file, format),
        ),
      );
    },
  };
}
