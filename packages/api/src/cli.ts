/**
 * The admin command line: `pnpm tafel <command>` from the repository root. It uses the same
 * code and the same database as the server (DATABASE_URL, or the PGlite folder TAFEL_DATA_DIR)
 * and migrates first, so it works on a fresh install before the server ever ran.
 */
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, isNull } from 'drizzle-orm';
import { hostLinkUrl } from './auth/host-links.ts';
import { KeyCache } from './auth/key-cache.ts';
import { API_KEY_SCOPES, issueKey, revokeKey } from './auth/keys.ts';
import { createMailer } from './auth/mail.ts';
import { type Invitee, invitePerson, linkUrl, listPeople, removePerson } from './auth/people.ts';
import { type ApiKeyScope, STAFF_ROLES, type StaffRole } from './auth/viewer.ts';
import { type Database, databaseOptionsFromEnv, openDatabase } from './db/client.ts';
import { DataDirBusyError, readAdminFile } from './db/lock.ts';
import { apiKeys, organisations } from './db/schema.ts';
import { generateDemo } from './demo/generate.ts';
import { hasEdition, loadDemo } from './demo/load.ts';
import { decodeLocationId } from './graphql/global-id.ts';
import { publicApiConfigFromEnv, publicUrl } from './http/config.ts';
import { notifyNotices } from './live/notice.ts';
import {
  type CsvProblem,
  csvProblemOf,
  decodeCsv,
  formatProblem,
  parseVenueCsv,
} from './locations/csv.ts';
import { createEdition, editionBySlug, unknownEdition } from './locations/editions.ts';
import { createHostLink, hostLinksOf, revokeHostLinkAs } from './locations/host-links.ts';
import type { Notice } from './locations/notices.ts';
import { createOrganisation, organisationBySlug } from './locations/organisations.ts';
import { upsertLocations } from './locations/write.ts';

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

export class UsageError extends Error {}

/** A CSV file's content passed inline, when a command is handed to the running server. */
const INLINE = 'inline:';

/** The largest CSV file an import reads; a bigger one is refused before it is read. */
const IMPORT_MAX_BYTES = Number(process.env['TAFEL_IMPORT_MAX_BYTES'] || 5_000_000);

/**
 * A path as the user typed it: `pnpm tafel` runs this script in packages/api, and pnpm says in
 * INIT_CWD where the command was typed.
 */
function userPath(file: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
}

function tooLarge(bytes: number): CsvProblem {
  return {
    line: null,
    column: null,
    code: 'BATCH_TOO_LARGE',
    message: `The file is ${bytes.toLocaleString('en')} bytes; at most ${IMPORT_MAX_BYTES.toLocaleString('en')} (TAFEL_IMPORT_MAX_BYTES). Split it, and import the parts without --cancel-missing.`,
  };
}

/** A CSV file's text, or why it cannot be imported: too large (checked before reading), or not UTF-8. */
function readCsvFile(file: string): { text: string } | { problem: CsvProblem } {
  const path = userPath(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return {
      problem: {
        line: null,
        column: null,
        code: 'NOT_FOUND',
        message: `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error}).`,
      },
    };
  }
  if (size > IMPORT_MAX_BYTES) return { problem: tooLarge(size) };
  return decodeCsv(readFileSync(path));
}

function refuseImport(io: CliIo, fileName: string, problems: CsvProblem[]): number {
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  io.error(
    `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileName}.`,
  );
  for (const p of problems) io.error(`  ${formatProblem(p)}`);
  return 1;
}

const actor = () => ({ keyId: null, name: `cli:${userInfo().username}`, mayCount: true });

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

const consoleIo: CliIo = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Tells whoever follows writes what a command changed, once it has committed. */
export type Announce = (notices: readonly Notice[]) => void | Promise<void>;

/** What a command hands its changes to: the server's live hub and key cache, or the channel. */
export interface CommandServices {
  announce: Announce;
  /** Told of a key the command revoked. */
  keys: KeyCache;
}

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

async function demo(
  database: Database,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { venues: { type: 'string' }, seed: { type: 'string' }, edition: { type: 'string' } },
  });
  const venues = values.venues ? Number(values.venues) : undefined;
  if (venues !== undefined && !(Number.isInteger(venues) && venues > 0))
    throw new UsageError('--venues must be a whole number above 0.');
  const started = performance.now();
  const data = generateDemo({
    venues,
    seed: values.seed ? Number(values.seed) : undefined,
    editionSlug: values.edition,
  });
  if (await hasEdition(database.db, data.edition.slug)) {
    io.error(
      `Edition ${data.edition.slug} is already loaded; nothing to do (use --edition to load another copy).`,
    );
    return 1;
  }
  const loaded = await loadDemo(database.db, data);
  await announce([
    { table: 'editions' },
    { table: 'organisations' },
    { edition: loaded.editionId },
  ]);
  io.log(
    `Loaded ${data.edition.slug}: ${loaded.locations} venues, ${loaded.organisations} organisations, ${loaded.participants} participants in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

function parseScopes(text: string | undefined): ApiKeyScope[] {
  if (!text) return [...API_KEY_SCOPES];
  const scopes = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length)
    throw new UsageError(
      `Unknown scope ${unknown.join(', ')}; known: ${API_KEY_SCOPES.join(', ')}.`,
    );
  return scopes as ApiKeyScope[];
}

async function organisationId(database: Database, slug: string): Promise<number> {
  const org = await organisationBySlug(database.db, slug);
  if (!org)
    throw new UsageError(
      `No organisation with slug "${slug}" (create it with: pnpm tafel organisations create --slug ${slug} --name "…").`,
    );
  return org.id;
}

async function keys(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  cache: KeyCache,
): Promise<number> {
  if (sub === 'create') {
    const { values } = parseArgs({
      args,
      options: {
        staff: { type: 'boolean' },
        organisation: { type: 'string' },
        scopes: { type: 'string' },
        label: { type: 'string' },
      },
    });
    if (!!values.staff === !!values.organisation)
      throw new UsageError('Say whose key: --staff, or --organisation SLUG.');
    const orgId = values.organisation ? await organisationId(database, values.organisation) : null;
    const { secret, apiKey } = await issueKey(database.db, {
      organisationId: orgId,
      scopes: parseScopes(values.scopes),
      label: values.label ?? null,
    });
    io.log(
      `Issued ${values.staff ? 'a staff key' : `a key for ${values.organisation}`} ${apiKey.prefix}… with scopes ${apiKey.scopes.join(', ')}.`,
    );
    io.log(
      'The secret below is shown once; store it now. Send it as: Authorization: Bearer <secret>',
    );
    io.log(secret);
    return 0;
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args,
      options: { organisation: { type: 'string' }, all: { type: 'boolean' } },
    });
    const rows = await database.db
      .select({
        prefix: apiKeys.prefix,
        scopes: apiKeys.scopes,
        label: apiKeys.label,
        organisation: organisations.slug,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .leftJoin(organisations, eq(organisations.id, apiKeys.organisationId))
      .where(values.all ? undefined : isNull(apiKeys.revokedAt))
      .orderBy(apiKeys.id);
    const shown = values.organisation
      ? rows.filter((r) => r.organisation === values.organisation)
      : rows;
    for (const r of shown) {
      io.log(
        [
          r.prefix,
          r.organisation ?? 'STAFF',
          r.scopes.join(','),
          r.label ?? '',
          `created ${r.createdAt.toISOString()}`,
          r.lastUsedAt ? `used ${r.lastUsedAt.toISOString()}` : 'never used',
          r.revokedAt ? `REVOKED ${r.revokedAt.toISOString()}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    if (shown.length === 0) io.log('No keys.');
    return 0;
  }
  if (sub === 'revoke') {
    const prefix = args[0];
    if (!prefix)
      throw new UsageError(
        'Give the prefix of the key to revoke: pnpm tafel keys revoke tafel_XXXXXXXX',
      );
    const row = await revokeKey(database.db, prefix, cache);
    if (!row) {
      io.error(`No key with prefix ${prefix}.`);
      return 1;
    }
    io.log(`Revoked ${prefix}.`);
    return 0;
  }
  throw new UsageError('keys create | keys list | keys revoke');
}

async function peopleCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
): Promise<number> {
  if (sub === 'invite') {
    const { values } = parseArgs({
      args,
      options: {
        staff: { type: 'boolean' },
        role: { type: 'string' },
        organisation: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
      },
    });
    if (!!values.staff === !!values.organisation)
      throw new UsageError('Say whom: --staff --role ROLE, or --organisation SLUG.');
    if (!values.email) throw new UsageError('--email is required.');
    let invitee: Invitee;
    if (values.staff) {
      const role = values.role?.toLowerCase();
      if (!role || !(STAFF_ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}.`);
      invitee = { email: values.email, name: values.name ?? null, role: role as StaffRole };
    } else {
      invitee = {
        email: values.email,
        name: values.name ?? null,
        organisationId: await organisationId(database, values.organisation!),
      };
    }
    const result = await invitePerson(database.db, 'operator', invitee);
    if (!result.ok) {
      for (const e of result.errors)
        io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
      return 1;
    }
    const config = publicApiConfigFromEnv();
    const url = linkUrl(config.publicUrl, result.token);
    if (config.smtpUrl) {
      const mailer = createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        log: (line) => io.log(line),
      });
      await mailer.send({
        personId: result.person.id,
        to: result.person.email,
        kind: 'INVITATION',
        url,
        expiresAt: result.expiresAt,
      });
      mailer.close();
    }
    io.log(
      `Invited person #${result.person.id} (${values.staff ? `staff, ${invitee.role}` : `coordinator of ${values.organisation}`}). The link works once, until ${result.expiresAt.toISOString()}:`,
    );
    io.log(url);
    return 0;
  }
  if (sub === 'list') {
    const rows = await listPeople(database.db);
    for (const p of rows)
      io.log(
        [
          `#${p.id}`,
          p.staffRole ? `staff:${p.staffRole}` : `coordinator:${p.organisationSlug}`,
          p.email,
          p.name ?? '',
          `since ${p.createdAt.toISOString()}`,
        ]
          .filter(Boolean)
          .join('  '),
      );
    if (rows.length === 0)
      io.log(
        'Nobody yet: invite the first admin with pnpm tafel people invite --staff --role admin --email …',
      );
    return 0;
  }
  if (sub === 'remove') {
    const id = Number(args[0]?.replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError('Give the number of the person to remove (see pnpm tafel people list).');
    const result = await removePerson(database.db, 'operator', id);
    if (!result.ok) {
      io.error(`No person #${id}.`);
      return 1;
    }
    io.log(`Removed person #${id}, with their sessions and links.`);
    return 0;
  }
  throw new UsageError('people invite | people list | people remove');
}

/** The venue row a `--venue` global ID names. */
function venueArg(value: string | undefined): number {
  if (!value)
    throw new UsageError(
      'Give the venue: --venue ID (the venue’s id as the API gives it, e.g. TG9jYXRpb246MTI).',
    );
  let id: number | null = null;
  try {
    id = decodeLocationId(value);
  } catch {
    id = null;
  }
  if (id === null)
    throw new UsageError(
      `"${value}" is not a venue’s ID (the API gives them as \`id\` of a Location, e.g. TG9jYXRpb246MTI).`,
    );
  return id;
}

async function hostLinksCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
): Promise<number> {
  const staffActor = { organisationId: null, keyId: null, name: `cli:${userInfo().username}` };
  if (sub === 'create') {
    const { values } = parseArgs({ args, options: { venue: { type: 'string' } } });
    const made = await createHostLink(database.db, staffActor, venueArg(values.venue));
    for (const e of made.userErrors) io.error(`${e.message} [${e.code}]`);
    if (!made.token) return 1;
    io.log(
      `Created host link ${made.hostLink.prefix}… for venue ${values.venue}; it works until ${made.hostLink.expiresAt.toISOString()}.`,
    );
    io.log(
      'The URL below is shown once: it may report arrivals at this venue. Revoke it with: pnpm tafel host-links revoke ' +
        made.hostLink.prefix,
    );
    io.log(hostLinkUrl(publicUrl(), made.token));
    return 0;
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args,
      options: { venue: { type: 'string' }, all: { type: 'boolean' } },
    });
    const links = await hostLinksOf(
      database.db,
      staffActor,
      venueArg(values.venue),
      values.all ?? false,
    );
    if (!Array.isArray(links)) {
      io.error(`${links.message} [${links.code}]`);
      return 1;
    }
    for (const l of links) {
      io.log(
        [
          l.prefix,
          `by ${l.createdBy}`,
          `created ${l.createdAt.toISOString()}`,
          `expires ${l.expiresAt.toISOString()}`,
          l.revokedAt ? `REVOKED ${l.revokedAt.toISOString()}` : '',
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    if (links.length === 0) io.log('No host links.');
    return 0;
  }
  if (sub === 'revoke') {
    const prefix = args[0];
    if (!prefix)
      throw new UsageError(
        'Give the prefix of the host link to revoke: pnpm tafel host-links revoke tafelhost_XXXXXXXX',
      );
    const result = await revokeHostLinkAs(database.db, staffActor, prefix);
    if (!result.hostLink) {
      for (const e of result.userErrors) io.error(`${e.message} [${e.code}]`);
      return 1;
    }
    io.log(`Revoked ${prefix}.`);
    return 0;
  }
  throw new UsageError(
    'host-links create --venue ID | host-links list --venue ID | host-links revoke PREFIX',
  );
}

async function organisationsCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  if (sub !== 'create') throw new UsageError('organisations create --slug SLUG --name NAME');
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      website: { type: 'string' },
      approved: { type: 'boolean' },
    },
  });
  if (!values.slug || !values.name) throw new UsageError('--slug and --name are required.');
  const result = await createOrganisation(database.db, {
    slug: values.slug,
    name: values.name,
    kind: values.kind?.toUpperCase(),
    website: values.website,
    approved: values.approved,
  });
  await announce(result.notices);
  for (const e of result.userErrors)
    io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
  if (!result.organisation) return 1;
  io.log(`Created organisation ${result.organisation.slug} (${result.organisation.name}).`);
  return 0;
}

async function editionsCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  if (sub !== 'create')
    throw new UsageError('editions create --slug SLUG --name NAME --date YYYY-MM-DD');
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      date: { type: 'string' },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      'require-approval': { type: 'boolean' },
    },
  });
  if (!values.slug || !values.name || !values.date)
    throw new UsageError('--slug, --name and --date YYYY-MM-DD are required.');
  const result = await createEdition(database.db, {
    slug: values.slug,
    name: values.name,
    date: values.date,
    timeZone: values['time-zone'],
    country: values.country,
    requireApproval: values['require-approval'],
  });
  await announce(result.notices);
  for (const e of result.userErrors)
    io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
  if (!result.edition) return 1;
  io.log(`Created edition ${result.edition.slug} on ${result.edition.date}.`);
  return 0;
}

async function importCsv(
  database: Database,
  args: string[],
  io: CliIo,
  announce: Announce,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      organisation: { type: 'string' },
      edition: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'cancel-missing': { type: 'boolean' },
      'confirm-cancel-all': { type: 'boolean' },
      file: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.organisation || !values.edition)
    throw new UsageError('import FILE.csv --organisation SLUG --edition SLUG [--dry-run]');
  const edition = await editionBySlug(database.db, values.edition);
  if (!edition) throw new UsageError(unknownEdition(values.edition).message);
  const orgId = await organisationId(database, values.organisation);
  const fileName = file.startsWith(INLINE) ? (values.file ?? 'the file') : file;
  const inline = file.startsWith(INLINE) ? file.slice(INLINE.length) : null;
  if (inline !== null && Buffer.byteLength(inline) > IMPORT_MAX_BYTES)
    return refuseImport(io, fileName, [tooLarge(Buffer.byteLength(inline))]);
  const source = inline !== null ? { text: inline } : readCsvFile(file);
  if ('problem' in source) return refuseImport(io, fileName, [source.problem]);
  const parsed = await parseVenueCsv(source.text, edition);
  const problems = [...parsed.problems];
  if (problems.length === 0) {
    const result = await upsertLocations(database.db, {
      edition,
      organisationId: orgId,
      rows: parsed.rows,
      cancelMissing: values['cancel-missing'] ?? false,
      confirmCancelAll: values['confirm-cancel-all'] ?? false,
      dryRun: values['dry-run'] ?? false,
      actor: actor(),
    });
    if (result.ok) {
      await announce(result.notices);
      const { created, updated, unchanged, cancelled } = result.value;
      io.log(
        `${values['dry-run'] ? 'Dry run, nothing changed: would have' : 'Done:'} created ${created}, updated ${updated}, unchanged ${unchanged}, cancelled ${cancelled} (${parsed.rows.length} rows from ${fileName}).`,
      );
      return 0;
    }
    problems.push(...result.errors.map((e) => csvProblemOf(e, parsed.lines)));
  }
  return refuseImport(io, fileName, problems);
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

/**
 * The server runs on this PGlite folder: send the command to it over loopback, with the token it
 * left in the folder (readable only by the user who runs it), and print what it answers.
 */
async function sendToServer(
  dataDir: string,
  argv: string[],
  io: CliIo,
  busy: DataDirBusyError,
): Promise<number> {
  const admin = readAdminFile(dataDir);
  if (!admin) throw busy;
  const args = [...argv];
  if (args[0] === 'import' && args[1] && !args[1].startsWith('-')) {
    const source = readCsvFile(args[1]);
    if ('problem' in source) return refuseImport(io, args[1], [source.problem]);
    args.push('--file', args[1]);
    args[1] = `${INLINE}${source.text}`;
  }
  const response = await fetch(`http://127.0.0.1:${admin.port}/admin/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tafel-admin-token': admin.token },
    body: JSON.stringify({ argv: args, user: userInfo().username }),
  });
  if (!response.ok)
    throw new Error(
      `The running server refused the command (${response.status}): ${await response.text()}`,
    );
  const result = (await response.json()) as {
    code: number;
    out: { stream: 'log' | 'error'; line: string }[];
  };
  for (const { stream, line } of result.out) io[stream](line);
  return result.code;
}
