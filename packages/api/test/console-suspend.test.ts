/**
 * Suspending an organisation: who may, what the public then sees of its venues (in every read:
 * the lists, compiled or not, `node`, the organisation's own list, stats, the open data, the live
 * feed, incremental sync), and its keys and coordinators refused for writes — until reinstated.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { consoleWorld, EMAILS, outcome, ROLES, type Role } from './console-support.ts';
import { serveHttp, subscribe } from './live-support.ts';
import { openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof consoleWorld>>;

beforeAll(async () => {
  t = await openTestDatabase();
  w = await consoleWorld(t.database);
});
afterAll(() => t?.close());

const SUSPEND = `mutation($input: SuspendOrganisationInput!) { suspendOrganisation(input: $input) {
  organisation { slug suspendedAt suspensionReason } userErrors { field message code } } }`;
const REINSTATE = `mutation($input: ReinstateOrganisationInput!) { reinstateOrganisation(input: $input) {
  organisation { slug suspendedAt } userErrors { field message code } } }`;

const asito = () => w.id('Organisation', w.fx.asito.id);

async function suspendedAt(): Promise<unknown> {
  const [row] = rowsOf<{ suspended_at: unknown }>(
    await t.database.db.execute(
      sql`SELECT suspended_at FROM organisations WHERE id = ${w.fx.asito.id}`,
    ),
  );
  return row!.suspended_at;
}

/** Every public read's view of Asito's venues in the edition: names, or totals. */
async function publicView() {
  const list = await w.gql(
    '{ locations(edition: "nid-test", first: 100) { totalCount nodes { name } } }',
  );
  // `full` is not compiled: this list is answered by the ordinary resolvers.
  const ordinary = await w.gql(
    '{ locations(edition: "nid-test", first: 100) { nodes { name full } } }',
  );
  const node = await w.gql('query($id: ID!) { node(id: $id) { id } location(id: $id) { name } }', {
    id: w.id('Location', w.fx.locations['Heracles Stadion']!.id),
  });
  const own = await w.gql(
    '{ organisations(first: 10) { nodes { slug locations(edition: "nid-test") { nodes { name } } } } }',
  );
  const stats = await w.gql('{ stats(edition: "nid-test") { participants } }');
  const exports: Record<string, boolean> = {};
  for (const format of ['geojson', 'csv', 'ics']) {
    const response = await w.app.fetch(`http://tafel.test/editions/nid-test/locations.${format}`);
    expect(response.status).toBe(200);
    exports[format] = (await response.text()).includes('Heracles Stadion');
  }
  const names = (nodes: { name: string }[]) =>
    nodes.map((n) => n.name).includes('Heracles Stadion');
  return {
    list: names(list.data!['locations'].nodes),
    totalCount: list.data!['locations'].totalCount,
    ordinary: names(ordinary.data!['locations'].nodes),
    node: node.data!['node'] !== null,
    location: node.data!['location'] !== null,
    own: (own.data!['organisations'].nodes as { slug: string; locations: { nodes: [] } }[]).find(
      (o) => o.slug === 'asito',
    )!.locations.nodes.length,
    participants: stats.data!['stats'].participants,
    ...exports,
  };
}

describe('suspendOrganisation and reinstateOrganisation', () => {
  it('refuse everyone but staff admins, and change nothing', async () => {
    const seen: Record<string, string> = {};
    for (const role of ROLES.filter((r: Role) => r !== 'admin' && r !== 'staffKey')) {
      const response = await w.gql(SUSPEND, { input: { id: asito(), reason: 'Test' } }, w.as(role));
      seen[role] = outcome(response);
    }
    expect(seen).toEqual({
      moderator: 'FORBIDDEN',
      press: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      key: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    });
    expect(await suspendedAt()).toBeNull();
    expect(await w.auditRows()).toEqual([]);
  });

  it('need a reason to suspend, a known organisation, and a change; refusals change nothing', async () => {
    const ask = async (query: string, input: Record<string, unknown>) =>
      (await w.gql(query, { input }, w.as('admin'))).data!;
    expect(
      (await ask(SUSPEND, { id: asito(), reason: '  ' }))['suspendOrganisation'].userErrors,
    ).toEqual([
      {
        field: ['input', 'reason'],
        code: 'REQUIRED',
        message: 'Give a reason: it is kept in the audit trail.',
      },
    ]);
    const unknown = await ask(SUSPEND, { id: w.id('Organisation', 9999), reason: 'x' });
    expect(unknown['suspendOrganisation'].userErrors[0].code).toBe('NOT_FOUND');
    const venue = await ask(SUSPEND, { id: w.id('Location', 1), reason: 'x' });
    expect(venue['suspendOrganisation'].userErrors[0].code).toBe('NOT_FOUND');
    const notSuspended = await ask(REINSTATE, { id: asito() });
    expect(notSuspended['reinstateOrganisation'].userErrors).toEqual([
      { field: ['input', 'id'], code: 'INVALID_TRANSITION', message: 'Asito is not suspended.' },
    ]);
    expect(await suspendedAt()).toBeNull();
    expect(await w.auditRows()).toEqual([]);
  });

  it('take its venues out of every public read, then back, and are in the audit trail', async () => {
    const visible = {
      list: true,
      totalCount: 5,
      ordinary: true,
      node: true,
      location: true,
      own: 2,
      participants: 980,
      geojson: true,
      csv: true,
      ics: true,
    };
    expect(await publicView()).toEqual(visible);
    const since = new Date().toISOString();

    const done = await w.gql(
      SUSPEND,
      { input: { id: asito(), reason: 'Unpaid membership' } },
      w.as('admin'),
    );
    expect(done.data!['suspendOrganisation']).toMatchObject({
      organisation: { slug: 'asito', suspensionReason: 'Unpaid membership' },
      userErrors: [],
    });
    expect(await publicView()).toEqual({
      list: false,
      totalCount: 3,
      ordinary: false,
      node: false,
      location: false,
      own: 0,
      participants: 390,
      geojson: false,
      csv: false,
      ics: false,
    });
    // Partners syncing incrementally are told the venues left.
    const removed = await w.gql(
      'query($since: DateTime!) { removedLocations(edition: "nid-test", since: $since) { nodes { id } } }',
      { since },
    );
    expect(removed.data!['removedLocations'].nodes).toHaveLength(2);
    // The suspension's reason and time are staff's only.
    const org = '{ organisations(search: "asito") { nodes { suspendedAt suspensionReason } } }';
    expect((await w.gql(org)).data!['organisations'].nodes[0]).toEqual({
      suspendedAt: null,
      suspensionReason: null,
    });
    expect(
      (await w.gql(org, {}, w.as('moderator'))).data!['organisations'].nodes[0].suspensionReason,
    ).toBe('Unpaid membership');
    // Staff still see the venue.
    const staffView = await w.gql(
      'query($id: ID!) { location(id: $id) { name } }',
      { id: w.id('Location', w.fx.locations['Heracles Stadion']!.id) },
      w.as('admin'),
    );
    expect(staffView.data!['location']).toEqual({ name: 'Heracles Stadion' });

    const back = await w.gql(REINSTATE, { input: { id: asito() } }, w.as('staffKey'));
    expect(back.data!['reinstateOrganisation']).toEqual({
      organisation: { slug: 'asito', suspendedAt: null },
      userErrors: [],
    });
    expect(await publicView()).toEqual(visible);
    const rows = await w.auditRows();
    expect(rows.map((r) => [r.action, r.reason, r.organisation_id])).toEqual([
      ['SUSPEND_ORGANISATION', 'Unpaid membership', w.fx.asito.id],
      ['REINSTATE_ORGANISATION', null, w.fx.asito.id],
    ]);
    expect(rows[0]).toMatchObject({ person_id: await w.personId('admin'), api_key_id: null });
    expect(JSON.stringify(rows)).not.toContain(EMAILS.admin);
  });

  it('stop its key and coordinators writing, with a clear error, until reinstated', async () => {
    const heracles = w.id('Location', w.fx.locations['Heracles Stadion']!.id);
    const UPDATE = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { name } userErrors { code } } }`;
    const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants } userErrors { code } } }`;
    const write = async (role: Role) => {
      const update = await w.gql(UPDATE, { input: { id: heracles, name: 'Heracles' } }, w.as(role));
      const arrive = await w.gql(ARRIVE, { input: { location: heracles, delta: 1 } }, w.as(role));
      return [update, arrive];
    };
    // Both work before (and the key is looked up, so a process keeps it for a while).
    for (const role of ['key', 'coordinator'] as const)
      for (const r of await write(role)) expect(outcome(r)).toBe('ok');
    const participants = async () =>
      rowsOf<{ participants: number; name: string }>(
        await t.database.db.execute(
          sql`SELECT participants, name FROM locations WHERE name LIKE 'Heracles%'`,
        ),
      )[0];
    const before = await participants();

    await w.gql(SUSPEND, { input: { id: asito(), reason: 'Spam' } }, w.as('admin'));
    for (const role of ['key', 'coordinator'] as const) {
      for (const response of await write(role)) {
        expect(response.errors?.[0]).toMatchObject({
          message:
            "Forbidden: the federation's staff have suspended Asito; its keys and coordinators may not write until it is reinstated.",
          extensions: { code: 'FORBIDDEN' },
        });
      }
    }
    expect(await participants()).toEqual(before);
    const invite = await w.gql(
      'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { userErrors { code } } }',
      { input: { organisation: 'asito', email: 'new.asito@console.test' } },
      w.as('coordinator'),
    );
    expect(invite.data!['invitePerson'].userErrors).toEqual([{ code: 'FORBIDDEN' }]);
    // Staff still may.
    const [, staffArrive] = await write('staffKey');
    expect(outcome(staffArrive!)).toBe('ok');

    await w.gql(REINSTATE, { input: { id: asito() } }, w.as('admin'));
    for (const r of await write('key')) expect(outcome(r)).toBe('ok');
  });

  it('keep a suspended organisation’s counts out of the live feed', async () => {
    const server = await serveHttp(w.app);
    const stream = await subscribe(
      server.url,
      'subscription { participationChanged(edition: "nid-test") { location { name } participants replay } }',
      {},
    );
    try {
      await stream.until((m) => m.data?.participationChanged?.replay === true);
      await w.gql(SUSPEND, { input: { id: asito(), reason: 'Spam' } }, w.as('admin'));
      const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { userErrors { code } } }`;
      for (const name of ['Heracles Stadion', 'Stadhuis Utrecht']) {
        const r = await w.gql(
          ARRIVE,
          { input: { location: w.id('Location', w.fx.locations[name]!.id), delta: 1 } },
          w.as('staffKey'),
        );
        expect(r.data!['recordArrivals'].userErrors).toEqual([]);
      }
      await stream.until(
        (m) => m.data?.participationChanged?.location?.name === 'Stadhuis Utrecht',
      );
      // Earlier tests' changes at Heracles may still be arriving (made while it was public): only
      // the count made while suspended must not.
      const [heracles] = rowsOf<{ participants: number }>(
        await t.database.db.execute(
          sql`SELECT participants FROM locations WHERE id = ${w.fx.locations['Heracles Stadion']!.id}`,
        ),
      );
      const leaked = stream.messages.filter(
        (m) =>
          m.data?.participationChanged?.replay === false &&
          m.data.participationChanged.location.name.startsWith('Heracles') &&
          m.data.participationChanged.participants === Number(heracles!.participants),
      );
      expect(leaked).toEqual([]);
    } finally {
      stream.close();
      await server.close();
    }
  });
});
