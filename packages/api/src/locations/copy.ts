/**
 * Copy an organisation's venues from one edition into another ("last year's venues into this
 * edition"): each venue that is not cancelled becomes a draft in the new edition, at the same
 * local clock time on the new day (in each edition's time zone, so a change of DST between them
 * keeps 18:00 at 18:00), with its count reset. A venue already there (the same own reference, or
 * the same name at the same place) is skipped, as is one the new edition would refuse (checked
 * by the same validateLocation as every other write); the answer names each with its reason.
 * A copy keeps its co-hosts, but for those suspended meanwhile. One transaction: a refused
 * request changes nothing.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type Edition,
  type Location,
  locationCohosts,
  locations,
  organisations,
} from '../db/schema.ts';
import { UserErrors } from './errors.ts';
import { localDate } from './fields.ts';
import { type LocationFields, type LocationValues, validateLocation } from './validate.ts';
import { withOwnTargetGroups } from './vocabulary.ts';
import {
  type Actor,
  audit,
  awaitsApproval,
  breathe,
  closed,
  diff,
  SLICE,
  type WriteResult,
} from './write.ts';

export type SkipReason = 'ALREADY_IN_EDITION' | 'INVALID';

export interface CopySkip {
  /** The venue in the edition copied from. */
  source: Location;
  reason: SkipReason;
  message: string;
}

export interface CopyResult {
  copied: Location[];
  skipped: CopySkip[];
}

/** The wall-clock time of an instant in a time zone, "HH:MM:SS". */
function wallTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(instant);
}

/** How far a time zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - instant;
}

/** The instant of a wall-clock time on a date in a time zone (the offset of that very day). */
export function atWallTime(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}Z`);
  let instant = naive - offsetMs(naive, timeZone);
  instant = naive - offsetMs(instant, timeZone);
  return new Date(instant);
}

const DAY = 86_400_000;

/**
 * A venue's time moved to the other edition's day, at the same local clock time; in an edition
 * that spans days, as many days after the other's first day as it was after this one's.
 */
function moved(instant: Date | null, from: Edition, to: Edition): Date | null {
  if (!instant) return null;
  const after = Date.parse(localDate(instant, from.timeZone)) - Date.parse(from.date);
  const day = new Date(Date.parse(to.date) + Math.round(after / DAY) * DAY)
    .toISOString()
    .slice(0, 10);
  return atWallTime(day, wallTime(instant, from.timeZone), to.timeZone);
}

/** A venue of `from` as the fields of a new draft in `to`. */
function fieldsFor(source: Location, from: Edition, to: Edition): LocationFields {
  return {
    externalId: source.externalId,
    name: source.name,
    address: {
      street: source.street,
      postalCode: source.postalCode,
      city: source.city,
      region: source.region,
      country: source.country,
    },
    coordinates: { lat: source.lat, lng: source.lng },
    meal: source.meal,
    startsAt: moved(source.startsAt, from, to),
    endsAt: moved(source.endsAt, from, to),
    capacity: source.capacity,
    // The same table next year: its seats per role too (the capacity is their sum).
    ...(Object.keys(source.seatsByRole).length > 0
      ? {
          seatsByRole: Object.entries(source.seatsByRole).map(([role, seats]) => ({
            role,
            seats,
          })),
        }
      : {}),
    targetGroups: source.targetGroups,
    ownTargetGroups: source.ownTargetGroups,
    languages: source.languages,
    wheelchairAccessible: source.wheelchairAccessible,
    hearingLoop: source.hearingLoop,
    accessibilityNote: source.accessibilityNote,
    interpreters: source.interpreters,
    interpreterLanguages: source.interpreterLanguages,
    support: source.support,
    cookedByGuests: source.cookedByGuests,
    description: source.description,
    descriptions: source.descriptions,
    registrationUrl: source.registrationUrl,
    sensitive: source.sensitive,
    status: 'DRAFT',
  };
}

export async function copyLocations(
  db: Db,
  args: { from: Edition; to: Edition; organisationId: number; actor: Actor },
): Promise<WriteResult<CopyResult>> {
  const { from, to, organisationId, actor } = args;
  if (from.id === to.id)
    return {
      ok: false,
      errors: [
        {
          field: ['to'],
          code: 'INVALID',
          message: `Copy from another edition: "from" and "to" are both ${to.slug}.`,
        },
      ],
    };
  const refusal = closed(to, ['to']);
  if (refusal.length) return { ok: false, errors: refusal };

  const result = await db.transaction(async (tx) => {
    // Two copies at once (a double click) run one after the other: the second sees the first's.
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for('update');
    const sources = await tx
      .select()
      .from(locations)
      .where(
        and(
          eq(locations.organisationId, organisationId),
          eq(locations.editionId, from.id),
          ne(locations.status, 'CANCELLED'),
        ),
      )
      .orderBy(locations.id);
    const present = await tx
      .select()
      .from(locations)
      .where(and(eq(locations.organisationId, organisationId), eq(locations.editionId, to.id)));
    const live = present.filter((l) => l.status !== 'CANCELLED');
    const takenIds = new Set(present.map((l) => l.externalId).filter((id) => id !== null));
    const place = (l: Pick<Location, 'name' | 'lat' | 'lng'>) => `${l.name}\u0000${l.lat},${l.lng}`;
    const livePlaces = new Set(live.map(place));
    const liveIds = new Set(live.map((l) => l.externalId).filter((id) => id !== null));

    const skipped: CopySkip[] = [];
    const rows: { source: Location; values: Partial<LocationValues> }[] = [];
    // Its own target groups (and roles) must be the new edition's federation's too.
    const vocabulary = await withOwnTargetGroups(
      tx,
      to,
      sources.map((s) => fieldsFor(s, from, to)),
    );
    for (const source of sources) {
      if ((source.externalId && liveIds.has(source.externalId)) || livePlaces.has(place(source))) {
        skipped.push({
          source,
          reason: 'ALREADY_IN_EDITION',
          message: `${source.name} is already in ${to.slug}.`,
        });
        continue;
      }
      const errors = new UserErrors();
      const fields = fieldsFor(source, from, to);
      // Kept only while no venue of this edition (a cancelled one) already has it.
      if (fields.externalId && takenIds.has(fields.externalId)) fields.externalId = null;
      const values = validateLocation(errors, [], fields, vocabulary);
      if (errors.any) {
        skipped.push({
          source,
          reason: 'INVALID',
          message: errors.list.map((e) => e.message).join(' '),
        });
        continue;
      }
      if (values.externalId) takenIds.add(values.externalId);
      livePlaces.add(place(source));
      rows.push({ source, values });
    }

    const waiting = rows.length > 0 && (await awaitsApproval(tx, to, organisationId));
    const copied: Location[] = [];
    for (let i = 0; i < rows.length; i += SLICE) {
      if (i > 0) await breathe();
      const chunk = rows.slice(i, i + SLICE);
      const inserted = await tx
        .insert(locations)
        .values(
          chunk.map(({ values }) => ({
            ...(values as LocationValues),
            participants: 0,
            editionId: to.id,
            organisationId,
            awaitingApproval: waiting,
          })),
        )
        .returning();
      copied.push(...inserted);
      await copyCohosts(
        tx,
        inserted.map((row, j) => ({ from: chunk[j]!.source.id, to: row.id })),
      );
      await audit(
        tx,
        actor,
        inserted.map((row, j) => ({
          locationId: row.id,
          organisationId,
          action: 'CREATE',
          changes: {
            ...diff(null, chunk[j]!.values),
            copiedFrom: { from: null, to: { edition: from.slug, location: chunk[j]!.source.id } },
          },
        })),
      );
    }
    return { copied, skipped };
  });
  return {
    ok: true,
    value: result,
    notices: result.copied.length > 0 ? [{ edition: to.id }] : [],
  };
}

/** The co-hosts of each copied venue go with it, but for organisations suspended since: one statement. */
async function copyCohosts(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  pairs: { from: number; to: number }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const rows = sql.join(
    pairs.map((p) => sql`(${p.from}::integer, ${p.to}::integer)`),
    sql`, `,
  );
  await tx.execute(
    sql`INSERT INTO ${locationCohosts} (location_id, organisation_id) SELECT p.copy, c.organisation_id FROM (VALUES ${rows}) AS p(source, copy) JOIN ${locationCohosts} c ON c.location_id = p.source JOIN ${organisations} o ON o.id = c.organisation_id WHERE o.suspended_at IS NULL`,
  );
}
