/**
 * The audit trail as staff read it: `auditEvents(filter, first, after)`, newest first, filtered by
 * organisation, venue, person and time; for admins and moderators only; a person by name, never an
 * address; and the table append-only.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, EMAILS, outcome, ROLES } from './console-support.ts';
import { openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof consoleWorld>>;
let middle: string;

const AUDIT = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id action reason at actor { kind label name } changes { field from to }
      organisation { slug } location { name } edition { slug } }
  }
}`;

beforeAll(async () => {
  t = await openTestDatabase();
  w = await consoleWorld(t.database);
  const heracles = w.id('Location', w.fx.locations['Heracles Stadion']!.id);
  const ask = (
    query: string,
    input: Record<string, unknown>,
    role: 'admin' | 'moderator' | 'staffKey',
  ) => w.gql(query, { input }, w.as(role));
  await ask(
    'mutation($input: SuspendOrganisationInput!) { suspendOrganisation(input: $input) { userErrors { code } } }',
    { id: w.id('Organisation', w.fx.moskee.id), reason: 'Complaint' },
    'admin',
  );
  middle = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  await ask(
    'mutation($input: UnpublishLocationInput!) { unpublishLocation(input: $input) { userErrors { code } } }',
    { id: heracles, reason: 'Wrong address' },
    'moderator',
  );
  await ask(
    'mutation($input: PostponeEditionInput!) { postponeEdition(input: $input) { userErrors { code } } }',
    { edition: 'nid-test', reason: 'Storm', date: '2027-10-21' },
    'staffKey',
  );
});
afterAll(() => t?.close());

const read = async (
  variables: Record<string, unknown> = {},
  role: 'admin' | 'moderator' = 'admin',
) => {
  const response = await w.gql(AUDIT, variables, w.as(role));
  expect(response.errors).toBeUndefined();
  return response.data!['auditEvents'];
};
const actions = (page: { nodes: { action: string }[] }) => page.nodes.map((n) => n.action);

describe('auditEvents', () => {
  it('is for staff admins and moderators only', async () => {
    const seen = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, outcome(await w.gql(AUDIT, {}, w.as(role)))]),
      ),
    );
    expect(seen).toEqual({
      admin: 'ok',
      moderator: 'ok',
      staffKey: 'ok',
      press: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      key: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    });
  });

  it('lists the events newest first, with who (by name), why, and what changed', async () => {
    const page = await read();
    expect(actions(page)).toEqual([
      'POSTPONE_EDITION',
      'UNPUBLISH_LOCATION',
      'SUSPEND_ORGANISATION',
    ]);
    const [postpone, unpublish, suspend] = page.nodes;
    expect(suspend).toMatchObject({
      reason: 'Complaint',
      actor: { kind: 'PERSON', name: 'Ada Admin', label: `person:${await w.personId('admin')}` },
      organisation: { slug: 'moskee-bergen-op-zoom' },
      location: null,
      changes: [{ field: 'suspended', from: 'false', to: 'true' }],
    });
    expect(unpublish).toMatchObject({
      actor: { kind: 'PERSON', name: 'Mo Moderator' },
      location: { name: 'Heracles Stadion' },
      organisation: { slug: 'asito' },
      edition: { slug: 'nid-test' },
    });
    expect(postpone.actor).toMatchObject({ kind: 'API_KEY', name: null });
    expect(postpone.changes).toContainEqual({
      field: 'date',
      from: '"2027-10-14"',
      to: '"2027-10-21"',
    });
    const text = JSON.stringify(page);
    for (const email of Object.values(EMAILS)) expect(text).not.toContain(email);
  });

  it('filters by organisation, venue, person and time, and pages', async () => {
    expect(actions(await read({ filter: { organisation: 'asito' } }))).toEqual([
      'UNPUBLISH_LOCATION',
    ]);
    const heracles = w.id('Location', w.fx.locations['Heracles Stadion']!.id);
    expect(actions(await read({ filter: { location: heracles } }))).toEqual(['UNPUBLISH_LOCATION']);
    const admin = w.id('Person', await w.personId('admin'));
    expect(actions(await read({ filter: { person: admin } }, 'moderator'))).toEqual([
      'SUSPEND_ORGANISATION',
    ]);
    expect(actions(await read({ filter: { from: middle } }))).toEqual([
      'POSTPONE_EDITION',
      'UNPUBLISH_LOCATION',
    ]);
    expect(actions(await read({ filter: { to: middle } }))).toEqual(['SUSPEND_ORGANISATION']);
    const first = await read({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(actions(await read({ first: 2, after: first.pageInfo.endCursor }))).toEqual([
      'SUSPEND_ORGANISATION',
    ]);
    const wrong = await w.gql(AUDIT, { filter: { person: heracles } }, w.as('admin'));
    expect(wrong.errors?.[0]?.message).toMatch(/not the ID of a Person/);
    const unknown = await w.gql(AUDIT, { filter: { organisation: 'nobody' } }, w.as('admin'));
    expect(unknown.errors?.[0]?.message).toMatch(/no organisation with slug "nobody"/);
  });

  it('keeps events when people go, and refuses to change or delete one', async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.database.db.execute(statement).then(
        () => 'done',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`UPDATE audit_events SET reason = 'rewritten'`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_events`)).toMatch(/append-only/);
    await t.database.db.execute(sql`DELETE FROM people WHERE email = ${EMAILS.moderator}`);
    const page = await read();
    expect(page.nodes[1]).toMatchObject({
      action: 'UNPUBLISH_LOCATION',
      reason: 'Wrong address',
      actor: { kind: 'PERSON', name: null },
    });
  });
});

describe('keys in the audit trail', () => {
  const ISSUE = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) {
    secret apiKey { prefix } userErrors { code } } }`;
  const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) {
    apiKey { prefix revokedAt } userErrors { code } } }`;
  const keyEvents = async () =>
    (await read({ first: 100 })).nodes.filter((n: { action: string }) =>
      n.action.endsWith('_API_KEY'),
    );

  it('records who issued and who revoked a key, by prefix, never its secret; once each', async () => {
    const issued = await w.gql(
      ISSUE,
      { input: { scopes: ['LOCATIONS_WRITE'], label: 'rooster' } },
      w.as('coordinator'),
    );
    const { secret, apiKey } = issued.data!['issueApiKey'];
    // A refused one records nothing.
    const refused = await w.gql(
      ISSUE,
      { input: { scopes: ['LOCATIONS_WRITE'], label: 'x'.repeat(201) } },
      w.as('coordinator'),
    );
    expect(refused.data!['issueApiKey'].userErrors).toEqual([{ code: 'TOO_LONG' }]);
    for (let i = 0; i < 2; i++) {
      const revoked = await w.gql(REVOKE, { input: { prefix: apiKey.prefix } }, w.as('admin'));
      expect(revoked.data!['revokeApiKey'].apiKey.revokedAt).not.toBeNull();
    }
    const events = await keyEvents();
    expect(events).toEqual([
      expect.objectContaining({
        action: 'REVOKE_API_KEY',
        actor: { kind: 'PERSON', label: expect.any(String), name: 'Ada Admin' },
        organisation: { slug: 'asito' },
        changes: [{ field: 'key', from: JSON.stringify(apiKey.prefix), to: null }],
      }),
      expect.objectContaining({
        action: 'ISSUE_API_KEY',
        actor: { kind: 'PERSON', label: expect.any(String), name: 'Cor Asito' },
        organisation: { slug: 'asito' },
        changes: [
          { field: 'key', from: null, to: JSON.stringify(apiKey.prefix) },
          { field: 'scopes', from: null, to: JSON.stringify(['LOCATIONS_WRITE']) },
        ],
      }),
    ]);
    const rows = await t.database.db.execute(sql`SELECT * FROM audit_events`);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
