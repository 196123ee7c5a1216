/**
 * Reporting participation: set a venue's count, or add arrivals (+n / -n). One SQL statement
 * locks the venue row, decides, updates the count and appends the log entry, so concurrent
 * writers can neither lose an update nor push a count below zero or past capacity. The caller
 * announces the committed change (LiveHub.announce): a NOTIFY inside the write would serialise
 * every commit on PostgreSQL's notification lock and halve the write rate.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import { type Location, locationChanges, locations, participationRequests } from '../db/schema.ts';
import { USER_ERROR_CODES, type UserError, type UserErrorCode } from './errors.ts';
import { publicLocationCondition, type ResolvedFilter } from './filter.ts';
import type { CountNotice, VenueNotice } from './notices.ts';
import {
  assessment,
  buildChange,
  type ChangeKind,
  MAX_PARTICIPANTS,
  preparedChange,
  type Runner,
} from './participation-statement.ts';
import { isRoleCode, rolesOf } from './roles.ts';
import { rowsOf } from './stats.ts';
import { publicVenue } from './visibility.ts';

/** Set the count, or add arrivals; arrivals may name a role (the venue's seats per role). */
export type ParticipationChange = { set: number } | { add: number; role?: string | null };

const roleOf = (change: ParticipationChange): string | null =>
  'add' in change ? (change.role ?? null) : null;

export interface ParticipationResult {
  location: Location | null;
  userErrors: UserError[];
  /** What to announce to live subscribers now that it has committed; none when nothing changed. */
  notice?: CountNotice;
}

export function refused(
  field: string,
  code: UserErrorCode,
  message: string = USER_ERROR_CODES[code],
): ParticipationResult {
  return { location: null, userErrors: [{ field: ['input', field], code, message }] };
}

/** Input checks that need no database. */
function checkInput(change: ParticipationChange): ParticipationResult | null {
  if ('set' in change) {
    if (change.set < 0)
      return refused(
        'participants',
        'BELOW_ZERO',
        `A count cannot go below zero (got ${change.set}).`,
      );
    if (change.set > MAX_PARTICIPANTS)
      return refused(
        'participants',
        'OUT_OF_RANGE',
        `At most ${MAX_PARTICIPANTS} participants (got ${change.set}).`,
      );
  } else if (Math.abs(change.add) > MAX_PARTICIPANTS) {
    return refused(
      'delta',
      'OUT_OF_RANGE',
      `At most ${MAX_PARTICIPANTS} arrivals at once (got ${change.add}).`,
    );
  } else if (change.role != null && !isRoleCode(change.role)) {
    return refused(
      'role',
      'INVALID',
      `role "${String(change.role).slice(0, 40)}" is not a role: roles are codes such as ${rolesOf().slice(0, 3).join(', ')}.`,
    );
  }
  return null;
}

/** For a missing venue and for another organisation's venue that is not public alike, so neither tells them apart. */
const NOT_FOUND_MESSAGE = 'There is no such venue (or it is not yours).';

interface Assessed {
  before: number;
  after: number;
  capacity: number | null;
  editionStatus?: string;
  role?: string | null;
  roleBefore?: number | null;
  roleAfter?: number | null;
  roleSeats?: number | null;
  perRole?: number;
}

/** The refusals about a role, and the code each answers with. */
const ROLE_REFUSALS: Record<string, { code: UserErrorCode; message: (a: Assessed) => string }> = {
  ROLE_NOT_SEATED: {
    code: 'INVALID',
    message: (a) =>
      `This venue states no seats for ${a.role}: count these arrivals without a role, or give the venue seats for it.`,
  },
  ROLE_BELOW_ZERO: {
    code: 'BELOW_ZERO',
    message: (a) =>
      `A count cannot go below zero: ${a.roleBefore} ${a.role} now, ${a.roleAfter} after this change.`,
  },
  ROLE_OVER_SEATS: {
    code: 'OVER_CAPACITY',
    message: (a) =>
      `The venue seats ${a.roleSeats} ${a.role}: ${a.roleBefore} now, ${a.roleAfter} after this change. Raise the role’s seats (raiseSeats) to count more.`,
  },
  BELOW_ROLES: {
    code: 'BELOW_PARTICIPANTS',
    message: (a) =>
      `${a.perRole} people are counted per role here, and the total cannot go below them (${a.after} after this change): count departures with their role.`,
  },
};

const REFUSAL_MESSAGES: Partial<Record<UserErrorCode, (a: Assessed) => string>> = {
  EDITION_NOT_OPEN: (a) =>
    `The edition is ${a.editionStatus?.toLowerCase() ?? 'not open'}: participation is counted only while it is open.`,
  BELOW_ZERO: (a) => `A count cannot go below zero: ${a.before} now, ${a.after} after this change.`,
  OVER_CAPACITY: (a) =>
    `The venue seats ${a.capacity}: ${a.before} now, ${a.after} after this change.`,
  FORBIDDEN: () => 'This venue belongs to another organisation.',
  NOT_FOUND: () => NOT_FOUND_MESSAGE,
};

/** Refusals about the venue itself rather than the number asked for. */
const ABOUT_THE_VENUE = new Set<UserErrorCode>([
  'NOT_FOUND',
  'FORBIDDEN',
  'CANCELLED',
  'EDITION_CLOSED',
  'EDITION_NOT_OPEN',
]);

/**
 * Who reports: an API key (of an organisation, or staff's) or a host link (one venue). Built by
 * the GraphQL layer from the request's viewer or host link; recorded in the log.
 */
export interface ParticipationActor {
  /** Only this organisation's venues; null: any venue (staff). */
  organisationId: number | null;
  /** Only this venue (a host link); null: any venue the organisation may report for. */
  locationId: number | null;
  /** The api_keys row, if a key reports. */
  keyId: number | null;
  /** The key's or host link's visible prefix, recorded as the actor of the change. */
  name: string;
}

/** The actor of a viewer's (an API key's) reports. */
export function keyActor(viewer: Viewer): ParticipationActor {
  return {
    organisationId: viewer.organisation?.id ?? null,
    locationId: null,
    keyId: viewer.keyId,
    name: viewer.prefix,
  };
}

/** What a client may send as an idempotency key: 8 to 100 letters, digits and `. _ : -` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;
/** How long the server remembers an idempotency key: the day of the edition, and a day to spare. */
export const IDEMPOTENCY_KEY_DAYS = 2;

/**
 * Apply a participation change: at the actor's own organisation's venue (any venue for staff,
 * its one venue for a host link). Refusals come back as userErrors and change nothing. With an
 * idempotency key, a change already made with that key at this venue is answered as it was then
 * and not made again; the same key with another change is refused (CONFLICT).
 */
export async function changeParticipation(
  db: Db,
  actor: ParticipationActor,
  locationId: number,
  change: ParticipationChange,
  idempotencyKey: string | null = null,
): Promise<ParticipationResult> {
  const bad = checkInput(change);
  if (bad) return bad;
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    return refused(
      'idempotencyKey',
      'INVALID',
      `An idempotency key is 8 to 100 letters, digits, dots, underscores, colons or hyphens, e.g. a UUID (got ${JSON.stringify(idempotencyKey.slice(0, 120))}).`,
    );
  }
  if (actor.locationId !== null && actor.locationId !== locationId)
    return otherVenue(db, locationId);
  if (idempotencyKey === null) return applyChange(db, true, actor, locationId, change);
  return db.transaction((tx) => applyOnce(tx, actor, locationId, change, idempotencyKey));
}

/** A host link used for another venue: FORBIDDEN for a public venue, NOT_FOUND otherwise (as for another organisation's). */
export async function otherVenue(db: Db, locationId: number): Promise<ParticipationResult> {
  const [row] = await db
    .select({ public: sql<boolean>`${publicVenue(locations)}` })
    .from(locations)
    .where(eq(locations.id, locationId))
    .limit(1);
  if (!row?.public) return refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  return refused('location', 'FORBIDDEN', 'This host link is for another venue.');
}

/**
 * The change with an idempotency key, in one transaction. The venue's row lock comes first and
 * alone, so every report of this venue with a key waits its turn, and the look-up after it (a
 * statement of its own, hence a snapshot taken after the wait) sees the key of any report that
 * committed meanwhile: two sends with one key count once. The key is stored only beside a change
 * that was made, in the same transaction: a refused change leaves no key behind.
 */
async function applyOnce(
  tx: Runner,
  actor: ParticipationActor,
  locationId: number,
  change: ParticipationChange,
  key: string,
): Promise<ParticipationResult> {
  const kind: ChangeKind = 'set' in change ? 'set' : 'add';
  const amount = 'set' in change ? change.set : change.add;
  const [venue] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(eq(locations.id, locationId))
    .for('update');
  if (!venue) return refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  const [known] = await tx
    .select()
    .from(participationRequests)
    .where(
      and(
        eq(participationRequests.locationId, locationId),
        eq(participationRequests.key, key),
        sql`${participationRequests.createdAt} > now() - make_interval(days => ${IDEMPOTENCY_KEY_DAYS})`,
      ),
    )
    .limit(1);
  if (known) {
    const location = await tx.query.locations.findFirst({ where: { id: locationId } });
    // Another organisation's key learns nothing of this venue's keys: refused as without one.
    if (
      !location ||
      (actor.organisationId !== null && location.organisationId !== actor.organisationId)
    )
      return applyChange(tx, false, actor, locationId, change);
    if (known.kind !== kind || known.amount !== amount || known.role !== roleOf(change)) {
      const before =
        known.kind === 'set'
          ? `a count of ${known.amount}`
          : `${known.amount >= 0 ? '+' : ''}${known.amount} arrivals${known.role ? ` of ${known.role}` : ''}`;
      return refused(
        'idempotencyKey',
        'CONFLICT',
        `This idempotency key was used at this venue for ${before}; this request asks another change, and nothing was counted. Send a new key with each new change.`,
      );
    }
    // Answered as the first time: the count then, not one more change.
    return {
      location: {
        ...location,
        participants: known.participants ?? location.participants,
        updatedAt: known.answeredAt ?? location.updatedAt,
      },
      userErrors: [],
    };
  }
  const result = await applyChange(tx, false, actor, locationId, change);
  if (!result.location) return result;
  const answer = {
    participants: result.location.participants,
    answeredAt: result.location.updatedAt,
  };
  await tx
    .with(
      tx.$with('pruned').as(
        tx
          .delete(participationRequests)
          .where(
            and(
              eq(participationRequests.locationId, locationId),
              sql`${participationRequests.key} <> ${key}`,
              sql`${participationRequests.createdAt} <= now() - make_interval(days => ${IDEMPOTENCY_KEY_DAYS})`,
            ),
          )
          .returning({ id: participationRequests.id }),
      ),
    )
    .insert(participationRequests)
    .values({ locationId, key, kind, amount, role: roleOf(change), ...answer })
    // A key older than the days it is kept is free again: its row is taken over.
    .onConflictDoUpdate({
      target: [participationRequests.locationId, participationRequests.key],
      set: { kind, amount, role: roleOf(change), ...answer, createdAt: sql`now()` },
    });
  return result;
}

/** One change, without an idempotency key: the prepared locking statement, or built afresh inside a transaction. */
async function applyChange(
  runner: Runner,
  prepare: boolean,
  actor: ParticipationActor,
  locationId: number,
  change: ParticipationChange,
): Promise<ParticipationResult> {
  const field = 'set' in change ? 'participants' : 'delta';
  const organisationId = actor.organisationId;
  const kind: ChangeKind = 'set' in change ? 'set' : 'add';
  const amount = 'set' in change ? change.set : change.add;

  const statement = prepare ? preparedChange(runner as Db, kind) : buildChange(runner, kind);
  const [changed] = await statement.execute({
    location: locationId,
    amount,
    organisation: organisationId,
    role: roleOf(change),
    keyId: actor.keyId,
    actor: actor.name,
  });
  if (changed) {
    const { location, seq } = changed;
    const notice = {
      edition: location.editionId,
      location: location.id,
      participants: location.participants,
      capacity: location.capacity,
      seq,
      at: location.updatedAt.getTime(),
    };
    return { location, userErrors: [], notice };
  }

  // Refused, or nothing to change: say which. Nothing was written; this read only explains.
  const [assessed] = rowsOf<{
    before: number;
    after: string | number;
    refusal: string | null;
    capacity: number | null;
    edition_status: string;
    role_before: string | number | null;
    role_after: string | number | null;
    role_seats: string | number | null;
    per_role: string | number;
  }>(
    await runner.execute(
      assessment(kind, {
        location: locationId,
        amount,
        organisation: organisationId,
        role: roleOf(change),
      }),
    ),
  );
  if (!assessed) return refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  const orNull = (v: string | number | null) => (v === null ? null : Number(v));
  const numbers: Assessed = {
    before: Number(assessed.before),
    after: Number(assessed.after),
    capacity: assessed.capacity,
    editionStatus: assessed.edition_status,
    role: roleOf(change),
    roleBefore: orNull(assessed.role_before),
    roleAfter: orNull(assessed.role_after),
    roleSeats: orNull(assessed.role_seats),
    perRole: Number(assessed.per_role),
  };
  if (assessed.refusal) {
    const about = ROLE_REFUSALS[assessed.refusal];
    if (about)
      return refused(
        assessed.refusal === 'BELOW_ROLES' ? field : 'role',
        about.code,
        about.message(numbers),
      );
    const code = assessed.refusal as UserErrorCode;
    return refused(
      ABOUT_THE_VENUE.has(code) ? 'location' : field,
      code,
      REFUSAL_MESSAGES[code]?.(numbers),
    );
  }
  if (numbers.after !== numbers.before) {
    // The count moved between the locked decision and this read; the decision stands.
    const code =
      numbers.after < 0 || ('add' in change && change.add < 0) ? 'BELOW_ZERO' : 'OVER_CAPACITY';
    return refused(field, code);
  }
  // The count already was what was asked: nothing to log, nothing to announce.
  const location = await runner.query.locations.findFirst({ where: { id: locationId } });
  return { location: location ?? null, userErrors: [] };
}

/**
 * Say a venue is full (or no longer full), whatever its count: the host on the day, its
 * organisation, or staff. Recorded among the venue's changes; a cancelled venue is refused.
 */
export async function setFull(
  db: Db,
  actor: ParticipationActor,
  locationId: number,
  full: boolean,
): Promise<Omit<ParticipationResult, 'notice'> & { notice?: VenueNotice }> {
  if (actor.locationId !== null && actor.locationId !== locationId)
    return otherVenue(db, locationId);
  return db.transaction(async (tx) => {
    const found = await lockVenueFor(tx, actor, locationId);
    if (!('venue' in found)) return found;
    const { venue } = found;
    if (venue.full === full) return { location: venue, userErrors: [] };
    return changeVenue(tx, actor, venue, { full }, full ? 'FULL' : 'NOT_FULL', {
      full: { from: venue.full, to: full },
    });
  });
}

/** The participants of an edition's public venues, and the database's clock. */
export async function editionTotal(
  db: Db,
  editionId: number,
  filter: ResolvedFilter = {},
): Promise<{ total: number; now: Date }> {
  const [row] = rowsOf<{ total: string | number; now: string | Date }>(
    await db.execute(
      sql`SELECT coalesce(sum(${locations.participants}), 0) AS total, now() AS now FROM ${locations} WHERE ${publicLocationCondition(locations, editionId, filter)}`,
    ),
  );
  return { total: Number(row?.total ?? 0), now: new Date(row?.now ?? Date.now()) };
}

/**
 * The venue, locked for a change on the day by this actor (its organisation, staff or its host
 * link); else why not: NOT_FOUND (also for another organisation's hidden venue), FORBIDDEN (its
 * public one), CANCELLED.
 */
export async function lockVenueFor(
  tx: Runner,
  actor: ParticipationActor,
  locationId: number,
): Promise<{ venue: Location } | ParticipationResult> {
  const [venue] = await tx
    .select()
    .from(locations)
    .where(eq(locations.id, locationId))
    .for('update');
  if (!venue) return refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  if (actor.organisationId !== null && venue.organisationId !== actor.organisationId) {
    const [row] = rowsOf<{ public: boolean }>(
      await tx.execute(
        sql`SELECT ${publicVenue(locations)} AS public FROM ${locations} WHERE id = ${locationId}`,
      ),
    );
    return row?.public
      ? refused(
          'location',
          'FORBIDDEN',
          REFUSAL_MESSAGES.FORBIDDEN!({ before: 0, after: 0, capacity: null }),
        )
      : refused('location', 'NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  if (venue.status === 'CANCELLED') return refused('location', 'CANCELLED');
  return { venue };
}

/** Change a locked venue on the day and record it among its changes, as this actor. */
export async function changeVenue(
  tx: Runner,
  actor: ParticipationActor,
  venue: Location,
  set: Partial<Pick<Location, 'full' | 'capacity' | 'seatsByRole'>>,
  action: string,
  changes: Record<string, { from: unknown; to: unknown }>,
): Promise<{ location: Location; userErrors: []; notice: VenueNotice }> {
  const [location] = await tx
    .update(locations)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(locations.id, venue.id))
    .returning();
  await tx.insert(locationChanges).values({
    locationId: venue.id,
    organisationId: venue.organisationId,
    apiKeyId: actor.keyId,
    actor: actor.name,
    action,
    changes,
  });
  return { location: location!, userErrors: [], notice: { edition: venue.editionId } };
}
