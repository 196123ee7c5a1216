/** The NOTIFY message between API processes: which channel, what it carries. */

/** The one channel every API process LISTENs on. */
export const LIVE_CHANNEL = 'tafel_live';

/** A venue's count changed (committed). Ids and numbers only, far below NOTIFY's 8,000 bytes. */
export interface CountNotice {
  edition: number;
  location: number;
  participants: number;
  capacity: number | null;
  /** The database's clock at the change, in milliseconds since the epoch. */
  at: number;
}

/** Something else about an edition's venues changed (created, edited, cancelled): stats follow. */
export interface VenueNotice {
  edition: number;
}

export type ParticipationNotice = CountNotice | VenueNotice;

export function isCountNotice(notice: ParticipationNotice): notice is CountNotice {
  return 'location' in notice;
}

/** A payload from the channel, or null if it is not one of ours. */
export function parseNotice(payload: string): ParticipationNotice | null {
  try {
    const notice = JSON.parse(payload) as unknown;
    if (typeof notice !== 'object' || notice === null || typeof (notice as { edition?: unknown }).edition !== 'number') return null;
    return notice as ParticipationNotice;
  } catch {
    return null;
  }
}
