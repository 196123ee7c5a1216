/**
 * The one SQL statement that decides and applies a participation change (participation.ts),
 * prepared once per database.
 */

import { and, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations, participationLog } from '../db/schema.ts';
import { publicVenueAs } from './visibility.ts';

/** The most people one venue can report, and the largest single step of arrivals. */
export const MAX_PARTICIPANTS = 100_000;

/** The values one participation change needs, as SQL values or placeholders of a prepared statement. */
export interface ChangeValues {
  location: number | Placeholder;
  /** The count asked for (`set`) or the arrivals (`add`). */
  amount: number | Placeholder;
  organisation: number | null | Placeholder;
  /** The role of the arrivals (`add` only): its present count moves with the total. Null: none. */
  role: string | null | Placeholder;
}

/**
 * The venue's count before and after the change, and why the change would be refused (null: it
 * may go ahead). The same assessment decides under the row lock and explains a refusal.
 */
export function assessment(
  kind: ChangeKind,
  { location, amount, organisation, role }: ChangeValues,
): SQL {
  const after =
    kind === 'set' ? sql`${amount}::bigint` : sql`(l.participants::bigint + ${amount}::bigint)`;
  // The role's count before and after (null without a role), its seats, and everyone counted per role.
  const roleBefore = sql`coalesce((l.present_by_role ->> ${role}::text)::bigint, 0)`;
  const roleAfter = kind === 'set' ? sql`NULL::bigint` : sql`(${roleBefore} + ${amount}::bigint)`;
  const roleSeats = sql`(l.seats_by_role ->> ${role}::text)::bigint`;
  const perRole = sql`(SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(l.present_by_role))`;
  return sql`
    SELECT l.id, l.participants AS before, ${after} AS after,
      CASE WHEN ${role}::text IS NULL THEN NULL ELSE ${roleBefore} END AS role_before,
      CASE WHEN ${role}::text IS NULL THEN NULL ELSE ${roleAfter} END AS role_after,
      CASE WHEN ${role}::text IS NULL THEN NULL ELSE ${roleSeats} END AS role_seats,
      ${perRole} AS per_role,
      CASE
        WHEN ${organisation}::int IS NOT NULL AND l.organisation_id <> ${organisation}::int
          THEN CASE WHEN ${publicVenueAs('l')} THEN 'FORBIDDEN' ELSE 'NOT_FOUND' END
        WHEN l.status = 'CANCELLED' THEN 'CANCELLED'
        WHEN e.status = 'CLOSED' THEN 'EDITION_CLOSED'
        WHEN e.status <> 'OPEN' THEN 'EDITION_NOT_OPEN'
        WHEN ${after} < 0 THEN 'BELOW_ZERO'
        WHEN ${after} > ${MAX_PARTICIPANTS} THEN 'OUT_OF_RANGE'
        WHEN ${role}::text IS NOT NULL AND (l.seats_by_role -> ${role}::text) IS NULL THEN 'ROLE_NOT_SEATED'
        WHEN ${role}::text IS NOT NULL AND ${roleAfter} < 0 THEN 'ROLE_BELOW_ZERO'
        WHEN ${role}::text IS NOT NULL AND ${roleAfter} > ${roleSeats} THEN 'ROLE_OVER_SEATS'
        WHEN ${role}::text IS NULL AND ${after} < ${perRole} THEN 'BELOW_ROLES'
        WHEN ${after} > l.capacity THEN 'OVER_CAPACITY'
      END AS refusal,
      l.capacity, e.status AS edition_status
    FROM ${locations} l JOIN editions e ON e.id = l.edition_id
    WHERE l.id = ${location}::int`;
}

export type ChangeKind = 'set' | 'add';

/**
 * The locking write of one change, prepared once per database and kind: this is the statement
 * hosts send all day, so PostgreSQL parses and plans it once per connection rather than per
 * request (drizzle sends every other query unnamed).
 */
export function buildChange(db: Runner, kind: ChangeKind) {
  const values = {
    location: sql.placeholder('location'),
    amount: sql.placeholder('amount'),
    organisation: sql.placeholder('organisation'),
    role: sql.placeholder('role'),
  };
  const target = db
    .$with('target', {
      id: sql<number>`id`.mapWith(Number).as('id'),
      before: sql<number>`before`.mapWith(Number).as('before'),
      after: sql<number>`after`.mapWith(Number).as('after'),
      roleAfter: sql<number | null>`role_after`.as('role_after'),
      refusal: sql<string | null>`refusal`.as('refusal'),
    })
    .as(sql`${assessment(kind, values)} FOR UPDATE OF l`);
  const go = sql`${target.refusal} IS NULL AND ${target.after} <> ${target.before}`;
  const logged = db.$with('logged', { id: sql<number>`id`.as('id') }).as(sql`
      INSERT INTO ${participationLog} (location_id, edition_id, organisation_id, api_key_id, actor, old_value, new_value, role)
      SELECT l.id, l.edition_id, l.organisation_id, ${sql.placeholder('keyId')}::int, ${sql.placeholder('actor')}::text, t.before, t.after, ${values.role}::text
      FROM target t JOIN ${locations} l ON l.id = t.id WHERE t.refusal IS NULL AND t.after <> t.before
      RETURNING id`);
  return (
    db
      .with(target, logged)
      .update(locations)
      .set({
        participants: sql`${target.after}::int`,
        // With a role, its present count moves too (in the same locked row).
        presentByRole: sql`CASE WHEN ${values.role}::text IS NULL THEN ${locations.presentByRole}
          ELSE jsonb_set(${locations.presentByRole}, ARRAY[${values.role}::text], to_jsonb(${target.roleAfter}::int)) END`,
        updatedAt: sql`now()`,
      })
      .from(target)
      .where(and(eq(locations.id, target.id), go))
      // The log insert runs because it is a data-modifying CTE; its id orders this venue's changes.
      .returning({ location: locations, seq: sql<number>`(SELECT id FROM logged)`.mapWith(Number) })
      .prepare(`tafel_participation_${kind}`)
  );
}

const preparedChanges = new WeakMap<Db, Record<ChangeKind, ReturnType<typeof buildChange>>>();

export function preparedChange(db: Db, kind: ChangeKind) {
  let prepared = preparedChanges.get(db);
  if (!prepared) {
    prepared = { set: buildChange(db, 'set'), add: buildChange(db, 'add') };
    preparedChanges.set(db, prepared);
  }
  return prepared[kind];
}

export type Runner = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
