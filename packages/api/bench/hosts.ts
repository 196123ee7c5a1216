/**
 * The live bench's hosts (`BENCH_LIVE=hosts`): 300 simulated hosts, each with a host link for a
 * venue of its own, tap at random (+1 mostly, sometimes +5 or −1) with an idempotency key per
 * tap, for BENCH_HOSTS_SECONDS (60 by default); 5 % of taps are sent again after their answer,
 * as a phone that did not hear the answer resends. Then the check against the participation
 * log: every accepted tap counted once — none lost, none twice — and a resend answered with the
 * first answer's count. Prints the write latency (p50, p99, max) over every send.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { issueHostLink } from '../src/auth/host-links.ts';
import type { Db } from '../src/db/client.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { percentile, poster, report } from './support.ts';

const HOSTS = Number(process.env['BENCH_HOSTS'] ?? 300);
const SECONDS = Number(process.env['BENCH_HOSTS_SECONDS'] ?? 60);
/** A host taps every 2 s on average (exponential gaps): 150 taps a second for 300 hosts. */
const MEAN_GAP_MS = Number(process.env['BENCH_HOSTS_GAP_MS'] ?? 2000);
const RETRY_SHARE = 0.05;

const ARRIVE = JSON.stringify(
  'mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants } userErrors { code message } } }',
);

interface Host {
  locationId: number;
  post: (body: string) => Promise<{ status: number; text: string }>;
  /** The arrivals this host's accepted taps added. */
  added: number;
  accepted: number;
  /** Taps refused or failed (their keys are not counted). */
  failed: number;
}

async function counts(db: Db, ids: number[]) {
  const rows = rowsOf<{ id: number; participants: number }>(
    await db.execute(
      sql`SELECT id, participants FROM locations WHERE id IN (${sql.join(ids, sql`, `)})`,
    ),
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.participants)]));
}

export async function hosts(url: string, db: Db, venueIds: number[]): Promise<void> {
  const ids = venueIds.slice(0, HOSTS);
  if (ids.length < HOSTS) throw new Error(`only ${ids.length} venues for ${HOSTS} hosts`);
  const team: Host[] = [];
  for (const locationId of ids) {
    const link = await issueHostLink(db, { locationId, createdByKeyId: null, createdBy: 'bench' });
    team.push({ locationId, post: poster(url, link!.token), added: 0, accepted: 0, failed: 0 });
  }
  const before = await counts(db, ids);
  const [{ last }] = rowsOf<{ last: number }>(
    await db.execute(sql`SELECT coalesce(max(id), 0) AS last FROM participation_log`),
  ) as [{ last: number }];
  const latencies: number[] = [];
  let sends = 0;
  let retries = 0;
  let retryMismatches = 0;
  let unanswered = 0;
  let firstFailure = '';
  const send = async (host: Host, body: string) => {
    const started = performance.now();
    const answer = await host.post(body);
    latencies.push(performance.now() - started);
    sends += 1;
    return answer;
  };
  const participantsOf = (text: string) => /"participants":(\d+)/.exec(text)?.[1] ?? null;
  const end = performance.now() + SECONDS * 1000;
  const tapAway = async (host: Host, h: number) => {
    let seq = 0;
    for (;;) {
      const gap = -Math.log(1 - Math.random()) * MEAN_GAP_MS;
      if (performance.now() + gap >= end) return;
      await new Promise((r) => setTimeout(r, gap));
      const roll = Math.random();
      const delta = roll < 0.1 && host.added > 0 ? -1 : roll > 0.95 ? 5 : 1;
      seq += 1;
      const key = `bench-h${h}-${seq}`;
      const body = `{"query":${ARRIVE},"variables":{"input":{"location":"${encodeGlobalId('Location', host.locationId)}","delta":${delta},"idempotencyKey":"${key}"}}}`;
      // A send that got no answer (a reset connection) is sent again with the same key, as the
      // host's page does: counted once whether or not the first one committed.
      let first: { status: number; text: string } | null = null;
      for (let attempt = 0; attempt < 5 && !first; attempt++) {
        try {
          first = await send(host, body);
        } catch (error) {
          unanswered += 1;
          firstFailure ||= (error as Error).message;
        }
      }
      if (first?.status !== 200 || !first.text.includes('"userErrors":[]')) {
        host.failed += 1;
        if (first) firstFailure ||= `${first.status} ${first.text.slice(0, 160)}`;
        continue;
      }
      host.accepted += 1;
      host.added += delta;
      if (Math.random() < RETRY_SHARE) {
        retries += 1;
        const again = await send(host, body).catch(() => null);
        if (again && participantsOf(again.text) !== participantsOf(first.text))
          retryMismatches += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(team.map((host, h) => tapAway(host, h)));
  const seconds = (performance.now() - started) / 1000;
  const after = await counts(db, ids);
  const logged = new Map(
    rowsOf<{ location_id: number; entries: number; moved: number }>(
      await db.execute(
        sql`SELECT location_id, count(*) AS entries, sum(new_value - old_value) AS moved FROM participation_log WHERE id > ${last} AND location_id IN (${sql.join(ids, sql`, `)}) GROUP BY location_id`,
      ),
    ).map((r) => [Number(r.location_id), { entries: Number(r.entries), moved: Number(r.moved) }]),
  );
  let lost = 0;
  let twice = 0;
  for (const host of team) {
    const grew = after.get(host.locationId)! - before.get(host.locationId)!;
    const log = logged.get(host.locationId) ?? { entries: 0, moved: 0 };
    // Counted and logged must both equal what the host's accepted taps added, one entry per tap.
    const off = Math.min(grew, log.moved) - host.added;
    if (off < 0 || log.entries < host.accepted) lost += 1;
    if (Math.max(grew, log.moved) > host.added || log.entries > host.accepted) twice += 1;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const accepted = team.reduce((n, h) => n + h.accepted, 0);
  report(`hosts: ${HOSTS} host links tapping, ${RETRY_SHARE * 100} % resent`, {
    seconds: Math.round(seconds),
    taps: accepted,
    'taps/s': Math.round(accepted / seconds),
    sends,
    resent: retries,
    unanswered_resent: unanswered,
    refused: team.reduce((n, h) => n + h.failed, 0),
    venues_lost: lost,
    venues_twice: twice,
    resend_answer_differs: retryMismatches,
    p50_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    max_ms: sorted.at(-1) ?? NaN,
    // The machine's load while measuring: figures from a shared 2-core box are only as good as this.
    load1: loadavg()[0]!,
  });
  if (firstFailure) console.log(`  first refused or unanswered send: ${firstFailure}`);
  if (lost || twice || retryMismatches)
    throw new Error(
      `hosts: ${lost} venues lost taps, ${twice} counted some twice, ${retryMismatches} resends answered differently`,
    );
}
