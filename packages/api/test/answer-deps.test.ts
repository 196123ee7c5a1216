/**
 * Kept answers by what they depend on, through the real app: a participation write lets go of
 * answers that show counts and of no others, a venue edit in one edition leaves another's alone,
 * organisations changed let go of answers that show organisations. Answers with counts are served
 * at most TAFEL_COUNTS_STALE_MS after a count changed, computed afresh once meanwhile (single
 * flight), and a venue edit is never served stale.
 */
import { MapLocations } from '@tafel/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { createApp } from '../src/yoga.ts';
import {
  getAnswer,
  memberKey,
  openTestDatabase,
  seedFixture,
  staffKey,
  type TestDb,
} from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let staff: string;
let asito: string;

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  staff = await staffKey(t.database);
  asito = await memberKey(t.database, fx.asito.id);
});
afterAll(() => t.close());

type App = ReturnType<typeof createApp>;
const appWith = (countsStaleMs: number) =>
  createApp({
    database: t.database,
    publicApi: { responseCache: true, rateLimit: false, countsStaleMs },
  });

const get = getAnswer;

async function write(
  app: App,
  query: string,
  input: Record<string, unknown>,
  key = staff,
): Promise<void> {
  const response = await app.fetch('http://tafel.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  expect((Object.values(body.data)[0] as { userErrors: unknown[] }).userErrors).toEqual([]);
}

const REPORT =
  'mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { message } } }';
const UPDATE =
  'mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { userErrors { message } } }';
const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);
let count = 100;
const report = (app: App, name = 'Heracles Stadion') =>
  write(app, REPORT, { location: id(name), participants: ++count });

/** Kept (its ETag confirmed: 304) or not (200)? */
async function kept(app: App, query: string, etag: string): Promise<boolean> {
  return (await get(app, query, {}, etag)).status === 304;
}

describe('what a change lets go of', () => {
  const NAMES = '{ locations(edition: "nid-test", first: 50) { nodes { name } } }';
  const COUNTS = '{ locations(edition: "nid-test", first: 50) { nodes { name participants } } }';
  const OTHER = '{ locations(edition: "other-day", first: 50) { nodes { name } } }';
  const ORGS = '{ organisations(first: 50) { nodes { name } } }';

  it('a participation write: answers that show counts of that edition, no others', async () => {
    const app = appWith(0);
    const [names, counts, other, orgs] = await Promise.all(
      [NAMES, COUNTS, OTHER, ORGS].map((q) => get(app, q)),
    );
    await report(app);
    expect(await kept(app, NAMES, names!.etag!)).toBe(true);
    expect(await kept(app, OTHER, other!.etag!)).toBe(true);
    expect(await kept(app, ORGS, orgs!.etag!)).toBe(true);
    expect(await kept(app, COUNTS, counts!.etag!)).toBe(false);
  });

  it('seats and mixing per role: let go by their edition’s counts, not another edition’s change', async () => {
    const app = appWith(0);
    const SEATS =
      '{ locations(edition: "nid-test", first: 50) { nodes { name seatsByRole { role seats } mixing { role mixed } } } }';
    const MIXING = '{ stats(edition: "nid-test") { mixing { total { roles { role mixed } } } } }';
    // OTHER names the other edition to the app, so its change is known to be its own.
    const [seats, mixing] = await Promise.all([SEATS, MIXING, OTHER].map((q) => get(app, q)));
    // Another edition's venue changed: these answers stand.
    await write(app, UPDATE, { id: id('Vorig jaar'), description: `Edited ${++count}` }, asito);
    expect(await kept(app, SEATS, seats!.etag!)).toBe(true);
    expect(await kept(app, MIXING, mixing!.etag!)).toBe(true);
    await report(app);
    expect(await kept(app, SEATS, seats!.etag!)).toBe(false);
    expect(await kept(app, MIXING, mixing!.etag!)).toBe(false);
  });

  it('a venue edit in one edition: that edition’s answers, not another’s', async () => {
    const app = appWith(0);
    const [names, other, orgs] = await Promise.all([NAMES, OTHER, ORGS].map((q) => get(app, q)));
    await write(
      app,
      UPDATE,
      { id: id('Heracles Stadion'), description: `Edited ${++count}` },
      asito,
    );
    expect(await kept(app, OTHER, other!.etag!)).toBe(true);
    expect(await kept(app, ORGS, orgs!.etag!)).toBe(true);
    expect(await kept(app, NAMES, names!.etag!)).toBe(false);
  });

  it('a programme: let go by its edition’s programme change, not by counts or another edition’s', async () => {
    const app = appWith(0);
    const PROGRAMME =
      '{ locations(edition: "nid-test", first: 50) { nodes { programme { chair { role } sessions { title speakers { name role } } } } } }';
    const SET =
      'mutation($input: SetProgrammeInput!) { setProgramme(input: $input) { userErrors { message } } }';
    const chair = (role: string) => ({ name: 'Dagvoorzitter', role });
    const [programme] = await Promise.all([PROGRAMME, OTHER].map((q) => get(app, q)));
    await report(app);
    await write(
      app,
      SET,
      { location: id('Vorig jaar'), chair: chair(`Elders ${++count}`), sessions: [] },
      asito,
    );
    expect(await kept(app, PROGRAMME, programme!.etag!)).toBe(true);
    await write(
      app,
      SET,
      { location: id('Heracles Stadion'), chair: chair(`Hier ${++count}`), sessions: [] },
      asito,
    );
    expect(await kept(app, PROGRAMME, programme!.etag!)).toBe(false);
  });

  it('organisations changed: answers that show organisations, not venue-only ones', async () => {
    const app = appWith(0);
    const [names, orgs] = await Promise.all([NAMES, ORGS].map((q) => get(app, q)));
    await write(
      app,
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { message } } }',
      { slug: `org-${++count}`, name: 'Nieuwe organisatie' },
    );
    expect(await kept(app, NAMES, names!.etag!)).toBe(true);
    expect(await kept(app, ORGS, orgs!.etag!)).toBe(false);
  });
});

describe('answers with live counts', () => {
  const MAP = MapLocations.document;
  const vars = { edition: 'nid-test', first: 1000 };
  const heracles = (body: any) =>
    body.data.locations.nodes.find((n: { name: string }) => n.name.startsWith('Heracles')) as {
      name: string;
      participants: number;
    };
  const mapStatements = () =>
    t.counter.statements.filter((s) => /from "locations"/i.test(s) && /limit/i.test(s)).length;

  it('are served stale to concurrent readers at most within the bound, computed afresh by one of them', async () => {
    const BOUND = 400;
    const app = appWith(BOUND);
    const primed = await get(app, MAP, vars);
    // Shows counts: kept by browsers and CDNs no longer than the bound (under a second: 0).
    expect(primed.cacheControl).toBe('public, max-age=0');
    const before = heracles(primed.body).participants;
    // Single flight: twenty readers at once right after the change, one computation.
    await report(app);
    const now = count;
    t.counter.reset();
    const burst = await Promise.all(Array.from({ length: 20 }, () => get(app, MAP, vars)));
    expect(mapStatements()).toBe(1);
    for (const r of burst) expect([before, now]).toContain(heracles(r.body).participants);
    expect(heracles((await get(app, MAP, vars)).body).participants).toBe(now);

    // The bound: readers keep coming while counts change; none is served a count that a change
    // made longer ago than the bound has replaced.
    const madeAt = new Map<number, number>();
    let oldest = 0;
    const reader = async () => {
      for (let i = 0; i < 30; i++) {
        const at = performance.now();
        const shown = heracles((await get(app, MAP, vars)).body).participants;
        const replacedAt = madeAt.get(shown + 1);
        if (replacedAt !== undefined && replacedAt < at) oldest = Math.max(oldest, at - replacedAt);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    };
    const writer = async () => {
      for (let i = 0; i < 4; i++) {
        await report(app);
        madeAt.set(count, performance.now());
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };
    await Promise.all([reader(), reader(), reader(), writer()]);
    expect(oldest).toBeLessThanOrEqual(BOUND + 50);
  });

  it('a venue edit is never served stale, even while a count refresh is under way', async () => {
    const app = appWith(5000);
    await get(app, MAP, vars);
    await report(app);
    // One reader takes the refresh (and is slow to finish, on a busy machine: it may be in flight).
    const refresh = get(app, MAP, vars);
    await write(
      app,
      UPDATE,
      { id: id('Heracles Stadion'), name: `Heracles Stadion ${++count}` },
      asito,
    );
    const name = `Heracles Stadion ${count}`;
    const after = await Promise.all(Array.from({ length: 10 }, () => get(app, MAP, vars)));
    for (const r of after) expect(heracles(r.body).name).toBe(name);
    await refresh;
    expect(heracles((await get(app, MAP, vars)).body).name).toBe(name);
  });

  it('with the bound at 0, are never served stale', async () => {
    const app = appWith(0);
    await get(app, MAP, vars);
    await report(app);
    const after = await Promise.all(Array.from({ length: 10 }, () => get(app, MAP, vars)));
    for (const r of after) expect(heracles(r.body).participants).toBe(count);
  });
});
