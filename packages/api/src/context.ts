/**
 * The request context: the database and who is asking. Built once per request from the
 * `Authorization: Bearer <key>` header; no key means an anonymous public reader.
 */
import type { Logger } from 'pino';
import type { Database, Db } from './db/client.ts';
import type { LiveHub } from './live/hub.ts';

export type ApiKeyScope = 'LOCATIONS_WRITE' | 'PARTICIPATION_WRITE';

export interface Viewer {
  /** The api_keys row id. */
  keyId: number;
  /** The key's visible prefix, recorded as the actor of every change. */
  prefix: string;
  scopes: ApiKeyScope[];
  /** Null for a federation staff key. */
  organisation: { id: number; slug: string; name: string } | null;
}

export interface Context {
  database: Database;
  db: Db;
  viewer: Viewer | null;
  log: Logger;
  /** This process's live participation feeds (subscriptions). */
  live: LiveHub;
}

export function isStaff(ctx: Pick<Context, 'viewer'>): boolean {
  return ctx.viewer !== null && ctx.viewer.organisation === null;
}

/** May this viewer see a venue of this organisation exactly (drafts, exact coordinates)? */
export function canSeePrivate(ctx: Pick<Context, 'viewer'>, organisationId: number): boolean {
  if (!ctx.viewer) return false;
  return ctx.viewer.organisation === null || ctx.viewer.organisation.id === organisationId;
}
