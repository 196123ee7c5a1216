/**
 * DATABASE_READ_URL: anonymous reads go to a read replica; writes, keyed reads and LISTEN stay on
 * the primary. The "replica" here is a second database with the same schema and a renamed
 * edition, so every answer shows which database it came from. PostgreSQL only (a replica is a
 * second server; PGlite has none).
 */
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, databaseOptionsFromEnv, openDatabase } from '../src/db/client.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createApp } from '../src/yoga.ts';
import { serveHttp, subscribe } from './live-support.ts';
import {
  createClient,
  memberKey,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let primary: TestDb;
let replica: TestDb;
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;

beforeAll(async () => {
  primary = await openTestDatabase();
  replica = await openTestDatabase();
  fx = await seedFixture(primary.database);
  await seedFixture(replica.database);
  await replica.database.db.execute(
    sql`UPDATE editions SET name = 'From the replica' WHERE slug = 'nid-test'`,
  );
  // A replica behind the primary: the mosque's count not replayed yet.
  await replica.database.db.execute(
    sql`UPDATE locations SET participants = 0 WHERE external_id = 'b-1'`,
  );
  database = await openDatabase(
    databaseOptionsFromEnv({ DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url }),
  );
});
afterAll(async () => {
  await database?.close();
  await replica?.close();
  await primary?.close();
});

const EDITION = `query { edition(slug: "nid-test") { name } }`;

it('answers anonymous reads from the replica and keyed reads from the primary', async () => {
  const { gql } = createClient(database);
  const anonymous = await gql<{ edition: { name: string } }>(EDITION);
  expect(anonymous.data?.edition.name).toBe('From the replica');
  const keyed = await gql<{ edition: { name: string } }>(
    EDITION,
    {},
    { key: await memberKey(database, fx.asito.id) },
  );
  expect(keyed.data?.edition.name).toBe('Nationaal Integratiediner (test)');
});

it('counts stats on the primary, where the writes that refill their cache were announced', async () => {
  const { gql } = createClient(database);
  const [{ total }] = (await primary.database.db.execute(
    sql`SELECT sum(participants)::int AS total FROM locations WHERE edition_id = ${fx.edition.id} AND status = 'PUBLISHED'`,
  )) as unknown as [{ total: number }];
  const anonymous = await gql<{ stats: { participants: number } }>(
    `query { stats(edition: "nid-test") { participants } }`,
  );
  expect(anonymous.data?.stats.participants).toBe(total);
});

it('writes to the primary only, and LISTENs there', async () => {
  const { gql } = createClient(database);
  const heard: string[] = [];
  const unlisten = await database.listen('tafel_replica_test', (payload) => heard.push(payload));
  try {
    const stadhuis = fx.locations['Stadhuis Utrecht']!;
    const result = await gql(
      RecordArrivals.document,
      { input: { location: encodeGlobalId('Location', stadhuis.id), delta: 5 } },
      { key: await staffKey(database) },
    );
    expect(result.data?.['recordArrivals'].userErrors).toEqual([]);
    const participants = async (db: TestDb) =>
      (
        (await db.database.db.execute(
          sql`SELECT participants FROM locations WHERE external_id = 'u-1'`,
        )) as unknown as [{ participants: number }]
      )[0].participants;
    expect(await participants(primary)).toBe(125);
    expect(await participants(replica)).toBe(120);

    // A NOTIFY on the primary reaches the listener; one on the replica does not.
    for (const url of [replica.url!, primary.url!]) {
      const other = postgres(url, { max: 1, onnotice: () => {} });
      await other`SELECT pg_notify('tafel_replica_test', ${url === primary.url ? 'primary' : 'replica'})`;
      await other.end();
    }
    await expect.poll(() => heard, { timeout: 5000 }).toEqual(['primary']);
  } finally {
    await unlisten();
  }
});

it('feeds live subscribers from the primary, which announced the write', async () => {
  const server = await serveHttp(createApp({ database, publicApi: { responseCache: false } }));
  const stats = await subscribe(server.url, StatsChanged.document, { edition: 'nid-test' });
  try {
    const [{ total }] = (await primary.database.db.execute(
      sql`SELECT sum(participants)::int AS total FROM locations WHERE edition_id = ${fx.edition.id} AND status = 'PUBLISHED'`,
    )) as unknown as [{ total: number }];
    const first = await stats.until(() => true);
    expect(first.data.statsChanged.participants).toBe(total);
    const stadhuis = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
    await createClient(database).gql(
      RecordArrivals.document,
      { input: { location: stadhuis, delta: 1 } },
      { key: await staffKey(database) },
    );
    await stats.until((m) => m.data.statsChanged.participants === total + 1);
  } finally {
    stats.close();
    await server.close();
  }
});
