/**
 * Builds the HTTP app: GraphQL at /graphql (GraphiQL in a browser), /health and /ready, and the
 * widget's static files. `server.ts` only listens; tests call `app.fetch` in-process.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { FormTokens } from './auth/form-tokens.ts';
import { KeyCache } from './auth/key-cache.ts';
import { createMailer, type Mailer } from './auth/mail.ts';
import type { Database } from './db/client.ts';
import type { Context } from './graphql/context.ts';
import { refuseNulPlugin } from './graphql/input.ts';
import { answersCompiled } from './graphql/read/install.ts';
import { splicedReadsPlugin } from './graphql/read/splice.ts';
import { schema } from './graphql/schema.ts';
import { adminPlugin, type CommandRunner } from './http/admin.ts';
import { AnswerStore } from './http/answer-store.ts';
import { clientIp } from './http/client-ip.ts';
import { type PublicApiConfig, publicApiConfigFromEnv } from './http/config.ts';
import { knownFault, loggable, malformedParamsPlugin } from './http/errors.ts';
import { GRAPHQL_PATH, graphqlOnlyAtItsPath, hostLinkOf, viewerOf } from './http/gate.ts';
import { localGraphiQL } from './http/graphiql.ts';
import { joinFormLimit } from './http/join-limits.ts';
import { passkeyPlugin } from './http/passkeys.ts';
import { peoplePlugin, SignInLinkLimits } from './http/people.ts';
import { publicApiPlugins } from './http/public-api.ts';
import { routesPlugin } from './http/routes.ts';
import { streamCapsPlugin } from './http/stream-caps.ts';
import { LiveHub } from './live/hub.ts';
import { useSharedSubscriptionResults } from './live/shared-results.ts';
import { useLeanEventStream } from './live/sse.ts';
import { EditionIds } from './locations/editions.ts';
import { StatsCache } from './locations/stats-cache.ts';
import { logger as rootLogger } from './logger.ts';

export interface AppOptions {
  database: Database;
  logger?: Logger;
  /** Mask unexpected errors (no messages or stacks to clients). Default: on unless NODE_ENV=development. */
  maskErrors?: boolean;
  /** The process's live hub; one is made if none is given (server.ts passes its own to close it). */
  live?: LiveHub;
  /** Limits and caching of the public API; each part not given comes from the environment (http/config.ts). */
  publicApi?: Partial<PublicApiConfig>;
  /** Where the public answers and feeds are kept; one is made from the config if none is given (tests look into theirs). */
  answerStore?: AnswerStore;
  /** The process's key cache; the live hub's if a hub is given, else one is made. */
  keys?: KeyCache;
  /** On PGlite: the token that lets `pnpm tafel` hand its commands to this server, and what runs them (http/admin.ts). */
  admin?: { token: string; commands: CommandRunner };
  /** How people's links go out; one is made from the config (SMTP, else the log) if none is given. */
  mailer?: Mailer;
  /** Answer wholly compiled queries with PostgreSQL's JSON text spliced into the body (graphql/read/splice.ts). Default: on; the tests compare both ways. */
  splicedReads?: boolean;
}

/** GraphiQL's title and the query it opens with. */
const GRAPHIQL_OPTIONS = {
  title: 'Tafel API',
  defaultQuery: `# Tafel — live participation of the day. Try:
query Today {
  stats(edition: "nid-2027") {
    participants capacity locations organisations updatedAt
    byRegion { key label participants }
    byMeal { key label participants }
  }
}
`,
};

/** What the app keeps between requests, built once with it and handed to whatever uses it. */
export interface AppCaches {
  /** Public answers, feeds and pages. */
  answers: AnswerStore;
  /** Stats per edition and filter. */
  stats: StatsCache;
  /** Editions' ids by slug. */
  editions: EditionIds;
  /** API keys recently looked up. */
  keys: KeyCache;
}

export type App = YogaServerInstance<Record<string, never>, Context> & {
  caches: AppCaches;
  live: LiveHub;
};

export function createApp({
  database,
  logger = rootLogger,
  maskErrors = process.env['NODE_ENV'] !== 'development',
  live,
  publicApi,
  answerStore,
  keys,
  admin,
  mailer,
  splicedReads = true,
}: AppOptions): App {
  const config = { ...publicApiConfigFromEnv(), ...publicApi };
  const links =
    mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      log: (line) => logger.info(line),
    });
  const signInLimits = new SignInLinkLimits(database, config);
  const joinLimits = joinFormLimit(database, config);
  const formTokens = new FormTokens(database.db);
  keys ??= live?.keys ?? new KeyCache(database);
  live ??= new LiveHub(database, logger, { keys });
  const caches: AppCaches = {
    // One bound for everything this app keeps: answers to queries, the open-data feeds and the edition's page.
    answers:
      answerStore ??
      new AnswerStore({
        maxBytes: config.responseCacheMaxBytes,
        ttlMs: config.responseCacheTtlSeconds * 1000,
        countsStaleMs: config.countsStaleMs,
      }),
    // Stats are counted on the public-read pool whoever asks. On the primary's even with a read
    // replica: the cache refills when a write is announced, which a replica may not have replayed
    // yet; and as stats are kept until the next write, the primary counts them once per write.
    stats: new StatsCache(database.primaryReadDb),
    editions: new EditionIds(),
    keys,
  };
  // The one path after a commit: the hub hears every change, this process's at once and every
  // other's (and the database's own notices) from the channel, and tells the caches.
  live.onNotice((notice) => {
    caches.stats.invalidate(notice && 'edition' in notice ? notice.edition : undefined);
    caches.answers.invalidate(notice, (id) => caches.editions.slugOf(id));
  });
  const hub = live;
  const graphiql = localGraphiQL(GRAPHIQL_OPTIONS);
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    plugins: [
      ...(admin ? [adminPlugin(admin.token, admin.commands)] : []),
      malformedParamsPlugin(),
      ...publicApiPlugins(database, keys, config, caches.answers, caches.editions),
      refuseNulPlugin(),
      routesPlugin(database, { embedEndpoints: config.embedEndpoints }),
      peoplePlugin(database, config),
      passkeyPlugin(database, config),
      graphiql.plugin,
      // The public lists' queries run compiled by graphql-jit (once per document); all else as before.
      useGraphQlJit(
        {},
        { enableIf: ({ document, operationName }) => answersCompiled(document, operationName) },
      ),
      // Such a query answered whole from PostgreSQL's JSON text, where it can be; else as above.
      ...(splicedReads ? [splicedReadsPlugin()] : []),
      useSharedSubscriptionResults(),
      useLeanEventStream({ maskErrors }),
      // After the stream's server: it admits or refuses the stream that one would serve.
      streamCapsPlugin(database, keys, config),
      // Last: it answers 404 to every path no route before it took.
      graphqlOnlyAtItsPath(),
    ],
    graphqlEndpoint: GRAPHQL_PATH,
    // CORS is http/cors.ts (any origin, never credentials); one operation per request.
    cors: false,
    batching: false,
    // The gate (http/gate.ts) bounds every body before it is parsed: by its Content-Length, or by
    // reading a chunked one up to the limit. Yoga's own check would wrap each body in a stream.
    maxRequestBodySize: false,
    // A database outage (503) and a value the database refuses (bad input) are told as such,
    // masked or not; any other fault is masked unless maskErrors is off.
    maskedErrors: {
      maskError: (error, message, isDev) =>
        knownFault(error) ?? (maskErrors ? maskError(error, message, isDev) : (error as Error)),
    },
    logging: {
      debug: (...args) => logger.debug(args.map(loggable).join(' ')),
      info: (...args) => logger.info(args.map(loggable).join(' ')),
      warn: (...args) => logger.warn(args.map(loggable).join(' ')),
      error: (...args) => logger.error(args.map(loggable).join(' ')),
    },
    // GraphiQL from the API itself (no CDN), and only at /graphql itself: yoga would render it
    // at any URL ending in /graphql.
    renderGraphiQL: graphiql.render,
    graphiql: (request) => new URL(request.url).pathname === GRAPHQL_PATH && GRAPHIQL_OPTIONS,
    context: async ({ request, ...serverContext }): Promise<Context> => {
      const viewer = await viewerOf(database, caches.keys, request, config);
      const host = viewer ? null : await hostLinkOf(database, request);
      const people = {
        mailer: links,
        publicUrl: config.publicUrl,
        sessions: config.sessions,
        mayRequestLink: (email: string) =>
          signInLimits.take(clientIp(request, serverContext, config.trustProxy), email),
      };
      const join = {
        tokens: formTokens,
        minFillMs: config.joinForm.minFillMs,
        mayApply: () => joinLimits.take(clientIp(request, serverContext, config.trustProxy)),
      };
      // Anonymous reads go to the pool with a statement timeout; a host link writes.
      return {
        database,
        db: viewer || host ? database.db : database.readDb,
        viewer,
        host,
        publicUrl: config.publicUrl,
        log: logger,
        live: hub,
        people,
        join,
        stats: caches.stats,
        editions: caches.editions,
        geocoders: { url: config.geocoderUrl, nlUrl: config.geocoderNlUrl },
        mixingMinGroup: config.mixingMinGroup,
      };
    },
  });
  return Object.assign(yoga, { caches, live: hub });
}
