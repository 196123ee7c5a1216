/**
 * The admin command line: `pnpm tafel <command>` from the repository root. It uses the same
 * code and the same database as the server (DATABASE_URL, or the PGlite folder TAFEL_DATA_DIR)
 * and migrates first, so it works on a fresh install before the server ever ran.
 */
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeyCache } from './auth/key-cache.ts';
import { type CliIo, type CommandServices, UsageError } from './cli/common.ts';
import { demo } from './cli/demo.ts';
import { sendToServer } from './cli/hand-over.ts';
import { hostLinksCommand } from './cli/host-links.ts';
import { importCsv } from './cli/import.ts';
import { keys } from './cli/keys.ts';
import { editionsCommand, organisationsCommand } from './cli/organisations.ts';
import { peopleCommand } from './cli/people.ts';
import { type Database, databaseOptionsFromEnv, openDatabase } from './db/client.ts';
import { DataDirBusyError } from './db/lock.ts';
import { notifyNotices } from './live/notice.ts';

export type { Announce, CliIo, CommandServices } from './cli/common.ts';
export { UsageError } from './cli/common.ts';

const USAGE = `Usage: pnpm tafel <command> [options]

  demo [--venues N] [--seed S] [--edition SLUG]
        Load the demo edition (nid-2027, 300+ venues), or a synthetic edition of N venues.
  keys create --staff | --organisation SLUG [--scopes LOCATIONS_WRITE,PARTICIPATION_WRITE] [--label TEXT]
        Issue an API key. The secret is printed once, alone on the last line.
  keys list [--organisation SLUG] [--all]
        Keys by prefix (never the secrets); --all includes revoked keys.
  keys revoke PREFIX
        Revoke a key at once.
  host-links create --venue ID
        A host link for one venue (its ID as the API gives it): it may only report participation
        there, until a few hours after the edition's day. The URL is printed once, alone on the
        last line (TAFEL_PUBLIC_URL, else http://localhost:PORT, then /host/<token>).
  host-links list --venue ID [--all]
        The venue's host links by prefix (never the tokens); --all includes revoked links.
  host-links revoke PREFIX
        Revoke a host link at once.
  organisations create --slug SLUG --name NAME [--kind COMPANY] [--website URL] [--approved]
  editions create --slug SLUG --name NAME --date YYYY-MM-DD [--time-zone Europe/Amsterdam] [--country NL] [--require-approval]
  import FILE.csv --organisation SLUG --edition SLUG [--dry-run] [--cancel-missing [--confirm-cancel-all]]
        Upsert an organisation's venues from a spreadsheet (see examples/venues.csv).
  people invite --staff --role admin|moderator|press --email ADDRESS [--name NAME]
  people invite --organisation SLUG --email ADDRESS [--name NAME]
        Invite a person: the one-time invitation link (valid 7 days) is printed alone on the last
        line, and e-mailed too when TAFEL_SMTP_URL is set. Links start with TAFEL_PUBLIC_URL.
  people list
        Everyone who signs in, by number, role or organisation, and address.
  people remove ID
        Remove a person by number, with their sessions and links.

The database is the server's: DATABASE_URL (PostgreSQL), else the PGlite folder TAFEL_DATA_DIR
(default .tafel-data at the top of the repository).`;

const consoleIo: CliIo = { log: (l) => console.log(l), error: (l) => console.error(l) };

/**
 * Run a command on an open database (the server uses this to run commands sent to it, with its
 * live hub and key cache). Without them, changes are announced on the channel for the servers.
 */
export async function runCommand(
  database: Database,
  argv: string[],
  io: CliIo,
  services: Partial<CommandServices> = {},
): Promise<number> {
  const announce = services.announce ?? ((notices) => notifyNotices(database, notices));
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'demo':
      return demo(
        database,
        [sub, ...rest].filter((a): a is string => a !== undefined),
        io,
        announce,
      );
    case 'keys':
      return keys(database, sub, rest, io, services.keys ?? new KeyCache(database));
    case 'host-links':
      return hostLinksCommand(database, sub, rest, io);
    case 'organisations':
      return organisationsCommand(database, sub, rest, io, announce);
    case 'editions':
      return editionsCommand(database, sub, rest, io, announce);
    case 'people':
      return peopleCommand(database, sub, rest, io);
    case 'import':
      return importCsv(
        database,
        [sub, ...rest].filter((a): a is string => a !== undefined),
        io,
        announce,
      );
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  if (!argv[0] || argv[0] === 'help' || argv[0] === '--help') {
    io.log(USAGE);
    return 0;
  }
  const options = databaseOptionsFromEnv();
  let database: Database;
  try {
    database = await openDatabase(options);
  } catch (error) {
    // The server holds the PGlite folder: hand the command to it instead.
    if (error instanceof DataDirBusyError) return sendToServer(options.dataDir!, argv, io, error);
    throw error;
  }
  try {
    await database.migrate();
    return await runCommand(database, argv, io);
  } finally {
    await database.close();
  }
}

export { main as runCli };

// Run as a command (`tsx src/cli.ts`, `node dist/cli.js`), not when imported. The server's
// bundle holds this module too (the admin route runs commands), under the bundle's own file name.
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && /^cli\.[jt]s$/.test(basename(self)) && self === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
      else if (error instanceof DataDirBusyError) console.error(error.message);
      else console.error(error);
      process.exit(error instanceof UsageError ? 64 : 1);
    },
  );
}
