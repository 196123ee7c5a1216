/** What a committed write changed, for whoever must follow: live subscribers, caches, other processes. */

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
