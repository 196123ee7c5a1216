/**
 * Writing venues: create, update and cancel, and the helpers they share with the bulk upsert by
 * the member's own ids (upsert.ts). Every change is one transaction with its audit entries (and
 * participation log entries when a count is set), and a refused input changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type Edition,
  editions,
  type Location,
  locationChanges,
  locations,
  organisations,
  participationLog,
} from '../db/schema.ts';
import { type UserError, UserErrors, UserInputError } from './errors.ts';
import type { CountNotice, ParticipationNotice } from './notices.ts';
import { checkSessionsWithin } from './programme-bounds.ts';
import { type LocationFields, type LocationValues, validateLocation } from './validate.ts';
import { withOwnTargetGroups } from './vocabulary.ts';

export interface Actor {
  /** api_keys.id, or null for the command line. */
  keyId: number | null;
  /** Recorded with every change: a key prefix, or `cli:<user>`. */
  name: string;
  /** May set participant counts: a key with PARTICIPATION_WRITE, staff, or the command line. */
  mayCount: boolean;
}

/**
 * Counts are the day's figures, not a venue's description: a key that may only describe venues
 * (LOCATIONS_WRITE) must not move them through a venue write.
 */
export function countRefused(
  errors: UserErrors,
  actor: Actor,
  path: (string | number)[],
  fields: LocationFields,
): void {
  if (actor.mayCount || fields.participants == null) return;
  errors.add(
    [...path, 'participants'],
    'FORBIDDEN',
    'participants needs a key with the PARTICIPATION_WRITE scope: leave it out, or report the count with reportParticipation.',
  );
}

/**
 * A turn of the event loop. A large upsert works in slices with one between them, so the
 * process keeps answering (health checks, cached public reads, live streams) while it runs; on
 * PGlite each statement runs on the main thread, and without it one import held every request.
 */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows per statement in a large upsert: small enough that one statement is a short pause. */
export const SLICE = 250;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return JSON.stringify(value);
  // Seats per role: the same roles and numbers, whatever order the keys came in.
  if (value !== null && typeof value === 'object')
    return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return value ?? null;
}

/** What would change, field by field, if `next` were written over `current`. */
export function diff(
  current: Partial<Location> | null,
  next: Partial<LocationValues>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(next)) {
    const from = current ? ((current as Record<string, unknown>)[key] ?? null) : null;
    if (comparable(from) !== comparable(to)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}

export async function audit(
  tx: Writer,
  actor: Actor,
  entries: {
    locationId: number;
    organisationId: number;
    action: string;
    changes: Record<string, { from: unknown; to: unknown }>;
  }[],
) {
  for (let i = 0; i < entries.length; i += SLICE) {
    if (i > 0) await breathe();
    const chunk = entries.slice(i, i + SLICE);
    if (chunk.length)
      await tx
        .insert(locationChanges)
        .values(chunk.map((e) => ({ ...e, apiKeyId: actor.keyId, actor: actor.name })));
  }
}

/**
 * Log count changes, and say what live subscribers need to hear of them: one count notice per
 * venue whose participants moved (sent by the caller after commit, like recordArrivals').
 */
export async function logParticipation(
  tx: Writer,
  actor: Actor,
  entries: {
    locationId: number;
    editionId: number;
    organisationId: number;
    oldValue: number;
    newValue: number;
    capacity: number | null;
  }[],
  notices: CountNotice[],
) {
  const changed = entries.filter((e) => e.oldValue !== e.newValue);
  for (let i = 0; i < changed.length; i += SLICE) {
    if (i > 0) await breathe();
    const chunk = changed.slice(i, i + SLICE);
    const logged = await tx
      .insert(participationLog)
      .values(
        chunk.map(({ capacity: _capacity, ...e }) => ({
          ...e,
          apiKeyId: actor.keyId,
          actor: actor.name,
        })),
      )
      .returning({ id: participationLog.id, at: participationLog.at });
    logged.forEach((entry, j) => {
      const e = chunk[j]!;
      notices.push({
        edition: e.editionId,
        location: e.locationId,
        participants: e.newValue,
        capacity: e.capacity,
        seq: entry.id,
        at: entry.at.getTime(),
      });
    });
  }
}

/**
 * Will a new venue of this organisation wait for staff approval in this edition? The organisation
 * row stays share-locked until the venue commits: an approval running meanwhile waits for it (and
 * then releases it too), and one that ran first is seen here.
 */
export async function awaitsApproval(
  tx: Writer,
  edition: Edition,
  organisationId: number,
): Promise<boolean> {
  if (!edition.requireApproval) return false;
  const [org] = await tx
    .select({ approvedAt: organisations.approvedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('share');
  return !org?.approvedAt;
}

export function closed(edition: Edition, path: string[]): UserError[] {
  return edition.status === 'CLOSED' || edition.status === 'CANCELLED'
    ? [
        {
          field: path,
          code: 'EDITION_CLOSED',
          message: `Edition ${edition.slug} is ${edition.status === 'CLOSED' ? 'closed' : 'cancelled'}: its venues are read-only.`,
        },
      ]
    : [];
}

/**
 * A write's answer; `notices` say what it changed (the venues' edition, and each count), for the
 * caller to announce once it has committed.
 */
export type WriteResult<T> =
  | { ok: true; value: T; notices: ParticipationNotice[] }
  | { ok: false; errors: UserError[] };

export async function createLocation(
  db: Db,
  args: { edition: Edition; organisationId: number; fields: LocationFields; actor: Actor },
): Promise<WriteResult<Location>> {
  const errors = new UserErrors();
  const notices: CountNotice[] = [];
  errors.list.push(...closed(args.edition, ['edition']));
  countRefused(errors, args.actor, [], args.fields);
  const values = validateLocation(
    errors,
    [],
    args.fields,
    await withOwnTargetGroups(db, args.edition, [args.fields]),
  );
  if (errors.any) return { ok: false, errors: errors.list };
  try {
    const row = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(locations)
        .values({
          ...(values as LocationValues),
          participants: values.participants ?? 0,
          editionId: args.edition.id,
          organisationId: args.organisationId,
          awaitingApproval: await awaitsApproval(tx, args.edition, args.organisationId),
        })
        .onConflictDoNothing()
        .returning();
      if (!row)
        throw new UserInputError([
          {
            field: ['externalId'],
            code: 'TAKEN',
            message: `externalId "${values.externalId}" is already used by another of your venues in this edition.`,
          },
        ]);
      await audit(tx, args.actor, [
        {
          locationId: row.id,
          organisationId: row.organisationId,
          action: 'CREATE',
          changes: diff(null, values),
        },
      ]);
      await logParticipation(
        tx,
        args.actor,
        [
          {
            locationId: row.id,
            editionId: row.editionId,
            organisationId: row.organisationId,
            oldValue: 0,
            newValue: row.participants,
            capacity: row.capacity,
          },
        ],
        notices,
      );
      return row;
    });
    return { ok: true, value: row, notices: [{ edition: row.editionId }, ...notices] };
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, errors: error.errors };
    throw error;
  }
}

export async function updateLocation(
  db: Db,
  args: { location: Location; fields: LocationFields; actor: Actor },
): Promise<WriteResult<Location>> {
  const notices: CountNotice[] = [];
  const [edition] = await db
    .select()
    .from(editions)
    .where(eq(editions.id, args.location.editionId));
  const vocabulary = await withOwnTargetGroups(db, edition!, [args.fields]);
  const errors = new UserErrors();
  errors.list.push(...closed(edition!, ['id']));
  countRefused(errors, args.actor, [], args.fields);
  try {
    const row = await db.transaction(async (tx) => {
      // Lock the row so the cross-field checks (capacity against participants) hold at commit.
      const [current] = await tx
        .select()
        .from(locations)
        .where(eq(locations.id, args.location.id))
        .for('update');
      const values = validateLocation(errors, [], args.fields, vocabulary, {
        partial: true,
        existing: current!,
      });
      if (values.startsAt !== undefined || values.endsAt !== undefined)
        await checkSessionsWithin(tx, errors, [
          {
            path: [],
            locationId: current!.id,
            startsAt: values.startsAt !== undefined ? values.startsAt : current!.startsAt,
            endsAt: values.endsAt !== undefined ? values.endsAt : current!.endsAt,
          },
        ]);
      if (errors.any) throw new UserInputError(errors.list);
      const changes = diff(current!, values);
      if (Object.keys(changes).length === 0) return current!;
      const [row] = await tx
        .update(locations)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(locations.id, current!.id))
        .returning();
      await audit(tx, args.actor, [
        { locationId: row!.id, organisationId: row!.organisationId, action: 'UPDATE', changes },
      ]);
      await logParticipation(
        tx,
        args.actor,
        [
          {
            locationId: row!.id,
            editionId: row!.editionId,
            organisationId: row!.organisationId,
            oldValue: current!.participants,
            newValue: row!.participants,
            capacity: row!.capacity,
          },
        ],
        notices,
      );
      return row!;
    });
    return { ok: true, value: row, notices: [{ edition: row.editionId }, ...notices] };
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, errors: error.errors };
    if (isUniqueViolation(error))
      return {
        ok: false,
        errors: [
          {
            field: ['externalId'],
            code: 'TAKEN',
            message: 'externalId is already used by another of your venues in this edition.',
          },
        ],
      };
    throw error;
  }
}

export async function cancelLocation(
  db: Db,
  args: { location: Location; reason?: string | null; actor: Actor },
): Promise<WriteResult<Location>> {
  const [edition] = await db
    .select()
    .from(editions)
    .where(eq(editions.id, args.location.editionId));
  const refusal = closed(edition!, ['id']);
  if (refusal.length) return { ok: false, errors: refusal };
  const row = await db.transaction(async (tx) => {
    // Only a venue not cancelled yet changes; two cancels at once write one audit entry.
    const [row] = await tx
      .update(locations)
      .set({ status: 'CANCELLED', updatedAt: sql`now()` })
      .where(and(eq(locations.id, args.location.id), sql`${locations.status} <> 'CANCELLED'`))
      .returning();
    if (!row) return null;
    const changes: Record<string, { from: unknown; to: unknown }> = {
      status: { from: args.location.status, to: 'CANCELLED' },
    };
    if (args.reason) changes['reason'] = { from: null, to: args.reason };
    await audit(tx, args.actor, [
      { locationId: row.id, organisationId: row.organisationId, action: 'CANCEL', changes },
    ]);
    return row;
  });
  // Cancelled already (by an earlier or a simultaneous call): nothing changed.
  if (!row) return { ok: true, value: { ...args.location, status: 'CANCELLED' }, notices: [] };
  return { ok: true, value: row, notices: [{ edition: row.editionId }] };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
