import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { ApiKeyScope } from '../auth/viewer.ts';
import { relations } from '../db/relations.ts';
import type { Context } from './context.ts';
import { decodeGlobalId, encodeGlobalId } from './global-id.ts';
import { fieldComplexity } from './limits.ts';
import { guardNode, missingAsNull } from './nodes.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.ts';
import { authScopes, unauthorizedError } from './scopes.ts';

export interface PothosTypes {
  DrizzleRelations: typeof relations;
  Context: Context;
  AuthScopes: {
    /** Any valid API key, or a signed-in person. */
    authenticated: boolean;
    /** A federation staff key, or a staff admin signed in: the admin-only actions. */
    staff: boolean;
    /** Staff who moderate: admins and moderators (not press). */
    moderator: boolean;
    /** A signed-in person (a session, not an API key). */
    person: boolean;
    /** A key or person that carries this scope (staff admins carry every scope). */
    scope: ApiKeyScope;
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
      resolve: async (_root, { id }, ctx, _info, resolveNode) =>
        guardNode(ctx, id.typename, await Promise.resolve(resolveNode(id)).catch(missingAsNull)),
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, ctx, _info, resolveNodes) =>
        Promise.resolve(resolveNodes(ids))
          .catch((error) => {
            missingAsNull(error);
            // One ID names no row: load them one by one, so the others still come back.
            return Promise.all(
              ids.map((id) =>
                Promise.resolve(resolveNodes([id])).then(([node]) => node, missingAsNull),
              ),
            );
          })
          .then((nodes) => nodes.map((node, i) => guardNode(ctx, ids[i]!.typename, node))),
    },
  },
  scopeAuth: { authScopes, unauthorizedError },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});
