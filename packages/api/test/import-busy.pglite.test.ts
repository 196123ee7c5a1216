/**
 * A large import through a running server on PGlite, where the server owns the database and the
 * command line hands the import to it: the server keeps answering meanwhile. PGlite only (the
 * `.pglite.test.ts` files are left out of the PostgreSQL pass, where the command line connects
 * to the database itself).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdminFile } from '../src/db/lock.ts';
import { type ApiProcess, freePort, startApiProcess } from './live-support.ts';

let server: ApiProcess;
let url: string;
const dataDir = join(mkdtempSync(join(tmpdir(), 'tafel-import-busy-')), 'data');

beforeAll(async () => {
  // No rate limit: the test asks for a public feed every few milliseconds.
  server = await startApiProcess('', await freePort(), {
    TAFEL_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TAFEL_RATE_LIMIT: 'off',
  });
  url = server.url;
});

afterAll(async () => {
  await server?.stop();
});

describe('an import through the server on PGlite', { timeout: 180_000 }, () => {
  it('on PGlite, a 10,000-row import through the server leaves it answering public requests all along', async () => {
    const lines = [
      'external_id,name,city,lat,lng,meal,starts_at,ends_at,capacity,target_groups,languages,description',
    ];
    for (let i = 0; i < 10_000; i++)
      lines.push(
        `big-${i},Tafel ${i},Utrecht,52.${String(i).padStart(4, '0')},5.1,DINNER,18:00,21:00,40,REFUGEES;ELDERLY,nl;ar,Aan tafel nummer ${i}`,
      );
    const admin = readAdminFile(dataDir)!;
    const command = (...argv: string[]) =>
      fetch(`${url}/admin/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tafel-admin-token': admin.token },
        body: JSON.stringify({ argv }),
      }).then(async (r) => (await r.json()) as { code: number; out: { line: string }[] });
    expect(
      (await command('organisations', 'create', '--slug', 'grote-import', '--name', 'Grote import'))
        .code,
    ).toBe(0);
    expect(
      (
        await command(
          'editions',
          'create',
          '--slug',
          'nid-import',
          '--name',
          'Import day',
          '--date',
          '2027-10-14',
        )
      ).code,
    ).toBe(0);
    const feed = `${url}/editions/nid-import/locations.geojson`;
    expect((await fetch(feed)).status).toBe(200);
    const started = performance.now();
    let running = true;
    const importing = command(
      'import',
      `inline:${lines.join('\n')}`,
      '--organisation',
      'grote-import',
      '--edition',
      'nid-import',
      '--file',
      'big.csv',
    );
    void importing.finally(() => (running = false));
    const waits: number[] = [];
    while (running) {
      const asked = performance.now();
      expect((await fetch(feed)).status).toBe(200);
      waits.push(performance.now() - asked);
      await new Promise((r) => setTimeout(r, 10));
    }
    const duration = performance.now() - started;
    const result = await importing;
    expect(result.out.map((o) => o.line).join('\n')).toMatch(/Done: created 10000, updated 0/);
    // Bound: a third of the import. It is parsed, checked and written in slices (64 KB of CSV,
    // 500 rows checked, 250 rows a statement) with a turn of the event loop between, so a request
    // waits for one slice; the longest single step left is the end of the transaction, where
    // PGlite writes everything at once (about a fifth of the import on a busy 2-core machine).
    // When the import ran in whole steps, requests waited for nearly all of it. Measured against
    // the import's own duration, the bound holds on a slow machine as on a fast one.
    expect(waits.length).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBeLessThan(duration / 3);
  });
});
