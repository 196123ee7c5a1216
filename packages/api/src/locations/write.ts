/**
 * Writing venues: create, update, cancel and the bulk upsert by the member's own ids. Every
 * change is one transaction with its audit entries (and participation log entries when a count
 * is set), and a refused input changes nothing.
 */
import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
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
import { LIMITS, type LocationFields, type LocationValues, validateLocation } from './validate.ts';

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
function countRefused(
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
const SLICE = 250;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return JSON.stringify(value);
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

async function audit(
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
async function logParticipation(
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
async function awaitsApproval(
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

function closed(edition: Edition, path: string[]): UserError[] {
  return edition.status === 'CLOSED'
    ? [
        {
          field: path,
          code: 'EDITION_CLOSED',
          message: `Edition ${edition.slug} is closed for changes.`,
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
  const values = validateLocation(errors, [], args.fields, args.edition);
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
      const values = validateLocation(errors, [], args.fields, edition!, {
        partial: true,
        existing: current!,
      });
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

export interface UpsertOutcome {
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  /** Venue ids in the order of the rows sent. */
  ids: number[];
}

export type UpsertRow = LocationFields & { externalId: string };

/**
 * Create or update an organisation's venues by its own ids, and (with cancelMissing) cancel
 * the ones its list no longer has. All or nothing: one bad row refuses the whole batch, and
 * every bad row is named. Sending the same list again changes nothing.
 */
export async function upsertLocations(
  db: Db,
  args: {
    edition: Edition;
    organisationId: number;
    rows: readonly UpsertRow[];
    cancelMissing?: boolean;
    confirmCancelAll?: boolean;
    actor: Actor;
    dryRun?: boolean;
  },
): Promise<WriteResult<UpsertOutcome>> {
  const errors = new UserErrors();
  const notices: CountNotice[] = [];
  errors.list.push(...closed(args.edition, ['edition']));
  if (args.rows.length > LIMITS.batch) {
    errors.add(
      ['locations'],
      'BATCH_TOO_LARGE',
      `${args.rows.length} rows in one batch; at most ${LIMITS.batch}. Split the list, or send it as several calls without cancelMissing.`,
    );
    return { ok: false, errors: errors.list };
  }
  // An empty list with cancelMissing cancels everything: more often a failed export than a wish.
  if (args.rows.length === 0 && args.cancelMissing && !args.confirmCancelAll) {
    errors.add(
      ['confirmCancelAll'],
      'REQUIRED',
      'The list is empty, so cancelMissing would cancel every venue of yours in this edition. Confirm it if that is meant (confirmCancelAll: true; --confirm-cancel-all on the command line).',
    );
    return { ok: false, errors: errors.list };
  }
  const seen = new Map<string, number>();
  const prepared: Partial<LocationValues>[] = [];
  for (const [i, row] of args.rows.entries()) {
    if (i % 500 === 499) await breathe();
    countRefused(errors, args.actor, ['locations', i], row);
    const values = validateLocation(errors, ['locations', i], row, args.edition);
    const externalId = values.externalId;
    if (!externalId) {
      if (!errors.list.some((e) => e.field?.[1] === i && e.field?.[2] === 'externalId'))
        errors.add(
          ['locations', i, 'externalId'],
          'REQUIRED',
          'externalId is required in a bulk upsert: it is how a row finds its venue again.',
        );
    } else if (seen.has(externalId)) {
      errors.add(
        ['locations', i, 'externalId'],
        'DUPLICATE',
        `externalId "${externalId}" appears again (first at row ${seen.get(externalId)}).`,
      );
    } else seen.set(externalId, i);
    prepared.push(values);
  }
  if (errors.any) return { ok: false, errors: errors.list };

  try {
    const outcome = await db.transaction(async (tx) => {
      const ids = [...seen.keys()];
      const existing = new Map<string, Location>();
      for (let i = 0; i < ids.length; i += 5000) {
        if (i > 0) await breathe();
        const rows = await tx
          .select()
          .from(locations)
          .where(
            and(
              eq(locations.organisationId, args.organisationId),
              eq(locations.editionId, args.edition.id),
              inArray(locations.externalId, ids.slice(i, i + 5000)),
            ),
          )
          .for('update');
        for (const row of rows) existing.set(row.externalId!, row);
      }
      const toCreate: { index: number; values: Partial<LocationValues> }[] = [];
      const toUpdate: {
        index: number;
        current: Location;
        values: Partial<LocationValues>;
        changes: Record<string, { from: unknown; to: unknown }>;
      }[] = [];
      const result: UpsertOutcome = {
        created: 0,
        updated: 0,
        unchanged: 0,
        cancelled: 0,
        ids: new Array(prepared.length),
      };
      const rowErrors = new UserErrors();
      prepared.forEach((values, index) => {
        const current = existing.get(values.externalId!);
        if (!current) {
          toCreate.push({ index, values });
          return;
        }
        // A venue list describes venues, not the day's counts: keep counted participants unless sent.
        const next = { ...values };
        // A row that says nothing of privacy or status keeps what the venue has: a list from a
        // system that knows no `sensitive` column must not make a shelter's address public, nor
        // bring back a venue that was cancelled or held as a draft.
        const sent = args.rows[index]!;
        if (sent.sensitive == null) next.sensitive = current.sensitive;
        if (sent.status == null)
          next.status =
            current.status === 'CANCELLED'
              ? 'CANCELLED'
              : (current.status as 'DRAFT' | 'PUBLISHED');
        if (next.participants === undefined) {
          if (next.capacity != null && current.participants > next.capacity) {
            rowErrors.add(
              ['locations', index, 'capacity'],
              'BELOW_PARTICIPANTS',
              `capacity ${next.capacity} is below the ${current.participants} participants already counted.`,
            );
          }
        }
        const changes = diff(current, next);
        if (Object.keys(changes).length === 0) {
          result.unchanged++;
          result.ids[index] = current.id;
        } else toUpdate.push({ index, current, values: next, changes });
      });
      if (rowErrors.any) throw new UserInputError(rowErrors.list);

      const awaiting = await awaitsApproval(tx, args.edition, args.organisationId);
      for (let i = 0; i < toCreate.length; i += SLICE) {
        if (i > 0) await breathe();
        const chunk = toCreate.slice(i, i + SLICE);
        const inserted = await tx
          .insert(locations)
          .values(
            chunk.map(({ values }) => ({
              ...(values as LocationValues),
              participants: values.participants ?? 0,
              editionId: args.edition.id,
              organisationId: args.organisationId,
              awaitingApproval: awaiting,
            })),
          )
          .returning({
            id: locations.id,
            externalId: locations.externalId,
            participants: locations.participants,
            capacity: locations.capacity,
          });
        const byExternal = new Map(inserted.map((r) => [r.externalId!, r]));
        for (const { index, values } of chunk)
          result.ids[index] = byExternal.get(values.externalId!)!.id;
        await audit(
          tx,
          args.actor,
          chunk.map(({ index, values }) => ({
            locationId: result.ids[index]!,
            organisationId: args.organisationId,
            action: 'UPSERT_CREATE',
            changes: diff(null, values),
          })),
        );
        await logParticipation(
          tx,
          args.actor,
          inserted.map((r) => ({
            locationId: r.id,
            editionId: args.edition.id,
            organisationId: args.organisationId,
            oldValue: 0,
            newValue: r.participants,
            capacity: r.capacity,
          })),
          notices,
        );
      }
      result.created = toCreate.length;

      for (const [n, { index, current, values }] of toUpdate.entries()) {
        if (n % 50 === 49) await breathe();
        await tx
          .update(locations)
          .set({ ...values, updatedAt: sql`now()` })
          .where(eq(locations.id, current.id));
        result.ids[index] = current.id;
      }
      await audit(
        tx,
        args.actor,
        toUpdate.map(({ current, changes }) => ({
          locationId: current.id,
          organisationId: args.organisationId,
          action: 'UPSERT_UPDATE',
          changes,
        })),
      );
      await logParticipation(
        tx,
        args.actor,
        toUpdate
          .filter((u) => u.values.participants !== undefined)
          .map(({ current, values }) => ({
            locationId: current.id,
            editionId: args.edition.id,
            organisationId: args.organisationId,
            oldValue: current.participants,
            newValue: values.participants!,
            capacity: values.capacity === undefined ? current.capacity : values.capacity,
          })),
        notices,
      );
      result.updated = toUpdate.length;

      if (args.cancelMissing) {
        const missing = await tx
          .select({ id: locations.id, status: locations.status })
          .from(locations)
          .where(
            and(
              eq(locations.organisationId, args.organisationId),
              eq(locations.editionId, args.edition.id),
              sql`${locations.status} <> 'CANCELLED'`,
              // Venues created without an externalId were never part of the member's list.
              isNotNull(locations.externalId),
              ids.length ? notInArray(locations.externalId, ids) : undefined,
            ),
          )
          .for('update');
        for (let i = 0; i < missing.length; i += 5000) {
          await tx
            .update(locations)
            .set({ status: 'CANCELLED', updatedAt: sql`now()` })
            .where(
              inArray(
                locations.id,
                missing.slice(i, i + 5000).map((m) => m.id),
              ),
            );
        }
        await audit(
          tx,
          args.actor,
          missing.map((m) => ({
            locationId: m.id,
            organisationId: args.organisationId,
            action: 'UPSERT_CANCEL',
            changes: { status: { from: m.status, to: 'CANCELLED' } },
          })),
        );
        result.cancelled = missing.length;
      }
      if (args.dryRun) throw new DryRun(result);
      return result;
    });
    const changed = outcome.created + outcome.updated + outcome.cancelled > 0;
    return {
      ok: true,
      value: outcome,
      notices: changed ? [{ edition: args.edition.id }, ...notices] : notices,
    };
  } catch (error) {
    if (error instanceof DryRun) return { ok: true, value: error.outcome, notices: [] };
    if (error instanceof UserInputError) return { ok: false, errors: error.errors };
    // Another request created one of these externalIds at the same moment: nothing was written.
    if (isUniqueViolation(error))
      return {
        ok: false,
        errors: [
          {
            field: ['locations'],
            code: 'TAKEN',
            message:
              'Another request created some of these venues at the same moment; send the list again.',
          },
        ],
      };
    throw error;
  }
}

/** Thrown to roll back a dry run after everything was checked against the database. */
class DryRun extends Error {
  constructor(readonly outcome: UpsertOutcome) {
    super('dry run');
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
