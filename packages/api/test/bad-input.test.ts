/**
 * Input the database cannot take is the client's mistake, not the server's: a NUL character in
 * any argument, a forged cursor, GET parameters that are not JSON. Each is refused as bad input
 * (400, or a BAD_USER_INPUT error), changes nothing, and leaves no statement with its values in
 * the log. On PGlite and on PostgreSQL (DATABASE_URL), which both reject NUL in text.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/yoga.ts';
import { openTestDatabase, seedFixture, staffKey, type TestDb } from './support.ts';

let t: TestDb;
let staff: string;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  await seedFixture(t.database);
  staff = await staffKey(t.database);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  app = createApp({
    database: t.database,
    logger: pino({ level: 'debug' }, sink),
    publicApi: { rateLimit: false, responseCache: false },
  });
});
afterAll(async () => {
  await t?.close();
});

async function post(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** A marker no log line may carry: the values of a refused request. */
const MARK = 'zz-marker-7f3a';

describe('a NUL character', () => {
  const cases: [string, string, Record<string, unknown>, boolean?][] = [
    [
      'an edition slug',
      'query($s: String!) { edition(slug: $s) { slug } }',
      { s: `${MARK}\u0000` },
    ],
    ['a literal in the document', `{ edition(slug: "${MARK}\\u0000") { slug } }`, {}],
    [
      'a venue search',
      'query($s: String!) { locations(edition: "nid-test", filter: { search: $s }) { nodes { id } } }',
      { s: `${MARK}\u0000` },
    ],
    [
      'a stats filter',
      'query($s: String!) { stats(edition: "nid-test", filter: { search: $s }) { participants } }',
      { s: `${MARK}\u0000` },
    ],
    [
      'an organisation search',
      'query($s: String!) { organisations(search: $s) { nodes { slug } } }',
      { s: `${MARK}\u0000` },
    ],
    [
      'a mutation input',
      'mutation($n: String!) { createOrganisation(input: { slug: "nul-test", name: $n, kind: COMPANY }) { userErrors { code } } }',
      { n: `${MARK}\u0000` },
      true,
    ],
  ];
  it.each(cases)(
    'in %s is refused as bad input, with nothing written or logged',
    async (_where, query, variables, keyed) => {
      logged.length = 0;
      const { status, body } = await post(query, variables, keyed ? staff : undefined);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/NUL character/),
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
      expect(logged.join('')).not.toContain(MARK);
      expect(
        (await post('{ organisation(slug: "nul-test") { slug } }')).body.data.organisation,
      ).toBeNull();
    },
  );
});

describe('a forged cursor', () => {
  const venues =
    'query($c: String!) { locations(edition: "nid-test", after: $c) { nodes { id } } }';
  // Ordered by name: any text is a position in that order, but not a NUL.
  const organisations =
    'query($c: String!) { organisations(before: $c, last: 2) { nodes { slug } } }';
  const forged: [string, string, string[]][] = [
    ['not base64', 'xx!!', [venues, organisations]],
    ['not a cursor', Buffer.from('forged').toString('base64'), [venues, organisations]],
    [
      'text where the list orders by number',
      Buffer.from(`DC:S:${MARK}`).toString('base64'),
      [venues],
    ],
    ['a number that is none', Buffer.from('DC:N:abc').toString('base64'), [venues]],
    [
      'text with a NUL character',
      Buffer.from(`DC:S:${MARK}\u0000`).toString('base64'),
      [venues, organisations],
    ],
  ];
  it.each(forged)(
    '(%s) is refused with BAD_USER_INPUT, and no SQL with values is logged',
    async (_what, cursor, queries) => {
      logged.length = 0;
      for (const query of queries) {
        const { body } = await post(query, { c: cursor });
        expect(body.errors, `${query} ${JSON.stringify(body)}`).toEqual([
          expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
        ]);
        expect(body.errors[0].message).not.toMatch(/Unexpected|select |SQL/i);
      }
      const log = logged.join('');
      expect(log).not.toContain(MARK);
      expect(log).not.toMatch(/params:/);
    },
  );
});

describe('GET parameters that are not JSON', () => {
  it.each(['variables', 'extensions'])(
    '(%s) are refused with 400 naming the parameter',
    async (name) => {
      const url = new URL('http://localhost/graphql');
      url.searchParams.set('query', '{ editions { slug } }');
      url.searchParams.set(name, '{bad');
      const response = await app.fetch(url, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0].message).toContain(`"${name}"`);
      url.searchParams.set(name, '[1]');
      expect((await app.fetch(url, { headers: { accept: 'application/json' } })).status).toBe(400);
      url.searchParams.set(name, '{}');
      expect((await app.fetch(url, { headers: { accept: 'application/json' } })).status).toBe(200);
    },
  );
});
