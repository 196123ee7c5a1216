/** The NOTIFY message between API processes: which channel, what it carries. */
import type { Database } from '../db/client.ts';
import type { ParticipationNotice } from '../locations/notices.ts';

export { isCountNotice, type CountNotice, type ParticipationNotice, type VenueNotice } from '../locations/notices.ts';

/** The one channel every API process LISTENs on. */
export const LIVE_CHANNEL = 'tafel_live';

/**
 * Editions or organisations changed: a trigger in the database announces each statement that
 * changes them (the payload names the table), whoever runs it — the API, the command line, psql.
 */
export const PUBLIC_CHANNEL = 'tafel_public';

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

/**
 * Announce committed changes on the channel, for a process without a live hub (the command line):
 * every API process hears them, as it hears its own.
 */
export async function notifyNotices(database: Database, notices: readonly ParticipationNotice[]): Promise<void> {
  const payloads: string[] = [];
  for (let i = 0; i < notices.length; i += NOTICES_PER_PAYLOAD) payloads.push(JSON.stringify(notices.slice(i, i + NOTICES_PER_PAYLOAD)));
  if (payloads.length) await database.notify(LIVE_CHANNEL, payloads);
}
