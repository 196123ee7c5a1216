/**
 * How often one client may send the join form: per client IP, in the rate limits' shared store,
 * so every process counts against one budget. Every attempt counts, refused or not.
 */
import type { Database } from '../db/client.ts';
import type { PublicApiConfig } from './config.ts';
import { rateLimitStore } from './gate.ts';
import { PerClientLimit } from './rate-limit.ts';

export function joinFormLimit(database: Database, config: PublicApiConfig): PerClientLimit {
  const { perIp, windowSeconds } = config.joinForm;
  return new PerClientLimit(rateLimitStore(database, config), 'join-ip', perIp, windowSeconds);
}
