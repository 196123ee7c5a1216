/**
 * What the app keeps of its public answers — GraphQL answers, the open-data feeds, the edition's
 * page — as bytes, bounded in bytes and age, each tagged with what it depends on
 * (graphql/dependencies.ts). The app's live hub tells the store of every committed change, this
 * process's at once and every other's when its NOTIFY arrives; the store lets go of exactly the
 * answers the change touches:
 *
 * - a venue change in an edition: answers that show that edition's venues (or any edition's);
 * - a count change: answers that show that edition's counts — or, with a staleness bound
 *   (`countsStaleMs`), marks them stale: such an answer may still be served for that long after
 *   the first change it misses, while one request computes it afresh (single flight);
 * - editions or organisations: answers that show any of them;
 * - changes that may have gone unheard (the LISTEN connection was away): everything.
 *
 * An answer computed while a change it depends on arrived is not kept (or kept as stale from the
 * moment its computation began, for counts): it may show the state before the change.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Dependencies } from '../graphql/dependencies.ts';
import { isCountNotice, type Notice } from '../locations/notices.ts';

/** A kept answer: its bytes and the headers to send them with. */
export interface StoredAnswer {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

export interface Kept extends StoredAnswer {
  /** The answer's ETag, quoted: new for every answer kept. */
  etag: string;
  deps: Dependencies;
  /** When (performance.now()) the first count change it does not show was heard; null while it shows the latest. */
  staleSince: number | null;
}

/** Taken before an answer is computed, handed to `set` with it. */
export interface Mark {
  seq: number;
  at: number;
}

/** How a kept answer may be used now. */
export type Lookup =
  /** Up to date. */
  | { use: 'fresh'; kept: Kept }
  /** Within the staleness bound while another request computes it afresh: serve it. */
  | { use: 'stale'; kept: Kept }
  /** Compute it (and, if this request was given the refresh, others are served the stale one or wait for it meanwhile). */
  | { use: 'compute'; kept?: undefined; refresh?: boolean }
  /** Another request is computing it: wait for that, then look again. */
  | { use: 'wait'; kept?: undefined; until: Promise<void> };

export interface AnswerStoreOptions {
  /** The most bytes kept; the least recently used answers go first. */
  maxBytes: number;
  /** The most milliseconds an answer is kept: the bound for changes nobody announced. */
  ttlMs: number;
  /** How long an answer may be served after a count it shows changed; 0: not at all. */
  countsStaleMs?: number;
}

/** Depends on everything: any change lets it go. */
export const EVERYTHING: Dependencies = { tags: ['all'], counts: [] };

/** Bookkeeping per entry beside its body (key, headers, tags, the map's own nodes), counted with it. */
const ENTRY_OVERHEAD = 512;
/** The longest a request waits for another's computation of the same answer before computing it itself. */
const MAX_WAIT_MS = 10_000;
/** Tags that change whenever anything does. */
const ALL = 'all';
const LOST = '*';

export class AnswerStore {
  readonly countsStaleMs: number;
  readonly #entries: LRUCache<string, Kept>;
  /** The keys kept under each tag. */
  readonly #index = new Map<string, Set<string>>();
  /** The change (its sequence number) that last touched each tag. */
  readonly #changed = new Map<string, number>();
  /** Keys being computed by one request, since when, while others are served the stale answer or wait. */
  readonly #refreshing = new Map<
    string,
    { since: number; done: Promise<void>; finish: () => void }
  >();
  /** Distinguishes this store's ETags from another app's or process's (and from before a restart). */
  readonly #epoch = randomBytes(4).toString('hex');
  #seq = 0;
  #kept = 0;

  constructor({ maxBytes, ttlMs, countsStaleMs = 0 }: AnswerStoreOptions) {
    this.countsStaleMs = Math.max(0, countsStaleMs);
    this.#entries = new LRUCache<string, Kept>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (answer, key) => answer.body.byteLength + key.length + ENTRY_OVERHEAD,
      ttl: Math.max(1, ttlMs),
      dispose: (answer, key) => this.#unindex(key, answer),
    });
  }

  /** Take before computing an answer; hand it to `set` with the answer. */
  mark(): Mark {
    return { seq: this.#seq, at: performance.now() };
  }

  /** The kept answer under this key, stale or not (see `lookup` for whether to serve it). */
  get(key: string): Kept | undefined {
    return this.#entries.get(key);
  }

  /**
   * May the answer under this key be served? One computation per key at a time (single flight):
   * the first request to find it missing or stale computes it; meanwhile a stale one (counts
   * changed) within the bound is served to the others, and past the bound (or with none kept)
   * they wait for that computation, which began after the change they would miss.
   */
  lookup(key: string): Lookup {
    const now = performance.now();
    let kept = this.#entries.get(key);
    if (kept?.staleSince === null) return { use: 'fresh', kept };
    if (kept && now - kept.staleSince! > this.countsStaleMs) {
      this.#entries.delete(key);
      kept = undefined;
    }
    const refresh = this.#refreshing.get(key);
    if (refresh && now - refresh.since <= MAX_WAIT_MS)
      return kept ? { use: 'stale', kept } : { use: 'wait', until: refresh.done };
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.#refreshing.set(key, { since: now, done, finish });
    return { use: 'compute', refresh: true };
  }

  /** The request that took the computation of `key` is done with it (kept or not): whoever waits looks again. */
  release(key: string): void {
    this.#refreshing.get(key)?.finish();
    this.#refreshing.delete(key);
  }

  /**
   * Keep an answer computed since `mark`, depending on `deps`: not if something it depends on
   * changed meanwhile (it may show the state before), as stale since `mark` if only counts did.
   * Returns what was kept. One larger than the whole store is not kept.
   */
  set(key: string, answer: StoredAnswer, deps: Dependencies, mark: Mark): Kept | undefined {
    try {
      return this.#set(key, answer, deps, mark);
    } finally {
      this.release(key);
    }
  }

  #set(key: string, answer: StoredAnswer, deps: Dependencies, mark: Mark): Kept | undefined {
    if (deps.tags.some((tag) => this.#changedSince(tag, mark.seq))) return undefined;
    const stale = deps.counts.some((tag) => this.#changedSince(tag, mark.seq));
    if (stale && this.countsStaleMs === 0) return undefined;
    const kept: Kept = {
      ...answer,
      etag: `"${this.#epoch}.${++this.#kept}"`,
      deps,
      staleSince: stale ? mark.at : null,
    };
    this.#entries.set(key, kept);
    if (this.#entries.peek(key) !== kept) return undefined;
    for (const tag of [...deps.tags, ...deps.counts]) {
      let keys = this.#index.get(tag);
      if (!keys) {
        keys = new Set();
        this.#index.set(tag, keys);
      }
      keys.add(key);
    }
    return kept;
  }

  /**
   * A committed change (or, null, changes that may have gone unheard): let go of what it touches.
   * `slugOf` names the edition of an id, where known; an edition not known touches every edition.
   * Only the app's live hub calls this, for this process's writes and every other's.
   */
  invalidate(
    notice: Notice | null,
    slugOf: (editionId: number) => string | undefined = () => undefined,
  ): void {
    const seq = ++this.#seq;
    this.#changed.set(ALL, seq);
    this.#drop(ALL);
    if (notice === null) {
      this.#changed.set(LOST, seq);
      this.#entries.clear();
      return;
    }
    if ('table' in notice) {
      this.#changed.set(notice.table, seq);
      this.#drop(notice.table);
      return;
    }
    const kind = isCountNotice(notice) ? 'counts' : 'venues';
    const slug = slugOf(notice.edition);
    // `kind:?`: an edition this store cannot name, i.e. possibly any.
    const touched =
      slug === undefined
        ? [...this.#index.keys()].filter((tag) => tag.startsWith(`${kind}:`))
        : [`${kind}:${slug}`, `${kind}:*`];
    this.#changed.set(slug === undefined ? `${kind}:?` : `${kind}:${slug}`, seq);
    this.#changed.set(`${kind}:*`, seq);
    for (const tag of touched) {
      if (kind === 'counts' && this.countsStaleMs > 0) this.#stale(tag);
      else this.#drop(tag);
    }
  }

  /** The bytes the kept answers are counted as, at most maxBytes. */
  get bytes(): number {
    return this.#entries.calculatedSize;
  }

  get size(): number {
    return this.#entries.size;
  }

  #changedSince(tag: string, seq: number): boolean {
    const after = (t: string) => (this.#changed.get(t) ?? 0) > seq;
    if (after(tag) || after(LOST)) return true;
    const colon = tag.indexOf(':');
    return colon > 0 && !tag.endsWith(':*') && after(`${tag.slice(0, colon)}:?`);
  }

  #drop(tag: string): void {
    for (const key of [...(this.#index.get(tag) ?? [])]) this.#entries.delete(key);
    this.#index.delete(tag);
  }

  #stale(tag: string): void {
    const now = performance.now();
    for (const key of this.#index.get(tag) ?? []) {
      const kept = this.#entries.peek(key);
      if (kept && kept.staleSince === null) kept.staleSince = now;
    }
  }

  #unindex(key: string, answer: Kept): void {
    for (const tag of [...answer.deps.tags, ...answer.deps.counts]) {
      const keys = this.#index.get(tag);
      if (!keys) continue;
      // The key may already hold a newer answer (a replaced entry is disposed after the new one is set).
      if (this.#entries.peek(key) !== undefined && this.#entries.peek(key) !== answer) continue;
      keys.delete(key);
      if (keys.size === 0) this.#index.delete(tag);
    }
  }
}
