/**
 * Applications that name a federation (#19), over real HTTP: the form may name one (an unknown
 * one is refused at its field, nothing stored); that federation's staff see and decide it, and
 * approving makes the organisation a member from today; another federation's staff are refused
 * as if it were not there, and nothing changes; the instance's staff decide every one.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueKey } from '../src/auth/keys.ts';
import { federations } from '../src/db/schema.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  APPROVE,
  DELETE,
  gql,
  joinTables,
  LIST,
  logLines,
  REJECT,
  useJoinWorld,
} from './join-support.ts';
import { personSession, sessionHeaders } from './support.ts';

const w = useJoinWorld();
const { application, apply, who } = w;

const NAMED = `query($status: ApplicationStatus) { applications(status: $status) { nodes { id organisationName federation { slug name } } } }`;
const MEMBERS = `query($slug: String!, $on: Date) { federation(slug: $slug) { members(on: $on) } }`;

/** Staff of each federation: an admin signed in, and a staff key. */
const staff: Record<'altinget' | 'wir-zusammen', Record<string, string>[]> = {
  altinget: [],
  'wir-zusammen': [],
};
let today = '';

beforeAll(async () => {
  const db = w.t.database.db;
  const made = await db
    .insert(federations)
    .values([
      { slug: 'altinget', name: 'Altinget', country: 'DK' },
      { slug: 'wir-zusammen', name: 'Wir zusammen', country: 'DE' },
    ])
    .returning();
  for (const f of made) {
    const slug = f.slug as keyof typeof staff;
    const admin = await personSession(w.t.database, {
      email: `admin@${slug}.example`,
      role: 'admin',
      federationId: f.id,
    });
    staff[slug].push(sessionHeaders(admin, w.app.url), {
      authorization: `Bearer ${
        (
          await issueKey(db, {
            organisationId: null,
            federationId: f.id,
            scopes: ['LOCATIONS_WRITE'],
            label: `${slug} staff`,
          })
        ).secret
      }`,
    });
  }
  today = rowsOf<{ today: string }>(await db.execute(sql`SELECT current_date::text AS today`))[0]!
    .today;
});

/** Everything applying and deciding could change, memberships too. */
async function tables() {
  return {
    ...((await joinTables(w.t)) as object),
    members: rowsOf(
      await w.t.database.db.execute(
        sql`SELECT * FROM federation_members ORDER BY federation_id, organisation_id`,
      ),
    ),
  };
}

async function listed(headers: Record<string, string>, status = 'PENDING') {
  const { body } = await gql(w.app.url, NAMED, { status }, headers);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data.applications.nodes as {
    id: string;
    organisationName: string;
    federation: { slug: string; name: string } | null;
  }[];
}

async function byName(name: string) {
  return (await listed(who['admin']!)).find((a) => a.organisationName === name)!;
}

async function members(slug: string): Promise<number> {
  const { body } = await gql(w.app.url, MEMBERS, { slug, on: today });
  return body.data.federation.members;
}

describe('applying to a federation', () => {
  it('the public lists the federations to choose from', async () => {
    const { body } = await gql(w.app.url, '{ federations { slug name country } }');
    expect(body.data.federations).toEqual([
      { slug: 'altinget', name: 'Altinget', country: 'DK' },
      { slug: 'wir-zusammen', name: 'Wir zusammen', country: 'DE' },
    ]);
  });

  it('an application naming a federation is stored with it', async () => {
    for (const [organisationName, federation, email] of [
      ['Skolen i Nørrebro', 'altinget', 'skolen@noerrebro.example'],
      ['Virksomhed Vest', 'altinget', 'kontakt@vest.example'],
      ['Patenverein Rhein-Main', 'wir-zusammen', 'info@paten.example'],
      ['Buurthuis Zonder Netwerk', null, 'buurthuis@zonder.example'],
    ] as const)
      expect(await apply(application({ organisationName, federation, email }))).toEqual({
        received: true,
        userErrors: [],
      });
    expect((await byName('Skolen i Nørrebro')).federation).toEqual({
      slug: 'altinget',
      name: 'Altinget',
    });
    expect((await byName('Patenverein Rhein-Main')).federation?.slug).toBe('wir-zusammen');
    expect((await byName('Buurthuis Zonder Netwerk')).federation).toBeNull();
  });

  it('an unknown federation is refused at its field, beside the other fields’ problems; nothing stored', async () => {
    const before = await tables();
    expect(await apply(application({ federation: 'no-such-network' }))).toEqual({
      received: false,
      userErrors: [
        {
          field: ['federation'],
          code: 'NOT_FOUND',
          message: 'No federation with slug "no-such-network".',
        },
      ],
    });
    const both = await apply(application({ federation: 'nope', email: 'not an address' }));
    expect(both.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['federation'], 'NOT_FOUND'],
      [['email'], 'INVALID'],
    ]);
    expect(await tables()).toEqual(before);
  });
});

describe('deciding them', () => {
  it('a federation’s staff see only the applications naming their federation, by list and by ID', async () => {
    const all = await listed(who['admin']!);
    const theirs = all.find((a) => a.federation?.slug === 'wir-zusammen')!;
    const none = all.find((a) => a.federation === null)!;
    for (const headers of staff.altinget) {
      const seen = await listed(headers);
      expect(seen.map((a) => a.organisationName).sort()).toEqual([
        'Skolen i Nørrebro',
        'Virksomhed Vest',
      ]);
      const node = `query($id: ID!) { node(id: $id) { id } }`;
      for (const other of [theirs, none]) {
        const { body } = await gql(w.app.url, node, { id: other.id }, headers);
        expect(body.data.node).toBeNull();
      }
      const own = await gql(w.app.url, node, { id: seen[0]!.id }, headers);
      expect(own.body.data.node).toEqual({ id: seen[0]!.id });
    }
    expect((await listed(staff['wir-zusammen'][1]!)).map((a) => a.organisationName)).toEqual([
      'Patenverein Rhein-Main',
    ]);
  });

  it('another federation’s staff, or any federation’s for one naming none, are refused as for nothing there; nothing changes', async () => {
    const theirs = await byName('Patenverein Rhein-Main');
    const none = await byName('Buurthuis Zonder Netwerk');
    const before = await tables();
    for (const headers of staff.altinget)
      for (const target of [theirs, none])
        for (const [query, vars] of [
          [APPROVE, { id: target.id }],
          [REJECT, { id: target.id, reason: 'Nein.' }],
          [DELETE, { id: target.id }],
        ] as const) {
          const { body } = await gql(w.app.url, query, vars, headers);
          expect(body.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
          expect(body.errors?.[0]?.message).toBe(
            'Not found: no such application within the federation "altinget".',
          );
        }
    expect(await tables()).toEqual(before);
  });

  it('a federation’s staff approve one naming it: the organisation is a member from today', async () => {
    const target = await byName('Skolen i Nørrebro');
    const before = await members('altinget');
    const { body } = await gql(w.app.url, APPROVE, { id: target.id }, staff.altinget[0]);
    expect(body.data.approveApplication.userErrors).toEqual([]);
    expect(body.data.approveApplication.application.status).toBe('APPROVED');
    const slug = body.data.approveApplication.organisation.slug;
    expect(await members('altinget')).toBe(before + 1);
    expect(await members('wir-zusammen')).toBe(0);
    const [membership] = rowsOf<{ joined_on: string; left_on: string | null }>(
      await w.t.database.db.execute(
        sql`SELECT m.joined_on::text AS joined_on, m.left_on FROM federation_members m JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = ${slug}`,
      ),
    );
    expect(membership).toEqual({ joined_on: today, left_on: null });
    // The new member is within their federation now: its contact is theirs to read.
    const org = await gql(
      w.app.url,
      'query($slug: String!) { organisation(slug: $slug) { contact { email } } }',
      { slug },
      staff.altinget[1],
    );
    expect(org.body.data.organisation.contact).not.toBeNull();
  });

  it('a federation’s staff reject and delete one naming it', async () => {
    const target = await byName('Virksomhed Vest');
    const rejected = await gql(
      w.app.url,
      REJECT,
      { id: target.id, reason: 'I er allerede med.' },
      staff.altinget[1],
    );
    expect(rejected.body.data.rejectApplication.userErrors).toEqual([]);
    const deleted = await gql(w.app.url, DELETE, { id: target.id }, staff.altinget[0]);
    expect(deleted.body.data.deleteApplication).toEqual({
      deletedApplicationId: target.id,
      userErrors: [],
    });
  });

  it('the instance’s staff decide every one: naming a federation makes a member, naming none does not', async () => {
    const theirs = await byName('Patenverein Rhein-Main');
    const none = await byName('Buurthuis Zonder Netwerk');
    const membersBefore = rowsOf(
      await w.t.database.db.execute(sql`SELECT count(*)::int AS n FROM federation_members`),
    );
    const first = await gql(w.app.url, APPROVE, { id: theirs.id }, who['staff key']);
    expect(first.body.data.approveApplication.userErrors).toEqual([]);
    expect(await members('wir-zusammen')).toBe(1);
    const second = await gql(w.app.url, APPROVE, { id: none.id }, who['moderator']);
    expect(second.body.data.approveApplication.userErrors).toEqual([]);
    const membersAfter = rowsOf(
      await w.t.database.db.execute(sql`SELECT count(*)::int AS n FROM federation_members`),
    );
    expect(membersAfter).toEqual([{ n: (membersBefore[0] as { n: number }).n + 1 }]);
    const list = await gql(w.app.url, LIST, { status: 'APPROVED' }, who['admin']);
    expect(list.body.data.applications.nodes.length).toBe(3);
  });

  it('no log line names an applicant', async () => {
    const logs = logLines.join('\n').toLowerCase();
    for (const text of ['noerrebro.example', 'vest.example', 'paten.example', 'zonder.example'])
      expect(logs).not.toContain(text);
  });
});
