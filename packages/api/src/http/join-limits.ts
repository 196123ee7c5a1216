/**
 * How often one client may send the join form: per client IP, in the rate limits' shared store,
 * so every process counts against one budget. Every attempt counts, refused or not.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '../db/client.ts';
import type { PublicApiConfig } from './config.ts';
import { rateLimitStore } from './gate.ts';
import { limiterIn } from './rate-limit.ts';

export class JoinLimits {
  readonly #perIp: RateLimiterAbstract;

  constructor(database: Database, config: PublicApiConfig) {
    const { perIp, windowSeconds } = config.joinForm;
    this.#perIp = limiterIn(
      rateLimitStore(database, config),
      'join-ip',
      Math.max(1, perIp),
      windowSeconds,
    );
  }

  /** Count one application; false when this client is over its limit. Without a client address (in-process), not counted. */
  async take(ip: string | null): Promise<boolean> {
    if (!ip) return true;
    try {
      await this.#perIp.consume(ip);
      return true;
    } catch (error) {
      if (error instanceof Error) throw error;
      return false;
    }
  }
}
