/**
 * Everything that lets the API face the open internet, as yoga plugins in the order they act on
 * a request: the gate (key, rate limit, body size), CORS and CSRF, persisted operations, the
 * response cache and HTTP caching headers, the query limits, the open-data feeds and the
 * edition's page.
 */
import type { Plugin } from 'graphql-yoga';
import type { KeyCache } from '../auth/key-cache.ts';
import type { Database } from '../db/client.ts';
import { queryLimitsPlugins } from '../graphql/limits.ts';
import type { EditionIds } from '../locations/editions.ts';
import { type AnswerStore, cacheHeadersPlugin, responseCachePlugins } from './cache.ts';
import type { PublicApiConfig } from './config.ts';
import { corsPlugin, csrfPlugin } from './cors.ts';
import { editionPagePlugin } from './edition-page.ts';
import { gatePlugin } from './gate.ts';
import { openDataPlugin } from './open-data.ts';
import { persistedOperationsPlugin } from './persisted.ts';

/**
 * `keys`, `store` and `editions` are the app's (yoga.ts builds them once): the key cache the gate
 * authenticates with, the editions by slug, and the one store, bounded in bytes, for everything this app keeps of its
 * public answers — answers to queries, the open-data feeds and the edition's page.
 */
export function publicApiPlugins(
  database: Database,
  keys: KeyCache,
  config: PublicApiConfig,
  store: AnswerStore,
  editions: EditionIds,
): Plugin[] {
  const openData = {
    licence: config.licence,
    maxAgeSeconds: config.maxAgeSeconds,
    publicUrl: config.publicUrl,
    store,
    editions,
    mixingMinGroup: config.mixingMinGroup,
  };
  return [
    gatePlugin(database, keys, config),
    corsPlugin(),
    csrfPlugin(),
    persistedOperationsPlugin(),
    ...(config.responseCache ? responseCachePlugins(store) : []),
    cacheHeadersPlugin(config.maxAgeSeconds, config.countsStaleMs),
    ...queryLimitsPlugins(),
    openDataPlugin(database, openData),
    editionPagePlugin(database, openData),
  ];
}
