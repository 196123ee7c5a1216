/**
 * The subscribers' side of the live fan-out benchmark, in a process of its own so that the API
 * process under test has its event loop to itself. Opens N statsChanged streams, keeps when each
 * message arrived, and, given the commit times of the writes, says how long each took to reach
 * every subscriber. Talks to the bench over IPC.
 */
import { request } from 'node:http';

const url = process.env.SSE_URL!;
const count = Number(process.env.SSE_SUBSCRIBERS ?? 5000);
const query = 'subscription($e: String!) { statsChanged(edition: $e) { participants } }';
const target = new URL('/graphql', url);
target.searchParams.set('query', query);
target.searchParams.set('variables', JSON.stringify({ e: process.env.SSE_EDITION ?? 'nid-2027' }));

/** Per subscriber: arrival time (ms since the epoch) and the total it carried, in order. */
const received: { at: number[]; participants: number[] }[] = [];
let connected = 0;
let failed = 0;

function open(index: number): Promise<void> {
  const log = { at: [] as number[], participants: [] as number[] };
  received[index] = log;
  return new Promise((resolve) => {
    const req = request(target, { headers: { accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        failed += 1;
        res.resume();
        return resolve();
      }
      res.setEncoding('utf8');
      let buffer = '';
      let first = true;
      res.on('data', (chunk: string) => {
        const now = Date.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.startsWith('event: next\ndata: ') ? block.slice(18) : null;
          if (!data) continue;
          log.at.push(now);
          log.participants.push((JSON.parse(data) as { data: { statsChanged: { participants: number } } }).data.statsChanged.participants);
          if (first) {
            first = false;
            connected += 1;
            resolve();
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', () => {
      failed += 1;
      resolve();
    });
    req.end();
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
  return { pairs, missing, p50: at(50), p99: at(99), max, messagesPerSubscriber: messages / Math.max(1, connected) };
}

process.on('message', (message: { type: 'measure'; start: number; commits: number[] }) => {
  if (message.type === 'measure') {
    process.send!({ type: 'measured', ...measure(message.start, message.commits) });
    process.exit(0);
  }
});

await connectAll();
process.send!({ type: 'connected', connected, failed });
