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

/**
 * Editions or organisations changed (created, renamed, approved). A trigger in the database also
 * announces these, whoever made the change (psql too); the writer announces its own at once.
 */
export interface TableNotice {
  table: 'editions' | 'organisations';
}

/** Any committed change a write returns and one call announces. */
export type Notice = ParticipationNotice | TableNotice;

export function isCountNotice(notice: Notice): notice is CountNotice {
  return 'location' in notice;
}

export function isTableNotice(notice: Notice): notice is TableNotice {
  return 'table' in notice;
}

/**
 * The notice of a change to a table the public reads beside the venues; null for any other table.
 * A federation's change is its editions' (an edition shows its federation's tiles and its own
 * target groups).
 */
export function tableNotice(table: string): TableNotice | null {
  if (table === 'federations' || table === 'federation_target_groups') return { table: 'editions' };
  return table === 'editions' || table === 'organisations' ? { table } : null;
}
