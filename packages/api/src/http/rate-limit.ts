/**
 * Per-client rate limits: a fixed window per client IP for anonymous requests and per API key for
 * keyed ones (a keyed request never costs its IP), and per IP for keys that did not check out
 * (rate-limiter-flexible). Counted where every API process sees the same numbers — in Redis when
 * one is configured, else in PostgreSQL (an UNLOGGED table) — so N processes behind a load
 * balancer give a client one budget, not N. On PGlite (one process) and when asked, in memory.
 */
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';
import type { RateLimitConfig } from './config.ts';

const REDIS_CONNECT_TIMEOUT_MS = 2000;

/** Where the counts are kept. */
export type RateLimitStore =
  | { kind: 'memory' }
  | { kind: 'postgres'; db: Db }
  | { kind: 'redis'; client: Redis };

/**
 * A Redis client for the limits: it never queues a command while disconnected, so with Redis
 * away each process counts in its own memory at once (the insurance limiter) instead of waiting.
 */
export function redisForLimits(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
  });
  // Errors show as refusals to count (and so as the fallback); the client reconnects by itself.
  client.on('error', () => {});
  return client;
}

/** `badKey`: requests from one IP with a key that did not check out. */
export type ClientKind = 'anonymous' | 'key' | 'badKey';

export interface RateDecision {
  allowed: boolean;
  /** The RateLimit headers of the IETF draft (both the separate fields and the combined one). */
  headers: Record<string, string>;
}

/** One fixed-window limiter in the given store: `points` per `duration` seconds per client. */
export function limiterIn(
  store: RateLimitStore,
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  const options = { keyPrefix, points, duration };
  if (store.kind === 'memory') return new RateLimiterMemory(options);
  const shared = {
    ...options,
    // While the store is away, each process counts on its own rather than refusing everyone.
    insuranceLimiter: new RateLimiterMemory(options),
    // A client at its limit is refused from memory for the rest of the window: a flood costs
    // the store one write per process, not one per request.
    inMemoryBlockOnConsumed: points,
  };
  return store.kind === 'redis'
    ? new RateLimiterRedis({
        ...shared,
        keyPrefix: `tafel:rl:${keyPrefix}`,
        storeClient: store.client,
        rejectIfRedisNotReady: true,
      })
    : new RateLimiterDrizzle({ ...shared, storeClient: store.db, schema: rateLimits });
}

/**
 * One budget per client address in a store, e.g. the join form's or passkey sign-ins': `take`
 * counts one attempt and says whether the client is still within it. Without a client address
 * (an in-process request) nothing is counted.
 */
export class PerClientLimit {
  readonly #limiter: RateLimiterAbstract;

  constructor(store: RateLimitStore, keyPrefix: string, points: number, duration: number) {
    this.#limiter = limiterIn(store, keyPrefix, Math.max(1, points), duration);
  }

  async take(ip: string | null): Promise<boolean> {
    if (!ip) return true;
    try {
      await this.#limiter.consume(ip);
      return true;
    } catch (error) {
      if (error instanceof Error) throw error;
      return false;
    }
  }
}

export class RateLimits {
  private readonly limiters: Record<ClientKind, RateLimiterAbstract>;
  /** Until Redis first answers (at most its connect timeout), requests wait for it rather than count in memory. */
  private connecting: Promise<void> | null = null;

  constructor(
    readonly config: RateLimitConfig,
    store: RateLimitStore = { kind: 'memory' },
  ) {
    const limiter = (keyPrefix: string, points: number) =>
      limiterIn(store, keyPrefix, points, config.windowSeconds);
    if (store.kind === 'redis' && store.client.status !== 'ready') {
      const { client } = store;
      this.connecting = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off('ready', done);
          this.connecting = null;
          resolve();
        };
        const timer = setTimeout(done, REDIS_CONNECT_TIMEOUT_MS);
        client.once('ready', done);
      });
    }
    this.limiters = {
      anonymous: limiter('ip', config.anonymous),
      key: limiter('key', config.key),
      badKey: limiter('badkey', config.anonymous),
    };
  }

  /** Count one request (or `points` of them) of this client. */
  async take(kind: ClientKind, client: string, points = 1): Promise<RateDecision> {
    if (this.connecting) await this.connecting;
    try {
      return this.decision(kind, await this.limiters[kind].consume(client, points), true);
    } catch (error) {
      if (error instanceof RateLimiterRes) return this.decision(kind, error, false);
      throw error;
    }
  }

  /** Count `points` more requests of this client if that many remain; else refuse and count none. */
  async takeAll(kind: ClientKind, client: string, points: number): Promise<RateDecision> {
    if (this.connecting) await this.connecting;
    const res = await this.limiters[kind].get(client);
    const remaining = res ? res.remainingPoints : this.limitOf(kind);
    if (remaining < points)
      return this.decision(
        kind,
        res ?? new RateLimiterRes(remaining, this.config.windowSeconds * 1000, 0),
        false,
      );
    return this.take(kind, client, points);
  }

  /** Has this client used up its allowance? Counts nothing. */
  async exhausted(kind: ClientKind, client: string): Promise<RateDecision | null> {
    if (this.connecting) await this.connecting;
    const res = await this.limiters[kind].get(client);
    return res && res.remainingPoints <= 0 ? this.decision(kind, res, false) : null;
  }

  private limitOf(kind: ClientKind): number {
    return kind === 'key' ? this.config.key : this.config.anonymous;
  }

  private decision(kind: ClientKind, res: RateLimiterRes, allowed: boolean): RateDecision {
    const limit = this.limitOf(kind);
    const remaining = Math.max(0, res.remainingPoints);
    const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    const headers: Record<string, string> = {
      'RateLimit-Policy': `${limit};w=${this.config.windowSeconds}`,
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(reset),
      RateLimit: `limit=${limit}, remaining=${remaining}, reset=${reset}`,
    };
    if (!allowed) headers['Retry-After'] = String(reset);
    return { allowed, headers };
  }
}
