/**
 * Starts the API: opens the database (PostgreSQL with DATABASE_URL, else PGlite in
 * TAFEL_DATA_DIR), migrates, loads the demo edition into an empty PGlite folder, and listens.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoSignIn, demoSignInAllowed } from './cli/demo-sign-in.ts';
import { runCommand, UsageError } from './cli.ts';
import { databaseOptionsFromEnv, openDatabase } from './db/client.ts';
import { writeAdminFile } from './db/lock.ts';
import { ensureDemo } from './demo/ensure.ts';
import { type CommandRunner, newAdminToken } from './http/admin.ts';
import { publicUrl } from './http/config.ts';
import { serverTimeouts } from './http/timeouts.ts';
import { LiveHub } from './live/hub.ts';
import { logger } from './logger.ts';
import { createApp } from './yoga.ts';

const port = Number(process.env['PORT'] ?? 4000);
const host = process.env['HOST'] ?? '0.0.0.0';

const options = databaseOptionsFromEnv();
const database = await openDatabase(options);
await database.migrate();
if (database.kind === 'pglite' && process.env['TAFEL_DEMO'] !== 'off') {
  await ensureDemo(database.db, logger);
}
// The demo's sign-in (README): fresh one-time links for a demo admin and coordinator.
const demo = demoSignInAllowed(process.env, database.kind === 'pglite')
  ? await demoSignIn(
      database.db,
      publicUrl(),
      (await import('./demo/generate.ts')).DEMO_EDITION_SLUG,
    )
  : null;

// Every process LISTENs from the start for changes, whoever wrote them: the live feeds and the
// app's caches follow them (yoga.ts).
const live = new LiveHub(database, logger);
await live.start();
// On PGlite this process owns the folder: `pnpm tafel …` hands its commands to it (http/admin.ts).
const adminToken = database.kind === 'pglite' ? newAdminToken() : undefined;
const commands: CommandRunner = {
  run: (argv, io) =>
    runCommand(database, argv, io, {
      announce: (notices) => live.announce(notices),
      keys: live.keys,
    }),
  usage: (error) => error instanceof UsageError,
};
const app = createApp({
  database,
  live,
  ...(adminToken ? { admin: { token: adminToken, commands } } : {}),
});
const server = createServer(serverTimeouts(), app);
server.listen(port, host, () => {
  if (adminToken)
    writeAdminFile(options.dataDir!, {
      port: (server.address() as AddressInfo).port,
      token: adminToken,
    });
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${options.dataDir}`;
  logger.info(
    { port, host, database: database.kind },
    `Tafel API on http://localhost:${port}/graphql (${where}); widget demo on http://localhost:${port}/`,
  );
  if (demo) {
    // Plain lines, for a person at the terminal: each link signs in once (demo only).
    console.log(
      `\nThe portal: http://localhost:${port}/manage — demo sign-in, each link works once:\n` +
        `  admin:       ${demo.admin}\n` +
        `  coordinator: ${demo.coordinator} (of ${demo.organisation})\n` +
        '  Restart for new links, or ask for one at /manage with admin@demo.tafel.test or\n' +
        '  coordinator@demo.tafel.test: without a mail server it is written to this log.\n',
    );
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  // Live subscribers hold their connections open; end them so the process can exit.
  server.closeAllConnections();
  await live.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
