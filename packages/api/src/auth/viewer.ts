/**
 * Who is asking: the API key a request or a command acts with, or the signed-in person behind a
 * session cookie, and what they may do.
 */

export type ApiKeyScope = 'LOCATIONS_WRITE' | 'PARTICIPATION_WRITE';

/**
 * Federation staff roles. `admin`: everything (a staff API key is an admin). `moderator`:
 * approvals and venues, not the admin-only actions (editions, organisations, keys, staff).
 * `press`: reads what the public reads; writes nothing.
 */
export type StaffRole = 'admin' | 'moderator' | 'press';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'moderator', 'press'];

export interface Viewer {
  /** The api_keys row id; null for a session. */
  keyId: number | null;
  /**
   * Who acts, as recorded with every change and shown in messages: the key's visible prefix, or
   * `person:<id>` for a session (never a name or an address).
   */
  prefix: string;
  scopes: ApiKeyScope[];
  /**
   * Null for federation staff (a staff key, or a staff member's session). `suspended`: staff have
   * suspended the organisation, and its keys and coordinators may not write.
   */
  organisation: { id: number; slug: string; name: string; suspended?: boolean } | null;
  /** Staff only: the role (a staff key is `admin`). Null for an organisation's key or coordinator. */
  role: StaffRole | null;
  /** The signed-in person and their session; null for an API key. */
  session: { id: number; personId: number } | null;
}

/** Anything that carries a viewer (a request context, a command's actor). */
export interface WithViewer {
  viewer: Viewer | null;
}

/** Staff who may see and change what is not public: admins and moderators (not press). */
export function isStaff(ctx: WithViewer): boolean {
  return (
    ctx.viewer !== null &&
    ctx.viewer.organisation === null &&
    (ctx.viewer.role === 'admin' || ctx.viewer.role === 'moderator')
  );
}

/** May this viewer see a venue of this organisation exactly (drafts, exact coordinates)? */
export function canSeePrivate(ctx: WithViewer, organisationId: number): boolean {
  if (!ctx.viewer) return false;
  return isStaff(ctx) || ctx.viewer.organisation?.id === organisationId;
}

/** One string per key or person, to count and share per viewer (rate limits, streams, shared results). */
export function viewerKey(viewer: Viewer): string {
  return viewer.session ? `person:${viewer.session.personId}` : `key:${viewer.keyId}`;
}

/** Is the viewer an organisation's key or coordinator while staff have suspended that organisation? */
export function isSuspended(viewer: Viewer | null): boolean {
  return viewer?.organisation?.suspended === true;
}
