import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { Context } from './context.ts';
import { relations } from '../db/relations.ts';
import { locations } from '../db/schema.ts';
import { InvalidArgument } from '../locations/errors.ts';
import { publicVenue } from '../locations/visibility.ts';
import { eq, sql } from 'drizzle-orm';
import { fieldComplexity } from './limits.ts';
import { decodeGlobalId, decodeLocationId, encodeGlobalId } from './global-id.ts';

export { decodeGlobalId, decodeLocationId, encodeGlobalId } from './global-id.ts';

/** The largest page any connection serves; asking for more is an error, not a silent clamp. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export interface PothosTypes {
  DrizzleRelations: typeof relations;
  Context: Context;
  AuthScopes: {
    /** Any valid API key. */
    authenticated: boolean;
    /** A federation staff key. */
    staff: boolean;
    /** A key that carries this scope (staff keys carry every scope). */
    scope: 'LOCATIONS_WRITE' | 'PARTICIPATION_WRITE';
    /**
     * The venue with this global ID belongs to the key's organisation (or the key is staff's).
     * An ID that is malformed, names no venue, or names another organisation's venue that is not
     * public passes here: the resolver answers NOT_FOUND, the same for all three, so a refusal
     * never tells that a hidden venue exists.
     */
    ownsLocation: string;
    /** A host link (its one venue is checked by the resolver). */
    hostLink: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    URL: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    Minutes: { Input: number; Output: number };
  };
  DefaultFieldNullability: false;
}

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [RelayPlugin, ScopeAuthPlugin, DrizzlePlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Each field's price; the limit is checked with the request's variables in limits.ts.
  complexity: { fieldComplexity: fieldComplexity(DEFAULT_PAGE_SIZE), disabled: true },
  relay: {
    nodesOnConnection: true,
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
    // `node` and `nodes` load by ID past every list filter: each type says who may refetch it.
    // An ID that names no row is null, exactly as one the viewer may not see.
    nodeQueryOptions: {
      resolve: async (_root, { id }, ctx, _info, resolveNode) => guardNode(ctx, id.typename, await Promise.resolve(resolveNode(id)).catch(missingAsNull)),
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, ctx, _info, resolveNodes) =>
        Promise.resolve(resolveNodes(ids))
          .catch((error) => {
            missingAsNull(error);
            // One ID names no row: load them one by one, so the others still come back.
            return Promise.all(ids.map((id) => Promise.resolve(resolveNodes([id])).then(([node]) => node, missingAsNull)));
          })
          .then((nodes) => nodes.map((node, i) => guardNode(ctx, ids[i]!.typename, node))),
    },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewer !== null,
      staff: ctx.viewer !== null && ctx.viewer.organisation === null,
      scope: (scope) => ctx.viewer !== null && (ctx.viewer.organisation === null || ctx.viewer.scopes.includes(scope)),
      hostLink: ctx.host !== null,
      ownsLocation: async (globalId) => {
        if (!ctx.viewer) return false;
        if (ctx.viewer.organisation === null) return true;
        const owner = await locationOwner(ctx, globalId);
        return owner === null || !owner.public || owner.organisationId === ctx.viewer.organisation.id;
      },
    }),
    unauthorizedError: (_parent, context, _info, result) => {
      if (context.host) {
        return new GraphQLError('Forbidden: a host link may only report participation (recordArrivals, reportParticipation) at its own venue.', {
          extensions: { code: 'FORBIDDEN', http: { status: 403 } },
        });
      }
      if (!context.viewer) {
        return new GraphQLError('This needs an API key: send `Authorization: Bearer <key>`.', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      const failed = failedScopes(result.failure);
      const reasons = [
        failed.has('staff') && 'only federation staff keys may do this',
        failed.has('scope') && `this key lacks the ${[...(failed.get('scope') ?? [])].join(' or ')} scope`,
        failed.has('ownsLocation') && 'this venue belongs to another organisation',
      ].filter(Boolean);
      return new GraphQLError(`Forbidden: ${reasons.join('; ') || 'this API key may not do this'}.`, {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

/** Which scopes failed, with their parameters, from scope-auth's failure tree. */
function failedScopes(failure: AuthFailure, into = new Map<string, Set<unknown>>()): Map<string, Set<unknown>> {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    if (!into.has(failure.scope)) into.set(failure.scope, new Set());
    into.get(failure.scope)!.add(failure.parameter);
  } else if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const f of failure.failures) failedScopes(f, into);
  }
  return into;
}

/** The organisation of the venue a global ID names and whether the public sees it, or null if it names none. */
async function locationOwner(ctx: Context, globalId: string): Promise<{ organisationId: number; public: boolean } | null> {
  let id: number | null;
  try {
    id = decodeLocationId(globalId);
  } catch {
    return null;
  }
  if (id === null) return null;
  const [row] = await ctx.db
    .select({ organisationId: locations.organisationId, public: sql<boolean>`${publicVenue(locations)}` })
    .from(locations)
    .where(eq(locations.id, id))
    .limit(1);
  return row ?? null;
}

/** The drizzle plugin rejects a node whose row is missing; that is a null, any other failure stays one. */
function missingAsNull(error: unknown): null {
  if (error instanceof Error && /^Model \S+\(.*\) not found$/s.test(error.message)) return null;
  throw error;
}

type NodeGuard = (ctx: Context, node: never) => boolean;
const nodeGuards = new Map<string, NodeGuard>();

/** Register who may load a node type through `node`/`nodes`; types without a guard are public. */
export function guardNodeType<T>(typename: string, guard: (ctx: Context, node: T) => boolean): void {
  nodeGuards.set(typename, guard as NodeGuard);
}

function guardNode(ctx: Context, typename: string, node: unknown): unknown {
  if (node == null) return null;
  const guard = nodeGuards.get(typename);
  return !guard || guard(ctx, node as never) ? node : null;
}

/** An argument the client got wrong: a GraphQL error naming the argument, never a 500. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
  });
}

/** The domain's refusal of an argument, as the GraphQL error that names it; anything else stays. */
export function asBadInput(error: unknown): never {
  if (error instanceof InvalidArgument) throw badInput(error.argument, error.detail);
  throw error;
}

/** Validate Relay paging arguments with errors that name the argument. */
export function checkPage(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badInput(name, `must not be negative (got ${value}).`);
    if (value > MAX_PAGE_SIZE) throw badInput(name, `at most ${MAX_PAGE_SIZE} per page (got ${value}); page on with \`after\`.`);
  }
}

builder.queryType({ description: 'Public reads need no key; see `viewer` for what a key may do.' });
