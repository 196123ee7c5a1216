/**
 * /editions/<slug>: the edition's public venues as an HTML page (open-data/edition-page.ts),
 * cached like the open-data feeds beside it: built once per language until a change to what it
 * shows, kept in the app's answer store, confirmed by its ETag with 304 while kept.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { requireEditionOrError } from '../graphql/types/edition.ts';
import {
  EDITION_PAGE_CSP,
  editionNotFoundPage,
  editionPage,
  pageLang,
} from '../open-data/edition-page.ts';
import { publicVenues } from '../open-data/feeds.ts';
import { fileDependencies, keptFile, type OpenDataOptions } from './open-data.ts';

const PATH = /^\/editions\/([a-z0-9][a-z0-9-]{0,62})\/?$/;

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': EDITION_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function editionPagePlugin(database: Database, options: OpenDataOptions): Plugin {
  const { store } = options;
  return {
    async onRequest({ request, url, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (!match || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const slug = match[1]!;
      const lang = pageLang(url.searchParams.get('lang'));
      const headers = {
        ...HTML_HEADERS,
        'cache-control': `public, max-age=${options.maxAgeSeconds}`,
      };
      const response = await keptFile(
        store,
        request,
        `page ${slug} ${lang}`,
        fileDependencies(slug),
        headers,
        async () => {
          const db = database.readDb;
          const edition = await requireEditionOrError(db, slug);
          if (Array.isArray(edition)) {
            return new Response(editionNotFoundPage(lang), {
              status: 404,
              headers: { ...HTML_HEADERS, 'cache-control': 'no-store' },
            });
          }
          options.editions.remember(edition);
          return editionPage(
            edition,
            await publicVenues(db, edition.id),
            lang,
            options.licence,
            options.publicUrl,
          );
        },
      );
      endResponse(response);
    },
  };
}
