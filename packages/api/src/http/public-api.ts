/**
 * Everything that lets the API face the open internet, as yoga plugins in the order they act on
 * a request: the gate (key, rate limit, body size), CORS and CSRF, persisted operations, the
 * response cache and HTTP caching headers, the query limits, the open-data feeds and the
 * edition's page.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { queryLimitsPlugins } from '../graphql/limits.ts';
import { shareStatsCache } from '../locations/stats-cache.ts';
import { AnswerStore, cacheHeadersPlugin, invalidateOnMutation, responseCachePlugins } from './cache.ts';
import { publicApiConfigFromEnv, type PublicApiConfig } from './config.ts';
import { corsPlugin, csrfPlugin } from './cors.ts';
import { gatePlugin } from './gate.ts';
import { editionPagePlugin } from './edition-page.ts';
import { openDataPlugin } from './open-data.ts';
import { persistedOperationsPlugin } from './persisted.ts';

export function publicApiPlugins(database: Database, overrides: Partial<PublicApiConfig> = {}, answerStore?: AnswerStore): Plugin[] {
  const config = { ...publicApiConfigFromEnv(), ...overrides };
  // Stats are counted on the public-read pool whoever asks; writes invalidate them through any pool.
  // On the primary's even with a read replica: the cache refills when a write is announced, which a
  // replica may not have replayed yet; and as stats are kept until the next write, the primary
  // counts them once per write, not once per read.
  shareStatsCache(database.primaryReadDb, database.readDb, database.db);
  // One bound for everything this app keeps: answers to queries, the open-data feeds and the edition's page.
  const store = answerStore ?? new AnswerStore({ maxBytes: config.responseCacheMaxBytes, ttlMs: config.responseCacheTtlSeconds * 1000 });
  const openData = { licence: config.licence, maxAgeSeconds: config.maxAgeSeconds, publicUrl: config.publicUrl, store };
  return [
    gatePlugin(database, config),
    corsPlugin(),
    csrfPlugin(),
    persistedOperationsPlugin(),
    ...(config.responseCache ? responseCachePlugins(store) : []),
    cacheHeadersPlugin(config.maxAgeSeconds),
    invalidateOnMutation(),
    ...queryLimitsPlugins(),
    openDataPlugin(database, openData),
    editionPagePlugin(database, openData),
  ];
}
