/**
 * What the console's organisations need: `approvedAt` (staff only, null for anyone else), set by
 * `approveOrganisation`; a staff admin edits any organisation's name and website, a moderator
 * may not, and a refusal changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, outcome, type Role } from './console-support.ts';
import { openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof consoleWorld>>;

const APPROVED = `query { organisations(first: 100) { nodes { slug name website approvedAt } } }`;
const APPROVE = `mutation ($input: ApproveOrganisationInput!) {
  approveOrganisation(input: $input) { organisation { approvedAt } userErrors { code } }
}`;
const UPDATE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { name website } userErrors { field code } }
}`;

async function seen(role: Role, slug: string) {
  const answer = await w.gql(APPROVED, {}, w.as(role));
  return (
    answer.data!['organisations'].nodes as {
      slug: string;
      name: string;
      website: string | null;
      approvedAt: string | null;
    }[]
  ).find((o) => o.slug === slug)!;
}

beforeAll(async () => {
  t = await openTestDatabase();
  w = await consoleWorld(t.database);
  const made = await w.gql(
    `mutation { createOrganisation(input: { slug: "nieuwkomer", name: "Nieuwkomer" }) { userErrors { code } } }`,
    {},
    w.as('admin'),
  );
  expect(made.data!['createOrganisation'].userErrors).toEqual([]);
});

describe('the console’s organisations', () => {
  it('approvedAt: staff see it, no one else; approveOrganisation sets it', async () => {
    expect((await seen('admin', 'asito')).approvedAt).toEqual(expect.any(String));
    for (const role of ['coordinator', 'key', 'anonymous'] as const)
      expect((await seen(role, 'asito')).approvedAt, role).toBeNull();
    expect((await seen('moderator', 'nieuwkomer')).approvedAt).toBeNull();
    const approved = await w.gql(
      APPROVE,
      { input: { organisation: 'nieuwkomer' } },
      w.as('moderator'),
    );
    expect(approved.data!['approveOrganisation'].userErrors).toEqual([]);
    expect(approved.data!['approveOrganisation'].organisation.approvedAt).toEqual(
      expect.any(String),
    );
    expect((await seen('admin', 'nieuwkomer')).approvedAt).toEqual(expect.any(String));
  });

  it('a staff admin edits any organisation’s name and website; a moderator may not', async () => {
    const input = {
      organisation: 'gemeente-utrecht',
      name: 'Gemeente Utrecht (stad)',
      website: 'https://utrecht.test',
    };
    expect(outcome(await w.gql(UPDATE, { input }, w.as('moderator')))).toBe('FORBIDDEN');
    expect(await seen('admin', 'gemeente-utrecht')).toMatchObject({
      name: 'Gemeente Utrecht',
      website: null,
    });
    const bad = await w.gql(UPDATE, { input: { ...input, website: 'ftp://x' } }, w.as('admin'));
    expect(bad.data!['updateOrganisation'].userErrors.map((e: { code: string }) => e.code)).toEqual(
      ['INVALID_URL'],
    );
    expect((await seen('admin', 'gemeente-utrecht')).name).toBe('Gemeente Utrecht');
    const done = await w.gql(UPDATE, { input }, w.as('admin'));
    expect(done.data!['updateOrganisation']).toEqual({
      organisation: { name: 'Gemeente Utrecht (stad)', website: 'https://utrecht.test' },
      userErrors: [],
    });
  });
});
