/**
 * A meeting's programme stays within the meeting: a venue write that moves the meeting's start
 * or end past one of its sessions is refused (OUTSIDE_MEETING on the time that moved), as
 * `setProgramme` refuses a session outside the meeting. One statement for any number of venues.
 */
import { inArray, max, min } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { programmeSessions } from '../db/schema.ts';
import type { UserErrors } from './errors.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface MovedMeeting {
  /** Where the venue's fields are in the input, e.g. `["locations", 3]`; `[]` for one venue. */
  path: (string | number)[];
  locationId: number;
  /** The meeting's times as they would be after the write. */
  startsAt: Date | null;
  endsAt: Date | null;
}

export async function checkSessionsWithin(
  tx: Db | Tx,
  errors: UserErrors,
  moved: readonly MovedMeeting[],
): Promise<void> {
  if (moved.length === 0) return;
  const spans = await tx
    .select({
      locationId: programmeSessions.locationId,
      first: min(programmeSessions.startsAt),
      last: max(programmeSessions.endsAt),
    })
    .from(programmeSessions)
    .where(
      inArray(
        programmeSessions.locationId,
        moved.map((m) => m.locationId),
      ),
    )
    .groupBy(programmeSessions.locationId);
  const byId = new Map(spans.map((s) => [s.locationId, s]));
  for (const m of moved) {
    const span = byId.get(m.locationId);
    if (!span?.first || !span.last) continue;
    const [first, last] = [new Date(span.first), new Date(span.last)];
    if (m.startsAt && first < m.startsAt)
      errors.add(
        [...m.path, 'startsAt'],
        'OUTSIDE_MEETING',
        `startsAt ${m.startsAt.toISOString()} is after its programme's first session starts (${first.toISOString()}): change the programme first.`,
      );
    if (m.endsAt && last > m.endsAt)
      errors.add(
        [...m.path, 'endsAt'],
        'OUTSIDE_MEETING',
        `endsAt ${m.endsAt.toISOString()} is before its programme's last session ends (${last.toISOString()}): change the programme first.`,
      );
  }
}
