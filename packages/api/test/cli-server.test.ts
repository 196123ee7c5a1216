/**
 * `pnpm tafel` while `pnpm start` runs: on PGlite the server owns the folder, so the command is
 * handed to it; the key it prints works against that server at once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, freePort, startApiProcess } from './live-support.ts';
import { openTestDatabase, type TestDb } from './support.ts';

const run = promisify(execFile);
const api = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(api, 'node_modules/.bin/tsx');

let server: ApiProcess;
let url: string;
let env: NodeJS.ProcessEnv;
let t: TestDb | undefined;

beforeAll(async () => {
  if (process.env['DATABASE_URL']) {
    t = await openTestDatabase();
    env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
  } else {
    env = {
      ...process.env,
      TAFEL_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'tafel-cli-server-')), 'data'),
      LOG_LEVEL: 'silent',
    };
    delete env['DATABASE_URL'];
  }
  // No DATABASE_URL (an empty one) means PGlite in TAFEL_DATA_DIR, as for `pnpm start`.
  server = await startApiProcess(env['DATABASE_URL'] ?? '', await freePort(), {
    ...(env['TAFEL_DATA_DIR'] ? { TAFEL_DATA_DIR: env['TAFEL_DATA_DIR'] } : {}),
  });
  url = server.url;
});

afterAll(async () => {
  await server?.stop();
  await t?.close();
});

describe('the command line beside a running server', { timeout: 180_000 }, () => {
  // Each test starts processes that compile the sources first: slow on a busy machine.
  it('creates an organisation and a member key while the server runs, and the key works there at once', async () => {
    const org = await run(
      tsx,
      [
        'src/cli.ts',
        'organisations',
        'create',
        '--slug',
        'buurthuis-oost',
        '--name',
        'Buurthuis Oost',
        '--kind',
        'charity',
      ],
      { cwd: api, env },
    );
    expect(org.stdout).toMatch(/Created organisation buurthuis-oost/);
    await run(
      tsx,
      [
        'src/cli.ts',
        'editions',
        'create',
        '--slug',
        'nid-cli',
        '--name',
        'CLI day',
        '--date',
        '2027-10-14',
      ],
      { cwd: api, env },
    );
    const { stdout } = await run(
      tsx,
      ['src/cli.ts', 'keys', 'create', '--organisation', 'buurthuis-oost'],
      { cwd: api, env },
    );
    const secret = stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^tafel_[A-Za-z0-9_-]{43}$/);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation { createLocation(input: { edition: "nid-cli", name: "Soep", coordinates: { lat: 52.36, lng: 4.93 }, meal: DINNER }) { location { organisation { slug } } userErrors { code } } }`,
      }),
    });
    const body = (await response.json()) as any;
    expect(body.data.createLocation).toEqual({
      location: { organisation: { slug: 'buurthuis-oost' } },
      userErrors: [],
    });
  });

  it('checks an edition as the API does: a bad time zone is refused, nothing created', async () => {
    const bad = await run(
      tsx,
      [
        'src/cli.ts',
        'editions',
        'create',
        '--slug',
        'nid-mars',
        '--name',
        'Mars',
        '--date',
        '2027-10-14',
        '--time-zone',
        'Mars/Olympus',
      ],
      { cwd: api, env },
    ).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/timeZone: "Mars\/Olympus" is not an IANA time zone/);
    const check = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ edition(slug: "nid-mars") { slug } }' }),
    });
    expect(((await check.json()) as any).data.edition).toBeNull();
  });

  it('refuses the admin route to anyone without the token', async () => {
    const response = await fetch(`${url}/admin/command`, {
      method: 'POST',
      headers: { 'x-tafel-admin-token': 'guess' },
      body: JSON.stringify({ argv: ['keys', 'create', '--staff'] }),
    });
    expect(response.status).toBe(404);
  });

  it('refuses a CSV file over the size limit before reading it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tafel-big-')), 'huge.csv');
    const row = 'x,Tafel,Utrecht,52.1,5.1,DINNER\n';
    writeFileSync(
      file,
      `external_id,name,city,lat,lng,meal\n${row.repeat(Math.ceil(50_000_000 / row.length))}`,
    );
    const r = await run(
      tsx,
      ['src/cli.ts', 'import', file, '--organisation', 'buurthuis-oost', '--edition', 'nid-cli'],
      { cwd: api, env },
    ).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Nothing was imported: 1 problem in .*huge\.csv\.\n {2}file: The file is 50,000,\d{3} bytes; at most 5,000,000 \(TAFEL_IMPORT_MAX_BYTES\)\./,
    );
  });
});
