import type { Context } from './context.ts';

type NodeGuard = (ctx: Context, node: never) => boolean;
const nodeGuards = new Map<string, NodeGuard>();

/** Register who may load a node type through `node`/`nodes`; types without a guard are public. */
export function guardNodeType<T>(
  typename: string,
  guard: (ctx: Context, node: T) => boolean,
): void {
  nodeGuards.set(typename, guard as NodeGuard);
}

/** The node if the viewer may load it by ID, else null (the same null as for a missing row). */
export function guardNode(ctx: Context, typename: string, node: unknown): unknown {
  if (node == null) return null;
  const guard = nodeGuards.get(typename);
  return !guard || guard(ctx, node as never) ? node : null;
}

/** The drizzle plugin rejects a node whose row is missing; that is a null, any other failure stays one. */
export function missingAsNull(error: unknown): null {
  if (error instanceof Error && /^Model \S+\(.*\) not found$/s.test(error.message)) return null;
  throw error;
}
