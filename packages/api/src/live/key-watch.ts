/**
 * The API keys behind participationChanged subscriptions (an organisation's drafts show to its
 * key): a subscription ends when its key is revoked or changed (the key cache's notice,
 * key-cache.ts). The key is looked at again once the hub hears of key changes, and again whenever
 * a change could have gone unheard (told between that look and the subscriber's start, or while
 * the LISTEN connection was away).
 */
import type { Logger } from 'pino';
import type { KeyCache } from '../auth/key-cache.ts';
import { liveKeyIds, requireLiveKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import type { ChangeSubscriber } from './participation-feed.ts';

export interface KeyedSubscriptions {
  /** Every participation subscriber now. */
  all(): ChangeSubscriber[];
  /** End the subscriptions `which` picks. */
  end(which: (subscriber: ChangeSubscriber) => boolean): void;
}

export class KeyWatch {
  private unwatchKeys: (() => void) | null = null;
  /** Bumped by every key change told: a subscriber whose key was checked before must look again. */
  private keyChanges = 0;

  constructor(
    /** The process's key cache, which hears of every key change. */
    private readonly keys: KeyCache,
    private readonly database: Database,
    private readonly log: Logger,
    private readonly subscriptions: KeyedSubscriptions,
  ) {}

  /**
   * Refuse a key revoked since it authenticated the request, with every later change of it heard.
   * Returns the mark to hand to `changedSince` once the subscriber is in place.
   */
  async check(keyId: number): Promise<number> {
    const keys = this.keys;
    this.unwatchKeys ??= keys.watch((changed) => this.keyChanged(changed));
    // Every change of the key from here on is heard; one made before is in the database.
    await keys.start();
    const checkedAt = this.keyChanges;
    await requireLiveKey(this.database.db, keyId);
    return checkedAt;
  }

  /** Did a key change since `check` returned this mark (perhaps this one, perhaps while the look was on its way)? */
  changedSince(checkedAt: number): boolean {
    return this.keyChanges !== checkedAt;
  }

  /** Stop watching the keys. */
  close(): void {
    this.unwatchKeys?.();
    this.unwatchKeys = null;
  }

  /** A key changed: the participation subscriptions made with it end. Null: any key may have, unheard: look at each again. */
  private keyChanged(keyId: number | null): void {
    this.keyChanges += 1;
    if (keyId !== null) this.subscriptions.end((subscriber) => subscriber.keyId === keyId);
    else void this.recheck(this.subscriptions.all());
  }

  /** End those of these keyed subscriptions whose key is no longer good (or cannot be checked: the client subscribes again). */
  async recheck(subscribers: ChangeSubscriber[]): Promise<void> {
    const keyed = new Set(subscribers.filter((subscriber) => subscriber.keyId !== null));
    if (keyed.size === 0) return;
    let live: Set<number>;
    try {
      live = await liveKeyIds(this.database.db, [
        ...new Set([...keyed].map((subscriber) => subscriber.keyId!)),
      ]);
    } catch (error) {
      this.log.warn(
        { err: error, subscriptions: keyed.size },
        'live: could not check API keys; ending the subscriptions made with them',
      );
      live = new Set();
    }
    this.subscriptions.end((subscriber) => keyed.has(subscriber) && !live.has(subscriber.keyId!));
  }
}
