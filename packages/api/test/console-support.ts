/**
 * The staff console's tests' world: the fixture, the app, and one caller of each kind — staff
 * signed in as admin, moderator and press, a coordinator of Asito, Asito's key, a staff key, and
 * nobody.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  createClient,
  memberKey,
  personSession,
  seedFixture,
  sessionHeaders,
  staffKey,
} from './support.ts';

export const ROLES = [
  'admin',
  'moderator',
  'press',
  'coordinator',
  'key',
  'staffKey',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

/** The test people's addresses: no answer may carry them. */
export const EMAILS = {
  admin: 'ada.admin@console.test',
  moderator: 'mo.moderator@console.test',
  press: 'pia.press@console.test',
  coordinator: 'cor.asito@console.test',
};

export async function consoleWorld(database: Database) {
  const fx = await seedFixture(database);
  const { app, gql } = createClient(database);
  const sessions = {
    admin: await personSession(database, {
      role: 'admin',
      email: EMAILS.admin,
      name: 'Ada Admin',
    }),
    moderator: await personSession(database, {
      role: 'moderator',
      email: EMAILS.moderator,
      name: 'Mo Moderator',
    }),
    press: await personSession(database, { role: 'press', email: EMAILS.press, name: 'Pia Press' }),
    coordinator: await personSession(database, {
      organisationId: fx.asito.id,
      email: EMAILS.coordinator,
      name: 'Cor Asito',
    }),
  };
  const keys = { key: await memberKey(database, fx.asito.id), staffKey: await staffKey(database) };
  /** The request options of a caller of this kind. */
  const as = (role: Role): { key?: string; headers?: Record<string, string> } => {
    if (role === 'anonymous') return {};
    if (role === 'key' || role === 'staffKey') return { key: keys[role] };
    return { headers: sessionHeaders(sessions[role]) };
  };
  /** The person id behind a staff or coordinator session. */
  const personId = async (role: keyof typeof EMAILS): Promise<number> => {
    const [row] = rowsOf<{ id: number }>(
      await database.db.execute(sql`SELECT id FROM people WHERE email = ${EMAILS[role]}`),
    );
    return Number(row!.id);
  };
  const id = (typename: string, n: number) => encodeGlobalId(typename, n);
  /** Rows of the audit trail, oldest first. */
  const auditRows = async () =>
    rowsOf<{ action: string; reason: string | null; organisation_id: number | null }>(
      await database.db.execute(
        sql`SELECT action, reason, organisation_id, location_id, edition_id, person_id, api_key_id, actor FROM audit_events ORDER BY id`,
      ),
    );
  return { fx, app, gql, as, keys, sessions, personId, id, auditRows };
}

/** A top-level GraphQL error's code, or `ok` when the field answered. */
export function outcome(response: { errors?: { extensions?: Record<string, unknown> }[] }): string {
  return (response.errors?.[0]?.extensions?.['code'] as string | undefined) ?? 'ok';
}
