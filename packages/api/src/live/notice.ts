/** The NOTIFY message between API processes: which channel, what it carries. */
import type { Database } from '../db/client.ts';
import { type Notice, tableNotice } from '../locations/notices.ts';

export {
  type CountNotice,
  isCountNotice,
  isTableNotice,
  type Notice,
  type ParticipationNotice,
  type TableNotice,
  type VenueNotice,
} from '../locations/notices.ts';

/** The one channel every API process LISTENs on. */
export const LIVE_CHANNEL = 'tafel_live';

/**
 * Editions or organisations changed: a trigger in the database announces each statement that
 * changes them (the payload names the table), whoever runs it — the API, the command line, psql.
 */
export const PUBLIC_CHANNEL = 'tafel_public';

/** NOTIFY payloads must stay under 8,000 bytes; a count notice takes about 120. */
export const NOTICES_PER_PAYLOAD = 50;

function isNotice(n: unknown): n is Notice {
  if (typeof n !== 'object' || n === null) return false;
  const { edition, table } = n as { edition?: unknown; table?: unknown };
  return typeof edition === 'number' || (typeof table === 'string' && tableNotice(table) !== null);
}

/** The notices in a payload from the live channel (one, or a batch); none if it is not ours. */
export function parseNotices(payload: string): Notice[] {
  try {
    const parsed = JSON.parse(payload) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.filter(isNotice);
  } catch {
    return [];
  }
}

/** The notices a committed batch makes, as the payloads of as few NOTIFYs as their size allows. */
export function noticePayloads(notices: readonly Notice[]): string[] {
  const payloads: string[] = [];
  for (let i = 0; i < notices.length; i += NOTICES_PER_PAYLOAD)
    payloads.push(JSON.stringify(notices.slice(i, i + NOTICES_PER_PAYLOAD)));
  return payloads;
}

/**
 * Announce committed changes on the channel, for a process without a live hub (the command line):
 * every API process hears them, as it hears its own.
 */
export async function notifyNotices(database: Database, notices: readonly Notice[]): Promise<void> {
  const payloads = noticePayloads(notices);
  if (payloads.length) await database.notify(LIVE_CHANNEL, payloads);
}
