/**
 * The public API under partner-page and newsroom load, on PostgreSQL with the demo edition
 * (nid-2027), through real server processes (autocannon in this process):
 *
 * - the widget's map query (MapLocations, every venue of the edition) over GET, on a cold cache
 *   (a server with the response cache off: every request runs its SQL) and on a warm one (the
 *   answer in memory: no parsing, no SQL). Target: warm at least 10× cold.
 * - the same, revalidated with If-None-Match (304, what a browser or CDN sends after max-age).
 * - a journalists' mix: totals, every bucket, the timeline, per region and per meal, the counter.
 * - the day: the map query while 50 participation writes a second arrive on the same edition
 *   (through the server read, as a busy process sees them), uncached and cached in turn: req/s,
 *   the share of answers served from memory (`x-tafel-cache`), and the oldest count served
 *   (a sampler beside the load reads one venue whose count every fifth write moves up by one).
 */

import { Counter, MapLocations, REGIONS, Stats } from '@tafel/schema';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { issueKey } from '../src/auth/keys.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  report,
  type ScratchDb,
  scratchDatabase,
  startServerProcess,
  UNLIMITED,
} from './support.ts';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 16;
const EDITION = 'nid-2027';

function getPath(query: string, variables: Record<string, unknown>): string {
  return `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`;
}

async function load(
  base: string,
  name: string,
  paths: string[],
  headers: Record<string, string> = {},
  expect = 200,
): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { accept: 'application/graphql-response+json', ...headers },
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) },
    ],
  });
  const wrong =
    result.errors +
    result.timeouts +
    (expect === 200 ? result.non2xx : result.requests.total - (result['3xx'] ?? 0));
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
  const paths = [
    getPath(Stats.document, { edition: EDITION }),
    getPath(Counter.document, { edition: EDITION }),
  ];
  for (const interval of [5, 15, 60]) {
    paths.push(
      getPath(
        `query($e: String!, $i: Minutes) { stats(edition: $e) { participants updatedAt timeline(interval: $i) { at participants } } }`,
        { e: EDITION, i: interval },
      ),
    );
  }
  for (const region of regions)
    paths.push(getPath(Stats.document, { edition: EDITION, filter: { region } }));
  for (const meal of ['BREAKFAST', 'LUNCH', 'DINNER'])
    paths.push(getPath(Counter.document, { edition: EDITION, filter: { meals: [meal] } }));
  return paths;
}

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('public');
  try {
    const demo = await loadDemo(scratch.database.db, generateDemo());
    await scratch.database.db.execute(sql`ANALYZE`);
    report('demo edition', { venues: demo.locations, organisations: demo.organisations });
    const map = getPath(MapLocations.document, { edition: EDITION, first: 1000 });

    const cold = await startServerProcess(scratch.url, {
      ...UNLIMITED,
      TAFEL_RESPONSE_CACHE: 'off',
    });
    let coldRate: number;
    try {
      const probe = (await (await fetch(`${cold.url}${map}`)).json()) as {
        data: { locations: { nodes: unknown[] } };
      };
      report('map answer', {
        venues: probe.data.locations.nodes.length,
        bytes: JSON.stringify(probe).length,
      });
      coldRate = await load(cold.url, 'map (MapLocations, GET): cold, no cache', [map]);
      await load(cold.url, 'journalists (stats, timeline, filters): no cache', journalistPaths());
    } finally {
      await cold.stop();
    }

    const warm = await startServerProcess(scratch.url, UNLIMITED);
    try {
      // As the load asks for it: each representation (Accept) has its own ETag.
      const first = await fetch(`${warm.url}${map}`, {
        headers: { accept: 'application/graphql-response+json' },
      });
      const etag = first.headers.get('etag')!;
      await first.arrayBuffer();
      const warmRate = await load(warm.url, 'map (MapLocations, GET): warm cache', [map]);
      report('map: warm / cold', { ratio: warmRate / coldRate, target: 10 });
      await load(
        warm.url,
        'map: revalidated (If-None-Match → 304)',
        [map],
        { 'if-none-match': etag },
        304,
      );
      await load(warm.url, 'journalists (stats, timeline, filters): cached', journalistPaths());
    } finally {
      await warm.stop();
    }
    await theDay(scratch, map);
  } finally {
    await scratch.drop();
  }
}

const WRITES_PER_SECOND = 50;
const REPORT =
  'mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { message } } }';

/** The map query under 50 participation writes a second on its edition: uncached, then cached. */
async function theDay(scratch: ScratchDb, map: string): Promise<void> {
  const db = scratch.database.db;
  const { secret } = await issueKey(db, {
    organisationId: null,
    scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
    label: 'bench',
  });
  // Counts free of seat limits, so any count is a valid report.
  await db.execute(
    sql`UPDATE locations SET capacity = NULL WHERE edition_id = (SELECT id FROM editions WHERE slug = ${EDITION})`,
  );
  const ids = rowsOf<{ id: number; name: string }>(
    await db.execute(
      sql`SELECT id, name FROM locations WHERE edition_id = (SELECT id FROM editions WHERE slug = ${EDITION}) AND status = 'PUBLISHED' AND NOT awaiting_approval ORDER BY id`,
    ),
  );
  const probe = ids[0]!;
  const probeId = encodeGlobalId('Location', probe.id);
  const venues = ids.slice(1).map((v) => encodeGlobalId('Location', v.id));
  const rates: Record<string, number> = {};
  for (const [label, env] of [
    ['uncached', { TAFEL_RESPONSE_CACHE: 'off' }],
    ['cached', {}],
  ] as const) {
    const server = await startServerProcess(scratch.url, { ...UNLIMITED, ...env });
    let probeValue = 1_000 * (label === 'cached' ? 2 : 1);
    const madeAt = new Map<number, number>();
    let writing = true;
    let writes = 0;
    let failedWrites = 0;
    const send = (location: string, participants: number) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: REPORT, variables: { input: { location, participants } } }),
      }).then(async (r) => {
        const body = (await r.json()) as {
          data?: { reportParticipation?: { userErrors: unknown[] } };
        };
        if (r.status !== 200 || body.data?.reportParticipation?.userErrors.length !== 0)
          failedWrites++;
      });
    const writer = (async () => {
      const started = performance.now();
      const inFlight = new Set<Promise<void>>();
      while (writing) {
        const i = writes++;
        let done: Promise<void>;
        if (i % 5 === 0) {
          const value = ++probeValue;
          done = send(probeId, value).then(() => void madeAt.set(value, performance.now()));
        } else {
          done = send(
            venues[Math.floor(Math.random() * venues.length)]!,
            Math.floor(Math.random() * 60),
          );
        }
        inFlight.add(done);
        void done.catch(() => failedWrites++).finally(() => inFlight.delete(done));
        const next = started + (writes * 1000) / WRITES_PER_SECOND;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
      await Promise.allSettled([...inFlight]);
    })();
    // The oldest count served: how long ago the change that replaced the probe's shown count was made.
    let oldest = 0;
    let samples = 0;
    const sampler = (async () => {
      while (writing) {
        const at = performance.now();
        const body = (await (
          await fetch(`${server.url}${map}`, {
            headers: { accept: 'application/graphql-response+json' },
          })
        ).json()) as { data: { locations: { nodes: { name: string; participants: number }[] } } };
        const shown = body.data.locations.nodes.find((n) => n.name === probe.name)?.participants;
        const replacedAt = shown === undefined ? undefined : madeAt.get(shown + 1);
        if (replacedAt !== undefined && replacedAt < at) oldest = Math.max(oldest, at - replacedAt);
        samples++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const served = { hit: 0, stale: 0, miss: 0 };
    try {
      // Let the writes get going first.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { accept: 'application/graphql-response+json' },
        requests: [
          {
            method: 'GET',
            path: map,
            onResponse: (_status, _body, _context, headers) => {
              const how = headers?.['x-tafel-cache'] as keyof typeof served | undefined;
              served[how && how in served ? how : 'miss']++;
            },
          },
        ],
      });
      const total = served.hit + served.stale + served.miss;
      rates[label] = result.requests.average;
      report(`the day: map under ${WRITES_PER_SECOND} writes/s, ${label}`, {
        'req/s': Math.round(result.requests.average),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        hit_rate: total ? (served.hit + served.stale) / total : 0,
        stale_share: total ? served.stale / total : 0,
        oldest_count_ms: Math.round(oldest),
        samples,
        'writes/s': Math.round(writes / (DURATION + 1)),
        errors: result.errors + result.timeouts + result.non2xx + failedWrites,
      });
    } finally {
      writing = false;
      await Promise.all([writer, sampler]);
      await server.stop();
    }
  }
  report('the day: cached / uncached', {
    ratio: rates['cached']! / rates['uncached']!,
    target: 10,
  });
}
