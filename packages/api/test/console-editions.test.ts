/**
 * An edition's life through the staff console: create, open, close, cancel and postpone (admins
 * only), the transitions allowed, postponing moving the venues' times, and participation accepted
 * only while an edition is OPEN. Every step is in the audit trail; a refusal changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions, locations } from '../src/db/schema.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { consoleWorld, outcome, ROLES } from './console-support.ts';
import { openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof consoleWorld>>;

beforeAll(async () => {
  t = await openTestDatabase();
  w = await consoleWorld(t.database);
});
afterAll(() => t?.close());

const FIELDS =
  'edition { slug status date statusReason postponedFrom } userErrors { field message code }';
const STEPS = {
  open: `mutation($input: OpenEditionInput!) { openEdition(input: $input) { ${FIELDS} } }`,
  close: `mutation($input: CloseEditionInput!) { closeEdition(input: $input) { ${FIELDS} } }`,
  cancel: `mutation($input: CancelEditionInput!) { cancelEdition(input: $input) { ${FIELDS} } }`,
  postpone: `mutation($input: PostponeEditionInput!) { postponeEdition(input: $input) { ${FIELDS} } }`,
};
const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { ${FIELDS} } }`;
const ARRIVE = `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { participants } userErrors { field message code } } }`;
const REPORT = `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { location { participants } userErrors { field message code } } }`;

async function run(name: keyof typeof STEPS, input: Record<string, unknown>, role = 'admin') {
  const response = await w.gql(STEPS[name], { input }, w.as(role as never));
  return response.data?.[`${name}Edition`] ?? outcome(response);
}

const edition = async (slug: string) =>
  (await t.database.db.select().from(editions).where(eq(editions.slug, slug)))[0]!;

describe('the life of an edition', () => {
  it('is in admins’ hands only: moderators, press, coordinators, keys and nobody are refused', async () => {
    const seen: Record<string, string[]> = {};
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'staffKey')) {
      seen[role] = [];
      const inputs = {
        open: {},
        close: {},
        cancel: { reason: 'x' },
        postpone: { reason: 'x', date: '2027-11-11' },
      };
      for (const [name, input] of Object.entries(inputs))
        seen[role].push(await run(name as never, { edition: 'nid-test', ...input }, role));
      seen[role].push(
        outcome(
          await w.gql(
            CREATE,
            { input: { slug: 'nid-x', name: 'X', date: '2028-01-01' } },
            w.as(role),
          ),
        ),
      );
    }
    const all = (code: string) => [code, code, code, code, code];
    expect(seen).toEqual({
      moderator: all('FORBIDDEN'),
      press: all('FORBIDDEN'),
      coordinator: all('FORBIDDEN'),
      key: all('FORBIDDEN'),
      anonymous: all('UNAUTHENTICATED'),
    });
    expect((await edition('nid-test')).status).toBe('OPEN');
    expect(await w.auditRows()).toEqual([]);
  });

  it('creates an edition, planned, and takes participation only once it is open', async () => {
    const made = await w.gql(
      CREATE,
      { input: { slug: 'nid-2028', name: 'NID 2028', date: '2028-10-12', status: 'PLANNED' } },
      w.as('admin'),
    );
    expect(made.data!['createEdition'].edition).toMatchObject({
      slug: 'nid-2028',
      status: 'PLANNED',
    });
    const created = await w.gql(
      'mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { code } } }',
      {
        input: {
          edition: 'nid-2028',
          name: 'Tafel 2028',
          coordinates: { lat: 52.37, lng: 4.89 },
          meal: 'DINNER',
          startsAt: '2028-10-12T18:00:00+02:00',
          capacity: 40,
        },
      },
      w.as('key'),
    );
    const venue = created.data!['createLocation'].location.id;
    const arrive = async () =>
      (await w.gql(ARRIVE, { input: { location: venue, delta: 3 } }, w.as('key'))).data![
        'recordArrivals'
      ];
    expect(await arrive()).toEqual({
      location: null,
      userErrors: [
        {
          field: ['input', 'location'],
          code: 'EDITION_NOT_OPEN',
          message: 'The edition is planned: participation is counted only while it is open.',
        },
      ],
    });
    expect(await run('open', { edition: 'nid-2028' })).toMatchObject({
      edition: { status: 'OPEN' },
      userErrors: [],
    });
    expect(await arrive()).toEqual({ location: { participants: 3 }, userErrors: [] });

    // Postponed: a reason and a new day; the venue's time moves with it, counting stops.
    expect(
      await run('postpone', { edition: 'nid-2028', reason: 'Storm', date: '2028-10-19' }),
    ).toEqual({
      edition: {
        slug: 'nid-2028',
        status: 'POSTPONED',
        date: '2028-10-19',
        statusReason: 'Storm',
        postponedFrom: '2028-10-12',
      },
      userErrors: [],
    });
    const [moved] = rowsOf<{ starts_at: string }>(
      await t.database.db.execute(
        sql`SELECT to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS starts_at FROM locations WHERE name = 'Tafel 2028'`,
      ),
    );
    expect(moved!.starts_at).toBe('2028-10-19 18:00');
    const report = await w.gql(
      REPORT,
      { input: { location: venue, participants: 9 } },
      w.as('key'),
    );
    expect(report.data!['reportParticipation'].userErrors[0]).toMatchObject({
      code: 'EDITION_NOT_OPEN',
      message: 'The edition is postponed: participation is counted only while it is open.',
    });
    expect(await run('open', { edition: 'nid-2028' })).toMatchObject({
      edition: { status: 'OPEN', statusReason: null },
    });
    expect(await arrive()).toEqual({ location: { participants: 6 }, userErrors: [] });

    expect(await run('close', { edition: 'nid-2028' })).toMatchObject({
      edition: { status: 'CLOSED' },
    });
    expect((await arrive()).userErrors[0].code).toBe('EDITION_CLOSED');
    const [count] = await t.database.db
      .select({ participants: locations.participants })
      .from(locations)
      .where(eq(locations.name, 'Tafel 2028'));
    expect(count!.participants).toBe(6);
  });

  it('cancels with a reason, for good; refused steps name the status and change nothing', async () => {
    expect(await run('cancel', { edition: 'other-day', reason: '' })).toMatchObject({
      edition: null,
      userErrors: [{ field: ['input', 'reason'], code: 'REQUIRED' }],
    });
    expect(
      await run('postpone', { edition: 'other-day', reason: 'x', date: '2026-10-08' }),
    ).toMatchObject({
      userErrors: [{ field: ['input', 'date'], code: 'INVALID' }],
    });
    expect(await run('open', { edition: 'no-such-day' })).toMatchObject({
      userErrors: [{ field: ['input', 'edition'], code: 'NOT_FOUND' }],
    });
    expect(await run('cancel', { edition: 'other-day', reason: 'No hosts' })).toMatchObject({
      edition: { status: 'CANCELLED', statusReason: 'No hosts' },
    });
    const before = await edition('other-day');
    for (const [name, input] of [
      ['open', {}],
      ['close', {}],
      ['postpone', { reason: 'x', date: '2026-12-01' }],
      ['cancel', { reason: 'again' }],
    ] as const) {
      expect(await run(name, { edition: 'other-day', ...input })).toEqual({
        edition: null,
        userErrors: [
          {
            field: ['input', 'edition'],
            code: 'INVALID_TRANSITION',
            message: expect.stringMatching(/^Another day is cancelled: it cannot be \w+ now\.$/),
          },
        ],
      });
    }
    expect(await edition('other-day')).toEqual(before);
    // Nor through updateEdition, which takes no reason.
    const viaUpdate = await w.gql(
      'mutation($input: UpdateEditionInput!) { updateEdition(input: $input) { userErrors { field code } } }',
      { input: { slug: 'nid-test', status: 'CANCELLED' } },
      w.as('admin'),
    );
    expect(viaUpdate.data!['updateEdition'].userErrors).toEqual([
      { field: ['status'], code: 'INVALID' },
    ]);
    // Its venues are read-only, and nobody counts there.
    const lastYear = w.id('Location', w.fx.locations['Vorig jaar']!.id);
    const arrive = await w.gql(ARRIVE, { input: { location: lastYear, delta: 1 } }, w.as('key'));
    expect(arrive.data!['recordArrivals'].userErrors[0].code).toBe('EDITION_NOT_OPEN');
  });

  it('writes every step to the audit trail, with its reason', async () => {
    const rows = rowsOf<{ action: string; reason: string | null; slug: string }>(
      await t.database.db.execute(
        sql`SELECT a.action, a.reason, e.slug FROM audit_events a JOIN editions e ON e.id = a.edition_id ORDER BY a.id`,
      ),
    );
    expect(rows.map((r) => [r.action, r.slug, r.reason])).toEqual([
      ['CREATE_EDITION', 'nid-2028', null],
      ['OPEN_EDITION', 'nid-2028', null],
      ['POSTPONE_EDITION', 'nid-2028', 'Storm'],
      ['OPEN_EDITION', 'nid-2028', null],
      ['CLOSE_EDITION', 'nid-2028', null],
      ['CANCEL_EDITION', 'other-day', 'No hosts'],
    ]);
  });
});

describe('the press contact', () => {
  const UPDATE = `mutation($input: UpdateEditionInput!) { updateEdition(input: $input) {
    edition { slug pressContact { name email phone } } userErrors { field code } } }`;
  const PUBLIC = `{ edition(slug: "nid-test") { pressContact { name email phone } } }`;
  const press = { name: 'Petra Pers', email: 'pers@federatie.example', phone: '+31 20 123 4567' };

  it('staff admins set it, everyone reads it, null removes it; the trail says only that it changed', async () => {
    expect((await w.gql(PUBLIC)).data!['edition'].pressContact).toBeNull();
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'staffKey')) {
      const before = await edition('nid-test');
      const refused = await w.gql(
        UPDATE,
        { input: { slug: 'nid-test', pressContact: press } },
        w.as(role),
      );
      expect(outcome(refused), role).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expect(await edition('nid-test')).toEqual(before);
    }
    const set = await w.gql(
      UPDATE,
      { input: { slug: 'nid-test', pressContact: press } },
      w.as('admin'),
    );
    expect(set.data!['updateEdition'].userErrors).toEqual([]);
    // Public: no key, no session.
    expect((await w.gql(PUBLIC)).data!['edition'].pressContact).toEqual(press);

    const trail = rowsOf<{ details: unknown }>(
      await t.database.db.execute(
        sql`SELECT details FROM audit_events WHERE action = 'UPDATE_EDITION' ORDER BY id DESC LIMIT 1`,
      ),
    );
    expect(trail[0]!.details).toEqual({ pressContact: { from: false, to: true } });
    expect(JSON.stringify(trail)).not.toContain(press.email);

    const cleared = await w.gql(
      UPDATE,
      { input: { slug: 'nid-test', pressContact: null } },
      w.as('admin'),
    );
    expect(cleared.data!['updateEdition'].edition.pressContact).toBeNull();
    const row = await edition('nid-test');
    expect([row.pressContactName, row.pressContactEmail, row.pressContactPhone]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('refuses a bad address or phone at its field, and changes nothing', async () => {
    const before = await edition('nid-test');
    const refused = await w.gql(
      UPDATE,
      {
        input: {
          slug: 'nid-test',
          name: 'Nieuwe naam',
          pressContact: { name: 'Petra', email: 'pers@', phone: '12' },
        },
      },
      w.as('admin'),
    );
    expect(refused.data!['updateEdition'].userErrors).toEqual([
      { field: ['pressContact', 'email'], code: 'INVALID' },
      { field: ['pressContact', 'phone'], code: 'INVALID' },
    ]);
    expect(await edition('nid-test')).toEqual(before);
  });
});
