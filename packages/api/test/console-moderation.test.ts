/**
 * Venue moderation: approve, reject and unpublish one venue, each by staff admins and moderators
 * only, reject and unpublish with a reason; every step in the venue's changes and the audit trail,
 * and a refusal changes nothing. Also the staff list of venues awaiting approval.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../src/db/schema.ts';
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

const step = (field: string, input: string) =>
  `mutation($input: ${input}!) { ${field}(input: $input) { location { name status awaitingApproval } userErrors { field message code } } }`;
const APPROVE = step('approveLocation', 'ApproveLocationInput');
const REJECT = step('rejectLocation', 'RejectLocationInput');
const UNPUBLISH = step('unpublishLocation', 'UnpublishLocationInput');
const AWAITING = `{ locationsAwaitingApproval(edition: "nid-test") { nodes { name } } }`;

const venue = (name: string) => w.fx.locations[name]!;
const gid = (name: string) => w.id('Location', venue(name).id);

async function state(name: string) {
  const [row] = await t.database.db
    .select({ status: locations.status, awaitingApproval: locations.awaitingApproval })
    .from(locations)
    .where(eq(locations.id, venue(name).id));
  return row!;
}

async function offer(name: string) {
  await t.database.db
    .update(locations)
    .set({ status: 'PUBLISHED', awaitingApproval: true })
    .where(eq(locations.id, venue(name).id));
}

const publicNames = async () =>
  (
    (await w.gql('{ locations(edition: "nid-test", first: 100) { nodes { name } } }')).data![
      'locations'
    ].nodes as { name: string }[]
  ).map((n) => n.name);

describe('venue moderation', () => {
  it('is for staff admins and moderators only; others are refused and nothing changes', async () => {
    await offer('Stadhuis Utrecht');
    const seen: Record<string, string[]> = {};
    for (const role of ROLES.filter(
      (r) => r !== 'admin' && r !== 'moderator' && r !== 'staffKey',
    )) {
      seen[role] = [];
      for (const query of [APPROVE, REJECT, UNPUBLISH, AWAITING]) {
        const input = { id: gid('Stadhuis Utrecht'), reason: 'Test' };
        seen[role].push(outcome(await w.gql(query, { input }, w.as(role))));
      }
    }
    const refused = (code: string) => [code, code, code, code];
    expect(seen).toEqual({
      press: refused('FORBIDDEN'),
      coordinator: refused('FORBIDDEN'),
      key: refused('FORBIDDEN'),
      anonymous: refused('UNAUTHENTICATED'),
    });
    expect(await state('Stadhuis Utrecht')).toEqual({
      status: 'PUBLISHED',
      awaitingApproval: true,
    });
    expect(await w.auditRows()).toEqual([]);
  });

  it('lists the venues waiting, and approving one makes it public', async () => {
    const waiting = await w.gql(AWAITING, {}, w.as('moderator'));
    expect(waiting.data!['locationsAwaitingApproval'].nodes).toEqual([
      { name: 'Stadhuis Utrecht' },
    ]);
    expect(await publicNames()).not.toContain('Stadhuis Utrecht');
    const done = await w.gql(
      APPROVE,
      { input: { id: gid('Stadhuis Utrecht') } },
      w.as('moderator'),
    );
    expect(done.data!['approveLocation']).toEqual({
      location: { name: 'Stadhuis Utrecht', status: 'PUBLISHED', awaitingApproval: false },
      userErrors: [],
    });
    expect(await publicNames()).toContain('Stadhuis Utrecht');
    const again = await w.gql(APPROVE, { input: { id: gid('Stadhuis Utrecht') } }, w.as('admin'));
    expect(again.data!['approveLocation'].userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: 'The venue is not waiting for approval.',
      },
    ]);
  });

  it('rejects with a reason: the venue becomes a draft, and republishing it waits for approval again', async () => {
    await offer('Buurthuis De Ster');
    const noReason = await w.gql(
      REJECT,
      { input: { id: gid('Buurthuis De Ster'), reason: ' ' } },
      w.as('moderator'),
    );
    expect(noReason.data!['rejectLocation'].userErrors[0]).toMatchObject({
      field: ['input', 'reason'],
      code: 'REQUIRED',
    });
    expect(await state('Buurthuis De Ster')).toEqual({
      status: 'PUBLISHED',
      awaitingApproval: true,
    });
    const done = await w.gql(
      REJECT,
      { input: { id: gid('Buurthuis De Ster'), reason: 'No address given' } },
      w.as('moderator'),
    );
    expect(done.data!['rejectLocation']).toEqual({
      location: { name: 'Buurthuis De Ster', status: 'DRAFT', awaitingApproval: true },
      userErrors: [],
    });
    // The coordinator publishes it again: it is offered, not public.
    const republished = await w.gql(
      'mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { status awaitingApproval } userErrors { code } } }',
      { input: { id: gid('Buurthuis De Ster'), status: 'PUBLISHED' } },
      w.as('staffKey'),
    );
    expect(republished.data!['updateLocation'].location).toEqual({
      status: 'PUBLISHED',
      awaitingApproval: true,
    });
    expect(await publicNames()).not.toContain('Buurthuis De Ster');
  });

  it('unpublishes a published venue with a reason; a draft cannot be unpublished', async () => {
    expect(await publicNames()).toContain('Heracles Stadion');
    const done = await w.gql(
      UNPUBLISH,
      { input: { id: gid('Heracles Stadion'), reason: 'Offensive description' } },
      w.as('admin'),
    );
    expect(done.data!['unpublishLocation']).toEqual({
      location: { name: 'Heracles Stadion', status: 'DRAFT', awaitingApproval: true },
      userErrors: [],
    });
    expect(await publicNames()).not.toContain('Heracles Stadion');
    const draft = await w.gql(
      UNPUBLISH,
      { input: { id: gid('Concept lunch'), reason: 'x' } },
      w.as('admin'),
    );
    expect(draft.data!['unpublishLocation'].userErrors[0]).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'The venue is draft, not published.',
    });
    const unknown = await w.gql(
      UNPUBLISH,
      { input: { id: w.id('Organisation', venue('Concept lunch').id), reason: 'x' } },
      w.as('admin'),
    );
    expect(unknown.data!['unpublishLocation'].userErrors[0].code).toBe('NOT_FOUND');
  });

  it('keeps each step, with its reason and who, in the audit trail and the venue’s changes', async () => {
    const rows = await w.auditRows();
    expect(rows.map((r) => [r.action, r.reason])).toEqual([
      ['APPROVE_LOCATION', null],
      ['REJECT_LOCATION', 'No address given'],
      ['UNPUBLISH_LOCATION', 'Offensive description'],
    ]);
    expect(rows[0]).toMatchObject({
      person_id: await w.personId('moderator'),
      location_id: venue('Stadhuis Utrecht').id,
      edition_id: w.fx.edition.id,
      organisation_id: w.fx.utrecht.id,
    });
    const changes = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM location_changes WHERE action IN ('APPROVE', 'REJECT', 'UNPUBLISH') ORDER BY id`,
      ),
    );
    expect(changes.map((c) => c.action)).toEqual(['APPROVE', 'REJECT', 'UNPUBLISH']);
  });
});
