/**
 * The public API under partner-page and newsroom load, on PostgreSQL with the demo edition
 * (nid-2027), through real server processes (autocannon in this process):
 *
 * - the widget's map query (MapLocations, every venue of the edition) over GET, on a cold cache
 *   (a server with the response cache off: every request runs its SQL) and on a warm one (the
 *   answer in memory: no parsing, no SQL). Target: warm at least 10× cold.
 * - the same, revalidated with If-None-Match (304, what a browser or CDN sends after max-age).
 * - a journalists' mix: totals, every bucket, the timeline, per region and per meal, the counter.
 */
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { Counter, MapLocations, Stats } from '@tafel/schema';
import { REGIONS } from '@tafel/schema';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { report, scratchDatabase, startServerProcess, UNLIMITED } from './support.ts';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 16;
const EDITION = 'nid-2027';

function getPath(query: string, variables: Record<string, unknown>): string {
  return `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`;
}

async function load(base: string, name: string, paths: string[], headers: Record<string, string> = {}, expect = 200): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { accept: 'application/graphql-response+json', ...headers },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const wrong = result.errors + result.timeouts + (expect === 200 ? result.non2xx : result.requests.total - (result['3xx'] ?? 0));
  report(name, {
    'req/s': Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: wrong,
  });
  if (wrong > 0) throw new Error(`${name}: ${wrong} failed requests`);
  return result.requests.average;
}

/** A journalist's questions: totals and buckets, the day's timeline, per region and per meal. */
function journalistPaths(): string[] {
  const regions = Object.keys(REGIONS).filter((r) => r.startsWith('NL-'));
  const paths = [getPath(Stats.document, { edition: EDITION }), getPath(Counter.document, { edition: EDITION })];
  for (const interval of [5, 15, 60]) {
    paths.push(getPath(`query($e: String!, $i: Minutes) { stats(edition: $e) { participants updatedAt timeline(interval: $i) { at participants } } }`, { e: EDITION, i: interval }));
  }
  for (const region of regions) paths.push(getPath(Stats.document, { edition: EDITION, filter: { region } }));
  for (const meal of ['BREAKFAST', 'LUNCH', 'DINNER']) paths.push(getPath(Counter.document, { edition: EDITION, filter: { meals: [meal] } }));
  return paths;
}

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('public');
  try {
    const demo = await loadDemo(scratch.database.db, generateDemo());
    await scratch.database.db.execute(sql`ANALYZE`);
    report('demo edition', { venues: demo.locations, organisations: demo.organisations });
    const map = getPath(MapLocations.document, { edition: EDITION, first: 1000 });

    const cold = await startServerProcess(scratch.url, { ...UNLIMITED, TAFEL_RESPONSE_CACHE: 'off' });
    let coldRate: number;
    try {
      const probe = (await (await fetch(`${cold.url}${map}`)).json()) as { data: { locations: { nodes: unknown[] } } };
      report('map answer', { venues: probe.data.locations.nodes.length, bytes: JSON.stringify(probe).length });
      coldRate = await load(cold.url, 'map (MapLocations, GET): cold, no cache', [map]);
      await load(cold.url, 'journalists (stats, timeline, filters): no cache', journalistPaths());
    } finally {
      await cold.stop();
    }

    const warm = await startServerProcess(scratch.url, UNLIMITED);
    try {
      const first = await fetch(`${warm.url}${map}`);
      const etag = first.headers.get('etag')!;
      await first.arrayBuffer();
      const warmRate = await load(warm.url, 'map (MapLocations, GET): warm cache', [map]);
      report('map: warm / cold', { ratio: warmRate / coldRate, target: 10 });
      await load(warm.url, 'map: revalidated (If-None-Match → 304)', [map], { 'if-none-match': etag }, 304);
      await load(warm.url, 'journalists (stats, timeline, filters): cached', journalistPaths());
    } finally {
      await warm.stop();
    }
  } finally {
    await scratch.drop();
  }
}
