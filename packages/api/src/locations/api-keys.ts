/**
 * Issuing and revoking API keys as actions of someone: the key (auth/keys.ts) and its row in the
 * audit trail, in one transaction. The trail keeps the key's prefix and scopes, never its secret.
 */
import type { KeyCache } from '../auth/key-cache.ts';
import { type IssueKeyOptions, issueKey, revokeKey } from '../auth/keys.ts';
import type { Db } from '../db/client.ts';
import { type AuditActor, audit } from './audit.ts';

/** Issue a key for an organisation (or a staff key) and record who did. */
export function issueKeyAs(db: Db, actor: AuditActor, options: IssueKeyOptions) {
  return db.transaction(async (tx) => {
    const made = await issueKey(tx, options);
    await audit(tx, actor, {
      action: 'ISSUE_API_KEY',
      organisationId: options.organisationId,
      details: {
        key: { from: null, to: made.apiKey.prefix },
        scopes: { from: null, to: made.apiKey.scopes },
      },
    });
    return made;
  });
}

/** Revoke a key and record who did; a key revoked before is answered and not recorded again. */
export async function revokeKeyAs(
  db: Db,
  actor: AuditActor,
  prefix: string,
  cache?: KeyCache,
  organisationId?: number,
) {
  return db.transaction(async (tx) => {
    const row = await revokeKey(tx, prefix, cache, organisationId);
    if (row?.revokedNow)
      await audit(tx, actor, {
        action: 'REVOKE_API_KEY',
        organisationId: row.organisationId,
        details: { key: { from: row.prefix, to: null } },
      });
    return row;
  });
}
