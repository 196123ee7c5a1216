/**
 * Staff moderation of one venue: approve it (it goes public if published), reject it (back to a
 * draft, still waiting for approval), or unpublish it (a draft that waits for approval again
 * before it can go public). Reject and unpublish need a reason. Each writes the venue's change
 * record and an audit row in the same transaction; a refusal changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Location, locationChanges, locations } from '../db/schema.ts';
import { type AuditActor, audit, checkReason } from './audit.ts';
import { type UserError, userError } from './errors.ts';
import type { VenueNotice } from './notices.ts';

export type Moderation = 'APPROVE' | 'REJECT' | 'UNPUBLISH';

export interface ModerationResult {
  location: Location | null;
  userErrors: UserError[];
  notices: VenueNotice[];
}

const refuse = (error: UserError): ModerationResult => ({
  location: null,
  userErrors: [error],
  notices: [],
});

/** Why this venue cannot take this step, or null when it can. */
function refusal(action: Moderation, venue: Location): string | null {
  if (action === 'UNPUBLISH')
    return venue.status === 'PUBLISHED'
      ? null
      : `The venue is ${venue.status.toLowerCase()}, not published.`;
  if (!venue.awaitingApproval) return 'The venue is not waiting for approval.';
  if (action === 'REJECT' && venue.status !== 'PUBLISHED')
    return `The venue is ${venue.status.toLowerCase()}: only a venue offered for publication can be rejected.`;
  return null;
}

/** Apply one moderation step to the venue with this id. */
export async function moderateLocation(
  db: Db,
  actor: AuditActor,
  input: { locationId: number; action: Moderation; reason?: string | null },
): Promise<ModerationResult> {
  const checked = checkReason(input.reason, input.action !== 'APPROVE');
  if ('code' in checked)
    return refuse(userError(['input', 'reason'], checked.code, checked.message));
  return db.transaction(async (tx) => {
    const [venue] = await tx
      .select()
      .from(locations)
      .where(eq(locations.id, input.locationId))
      .for('update');
    if (!venue) return refuse(userError(['input', 'id'], 'NOT_FOUND', 'There is no such venue.'));
    const why = refusal(input.action, venue);
    if (why) return refuse(userError(['input', 'id'], 'INVALID_TRANSITION', why));
    const set =
      input.action === 'APPROVE'
        ? { awaitingApproval: false }
        : { status: 'DRAFT' as const, awaitingApproval: true };
    const [location] = await tx
      .update(locations)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(locations.id, venue.id))
      .returning();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (venue.status !== location!.status)
      changes['status'] = { from: venue.status, to: location!.status };
    if (venue.awaitingApproval !== location!.awaitingApproval)
      changes['awaitingApproval'] = {
        from: venue.awaitingApproval,
        to: location!.awaitingApproval,
      };
    await tx.insert(locationChanges).values({
      locationId: venue.id,
      organisationId: venue.organisationId,
      apiKeyId: actor.keyId,
      actor: actor.label,
      action: input.action,
      changes,
    });
    await audit(tx, actor, {
      action: `${input.action}_LOCATION`,
      organisationId: venue.organisationId,
      locationId: venue.id,
      editionId: venue.editionId,
      reason: checked.reason,
      details: changes,
    });
    return { location: location!, userErrors: [], notices: [{ edition: venue.editionId }] };
  });
}
