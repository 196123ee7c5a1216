/**
 * participationChanged for one edition in this process: each change of a venue's count with the
 * edition's new total. Notices that arrive together share one load of their venues and one total
 * query. A new subscriber gets the current state first; after the LISTEN connection came back,
 * every subscriber gets the venues changed since.
 *
 * Its loads run on the public-read pool (with its statement timeout): anyone may subscribe, and
 * what subscribers cost must never hold a connection that a member's write is waiting for. On the
 * primary's, never a read replica's: a load follows a NOTIFY and must see the write announced.
 */
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { Location, locations } from '../db/schema.ts';
import { publicLocationCondition } from '../locations/filter.ts';
import { editionTotal } from '../locations/participation.ts';
import type { Subscriber } from './live-feed.ts';
import type { CountNotice } from './notice.ts';

export interface ParticipationUpdate {
  location: Location;
  participants: number;
  total: number;
  at: Date;
  /** True for the current state sent on subscribing or after a reconnect, false for a new change. */
  replay: boolean;
}

export interface ChangeSubscriber extends Subscriber<ParticipationUpdate> {
  /** May this subscriber see this venue (public, or its own organisation's)? */
  sees(row: Location): boolean;
  /** The API key it subscribed with, if any: when that key changes, the subscription ends. */
  keyId: number | null;
}

/** A subscriber this far behind loses its oldest participation updates. */
export const MAX_QUEUED_UPDATES = 1000;
/** At most this many changed venues are re-sent after a reconnect (the latest ones). */
const MAX_CATCH_UP = 500;
/** How far before the last change seen a catch-up looks, for changes committed out of order. */
const CATCH_UP_MARGIN_MS = 2000;

/** One edition's participation subscribers in this process, and the state of their coalescing. */
export class ParticipationFeed {
  readonly subscribers = new Set<ChangeSubscriber>();
  /** Participation work (first states, notice batches, catch-ups) runs one task at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private pending: CountNotice[] = [];
  private flushQueued = false;
  /** The database time of the latest change seen, where a catch-up starts. */
  private seenUntil: number | null = null;

  constructor(
    readonly editionId: number,
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  /** A new subscriber: the current state first. */
  add(subscriber: ChangeSubscriber): void {
    this.subscribers.add(subscriber);
    this.enqueue(() => this.sendCurrent([subscriber]));
  }

  /** A new count change of one of the edition's venues (already told apart from stale ones). */
  receive(notice: CountNotice): void {
    this.seenUntil = Math.max(this.seenUntil ?? 0, notice.at);
    if (this.subscribers.size > 0) {
      this.pending.push(notice);
      if (!this.flushQueued) {
        this.flushQueued = true;
        this.enqueue(() => this.flush());
      }
    }
  }

  /** The LISTEN connection came back: the venues changed meanwhile go out again. */
  reconnected(): void {
    if (this.subscribers.size > 0) this.enqueue(() => this.catchUp());
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.log.warn(
        { err: error, edition: this.editionId },
        'live: could not load participation updates',
      );
    });
  }

  private deliver(
    updates: ParticipationUpdate[],
    to: Iterable<ChangeSubscriber> = this.subscribers,
  ): void {
    for (const subscriber of to) {
      for (const update of updates) if (subscriber.sees(update.location)) subscriber.push(update);
    }
  }

  /** The notices that arrived since the last batch: one load of their venues, one total. */
  private async flush(): Promise<void> {
    this.flushQueued = false;
    const notices = this.pending;
    this.pending = [];
    if (notices.length === 0 || this.subscribers.size === 0) return;
    const db = this.database.primaryReadDb;
    const ids = [...new Set(notices.map((n) => n.location))];
    const [rows, { total }] = await Promise.all([
      db.query.locations.findMany({ where: { id: { in: ids } } }),
      editionTotal(db, this.editionId),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const updates: ParticipationUpdate[] = [];
    for (const notice of notices) {
      const row = byId.get(notice.location);
      if (!row) continue;
      // The venue as of this change, whatever happened to it since.
      const location = { ...row, participants: notice.participants, capacity: notice.capacity };
      updates.push({
        location,
        participants: notice.participants,
        total,
        at: new Date(notice.at),
        replay: false,
      });
    }
    this.deliver(updates);
  }

  /** The current state for new subscribers: the latest changed public venue, and the total. */
  private async sendCurrent(to: ChangeSubscriber[]): Promise<void> {
    const db = this.database.primaryReadDb;
    const [latest, { total, now }] = await Promise.all([
      db.query.locations.findFirst({
        where: {
          RAW: (table) => publicLocationCondition(table as typeof locations, this.editionId, {}),
        },
        orderBy: { updatedAt: 'desc', id: 'desc' },
      }),
      editionTotal(db, this.editionId),
    ]);
    this.seenUntil ??= now.getTime();
    if (latest)
      this.deliver(
        [
          {
            location: latest,
            participants: latest.participants,
            total,
            at: latest.updatedAt,
            replay: true,
          },
        ],
        to,
      );
  }

  /** After a reconnect: every venue changed since the last change seen (the latest ones), and the total. */
  private async catchUp(): Promise<void> {
    const db = this.database.primaryReadDb;
    const since = new Date((this.seenUntil ?? Date.now()) - CATCH_UP_MARGIN_MS);
    const [rows, { total, now }] = await Promise.all([
      db.query.locations.findMany({
        where: { editionId: this.editionId, updatedAt: { gte: since } },
        orderBy: { updatedAt: 'desc', id: 'desc' },
        limit: MAX_CATCH_UP,
      }),
      editionTotal(db, this.editionId),
    ]);
    this.seenUntil = now.getTime();
    if (rows.length === 0) return this.sendCurrent([...this.subscribers]);
    const updates = rows.reverse().map((row) => ({
      location: row,
      participants: row.participants,
      total,
      at: row.updatedAt,
      replay: true,
    }));
    this.deliver(updates);
  }
}
