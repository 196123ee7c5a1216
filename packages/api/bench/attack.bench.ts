/**
 * A member's writes while strangers attack, through a real API process on PostgreSQL:
 * 1. a host's keyed recordArrivals, one after another, first alone and then while 6 anonymous
 *    clients (six addresses, each held to the anonymous rate limit as in production) each keep
 *    sending aliased stats(filter: { search }) over a 100,000-venue edition,
 *    every search a new one (no cache answers it): 20 aliases (the query cost limit refuses
 *    them), then as many as it lets through. The target: p99 under 200 ms.
 * 2. the process with its cap of concurrent SSE streams reached (TAFEL_MAX_SUBSCRIBERS): streams
 *    are opened until one is refused; then /ready and a keyed write are timed with them all open.
 * All traffic stays on 127.0.0.1, bounded in count and time.
 */
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { RecordArrivals } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { issueKey } from '../src/auth/keys.ts';
import { DEMO_EDITION_SLUG, generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { QUERY_LIMITS } from '../src/graphql/limits.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  percentile,
  poster,
  report,
  scratchDatabase,
  startServerProcess,
  UNLIMITED,
} from './support.ts';

const EDITION = 'synthetic-100000';
const ATTACKERS = Number(process.env['BENCH_ATTACKERS'] ?? 6);
const ALIASES = 20;
/** Filtered stats that fit in one request under the query cost limit. */
const MOST_ALLOWED = Math.floor(QUERY_LIMITS.cost / QUERY_LIMITS.filteredStats) - 1;
const ATTACK_SECONDS = Number(process.env['BENCH_ATTACK_SECONDS'] ?? 10);
/** A host's pace: one write, then this pause. */
const WRITE_PAUSE_MS = 100;
/** The process cap of SSE streams in part 2, and how many streams are tried at most. */
const STREAM_CAP = 200;
const MAX_STREAMS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two or three random letters: each alias a search no earlier request asked, all matching many names. */
function randomSearch(): string {
  const letters = 'abdeghiklmnorstuvz';
  const n = 2 + Math.floor(Math.random() * 2);
  return Array.from({ length: n }, () => letters[Math.floor(Math.random() * letters.length)]).join(
    '',
  );
}

function attackBody(aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) =>
      `s${i}: stats(edition: "${EDITION}", filter: { search: "${randomSearch()}" }) { participants locations }`,
  );
  return JSON.stringify({ query: `{ ${fields.join(' ')} }` });
}

interface Writes {
  times: number[];
  accepted: number;
  refused: number;
  failed: number;
}

/** Keyed recordArrivals one after another until `until`, each venue +1 then −1 (no count runs away). */
async function writeLoop(
  post: (body: string) => Promise<{ status: number; text: string }>,
  venues: string[],
  until: () => boolean,
): Promise<Writes> {
  const result: Writes = { times: [], accepted: 0, refused: 0, failed: 0 };
  for (let k = 0; !until(); k++) {
    const body = JSON.stringify({
      query: RecordArrivals.document,
      variables: {
        input: { location: venues[(k >> 1) % venues.length], delta: k % 2 === 0 ? 1 : -1 },
      },
    });
    const started = performance.now();
    try {
      const { status, text } = await post(body);
      result.times.push(performance.now() - started);
      if (status === 200 && text.includes('"userErrors":[]')) result.accepted += 1;
      else if (status === 200 && text.includes('"userErrors":[{')) result.refused += 1;
      else result.failed += 1;
    } catch {
      result.times.push(performance.now() - started);
      result.failed += 1;
    }
    await sleep(WRITE_PAUSE_MS);
  }
  result.times.sort((a, b) => a - b);
  return result;
}

function reportWrites(
  label: string,
  writes: Writes,
  extra: Record<string, string | number> = {},
): void {
  report(label, {
    p50_ms: Math.round(percentile(writes.times, 50)),
    p99_ms: Math.round(percentile(writes.times, 99)),
    max_ms: Math.round(writes.times.at(-1) ?? NaN),
    writes: writes.times.length,
    accepted: writes.accepted,
    refused: writes.refused,
    failed: writes.failed,
    ...extra,
    load1: loadavg()[0]!,
  });
}

/** Each attacker sends its next request as soon as the last is answered. */
async function attack(
  url: string,
  aliases: number,
  stop: () => boolean,
): Promise<{ requests: number; answered: number; errors: number; times: number[] }> {
  const tally = { requests: 0, answered: 0, errors: 0, times: [] as number[] };
  await Promise.all(
    Array.from({ length: ATTACKERS }, async (_, i) => {
      // Each attacker its own client address (documentation addresses, a header only: every
      // byte goes to 127.0.0.1), as six machines would be: each within its own rate limit.
      const post = poster(url, undefined, { 'x-forwarded-for': `198.51.100.${i + 1}` });
      while (!stop()) {
        tally.requests += 1;
        const started = performance.now();
        try {
          const { status, text } = await post(attackBody(aliases));
          tally.times.push(performance.now() - started);
          // Refused (cost limit, timeout, rate limit) or cut short: an error, which is what we want.
          if (status === 200 && !text.includes('"errors"')) tally.answered += 1;
          else tally.errors += 1;
        } catch {
          tally.errors += 1;
        }
      }
    }),
  );
  tally.times.sort((a, b) => a - b);
  return tally;
}

/** Open one SSE stream on a bare socket; resolves with the status line's code once it arrives (the socket stays open). */
function openStream(
  url: URL,
  head: string,
): Promise<{ status: number; retryAfter: string | null; socket: Socket }> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.setEncoding('latin1');
    let buffer = '';
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      const retryAfter = /\r\nretry-after:\s*([^\r\n]*)/i.exec(buffer)?.[1] ?? null;
      resolve({ status, retryAfter, socket });
    };
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk: string) => {
      if (done) return;
      buffer += chunk;
      const end = buffer.indexOf('\r\n\r\n');
      if (end >= 0) finish(Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer)?.[1] ?? 0));
    });
    socket.on('error', () => finish(0));
    socket.on('close', () => finish(0));
  });
}

async function timedRuns(
  runs: number,
  run: () => Promise<boolean>,
): Promise<{ p50: number; p99: number; ok: number }> {
  const times: number[] = [];
  let ok = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    if (await run().catch(() => false)) ok += 1;
    times.push(performance.now() - started);
    await sleep(50);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p99: Math.round(percentile(times, 99)), ok };
}

/** Part 2: streams up to the process cap, then /ready and a keyed write with them all open. */
async function atTheStreamCap(databaseUrl: string, key: string, venues: string[]): Promise<void> {
  const server = await startServerProcess(databaseUrl, {
    ...UNLIMITED,
    TAFEL_MAX_SUBSCRIBERS: String(STREAM_CAP),
    TAFEL_MAX_SUBSCRIBERS_PER_IP: '100000',
    TAFEL_MAX_SUBSCRIBERS_PER_KEY: '100000',
  });
  const sockets: Socket[] = [];
  try {
    const url = new URL(server.url);
    const target = new URL('/graphql', url);
    target.searchParams.set(
      'query',
      'subscription($e: String!) { statsChanged(edition: $e) { participants } }',
    );
    target.searchParams.set('variables', JSON.stringify({ e: DEMO_EDITION_SLUG }));
    const head = `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n`;
    let open = 0;
    let refusal: { status: number; retryAfter: string | null } | null = null;
    while (open < MAX_STREAMS && !refusal) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => openStream(url, head)));
      for (const stream of batch) {
        sockets.push(stream.socket);
        if (stream.status === 200) open += 1;
        else refusal ??= stream;
      }
    }
    const ready = await timedRuns(20, async () => (await fetch(`${server.url}/ready`)).ok);
    const post = poster(server.url, key);
    let k = 0;
    const write = await timedRuns(20, async () => {
      const body = JSON.stringify({
        query: RecordArrivals.document,
        variables: {
          input: { location: venues[(k >> 1) % venues.length], delta: k++ % 2 === 0 ? 1 : -1 },
        },
      });
      const { status, text } = await post(body);
      return status === 200 && text.includes('"recordArrivals"');
    });
    const figures = {
      streams_open: open,
      ready_ok: `${ready.ok}/20`,
      ready_p50_ms: ready.p50,
      ready_p99_ms: ready.p99,
      write_ok: `${write.ok}/20`,
      write_p50_ms: write.p50,
      write_p99_ms: write.p99,
    };
    if (refusal) {
      report(`SSE cap ${STREAM_CAP} reached: /ready and a keyed write`, {
        refused_with: refusal.status,
        retry_after: refusal.retryAfter ?? 'none',
        ...figures,
      });
    } else {
      report(`SSE cap NOT reached (${MAX_STREAMS} streams open, none refused)`, figures);
    }
  } finally {
    for (const socket of sockets) socket.destroy();
    await server.stop();
  }
}

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('attack');
  try {
    const db = scratch.database.db;
    const started = performance.now();
    const big = await loadDemo(db, generateDemo({ venues: 100_000 }));
    report('load synthetic edition', {
      venues: big.locations,
      organisations: big.organisations,
      ms: Math.round(performance.now() - started),
    });
    // The streams of part 2 follow the demo edition: what is measured there is the cap, not the stats of 100,000 venues.
    await loadDemo(db, generateDemo());
    await db.execute(sql`VACUUM ANALYZE`);
    // The host: a key of the organisation with the most public venues in the edition, writing to those.
    const [host] = rowsOf<{ organisation_id: number; ids: number[] }>(
      await db.execute(sql`
        SELECT l.organisation_id, (array_agg(l.id ORDER BY l.id))[1:200] AS ids
        FROM locations l JOIN editions e ON e.id = l.edition_id
        WHERE e.slug = ${EDITION} AND l.status = 'PUBLISHED' AND NOT l.awaiting_approval
        GROUP BY l.organisation_id ORDER BY count(*) DESC LIMIT 1`),
    );
    const venues = host!.ids.map((id) => encodeGlobalId('Location', id));
    const { secret: key } = await issueKey(db, {
      organisationId: host!.organisation_id,
      scopes: ['PARTICIPATION_WRITE'],
      label: 'bench host',
    });

    // One API process as in production — its rate limits included: the attackers are six
    // addresses (behind a trusted proxy), each held to the anonymous allowance, and the host's
    // key to its own — but for the response cache: no random search repeats, so it answers none.
    const server = await startServerProcess(scratch.url, {
      TAFEL_TRUST_PROXY: '1',
      TAFEL_RESPONSE_CACHE: 'off',
    });
    try {
      const post = poster(server.url, key);
      await writeLoop(
        post,
        venues,
        (
          (end) => () =>
            performance.now() > end
        )(performance.now() + 2000),
      );
      const end = performance.now() + 5000;
      reportWrites(
        'recordArrivals alone (100k venues)',
        await writeLoop(post, venues, () => performance.now() > end),
      );
      // The issue's attack (20 aliases), and the most that the query cost limit lets through.
      for (const aliases of [ALIASES, MOST_ALLOWED]) {
        let stop = false;
        const attacking = attack(server.url, aliases, () => stop);
        await sleep(3000);
        const until = performance.now() + ATTACK_SECONDS * 1000;
        const writes = await writeLoop(post, venues, () => performance.now() > until);
        stop = true;
        const tally = await attacking;
        reportWrites(
          `recordArrivals, ${ATTACKERS} anon × ${aliases} aliased stats(search)`,
          writes,
          {
            attack_req: tally.requests,
            attack_answered: tally.answered,
            attack_refused: tally.errors,
            attack_p50_ms: Math.round(percentile(tally.times, 50)),
          },
        );
      }
    } finally {
      await server.stop();
    }

    await atTheStreamCap(scratch.url, key, venues).catch((error: unknown) => {
      console.error('SSE cap: could not measure:', error);
    });
  } finally {
    await scratch.drop();
  }
}
