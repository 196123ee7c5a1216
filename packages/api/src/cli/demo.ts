/** `pnpm tafel demo`: load a generated demo edition. */

import { parseArgs } from 'node:util';
import type { Database } from '../db/client.ts';
import { loadDemoEditions } from '../demo/ensure.ts';
import { generateDemo } from '../demo/generate.ts';
import { hasEdition, loadDemo } from '../demo/load.ts';
import { type Announce, type CliIo, UsageError } from './common.ts';

export async function demo(
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
  if (venues === undefined && values.edition === undefined && values.seed === undefined) {
    // The plain demo comes with its history: last year's day, with its log, to compare with.
    await loadDemoEditions(database.db, (slug, past, ms) =>
      io.log(
        `Loaded ${slug}: ${past.locations} venues, ${past.participants} present, in ${(ms / 1000).toFixed(1)} s.`,
      ),
    );
  }
  await announce([
    { table: 'editions' },
    { table: 'organisations' },
    { edition: loaded.editionId },
  ]);
  io.log(
    `Loaded ${data.edition.slug}: ${loaded.locations} venues, ${loaded.organisations} organisations, ${loaded.participants} present, ${loaded.expected} expected in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}
