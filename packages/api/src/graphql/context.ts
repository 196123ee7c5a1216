/**
 * The request context: the database and who is asking. Built once per request from the
 * `Authorization: Bearer <key>` header; no key means an anonymous public reader.
 */
import type { Logger } from 'pino';
import type { HostLinkViewer } from '../auth/host-links.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database, Db } from '../db/client.ts';
import type { LiveHub } from '../live/hub.ts';

export interface Context {
  database: Database;
  db: Db;
  viewer: Viewer | null;
  /**
   * A host link (`Authorization: Bearer tafelhost_…`): may report participation for its one
   * venue and nothing else; every read sees what the public sees (viewer stays null).
   */
  host: HostLinkViewer | null;
  /** The base of the absolute URLs the API hands out (TAFEL_PUBLIC_URL). */
  publicUrl: string;
  log: Logger;
  /** This process's live participation feeds (subscriptions). */
  live: LiveHub;
}
