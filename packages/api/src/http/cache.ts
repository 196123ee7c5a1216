/**
 * Caching of public reads. Inside the API, the app's answer store (answer-store.ts) answers an
 * identical anonymous query from memory, before parsing and without SQL: a GET from its
 * serialised bytes (one lookup, no serialising a ~190 KB map again), a POST from its result.
 * Outside, anonymous GET answers carry an ETag and `Cache-Control: public, max-age` so browsers
 * and a CDN reuse them and revalidate cheaply (304). Keyed requests are never cached nor shared.
 *
 * Each answer is kept with what it depends on (graphql/dependencies.ts) and let go when the app's
 * live hub hears of a change to that; an answer that shows live counts may be served up to
 * `countsStaleMs` after a count it shows changed, while one request computes it afresh, and its
 * `max-age` is never longer than that bound (0 while it is stale). `X-Tafel-Cache` says how an
 * anonymous answer was served: `hit`, `stale` (within the bound) or `miss` (computed).
 */
import { createHash } from 'node:crypto';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { type Dependencies, dependenciesOf, NEVER_KEPT } from '../graphql/dependencies.ts';
import { isAnonymous } from '../graphql/limits.ts';
import { serialised } from '../graphql/read/splice.ts';
import type { AnswerStore, Lookup, Mark } from './answer-store.ts';
import { GRAPHQL_PATH } from './gate.ts';
import { persistedOperations } from './persisted.ts';

export { AnswerStore, type Kept, type StoredAnswer } from './answer-store.ts';

/** Did this request come for a cacheable public read? (A live subscription is not one.) */
function cacheable(request: Request): boolean {
  return (
    isAnonymous(request) &&
    (request.method === 'GET' || request.method === 'POST') &&
    !request.headers.get('accept')?.includes('text/event-stream')
  );
}

/** The cache key of an operation: its text, variables and name. */
export function cacheKey(
  documentString: string,
  variableValues: unknown,
  operationName: string | null | undefined,
): string {
  return createHash('sha256')
    .update(
      [documentString, JSON.stringify(variableValues ?? {}), operationName ?? ''].join('\u0000'),
    )
    .digest('base64url');
}

/** The key of a GET request's operation, from its URL alone; null if it has none. */
function keyOfGet(url: URL): string | null {
  const params = url.searchParams;
  try {
    let query = params.get('query');
    if (!query) {
      const extensions = JSON.parse(params.get('extensions') ?? 'null') as {
        persistedQuery?: { sha256Hash?: unknown };
      } | null;
      const hash = extensions?.persistedQuery?.sha256Hash;
      query = typeof hash === 'string' ? (persistedOperations.get(hash) ?? null) : null;
    }
    if (!query) return null;
    const variables = params.get('variables');
    return cacheKey(
      query,
      variables ? JSON.parse(variables) : undefined,
      params.get('operationName'),
    );
  } catch {
    return null;
  }
}

/** What the cache knows of one request, from its first hook to its response. */
interface RequestState {
  /** The operation's key. */
  key?: string;
  /** What its answer depends on: of the answer served, or of the operation once it executes. */
  deps?: Dependencies;
  /** Served an answer whose counts changed since (within the bound). */
  stale?: boolean;
  /** Served a kept answer (fresh or stale). */
  served?: boolean;
  /** Taken before its answer was computed (or found up to date): the answer may be kept. */
  mark?: Mark;
  /** Keys this request computes afresh while others are served the stale answer. */
  refreshes: string[];
}

const states = new WeakMap<Request, RequestState>();

function stateOf(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    state = { refreshes: [] };
    states.set(request, state);
  }
  return state;
}

const decoder = new TextDecoder();

/** The longest one wait for another request's computation lasts. */
const WAIT_MS = 5_000;

/** Look up a key, waiting (a few times at most) while another request computes its answer. */
async function lookup(store: AnswerStore, key: string): Promise<Exclude<Lookup, { use: 'wait' }>> {
  for (let i = 0; ; i++) {
    const found = store.lookup(key);
    if (found.use !== 'wait') return found;
    if (i === 3) return { use: 'compute' };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      found.until,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_MS))),
    ]);
    clearTimeout(timer);
  }
}

/** Note a lookup's outcome; true if it gave an answer to serve. */
function served(
  state: RequestState,
  key: string,
  found: Exclude<Lookup, { use: 'wait' }>,
): found is Extract<Lookup, { use: 'fresh' | 'stale' }> {
  if (found.use === 'compute') {
    if (found.refresh) state.refreshes.push(key);
    return false;
  }
  state.deps = found.kept.deps;
  state.stale = found.use === 'stale';
  state.served = true;
  return true;
}

export function responseCachePlugins(store: AnswerStore): Plugin[] {
  const slot = (key: string, request: Request) => `${key}|${request.headers.get('accept') ?? ''}`;
  const eligibleGet = (request: Request, url: URL) =>
    request.method === 'GET' && url.pathname === GRAPHQL_PATH && cacheable(request);
  return [
    {
      // A GET: its serialised answer, or a 304 for its ETag, from one lookup.
      async onRequest({ request, url, endResponse }) {
        if (!eligibleGet(request, url)) return;
        const key = keyOfGet(url);
        if (!key) return;
        const state = stateOf(request);
        state.key = key;
        const found = await lookup(store, slot(key, request));
        if (!served(state, slot(key, request), found)) return;
        const { kept } = found;
        const how = { 'x-tafel-cache': found.use === 'fresh' ? 'hit' : 'stale' };
        if (request.headers.get('if-none-match') === kept.etag) {
          endResponse(
            new Response(null, {
              status: 304,
              headers: {
                etag: kept.etag,
                ...how,
                ...(kept.headers['last-modified']
                  ? { 'last-modified': kept.headers['last-modified'] }
                  : {}),
              },
            }),
          );
        } else {
          endResponse(
            new Response(kept.body, {
              status: 200,
              headers: { ...kept.headers, etag: kept.etag, ...how },
            }),
          );
        }
      },
      // A POST, or a GET whose serialised answer is not kept: the result, before parsing.
      async onParams({ params, request, setResult }) {
        if (!cacheable(request)) return;
        const state = stateOf(request);
        state.key ??= cacheKey(params.query ?? '', params.variables, params.operationName);
        // A GET computing its serialised answer for others is served only an up-to-date result.
        const computing = state.refreshes.length > 0;
        const found = await lookup(store, state.key);
        if (computing && found.use === 'stale') return;
        if (!served(state, state.key, found)) return;
        // Up to date: its serialised form may be kept too.
        if (found.use === 'fresh') state.mark = store.mark();
        setResult(JSON.parse(decoder.decode(found.kept.body)));
      },
      onExecute({ args }) {
        const request = (args.contextValue as { request?: Request }).request;
        const state = request && states.get(request);
        if (
          !state?.key ||
          getOperationAST(args.document, args.operationName)?.operation !== 'query'
        )
          return;
        const deps = dependenciesOf(
          args.schema,
          args.document,
          args.operationName,
          (args.variableValues ?? {}) as Record<string, unknown>,
        );
        state.deps = deps;
        if (deps.tags.includes(NEVER_KEPT)) {
          store.release(state.key);
          return;
        }
        const mark = store.mark();
        return {
          onExecuteDone({ result }) {
            if (isAsyncIterable(result) || result.errors?.length) {
              store.release(state.key!);
              return;
            }
            state.mark = mark;
            store.set(state.key!, { body: serialised(result), headers: {} }, deps, mark);
          },
        };
      },
      async onResponse({ request, response }) {
        const state = states.get(request);
        if (!state) return;
        try {
          if (!response.headers.has('x-tafel-cache'))
            response.headers.set(
              'x-tafel-cache',
              state.served ? (state.stale ? 'stale' : 'hit') : 'miss',
            );
          const url = new URL(request.url);
          if (
            response.status !== 200 ||
            !state.mark ||
            !state.deps ||
            !state.key ||
            !eligibleGet(request, url)
          )
            return;
          const body = new Uint8Array(await response.clone().arrayBuffer());
          const lastModified = new Date().toUTCString();
          const headers = {
            'content-type': response.headers.get('content-type') ?? 'application/json',
            'last-modified': lastModified,
          };
          const kept = store.set(
            slot(state.key, request),
            { body, headers },
            state.deps,
            state.mark,
          );
          if (kept) {
            response.headers.set('etag', kept.etag);
            response.headers.set('last-modified', lastModified);
          }
        } finally {
          for (const key of state.refreshes) store.release(key);
        }
      },
    },
  ];
}

/**
 * HTTP caching headers on GraphQL answers: anonymous GET reads (and their 304s) are public for a
 * short while — one that shows live counts for no longer than the staleness bound, and not at
 * all while it is stale; everything with a key is private and not stored; the rest is not stored.
 */
export function cacheHeadersPlugin(maxAgeSeconds: number, countsStaleMs: number): Plugin {
  const countsMaxAge = Math.min(maxAgeSeconds, Math.floor(countsStaleMs / 1000));
  const maxAgeOf = (request: Request) => {
    const state = states.get(request);
    // Not known (no answer of this cache): as if it showed counts.
    if (!state?.deps || state.deps.counts.length > 0) return state?.stale ? 0 : countsMaxAge;
    return maxAgeSeconds;
  };
  return {
    onResponse({ request, response }) {
      if (new URL(request.url).pathname !== GRAPHQL_PATH) return;
      const headers = response.headers;
      if (!isAnonymous(request)) {
        headers.set('cache-control', 'private, no-store');
        headers.delete('etag');
        headers.delete('last-modified');
      } else if (
        (request.method === 'GET' || request.method === 'HEAD') &&
        (response.status === 304 || (response.status === 200 && headers.has('etag')))
      ) {
        headers.set('cache-control', `public, max-age=${maxAgeOf(request)}`);
        headers.append('vary', 'Accept, Authorization');
      } else if (!headers.has('cache-control')) {
        headers.set('cache-control', 'no-store');
      }
    },
  };
}
