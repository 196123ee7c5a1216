/**
 * The own target groups of an edition's federation, read once per request and edition: the labels
 * of a venue's roles and of the stats' buckets that are a federation's codes.
 */
import type { Lang } from '@tafel/schema';
import { isBuiltInGroup } from '../locations/roles.ts';
import { type OwnTargetGroup, ownTargetGroupsByEdition } from '../locations/vocabulary.ts';
import type { Context } from './context.ts';

const cache = new WeakMap<object, Promise<Map<number, OwnTargetGroup[]>>>();

/**
 * The edition's federation's own target groups (none without one). One statement per request
 * for every edition it names (a list of editions asks once, not once per edition).
 */
export async function ownTargetGroupsFor(
  ctx: Context,
  editionId: number,
): Promise<OwnTargetGroup[]> {
  const all = cache.get(ctx) ?? ownTargetGroupsByEdition(ctx.db);
  cache.set(ctx, all);
  return (await all).get(editionId) ?? [];
}

/** Are any of these codes not built in (so the edition's own groups are needed to label them)? */
export function anyOwn(codes: Iterable<string>): boolean {
  for (const code of codes) if (!isBuiltInGroup(code)) return true;
  return false;
}

/** The labels of the codes that are the federation's own, by code. */
export function labelsOf(own: readonly OwnTargetGroup[]): Map<string, Record<Lang, string>> {
  return new Map(own.map((g) => [g.code, g.labels]));
}

/** Roles with the labels of those that are the edition's federation's own. */
export async function labelRoles<R extends { role: string }>(
  ctx: Context,
  editionId: number,
  roles: R[],
): Promise<(R & { labels?: Record<Lang, string> })[]> {
  if (!anyOwn(roles.map((r) => r.role))) return roles;
  const labels = labelsOf(await ownTargetGroupsFor(ctx, editionId));
  return roles.map((r) => ({ ...r, labels: labels.get(r.role) }));
}
