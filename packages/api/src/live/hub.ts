/**
 * Live participation inside one API process. A write commits in PostgreSQL, then the process that
 * wrote it announces it with NOTIFY (`announce`); every API process LISTENs on one channel through
 * this hub and forwards to its own subscribers, so any number of processes share one live picture.
 * The writing process's own subscribers hear of its changes at once, without waiting for the
 * NOTIFY to come back (a busy process would read it up to a fan-out later); the echo is then
 * recognised by the change's log id and skipped.
 *
 * The hub composes its jobs, one file each:
 * - channel.ts: the NOTIFY outbox and the LISTEN connection, with its reconnects.
 * - participation-feed.ts: participationChanged, each change of a venue's count with the
 *   edition's new total.
 * - stats-feed.ts: statsChanged, the edition's stats coalesced into ticks.
 * - key-watch.ts: a participationChanged subscription made with an API key (its organisation's
 *   drafts show) ends when that key is revoked or changed.
 * - Subscribers are LiveFeeds (live-feed.ts): iterated by any transport, or attached to directly (sse.ts).
 *
 * The hub's receiving side is also where this process's caches hear of every committed change,
 * its own and other processes' alike: the app registers them with `onNotice`.
 *
 * A new subscriber gets the current state first. When the LISTEN connection comes back after
 * PostgreSQL went away, notices sent meanwhile are lost, so every subscriber gets the current
 * state again (the venues changed since, and fresh stats).
 */
import type { Logger } from 'pino';
import { KeyCache } from '../auth/key-cache.ts';
import type { Database } from '../db/client.ts';
import type { Location } from '../db/schema.ts';
import { LiveChannel } from './channel.ts';
import { KeyWatch } from './key-watch.ts';
import { LiveFeed } from './live-feed.ts';
import { isCountNotice, isTableNotice, type Notice } from './notice.ts';
import {
  type ChangeSubscriber,
  MAX_QUEUED_UPDATES,
  ParticipationFeed,
  type ParticipationUpdate,
} from './participation-feed.ts';
import { type LiveStats, StatsFeed } from './stats-feed.ts';

export { LiveFeed, type Subscriber } from './live-feed.ts';
export type { ParticipationUpdate } from './participation-feed.ts';
export type { LiveStats } from './stats-feed.ts';

/** One edition's subscribers in this process. */
class Edition {
  readonly participation: ParticipationFeed;
  readonly stats: StatsFeed;
  /** The latest log id seen per venue. */
  readonly lastSeq = new Map<number, number>();

  constructor(
    readonly editionId: number,
    database: Database,
    log: Logger,
    intervalMs: number,
  ) {
    this.participation = new ParticipationFeed(editionId, database, log);
    this.stats = new StatsFeed(editionId, database, log, intervalMs);
  }

  get idle(): boolean {
    return this.participation.subscribers.size === 0 && this.stats.subscribers.size === 0;
  }
}

export interface LiveHubOptions {
  /** The shortest time between two statsChanged messages of an edition. Default 250 ms. */
  intervalMs?: number;
  /** This process's key cache (the app's); one is made if none is given. */
  keys?: KeyCache;
}

/**
 * Told of every committed change this process hears of (its own at once, others' from the
 * channel), or null when changes may have gone unheard (the LISTEN connection was away).
 */
export type NoticeListener = (notice: Notice | null) => void;

export class LiveHub {
  readonly intervalMs: number;
  private readonly editions = new Map<number, Edition>();
  private readonly channel: LiveChannel;
  private readonly keyWatch: KeyWatch;
  /** The key cache the hub's key watch follows; the app authenticates with the same one. */
  readonly keys: KeyCache;
  private readonly listeners = new Set<NoticeListener>();

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: LiveHubOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? Number(process.env['TAFEL_LIVE_INTERVAL_MS'] ?? 250);
    this.channel = new LiveChannel(database, log, {
      receive: (notice) => this.receive(notice),
      reconnected: () => this.reconnected(),
    });
    this.keys = options.keys ?? new KeyCache(database);
    this.keyWatch = new KeyWatch(this.keys, database, log, {
      all: () =>
        [...this.editions.values()].flatMap((edition) => [...edition.participation.subscribers]),
      end: (which) => this.endSubscriptions(which),
    });
  }

  /** LISTEN on the channel (once; subscribing starts it too). */
  start(): Promise<void> {
    return this.channel.start();
  }

  /** Announce what a committed write changed to this process and every other (see LiveChannel.announce). */
  announce(notices: readonly Notice[]): void {
    this.channel.announce(notices);
  }

  /** Call `listener` with every change heard from now on (see NoticeListener); until the returned function is called. */
  onNotice(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** End every subscription and stop listening. */
  async close(): Promise<void> {
    // Changes already committed are still announced.
    await this.channel.drain();
    for (const edition of this.editions.values()) {
      edition.stats.close();
      for (const subscriber of [...edition.participation.subscribers, ...edition.stats.subscribers])
        subscriber.stop();
    }
    this.editions.clear();
    this.keyWatch.close();
    await this.channel.close();
  }

  /** How many subscriptions this process serves (for logs and benchmarks). */
  get subscribers(): number {
    let n = 0;
    for (const edition of this.editions.values())
      n += edition.participation.subscribers.size + edition.stats.subscribers.size;
    return n;
  }

  /**
   * Every change of a venue's count in an edition that `sees` lets through; the current state
   * first. A subscription made with an API key (which may let it see that organisation's drafts)
   * is refused if the key was revoked since it authenticated the request, and ends when the key
   * is revoked or changed, as the key's notice arrives; the client subscribes again, with a key
   * that is still good.
   */
  async participationChanged(
    editionId: number,
    sees: (row: Location) => boolean,
    keyId: number | null = null,
  ): Promise<LiveFeed<ParticipationUpdate>> {
    await this.start();
    const checkedAt = keyId === null ? 0 : await this.keyWatch.check(keyId);
    return new LiveFeed<ParticipationUpdate>((sink) => {
      const edition = this.edition(editionId);
      const subscriber: ChangeSubscriber = { ...sink, sees, keyId };
      edition.participation.add(subscriber);
      if (keyId !== null && this.keyWatch.changedSince(checkedAt))
        void this.keyWatch.recheck([subscriber]);
      return () => {
        edition.participation.subscribers.delete(subscriber);
        this.release(edition);
      };
    }, MAX_QUEUED_UPDATES);
  }

  /** The edition's stats whenever they change, coalesced; the current stats first. A slow reader only ever needs the newest. */
  async statsChanged(editionId: number): Promise<LiveFeed<LiveStats>> {
    await this.start();
    return new LiveFeed<LiveStats>((sink) => {
      const edition = this.edition(editionId);
      edition.stats.add(sink);
      return () => {
        edition.stats.subscribers.delete(sink);
        this.release(edition);
      };
    }, 1);
  }

  private endSubscriptions(which: (subscriber: ChangeSubscriber) => boolean): void {
    for (const edition of [...this.editions.values()]) {
      for (const subscriber of [...edition.participation.subscribers]) {
        if (!which(subscriber)) continue;
        edition.participation.subscribers.delete(subscriber);
        subscriber.stop();
      }
      this.release(edition);
    }
  }

  private edition(editionId: number): Edition {
    let edition = this.editions.get(editionId);
    if (!edition) {
      edition = new Edition(editionId, this.database, this.log, this.intervalMs);
      this.editions.set(editionId, edition);
    }
    return edition;
  }

  private release(edition: Edition): void {
    if (!edition.idle || this.editions.get(edition.editionId) !== edition) return;
    edition.stats.close();
    this.editions.delete(edition.editionId);
  }

  /** A committed change, announced by this process or heard on the channel from any. */
  private receive(notice: Notice): void {
    // A write in any process: what this process keeps of it is out of date.
    for (const listener of this.listeners) listener(notice);
    if (isTableNotice(notice)) return;
    const edition = this.editions.get(notice.edition);
    if (!edition) return;
    if (isCountNotice(notice)) {
      // Notices from different processes can arrive out of commit order, and this process hears
      // its own twice (at once, and back from the channel): a venue's log ids tell which is new.
      if (notice.seq <= (edition.lastSeq.get(notice.location) ?? 0)) return;
      edition.lastSeq.set(notice.location, notice.seq);
      edition.participation.receive(notice);
    }
    edition.stats.receive(notice);
  }

  private reconnected(): void {
    this.log.info(
      { subscribers: this.subscribers },
      'live: LISTEN re-established, sending the current state to every subscriber',
    );
    // Notices sent while the listener was away are lost: nothing cached may be trusted.
    for (const listener of this.listeners) listener(null);
    for (const edition of this.editions.values()) {
      edition.participation.reconnected();
      edition.stats.reconnected();
    }
  }
}
