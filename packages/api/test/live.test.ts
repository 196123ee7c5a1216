/**
 * Live participation over Server-Sent Events, through the real app over real HTTP: the graphql-sse
 * client, the current state first, visibility, keys, what a change costs, and changes that cross
 * API processes through PostgreSQL's NOTIFY (two real server processes on PostgreSQL; on PGlite,
 * two apps with their own hubs on the one in-process database). The stats feed: live-stats-feed.test.ts.
 */
import { ParticipationChanged, StatsChanged } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { createClient as createSseClient } from 'graphql-sse';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveHub } from '../src/live/hub.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { logger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import {
  type ApiProcess,
  freePort,
  type LiveServer,
  post,
  serveHttp,
  startApiProcess,
  subscribe,
  useLiveServer,
} from './live-support.ts';
import { memberKey, onPostgres, type TestDb } from './support.ts';

const INTERVAL_MS = 100;

const live = useLiveServer(INTERVAL_MS);
const { idOf, arrive, publicTotal, countOf } = live;
let t: TestDb;
let fx: LiveServer['fx'];
let hub: LiveHub;
let server: LiveServer['server'];
let staff: string;
let asitoKey: string;
beforeAll(() => {
  ({ t, fx, hub, server, staff, asitoKey } = live);
});

describe('participationChanged', () => {
  it('works with the graphql-sse client: the current state first, then each change with the new total', async () => {
    const client = createSseClient({ url: `${server.url}/graphql` });
    const received: any[] = [];
    let wake = () => {};
    const dispose = client.subscribe(
      { query: ParticipationChanged.document, variables: { edition: 'nid-test' } },
      {
        next: (m) => {
          received.push(m);
          wake();
        },
        error: (e) => received.push({ error: e }),
        complete: () => {},
      },
    );
    const next = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} messages: ${JSON.stringify(received)}`)),
          10_000,
        );
        wake = () => {
          if (received.length < n) return;
          clearTimeout(timer);
          resolve();
        };
        wake();
      });
    try {
      await next(1);
      const [first] = received;
      expect(first.data.participationChanged).toMatchObject({
        total: await publicTotal(),
        location: { id: expect.any(String) },
      });
      expect(first.data.participationChanged.location.participants).toBe(
        first.data.participationChanged.participants,
      );

      const r = await arrive('Heracles Stadion', 4);
      expect(r.data.recordArrivals.userErrors).toEqual([]);
      await next(2);
      expect(received[1].data.participationChanged).toEqual({
        location: { id: idOf('Heracles Stadion'), participants: 584, capacity: 600, full: false },
        participants: 584,
        total: await publicTotal(),
        at: expect.any(String),
      });
    } finally {
      dispose();
      client.dispose();
    }
  });

  it('shows anonymous subscribers only public venues, and an organisation its own drafts too', async () => {
    const anonymous = await subscribe(
      server.url,
      `subscription($e: String!) { participationChanged(edition: $e) { location { name } participants replay } }`,
      { e: 'nid-test' },
    );
    const own = await subscribe(
      server.url,
      `subscription($e: String!) { participationChanged(edition: $e) { location { name } participants replay } }`,
      { e: 'nid-test' },
      { authorization: `Bearer ${asitoKey}` },
    );
    try {
      await anonymous.until((m) => m.data.participationChanged.replay);
      await own.until((m) => m.data.participationChanged.replay);
      await arrive('Concept lunch', 1, asitoKey);
      await arrive('Buurthuis De Ster', 1);
      await own.until((m) => m.data.participationChanged.location.name === 'Concept lunch');
      await own.until((m) => m.data.participationChanged.location.name === 'Buurthuis De Ster');
      await anonymous.until(
        (m) => m.data.participationChanged.location.name === 'Buurthuis De Ster',
      );
      expect(
        anonymous.messages.map((m) => m.data.participationChanged.location.name),
      ).not.toContain('Concept lunch');
    } finally {
      anonymous.close();
      own.close();
    }
  });

  it('also carries counts changed by a venue mutation, not only by reports', async () => {
    const stream = await subscribe(
      server.url,
      `subscription($e: String!) { participationChanged(edition: $e) { location { name participants } participants total replay } }`,
      { e: 'nid-test' },
    );
    try {
      await stream.until((m) => m.data.participationChanged.replay);
      const r = await post(
        server.url,
        `mutation($i: UpdateLocationInput!) { updateLocation(input: $i) { location { participants } userErrors { code } } }`,
        { i: { id: idOf('Moskee Bergen op Zoom'), participants: 200 } },
        staff,
      );
      expect(r.data.updateLocation).toEqual({ location: { participants: 200 }, userErrors: [] });
      const got = await stream.until(
        (m) =>
          !m.data.participationChanged.replay &&
          m.data.participationChanged.location.name === 'Moskee Bergen op Zoom',
      );
      expect(got.data.participationChanged).toMatchObject({
        participants: 200,
        location: { participants: 200 },
        total: await publicTotal(),
      });
    } finally {
      stream.close();
    }
  });

  it('tells of each change once, though the process that wrote it hears it twice (at once, and back from the channel)', async () => {
    const stream = await subscribe(
      server.url,
      `subscription($e: String!) { participationChanged(edition: $e) { location { name } participants replay } }`,
      { e: 'nid-test' },
    );
    try {
      await stream.until((m) => m.data.participationChanged.replay);
      const before = await countOf('Buurthuis De Ster');
      for (let i = 0; i < 5; i++)
        expect((await arrive('Buurthuis De Ster', 1)).data.recordArrivals.userErrors).toEqual([]);
      await stream.until((m) => m.data.participationChanged.participants === before + 5);
      // The NOTIFYs of these writes come back to this process too; give them time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      const changes = stream.messages
        .filter((m) => !m.data.participationChanged.replay)
        .map((m) => m.data.participationChanged.participants);
      expect(changes).toEqual([before + 1, before + 2, before + 3, before + 4, before + 5]);
    } finally {
      stream.close();
    }
  });

  it('ends a subscription made with a key once the key is revoked, and only that one', async () => {
    const key = await memberKey(t.database, fx.asito.id);
    const query = `subscription($e: String!) { participationChanged(edition: $e) { location { name } replay } }`;
    const own = await subscribe(
      server.url,
      query,
      { e: 'nid-test' },
      { authorization: `Bearer ${key}` },
    );
    const anonymous = await subscribe(server.url, query, { e: 'nid-test' });
    try {
      await own.until((m) => m.data.participationChanged.replay);
      await anonymous.until((m) => m.data.participationChanged.replay);
      // Revoked as psql (or the CLI, or another process) would: the trigger announces it.
      await t.database.db.execute(
        sql`UPDATE api_keys SET revoked_at = now() WHERE prefix = ${key.slice(0, 14)}`,
      );
      const ended = await Promise.race([
        own.ended.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 10_000)),
      ]);
      expect(ended).toBe(true);
      // Nothing of that organisation's drafts reaches it any more; the anonymous stream goes on.
      await arrive('Buurthuis De Ster', 1);
      await anonymous.until(
        (m) =>
          !m.data.participationChanged.replay &&
          m.data.participationChanged.location.name === 'Buurthuis De Ster',
      );
    } finally {
      own.close();
      anonymous.close();
    }
  });

  describe('a key revoked in the moment a subscription starts', () => {
    const keyIdOf = async (key: string) =>
      rowsOf<{ id: number }>(
        await t.database.db.execute(
          sql`SELECT id FROM api_keys WHERE prefix = ${key.slice(0, 14)}`,
        ),
      )[0]!.id;
    const revoke = (key: string) =>
      t.database.db.execute(
        sql`UPDATE api_keys SET revoked_at = now() WHERE prefix = ${key.slice(0, 14)}`,
      );

    it('is refused when the key went after it authenticated the request', async () => {
      const key = await memberKey(t.database, fx.asito.id);
      const keyId = await keyIdOf(key);
      await revoke(key);
      await expect(hub.participationChanged(fx.edition.id, () => true, keyId)).rejects.toThrow(
        /was revoked/,
      );
    });

    it('ends when the key goes between the hub looking at it and the subscriber starting', async () => {
      const key = await memberKey(t.database, fx.asito.id);
      const keyId = await keyIdOf(key);
      const feed = await hub.participationChanged(fx.edition.id, () => true, keyId);
      // The key's notice reaches this process (the hub, watching first, has heard it too) before the feed is attached.
      const told = new Promise<void>((resolve) => {
        const unwatch = hub.keys.watch((changed) => {
          if (changed !== keyId) return;
          unwatch();
          resolve();
        });
      });
      await revoke(key);
      await told;
      const ended = new Promise<boolean>((resolve) => {
        feed.attach({ push: () => {}, stop: () => resolve(true) });
        setTimeout(() => resolve(false), 10_000);
      });
      expect(await ended).toBe(true);
    });
  });

  it('answers an unknown edition with an error', async () => {
    const stream = await subscribe(server.url, ParticipationChanged.document, {
      edition: 'no-such-day',
    });
    await stream.ended;
    expect(stream.messages[0].errors[0].message).toMatch(/no-such-day/);
  });
});

describe('fan-out cost', () => {
  const query = `subscription($e: String!) { participationChanged(edition: $e) { location { id name participants capacity } participants total } }`;

  /** The statements one change costs with this many subscribers of each kind. */
  async function statementsPerChange(subscribers: number): Promise<string[]> {
    const streams = await Promise.all([
      ...Array.from({ length: subscribers }, () => subscribe(server.url, query, { e: 'nid-test' })),
      ...Array.from({ length: subscribers }, () =>
        subscribe(server.url, StatsChanged.document, { edition: 'nid-test' }),
      ),
    ]);
    try {
      await Promise.all(streams.map((s) => s.until(() => true)));
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
      const from = streams.map((s) => s.messages.length);
      const before = await countOf('Moskee Bergen op Zoom');
      t.counter.reset();
      await arrive('Moskee Bergen op Zoom', 1);
      await Promise.all(
        streams.slice(0, subscribers).map((s, i) =>
          s.until((m) => m.data.participationChanged.participants === before + 1, {
            from: from[i],
          }),
        ),
      );
      await Promise.all(
        streams
          .slice(subscribers)
          .map((s, i) => s.until(() => true, { from: from[subscribers + i] })),
      );
      // A key lookup is the request's, not the fan-out's (and comes or not as the key cache's entry ages).
      return t.counter.statements.filter((s) => !/"api_keys"/.test(s));
    } finally {
      for (const s of streams) s.close();
    }
  }

  it('costs the same statements per change for 8 subscribers as for 1', async () => {
    const one = await statementsPerChange(1);
    const eight = await statementsPerChange(8);
    expect(eight.length, eight.map((q) => q.slice(0, 80)).join('\n')).toBe(one.length);
  });
});

describe('across API processes', () => {
  it('delivers a write made through one process to a subscriber of another', async () => {
    type Api = Pick<ApiProcess, 'url' | 'stop'>;
    const start = async (): Promise<Api> => {
      // A real server process on the same PostgreSQL database.
      if (onPostgres) return startApiProcess(t.url!, await freePort());
      // PGlite lives in this process: another app with a hub of its own shares it.
      const live = new LiveHub(t.database, logger);
      const served = await serveHttp(createApp({ database: t.database, live }));
      return {
        url: served.url,
        stop: async () => {
          await served.close();
          await live.close();
        },
      };
    };
    const [a, b] = await Promise.all([start(), start()]);
    const stream = await subscribe(a.url, ParticipationChanged.document, { edition: 'nid-test' });
    try {
      await stream.until(() => true);
      const before = await countOf('Stadhuis Utrecht');
      const r = await arrive('Stadhuis Utrecht', 3, staff, b.url);
      expect(r.data.recordArrivals.userErrors).toEqual([]);
      const update = await stream.until(
        (m) =>
          m.data.participationChanged.location.id === idOf('Stadhuis Utrecht') &&
          m.data.participationChanged.participants === before + 3,
      );
      expect(update.data.participationChanged.total).toBe(await publicTotal());
    } finally {
      stream.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
