import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { DemoData } from './data.ts';
import { loadDemoHistory, putInSeries } from './history.ts';
import { hasEdition, type LoadDemoResult, loadDemo } from './load.ts';

/**
 * Load the demo's past edition (with its log) and the live demo edition, each unless it is there
 * already (last year's day first, so the live day has something to be compared with), and the
 * series `nid` with the history the seed texts give.
 */
export async function loadDemoEditions(
  db: Db,
  done: (slug: string, loaded: LoadDemoResult, ms: number) => void,
): Promise<void> {
  const { DEMO_EDITION_SLUG, PAST_EDITION_SLUG, generateDemo, generatePastDemo } = await import(
    './generate.ts'
  );
  /**
   * An edition of demo data, made and loaded unless it is there (`then` follows its first load);
   * its data, for the series it goes in.
   */
  const loadOnce = async (
    generate: () => DemoData,
    then?: (loaded: LoadDemoResult) => Promise<void>,
  ): Promise<DemoData> => {
    const started = performance.now();
    const data = generate();
    if (await hasEdition(db, data.edition.slug)) return data;
    const loaded = await loadDemo(db, data);
    await then?.(loaded);
    done(data.edition.slug, loaded, Math.round(performance.now() - started));
    return data;
  };
  for (const generate of [generatePastDemo, generateDemo]) await loadOnce(generate);
  // The series, with the seed texts' totals-only editions, honestly marked with their source.
  await loadDemoHistory(db, [PAST_EDITION_SLUG, DEMO_EDITION_SLUG]);
  // The 2019 employers' dinner in 's-Hertogenbosch (seeds/001): its own series, one evening.
  const { HET_DINER_SERIES, generateHetDiner, loadHetDinerReport } = await import('./het-diner.ts');
  const hetDiner = await loadOnce(generateHetDiner);
  await putInSeries(db, HET_DINER_SERIES, [hetDiner.edition.slug]);
  await loadHetDinerReport(db);
  // Altinget's integration network (seeds/002): its 2021 programme of meetings.
  const { ALTINGET_SERIES, generateAltinget, loadAltingetProgramme } = await import(
    './altinget.ts'
  );
  const altinget = await loadOnce(generateAltinget, (loaded) =>
    loadAltingetProgramme(db, loaded.editionId),
  );
  await putInSeries(db, ALTINGET_SERIES, [altinget.edition.slug]);
  // Sammen om integration's 2016: Folkemødet, and the companies' placements (below).
  const { SAMMEN_SERIES, generateSammen, loadSammenCounts } = await import('./sammen.ts');
  const sammen = await loadOnce(generateSammen);
  await putInSeries(db, SAMMEN_SERIES, [sammen.edition.slug]);
  // The federations of the seed texts, with their members' joined dates and their measures.
  const { demoFederations, loadDemoFederations } = await import('./federations.ts');
  await loadDemoFederations(db);
  const companies = demoFederations().find((f) => f.slug === 'sammen-om-integration')!.members;
  await loadSammenCounts(
    db,
    companies.map((c) => c.slug),
  );
}

/** Load the demo editions unless they are there already (first start of an empty PGlite folder). */
export async function ensureDemo(db: Db, log: Logger): Promise<void> {
  const { DEMO_EDITION_SLUG } = await import('./generate.ts');
  const { HET_DINER_SLUG } = await import('./het-diner.ts');
  const { hasFederation } = await import('./federations.ts');
  if (
    (await hasEdition(db, DEMO_EDITION_SLUG)) &&
    (await hasEdition(db, HET_DINER_SLUG)) &&
    (await hasFederation(db, 'wir-zusammen'))
  )
    return;
  await loadDemoEditions(db, (slug, loaded, ms) =>
    log.info({ ...loaded, ms }, `loaded the demo edition ${slug}`),
  );
}
