/**
 * Per-client rate limits: a fixed window per client IP for anonymous requests and per API key for
 * keyed ones (a keyed request never costs its IP), and per IP for keys that did not check out,
 * counted in this process's memory (rate-limiter-flexible). Several API processes
 * behind a load balancer each count on their own: give each its share of the limit, or move the
 * counters to a shared store (the library's PostgreSQL or Redis limiters take the same calls).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from './config.ts';

/** `badKey`: requests from one IP with a key that did not check out. */
export type ClientKind = 'anonymous' | 'key' | 'badKey';

export interface RateDecision {
  allowed: boolean;
  /** The RateLimit headers of the IETF draft (both the separate fields and the combined one). */
  headers: Record<string, string>;
}

export class RateLimits {
  private readonly limiters: Record<ClientKind, RateLimiterMemory>;

  constructor(readonly config: RateLimitConfig) {
    this.limiters = {
      anonymous: new RateLimiterMemory({ keyPrefix: 'ip', points: config.anonymous, duration: config.windowSeconds }),
      key: new RateLimiterMemory({ keyPrefix: 'key', points: config.key, duration: config.windowSeconds }),
      badKey: new RateLimiterMemory({ keyPrefix: 'badkey', points: config.anonymous, duration: config.windowSeconds }),
    };
  }

  /** Count one request (or `points` of them) of this client. */
  async take(kind: ClientKind, client: string, points = 1): Promise<RateDecision> {
    try {
      return this.decision(kind, await this.limiters[kind].consume(client, points), true);
    } catch (error) {
      if (error instanceof RateLimiterRes) return this.decision(kind, error, false);
      throw error;
    }
  }

  /** Count `points` more requests of this client if that many remain; else refuse and count none. */
  async takeAll(kind: ClientKind, client: string, points: number): Promise<RateDecision> {
    const res = await this.limiters[kind].get(client);
    const remaining = res ? res.remainingPoints : this.limitOf(kind);
    if (remaining < points) return this.decision(kind, res ?? new RateLimiterRes(remaining, this.config.windowSeconds * 1000, 0), false);
    return this.take(kind, client, points);
  }

  /** Has this client used up its allowance? Counts nothing. */
  async exhausted(kind: ClientKind, client: string): Promise<RateDecision | null> {
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
