/**
 * PostgreSQL restarts under a running API process: /ready and writes answer 503 while it is down,
 * and the API, its LISTEN connection and its subscribers recover without a restart. Subscribers get the
 * current counts after recovery, even of a change they never heard of; a subscription made with
 * an API key that was revoked unheard ends.
 *
 * The machine's shared PostgreSQL keeps serving the other test files, so this test starts a
 * private cluster of its own (as the `postgres` user: it needs root, which CI has). It runs in the
 * PostgreSQL suite only (see vitest.config.ts).
 */
import { RecordArrivals, StatsChanged } from '@tafel/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import {
  type ApiProcess,
  freePort,
  post,
  startApiProcess,
  subscribe,
  waitFor,
} from './live-support.ts';
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.ts';
import { memberKey, seedFixture, staffKey } from './support.ts';

let pg: PrivatePostgres;
let api: ApiProcess | undefined;
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let member: string;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  database = await openDatabase({ url: pg.url, max: 2 });
  await database.migrate();
  fx = await seedFixture(database);
  staff = await staffKey(database);
  member = await memberKey(database, fx.asito.id);
  api = await startApiProcess(pg.url, await freePort());
});
afterAll(async () => {
  await api?.stop();
  await database?.close();
  pg?.destroy();
});

const ready = async () => (await fetch(`${api!.url}/ready`)).status;

it('survives a PostgreSQL restart: 503 meanwhile, then the current counts to every subscriber', async () => {
  const stadhuis = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
  const changes = await subscribe(
    api!.url,
    `subscription($e: String!) { participationChanged(edition: $e) { location { id } participants total replay } }`,
    { e: 'nid-test' },
  );
  const stats = await subscribe(api!.url, StatsChanged.document, { edition: 'nid-test' });
  const keyed = await subscribe(
    api!.url,
    `subscription($e: String!) { participationChanged(edition: $e) { replay } }`,
    { e: 'nid-test' },
    { authorization: `Bearer ${member}` },
  );
  const kept = await subscribe(
    api!.url,
    `subscription($e: String!) { participationChanged(edition: $e) { replay } }`,
    { e: 'nid-test' },
    { authorization: `Bearer ${staff}` },
  );
  let keyedEnded = false;
  let keptEnded = false;
  void keyed.ended.then(() => (keyedEnded = true));
  void kept.ended.then(() => (keptEnded = true));
  try {
    await changes.until(() => true);
    await stats.until(() => true);
    await keyed.until(() => true);
    await kept.until(() => true);
    expect(await ready()).toBe(200);
    // A change that no one announces, as if its NOTIFY were lost in the outage.
    await database.db.execute(
      sql`UPDATE locations SET participants = 133, updated_at = now() WHERE id = ${fx.locations['Stadhuis Utrecht']!.id}`,
    );
    // And a key revoked unheard (its trigger's notice lost the same way).
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`UPDATE api_keys SET revoked_at = now() WHERE prefix = ${member.slice(0, 14)}`,
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(keyedEnded).toBe(false);

    pg.stop();
    expect(await waitFor(async () => (await ready()) === 503, 15_000, '/ready to answer 503')).toBe(
      true,
    );
    const during = await post(
      api!.url,
      RecordArrivals.document,
      { input: { location: stadhuis, delta: 1 } },
      staff,
    );
    expect(during.errors ?? during.data?.recordArrivals.userErrors).toBeTruthy();

    const seen = {
      changes: changes.messages.length,
      stats: stats.messages.length,
      kept: kept.messages.length,
    };
    expect(changes.messages.some((m) => m.data.participationChanged.participants === 133)).toBe(
      false,
    );
    pg.start();
    await waitFor(async () => (await ready()) === 200, 30_000, '/ready to answer 200 again');

    const [{ total }] = (await database.db.execute(
      sql`SELECT sum(participants)::int AS total FROM locations WHERE edition_id = ${fx.edition.id} AND status = 'PUBLISHED'`,
    )) as unknown as [{ total: number }];
    const caught = await changes.until(
      (m) =>
        m.data.participationChanged.location.id === stadhuis &&
        m.data.participationChanged.participants === 133,
      { from: seen.changes, timeoutMs: 30_000 },
    );
    expect(caught.data.participationChanged).toMatchObject({ replay: true, total });
    await stats.until((m) => m.data.statsChanged.participants === total, {
      from: seen.stats,
      timeoutMs: 30_000,
    });
    // The keys were looked at again: the one revoked meanwhile ended its subscription.
    expect(
      await waitFor(async () => keyedEnded, 15_000, 'the revoked key’s subscription to end'),
    ).toBe(true);

    // And live again: a write through the API reaches both streams.
    const after = await post(
      api!.url,
      RecordArrivals.document,
      { input: { location: stadhuis, delta: 2 } },
      staff,
    );
    expect(after.data.recordArrivals.userErrors).toEqual([]);
    await changes.until(
      (m) =>
        m.data.participationChanged.participants === 135 && !m.data.participationChanged.replay,
      { from: seen.changes },
    );
    await stats.until((m) => m.data.statsChanged.participants === total + 2, { from: seen.stats });
    // A subscription whose key is still good went on.
    await kept.until((m) => !m.data.participationChanged.replay, { from: seen.kept });
    expect(keptEnded).toBe(false);
    expect(api!.child.exitCode).toBeNull();
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n--- API output ---\n${api!.output().slice(-4000)}`,
    );
  } finally {
    changes.close();
    stats.close();
    keyed.close();
    kept.close();
  }
});

it('answers writes with 503, Retry-After and SERVICE_UNAVAILABLE while PostgreSQL is down, and takes them again once it is back', async () => {
  const stadhuis = encodeGlobalId('Location', fx.locations['Stadhuis Utrecht']!.id);
  // A key the process knows by now, and one it will have to look up in the database.
  const unseen = await memberKey(database, fx.utrecht.id);
  const arrive = async (key: string) => {
    const response = await fetch(`${api!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: RecordArrivals.document,
        variables: { input: { location: stadhuis, delta: 1 } },
      }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as any,
    };
  };
  expect((await arrive(staff)).body.data.recordArrivals.userErrors).toEqual([]);

  pg.stop();
  try {
    await waitFor(async () => (await ready()) === 503, 15_000, '/ready to answer 503');
    for (const key of [staff, unseen]) {
      const during = await arrive(key);
      expect(during.status, JSON.stringify(during.body)).toBe(503);
      expect(during.retryAfter).toMatch(/^\d+$/);
      expect(during.body.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);
      expect(during.body.errors[0].message).toMatch(/database is unavailable/);
    }
  } finally {
    pg.start();
  }
  await waitFor(async () => (await ready()) === 200, 30_000, '/ready to answer 200 again');
  const after = await waitFor(
    async () => {
      const r = await arrive(unseen);
      return r.status === 200 ? r : null;
    },
    30_000,
    'a write to go through again',
  );
  expect(after.body.data.recordArrivals.userErrors).toEqual([]);
  expect(api!.output()).not.toMatch(/Unexpected error/);
});
