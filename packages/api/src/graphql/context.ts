/**
 * The request context: the database and who is asking. Built once per request from the
 * `Authorization: Bearer <key>` header; no key means an anonymous public reader. It also hands
 * the resolvers what the app built once: the live hub and the caches it keeps up to date.
 */
import type { Logger } from 'pino';
import type { FormTokens } from '../auth/form-tokens.ts';
import type { HostLinkViewer } from '../auth/host-links.ts';
import type { Mailer } from '../auth/mail.ts';
import type { SessionLimits } from '../auth/sessions.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database, Db } from '../db/client.ts';
import type { LiveHub } from '../live/hub.ts';
import type { EditionIds } from '../locations/editions.ts';
import type { StatsCache } from '../locations/stats-cache.ts';
import type { GeocoderUrls } from './geocoder.ts';

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
  people: PeopleContext;
  join: JoinContext;
  /** The app's stats, kept per edition until the hub hears of a change. */
  stats: StatsCache;
  /** The app's editions by slug. */
  editions: EditionIds;
  /** The geocoders' base URLs (TAFEL_GEOCODER_URL, TAFEL_GEOCODER_NL_URL); unset: the shipped places. */
  geocoders: GeocoderUrls;
  /** The least group size of the measure of mixing where an edition sets none (TAFEL_MIXING_MIN_GROUP). */
  mixingMinGroup: number;
}

/** What the people's mutations need beyond the database: how links go out and where they point. */
export interface PeopleContext {
  mailer: Mailer;
  /** The base of every link (`TAFEL_PUBLIC_URL`). */
  publicUrl: string;
  sessions: SessionLimits;
  /** Count one sign-in link request from this request's client for this address; false when over a limit. */
  mayRequestLink(email: string): Promise<boolean>;
}

/** What the join form needs: its signed tokens, its least fill time, and the per-client limit. */
export interface JoinContext {
  tokens: FormTokens;
  minFillMs: number;
  /** Count one application from this request's client; false when over the limit. */
  mayApply(): Promise<boolean>;
}
