/** The bulk upsert: an organisation's venues by its own ids, all or nothing, with a dry run. */

import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Edition, type Location, locations } from '../db/schema.ts';
import { UserErrors, UserInputError } from './errors.ts';
import type { CountNotice } from './notices.ts';
import { checkSessionsWithin } from './programme-bounds.ts';
import { checkSeatsAgainstPresent, hasRoles, sumOf } from './roles.ts';
import { LIMITS, type LocationFields, type LocationValues, validateLocation } from './validate.ts';
import { withOwnTargetGroups } from './vocabulary.ts';
import {
  type Actor,
  audit,
  awaitsApproval,
  breathe,
  closed,
  countRefused,
  diff,
  isUniqueViolation,
  logParticipation,
  SLICE,
  type WriteResult,
} from './write.ts';

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
  const edition = await withOwnTargetGroups(db, args.edition, args.rows);
  const seen = new Map<string, number>();
  const prepared: Partial<LocationValues>[] = [];
  for (const [i, row] of args.rows.entries()) {
    if (i % 500 === 499) await breathe();
    countRefused(errors, args.actor, ['locations', i], row);
    const values = validateLocation(errors, ['locations', i], row, edition);
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
        // A list that says nothing of seats per role keeps the venue's; they make its capacity.
        if (sent.seatsByRole === undefined && hasRoles(current.seatsByRole)) {
          const sum = sumOf(current.seatsByRole);
          if (sent.capacity != null && sent.capacity !== sum)
            rowErrors.add(
              ['locations', index, 'capacity'],
              'INVALID',
              `capacity (${sent.capacity}) must equal the sum of the venue’s seats per role (${sum}), or be left out: it is that sum.`,
            );
          next.capacity = sum;
        }
        if (next.seatsByRole !== undefined)
          checkSeatsAgainstPresent(
            rowErrors,
            ['locations', index, 'seatsByRole'],
            next.seatsByRole,
            current.presentByRole,
          );
        if (next.participants !== undefined && next.participants < sumOf(current.presentByRole))
          rowErrors.add(
            ['locations', index, 'participants'],
            'BELOW_PARTICIPANTS',
            `participants (${next.participants}) are below the ${sumOf(current.presentByRole)} already counted per role.`,
          );
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
      await checkSessionsWithin(
        tx,
        rowErrors,
        toUpdate
          .filter(({ changes }) => 'startsAt' in changes || 'endsAt' in changes)
          .map(({ index, current, values }) => ({
            path: ['locations', index],
            locationId: current.id,
            startsAt: values.startsAt !== undefined ? values.startsAt : current.startsAt,
            endsAt: values.endsAt !== undefined ? values.endsAt : current.endsAt,
          })),
      );
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
