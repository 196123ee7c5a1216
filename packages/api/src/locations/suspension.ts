/**
 * Suspending an organisation, and reinstating it. While suspended, its venues leave the public
 * view (the database copies the suspension onto them, see the migration `console`), and its keys
 * and coordinators may not write (auth/viewer.ts `isSuspended`, graphql/scopes.ts). Both write an
 * audit row in the same transaction.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiKeys, locations, type Organisation, organisations } from '../db/schema.ts';
import { type AuditActor, audit, checkReason } from './audit.ts';
import { type UserError, userError } from './errors.ts';
import type { Notice } from './notices.ts';

export interface SuspensionResult {
  organisation: Organisation | null;
  userErrors: UserError[];
  /** What to announce once committed: the organisations table, and each edition its venues are in. */
  notices: Notice[];
  /** The organisation's live keys: this process forgets them at once (the trigger tells the others). */
  keyIds: number[];
}

const refuse = (error: UserError): SuspensionResult => ({
  organisation: null,
  userErrors: [error],
  notices: [],
  keyIds: [],
});

/** Suspend or reinstate the organisation with this id; a reason is required to suspend. */
export async function setSuspended(
  db: Db,
  actor: AuditActor,
  input: { organisationId: number; suspend: boolean; reason?: string | null },
): Promise<SuspensionResult> {
  const checked = checkReason(input.reason, input.suspend);
  if ('code' in checked) return refuse(userError(['reason'], checked.code, checked.message));
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, input.organisationId))
      .for('update');
    if (!current) return refuse(userError(['id'], 'NOT_FOUND', 'There is no such organisation.'));
    if ((current.suspendedAt !== null) === input.suspend)
      return refuse(
        userError(
          ['id'],
          'INVALID_TRANSITION',
          input.suspend
            ? `${current.name} is suspended already (since ${current.suspendedAt!.toISOString()}).`
            : `${current.name} is not suspended.`,
        ),
      );
    const [organisation] = await tx
      .update(organisations)
      .set({
        suspendedAt: input.suspend ? sql`now()` : null,
        suspensionReason: input.suspend ? checked.reason : null,
        updatedAt: sql`now()`,
      })
      .where(eq(organisations.id, current.id))
      .returning();
    // Touching its keys fires their trigger: every process forgets them and looks them up again,
    // suspended or not.
    const keys = await tx
      .update(apiKeys)
      .set({ scopes: sql`${apiKeys.scopes}` })
      .where(and(eq(apiKeys.organisationId, current.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    const editions = await tx
      .selectDistinct({ id: locations.editionId })
      .from(locations)
      .where(eq(locations.organisationId, current.id));
    await audit(tx, actor, {
      action: input.suspend ? 'SUSPEND_ORGANISATION' : 'REINSTATE_ORGANISATION',
      organisationId: current.id,
      reason: checked.reason,
      details: { suspended: { from: !input.suspend, to: input.suspend } },
    });
    return {
      organisation: organisation!,
      userErrors: [],
      notices: [{ table: 'organisations' as const }, ...editions.map((e) => ({ edition: e.id }))],
      keyIds: keys.map((k) => k.id),
    };
  });
}
