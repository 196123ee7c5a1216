/**
 * Kept public answers across API processes on one PostgreSQL: an edition or organisation changed
 * through one process, or in SQL, is served new by another at once (the database announces it);
 * a venue changed in SQL, which nothing announces, within the other process's age limit.
 * Two real processes: this one (the app in-process) and one started with `src/server.ts`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
import { createApp } from '../src/yoga.ts';
import { type ApiProcess, freePort, post, startApiProcess, waitFor } from './live-support.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

const TTL_SECONDS = 2;

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let other: ApiProcess;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  other = await startApiProcess(t.url!, await freePort(), {
    TAFEL_RATE_LIMIT: 'off',
    TAFEL_RESPONSE_CACHE_TTL: String(TTL_SECONDS),
    LOG_LEVEL: 'silent',
  });
  app = createApp({ database: t.database, publicApi: { responseCache: true, rateLimit: false } });
  // This process follows the others' writes as server.ts does: its live hub LISTENs.
  await app.live.start();
});
afterAll(async () => {
  await app?.live.close();
  await other?.stop();
  await t?.close();
});

const QUERY =
  '{ edition(slug: "nid-test") { name } locations(edition: "nid-test", first: 50) { nodes { name organisation { name } } } }';

/** The other process's answer to the widget's kind of request: an anonymous GET, kept in its memory. */
async function readOther(): Promise<any> {
  const response = await fetch(`${other.url}/graphql?query=${encodeURIComponent(QUERY)}`, {
    headers: { accept: 'application/graphql-response+json' },
  });
  return ((await response.json()) as any).data;
}

describe('kept answers in another process', () => {
  it('serves an edition renamed through this process at once', async () => {
    expect((await readOther()).edition.name).toBe('Nationaal Integratiediner (test)');
    expect((await readOther()).edition.name).toBe('Nationaal Integratiediner (test)');
    const renamed = await app.fetch('http://tafel.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({
        query:
          'mutation { updateEdition(input: { slug: "nid-test", name: "Integratiediner 2027" }) { userErrors { message } } }',
      }),
    });
    expect(((await renamed.json()) as any).data.updateEdition.userErrors).toEqual([]);
    // Well within the age limit: only the announcement can make this happen.
    await waitFor(
      async () => (await readOther()).edition.name === 'Integratiediner 2027',
      1000,
      'the renamed edition in the other process',
    );
  });

  it('serves an edition and an organisation renamed in SQL at once: a trigger announces them', async () => {
    await readOther();
    await t.database.db.execute(
      sql`UPDATE editions SET name = 'Integratiediner (psql)' WHERE slug = 'nid-test'`,
    );
    await waitFor(
      async () => (await readOther()).edition.name === 'Integratiediner (psql)',
      1000,
      'the edition renamed in SQL',
    );
    await t.database.db.execute(
      sql`UPDATE organisations SET name = 'Gemeente Utrecht (psql)' WHERE slug = 'gemeente-utrecht'`,
    );
    await waitFor(
      async () =>
        (await readOther()).locations.nodes.some(
          (n: any) => n.organisation.name === 'Gemeente Utrecht (psql)',
        ),
      1000,
      'the organisation renamed in SQL',
    );
  });

  it('serves a venue changed in SQL, which nothing announces, within TAFEL_RESPONSE_CACHE_TTL', async () => {
    expect((await readOther()).locations.nodes.map((n: any) => n.name)).toContain(
      'Stadhuis Utrecht',
    );
    const started = Date.now();
    await t.database.db
      .update(locations)
      .set({ name: 'Stadhuis Utrecht (psql)' })
      .where(sql`${locations.id} = ${fx.locations['Stadhuis Utrecht']!.id}`);
    await waitFor(
      async () =>
        (await readOther()).locations.nodes.some((n: any) => n.name === 'Stadhuis Utrecht (psql)'),
      10_000,
      'the venue changed in SQL',
    );
    expect(Date.now() - started).toBeLessThan(TTL_SECONDS * 1000 + 1000);
  });

  it('works the other way round: an edition renamed through the other process is served new here at once', async () => {
    const read = async () => {
      const response = await app.fetch(
        `http://tafel.test/graphql?query=${encodeURIComponent(QUERY)}`,
        { headers: { accept: 'application/graphql-response+json' } },
      );
      return ((await response.json()) as any).data.edition.name;
    };
    expect(await read()).not.toBe('Integratiediner (andere)');
    const result = await post(
      other.url,
      'mutation { updateEdition(input: { slug: "nid-test", name: "Integratiediner (andere)" }) { userErrors { message } } }',
      {},
      staff,
    );
    expect(result.data.updateEdition.userErrors).toEqual([]);
    await waitFor(
      async () => (await read()) === 'Integratiediner (andere)',
      1000,
      'the edition renamed by the other process',
    );
  });
});
