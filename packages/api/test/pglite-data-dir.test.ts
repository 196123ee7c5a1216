/**
 * PGlite's data folder holds every venue, draft and key hash of an instance: nobody but its
 * owner may read or change anything in it, including what PGlite writes after it started.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { editions } from '../src/db/schema.ts';

const parent = mkdtempSync(join(tmpdir(), 'tafel-data-modes-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Every path in the folder (the folder too) whose mode is not the owner's only: `mode path`. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const look = (path: string) => {
    const stat = statSync(path);
    const want = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== want)
      found.push(`${(stat.mode & 0o777).toString(8)} ${path.slice(dir.length) || '/'}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) look(join(path, name));
  };
  look(dir);
  return found;
}

it('keeps every file (0600) and folder (0700) of the PGlite data folder to its owner, while open and after', async () => {
  const dataDir = join(parent, 'data');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await database.db.insert(editions).values({ slug: 'modes', name: 'Modes', date: '2027-10-14' });
  expect(readdirSync(dataDir).length).toBeGreaterThan(5);
  expect(openToOthers(dataDir)).toEqual([]);
  await database.close();
  expect(openToOthers(dataDir)).toEqual([]);

  // Opened again: what PGlite writes as it starts and as it works is the owner's only too.
  const again = await openDatabase({ dataDir });
  await again.db
    .insert(editions)
    .values({ slug: 'modes-2', name: 'Modes again', date: '2027-10-15' });
  expect(openToOthers(dataDir)).toEqual([]);
  await again.close();
  expect(openToOthers(dataDir)).toEqual([]);
  // A folder on disk is unpacked and started twice: slow on a busy machine.
}, 240_000);
