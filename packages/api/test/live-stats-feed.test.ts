/**
 * The live stats over Server-Sent Events, through the real app over real HTTP: a plain
 * EventSource, the current stats first, coalescing, changes to the venues themselves, and a
 * subscriber that reads slowly.
 */
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { EventSource } from 'eventsource';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveHub } from '../src/live/hub.ts';
import { logger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import {
  type LiveServer,
  post,
  serveHttp,
  subscribe,
  useLiveServer,
  waitFor,
} from './live-support.ts';
import { onPostgres, type TestDb } from './support.ts';

const INTERVAL_MS = 100;
const BURST_INTERVAL_MS = 300;

const live = useLiveServer(INTERVAL_MS);
const { arrive, publicTotal } = live;
let t: TestDb;
let fx: LiveServer['fx'];
let server: LiveServer['server'];
let staff: string;
beforeAll(() => {
  ({ t, fx, server, staff } = live);
});

describe('statsChanged', () => {
  it('works with a plain EventSource: the current stats first, then the change', async () => {
    const url = new URL('/graphql', server.url);
    url.searchParams.set('query', StatsChanged.document);
    url.searchParams.set('variables', JSON.stringify({ edition: 'nid-test' }));
    const source = new EventSource(url.toString());
    const messages: any[] = [];
    const arrived = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`got ${JSON.stringify(messages)}`)),
          10_000,
        );
        const check = () => {
          if (messages.length < n) return;
          clearTimeout(timer);
          resolve();
        };
        source.addEventListener('next', (e) => {
          messages.push(JSON.parse(e.data));
          check();
        });
        check();
      });
    try {
      await arrived(1);
      expect(messages[0].data.statsChanged).toMatchObject({
        participants: await publicTotal(),
        capacity: expect.any(Number),
        locations: 5,
      });
      await arrive('Stadhuis Utrecht', 2);
      await arrived(2);
      expect(messages.at(-1).data.statsChanged.participants).toBe(await publicTotal());
    } finally {
      source.close();
    }
  });

  it('coalesces a burst of 500 writes into far fewer messages, the last one exact', async () => {
    // A process of its own with a longer interval: on a busy machine (CI runs the browser tests
    // beside these) 500 writes in turn can take over 12 s, and 100 ms ticks would then be as
    // many as a quarter of the writes, which says nothing about coalescing.
    const burstHub = new LiveHub(t.database, logger, { intervalMs: BURST_INTERVAL_MS });
    const burst = await serveHttp(createApp({ database: t.database, live: burstHub }));
    const stream = await subscribe(
      burst.url,
      `subscription($e: String!) { statsChanged(edition: $e) { participants byRegion { key participants } } }`,
      { e: 'nid-test' },
    );
    try {
      await stream.until(() => true);
      const from = stream.messages.length;
      const started = performance.now();
      const venues = [
        'Stadhuis Utrecht',
        'Heracles Stadion',
        'Moskee Bergen op Zoom',
        'Ontbijt AZC Almelo',
      ];
      await t.database.db.execute(
        sql`UPDATE locations SET participants = 0, capacity = 1000 WHERE id IN (${sql.join(
          venues.map((v) => fx.locations[v]!.id),
          sql`, `,
        )})`,
      );
      const write = (i: number) => arrive(venues[i % venues.length]!, 1, staff, burst.url);
      if (onPostgres) {
        // 500 at once, over the pool.
        const results = await Promise.all(Array.from({ length: 500 }, (_, i) => write(i)));
        expect(results.every((r) => r.data.recordArrivals.userErrors.length === 0)).toBe(true);
      } else {
        for (let i = 0; i < 500; i++) await write(i);
      }
      const elapsed = performance.now() - started;
      const total = await publicTotal();
      const last = await stream.until((m) => m.data.statsChanged.participants === total, { from });
      expect(
        last.data.statsChanged.byRegion.reduce((a: number, b: any) => a + b.participants, 0),
      ).toBe(total);
      // Quiet for a few intervals: nothing after the exact one.
      await new Promise((r) => setTimeout(r, BURST_INTERVAL_MS * 4));
      expect(stream.messages.at(-1)).toEqual(last);
      const during = stream.messages.length - from;
      // At most one per interval (plus the leading one and the last), far fewer than the writes.
      expect(during).toBeLessThanOrEqual(
        Math.ceil((elapsed + BURST_INTERVAL_MS * 4) / BURST_INTERVAL_MS) + 2,
      );
      // However slow the machine, far fewer messages than writes.
      expect(during).toBeLessThan(500 / 4);
    } finally {
      stream.close();
      await burst.close();
      await burstHub.close();
    }
  });

  it('follows changes to the venues themselves: a new venue counts, a cancelled one no longer does', async () => {
    const stream = await subscribe(server.url, StatsChanged.document, { edition: 'nid-test' });
    try {
      const first = await stream.until(() => true);
      const { locations: venuesBefore, participants: before } = first.data.statsChanged;
      const created = await post(
        server.url,
        `mutation { createLocation(input: { edition: "nid-test", organisation: "asito", name: "Pop-up tafel", coordinates: { lat: 52.2, lng: 5.2 }, meal: LUNCH, capacity: 30, participants: 12 }) { location { id } userErrors { code } } }`,
        {},
        staff,
      );
      expect(created.data.createLocation.userErrors).toEqual([]);
      const id = created.data.createLocation.location.id;
      const grown = await stream.until((m) => m.data.statsChanged.locations === venuesBefore + 1);
      expect(grown.data.statsChanged.participants).toBe(before + 12);
      // Reports at the new venue move the stats as any other's do.
      expect(
        (
          await post(
            server.url,
            RecordArrivals.document,
            { input: { location: id, delta: 3 } },
            staff,
          )
        ).data.recordArrivals.userErrors,
      ).toEqual([]);
      await stream.until((m) => m.data.statsChanged.participants === before + 15);
      const cancelled = await post(
        server.url,
        `mutation($id: ID!) { cancelLocation(input: { id: $id }) { userErrors { code } } }`,
        { id },
        staff,
      );
      expect(cancelled.data.cancelLocation.userErrors).toEqual([]);
      const last = await stream.until((m) => m.data.statsChanged.locations === venuesBefore);
      expect(last.data.statsChanged.participants).toBe(before);
      expect(last.data.statsChanged.participants).toBe(await publicTotal());
    } finally {
      stream.close();
    }
  });

  it('computes the timeline once per tick for 50 subscribers, however differently they ask for it', async () => {
    // Each asks with its own selection (an alias of its own), so no two share one execution:
    // what they share is the tick's timeline.
    const subscribers = live.hub.subscribers;
    const streams = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        subscribe(
          server.url,
          `subscription($e: String!) { statsChanged(edition: $e) { n${i}: participants timeline(interval: 15) { at participants } } }`,
          { e: 'nid-test' },
        ),
      ),
    );
    const timelineQueries = () =>
      t.counter.statements.filter((s) => /participation_log/.test(s) && /date_bin/.test(s)).length;
    try {
      await Promise.all(streams.map((s) => s.until(() => true)));
      // Let any tick that the subscriptions started go by.
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
      t.counter.reset();
      const froms = streams.map((s) => s.messages.length);
      await arrive('Stadhuis Utrecht', 1);
      const total = await publicTotal();
      await Promise.all(
        streams.map((s, i) =>
          s.until((m) => m.data.statsChanged[`n${i}`] === total, { from: froms[i] }),
        ),
      );
      expect(timelineQueries()).toBe(1);
    } finally {
      for (const s of streams) s.close();
      // Fifty streams from one address is the cap per address: the next test may open one once they are gone.
      await waitFor(async () => live.hub.subscribers <= subscribers, 10_000, 'the streams closed');
    }
  });

  it('gives a client that reconnects the current state first', async () => {
    const first = await subscribe(server.url, StatsChanged.document, { edition: 'nid-test' });
    await first.until(() => true);
    first.close();
    await arrive('Buurthuis De Ster', -1);
    const again = await subscribe(server.url, StatsChanged.document, { edition: 'nid-test' });
    try {
      const [current] = [await again.until(() => true)];
      expect(current.data.statsChanged.participants).toBe(await publicTotal());
    } finally {
      again.close();
    }
  });
});

describe('a subscriber that reads slowly', () => {
  it('is not waited for: it gets what fits its buffer and then the newest stats, never every tick', async () => {
    // In-process (no socket buffers in between), with ticks 20 ms apart, at a venue with room.
    await t.database.db.execute(
      sql`UPDATE locations SET capacity = 100000 WHERE id = ${fx.locations['Heracles Stadion']!.id}`,
    );
    const quick = new LiveHub(t.database, logger, { intervalMs: 20 });
    const app = createApp({ database: t.database, live: quick });
    const url = `http://tafel.test/graphql?query=${encodeURIComponent('subscription { statsChanged(edition: "nid-test") { participants } }')}`;
    const open = async () =>
      (await app.fetch(url, { headers: { accept: 'text/event-stream' } })).body!.getReader();
    const totals = (text: string) =>
      [...text.matchAll(/"participants":(\d+)/g)].map((m) => Number(m[1]));
    const decoder = new TextDecoder();
    const slow = await open();
    const fast = await open();
    /** Read a stream in the background into `into.text`, until it is cancelled. */
    const pump = (reader: ReadableStreamDefaultReader<Uint8Array>, into: { text: string }) =>
      (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          into.text += decoder.decode(value);
        }
      })().catch(() => {});
    const fastRead = { text: '' };
    const slowRead = { text: '' };
    try {
      void pump(fast, fastRead);
      // The slow one takes its first message, then nothing until the writes are over.
      while (!slowRead.text.includes('participants'))
        slowRead.text += decoder.decode((await slow.read()).value);
      for (let i = 0; i < 80; i++) {
        await arrive('Heracles Stadion', 1);
        await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, 300));
      void pump(slow, slowRead);
      await new Promise((r) => setTimeout(r, 500));
      const fastText = fastRead.text;
      const slowText = slowRead.text;
      const total = await publicTotal();
      expect(totals(fastText).at(-1)).toBe(total);
      expect(totals(slowText).at(-1)).toBe(total);
      // The quick reader saw a message per tick or so; the slow one far fewer, however many ticks there were.
      expect(totals(fastText).length).toBeGreaterThan(40);
      expect(totals(slowText).length).toBeLessThan(totals(fastText).length / 2);
    } finally {
      await slow.cancel();
      await fast.cancel();
      await quick.close();
    }
  });
});
