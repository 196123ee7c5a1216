/**
 * The auth scopes the builder declares (see `PothosTypes['AuthScopes']` in builder.ts), how each is
 * decided for a request, and the error a refused field answers with.
 */
import { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import { eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { type ApiKeyScope, isStaff, isSuspended, type Viewer } from '../auth/viewer.ts';
import { locationCohosts, locations } from '../db/schema.ts';
import { publicVenue } from '../locations/visibility.ts';
import type { Context } from './context.ts';
import { decodeLocationId } from './global-id.ts';

/** Each scope's check for this request's viewer. */
export function authScopes(ctx: Context) {
  return {
    authenticated: ctx.viewer !== null,
    staff: ctx.viewer !== null && ctx.viewer.organisation === null && ctx.viewer.role === 'admin',
    moderator: isStaff(ctx),
    person: ctx.viewer?.session != null,
    hostLink: ctx.host !== null,
    scope: (scope: ApiKeyScope) =>
      ctx.viewer !== null &&
      !isSuspended(ctx.viewer) &&
      ((ctx.viewer.organisation === null && ctx.viewer.role === 'admin') ||
        ctx.viewer.scopes.includes(scope)),
    ownsLocation: async (globalId: string) => {
      if (!ctx.viewer || isSuspended(ctx.viewer)) return false;
      if (ctx.viewer.organisation === null) return true;
      const owner = await locationOwner(ctx, globalId, ctx.viewer.organisation.id);
      // A co-host reads the venue as its host does, so it is told plainly that it may not change it.
      if (owner?.cohosted) return false;
      return owner === null || !owner.public || owner.organisationId === ctx.viewer.organisation.id;
    },
  };
}

/** A write refused because staff suspended the viewer's organisation. */
export function suspendedError(viewer: Viewer): GraphQLError {
  return new GraphQLError(
    `Forbidden: the federation's staff have suspended ${viewer.organisation!.name}; its keys and coordinators may not write until it is reinstated.`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
  );
}

/** A refused field: 401 without a key, else 403 naming every scope that failed. */
export function unauthorizedError(
  _parent: unknown,
  context: Context,
  _info: unknown,
  result: { failure: AuthFailure },
): GraphQLError {
  if (context.host) {
    return new GraphQLError(
      'Forbidden: a host link may only report participation (recordArrivals, reportParticipation) at its own venue.',
      {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      },
    );
  }
  if (!context.viewer) {
    return new GraphQLError(
      'This needs an API key (send `Authorization: Bearer <key>`) or signing in.',
      {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      },
    );
  }
  if (isSuspended(context.viewer)) return suspendedError(context.viewer);
  const failed = failedScopes(result.failure);
  const reasons = [
    failed.has('staff') && 'only federation staff keys and staff admins may do this',
    failed.has('moderator') && 'only federation staff admins and moderators may do this',
    failed.has('person') && 'only a signed-in person may do this, not an API key',
    failed.has('scope') &&
      `this key lacks the ${[...(failed.get('scope') ?? [])].join(' or ')} scope`,
    failed.has('ownsLocation') &&
      'this venue belongs to another organisation (its co-hosts read it, but only its host organisation and staff change it)',
  ].filter(Boolean);
  return new GraphQLError(
    `Forbidden: ${reasons.join('; ') || `${context.viewer.session ? 'you' : 'this API key'} may not do this`}.`,
    {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    },
  );
}

/** Which scopes failed, with their parameters, from scope-auth's failure tree. */
function failedScopes(
  failure: AuthFailure,
  into = new Map<string, Set<unknown>>(),
): Map<string, Set<unknown>> {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    if (!into.has(failure.scope)) into.set(failure.scope, new Set());
    into.get(failure.scope)!.add(failure.parameter);
  } else if (
    failure.kind === AuthScopeFailureType.AnyAuthScopes ||
    failure.kind === AuthScopeFailureType.AllAuthScopes
  ) {
    for (const f of failure.failures) failedScopes(f, into);
  }
  return into;
}

/**
 * The organisation of the venue a global ID names, whether the public sees it and whether
 * `organisationId` co-hosts it, or null if it names none.
 */
async function locationOwner(
  ctx: Context,
  globalId: string,
  organisationId: number,
): Promise<{ organisationId: number; public: boolean; cohosted: boolean } | null> {
  let id: number | null;
  try {
    id = decodeLocationId(globalId);
  } catch {
    return null;
  }
  if (id === null) return null;
  const [row] = await ctx.db
    .select({
      organisationId: locations.organisationId,
      public: sql<boolean>`${publicVenue(locations)}`,
      cohosted: sql<boolean>`EXISTS (SELECT 1 FROM ${locationCohosts} WHERE ${locationCohosts.locationId} = ${locations.id} AND ${locationCohosts.organisationId} = ${organisationId})`,
    })
    .from(locations)
    .where(eq(locations.id, id))
    .limit(1);
  return row ?? null;
}
