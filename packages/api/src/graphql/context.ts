/**
 * The request context: the database and who is asking. Built once per request from the
 * `Authorization: Bearer <key>` header; no key means an anonymous public reader.
 */
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer.ts';
import type { Database, Db } from '../db/client.ts';
import type { LiveHub } from '../live/hub.ts';

export interface Context {
  database: Database;
  db: Db;
  viewer: Viewer | null;
  log: Logger;
  /** This process's live participation feeds (subscriptions). */
  live: LiveHub;
}
