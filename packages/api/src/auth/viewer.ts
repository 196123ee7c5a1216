/** Who is asking: the API key a request or a command acts with, and what it may do. */

export type ApiKeyScope = 'LOCATIONS_WRITE' | 'PARTICIPATION_WRITE';

export interface Viewer {
  /** The api_keys row id. */
  keyId: number;
  /** The key's visible prefix, recorded as the actor of every change. */
  prefix: string;
  scopes: ApiKeyScope[];
  /** Null for a federation staff key. */
  organisation: { id: number; slug: string; name: string } | null;
}

/** Anything that carries a viewer (a request context, a command's actor). */
export interface WithViewer {
  viewer: Viewer | null;
}

export function isStaff(ctx: WithViewer): boolean {
  return ctx.viewer !== null && ctx.viewer.organisation === null;
}

/** May this viewer see a venue of this organisation exactly (drafts, exact coordinates)? */
export function canSeePrivate(ctx: WithViewer, organisationId: number): boolean {
  if (!ctx.viewer) return false;
  return ctx.viewer.organisation === null || ctx.viewer.organisation.id === organisationId;
}
