/**
 * Other counts than the people at the tables: what a federation counts beside them — Sammen om
 * integration's placements offered by companies — per organisation and edition. A federation
 * defines its measures (`federation_measures`); an organisation (or staff) reports its count of
 * one in an edition; stats add them up. A measure the edition's federation does not define is
 * refused, so a typo never makes a new column.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  editions,
  federationMeasures,
  organisationCounts,
  organisations,
  series,
} from '../db/schema.ts';
import { type AuditActor, audit } from './audit.ts';
import { type UserError, UserErrors, userError } from './errors.ts';
import type { VenueNotice } from './notices.ts';

export const MAX_COUNT = 1_000_000;

export interface Measure {
  key: string;
  labels: Record<'nl' | 'en' | 'de' | 'da', string>;
}

/** The measures an edition's federation defines, in its order; none for an edition without one. */
export async function measuresOf(db: Db, editionId: number): Promise<Measure[]> {
  return db
    .select({ key: federationMeasures.key, labels: federationMeasures.labels })
    .from(editions)
    .innerJoin(series, eq(series.id, editions.seriesId))
    .innerJoin(federationMeasures, eq(federationMeasures.federationId, series.federationId))
    .where(eq(editions.id, editionId))
    .orderBy(asc(federationMeasures.position), asc(federationMeasures.key));
}

export interface MeasureTotal extends Measure {
  total: number;
  /** Organisations that reported a count. */
  organisations: number;
  /** Per organisation, biggest first (organisations are public; their counts are totals). */
  byOrganisation: { slug: string; name: string; value: number }[];
}

/** Each measure's total over the edition's organisations (or one organisation's). */
export async function measureTotals(
  db: Db,
  editionId: number,
  organisationId?: number,
): Promise<MeasureTotal[]> {
  const measures = await measuresOf(db, editionId);
  if (!measures.length) return [];
  const rows = await db
    .select({
      measure: organisationCounts.measure,
      slug: organisations.slug,
      name: organisations.name,
      value: organisationCounts.value,
    })
    .from(organisationCounts)
    .innerJoin(organisations, eq(organisations.id, organisationCounts.organisationId))
    .where(
      and(
        eq(organisationCounts.editionId, editionId),
        organisationId === undefined
          ? undefined
          : eq(organisationCounts.organisationId, organisationId),
      ),
    )
    .orderBy(sql`${organisationCounts.value} DESC`, asc(organisations.name));
  return measures.map((m) => {
    const mine = rows.filter((r) => r.measure === m.key);
    return {
      ...m,
      total: mine.reduce((sum, r) => sum + r.value, 0),
      organisations: mine.length,
      byOrganisation: mine.map(({ slug, name, value }) => ({ slug, name, value })),
    };
  });
}

export interface CountInput {
  edition: string;
  organisation: string;
  measure: string;
  value: number;
}

export interface CountActor {
  /** Null for staff. */
  organisationId: number | null;
  audit: AuditActor;
}

export interface CountResult {
  count: { edition: string; organisation: string; measure: string; value: number } | null;
  userErrors: UserError[];
  notices: VenueNotice[];
}

const refuse = (userErrors: UserError[]): CountResult => ({ count: null, userErrors, notices: [] });

/** An organisation's count of a measure in an edition: set (or corrected). */
export async function setOrganisationCount(
  db: Db,
  actor: CountActor,
  input: CountInput,
): Promise<CountResult> {
  const errors = new UserErrors();
  if (!Number.isInteger(input.value) || input.value < 0 || input.value > MAX_COUNT)
    errors.add(
      ['input', 'value'],
      'OUT_OF_RANGE',
      `A count is a whole number from 0 to ${MAX_COUNT.toLocaleString('en')}.`,
    );
  const [edition] = await db
    .select({ id: editions.id, slug: editions.slug })
    .from(editions)
    .where(eq(editions.slug, input.edition))
    .limit(1);
  if (!edition)
    errors.add(['input', 'edition'], 'NOT_FOUND', `There is no edition "${input.edition}".`);
  const [organisation] = await db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.slug, input.organisation))
    .limit(1);
  // Another organisation's count is not this key's business: told as not found.
  if (!organisation || (actor.organisationId !== null && organisation.id !== actor.organisationId))
    errors.add(
      ['input', 'organisation'],
      'NOT_FOUND',
      `There is no organisation "${input.organisation}" (or it is not yours).`,
    );
  if (edition) {
    const measures = await measuresOf(db, edition.id);
    if (!measures.some((m) => m.key === input.measure))
      errors.add(
        ['input', 'measure'],
        'MEASURE_NOT_DEFINED',
        measures.length
          ? `The edition's federation counts ${measures.map((m) => m.key).join(', ')}, not "${input.measure.slice(0, 40)}".`
          : `The edition's federation defines no measure beside participants; "${input.measure.slice(0, 40)}" is not one.`,
      );
  }
  if (errors.any || !edition || !organisation) return refuse(errors.list);
  return db.transaction(async (tx) => {
    await tx
      .insert(organisationCounts)
      .values({
        editionId: edition.id,
        organisationId: organisation.id,
        measure: input.measure,
        value: input.value,
      })
      .onConflictDoUpdate({
        target: [
          organisationCounts.editionId,
          organisationCounts.organisationId,
          organisationCounts.measure,
        ],
        set: { value: input.value, updatedAt: sql`now()` },
      });
    await audit(tx, actor.audit, {
      action: 'SET_COUNT',
      organisationId: organisation.id,
      locationId: null,
      editionId: edition.id,
      details: { measure: input.measure, value: input.value },
    });
    return {
      count: {
        edition: edition.slug,
        organisation: organisation.slug,
        measure: input.measure,
        value: input.value,
      },
      userErrors: [],
      notices: [{ edition: edition.id }],
    };
  });
}

/** The problem with a measure key a federation would define; null when it is fine. */
export function checkMeasureKey(key: string): UserError | null {
  return /^[A-Z][A-Z0-9_]{1,39}$/.test(key)
    ? null
    : userError(['key'], 'INVALID', 'A measure key is upper case letters, digits and _.');
}
