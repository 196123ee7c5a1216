/**
 * statsChanged for one edition in this process: the edition's stats, taken once per tick from a
 * model kept in memory and moved by the notices (no query per tick), the same object fanned out
 * to every subscriber; at most one tick per interval however many writes arrive. The first change
 * after a quiet spell goes out at once, a busy interval ends with one tick, so the last is exact.
 */
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import {
  type CountChange,
  LiveStatsModel,
  type StatsSummary,
  type TimelinePoint,
} from '../locations/stats.ts';
import type { Subscriber } from './live-feed.ts';
import { isCountNotice, type ParticipationNotice } from './notice.ts';

export interface LiveStats {
  editionId: number;
  summary: StatsSummary;
  /**
   * The edition's timeline per interval (minutes), computed at most once per tick for every
   * subscriber that asks: the first execution that selects it reads the log, the others share it.
   */
  timelines: Map<number, Promise<TimelinePoint[]>>;
}

/** A new stats subscriber gets the last computed stats if they are this fresh and nothing changed. */
const FRESH_MS = 1000;
/** The live stats model is loaded from the database afresh at least this often while it is in use. */
const RELOAD_MS = 15_000;
/** After a failed stats computation (the database is away), try again this much later. */
const RETRY_MS = 1000;

/** One edition's stats subscribers in this process, and the state of their ticks. */
export class StatsFeed {
  readonly subscribers = new Set<Subscriber<LiveStats>>();

  /** The edition's stats in memory, moved by each count change. */
  private model: LiveStatsModel | null = null;
  /** Count changes not yet applied to the model. */
  private modelPending: CountChange[] = [];
  /** Changes to venues themselves seen, and how many of them the model has loaded. */
  private venueChanges = 0;
  private modelVenueChanges = -1;
  private modelLoadedAt = 0;

  private latest: LiveStats | null = null;
  private latestAt = 0;
  private dirty = false;
  private computing = false;
  private lastTick = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  /** Released by the hub: no tick is scheduled any more. */
  private closed = false;

  constructor(
    readonly editionId: number,
    private readonly database: Database,
    private readonly log: Logger,
    /** The shortest time between two ticks. */
    private readonly intervalMs: number,
  ) {}

  /** A new subscriber: the current stats first. */
  add(subscriber: Subscriber<LiveStats>): void {
    this.subscribers.add(subscriber);
    if (this.latest && !this.dirty && performance.now() - this.latestAt < FRESH_MS)
      subscriber.push(this.latest);
    else this.markDirty();
  }

  /** A new change in the edition (count changes already told apart from stale ones). */
  receive(notice: ParticipationNotice): void {
    if (isCountNotice(notice)) {
      // Without stats subscribers nothing keeps the model moving: it loads afresh when needed.
      if (this.subscribers.size > 0) this.modelPending.push(notice);
      else this.model = null;
    } else {
      // A venue was created, edited, approved or cancelled: the model loads afresh.
      this.venueChanges += 1;
    }
    if (this.subscribers.size > 0) this.markDirty();
  }

  /** The LISTEN connection came back: changes may have gone unheard, the model loads afresh. */
  reconnected(): void {
    this.venueChanges += 1;
    if (this.subscribers.size > 0) this.markDirty();
  }

  /** No more ticks. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private markDirty(): void {
    this.dirty = true;
    this.schedule(0);
  }

  private schedule(minDelay: number): void {
    if (this.timer || this.computing || this.closed) return;
    const delay = Math.max(minDelay, this.lastTick + this.intervalMs - performance.now(), 0);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  /**
   * The edition's stats now: the model moved by the count changes since the last tick, no query.
   * Loaded afresh (one statement) at first, when venues themselves changed, after the listener
   * reconnected, and every RELOAD_MS in any case, in case a writer died between its commit and
   * its NOTIFY. Changes that arrived while it loaded may already be in what was loaded: they
   * carry absolute counts, so applying them again changes nothing.
   */
  private async liveSummary(): Promise<StatsSummary> {
    if (
      !this.model ||
      this.modelVenueChanges !== this.venueChanges ||
      performance.now() - this.modelLoadedAt > RELOAD_MS
    ) {
      const venueChanges = this.venueChanges;
      const loadedAt = performance.now();
      this.model = await LiveStatsModel.load(this.database.primaryReadDb, this.editionId);
      this.modelVenueChanges = venueChanges;
      this.modelLoadedAt = loadedAt;
    }
    for (const change of this.modelPending.splice(0)) this.model.apply(change);
    return this.model.summary();
  }

  /** Compute the stats once and give the same object to every subscriber. */
  private async tick(): Promise<void> {
    this.timer = null;
    if (this.subscribers.size === 0) return;
    this.dirty = false;
    this.computing = true;
    this.lastTick = performance.now();
    let retry = 0;
    try {
      const summary = await this.liveSummary();
      this.latest = { editionId: this.editionId, summary, timelines: new Map() };
      this.latestAt = performance.now();
      for (const subscriber of this.subscribers) subscriber.push(this.latest);
    } catch (error) {
      this.log.warn(
        { err: error, edition: this.editionId },
        'live: could not compute stats; retrying',
      );
      this.dirty = true;
      retry = RETRY_MS;
    } finally {
      this.computing = false;
    }
    if (this.dirty) this.schedule(retry);
  }
}
