/**
 * Co-host organisations beside a venue's host. The host (or staff) sets the whole list at once;
 * the co-hosts are public by name, and read the venue as its host does, but only the host and
 * staff change it (graphql/scopes.ts `ownsLocation`). A refused list changes nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  editions,
  type Location,
  locationCohosts,
  locations,
  organisations,
} from '../db/schema.ts';
import { UserErrors, UserInputError } from './errors.ts';
import { editionOpenToSql } from './federation-scope.ts';
import { unknownOrganisation } from './organisations.ts';
import { type Actor, audit, closed, type WriteResult } from './write.ts';

/** A table has one host and at most this many co-hosts. */
export const MAX_COHOSTS = 10;

/** The co-hosts of a venue, by name (as `Location.cohosts` orders them). */
export async function cohostsOf(
  db: Pick<Db, 'select'>,
  locationId: number,
): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(locationCohosts)
    .innerJoin(organisations, eq(organisations.id, locationCohosts.organisationId))
    .where(eq(locationCohosts.locationId, locationId))
    .orderBy(organisations.name, organisations.id);
}

/**
 * Make these organisations (slugs) the venue's co-hosts: those not named any more leave, the new
 * ones join. Refused, each at `["cohosts", i]`: more than ten, a slug named twice, an unknown
 * organisation, the host itself, a suspended organisation not already a co-host (one suspended
 * since it joined stays until the host takes it off); and a cancelled venue or a closed edition.
 */
export async function setCohosts(
  db: Db,
  args: { location: Location; slugs: string[]; actor: Actor },
): Promise<WriteResult<Location>> {
  const errors = new UserErrors();
  const slugs = args.slugs.map((s) => s.trim());
  if (slugs.length > MAX_COHOSTS)
    errors.add(
      ['cohosts'],
      'OUT_OF_RANGE',
      `A venue has at most ${MAX_COHOSTS} co-hosts (got ${slugs.length}).`,
    );
  const [edition] = await db
    .select()
    .from(editions)
    .where(eq(editions.id, args.location.editionId));
  errors.list.push(...closed(edition!, ['location']));
  const found = slugs.length
    ? await db
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          suspended: sql<boolean>`${organisations.suspendedAt} IS NOT NULL`,
          // A meeting of a federation's edition is co-hosted by its current members only.
          member: sql<boolean>`${editionOpenToSql(args.location.editionId, organisations.id)}`,
        })
        .from(organisations)
        .where(inArray(organisations.slug, slugs))
    : [];
  const bySlug = new Map(found.map((o) => [o.slug, o]));
  try {
    const { row, changed } = await db.transaction(async (tx) => {
      // Locked: two lists sent at once are applied one after the other, and at most ten hold.
      const [current] = await tx
        .select()
        .from(locations)
        .where(eq(locations.id, args.location.id))
        .for('update');
      if (current!.status === 'CANCELLED')
        errors.add(
          ['location'],
          'CANCELLED',
          'This venue is cancelled: its co-hosts stay as they were.',
        );
      const before = await cohostsOf(tx, current!.id);
      const had = new Set(before.map((o) => o.id));
      const seen = new Set<string>();
      slugs.forEach((slug, i) => {
        const o = bySlug.get(slug);
        if (seen.has(slug))
          errors.add(['cohosts', i], 'DUPLICATE', `"${slug.slice(0, 60)}" is named twice.`);
        else if (!o || (!o.member && !had.has(o.id)))
          errors.list.push(unknownOrganisation(slug, ['cohosts', i]));
        else if (o.id === current!.organisationId)
          errors.add(
            ['cohosts', i],
            'INVALID',
            `${o.name} hosts this venue; it cannot also be its co-host.`,
          );
        else if (o.suspended && !had.has(o.id))
          errors.add(
            ['cohosts', i],
            'SUSPENDED',
            `${o.name} is suspended by the federation's staff and cannot be added as a co-host.`,
          );
        seen.add(slug);
      });
      if (errors.any) throw new UserInputError(errors.list);
      const next = slugs.map((s) => bySlug.get(s)!);
      const wanted = new Set(next.map((o) => o.id));
      const gone = before.filter((o) => !wanted.has(o.id)).map((o) => o.id);
      const added = next.filter((o) => !had.has(o.id));
      if (gone.length === 0 && added.length === 0) return { row: current!, changed: false };
      if (gone.length)
        await tx
          .delete(locationCohosts)
          .where(
            and(
              eq(locationCohosts.locationId, current!.id),
              inArray(locationCohosts.organisationId, gone),
            ),
          );
      if (added.length)
        await tx
          .insert(locationCohosts)
          .values(added.map((o) => ({ locationId: current!.id, organisationId: o.id })));
      // The venue's public data changed: an incremental sync (`updatedSince`) finds it.
      const [row] = await tx
        .update(locations)
        .set({ updatedAt: sql`now()` })
        .where(eq(locations.id, current!.id))
        .returning();
      const names = (list: { slug: string; name: string }[]) =>
        [...list].sort((a, b) => a.name.localeCompare(b.name)).map((o) => o.slug);
      await audit(tx, args.actor, [
        {
          locationId: row!.id,
          organisationId: row!.organisationId,
          action: 'COHOSTS',
          changes: { cohosts: { from: names(before), to: names(next) } },
        },
      ]);
      return { row: row!, changed: true };
    });
    return { ok: true, value: row, notices: changed ? [{ edition: row.editionId }] : [] };
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, errors: error.errors };
    throw error;
  }
}
