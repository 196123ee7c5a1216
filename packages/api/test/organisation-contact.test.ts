/**
 * An organisation's contact (name, e-mail, phone): set and cleared through `updateOrganisation`,
 * read as `Organisation.contact` only by federation staff (admins, moderators, staff keys) and
 * the organisation's own coordinators and keys — null for everyone else, on every read path
 * (the compiled `organisations` list too). Bad input is refused at its field and changes
 * nothing; approving an application makes the applicant the contact; the open-data feeds and
 * the log never carry it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { consoleWorld, outcome, ROLES, type Role } from './console-support.ts';
import {
  createClient,
  loggingTo,
  memberKey,
  openTestDatabase,
  personSession,
  sessionHeaders,
  type TestDb,
} from './support.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof consoleWorld>>;
let client: ReturnType<typeof createClient>;
const logLines: string[] = [];

const CONTACT = {
  name: 'Coby Contactpersoon',
  email: 'coby.contact@asito.test',
  phone: '+31 20 123 4567',
};

const UPDATE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) {
    organisation { slug name contact { name email phone } }
    userErrors { field code message }
  }
}`;
const ONE = `query ($slug: String!) { organisation(slug: $slug) { contact { name email phone } } }`;
/** A root the compiled read path answers (graphql/read): it must fall back for `contact`. */
const LIST = `{ organisations(first: 100) { nodes { slug contact { name email phone } } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { ... on Organisation { contact { email } } } }`;
const OWN = `{ viewer { organisation { contact { email } } } }`;

type Caller = Role | 'otherCoordinator' | 'otherKey';
let other: Record<
  'otherCoordinator' | 'otherKey',
  { key?: string; headers?: Record<string, string> }
>;

function as(caller: Caller) {
  return caller === 'otherCoordinator' || caller === 'otherKey' ? other[caller] : w.as(caller);
}

/** Ask the app (its log captured) as a caller. */
function gql(query: string, variables: Record<string, unknown>, caller: Caller) {
  return client.gql(query, variables, as(caller));
}

/** An organisation's whole row, as stored. */
async function row(slug: string) {
  const [r] = rowsOf<Record<string, unknown>>(
    await t.database.db.execute(sql`SELECT * FROM organisations WHERE slug = ${slug}`),
  );
  return r!;
}

beforeAll(async () => {
  t = await openTestDatabase();
  w = await consoleWorld(t.database);
  other = {
    otherCoordinator: {
      headers: sessionHeaders(
        await personSession(t.database, {
          organisationId: w.fx.moskee.id,
          email: 'cor.moskee@console.test',
        }),
      ),
    },
    otherKey: { key: await memberKey(t.database, w.fx.moskee.id) },
  };
  client = createClient(t.database, { responseCache: true }, loggingTo(logLines));
});
afterAll(() => t.close());

describe('an organisation’s contact', () => {
  it('a coordinator sets it; staff and the organisation itself read it, no one else', async () => {
    const done = await gql(UPDATE, { input: { contact: CONTACT } }, 'coordinator');
    expect(done.data!['updateOrganisation']).toEqual({
      organisation: { slug: 'asito', name: 'Asito', contact: CONTACT },
      userErrors: [],
    });
    const readers: Caller[] = ['admin', 'moderator', 'staffKey', 'coordinator', 'key'];
    const others: Caller[] = ['press', 'anonymous', 'otherCoordinator', 'otherKey'];
    expect([...readers, ...others].sort()).toEqual(
      [...ROLES, 'otherCoordinator', 'otherKey'].sort(),
    );
    for (const caller of [...readers, ...others]) {
      const expected = readers.includes(caller) ? CONTACT : null;
      const one = await gql(ONE, { slug: 'asito' }, caller);
      expect(one.errors, caller).toBeUndefined();
      expect(one.data!['organisation'].contact, caller).toEqual(expected);
      const list = await gql(LIST, {}, caller);
      const asito = list.data!['organisations'].nodes.find(
        (o: { slug: string }) => o.slug === 'asito',
      );
      expect(asito.contact, `${caller} (list)`).toEqual(expected);
      const node = await gql(NODE, { id: w.id('Organisation', w.fx.asito.id) }, caller);
      expect(node.data!['node'].contact, `${caller} (node)`).toEqual(
        expected && { email: expected.email },
      );
    }
    for (const caller of ['coordinator', 'key'] as const)
      expect((await gql(OWN, {}, caller)).data!['viewer'].organisation.contact).toEqual({
        email: CONTACT.email,
      });
    // Another organisation's coordinator sees their own organisation's (none), not Asito's.
    expect((await gql(OWN, {}, 'otherCoordinator')).data!['viewer'].organisation.contact).toBe(
      null,
    );
  });

  it('bad input is refused at its field and changes nothing', async () => {
    const before = await row('asito');
    const refused = await gql(
      UPDATE,
      {
        input: {
          name: 'Asito (nieuw)',
          contact: { name: 'x'.repeat(201), email: 'coby at asito', phone: 'bel me maar' },
        },
      },
      'coordinator',
    );
    const payload = refused.data!['updateOrganisation'];
    expect(payload.organisation).toBeNull();
    expect(
      payload.userErrors.map((e: { field: string[]; code: string }) => [e.field, e.code]),
    ).toEqual([
      [['contact', 'name'], 'TOO_LONG'],
      [['contact', 'email'], 'INVALID'],
      [['contact', 'phone'], 'INVALID'],
    ]);
    // A refusal never repeats the value into a message (messages may reach a log).
    expect(JSON.stringify(payload)).not.toContain('coby at asito');
    for (const contact of [
      { email: `${'a'.repeat(250)}@asito.test` },
      { email: 'coby@asito' },
      { phone: '12345' },
      { phone: '+31 20 123 4567 8901 23' },
      { phone: '31+20 123 4567' },
      { phone: `+31 ${'- '.repeat(20)}20 123 4567` },
      { name: 'Coby\u0007' },
      { name: 'Coby \u202e' },
    ]) {
      const answer = await gql(UPDATE, { input: { contact } }, 'coordinator');
      const errors = answer.data!['updateOrganisation'].userErrors;
      expect(
        errors.map((e: { field: string[] }) => e.field),
        JSON.stringify(contact),
      ).toEqual([['contact', Object.keys(contact)[0]]]);
    }
    expect(await row('asito')).toEqual(before);
  });

  it('takes phone numbers as people write them; a contact replaces the one kept', async () => {
    for (const phone of ['020-123 4567', '+45 33 12 34 56', '(030) 123.45.67', '+49 (0)30 1234567'])
      expect(
        (await gql(UPDATE, { input: { contact: { ...CONTACT, phone } } }, 'coordinator')).data![
          'updateOrganisation'
        ],
        phone,
      ).toMatchObject({ userErrors: [], organisation: { contact: { phone } } });
    const partial = await gql(
      UPDATE,
      { input: { contact: { email: '  coby@asito.test ' } } },
      'coordinator',
    );
    expect(partial.data!['updateOrganisation'].organisation.contact).toEqual({
      name: null,
      email: 'coby@asito.test',
      phone: null,
    });
    // Left out, it stays.
    await gql(UPDATE, { input: { name: 'Asito' } }, 'coordinator');
    expect((await row('asito'))['contact_email']).toBe('coby@asito.test');
  });

  it('null clears it, and the data is gone from the row', async () => {
    await gql(UPDATE, { input: { contact: CONTACT } }, 'coordinator');
    const cleared = await gql(UPDATE, { input: { contact: null } }, 'coordinator');
    expect(cleared.data!['updateOrganisation']).toMatchObject({
      organisation: { contact: null },
      userErrors: [],
    });
    expect(await row('asito')).toMatchObject({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
    });
  });

  it('a staff admin sets any organisation’s; a moderator and another organisation may not', async () => {
    const input = { organisation: 'gemeente-utrecht', contact: CONTACT };
    expect(outcome(await gql(UPDATE, { input }, 'moderator'))).toBe('FORBIDDEN');
    expect(
      (await gql(UPDATE, { input }, 'otherCoordinator')).data!['updateOrganisation'].userErrors,
    ).toMatchObject([{ field: ['organisation'], code: 'NOT_FOUND' }]);
    expect((await row('gemeente-utrecht'))['contact_email']).toBeNull();
    const done = await gql(UPDATE, { input }, 'admin');
    expect(done.data!['updateOrganisation'].organisation.contact).toEqual(CONTACT);
  });

  it('approving an application makes the applicant the new organisation’s contact', async () => {
    await t.database.db.execute(
      sql`INSERT INTO applications (organisation_name, kind, contact_name, email, terms_version, consented_at)
          VALUES ('Buurthuis De Tafel', 'CHARITY', 'Jamila Aanvrager', 'jamila@buurthuis.test', 'v1', now())`,
    );
    const list = await gql(
      `{ applications(first: 10) { nodes { id organisationName } } }`,
      {},
      'admin',
    );
    const application = list.data!['applications'].nodes.find(
      (a: { organisationName: string }) => a.organisationName === 'Buurthuis De Tafel',
    );
    const approved = await gql(
      `mutation ($input: ApproveApplicationInput!) { approveApplication(input: $input) { organisation { slug contact { name email phone } } userErrors { code } } }`,
      { input: { id: application.id } },
      'admin',
    );
    expect(approved.data!['approveApplication']).toEqual({
      organisation: {
        slug: 'buurthuis-de-tafel',
        contact: { name: 'Jamila Aanvrager', email: 'jamila@buurthuis.test', phone: null },
      },
      userErrors: [],
    });
  });

  it('the open-data feeds and the log never carry a contact', async () => {
    await gql(UPDATE, { input: { contact: CONTACT } }, 'coordinator');
    for (const format of ['geojson', 'csv', 'ics']) {
      const response = await client.app.fetch(
        `http://tafel.test/editions/nid-test/locations.${format}`,
      );
      const text = await response.text();
      expect(response.status, format).toBe(200);
      expect(text, format).toContain('Asito');
      for (const value of [CONTACT.email, CONTACT.name, CONTACT.phone, 'jamila'])
        expect(text.toLowerCase(), format).not.toContain(value.toLowerCase());
    }
    const logs = logLines.join('\n').toLowerCase();
    // The approval's invitation was logged (no mail server here): the log was written to.
    expect(logs).toMatch(/invitation for person #\d+/);
    for (const value of [CONTACT.email, CONTACT.name, CONTACT.phone, 'jamila', 'coby'])
      expect(logs).not.toContain(value.toLowerCase());
  });
});
