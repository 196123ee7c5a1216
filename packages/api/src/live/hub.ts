/**
 * Live participation inside one API process. A write commits in PostgreSQL, then the process that
 * wrote it announces it with NOTIFY (`announce`); every API process LISTENs on one channel through
 * this hub and forwards to its own subscribers, so any number of processes share one live picture.
 * The writing process's own subscribers hear of its changes at once, without waiting for the
 * NOTIFY to come back (a busy process would read it up to a fan-out later); the echo is then
 * recognised by the change's log id and skipped.
 *
 * - participationChanged: each change of a venue's count with the edition's new total. Notices
 *   that arrive together share one load of their venues and one total query.
 * - statsChanged: the edition's stats, taken once per tick from a model kept in memory and moved
 *   by the notices (no query per tick), the same object fanned out to every subscriber; at most
 *   one tick per interval however many writes arrive. The first change after a quiet spell goes
 *   out at once, a busy interval ends with one tick, so the last is exact.
 * - Subscribers are LiveFeeds: iterated by any transport, or attached to directly (sse.ts).
 * - A participationChanged subscription made with an API key (its organisation's drafts show)
 *   ends when that key is revoked or changed (the key cache's notice, key-cache.ts). The key is
 *   looked at again once the hub hears of key changes, and again whenever a change could have
 *   gone unheard (told between that look and the subscriber's start, or while the LISTEN
 *   connection was away).
 *
 * A new subscriber gets the current state first. When the LISTEN connection comes back after
 * PostgreSQL went away, notices sent meanwhile are lost, so every subscriber gets the current
 * state again (the venues changed since, and fresh stats).
 *
 * Its loads run on the public-read pool (with its statement timeout): anyone may subscribe, and
 * what subscribers cost must never hold a connection that a member's write is waiting for.
 */
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Logger } from 'pino';
import { keyCacheFor } from '../auth/key-cache.ts';
import { liveKeyIds, requireLiveKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import { locations, type Location } from '../db/schema.ts';
import { publicLocationCondition } from '../locations/filter.ts';
import { editionTotal } from '../locations/participation.ts';
import { LiveStatsModel, type CountChange, type StatsSummary } from '../locations/stats.ts';
import { statsCacheFor } from '../locations/stats-cache.ts';
import { LIVE_CHANNEL, NOTICES_PER_PAYLOAD, isCountNotice, parseNotices, type CountNotice, type ParticipationNotice } from './notice.ts';

export interface ParticipationUpdate {
  location: Location;
  participants: number;
  total: number;
  at: Date;
  /** True for the current state sent on subscribing or after a reconnect, false for a new change. */
  replay: boolean;
}

export interface LiveStats {
  editionId: number;
  summary: StatsSummary;
}

/** A subscriber this far behind loses its oldest participation updates. */
const MAX_QUEUED_UPDATES = 1000;
/** At most this many changed venues are re-sent after a reconnect (the latest ones). */
const MAX_CATCH_UP = 500;
/** How far before the last change seen a catch-up looks, for changes committed out of order. */
const CATCH_UP_MARGIN_MS = 2000;
/** A new stats subscriber gets the last computed stats if they are this fresh and nothing changed. */
const FRESH_MS = 1000;
/** The live stats model is loaded from the database afresh at least this often while it is in use. */
const RELOAD_MS = 15_000;
/** After a failed stats computation (the database is away), try again this much later. */
const RETRY_MS = 1000;

export interface Subscriber<T> {
  push(value: T): void;
  stop(): void;
}

interface ChangeSubscriber extends Subscriber<ParticipationUpdate> {
  /** May this subscriber see this venue (public, or its own organisation's)? */
  sees(row: Location): boolean;
  /** The API key it subscribed with, if any: when that key changes, the subscription ends. */
  keyId: number | null;
}

/** One edition's subscribers in this process, and the state of their coalescing. */
class Feed {
  readonly changes = new Set<ChangeSubscriber>();
  readonly stats = new Set<Subscriber<LiveStats>>();
  /** Participation work (first states, notice batches, catch-ups) runs one task at a time, in order. */
  queue: Promise<void> = Promise.resolve();
  pending: CountNotice[] = [];
  flushQueued = false;
  /** The latest log id seen per venue. */
  readonly lastSeq = new Map<number, number>();
  /** The database time of the latest change seen, where a catch-up starts. */
  seenUntil: number | null = null;

  /** The edition's stats in memory, moved by each count change (statsChanged only). */
  model: LiveStatsModel | null = null;
  /** Count changes not yet applied to the model. */
  modelPending: CountChange[] = [];
  /** Changes to venues themselves seen, and how many of them the model has loaded. */
  venueChanges = 0;
  modelVenueChanges = -1;
  modelLoadedAt = 0;

  latest: LiveStats | null = null;
  latestAt = 0;
  dirty = false;
  computing = false;
  lastTick = Number.NEGATIVE_INFINITY;
  timer: NodeJS.Timeout | null = null;

  constructor(readonly editionId: number) {}

  get idle(): boolean {
    return this.changes.size === 0 && this.stats.size === 0;
  }
}

/**
 * One subscriber's live values. Any transport can iterate it (each iteration is a subscriber of
 * its own, buffering at most `bufferSize` values, the oldest dropped first); the lean SSE stream
 * (sse.ts) attaches a callback instead, so a tick reaches thousands of subscribers without a
 * promise per subscriber. Nothing is registered with the hub until either happens.
 */
export class LiveFeed<T> implements AsyncIterable<T> {
  constructor(
    private readonly open: (sink: Subscriber<T>) => () => void,
    /** How many values a subscriber that reads slowly may fall behind before the oldest go. */
    readonly bufferSize: number,
  ) {}

  /** Hand each value to `sink.push` as it comes, until the returned function is called or the hub stops (`sink.stop`). */
  attach(sink: Subscriber<T>): () => void {
    return this.open(sink);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      const close = this.open({ push: (value) => void push(value), stop: () => stop() });
      await stop;
      close();
    }, new SlidingBuffer(this.bufferSize))[Symbol.asyncIterator]();
  }
}

export interface LiveHubOptions {
  /** The shortest time between two statsChanged messages of an edition. Default 250 ms. */
  intervalMs?: number;
}

export class LiveHub {
  readonly intervalMs: number;
  private readonly feeds = new Map<number, Feed>();
  private listening: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private listens = 0;
  private outbox: ParticipationNotice[] = [];
  private sending: Promise<void> | null = null;
  private unwatchKeys: (() => void) | null = null;
  /** Bumped by every key change told: a subscriber whose key was checked before must look again. */
  private keyChanges = 0;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: LiveHubOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? Number(process.env.TAFEL_LIVE_INTERVAL_MS ?? 250);
  }

  /** LISTEN on the channel (once; subscribing starts it too). */
  start(): Promise<void> {
    this.listening ??= this.database
      .listen(LIVE_CHANNEL, (payload) => this.onNotify(payload), () => this.onListen())
      .then((unlisten) => {
        this.unlisten = unlisten;
      })
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening;
  }

  /**
   * Announce committed changes to this process's subscribers at once and, with NOTIFY, to every
   * API process (this one too: the echo is skipped), outside the writes' transactions. One NOTIFY
   * statement is in flight at a time, carrying every notice that came in meanwhile (in order, as
   * few payloads as their size allows): however fast writes commit, a notice waits for at most
   * the statement before it. A process that dies between a commit and this NOTIFY leaves other
   * processes' subscribers one change behind until the next one (and their live stats until the
   * next reload).
   */
  announce(notice: ParticipationNotice): void {
    // This process's own subscribers need not wait for the round trip through PostgreSQL.
    this.receive(notice);
    this.outbox.push(notice);
    this.sending ??= this.sendAll().finally(() => {
      this.sending = null;
    });
  }

  private async sendAll(): Promise<void> {
    // The notices of this turn of the event loop go together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.outbox.length > 0) {
      const notices = this.outbox;
      this.outbox = [];
      const payloads: string[] = [];
      for (let i = 0; i < notices.length; i += NOTICES_PER_PAYLOAD) payloads.push(JSON.stringify(notices.slice(i, i + NOTICES_PER_PAYLOAD)));
      await this.database.notify(LIVE_CHANNEL, payloads).catch((error: unknown) => {
        this.log.warn({ err: error, notices: notices.length }, 'live: could not announce changes');
      });
    }
  }

  /** End every subscription and stop listening. */
  async close(): Promise<void> {
    // Changes already committed are still announced.
    await this.sending;
    for (const feed of this.feeds.values()) {
      if (feed.timer) clearTimeout(feed.timer);
      for (const subscriber of [...feed.changes, ...feed.stats]) subscriber.stop();
    }
    this.feeds.clear();
    this.unwatchKeys?.();
    this.unwatchKeys = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    this.listening = null;
  }

  /** How many subscriptions this process serves (for logs and benchmarks). */
  get subscribers(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.changes.size + feed.stats.size;
    return n;
  }

  /**
   * Every change of a venue's count in an edition that `sees` lets through; the current state
   * first. A subscription made with an API key (which may let it see that organisation's drafts)
   * is refused if the key was revoked since it authenticated the request, and ends when the key
   * is revoked or changed, as the key's notice arrives; the client subscribes again, with a key
   * that is still good.
   */
  async participationChanged(editionId: number, sees: (row: Location) => boolean, keyId: number | null = null): Promise<LiveFeed<ParticipationUpdate>> {
    await this.start();
    let checkedAt = 0;
    if (keyId !== null) {
      const keys = keyCacheFor(this.database);
      this.unwatchKeys ??= keys.watch((changed) => this.keyChanged(changed));
      // Every change of the key from here on is heard; one made before is in the database.
      await keys.start();
      checkedAt = this.keyChanges;
      await requireLiveKey(this.database.db, keyId);
    }
    return new LiveFeed<ParticipationUpdate>((sink) => {
      const feed = this.feed(editionId);
      const subscriber: ChangeSubscriber = { ...sink, sees, keyId };
      feed.changes.add(subscriber);
      // A key changed since this one was looked at (perhaps this one, perhaps while the look was on its way).
      if (keyId !== null && this.keyChanges !== checkedAt) void this.recheckKeys([subscriber]);
      this.enqueue(feed, () => this.sendCurrent(feed, [subscriber]));
      return () => {
        feed.changes.delete(subscriber);
        this.release(feed);
      };
    }, MAX_QUEUED_UPDATES);
  }

  /** The edition's stats whenever they change, coalesced; the current stats first. A slow reader only ever needs the newest. */
  async statsChanged(editionId: number): Promise<LiveFeed<LiveStats>> {
    await this.start();
    return new LiveFeed<LiveStats>((sink) => {
      const feed = this.feed(editionId);
      feed.stats.add(sink);
      if (feed.latest && !feed.dirty && performance.now() - feed.latestAt < FRESH_MS) sink.push(feed.latest);
      else this.markDirty(feed);
      return () => {
        feed.stats.delete(sink);
        this.release(feed);
      };
    }, 1);
  }

  /** A key changed: the participation subscriptions made with it end. Null: any key may have, unheard: look at each again. */
  private keyChanged(keyId: number | null): void {
    this.keyChanges += 1;
    if (keyId !== null) this.endSubscriptions((subscriber) => subscriber.keyId === keyId);
    else void this.recheckKeys([...this.feeds.values()].flatMap((feed) => [...feed.changes]));
  }

  /** End those of these keyed subscriptions whose key is no longer good (or cannot be checked: the client subscribes again). */
  private async recheckKeys(subscribers: ChangeSubscriber[]): Promise<void> {
    const keyed = new Set(subscribers.filter((subscriber) => subscriber.keyId !== null));
    if (keyed.size === 0) return;
    let live: Set<number>;
    try {
      live = await liveKeyIds(this.database.db, [...new Set([...keyed].map((subscriber) => subscriber.keyId!))]);
    } catch (error) {
      this.log.warn({ err: error, subscriptions: keyed.size }, 'live: could not check API keys; ending the subscriptions made with them');
      live = new Set();
    }
    this.endSubscriptions((subscriber) => keyed.has(subscriber) && !live.has(subscriber.keyId!));
  }

  private endSubscriptions(which: (subscriber: ChangeSubscriber) => boolean): void {
    for (const feed of [...this.feeds.values()]) {
      for (const subscriber of [...feed.changes]) {
        if (!which(subscriber)) continue;
        feed.changes.delete(subscriber);
        subscriber.stop();
      }
      this.release(feed);
    }
  }

  private feed(editionId: number): Feed {
    let feed = this.feeds.get(editionId);
    if (!feed) {
      feed = new Feed(editionId);
      this.feeds.set(editionId, feed);
    }
    return feed;
  }

  private release(feed: Feed): void {
    if (!feed.idle || this.feeds.get(feed.editionId) !== feed) return;
    if (feed.timer) clearTimeout(feed.timer);
    this.feeds.delete(feed.editionId);
  }

  private onNotify(payload: string): void {
    for (const notice of parseNotices(payload)) this.receive(notice);
  }

  /** A committed change, announced by this process or heard on the channel from any. */
  private receive(notice: ParticipationNotice): void {
    // A write in any process: stats this process keeps for that edition are out of date.
    statsCacheFor(this.database.db).invalidate(notice.edition);
    const feed = this.feeds.get(notice.edition);
    if (!feed) return;
    if (isCountNotice(notice)) {
      // Notices from different processes can arrive out of commit order, and this process hears
      // its own twice (at once, and back from the channel): a venue's log ids tell which is new.
      if (notice.seq <= (feed.lastSeq.get(notice.location) ?? 0)) return;
      feed.lastSeq.set(notice.location, notice.seq);
      feed.seenUntil = Math.max(feed.seenUntil ?? 0, notice.at);
      if (feed.changes.size > 0) {
        feed.pending.push(notice);
        if (!feed.flushQueued) {
          feed.flushQueued = true;
          this.enqueue(feed, () => this.flush(feed));
        }
      }
      // Without stats subscribers nothing keeps the model moving: it loads afresh when needed.
      if (feed.stats.size > 0) feed.modelPending.push(notice);
      else feed.model = null;
    } else {
      // A venue was created, edited, approved or cancelled: the model loads afresh.
      feed.venueChanges += 1;
    }
    if (feed.stats.size > 0) this.markDirty(feed);
  }

  private onListen(): void {
    this.listens += 1;
    if (this.listens === 1) return;
    this.log.info({ subscribers: this.subscribers }, 'live: LISTEN re-established, sending the current state to every subscriber');
    // Notices sent while the listener was away are lost: nothing cached may be trusted.
    statsCacheFor(this.database.db).invalidate();
    for (const feed of this.feeds.values()) {
      feed.venueChanges += 1;
      if (feed.changes.size > 0) this.enqueue(feed, () => this.catchUp(feed));
      if (feed.stats.size > 0) this.markDirty(feed);
    }
  }

  private enqueue(feed: Feed, task: () => Promise<void>): void {
    feed.queue = feed.queue.then(task).catch((error: unknown) => {
      this.log.warn({ err: error, edition: feed.editionId }, 'live: could not load participation updates');
    });
  }

  private deliver(feed: Feed, updates: ParticipationUpdate[], to: Iterable<ChangeSubscriber> = feed.changes): void {
    for (const subscriber of to) {
      for (const update of updates) if (subscriber.sees(update.location)) subscriber.push(update);
    }
  }

  /** The notices that arrived since the last batch: one load of their venues, one total. */
  private async flush(feed: Feed): Promise<void> {
    feed.flushQueued = false;
    const notices = feed.pending;
    feed.pending = [];
    if (notices.length === 0 || feed.changes.size === 0) return;
    const db = this.database.readDb;
    const ids = [...new Set(notices.map((n) => n.location))];
    const [rows, { total }] = await Promise.all([
      db.query.locations.findMany({ where: { id: { in: ids } } }),
      editionTotal(db, feed.editionId),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const updates: ParticipationUpdate[] = [];
    for (const notice of notices) {
      const row = byId.get(notice.location);
      if (!row) continue;
      // The venue as of this change, whatever happened to it since.
      const location = { ...row, participants: notice.participants, capacity: notice.capacity };
      updates.push({ location, participants: notice.participants, total, at: new Date(notice.at), replay: false });
    }
    this.deliver(feed, updates);
  }

  /** The current state for new subscribers: the latest changed public venue, and the total. */
  private async sendCurrent(feed: Feed, to: ChangeSubscriber[]): Promise<void> {
    const db = this.database.readDb;
    const [latest, { total, now }] = await Promise.all([
      db.query.locations.findFirst({
        where: { RAW: (table) => publicLocationCondition(table as typeof locations, feed.editionId, {}) },
        orderBy: { updatedAt: 'desc', id: 'desc' },
      }),
      editionTotal(db, feed.editionId),
    ]);
    feed.seenUntil ??= now.getTime();
    if (latest) this.deliver(feed, [{ location: latest, participants: latest.participants, total, at: latest.updatedAt, replay: true }], to);
  }

  /** After a reconnect: every venue changed since the last change seen (the latest ones), and the total. */
  private async catchUp(feed: Feed): Promise<void> {
    const db = this.database.readDb;
    const since = new Date((feed.seenUntil ?? Date.now()) - CATCH_UP_MARGIN_MS);
    const [rows, { total, now }] = await Promise.all([
      db.query.locations.findMany({
        where: { editionId: feed.editionId, updatedAt: { gte: since } },
        orderBy: { updatedAt: 'desc', id: 'desc' },
        limit: MAX_CATCH_UP,
      }),
      editionTotal(db, feed.editionId),
    ]);
    feed.seenUntil = now.getTime();
    if (rows.length === 0) return this.sendCurrent(feed, [...feed.changes]);
    const updates = rows.reverse().map((row) => ({ location: row, participants: row.participants, total, at: row.updatedAt, replay: true }));
    this.deliver(feed, updates);
  }

  private markDirty(feed: Feed): void {
    feed.dirty = true;
    this.schedule(feed, 0);
  }

  private schedule(feed: Feed, minDelay: number): void {
    if (feed.timer || feed.computing || this.feeds.get(feed.editionId) !== feed) return;
    const delay = Math.max(minDelay, feed.lastTick + this.intervalMs - performance.now(), 0);
    feed.timer = setTimeout(() => void this.tick(feed), delay);
  }

  /**
   * The edition's stats now: the model moved by the count changes since the last tick, no query.
   * Loaded afresh (one statement) at first, when venues themselves changed, after the listener
   * reconnected, and every RELOAD_MS in any case, in case a writer died between its commit and
   * its NOTIFY. Changes that arrived while it loaded may already be in what was loaded: they
   * carry absolute counts, so applying them again changes nothing.
   */
  private async liveSummary(feed: Feed): Promise<StatsSummary> {
    if (!feed.model || feed.modelVenueChanges !== feed.venueChanges || performance.now() - feed.modelLoadedAt > RELOAD_MS) {
      const venueChanges = feed.venueChanges;
      const loadedAt = performance.now();
      feed.model = await LiveStatsModel.load(this.database.readDb, feed.editionId);
      feed.modelVenueChanges = venueChanges;
      feed.modelLoadedAt = loadedAt;
    }
    for (const change of feed.modelPending.splice(0)) feed.model.apply(change);
    return feed.model.summary();
  }

  /** Compute the stats once and give the same object to every subscriber. */
  private async tick(feed: Feed): Promise<void> {
    feed.timer = null;
    if (feed.stats.size === 0) return;
    feed.dirty = false;
    feed.computing = true;
    feed.lastTick = performance.now();
    let retry = 0;
    try {
      const summary = await this.liveSummary(feed);
      feed.latest = { editionId: feed.editionId, summary };
      feed.latestAt = performance.now();
      for (const subscriber of feed.stats) subscriber.push(feed.latest);
    } catch (error) {
      this.log.warn({ err: error, edition: feed.editionId }, 'live: could not compute stats; retrying');
      feed.dirty = true;
      retry = RETRY_MS;
    } finally {
      feed.computing = false;
    }
    if (feed.dirty) this.schedule(feed, retry);
  }
}
