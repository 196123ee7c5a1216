import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVenueCsv } from '../src/locations/csv.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { openTestDatabase, seedFixture, type TestDb } from './support.ts';

const run = promisify(execFile);
const api = fileURLToPath(new URL('..', import.meta.url));
const template = fileURLToPath(new URL('../../../examples/venues.csv', import.meta.url));
const tsx = join(api, 'node_modules/.bin/tsx');
const root = fileURLToPath(new URL('../../..', import.meta.url));

let t: TestDb;
let env: NodeJS.ProcessEnv;
let dir: string;

/** Run `pnpm tafel …` as a user would: a separate process on the same database. */
async function tafel(...args: string[]) {
  return command(tsx, ['src/cli.ts', ...args], api, env);
}

async function command(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function venues(): Promise<
  {
    external_id: string;
    name: string;
    status: string;
    starts_at: Date;
    sensitive: boolean;
    target_groups: string;
  }[]
> {
  return rowsOf(
    await t.database.db.execute(
      sql`SELECT external_id, name, status, starts_at, sensitive, target_groups::text FROM locations WHERE organisation_id = (SELECT id FROM organisations WHERE slug = 'moskee-bergen-op-zoom') ORDER BY external_id`,
    ),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tafel-csv-'));
  if (process.env['DATABASE_URL']) {
    t = await openTestDatabase();
    env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
  } else {
    // The CLI opens the PGlite folder itself; the test reads it afterwards (one process at a time).
    env = { ...process.env, TAFEL_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
    delete env['DATABASE_URL'];
  }
});
afterAll(async () => {
  if (t) await t.close();
});

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  if (process.env['DATABASE_URL']) return fn();
  const { openDatabase } = await import('../src/db/client.ts');
  const database = await openDatabase({ dataDir: env['TAFEL_DATA_DIR']! });
  await database.migrate();
  t = { database, counter: null as never, close: () => database.close() };
  try {
    return await fn();
  } finally {
    await database.close();
    t = undefined as never;
  }
}

describe('the admin command line and CSV import', { timeout: 180_000 }, () => {
  // Each test starts processes that compile the sources first: slow on a busy machine.
  it('sets up on a fresh database: organisation, edition, and a staff key whose secret is alone on the last line', async () => {
    if (!process.env['DATABASE_URL']) await withDb(async () => seedFixture(t.database));
    else await seedFixture(t.database);
    const key = await tafel('keys', 'create', '--staff', '--label', 'federation');
    expect(key.code).toBe(0);
    const lines = key.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^tafel_[A-Za-z0-9_-]{43}$/);
    const list = await tafel('keys', 'list');
    expect(list.stdout).toContain(lines.at(-1)!.slice(0, 14));
    expect(list.stdout).not.toContain(lines.at(-1)!);
    const revoke = await tafel('keys', 'revoke', lines.at(-1)!.slice(0, 14));
    expect(revoke.code).toBe(0);
    expect((await tafel('keys', 'list')).stdout).not.toContain(lines.at(-1)!.slice(0, 14));
    const member = await tafel(
      'keys',
      'create',
      '--organisation',
      'asito',
      '--scopes',
      'PARTICIPATION_WRITE',
    );
    expect(member.stdout).toMatch(/scopes PARTICIPATION_WRITE\./);
    const unknown = await tafel('keys', 'create', '--organisation', 'nope');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No organisation with slug "nope"/);
  });

  it('imports the template, and importing it again changes nothing', async () => {
    const first = await tafel(
      'import',
      template,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/created 2, updated 0, unchanged 0, cancelled 0/);
    const rows = await withDb(venues);
    const lunch = rows.find((r) => r.external_id === 'utrecht-lunch')!;
    expect(lunch).toMatchObject({
      name: 'Lunch in het Stadhuis',
      status: 'PUBLISHED',
      sensitive: false,
      target_groups: '{REFUGEES,ELDERLY,NEIGHBOURS}',
    });
    // 12:00 in Amsterdam in October (CEST) is 10:00 UTC.
    expect(new Date(lunch.starts_at).toISOString()).toBe('2027-10-14T10:00:00.000Z');
    expect(rows.find((r) => r.external_id === 'azc-ontbijt')).toMatchObject({
      status: 'DRAFT',
      sensitive: true,
    });
    const again = await tafel(
      'import',
      template,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(again.stdout).toMatch(/created 0, updated 0, unchanged 2, cancelled 0/);
  });

  it('refuses a file with bad rows, naming each by line and column, and imports nothing', async () => {
    const before = await withDb(venues);
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'external_id,name,city,lat,lng,meal,capacity,registration_url,starts_at',
        'ok-1,Goede tafel,Breda,51.59,4.78,DINNER,20,https://example.org,18:00',
        'bad-2,Verwisseld,Breda,4.78,51.59,DINNER,20,,18:00',
        'bad-3,Script,Breda,51.59,4.78,DINNER,20,javascript:alert(1),18:00',
        'bad-4,Geen getal,Breda,51.59,4.78,DINNER,veel,,18:00',
        'bad-5,Geen maaltijd,Breda,51.59,4.78,SUPPER,20,,25:00',
      ].join('\n'),
    );
    const r = await tafel(
      'import',
      bad,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Nothing was imported/);
    expect(r.stderr).toMatch(/line 5, column capacity: "veel" is not a whole number/);
    expect(r.stderr).toMatch(/line 6, column starts_at: "25:00" is not a time/);
    // Conversion problems are reported first; fixing them shows the rest. Fix those two lines:
    writeFileSync(
      bad,
      [
        'external_id,name,city,lat,lng,meal,capacity,registration_url,starts_at',
        'ok-1,Goede tafel,Breda,51.59,4.78,DINNER,20,https://example.org,18:00',
        'bad-2,Verwisseld,Breda,4.78,51.59,DINNER,20,,18:00',
        'bad-3,Script,Breda,51.59,4.78,DINNER,20,javascript:alert(1),18:00',
        'bad-5,Geen maaltijd,Breda,51.59,4.78,SUPPER,20,,18:00',
      ].join('\n'),
    );
    const r2 = await tafel(
      'import',
      bad,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/line 3, column lat,lng: .*look swapped\. \[OUTSIDE_COUNTRY\]/);
    expect(r2.stderr).toMatch(/line 4, column registration_url: .* \[INVALID_URL\]/);
    expect(r2.stderr).toMatch(/line 5, column meal: meal "SUPPER" is not one of/);
    expect(await withDb(venues)).toEqual(before);
  });

  it('refuses unknown columns instead of ignoring them', async () => {
    const file = join(dir, 'extra.csv');
    writeFileSync(file, 'external_id,name,lat,lng,meal,phone\nx,X,52,5,LUNCH,0612345678\n');
    const r = await tafel(
      'import',
      file,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 1, column phone: Unknown column "phone"/);
  });

  it('a dry run reports and changes nothing', async () => {
    const before = await withDb(venues);
    const file = join(dir, 'new.csv');
    writeFileSync(file, 'external_id,name,lat,lng,meal\nnew-1,Nieuw,52,5,LUNCH\n');
    const r = await tafel(
      'import',
      file,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
      '--dry-run',
    );
    expect(r.stdout).toMatch(/Dry run, nothing changed: would have created 1/);
    expect(await withDb(venues)).toEqual(before);
  });

  it('reads a file named from where the command was typed, as the README runs it from the repository root', async () => {
    // pnpm runs the script in packages/api and says in INIT_CWD where the command was typed.
    const shell = { ...env };
    delete shell['INIT_CWD'];
    const r = await command(
      'pnpm',
      [
        'tafel',
        'import',
        'examples/venues.csv',
        '--organisation',
        'moskee-bergen-op-zoom',
        '--edition',
        'nid-test',
        '--dry-run',
      ],
      root,
      shell,
    );
    expect(r.stderr).not.toMatch(/ENOENT/);
    expect(r.stdout).toMatch(
      /Dry run, nothing changed: would have created \d+, updated \d+, unchanged \d+, cancelled 0 \(2 rows from examples\/venues.csv\)/,
    );
  });

  it('refuses a count written with a thousands separator or a decimal, naming line and column, and imports nothing', async () => {
    const before = await withDb(venues);
    const file = join(dir, 'numbers.csv');
    writeFileSync(
      file,
      [
        'external_id,name,lat,lng,meal,capacity,participants',
        'n-1,Duizend,52.1,5.1,DINNER,1.000,0',
        'n-2,Thousand,52.1,5.1,DINNER,"1,000",0',
        'n-3,Anderhalf,52.1,5.1,DINNER,20,1.5',
        'n-4,Gewoon,"52,1","5,1",DINNER,1000,12',
      ].join('\n'),
    );
    const r = await tafel(
      'import',
      file,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /line 2, column capacity: "1\.000" is ambiguous: .* plain digits, like 1000\./,
    );
    expect(r.stderr).toMatch(/line 3, column capacity: "1,000" is ambiguous/);
    expect(r.stderr).toMatch(/line 4, column participants: "1\.5" is not a whole number/);
    expect(r.stderr).not.toMatch(/line 5/);
    expect(await withDb(venues)).toEqual(before);
  });

  it('refuses a file that is not UTF-8 (Excel’s Windows-1252) naming the line, and reads UTF-8 with a BOM', async () => {
    const before = await withDb(venues);
    const file = join(dir, 'cp1252.csv');
    const header = 'external_id,name,city,lat,lng,meal\r\n';
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${header}e-1,Tafel,Breda,51.59,4.78,DINNER\r\ne-2,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(' De Unie,Rotterdam,51.92,4.47,LUNCH\r\n'),
      ]),
    );
    const r = await tafel(
      'import',
      file,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /line 3: The file is not UTF-8: byte 0xE9 \(“é” in Windows-1252\) .* save it as "CSV UTF-8/,
    );
    expect(await withDb(venues)).toEqual(before);

    writeFileSync(file, `\uFEFF${header}e-2,Café De Unie,Rotterdam,51.92,4.47,LUNCH\r\n`);
    const ok = await tafel(
      'import',
      file,
      '--organisation',
      'moskee-bergen-op-zoom',
      '--edition',
      'nid-test',
    );
    expect(ok.stderr).toBe('');
    expect((await withDb(venues)).find((v) => v.external_id === 'e-2')?.name).toBe('Café De Unie');
  });
});

describe('times on the days the clocks change', () => {
  const at = async (date: string, time: string) => {
    const parsed = await parseVenueCsv(
      `external_id,name,lat,lng,meal,starts_at\nx,X,52.1,5.1,DINNER,${time}\n`,
      { date, timeZone: 'Europe/Amsterdam' },
    );
    return {
      instant: parsed.rows[0]?.startsAt?.toISOString() ?? null,
      problems: parsed.problems.map((p) => `${p.column}: ${p.message}`),
    };
  };

  it('reads times on the last Sunday of October in summer time until the clocks go back, and refuses 02:30, which happens twice', async () => {
    expect(await at('2027-10-31', '00:30')).toEqual({
      instant: '2027-10-30T22:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-10-31', '01:30')).toEqual({
      instant: '2027-10-30T23:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-10-31', '03:30')).toEqual({
      instant: '2027-10-31T02:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-10-31', '02:30')).toEqual({
      instant: null,
      problems: [
        'starts_at: "02:30" happens twice on 2027-10-31 in Europe/Amsterdam: the clocks go back then. Give the full instant, 2027-10-31T02:30:00+02:00 or 2027-10-31T02:30:00+01:00.',
      ],
    });
    expect(await at('2027-10-31', '2027-10-31T02:30:00+01:00')).toEqual({
      instant: '2027-10-31T01:30:00.000Z',
      problems: [],
    });
  });

  it('reads times on the last Sunday of March in winter time until the clocks go forward, and refuses 02:30, which does not exist', async () => {
    expect(await at('2027-03-28', '00:30')).toEqual({
      instant: '2027-03-27T23:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-03-28', '01:30')).toEqual({
      instant: '2027-03-28T00:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-03-28', '03:30')).toEqual({
      instant: '2027-03-28T01:30:00.000Z',
      problems: [],
    });
    expect(await at('2027-03-28', '02:30')).toEqual({
      instant: null,
      problems: [
        'starts_at: "02:30" does not exist on 2027-03-28 in Europe/Amsterdam: the clocks skip 60 minutes then. Give a time the clock shows that day.',
      ],
    });
  });
});
