import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { hasEdition, loadDemo } from './load.ts';

/** Load the demo edition unless it is there already (first start of an empty PGlite folder). */
export async function ensureDemo(db: Db, log: Logger): Promise<void> {
  const { DEMO_EDITION_SLUG, generateDemo } = await import('./generate.ts');
  if (await hasEdition(db, DEMO_EDITION_SLUG)) return;
  const started = performance.now();
  const data = generateDemo();
  const loaded = await loadDemo(db, data);
  log.info(
    { ...loaded, ms: Math.round(performance.now() - started) },
    `loaded the demo edition ${data.edition.slug}`,
  );
}
