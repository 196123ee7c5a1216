/**
 * Builds the HTTP app: GraphQL at /graphql (GraphiQL in a browser), /health and /ready, and the
 * widget's static files. `server.ts` only listens; tests call `app.fetch` in-process.
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from './db/client.ts';
import type { Context } from './context.ts';
import { schema } from './graphql/schema.ts';
import { logger as rootLogger } from './logger.ts';
import type { Logger } from 'pino';
import { authenticate } from './auth/keys.ts';
import { routesPlugin } from './http/routes.ts';
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
}

export type App = YogaServerInstance<Record<string, never>, Context>;

export function createApp({ database, logger = rootLogger, maskErrors = process.env.NODE_ENV !== 'development', live = new LiveHub(database, logger) }: AppOptions) {
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    plugins: [routesPlugin(database), useSharedSubscriptionResults(), useLeanEventStream()],
    graphqlEndpoint: '/graphql',
    maskedErrors: maskErrors,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    graphiql: {
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
    },
    context: async ({ request }): Promise<Context> => ({
      database,
      db: database.db,
      viewer: await authenticate(database.db, request.headers.get('authorization')),
      log: logger,
      live,
    }),
  });
  return yoga;
}
