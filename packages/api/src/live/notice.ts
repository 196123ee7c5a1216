/** The NOTIFY message between API processes: which channel, what it carries. */

/** The one channel every API process LISTENs on. */
export const LIVE_CHANNEL = 'tafel_live';

/**
 * Editions or organisations changed: a trigger in the database announces each statement that
 * changes them (the payload names the table), whoever runs it — the API, the command line, psql.
 */
export const PUBLIC_CHANNEL = 'tafel_public';

/** A venue's count changed (committed). Ids and numbers only, far below NOTIFY's 8,000 bytes. */
export interface CountNotice {
  edition: number;
  location: number;
  participants: number;
  capacity: number | null;
  /** The log entry's id: it grows with each change of one venue, so a late notice can be told apart. */
  seq: number;
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

/** NOTIFY payloads must stay under 8,000 bytes; a count notice takes about 120. */
export const NOTICES_PER_PAYLOAD = 50;

/** The notices in a payload from the channel (one, or a batch); none if it is not ours. */
export function parseNotices(payload: string): ParticipationNotice[] {
  try {
    const parsed = JSON.parse(payload) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.filter((n): n is ParticipationNotice => typeof n === 'object' && n !== null && typeof (n as { edition?: unknown }).edition === 'number');
  } catch {
    return [];
  }
}
