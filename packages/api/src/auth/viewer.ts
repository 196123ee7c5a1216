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
  /**
   * Staff of one federation: they act and read privately within it only (locations/federation-scope.ts).
   * Null: the instance's staff (every power), or an organisation's key or coordinator.
   */
  federation?: FederationOfStaff | null;
  /** The signed-in person and their session; null for an API key. */
  session: { id: number; personId: number } | null;
}

/**
 * A federation its staff act in, and — loaded for each request (http/gate.ts) — what is within
 * it: its editions (through their series) and its current members. Absent sets: nothing.
 */
export interface FederationOfStaff {
  id: number;
  slug: string;
  editionIds?: ReadonlySet<number>;
  organisationIds?: ReadonlySet<number>;
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

/**
 * May this viewer see a venue of this organisation exactly (drafts, exact coordinates), or the
 * organisation's private data? Give the venue's edition for a venue: staff of one federation see
 * the venues of its editions, and the private data of its current members.
 */
export function canSeePrivate(
  ctx: WithViewer,
  organisationId: number,
  editionId?: number | null,
): boolean {
  if (!ctx.viewer) return false;
  if (isStaff(ctx)) return withinReach(ctx.viewer, organisationId, editionId);
  return ctx.viewer.organisation?.id === organisationId;
}

/**
 * Is this within a staff viewer's federation (always, for the instance's staff)? A venue by its
 * edition; an organisation (a person, a key) by its membership.
 */
export function withinReach(
  viewer: Viewer,
  organisationId: number | null,
  editionId?: number | null,
): boolean {
  const federation = viewer.organisation === null ? viewer.federation : null;
  if (!federation) return true;
  if (editionId != null) return federation.editionIds?.has(editionId) === true;
  return organisationId != null && federation.organisationIds?.has(organisationId) === true;
}

/** One string per key or person, to count and share per viewer (rate limits, streams, shared results). */
export function viewerKey(viewer: Viewer): string {
  return viewer.session ? `person:${viewer.session.personId}` : `key:${viewer.keyId}`;
}

/** Is the viewer an organisation's key or coordinator while staff have suspended that organisation? */
export function isSuspended(viewer: Viewer | null): boolean {
  return viewer?.organisation?.suspended === true;
}
