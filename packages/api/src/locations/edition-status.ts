/**
 * An edition's life: open, close, cancel (with a reason) and postpone (with a reason and a new
 * day). Participation is counted only while an edition is OPEN (participation-statement.ts).
 * Postponing moves the edition's venues' times and its host links' expiry by as many days, in the
 * edition's time zone, so they stay on its day. Each step writes an audit row in the same
 * transaction; a refused step changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Edition, editions } from '../db/schema.ts';
import { type AuditActor, audit, checkReason } from './audit.ts';
import { unknownEdition } from './editions.ts';
import { type UserError, UserErrors } from './errors.ts';
import type { Notice } from './notices.ts';

export type EditionStatus = Edition['status'];
export type EditionStep = 'OPEN' | 'CLOSE' | 'CANCEL' | 'POSTPONE';

const TARGET: Record<EditionStep, EditionStatus> = {
  OPEN: 'OPEN',
  CLOSE: 'CLOSED',
  CANCEL: 'CANCELLED',
  POSTPONE: 'POSTPONED',
};

/** From which statuses each step may be taken. A cancelled edition stays cancelled. */
const FROM: Record<EditionStep, readonly EditionStatus[]> = {
  OPEN: ['PLANNED', 'POSTPONED', 'CLOSED'],
  CLOSE: ['PLANNED', 'OPEN', 'POSTPONED'],
  CANCEL: ['PLANNED', 'OPEN', 'POSTPONED'],
  POSTPONE: ['PLANNED', 'OPEN', 'POSTPONED'],
};

export interface EditionStepResult {
  edition: Edition | null;
  userErrors: UserError[];
  notices: Notice[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Take one step in the life of the edition with this slug. */
export async function changeEditionStatus(
  db: Db,
  actor: AuditActor,
  input: { edition: string; step: EditionStep; reason?: string | null; date?: string | null },
): Promise<EditionStepResult> {
  const errors = new UserErrors();
  const checked = checkReason(input.reason, input.step === 'CANCEL' || input.step === 'POSTPONE');
  if ('code' in checked) errors.add(['input', 'reason'], checked.code, checked.message);
  if (input.step === 'POSTPONE') {
    if (!input.date) errors.add(['input', 'date'], 'REQUIRED', 'Give the new day (YYYY-MM-DD).');
    else if (!DATE.test(input.date) || Number.isNaN(Date.parse(input.date)))
      errors.add(['input', 'date'], 'INVALID', 'The new day must be YYYY-MM-DD.');
  } else if (input.date != null) {
    errors.add(['input', 'date'], 'INVALID', 'Only postponing takes a new day.');
  }
  if (errors.any || 'code' in checked)
    return { edition: null, userErrors: errors.list, notices: [] };
  const refuse = (e: UserErrors): EditionStepResult => ({
    edition: null,
    userErrors: e.list,
    notices: [],
  });
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(editions)
      .where(eq(editions.slug, input.edition))
      .for('update');
    if (!current)
      return {
        edition: null,
        userErrors: [unknownEdition(input.edition, ['input', 'edition'])],
        notices: [],
      };
    const to = TARGET[input.step];
    if (!FROM[input.step].includes(current.status))
      return refuse(
        new UserErrors().add(
          ['input', 'edition'],
          'INVALID_TRANSITION',
          `${current.name} is ${current.status.toLowerCase()}: it cannot be ${to.toLowerCase()} now.`,
        ),
      );
    const postpone = input.step === 'POSTPONE' ? input.date! : null;
    if (postpone !== null && postpone === current.date)
      return refuse(
        new UserErrors().add(
          ['input', 'date'],
          'INVALID',
          `${current.name} is on ${postpone} already.`,
        ),
      );
    const [edition] = await tx
      .update(editions)
      .set({
        status: to,
        // The reason people are told; opening or closing again clears a cancellation's or postponement's.
        statusReason: input.step === 'CANCEL' || input.step === 'POSTPONE' ? checked.reason : null,
        ...(postpone !== null
          ? {
              date: postpone,
              postponedFrom: current.date,
              // An edition that spans days keeps its length.
              endDate: current.endDate
                ? sql`${current.endDate}::date + (${postpone}::date - ${current.date}::date)`
                : null,
            }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(editions.id, current.id))
      .returning();
    if (postpone !== null) await moveDay(tx, current, postpone);
    await audit(tx, actor, {
      action: `${input.step}_EDITION`,
      editionId: current.id,
      reason: checked.reason,
      details: {
        status: { from: current.status, to },
        ...(postpone !== null ? { date: { from: current.date, to: postpone } } : {}),
      },
    });
    return {
      edition: edition!,
      userErrors: [],
      notices: [{ table: 'editions' as const }, { edition: current.id }],
    };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Move the edition's venues' times and its live host links' expiry to the new day, in its time zone. */
async function moveDay(tx: Tx, edition: Edition, day: string): Promise<void> {
  const days = sql`(${day}::date - ${edition.date}::date)`;
  const shift = (column: string) =>
    sql`((${sql.raw(column)} AT TIME ZONE e.time_zone) + make_interval(days => ${days})) AT TIME ZONE e.time_zone`;
  await tx.execute(sql`
    UPDATE locations l SET starts_at = ${shift('l.starts_at')}, ends_at = ${shift('l.ends_at')}, updated_at = now()
    FROM editions e WHERE e.id = l.edition_id AND l.edition_id = ${edition.id}
      AND (l.starts_at IS NOT NULL OR l.ends_at IS NOT NULL)`);
  await tx.execute(sql`
    UPDATE host_links h SET expires_at = h.expires_at + make_interval(days => ${days})
    FROM locations l WHERE l.id = h.location_id AND l.edition_id = ${edition.id} AND h.revoked_at IS NULL`);
}
