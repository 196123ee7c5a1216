/**
 * Builds the HTTP app: GraphQL at /graphql (GraphiQL in a browser), /health and /ready, and the
 * widget's static files. `server.ts` only listens; tests call `app.fetch` in-process.
 */
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from './db/client.ts';
import type { Context } from './graphql/context.ts';
import { schema } from './graphql/schema.ts';
import { logger as rootLogger } from './logger.ts';
import type { Logger } from 'pino';
import { localGraphiQL } from './http/graphiql.ts';
import { routesPlugin } from './http/routes.ts';
import { adminPlugin, type CommandRunner } from './http/admin.ts';
import type { AnswerStore } from './http/cache.ts';
import { publicApiConfigFromEnv, type PublicApiConfig } from './http/config.ts';
import { GRAPHQL_PATH, graphqlOnlyAtItsPath, hostLinkOf, viewerOf } from './http/gate.ts';
import { publicApiPlugins } from './http/public-api.ts';
import { streamCapsPlugin } from './http/stream-caps.ts';
import { knownFault, loggable, malformedParamsPlugin } from './http/errors.ts';
import { refuseNulPlugin } from './graphql/input.ts';
import { LiveHub } from './live/hub.ts';
import { useSharedSubscriptionResults } from './live/shared-results.ts';
import { useLeanEventStream } from './live/sse.ts';

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
  /** On PGlite: the token that lets `pnpm tafel` hand its commands to this server, and what runs them (http/admin.ts). */
  admin?: { token: string; commands: CommandRunner };
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

export type App = YogaServerInstance<Record<string, never>, Context>;

export function createApp({ database, logger = rootLogger, maskErrors = process.env['NODE_ENV'] !== 'development', live = new LiveHub(database, logger), publicApi, answerStore, admin }: AppOptions) {
  const config = { ...publicApiConfigFromEnv(), ...publicApi };
  const graphiql = localGraphiQL(GRAPHIQL_OPTIONS);
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    plugins: [
      ...(admin ? [adminPlugin(admin.token, admin.commands)] : []),
      malformedParamsPlugin(),
      ...publicApiPlugins(database, config, answerStore),
      refuseNulPlugin(),
      routesPlugin(database, { embedEndpoints: config.embedEndpoints }),
      graphiql.plugin,
      useSharedSubscriptionResults(),
      useLeanEventStream({ maskErrors }),
      // After the stream's server: it admits or refuses the stream that one would serve.
      streamCapsPlugin(database, config),
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
    maskedErrors: { maskError: (error, message, isDev) => knownFault(error) ?? (maskErrors ? maskError(error, message, isDev) : (error as Error)) },
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
    context: async ({ request }): Promise<Context> => {
      const viewer = await viewerOf(database, request);
      const host = viewer ? null : await hostLinkOf(database, request);
      // Anonymous reads go to the pool with a statement timeout; a host link writes.
      return { database, db: viewer || host ? database.db : database.readDb, viewer, host, publicUrl: config.publicUrl, log: logger, live };
    },
  });
  return yoga;
}
