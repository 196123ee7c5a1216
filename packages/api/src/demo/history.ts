/**
 * The demo's series and its history as the seed texts tell it (seeds/000, a press release):
 * the first dinner in 2010 and the release's own edition hold totals only, with their source;
 * nid-2026 (synthetic, with venues and a log) and the live nid-2027 join the same series.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, series } from '../db/schema.ts';

export const DEMO_SERIES = { slug: 'nid', name: 'Nationaal Integratiediner' } as const;

const RELEASE =
  'Persbericht “Meer dan 20.000 mensen doen mee aan Nationaal Integratiediner” (Asito)';

/** Past editions whose venues were never recorded: their totals only, each with its source. */
export const TOTALS_ONLY = [
  {
    slug: 'nid-2010',
    name: 'Integratiediner 2010',
    // The source gives the year only; the day stands for it (a Thursday in October, as later).
    date: '2010-10-14',
    totalParticipants: 650,
    totalLocations: 80,
    totalOrganisations: null,
    totalsAtLeast: false,
    totalsSource: `${RELEASE}: “Bij het eerste diner, in 2010 deden 650 eigen medewerkers mee op 80 locaties.” Only the year is known; the date stands for it.`,
  },
  {
    slug: 'nid-2016',
    name: 'Nationaal Integratiediner 2016',
    // "Donderdag 13 oktober", six years after the first ("leidt al zes jaar"): 13 October 2016.
    date: '2016-10-13',
    totalParticipants: 20_000,
    totalLocations: 300,
    totalOrganisations: 90,
    totalsAtLeast: true,
    totalsSource: `${RELEASE}: “op meer dan 300 locaties … meer dan 90 organisaties en ruim 20.000 mensen”, on Thursday 13 October. The year is inferred: six years after the first dinner in 2010.`,
  },
] as const;

/**
 * Create a series unless it is there, and put the given editions (already loaded) in it; its id.
 */
export async function putInSeries(
  db: Db,
  s: { slug: string; name: string },
  editionSlugs: readonly string[],
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.insert(series).values(s).onConflictDoNothing({ target: series.slug });
    const [row] = await tx.select().from(series).where(eq(series.slug, s.slug));
    if (editionSlugs.length)
      await tx
        .update(editions)
        .set({ seriesId: row!.id })
        .where(inArray(editions.slug, [...editionSlugs]));
    return row!.id;
  });
}

/**
 * Create the series and its totals-only editions unless they are there, and put the given
 * demo editions (already loaded) in it.
 */
export async function loadDemoHistory(db: Db, editionSlugs: readonly string[]): Promise<void> {
  const seriesId = await putInSeries(db, DEMO_SERIES, editionSlugs);
  await db
    .insert(editions)
    .values(TOTALS_ONLY.map((e) => ({ ...e, status: 'CLOSED' as const, seriesId })))
    .onConflictDoNothing({ target: editions.slug });
}
