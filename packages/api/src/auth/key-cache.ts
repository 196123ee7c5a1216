/**
 * Recent key lookups of one API process, so a host reporting arrivals every few seconds does not
 * cost a database round trip per request just to say who they are.
 *
 * Every change to an API key (revoked, re-scoped, deleted) is announced by a trigger on
 * `api_keys` (migration key_notices) on the `tafel_keys` channel, whoever made it; this process
 * LISTENs and forgets that key at once. Nothing is kept until the LISTEN is in effect, everything
 * is forgotten when it is re-established (notices in between are lost), and no entry lives longer
 * than `ttlMs` in any case. Only valid keys are kept: unknown and revoked keys are looked up each
 * time (and rate-limited by the gate).
 */

import type { Database } from '../db/client.ts';
import type { Viewer } from './viewer.ts';

export const KEY_CHANNEL = 'tafel_keys';

export interface CachedKey {
  viewer: Viewer;
  /** When the key's use was last recorded (ms since the epoch), or null if never. */
  lastUsedAt: number | null;
}

/** Told a key's id when that key changed, or null when any key may have changed unheard. */
export type KeyWatcher = (keyId: number | null) => void;

interface Entry extends CachedKey {
  expires: number;
}

export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private listening: Promise<void> | null = null;
  /** A LISTEN is in effect: entries may be kept. */
  private live = false;
  /** Bumped by every notice: a lookup that started before one may not be kept. */
  private generation = 0;
  /** Told of every key that changes (the live hub ends that key's subscriptions). */
  private readonly watchers = new Set<KeyWatcher>();

  constructor(
    private readonly database: Database,
    readonly ttlMs = Number(process.env['TAFEL_KEY_CACHE_MS'] ?? 10_000),
    private readonly maxEntries = 10_000,
  ) {}

  /** LISTEN for key changes (once; the first lookup starts it). */
  start(): Promise<void> {
    this.listening ??= this.database
      .listen(
        KEY_CHANNEL,
        (payload) => this.forget(Number(payload)),
        () => {
          // At first and after a reconnect: anything kept may have changed meanwhile.
          this.generation += 1;
          this.entries.clear();
          // Live before: the connection was away, its notices lost: any key may have changed.
          if (this.live) this.tell(null);
          this.live = true;
        },
      )
      .then(() => undefined)
      .catch(() => {
        // Not listening: keep nothing, look every key up; try again on the next lookup.
        this.listening = null;
      });
    return this.listening;
  }

  /** The token a lookup takes before it reads the database, to hand back to `set`. */
  begin(): number {
    void this.start();
    return this.generation;
  }

  get(hash: string): CachedKey | undefined {
    if (!this.live || this.ttlMs <= 0) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  /** Keep a valid key's lookup, unless a key changed since the lookup began. */
  set(hash: string, key: CachedKey, began: number): void {
    if (!this.live || this.ttlMs <= 0 || began !== this.generation) return;
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { ...key, expires: Date.now() + this.ttlMs });
  }

  /** This key changed (a notice that names no key: any may have): look it up afresh next time, and tell the watchers. */
  forget(keyId: number): void {
    this.generation += 1;
    const known = Number.isInteger(keyId);
    for (const [hash, entry] of this.entries)
      if (!known || entry.viewer.keyId === keyId) this.entries.delete(hash);
    this.tell(known ? keyId : null);
  }

  private tell(keyId: number | null): void {
    for (const watcher of this.watchers) watcher(keyId);
  }

  /**
   * Call `watcher` with the id of each key that changes from now on (revoked, re-scoped, deleted),
   * as its notice arrives, and with null when changes may have gone unheard (the LISTEN
   * connection was away and is back): then any key may have changed. Until the returned function
   * is called. Await `start()` after watching to be sure the LISTEN is in effect.
   */
  watch(watcher: KeyWatcher): () => void {
    this.watchers.add(watcher);
    void this.start();
    return () => this.watchers.delete(watcher);
  }
}
