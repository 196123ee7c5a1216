/**
 * The subscribers' side of the live fan-out benchmark, in a process of its own so that the API
 * process under test has its event loop to itself. Opens N statsChanged streams, keeps when each
 * message arrived, and, given the commit times of the writes, says how long each took to reach
 * every subscriber. Talks to the bench over IPC.
 *
 * Each subscriber is a bare TCP connection that sends the GET an EventSource sends and picks the
 * totals out of the bytes as they come: this process shares the machine's two cores with the API
 * under test, and an HTTP parser and a JSON.parse per message here would be measured as the
 * server's latency. (The tests check the same streams with real EventSource and graphql-sse clients.)
 */
import { connect } from 'node:net';

const url = new URL(process.env['SSE_URL']!);
const count = Number(process.env['SSE_SUBSCRIBERS'] ?? 5000);
const query = 'subscription($e: String!) { statsChanged(edition: $e) { participants } }';
const target = new URL('/graphql', url);
target.searchParams.set('query', query);
target.searchParams.set(
  'variables',
  JSON.stringify({ e: process.env['SSE_EDITION'] ?? 'nid-2027' }),
);
const head = `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n`;
const FIELD = '"participants":';

/** Per subscriber: arrival time (ms since the epoch) and the total it carried, in order. */
const received: { at: number[]; participants: number[] }[] = [];
let connected = 0;
let failed = 0;

function open(index: number): Promise<void> {
  const log = { at: [] as number[], participants: [] as number[] };
  received[index] = log;
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.setEncoding('latin1');
    let buffer = '';
    let status = false;
    let first = true;
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk: string) => {
      const now = Date.now();
      buffer += chunk;
      if (!status) {
        if (buffer.length < 12) return;
        if (!buffer.startsWith('HTTP/1.1 200')) {
          failed += 1;
          socket.destroy();
          return resolve();
        }
        status = true;
      }
      // Each `next` message carries one `"participants":N` (the totals are whole numbers).
      let from = 0;
      for (;;) {
        const i = buffer.indexOf(FIELD, from);
        if (i < 0) break;
        let j = i + FIELD.length;
        let n = 0;
        while (j < buffer.length && buffer.charCodeAt(j) >= 48 && buffer.charCodeAt(j) <= 57)
          n = n * 10 + buffer.charCodeAt(j++) - 48;
        if (j === buffer.length) break; // the number may go on in the next chunk
        log.at.push(now);
        log.participants.push(n);
        from = j;
        if (first) {
          first = false;
          connected += 1;
          resolve();
        }
      }
      buffer = buffer.slice(from > 0 ? from : Math.max(0, buffer.length - FIELD.length - 16));
    });
    socket.on('error', () => {
      if (first) {
        failed += 1;
        first = false;
        resolve();
      }
    });
  });
}

async function connectAll(): Promise<void> {
  // A few hundred at a time, as a crowd of pages opening does not arrive in one instant either.
  for (let i = 0; i < count; i += 250) {
    await Promise.all(Array.from({ length: Math.min(250, count - i) }, (_, j) => open(i + j)));
  }
}

/** Latency of every (write, subscriber) pair: from the write's commit to the first message that includes it. */
function measure(start: number, commits: number[]) {
  const histogram = new Uint32Array(60_001);
  let pairs = 0;
  let missing = 0;
  let max = 0;
  let messages = 0;
  for (const log of received) {
    if (!log) continue;
    let m = 0;
    for (let k = 0; k < commits.length; k++) {
      const needed = start + k + 1;
      while (m < log.participants.length && log.participants[m]! < needed) m++;
      if (m === log.participants.length) {
        missing += commits.length - k;
        break;
      }
      const latency = Math.max(0, Math.round(log.at[m]! - commits[k]!));
      histogram[Math.min(latency, 60_000)]! += 1;
      max = Math.max(max, latency);
      pairs += 1;
    }
    messages += log.at.length;
  }
  const at = (p: number) => {
    let seen = 0;
    const wanted = Math.ceil((p / 100) * pairs);
    for (let ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms]!;
      if (seen >= wanted) return ms;
    }
    return NaN;
  };
  // How long one message took to reach every subscriber: from its first to its last arrival.
  const span = new Map<number, { first: number; last: number }>();
  for (const log of received) {
    if (!log) continue;
    for (let m = 1; m < log.participants.length; m++) {
      if (log.participants[m]! <= start) continue;
      const seen = span.get(log.participants[m]!);
      const at = log.at[m]!;
      if (!seen) span.set(log.participants[m]!, { first: at, last: at });
      else {
        seen.first = Math.min(seen.first, at);
        seen.last = Math.max(seen.last, at);
      }
    }
  }
  const spreads = [...span.values()].map((s) => s.last - s.first).sort((a, b) => a - b);
  // From each commit to the first subscriber that heard of it: coalescing and the way there.
  const firsts = [...span.entries()].sort((a, b) => a[0] - b[0]);
  const waits: number[] = [];
  let f = 0;
  for (let k = 0; k < commits.length; k++) {
    while (f < firsts.length && firsts[f]![0] < start + k + 1) f++;
    if (f < firsts.length) waits.push(Math.max(0, firsts[f]![1].first - commits[k]!));
  }
  waits.sort((a, b) => a - b);
  const waitAt = (p: number) =>
    waits[Math.min(waits.length - 1, Math.max(0, Math.ceil((p / 100) * waits.length) - 1))] ?? NaN;
  const spreadAt = (p: number) =>
    spreads[Math.min(spreads.length - 1, Math.max(0, Math.ceil((p / 100) * spreads.length) - 1))] ??
    NaN;
  // Sparse, so that the cluster bench can merge the histograms of several subscribers' processes.
  const sparse: [number, number][] = [];
  histogram.forEach((n, ms) => {
    if (n) sparse.push([ms, n]);
  });
  return {
    histogram: sparse,
    pairs,
    missing,
    p50: at(50),
    p99: at(99),
    max,
    messagesPerSubscriber: messages / Math.max(1, connected),
    spreadP50: spreadAt(50),
    spreadP99: spreadAt(99),
    firstP50: waitAt(50),
    firstP99: waitAt(99),
  };
}

process.on('message', (message: { type: 'measure'; start: number; commits: number[] }) => {
  if (message.type === 'measure') {
    process.send!({ type: 'measured', ...measure(message.start, message.commits) });
    process.exit(0);
  }
});

await connectAll();
process.send!({ type: 'connected', connected, failed });
