/**
 * A federation's own target groups, beside the built-in ones of the contract (`TARGET_GROUPS`):
 * who its tables bring together that the contract has no word for — Wir zusammen's mentors and
 * their mentees, Sammen om integration's jobcentres. Staff of the federation (or the instance's)
 * set the list with labels in the four languages; its editions' venues then name them
 * (`locations.own_target_groups`), seat them as roles, and the public filters and counts by them.
 *
 * A code is upper case letters, digits and `_`, never a built-in code, so a code always means one
 * thing. A code that venues still use (as a group or as a role with seats) cannot be taken away:
 * IN_USE, nothing changed.
 */
import { LANGS, type Lang } from '@tafel/schema';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { editions, federations, federationTargetGroups, locations, series } from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { type UserError, UserErrors } from './errors.ts';
import type { Runner } from './participation-statement.ts';
import { isBuiltInGroup, MAX_OWN_TARGET_GROUPS } from './roles.ts';
import type { LocationFields } from './validate.ts';

export type Labels = Record<Lang, string>;

export interface OwnTargetGroup {
  code: string;
  labels: Labels;
}

const MAX_LABEL = 60;
const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A federation's own target groups, in its order. */
export async function ownTargetGroupsOfFederation(
  db: Runner,
  federationId: number,
): Promise<OwnTargetGroup[]> {
  return db
    .select({ code: federationTargetGroups.code, labels: federationTargetGroups.labels })
    .from(federationTargetGroups)
    .where(eq(federationTargetGroups.federationId, federationId))
    .orderBy(asc(federationTargetGroups.position), asc(federationTargetGroups.code));
}

/** The own target groups of an edition's federation, in its order; none without a federation. */
export async function ownTargetGroupsOf(db: Runner, editionId: number): Promise<OwnTargetGroup[]> {
  return db
    .select({ code: federationTargetGroups.code, labels: federationTargetGroups.labels })
    .from(editions)
    .innerJoin(series, eq(series.id, editions.seriesId))
    .innerJoin(federationTargetGroups, eq(federationTargetGroups.federationId, series.federationId))
    .where(eq(editions.id, editionId))
    .orderBy(asc(federationTargetGroups.position), asc(federationTargetGroups.code));
}

/** Every edition's own target groups (its federation's), by edition id: one statement. */
export async function ownTargetGroupsByEdition(db: Runner): Promise<Map<number, OwnTargetGroup[]>> {
  const rows = await db
    .select({
      edition: editions.id,
      code: federationTargetGroups.code,
      labels: federationTargetGroups.labels,
    })
    .from(editions)
    .innerJoin(series, eq(series.id, editions.seriesId))
    .innerJoin(federationTargetGroups, eq(federationTargetGroups.federationId, series.federationId))
    .orderBy(asc(federationTargetGroups.position), asc(federationTargetGroups.code));
  const byEdition = new Map<number, OwnTargetGroup[]>();
  for (const { edition, code, labels } of rows)
    byEdition.set(edition, [...(byEdition.get(edition) ?? []), { code, labels }]);
  return byEdition;
}

/** The codes only: what a venue of the edition may name (`LocationFields.ownTargetGroups`). */
export async function ownTargetGroupCodes(db: Runner, editionId: number): Promise<string[]> {
  return (await ownTargetGroupsOf(db, editionId)).map((g) => g.code);
}

export interface TargetGroupInput {
  code: string;
  labels: Partial<Record<Lang, string | null>>;
}

export interface SetTargetGroupsResult {
  targetGroups: OwnTargetGroup[] | null;
  userErrors: UserError[];
}

/**
 * Replace a federation's own target groups with `groups` (their order is kept). Refused as a
 * whole: a code that is not upper case letters, digits and `_`, a built-in code, a code twice, a
 * label missing or longer than 60 characters, more than 30 groups, or taking away a code its
 * venues still use (IN_USE). The federation must exist (NOT_FOUND).
 */
export async function setFederationTargetGroups(
  db: Db,
  actor: AuditActor,
  input: { federation: string; targetGroups: readonly TargetGroupInput[] },
): Promise<SetTargetGroupsResult> {
  const errors = new UserErrors();
  const groups = input.targetGroups;
  if (groups.length > MAX_OWN_TARGET_GROUPS)
    errors.add(
      ['targetGroups'],
      'TOO_MANY',
      `A federation adds at most ${MAX_OWN_TARGET_GROUPS} target groups (got ${groups.length}).`,
    );
  const seen = new Map<string, number>();
  const clean: OwnTargetGroup[] = [];
  groups.forEach((group, i) => {
    const at = (...rest: string[]) => ['targetGroups', i, ...rest];
    const code = group.code;
    if (!CODE.test(code))
      errors.add(
        at('code'),
        'INVALID',
        `A target group's code is 2–40 upper case letters, digits and _, beginning with a letter (got "${code.slice(0, 40)}").`,
      );
    else if (isBuiltInGroup(code))
      errors.add(
        at('code'),
        'TAKEN',
        `${code} is a built-in target group: every edition has it already. Choose another code.`,
      );
    else if (seen.has(code))
      errors.add(
        at('code'),
        'DUPLICATE',
        `${code} appears again (first at ${seen.get(code)}): give each group once.`,
      );
    else seen.set(code, i);
    const labels = {} as Labels;
    for (const lang of LANGS) {
      const label = group.labels[lang]?.trim() ?? '';
      if (!label) errors.add(at('labels', lang), 'REQUIRED', `A label in ${lang} is needed.`);
      else if (label.length > MAX_LABEL)
        errors.add(
          at('labels', lang),
          'TOO_LONG',
          `A label is at most ${MAX_LABEL} characters (got ${label.length}).`,
        );
      labels[lang] = label;
    }
    clean.push({ code, labels });
  });
  const [federation] = await db
    .select({ id: federations.id, slug: federations.slug })
    .from(federations)
    .where(eq(federations.slug, input.federation))
    .limit(1);
  if (!federation)
    errors.add(['federation'], 'NOT_FOUND', `There is no federation "${input.federation}".`);
  if (errors.any || !federation) return { targetGroups: null, userErrors: errors.list };

  return db.transaction(async (tx) => {
    // Lock the federation's list: two staff saving at once take turns.
    await tx.execute(sql`SELECT 1 FROM ${federations} WHERE id = ${federation.id} FOR UPDATE`);
    const before = await ownTargetGroupsOfFederation(tx, federation.id);
    const gone = before.map((g) => g.code).filter((code) => !seen.has(code));
    if (gone.length) {
      const used = await tx
        .select({ code: sql<string>`g.code` })
        .from(
          sql`unnest(${sql`ARRAY[${sql.join(
            gone.map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]`}) AS g(code)`,
        )
        .where(
          sql`EXISTS (SELECT 1 FROM ${locations} l JOIN ${editions} e ON e.id = l.edition_id JOIN ${series} s ON s.id = e.series_id WHERE s.federation_id = ${federation.id} AND (g.code = ANY(l.own_target_groups) OR l.seats_by_role ? g.code OR l.present_by_role ? g.code))`,
        );
      if (used.length)
        return {
          targetGroups: null,
          userErrors: [
            {
              field: ['targetGroups'],
              code: 'IN_USE',
              message: `Venues of the federation still name ${used.map((u) => u.code).join(', ')} (as a group or as seats): take it from them first.`,
            },
          ],
        };
    }
    await tx
      .delete(federationTargetGroups)
      .where(eq(federationTargetGroups.federationId, federation.id));
    if (clean.length)
      await tx.insert(federationTargetGroups).values(
        clean.map((g, position) => ({
          federationId: federation.id,
          code: g.code,
          labels: g.labels,
          position,
        })),
      );
    await audit(tx, actor, {
      action: 'SET_TARGET_GROUPS',
      details: { federation: federation.slug, codes: clean.map((g) => g.code) },
    });
    return { targetGroups: clean, userErrors: [] };
  });
}

/** The label of a code: a federation's own, or the built-in one. */
export function ownLabel(
  own: readonly OwnTargetGroup[],
  code: string,
  lang: Lang,
): string | undefined {
  return own.find((g) => g.code === code)?.labels[lang];
}

/**
 * The edition with its federation's own codes when a write needs them (a row names own groups, or
 * seats a role that is not built in); as it is otherwise, so most writes cost no extra statement.
 */
export async function withOwnTargetGroups<E extends { id: number }>(
  db: Runner,
  edition: E,
  rows: readonly LocationFields[],
): Promise<E & { ownTargetGroups?: readonly string[] }> {
  const needs = rows.some(
    (r) =>
      (r.ownTargetGroups?.length ?? 0) > 0 ||
      (r.seatsByRole ?? []).some((s) => !isBuiltInGroup(s.role)),
  );
  return needs
    ? { ...edition, ownTargetGroups: await ownTargetGroupCodes(db, edition.id) }
    : edition;
}
