/**
 * Test support: a real database per test file — PGlite in memory by default, or, when
 * DATABASE_URL is set (CI's second pass), a fresh PostgreSQL database created for the file and
 * dropped after it. Requests go through the real app (`app.fetch`), nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Logger } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, expect } from 'vitest';
import { issueKey } from '../src/auth/keys.ts';
import { type Invitee, invitePerson, useLink } from '../src/auth/people.ts';
import { DEFAULT_SESSION_LIMITS, SESSION_COOKIE } from '../src/auth/sessions.ts';
import { type Database, type DatabaseOptions, openDatabase } from '../src/db/client.ts';
import { editions, locations, type NewLocation, organisations } from '../src/db/schema.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createHostLink } from '../src/locations/host-links.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { type AppOptions, createApp } from '../src/yoga.ts';

export const onPostgres = Boolean(process.env['DATABASE_URL']);

/** Counts the SQL statements drizzle sends, for N+1 tests. */
export class StatementCounter implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  reset(): void {
    this.statements = [];
  }
}

export interface TestDb {
  database: Database;
  counter: StatementCounter;
  /** A connection string for this file's database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

/** `options`: pool size and timeouts, for tests of the pools themselves (PostgreSQL). */
export async function openTestDatabase(
  options: Pick<DatabaseOptions, 'max' | 'publicStatementTimeoutMs'> = {},
): Promise<TestDb> {
  const counter = new StatementCounter();
  const base = process.env['DATABASE_URL'];
  if (!base) {
    const database = await openDatabase({ dataDir: 'memory://', logger: counter });
    await database.migrate();
    return { database, counter, close: () => database.close() };
  }
  const name = `tafel_t_${randomBytes(5).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    url: url.toString(),
    logger: counter,
    max: 20,
    ...options,
  });
  await database.migrate();
  return {
    database,
    counter,
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

/**
 * The app in-process. Its response cache is off unless asked for: tests that count SQL statements
 * or write rows directly would otherwise read answers cached before (test/public-api*.test.ts
 * turn it on). It counts rate limits in memory: on PostgreSQL the shared count would be one more
 * statement in every keyed request's tally (test/rate-limit-store.pg.test.ts covers that store).
 */
export function createClient(
  database: Database,
  publicApi: AppOptions['publicApi'] = { responseCache: false },
  logger?: AppOptions['logger'],
) {
  const app = createApp({
    database,
    publicApi: { rateLimitStore: 'memory', ...publicApi },
    ...(logger ? { logger } : {}),
  });
  async function gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options: { key?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await app.fetch('http://tafel.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  }
  return { app, gql };
}

/** A public GET of `query` from `app`, as a browser or CDN sends it (with the ETag it holds, if any). */
export async function getAnswer(
  app: ReturnType<typeof createApp>,
  query: string,
  variables: Record<string, unknown> = {},
  etag?: string,
): Promise<{ status: number; etag: string | null; body: any; cacheControl: string | null }> {
  const url = `http://tafel.test/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await app.fetch(url, {
    headers: {
      accept: 'application/graphql-response+json',
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? JSON.parse(text) : null,
    cacheControl: response.headers.get('cache-control'),
  };
}

/** An app's logger at the production level (info) that keeps each line it writes in `lines`. */
export function loggingTo(lines: string[]): pino.Logger {
  return pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
}

/** A small, fully known fixture: two organisations, one edition, venues with every trait the filters test. */
export async function seedFixture(database: Database) {
  const db = database.db;
  const [edition] = await db
    .insert(editions)
    .values({
      slug: 'nid-test',
      name: 'Nationaal Integratiediner (test)',
      date: '2027-10-14',
      timeZone: 'Europe/Amsterdam',
      country: 'NL',
    })
    .returning();
  const [other] = await db
    .insert(editions)
    .values({ slug: 'other-day', name: 'Another day', date: '2026-10-08' })
    .returning();
  const orgs = await db
    .insert(organisations)
    .values([
      { slug: 'asito', name: 'Asito', kind: 'COMPANY', approvedAt: new Date() },
      {
        slug: 'gemeente-utrecht',
        name: 'Gemeente Utrecht',
        kind: 'MUNICIPALITY',
        approvedAt: new Date(),
      },
      {
        slug: 'moskee-bergen-op-zoom',
        name: 'Moskee Bergen op Zoom',
        kind: 'FAITH_COMMUNITY',
        approvedAt: new Date(),
      },
    ])
    .returning();
  const [asito, utrecht, moskee] = orgs as [
    (typeof orgs)[number],
    (typeof orgs)[number],
    (typeof orgs)[number],
  ];
  const at = (hour: number) => new Date(Date.UTC(2027, 9, 14, hour - 2));
  const base = (o: { id: number }, e: { id: number }) => ({
    organisationId: o.id,
    editionId: e.id,
    country: 'NL',
  });
  const rows: NewLocation[] = [
    {
      ...base(utrecht, edition!),
      externalId: 'u-1',
      name: 'Stadhuis Utrecht',
      street: 'Stadsplateau 1',
      postalCode: '3521 AZ',
      city: 'Utrecht',
      region: 'NL-UT',
      lat: 52.0894,
      lng: 5.1077,
      meal: 'LUNCH',
      startsAt: at(12),
      endsAt: at(14),
      capacity: 150,
      participants: 120,
      targetGroups: ['REFUGEES', 'ELDERLY'],
      languages: ['nl', 'ar'],
      wheelchairAccessible: true,
      registrationUrl: 'https://example.org/utrecht',
    },
    {
      ...base(utrecht, edition!),
      externalId: 'u-2',
      name: 'Buurthuis De Ster',
      postalCode: '3532 AB',
      city: 'Utrecht',
      region: 'NL-UT',
      lat: 52.095,
      lng: 5.09,
      meal: 'DINNER',
      startsAt: at(18),
      endsAt: at(21),
      capacity: 40,
      participants: 30,
      targetGroups: ['NEIGHBOURS'],
      languages: ['nl'],
    },
    {
      ...base(moskee, edition!),
      externalId: 'b-1',
      name: 'Moskee Bergen op Zoom',
      postalCode: '4611 AA',
      city: 'Bergen op Zoom',
      region: 'NL-NB',
      lat: 51.4949,
      lng: 4.2911,
      meal: 'DINNER',
      capacity: 250,
      participants: 240,
      targetGroups: ['ELDERLY', 'FAITH_COMMUNITIES'],
      languages: ['nl', 'tr', 'ar'],
    },
    {
      ...base(asito, edition!),
      externalId: 'a-1',
      name: 'Heracles Stadion',
      postalCode: '7601 XA',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.3538,
      lng: 6.6545,
      meal: 'DINNER',
      capacity: 600,
      participants: 580,
      targetGroups: ['REFUGEES', 'EMPLOYEES', 'ELDERLY'],
      languages: ['nl'],
    },
    {
      ...base(asito, edition!),
      externalId: 'a-2',
      name: 'Ontbijt AZC Almelo',
      street: 'Geheimweg 12',
      postalCode: '7602 AA',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.36789,
      lng: 6.66789,
      sensitive: true,
      meal: 'BREAKFAST',
      capacity: 60,
      participants: 10,
      targetGroups: ['REFUGEES'],
      languages: ['ar', 'ti'],
    },
    {
      ...base(asito, edition!),
      externalId: 'a-3',
      name: 'Geannuleerd diner',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      meal: 'DINNER',
      capacity: 20,
      participants: 0,
      status: 'CANCELLED',
    },
    {
      ...base(asito, edition!),
      externalId: 'a-4',
      name: 'Concept lunch',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      meal: 'LUNCH',
      capacity: 20,
      participants: 0,
      status: 'DRAFT',
    },
    {
      ...base(asito, other!),
      externalId: 'a-9',
      name: 'Vorig jaar',
      city: 'Almelo',
      region: 'NL-OV',
      lat: 52.35,
      lng: 6.66,
      meal: 'LUNCH',
      capacity: 20,
      participants: 5,
    },
  ];
  const inserted = await db.insert(locations).values(rows).returning();
  const byName = Object.fromEntries(inserted.map((l) => [l.name, l]));
  return { edition: edition!, other: other!, asito, utrecht, moskee, locations: byName };
}

export async function staffKey(database: Database): Promise<string> {
  return (
    await issueKey(database.db, {
      organisationId: null,
      scopes: ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'],
      label: 'test staff',
    })
  ).secret;
}

/** A signed-in person's session token: invited and their invitation used, as through the pages. */
export async function personSession(database: Database, invitee: Invitee): Promise<string> {
  const invited = await invitePerson(database.db, 'operator', invitee);
  if (!invited.ok) throw new Error(invited.errors.map((e) => e.message).join('; '));
  const used = await useLink(database.db, invited.token, DEFAULT_SESSION_LIMITS);
  if (!used.ok) throw new Error(used.message);
  return used.session.token;
}

/** What a browser sends with a session from the site's own page (createClient's origin). */
export function sessionHeaders(
  token: string,
  origin = 'http://tafel.test',
): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}`, origin, 'sec-fetch-site': 'same-origin' };
}

export async function memberKey(
  database: Database,
  organisationId: number,
  scopes: ('LOCATIONS_WRITE' | 'PARTICIPATION_WRITE')[] = [
    'LOCATIONS_WRITE',
    'PARTICIPATION_WRITE',
  ],
): Promise<string> {
  return (await issueKey(database.db, { organisationId, scopes, label: 'test member' })).secret;
}

/** The members' publishing tests' world (publish*.test.ts): the fixture, the app, and keys of each kind. */
export interface PublishFixture {
  t: TestDb;
  gql: ReturnType<typeof createClient>['gql'];
  fx: Awaited<ReturnType<typeof seedFixture>>;
  /** staff, asito, utrecht, asitoParticipationOnly, asitoVenuesOnly, one revoked, and hostLink (Heracles Stadion's). */
  keys: Record<string, string>;
  /**
   * Session tokens of signed-in people: asitoPerson and utrechtPerson (coordinators), adminPerson,
   * moderatorPerson, pressPerson, and endedPerson (signed out everywhere).
   */
  sessions: Record<string, string>;
  /** Everything a mutation could change, as plain data (minus key use times). */
  snapshot(): Promise<any>;
  /** A fixture venue's global id. */
  id(name: string): string;
}

/** Set up a PublishFixture before the file's tests and close it after. */
export function usePublishFixture(): PublishFixture {
  const keys: Record<string, string> = {};
  const sessions: Record<string, string> = {};
  const f = {
    keys,
    sessions,
    async snapshot() {
      const tables = [
        'editions',
        'organisations',
        'locations',
        'location_changes',
        'participation_log',
        'participation_requests',
        'host_links',
        'programme_sessions',
        'programme_speakers',
      ];
      const out: Record<string, unknown> = {};
      for (const table of tables) {
        out[table] = rowsOf(
          await f.t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)),
        );
      }
      out['location_cohosts'] = rowsOf(
        await f.t.database.db.execute(
          sql.raw(`SELECT * FROM location_cohosts ORDER BY location_id, organisation_id`),
        ),
      );
      out['organisation_counts'] = rowsOf(
        await f.t.database.db.execute(
          sql.raw(
            `SELECT * FROM organisation_counts ORDER BY edition_id, organisation_id, measure`,
          ),
        ),
      );
      out['api_keys'] = rowsOf(
        await f.t.database.db.execute(
          sql.raw(`SELECT id, prefix, scopes, revoked_at FROM api_keys ORDER BY id`),
        ),
      );
      out['people'] = rowsOf(
        await f.t.database.db.execute(sql.raw(`SELECT * FROM people ORDER BY id`)),
      );
      out['person_links'] = rowsOf(
        await f.t.database.db.execute(sql.raw(`SELECT * FROM person_links ORDER BY id`)),
      );
      out['sessions'] = rowsOf(
        await f.t.database.db.execute(
          sql.raw(`SELECT id, person_id, expires_at, revoked_at FROM sessions ORDER BY id`),
        ),
      );
      return JSON.parse(JSON.stringify(out));
    },
    id: (name: string) => encodeGlobalId('Location', f.fx.locations[name]!.id),
  } as PublishFixture;
  beforeAll(async () => {
    const t = await openTestDatabase();
    const fx = await seedFixture(t.database);
    const gql = createClient(t.database).gql;
    f.t = t;
    f.fx = fx;
    f.gql = gql;
    keys['staff'] = await staffKey(t.database);
    keys['asito'] = await memberKey(t.database, fx.asito.id);
    keys['utrecht'] = await memberKey(t.database, fx.utrecht.id);
    keys['asitoParticipationOnly'] = await memberKey(t.database, fx.asito.id, [
      'PARTICIPATION_WRITE',
    ]);
    keys['asitoVenuesOnly'] = await memberKey(t.database, fx.asito.id, ['LOCATIONS_WRITE']);
    keys['revoked'] = await memberKey(t.database, fx.asito.id);
    sessions['asitoPerson'] = await personSession(t.database, {
      email: 'coordinator@asito.test',
      organisationId: fx.asito.id,
    });
    sessions['utrechtPerson'] = await personSession(t.database, {
      email: 'coordinator@utrecht.test',
      organisationId: fx.utrecht.id,
    });
    sessions['adminPerson'] = await personSession(t.database, {
      email: 'admin@federation.test',
      role: 'admin',
    });
    sessions['moderatorPerson'] = await personSession(t.database, {
      email: 'moderator@federation.test',
      role: 'moderator',
    });
    sessions['pressPerson'] = await personSession(t.database, {
      email: 'press@federation.test',
      role: 'press',
    });
    sessions['endedPerson'] = await personSession(t.database, {
      email: 'ended@asito.test',
      organisationId: fx.asito.id,
    });
    const ended = await gql(
      `mutation { signOutEverywhere { signedOut } }`,
      {},
      { headers: sessionHeaders(sessions['endedPerson']) },
    );
    expect(ended.data!['signOutEverywhere'].signedOut).toBe(1);
    keys['hostLink'] = (
      await createHostLink(
        t.database.db,
        { organisationId: null, keyId: null, name: 'test' },
        fx.locations['Heracles Stadion']!.id,
      )
    ).token!;
    const revoke = await gql(
      `mutation($p: String!) { revokeApiKey(input: { prefix: $p }) { apiKey { revokedAt } userErrors { code } } }`,
      { p: keys['revoked'].slice(0, 14) },
      { key: keys['staff'] },
    );
    expect(revoke.data!['revokeApiKey'].userErrors).toEqual([]);
  });
  afterAll(() => f.t.close());
  return f;
}

const PAYLOAD = `location { id name status capacity participants organisation { slug } } userErrors { field message code }`;
/** A createLocation input that passes, with `extra` laid over it. */
export const venue = (extra: Record<string, unknown> = {}) => ({
  edition: 'nid-test',
  name: 'Nieuwe tafel',
  coordinates: { lat: 52.37, lng: 4.89 },
  meal: 'DINNER',
  address: { city: 'Amsterdam', region: 'NL-NH', postalCode: '1012 AB' },
  capacity: 40,
  ...extra,
});

/** Altinget's integration network (#19): its meetings are in Danish time, August to December 2021. */
export const ALTINGET_2021 = {
  slug: 'altinget-2021',
  name: 'Altingets integrationspolitiske netværk 2021',
  date: '2021-08-12',
  endDate: '2021-12-06',
  timeZone: 'Europe/Copenhagen',
  country: 'DK',
  status: 'OPEN',
};

export const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { ${PAYLOAD} } }`;
export const UPDATE = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { ${PAYLOAD} } }`;
export const CANCEL = `mutation($input: CancelLocationInput!) { cancelLocation(input: $input) { ${PAYLOAD} } }`;
export const UPSERT = `mutation($input: UpsertLocationsInput!) { upsertLocations(input: $input) { created updated unchanged cancelled locations { externalId name } userErrors { field message code } } }`;

/**
 * Expect a mutation to be refused with these userErrors (paths compared as strings, as they come:
 * `["locations", "0", …]`) and to change nothing at all.
 */
export async function refusedUnchanged(
  f: PublishFixture,
  send: () => Promise<{ data?: any; errors?: unknown }>,
  pick: (data: any) => { field: unknown; code: string }[],
  expected: { field: unknown; code: string }[],
) {
  const before = await f.snapshot();
  const r = await send();
  expect(r.errors).toBeUndefined();
  const asText = (list: { field: unknown; code: string }[]) =>
    list.map(({ field, code }) => ({ field: (field as unknown[] | null)?.map(String), code }));
  expect(asText(pick(r.data))).toEqual(asText(expected));
  expect(await f.snapshot()).toEqual(before);
}
