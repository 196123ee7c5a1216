/**
 * Public reads at the size of the real day and far beyond: the whole demo edition with
 * organisation names, a city-sized viewport at 100,000 venues, and stats at 100,000 venues, on
 * PostgreSQL, through the real HTTP server, under concurrent load (autocannon).
 */
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import { editions } from '../src/db/schema.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { computeStats, LiveStatsModel } from '../src/locations/stats.ts';
import { percentile, report, scratchDatabase, startServerProcess, UNLIMITED } from './support.ts';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 8);

/** City-sized boxes (about 8 × 8 km) around real Dutch cities; each request takes the next one. */
const CITIES = [
  [52.3676, 4.9041],
  [51.9244, 4.4777],
  [52.0907, 5.1214],
  [52.0705, 4.3007],
  [51.4416, 5.4697],
  [53.2194, 6.5665],
  [51.5719, 4.7683],
  [51.8126, 5.8372],
  [52.2215, 6.8937],
  [52.5168, 6.083],
  [51.6978, 5.3037],
  [52.3508, 5.2647],
] as const;

function bodies(
  make: (i: number) => { query: string; variables?: Record<string, unknown> },
  n = 200,
): string[] {
  return Array.from({ length: n }, (_, i) => JSON.stringify(make(i)));
}

/**
 * Each shape twice: one client at a time (the latency of the query itself) and CONNECTIONS at
 * once (throughput; latency then includes waiting for the one API process).
 */
async function load(url: string, name: string, payloads: string[]) {
  for (const connections of [1, CONNECTIONS]) {
    let i = 0;
    const result = await autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections,
      duration: DURATION,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: payloads[i++ % payloads.length] }) }],
    });
    const errors = result.errors + result.non2xx;
    report(`${name} [${connections} conn]`, {
      'req/s': Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      requests: result.requests.total,
      errors,
    });
    if (errors > 0) throw new Error(`${name}: ${errors} failed requests`);
  }
}

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('read');
  try {
    let started = performance.now();
    const demo = await loadDemo(scratch.database.db, generateDemo());
    report('load demo edition (nid-2027)', {
      venues: demo.locations,
      organisations: demo.organisations,
      ms: Math.round(performance.now() - started),
    });
    started = performance.now();
    const big = await loadDemo(scratch.database.db, generateDemo({ venues: 100_000 }));
    report('load synthetic edition', {
      venues: big.locations,
      organisations: big.organisations,
      ms: Math.round(performance.now() - started),
    });
    // As a maintained database would be: statistics current, visibility map set (index-only counts).
    await scratch.database.db.execute(sql`VACUUM ANALYZE`);
    // The database path: no response cache in front (bench/public.bench.ts measures that one).
    const server = await startServerProcess(scratch.url, {
      ...UNLIMITED,
      TAFEL_RESPONSE_CACHE: 'off',
    });
    try {
      // Each request differs slightly (page size, box), as real viewports do, so no response cache serves it.
      await load(
        server.url,
        'demo: whole edition + organisation names',
        bodies((i) => ({
          query: `query($first: Int) { locations(edition: "nid-2027", first: $first) { totalCount nodes { id name meal participants capacity coordinates { lat lng } organisation { name } } } }`,
          variables: { first: 1000 - (i % 50) },
        })),
      );
      await load(
        server.url,
        '100k: city viewport (bbox)',
        bodies((i) => {
          const [lat, lng] = CITIES[i % CITIES.length]!;
          const d = 0.036 + (i % 17) / 10000;
          return {
            // A page of 100 (the default) with the count of all in view, as a list beside the map asks.
            query: `query($bbox: BBox!) { locations(edition: "synthetic-100000", filter: { bbox: $bbox }, first: 100) { totalCount nodes { id name meal participants coordinates { lat lng } organisation { name } } } }`,
            variables: {
              bbox: { south: lat - d, north: lat + d, west: lng - d * 1.6, east: lng + d * 1.6 },
            },
          };
        }),
      );
      await load(
        server.url,
        '100k: stats (totals, regions, meals, groups)',
        bodies(
          (i) => ({
            query: `query($lang: Language) { stats(edition: "synthetic-100000") { participants capacity locations organisations updatedAt byRegion { key label(lang: $lang) participants capacity locations } byMeal { key label(lang: $lang) participants } byTargetGroup { key label(lang: $lang) participants } } }`,
            variables: { lang: (['NL', 'EN', 'DE', 'DA'] as const)[i % 4] },
          }),
          4,
        ),
      );
      // 5,000 organisation buckets make a 400 KB answer: the price is the size, not the counting.
      await load(
        server.url,
        '100k: stats byOrganisation (5,000 buckets)',
        bodies(
          () => ({
            query: `{ stats(edition: "synthetic-100000") { organisations byOrganisation { key label participants } } }`,
          }),
          1,
        ),
      );
      await load(
        server.url,
        'demo: stats',
        bodies(
          (i) => ({
            query: `query($lang: Language) { stats(edition: "nid-2027") { participants capacity locations organisations byRegion { key label(lang: $lang) participants } byMeal { key participants } } }`,
            variables: { lang: (['NL', 'EN', 'DE', 'DA'] as const)[i % 4] },
          }),
          4,
        ),
      );
    } finally {
      await server.stop();
    }
    const synthetic = (
      await scratch.database.db
        .select({ id: editions.id })
        .from(editions)
        .where(eq(editions.slug, 'synthetic-100000'))
    )[0]!;
    // What one reader pays when a write has just made the snapshot stale: the counting itself.
    await timed('100k: stats counted afresh (after a write)', 20, () =>
      computeStats(scratch.database.db, synthetic.id, {}),
    );
    // What statsChanged pays to load its model of an edition (first subscriber, a venue changed, every 15 s).
    await timed('100k: live stats model loaded (statsChanged)', 10, () =>
      LiveStatsModel.load(scratch.database.db, synthetic.id),
    );
  } finally {
    await scratch.drop();
  }
}

async function timed(label: string, runs: number, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  report(label, {
    p50_ms: Math.round(percentile(times, 50)),
    p99_ms: Math.round(percentile(times, 99)),
    runs,
  });
}
