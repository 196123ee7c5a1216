/**
 * Stats of a whole edition at 100,000 venues take a scan of every venue. Readers of the same
 * edition and filter share one computation per version of the edition: every write bumps the
 * version (the app's live hub tells it of each, this process's at once and every other's when
 * its NOTIFY arrives), and a reader never gets numbers older than the last write this process
 * knows of. Concurrent readers of a version that is being computed wait for that one computation.
 *
 * One cache per app, counting on the public-read pool it is given: the numbers are the public's
 * whoever asks, and counting 100,000 venues for a stranger's filter must never take a connection
 * (or a minute) that a member's write is waiting for.
 */
import type { Db } from '../db/client.ts';
import type { ResolvedFilter } from './filter.ts';
import { computeStats, type StatsSummary } from './stats.ts';

interface Entry {
  version: number;
  at: number;
  summary: Promise<StatsSummary>;
}

export class StatsCache {
  private readonly versions = new Map<number, number>();
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** Where the counting runs. */
    readonly db: Db,
    /** A safety net for a missed notification (e.g. while the listener reconnected). */
    private readonly maxAgeMs = 5_000,
    /** Distinct filters kept; the oldest go first. */
    private readonly maxEntries = 500,
  ) {}

  /** Something in this edition (or, without one, in any) changed: the next reader computes afresh. */
  invalidate(editionId?: number): void {
    if (editionId === undefined) {
      this.entries.clear();
      for (const id of this.versions.keys()) this.versions.set(id, this.versions.get(id)! + 1);
      return;
    }
    this.versions.set(editionId, (this.versions.get(editionId) ?? 0) + 1);
  }

  private readonly remembered = new Map<string, { at: number; value: Promise<unknown> }>();

  /**
   * Something that changes slowly (an edition's row, its previous edition, a past edition's count
   * at a given minute), computed once and shared for `ttlMs`: a live feed's every message asks
   * for it, and must cost no query for it.
   */
  remember<T>(key: string, compute: () => Promise<T>, ttlMs = 60_000): Promise<T> {
    const now = Date.now();
    const hit = this.remembered.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = compute();
    this.remembered.delete(key);
    this.remembered.set(key, { at: now, value });
    value.catch(() => {
      if (this.remembered.get(key)?.value === value) this.remembered.delete(key);
    });
    if (this.remembered.size > this.maxEntries)
      this.remembered.delete(this.remembered.keys().next().value!);
    return value;
  }

  get(editionId: number, filter: ResolvedFilter): Promise<StatsSummary> {
    const key = `${editionId}:${JSON.stringify(filter)}`;
    const version = this.versions.get(editionId) ?? 0;
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.version === version && now - entry.at < this.maxAgeMs) return entry.summary;
    const summary = computeStats(this.db, editionId, filter);
    this.entries.delete(key);
    this.entries.set(key, { version, at: now, summary });
    summary.catch(() => {
      if (this.entries.get(key)?.summary === summary) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return summary;
  }
}
