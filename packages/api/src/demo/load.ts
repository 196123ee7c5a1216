/**
 * Writes demo data into the database in one transaction, with multi-row inserts in chunks (a
 * synthetic edition of 100,000 venues loads in seconds). Organisations are matched by slug and
 * re-used; the arrivals become the participation log, so the log adds up to every venue's count.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  editions,
  locationCohosts,
  locations,
  type NewOrganisation,
  organisations,
  participationLog,
} from '../db/schema.ts';
import type { DemoData } from './generate.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rows per INSERT, kept under PostgreSQL's 65,535 bind parameters (a venue has 24 columns, a log row 7). */
const ORGANISATION_CHUNK = 2_000;
const LOCATION_CHUNK = 2_000;
const LOG_CHUNK = 8_000;
/** The actor recorded in the participation log. */
export const DEMO_ACTOR = 'demo';

export interface LoadDemoResult {
  editionId: number;
  /** Organisations of the data, whether created or found by slug. */
  organisations: number;
  locations: number;
  /** The sum of the loaded venues' participants (people present). */
  participants: number;
  /** The sum of the loaded venues' expected people. */
  expected: number;
}

export async function hasEdition(db: Db, slug: string): Promise<boolean> {
  const rows = await db
    .select({ id: editions.id })
    .from(editions)
    .where(eq(editions.slug, slug))
    .limit(1);
  return rows.length > 0;
}

/** Load demo data as a new edition; refuses an edition slug that already exists. */
export async function loadDemo(db: Db, data: DemoData): Promise<LoadDemoResult> {
  const log = participationRows(data);
  return db.transaction(async (tx) => {
    if (await hasEdition(tx as unknown as Db, data.edition.slug)) {
      throw new Error(`edition ${data.edition.slug} already exists`);
    }
    const [edition] = await tx.insert(editions).values(data.edition).returning({ id: editions.id });
    if (!edition) throw new Error('inserting the edition returned nothing');
    const editionId = edition.id;

    // Demo members are trusted: approved a month before the day.
    const approvedAt = new Date(Date.parse(`${data.edition.date}T00:00:00Z`) - 30 * 86_400_000);
    const organisationIds = await upsertOrganisations(
      tx,
      data.organisations.map((o) => ({ ...o, approvedAt })),
    );
    const locationIds = new Map<string, { id: number; organisationId: number }>();
    // The demo's cancelled venues were called off after they had been announced (a month before
    // the day): once public, so removedLocations names them to a partner that synced them.
    const announced = new Date(Date.parse(`${data.edition.date}T00:00:00Z`) - 30 * 86_400_000);
    let participants = 0;
    let expected = 0;
    for (const chunk of chunks(data.locations, LOCATION_CHUNK)) {
      const rows = chunk.map(({ organisationSlug, ...location }) => {
        participants += location.participants ?? 0;
        expected += location.expected ?? 0;
        const publicSince = location.status === 'CANCELLED' ? { publicSince: announced } : {};
        return {
          ...location,
          ...publicSince,
          editionId,
          organisationId: lookup(organisationIds, organisationSlug, 'organisation'),
        };
      });
      const inserted = await tx.insert(locations).values(rows).returning({
        id: locations.id,
        organisationId: locations.organisationId,
        externalId: locations.externalId,
      });
      for (const row of inserted) {
        if (row.externalId !== null)
          locationIds.set(`${row.organisationId}\u0000${row.externalId}`, row);
      }
    }

    const entries = log.map(({ organisationSlug, externalId, oldValue, newValue, at }) => {
      const organisationId = lookup(organisationIds, organisationSlug, 'organisation');
      const location = lookup(locationIds, `${organisationId}\u0000${externalId}`, 'venue');
      return {
        locationId: location.id,
        editionId,
        organisationId,
        actor: DEMO_ACTOR,
        oldValue,
        newValue,
        at,
      };
    });
    for (const chunk of chunks(entries, LOG_CHUNK)) await tx.insert(participationLog).values(chunk);
    const cohosts = (data.cohosts ?? []).flatMap(({ externalId, organisationSlug, cohosts }) => {
      const organisationId = lookup(organisationIds, organisationSlug, 'organisation');
      const location = lookup(locationIds, `${organisationId}\u0000${externalId}`, 'venue');
      return cohosts.map((slug) => ({
        locationId: location.id,
        organisationId: lookup(organisationIds, slug, 'organisation'),
      }));
    });
    if (cohosts.length) await tx.insert(locationCohosts).values(cohosts);

    return {
      editionId,
      organisations: organisationIds.size,
      locations: data.locations.length,
      participants,
      expected,
    };
  });
}

/**
 * Demo organisations by slug, created unless there (an existing one is re-used as it is): their
 * ids by slug.
 */
export async function upsertOrganisations(
  tx: Tx | Db,
  rows: readonly NewOrganisation[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows, ORGANISATION_CHUNK)) {
    await tx
      .insert(organisations)
      .values(chunk)
      .onConflictDoNothing({ target: organisations.slug });
    const found = await tx
      .select({ id: organisations.id, slug: organisations.slug })
      .from(organisations)
      .where(
        inArray(
          organisations.slug,
          chunk.map((o) => o.slug),
        ),
      );
    for (const row of found) ids.set(row.slug, row.id);
  }
  return ids;
}

interface LogRow {
  organisationSlug: string;
  externalId: string;
  oldValue: number;
  newValue: number;
  at: Date;
}

/**
 * The participation log of the data: each venue's arrivals in time order as running counts. A
 * published venue with participants but no arrivals gets one entry at its start; arrivals that do
 * not add up to a venue's participants, or take its count below zero, are refused.
 */
function participationRows(data: DemoData): LogRow[] {
  const key = (organisationSlug: string, externalId: string) =>
    `${organisationSlug}\u0000${externalId}`;
  const venues = new Map(
    data.locations
      .filter((l) => l.externalId != null)
      .map((l) => [key(l.organisationSlug, l.externalId!), l]),
  );
  const running = new Map<string, number>();
  const rows: LogRow[] = [];
  const arrivals = data.arrivals
    .map((arrival, order) => ({ arrival, order, at: Date.parse(arrival.at) }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { arrival, at } of arrivals) {
    const k = key(arrival.organisationSlug, arrival.externalId);
    if (!venues.has(k))
      throw new Error(
        `arrival for unknown venue ${arrival.organisationSlug}/${arrival.externalId}`,
      );
    const oldValue = running.get(k) ?? 0;
    const newValue = oldValue + arrival.delta;
    if (newValue < 0)
      throw new Error(`arrivals take ${arrival.organisationSlug}/${arrival.externalId} below zero`);
    running.set(k, newValue);
    rows.push({
      organisationSlug: arrival.organisationSlug,
      externalId: arrival.externalId,
      oldValue,
      newValue,
      at: new Date(at),
    });
  }
  for (const [k, venue] of venues) {
    const participants = venue.participants ?? 0;
    const counted = running.get(k);
    if (counted === undefined && participants > 0) {
      const at = venue.startsAt ?? new Date(`${data.edition.date}T12:00:00Z`);
      rows.push({
        organisationSlug: venue.organisationSlug,
        externalId: venue.externalId!,
        oldValue: 0,
        newValue: participants,
        at,
      });
    } else if (counted !== undefined && counted !== participants) {
      throw new Error(
        `arrivals of ${venue.organisationSlug}/${venue.externalId} add up to ${counted}, not ${participants}`,
      );
    }
  }
  return rows;
}

function lookup<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`unknown ${what} ${String(key).replace('\u0000', '/')}`);
  return value;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
