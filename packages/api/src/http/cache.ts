/**
 * Caching of public reads. Inside the API, a response cache (graphql-yoga's) answers an identical
 * anonymous query from memory, before parsing and without SQL. Outside, anonymous GET answers
 * carry an ETag and `Cache-Control: public, max-age` so browsers and a CDN reuse them and
 * revalidate cheaply (304). Keyed requests are never cached nor shared.
 *
 * Invalidation is global and by generation: every write that can change a public read — any
 * GraphQL mutation, any venue write (locations/write.ts), and any participation or venue change
 * announced on the live channel by this or another API process — starts a new generation, and
 * answers of older generations are neither served nor confirmed by their ETags. On the event day
 * one edition takes nearly all writes, so a finer, per-edition invalidation would save little.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/client.ts';
import { LIVE_CHANNEL, PUBLIC_CHANNEL } from '../live/notice.ts';
import { isAnonymous } from '../graphql/limits.ts';
import { GRAPHQL_PATH } from './gate.ts';
import { persistedOperations } from './persisted.ts';

/** Distinguishes this process's ETags from another's (and from before a restart). */
const epoch = randomBytes(4).toString('hex');
let generation = 0;

/** The current generation's tag; part of every cache key and ETag. */
export function cacheGeneration(): string {
  return `${epoch}.${generation}`;
}

/**
 * Forget every cached public read, in this process. Call it after a write commits; the write's
 * NOTIFY on the live channel tells the other API processes (see followWrites).
 */
export function invalidatePublicReads(): void {
  generation++;
}

/**
 * Invalidate on every notice on the live channel (participation and venue changes) and on the
 * public channel (editions and organisations), committed by any process on the same database.
 * Returns the unsubscribe function.
 */
export async function followWrites(database: Database): Promise<() => Promise<void>> {
  const unfollow = await Promise.all([LIVE_CHANNEL, PUBLIC_CHANNEL].map((channel) => database.listen(channel, () => invalidatePublicReads())));
  return async () => void (await Promise.all(unfollow.map((stop) => stop())));
}

/** A quoted ETag for what these parts name, in this generation. */
export function etagFor(...parts: string[]): string {
  return `"${cacheGeneration()}-${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;
}

/** A kept answer: its bytes and the headers to send them with. */
export interface StoredAnswer {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

export interface AnswerStoreOptions {
  /** The most bytes kept; the least recently used answers go first. */
  maxBytes: number;
  /** The most milliseconds an answer is kept. */
  ttlMs: number;
}

/** Bookkeeping per entry beside its body (key, headers, the map's own nodes), counted with it. */
const ENTRY_OVERHEAD = 512;

/**
 * The answers of one app, by key (an ETag, or a key starting with one), bounded in bytes and age.
 * Only the current generation's are served or taken; older ones are dropped at the next store.
 */
export class AnswerStore {
  readonly #entries: LRUCache<string, StoredAnswer>;
  #generation = cacheGeneration();

  constructor({ maxBytes, ttlMs }: AnswerStoreOptions) {
    this.#entries = new LRUCache<string, StoredAnswer>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (answer, key) => answer.body.byteLength + key.length + ENTRY_OVERHEAD,
      ttl: Math.max(1, ttlMs),
    });
  }

  get(key: string): StoredAnswer | undefined {
    return current(key) ? this.#entries.get(key) : undefined;
  }

  has(key: string): boolean {
    return current(key) && this.#entries.has(key);
  }

  /** Keep an answer of the current generation (one larger than the whole store is not kept). */
  set(key: string, answer: StoredAnswer): void {
    if (!current(key)) return;
    if (this.#generation !== cacheGeneration()) {
      this.#entries.clear();
      this.#generation = cacheGeneration();
    }
    this.#entries.set(key, answer);
  }

  /** The bytes the kept answers are counted as, at most maxBytes. */
  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  get size(): number {
    return this.#entries.size;
  }
}

function current(key: string): boolean {
  return key.startsWith(`"${cacheGeneration()}-`);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The response cache's store, keeping each execution result as its JSON bytes. */
function resultCache(store: AnswerStore): Cache {
  return {
    get: (key) => {
      const hit = store.get(key);
      return hit ? JSON.parse(decoder.decode(hit.body)) : undefined;
    },
    set: (key, value) => store.set(key, { body: encoder.encode(JSON.stringify(value)), headers: {} }),
    invalidate: () => undefined,
  };
}

/** Did this request come for a cacheable public read? (A live subscription is not one.) */
function cacheable(request: Request): boolean {
  return isAnonymous(request) && (request.method === 'GET' || request.method === 'POST') && !request.headers.get('accept')?.includes('text/event-stream');
}

export function responseCachePlugins(store: AnswerStore): Plugin[] {
  return [resultCachePlugin(store), serialisedAnswersPlugin(store)];
}

/** The cache key (and ETag) of a request's operation, as the response cache computes it. */
function cacheKey(documentString: string, variableValues: unknown, operationName: string | null | undefined): string {
  return etagFor(documentString, JSON.stringify(variableValues ?? {}), operationName ?? '');
}

/** graphql-yoga's response cache: the execution result, before parsing, validation and SQL. */
function resultCachePlugin(store: AnswerStore): Plugin {
  return useResponseCache({
    session: () => null,
    enabled: (request) => cacheable(request),
    // The store bounds the answers' age and bytes.
    cache: resultCache(store),
    invalidateViaMutation: false,
    // The key doubles as the ETag: quoted, and tied to the generation. The plugin asks for it on
    // every request; one it will not serve (a member's write, say) is spared the hashing.
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) => (cacheable(request) ? cacheKey(documentString, variableValues, operationName) : ''),
  });
}

/** The key of a GET request's operation, from its URL alone; null if it has none. */
function keyOfGet(url: URL): string | null {
  const params = url.searchParams;
  try {
    let query = params.get('query');
    if (!query) {
      const extensions = JSON.parse(params.get('extensions') ?? 'null') as { persistedQuery?: { sha256Hash?: unknown } } | null;
      const hash = extensions?.persistedQuery?.sha256Hash;
      query = typeof hash === 'string' ? (persistedOperations.get(hash) ?? null) : null;
    }
    if (!query) return null;
    const variables = params.get('variables');
    return cacheKey(query, variables ? JSON.parse(variables) : undefined, params.get('operationName'));
  } catch {
    return null;
  }
}

/**
 * The serialised answers to anonymous GETs, the widget's and a CDN's way: a hit is one lookup
 * and the stored bytes, without serialising the result again (a map of the edition is ~190 KB),
 * and a revalidation with the answer's ETag is a 304 from the same lookup. Only answers of the
 * current generation whose ETag is their request's cache key are kept.
 */
function serialisedAnswersPlugin(store: AnswerStore): Plugin {
  const slot = (key: string, request: Request) => `${key}|${request.headers.get('accept') ?? ''}`;
  const eligible = (request: Request, url: URL) => request.method === 'GET' && url.pathname === GRAPHQL_PATH && cacheable(request);
  return {
    onRequest({ request, url, endResponse }) {
      if (!eligible(request, url)) return;
      const key = keyOfGet(url);
      const hit = key === null ? undefined : store.get(slot(key, request));
      if (!key || !hit) return;
      if (request.headers.get('if-none-match') === key) {
        endResponse(new Response(null, { status: 304, headers: { etag: key, ...(hit.headers['last-modified'] ? { 'last-modified': hit.headers['last-modified'] } : {}) } }));
      } else {
        endResponse(new Response(hit.body, { status: 200, headers: hit.headers }));
      }
    },
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      if (response.status !== 200 || !eligible(request, url)) return;
      const etag = response.headers.get('etag');
      if (!etag || etag !== keyOfGet(url) || !current(etag) || store.has(slot(etag, request))) return;
      const body = new Uint8Array(await response.clone().arrayBuffer());
      const headers: Record<string, string> = { 'content-type': response.headers.get('content-type') ?? 'application/json', etag };
      const lastModified = response.headers.get('last-modified');
      if (lastModified) headers['last-modified'] = lastModified;
      store.set(slot(etag, request), { body, headers });
    },
  };
}

/** Any mutation that ran (whatever its outcome) starts a new generation once it is done. */
export function invalidateOnMutation(): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => invalidatePublicReads() };
    },
  };
}

/**
 * HTTP caching headers on GraphQL answers: anonymous GET reads (and their 304s) are public for a
 * short while; everything with a key is private and not stored; the rest is not stored.
 */
export function cacheHeadersPlugin(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      if (new URL(request.url).pathname !== GRAPHQL_PATH) return;
      const headers = response.headers;
      if (!isAnonymous(request)) {
        headers.set('cache-control', 'private, no-store');
        headers.delete('etag');
        headers.delete('last-modified');
      } else if ((request.method === 'GET' || request.method === 'HEAD') && (response.status === 304 || (response.status === 200 && headers.has('etag')))) {
        headers.set('cache-control', `public, max-age=${maxAgeSeconds}`);
        headers.append('vary', 'Accept, Authorization');
      } else if (!headers.has('cache-control')) {
        headers.set('cache-control', 'no-store');
      }
    },
  };
}
