/**
 * The audit trail: one append-only row per staff or coordinator action, written by `audit()` in
 * the same transaction as the change it records, so a refused or rolled-back change leaves none.
 * Any write adds itself with one call: `await audit(tx, actor, { action, organisationId, reason })`.
 */
import type { Viewer } from '../auth/viewer.ts';
import { auditEvents } from '../db/schema.ts';
import type { Runner } from './participation-statement.ts';

/** Who acted, as the trail keeps it: ids to join on, and a label that is never a name or address. */
export interface AuditActor {
  personId: number | null;
  keyId: number | null;
  hostLinkId: number | null;
  /** A key's or host link's prefix, `person:<id>`, or `cli:<user>`. */
  label: string;
}

/** The actor of a request's viewer (a key, or a signed-in person). */
export function auditActorOf(viewer: Viewer): AuditActor {
  return {
    personId: viewer.session?.personId ?? null,
    keyId: viewer.keyId,
    hostLinkId: null,
    label: viewer.prefix,
  };
}

/** The command line's actor (`cli:<user>`). */
export function cliAuditActor(name: string): AuditActor {
  return { personId: null, keyId: null, hostLinkId: null, label: name };
}

/** What the audit trail says happened. Actions are SCREAMING_SNAKE verbs: `SUSPEND_ORGANISATION`. */
export interface AuditEntry {
  action: string;
  organisationId?: number | null;
  locationId?: number | null;
  editionId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Append one entry (or several) inside the caller's transaction. */
export async function audit(
  tx: Runner,
  actor: AuditActor,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await tx.insert(auditEvents).values(
    list.map((e) => ({
      action: e.action,
      personId: actor.personId,
      apiKeyId: actor.keyId,
      hostLinkId: actor.hostLinkId,
      actor: actor.label,
      organisationId: e.organisationId ?? null,
      locationId: e.locationId ?? null,
      editionId: e.editionId ?? null,
      reason: e.reason ?? null,
      details: e.details ?? {},
    })),
  );
}

/** The longest reason kept. */
export const MAX_REASON = 2000;

/**
 * A reason as given, trimmed; `required` refuses an empty one. Returns the reason, or a problem to
 * report at `field`.
 */
export function checkReason(
  reason: string | null | undefined,
  required: boolean,
): { reason: string | null } | { code: 'REQUIRED' | 'TOO_LONG'; message: string } {
  const trimmed = reason?.trim() ?? '';
  if (required && trimmed === '')
    return { code: 'REQUIRED', message: 'Give a reason: it is kept in the audit trail.' };
  if (trimmed.length > MAX_REASON)
    return { code: 'TOO_LONG', message: `A reason is at most ${MAX_REASON} characters.` };
  return { reason: trimmed === '' ? null : trimmed };
}
