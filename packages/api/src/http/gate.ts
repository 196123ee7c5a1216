/**
 * The door of /graphql and the open-data feeds, before anything is parsed: who is asking (the
 * API key, checked once and handed on to the GraphQL context), whether they are over their rate
 * limit (429), and whether the body is too large for them (413). Once the operation is parsed, a
 * mutation pays one request per field it asks for.
 */
import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticateHostLink, type HostLinkViewer, isHostLinkToken } from '../auth/host-links.ts';
import type { KeyCache } from '../auth/key-cache.ts';
import { authenticate } from '../auth/keys.ts';
import { sessionToken, sessionViewer } from '../auth/sessions.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { withFederationReach } from '../locations/federation-scope.ts';
import { clientIp } from './client-ip.ts';
import type { PublicApiConfig } from './config.ts';
import {
  type ClientKind,
  type RateDecision,
  type RateLimitStore,
  RateLimits,
  redisForLimits,
} from './rate-limit.ts';

const viewers = new WeakMap<Request, Promise<Viewer | null>>();
const hosts = new WeakMap<Request, Promise<HostLinkViewer | null>>();
const rateHeaders = new WeakMap<Request, Record<string, string>>();
/** Whose allowance a request was counted against, for what its operation costs beyond one. */
const payers = new WeakMap<Request, { kind: ClientKind; client: string; who: string }>();

/**
 * The viewer behind a request: checked once, by the gate or else here. An API key wins over a
 * session cookie. A bad key rejects (401), and so does every later call for the same request. A
 * session cookie counts only from this site's own pages, and one that is stale (expired, revoked,
 * unknown) reads as anonymous: a browser keeps a cookie after its session ended, and the public
 * map on the same site must still load.
 */
export function viewerOf(
  database: Database,
  keys: KeyCache,
  request: Request,
  config: Pick<PublicApiConfig, 'sessions' | 'publicUrl'>,
): Promise<Viewer | null> {
  let viewer = viewers.get(request);
  if (!viewer) {
    const header = request.headers.get('authorization');
    const token = sessionToken(request.headers.get('cookie'));
    viewer = (
      header || token === null || !fromOwnOrigin(request, config.publicUrl)
        ? authenticate(database.db, header, keys)
        : sessionViewer(database.db, token, config.sessions)
    ).then((found) => withFederationReach(database.db, found));
    viewers.set(request, viewer);
  }
  return viewer;
}

/**
 * Did a browser send this request from this site's own pages? `Sec-Fetch-Site` says so in every
 * current browser; `Origin` where it is missing. A client that sends neither is not a browser a
 * page could steer, so a cookie it holds is its own.
 */
export function fromOwnOrigin(request: Request, publicUrl: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  // Browsers set it and no page can change it. A page with `Referrer-Policy: no-referrer` (the
  // sign-in confirm page) makes the browser send `Origin: null` with its own form: trust the site.
  if (site === 'same-origin') return true;
  if (site !== null && site !== 'none') return false;
  const origin = request.headers.get('origin');
  return (
    origin === null ||
    origin === new URL(request.url).origin ||
    origin === new URL(publicUrl).origin
  );
}

/** The refusal of a session cookie that came with a request from another site's page. */
export function crossOriginRefusal(): Response {
  return refusal(
    403,
    'FORBIDDEN',
    'A sign-in session is accepted only from this site’s own pages, and this request came from another origin; nothing was done. Systems send an API key instead (Authorization: Bearer <key>).',
  );
}

/**
 * The host link behind a request, if its bearer token is one: checked once per request. A bad,
 * revoked or expired link rejects (401), and so does every later call for the same request.
 */
export function hostLinkOf(database: Database, request: Request): Promise<HostLinkViewer | null> {
  let host = hosts.get(request);
  if (!host) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    host =
      token && isHostLinkToken(token)
        ? authenticateHostLink(database.db, token)
        : Promise.resolve(null);
    hosts.set(request, host);
  }
  return host;
}

/** The one path GraphQL is served at. */
export const GRAPHQL_PATH = '/graphql';

/** Paths the gate guards: GraphQL and the open-data feeds. */
export function guarded(path: string): boolean {
  return path === GRAPHQL_PATH || path.startsWith('/editions/');
}

/**
 * Yoga takes any URL ending in /graphql or /graphql/ for GraphQL (`/graphql/`, `//graphql`,
 * `/x?a=/graphql`), while the gate, the caching headers and the stream caps know /graphql alone.
 * Placed after every route of the app, this answers 404 to whatever no route took and is not
 * exactly /graphql, so every GraphQL request has come through the gate.
 */
export function graphqlOnlyAtItsPath(): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname === GRAPHQL_PATH) return;
      if (decodedPath(url.pathname) === null)
        return endResponse(refusal(400, 'BAD_REQUEST', 'The path is not valid percent-encoding.'));
      endResponse(refusal(404, 'NOT_FOUND', `Not found. The GraphQL API is at ${GRAPHQL_PATH}.`));
    },
  };
}

/** A path without its percent-encoding; null if that is not valid (`%E0%A4%A`). */
export function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The fields at the root of an operation, through its fragments; each top-level mutation field is a write. */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD)
        return sum + (selection.name.value.startsWith('__') ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return sum;
      seen.add(selection.name.value);
      return sum + count(fragment);
    }, 0);
  return count(operation.selectionSet);
}

/** A GraphQL-shaped refusal, so clients read it like any other error. */
export function refusal(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

function tooLarge(limit: number, config: PublicApiConfig): Response {
  const kb = (n: number) =>
    n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
  return refusal(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${kb(limit)}, the limit ${limit === config.bodyLimit.key ? 'with an API key' : `without an API key (${kb(config.bodyLimit.key)} with one)`}.`,
  );
}

/** Read a body of unknown length up to `limit` bytes; null once it goes past. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Shared counts in Redis or PostgreSQL, so every process behind the balancer sees them (http/config.ts). */
export function rateLimitStore(database: Database, config: PublicApiConfig): RateLimitStore {
  if (config.rateLimitStore === 'memory') return { kind: 'memory' };
  if (config.redisUrl) return { kind: 'redis', client: redisForLimits(config.redisUrl) };
  // Counting writes a row: on the primary, never the read replica.
  return database.kind === 'postgres' ? { kind: 'postgres', db: database.db } : { kind: 'memory' };
}

export function gatePlugin(database: Database, keys: KeyCache, config: PublicApiConfig): Plugin {
  const limits = config.rateLimit
    ? new RateLimits(config.rateLimit, rateLimitStore(database, config))
    : null;

  async function limit(
    kind: 'anonymous' | 'key',
    client: string,
    who: string,
    request: Request,
  ): Promise<RateDecision> {
    const decision = await limits!.take(kind, client);
    rateHeaders.set(request, decision.headers);
    payers.set(request, { kind, client, who });
    return decision;
  }

  return {
    async onRequest({ request, url, serverContext, endResponse, setRequest, fetchAPI }) {
      if (!guarded(url.pathname) || request.method === 'OPTIONS') return;
      const ip = clientIp(request, serverContext, config.trustProxy);
      let viewer: Viewer | null = null;
      let host: HostLinkViewer | null = null;
      const keyed = Boolean(request.headers.get('authorization'));
      if (
        !keyed &&
        url.pathname === GRAPHQL_PATH &&
        sessionToken(request.headers.get('cookie')) !== null
      ) {
        if (!fromOwnOrigin(request, config.publicUrl)) return endResponse(crossOriginRefusal());
        viewer = await viewerOf(database, keys, request, config);
      }
      if (keyed) {
        // An IP that spent its allowance on bad keys may not try more of them (the public's
        // anonymous requests from the same address do not count here: a venue's Wi-Fi).
        const spent = limits && ip ? await limits.exhausted('badKey', ip) : null;
        if (spent)
          return endResponse(refusal(429, 'RATE_LIMITED', tooMany('this address'), spent.headers));
        viewer = await viewerOf(database, keys, request, config).catch(() => null);
        if (!viewer) host = await hostLinkOf(database, request).catch(() => null);
        if (!viewer && !host && limits && ip) {
          // A bad key is answered by the GraphQL context (401); here it costs the IP one request.
          await limits.take('badKey', ip);
          const decision = await limit('anonymous', ip, 'this address', request);
          if (!decision.allowed)
            return endResponse(
              refusal(429, 'RATE_LIMITED', tooMany('this address'), decision.headers),
            );
        }
      }
      if (limits && viewer) {
        // A valid key (or session) counts against the key (person) only, never against the address it comes from.
        const who = viewer.session
          ? `person #${viewer.session.personId}`
          : `API key ${viewer.prefix}…`;
        const decision = await limit(
          'key',
          viewer.session ? `person:${viewer.session.personId}` : String(viewer.keyId),
          who,
          request,
        );
        if (!decision.allowed)
          return endResponse(refusal(429, 'RATE_LIMITED', tooMany(who), decision.headers));
      } else if (limits && host) {
        // A host link counts against itself, as a key does: many hosts share a venue's Wi-Fi.
        const decision = await limit(
          'key',
          `host:${host.id}`,
          `host link ${host.prefix}…`,
          request,
        );
        if (!decision.allowed)
          return endResponse(
            refusal(429, 'RATE_LIMITED', tooMany(`host link ${host.prefix}…`), decision.headers),
          );
      } else if (limits && ip && !keyed) {
        const decision = await limit('anonymous', ip, 'this address', request);
        if (!decision.allowed)
          return endResponse(
            refusal(429, 'RATE_LIMITED', tooMany('this address'), decision.headers),
          );
      }

      if (request.method !== 'POST' || !request.body) return;
      const max = viewer ? config.bodyLimit.key : config.bodyLimit.anonymous;
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (Number(length) > max) endResponse(tooLarge(max, config));
        return;
      }
      // No declared length (chunked): read it here, within the limit, and hand it on.
      const body = await readUpTo(request.body, max);
      if (!body) return endResponse(tooLarge(max, config));
      const copy = new fetchAPI.Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body as unknown as BodyInit,
      });
      const known = viewers.get(request);
      if (known) viewers.set(copy, known);
      const knownHost = hosts.get(request);
      if (knownHost) hosts.set(copy, knownHost);
      const headers = rateHeaders.get(request);
      if (headers) rateHeaders.set(copy, headers);
      const payer = payers.get(request);
      if (payer) payers.set(copy, payer);
      setRequest(copy);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request: Request }).request;
      const payer = payers.get(request);
      if (!limits || !payer) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      // The request itself paid for one; every further field is one more write.
      const fields = rootFields(args.document, operation);
      if (fields <= 1) return;
      return limits.takeAll(payer.kind, payer.client, fields - 1).then((decision) => {
        rateHeaders.set(request, decision.headers);
        if (decision.allowed) return;
        const rate = config.rateLimit as Exclude<PublicApiConfig['rateLimit'], false>;
        const left = Number(decision.headers['RateLimit-Remaining']);
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This mutation makes ${fields} changes, each counted as one request, and ${payer.who} had ${left + 1} left (at most ${payer.kind === 'key' ? rate.key : rate.anonymous} per ${rate.windowSeconds} s). Nothing was changed: send fewer at once, or try again after Retry-After seconds.`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  http: { status: 429, headers: decision.headers },
                },
              },
            ),
          ],
        });
      });
    },
    onResponse({ request, response }) {
      const headers = rateHeaders.get(request);
      if (!headers) return;
      for (const [name, value] of Object.entries(headers))
        if (!response.headers.has(name)) response.headers.set(name, value);
    },
  };

  function tooMany(who: string): string {
    const rate = config.rateLimit as Exclude<PublicApiConfig['rateLimit'], false>;
    return `Too many requests from ${who}: at most ${who === 'this address' ? rate.anonymous : rate.key} per ${rate.windowSeconds} s. Try again after Retry-After seconds.`;
  }
}
