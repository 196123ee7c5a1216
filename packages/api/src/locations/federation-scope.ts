/**
 * Staff of one federation act within it only; an organisation acts in the editions of the
 * federations it is a member of (and in the instance's own editions, which no federation holds).
 *
 * One rule for every write: a mutation names what it touches — `await requireInFederation(ctx.db,
 * ctx.viewer, { edition: slug }, { location: id })` — before it changes anything. For a viewer the
 * rule does not narrow (the instance's staff, or a target an organisation's own checks already
 * confine), it costs nothing. Outside: a GraphQL error NOT_FOUND, worded as for a thing that is
 * not there at all, so staff of one federation never learn what another holds; nothing changed.
 *
 * Within a federation:
 * - an edition whose series is the federation's (not an edition without a series, not another's);
 * - a series of the federation;
 * - an organisation that is a current member (joined on or before today, not left by today);
 * - a venue in one of its editions;
 * - the federation itself (its tile server);
 * - a key or a coordinator of a current member, or a staff key or staff member of the federation;
 * - an application to join that names the federation (one naming none is the instance's);
 * - `{ instance: … }`: never — the instance's staff only (making staff and staff keys, taking an edition
 *   out of its series).
 */
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from './stats.ts';

export type FederationTarget =
  | { edition: number | string }
  | { series: number | string }
  | { organisation: number | string }
  | { location: number }
  | { apiKey: string }
  | { person: number }
  /** The federation itself, by its slug. */
  | { federation: string }
  /** A host link, by its prefix: its venue's. */
  | { hostLink: string }
  /** An application to join, by its number: the federation it names. */
  | { application: number }
  /** An action of the instance's staff only; the string says which, for the message. */
  | { instance: string };

/** The federation a viewer's staff powers are confined to; null: not confined (or not staff). */
export function staffFederation(viewer: Viewer | null): { id: number; slug: string } | null {
  if (!viewer || viewer.organisation !== null) return null;
  return viewer.federation ?? null;
}

/** The ids of a federation's editions (through their series), as a SQL subquery. */
export function federationEditions(federationId: number) {
  return sql`(SELECT fe.id FROM editions fe JOIN series fs ON fs.id = fe.series_id WHERE fs.federation_id = ${federationId})`;
}

/** The ids of a federation's current members, as a SQL subquery. */
export function federationOrganisations(federationId: number) {
  return sql`(SELECT fm.organisation_id FROM federation_members fm WHERE fm.federation_id = ${federationId} AND fm.joined_on <= current_date AND (fm.left_on IS NULL OR fm.left_on > current_date))`;
}

/**
 * The viewer with what its federation holds now (staff of one federation: its editions and
 * current members, two small statements per request); any other viewer as it is.
 */
export async function withFederationReach(db: Db, viewer: Viewer | null): Promise<Viewer | null> {
  const federation = staffFederation(viewer);
  if (!viewer || !federation) return viewer;
  const ids = async (query: ReturnType<typeof sql>) =>
    new Set(rowsOf<{ id: number }>(await db.execute(query)).map((r) => Number(r.id)));
  const [editionIds, organisationIds] = await Promise.all([
    ids(sql`SELECT id FROM ${federationEditions(federation.id)} x`),
    ids(sql`SELECT organisation_id AS id FROM ${federationOrganisations(federation.id)} x`),
  ]);
  return { ...viewer, federation: { ...federation, editionIds, organisationIds } };
}

/** Is the viewer staff of the instance itself (not of one federation)? */
export function isInstanceStaff(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.organisation === null && !viewer.federation;
}

/** An organisation that is a member on the current date, in SQL, for `federationId`. */
function currentMember(federationId: unknown, organisationId: unknown) {
  return sql`EXISTS (SELECT 1 FROM federation_members m WHERE m.federation_id = ${federationId} AND m.organisation_id = ${organisationId} AND m.joined_on <= current_date AND (m.left_on IS NULL OR m.left_on > current_date))`;
}

function byIdOrSlug(alias: string, ref: number | string) {
  return typeof ref === 'number'
    ? sql`${sql.raw(alias)}.id = ${ref}`
    : sql`${sql.raw(alias)}.slug = ${ref}`;
}

/** Is the target there and within the federation? One small statement. */
export async function inFederation(
  db: Db,
  federationId: number,
  target: FederationTarget,
): Promise<boolean> {
  let query: ReturnType<typeof sql>;
  if ('instance' in target) return false;
  if ('edition' in target)
    query = sql`SELECT 1 FROM editions e JOIN series s ON s.id = e.series_id WHERE ${byIdOrSlug('e', target.edition)} AND s.federation_id = ${federationId}`;
  else if ('federation' in target)
    query = sql`SELECT 1 FROM federations f WHERE f.slug = ${target.federation} AND f.id = ${federationId}`;
  else if ('series' in target)
    query = sql`SELECT 1 FROM series s WHERE ${byIdOrSlug('s', target.series)} AND s.federation_id = ${federationId}`;
  else if ('organisation' in target)
    query = sql`SELECT 1 FROM organisations o WHERE ${byIdOrSlug('o', target.organisation)} AND ${currentMember(federationId, sql`o.id`)}`;
  else if ('location' in target)
    query = sql`SELECT 1 FROM locations l JOIN editions e ON e.id = l.edition_id JOIN series s ON s.id = e.series_id WHERE l.id = ${target.location} AND s.federation_id = ${federationId}`;
  else if ('apiKey' in target)
    query = sql`SELECT 1 FROM api_keys k WHERE k.prefix = ${target.apiKey} AND (CASE WHEN k.organisation_id IS NULL THEN k.federation_id = ${federationId} ELSE ${currentMember(federationId, sql`k.organisation_id`)} END)`;
  else if ('application' in target)
    query = sql`SELECT 1 FROM applications a WHERE a.id = ${target.application} AND a.federation_id = ${federationId}`;
  else if ('hostLink' in target)
    query = sql`SELECT 1 FROM host_links h JOIN locations l ON l.id = h.location_id JOIN editions e ON e.id = l.edition_id JOIN series s ON s.id = e.series_id WHERE h.prefix = ${target.hostLink} AND s.federation_id = ${federationId}`;
  else
    query = sql`SELECT 1 FROM people p WHERE p.id = ${target.person} AND (CASE WHEN p.organisation_id IS NULL THEN p.federation_id = ${federationId} ELSE ${currentMember(federationId, sql`p.organisation_id`)} END)`;
  return rowsOf(await db.execute(sql`${query} LIMIT 1`)).length > 0;
}

/**
 * May an organisation place venues in this edition (in SQL)? When no federation holds it, or the
 * organisation is a current member of the one that does.
 */
export function editionOpenToSql(editionId: number, organisationId: unknown) {
  return sql`NOT EXISTS (SELECT 1 FROM editions oe JOIN series os ON os.id = oe.series_id WHERE oe.id = ${editionId} AND os.federation_id IS NOT NULL AND NOT ${currentMember(sql`os.federation_id`, organisationId)})`;
}

/**
 * May an organisation place venues in this edition? Yes when no federation holds it, or the
 * organisation is a current member of the one that does (an unknown edition: yes, the caller
 * answers that it is unknown).
 */
export async function editionOpenTo(
  db: Db,
  organisationId: number,
  edition: number | string,
): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(
    await db.execute(
      sql`SELECT (s.federation_id IS NULL OR ${currentMember(sql`s.federation_id`, organisationId)}) AS ok FROM editions e LEFT JOIN series s ON s.id = e.series_id WHERE ${byIdOrSlug('e', edition)} LIMIT 1`,
    ),
  );
  return rows.length === 0 || rows[0]!.ok === true;
}

function describe(target: FederationTarget): string {
  const [kind, ref] = Object.entries(target)[0] as [string, unknown];
  if (kind === 'instance') return String(ref);
  const noun: Record<string, string> = {
    edition: 'edition',
    series: 'series',
    organisation: 'organisation',
    location: 'venue',
    apiKey: 'key',
    person: 'person',
    hostLink: 'host link',
    federation: 'federation',
    application: 'application',
  };
  return typeof ref === 'number' ? `${noun[kind]}` : `${noun[kind]} "${String(ref).slice(0, 60)}"`;
}

/** The refusal: NOT_FOUND, the same words whether the thing is another's or not there at all. */
export function outsideFederation(target: FederationTarget, federationSlug: string): GraphQLError {
  if ('instance' in target)
    return new GraphQLError(
      `Forbidden: only the instance's staff may do this (${target.instance}); staff of the federation "${federationSlug}" act within it.`,
      { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
    );
  return new GraphQLError(
    `Not found: no such ${describe(target)} within the federation "${federationSlug}".`,
    { extensions: { code: 'NOT_FOUND', http: { status: 404 } } },
  );
}

/**
 * Refuse unless every target is within the viewer's federation (staff of one federation), or,
 * for an organisation's key or coordinator, unless every edition named is open to it. Throws;
 * call it before any change.
 */
export async function requireInFederation(
  db: Db,
  viewer: Viewer | null,
  ...targets: (FederationTarget | null | undefined)[]
): Promise<void> {
  if (!viewer) return;
  const federation = staffFederation(viewer);
  for (const target of targets) {
    if (!target) continue;
    if (federation) {
      if (!(await inFederation(db, federation.id, target)))
        throw outsideFederation(target, federation.slug);
    } else if (viewer.organisation && 'edition' in target) {
      if (!(await editionOpenTo(db, viewer.organisation.id, target.edition)))
        throw new GraphQLError(
          `Not found: no such edition "${String(target.edition).slice(0, 60)}" open to ${viewer.organisation.name}.`,
          { extensions: { code: 'NOT_FOUND', http: { status: 404 } } },
        );
    }
  }
}
