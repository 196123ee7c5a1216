/**
 * Passkeys over real HTTP with a software authenticator: a signed-in person adds one, signs out,
 * signs in with it as the same person; and the refusals, each of which changes nothing: an
 * unknown credential, a replayed challenge, an answer made for another origin, a request from
 * another site's page, no session, another person's passkey, too many sign-ins from one address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePerson, removePerson } from '../src/auth/people.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { openTestDatabase, type TestDb } from './support.ts';
import { SoftAuthenticator } from './webauthn-authenticator.ts';

let t: TestDb;
let server: Server;
/** Where the test connects (127.0.0.1) and the public origin (localhost: an IP is no RP ID). */
let base = '';
let origin = '';

function own(headers: Record<string, string> = {}): Record<string, string> {
  return { origin, 'sec-fetch-site': 'same-origin', ...headers };
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; setCookie: string }> {
  const response = await fetch(`${base}/manage/passkey/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...own(), ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: await response.json(),
    setCookie: response.headers.getSetCookie()[0] ?? '',
  };
}

/** A person invited and signed in with their link; their session cookie. */
async function signedIn(email: string): Promise<{ personId: number; cookie: string }> {
  const invited = await invitePerson(t.database.db, 'operator', { email, role: 'moderator' });
  if (!invited.ok) throw new Error('not invited');
  const response = await fetch(`${base}/manage/link`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...own() },
    body: new URLSearchParams({ token: invited.token }).toString(),
  });
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!;
  return { personId: invited.person.id, cookie };
}

async function me(cookie: string): Promise<string | null> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...own() },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  return ((await response.json()) as any).data?.me?.email ?? null;
}

async function tables() {
  const out: Record<string, unknown> = {};
  for (const table of ['people', 'passkeys', 'passkey_challenges', 'sessions'])
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY id`)));
  return JSON.parse(JSON.stringify(out));
}

/** Register a new software passkey for a signed-in person. */
async function register(cookie: string): Promise<SoftAuthenticator> {
  const device = new SoftAuthenticator();
  const { json } = await post('register-options', {}, { cookie });
  const answer = await post('register', device.create(json.options, origin), { cookie });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return device;
}

beforeAll(async () => {
  t = await openTestDatabase();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  origin = `http://localhost:${port}`;
  const yoga = createApp({
    database: t.database,
    logger: pino({ level: 'silent' }),
    publicApi: {
      rateLimitStore: 'memory',
      publicUrl: origin,
      signInLinkLimit: { perIp: 8, perAddress: 5, windowSeconds: 3600 },
    },
  });
  server.on('request', yoga);
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('passkeys', () => {
  it('a signed-in person adds one; later it signs them in, with the same cookie as a link', async () => {
    const { personId, cookie } = await signedIn('pasi.passkey@tafel.test');
    const { json: options } = await post('register-options', {}, { cookie });
    expect(options.options.rp).toEqual({ name: 'Tafel', id: 'localhost' });
    const device = new SoftAuthenticator();
    const added = await post('register', device.create(options.options, origin), { cookie });
    expect(added.status).toBe(200);
    expect(added.json.passkeys).toHaveLength(1);
    expect(added.json.passkeys[0]).toMatchObject({ lastUsedAt: null, transports: ['internal'] });

    const { json: ask } = await post('sign-in-options', {});
    expect(ask.options.rpId).toBe('localhost');
    const signIn = await post('sign-in', device.get(ask.options, origin));
    expect(signIn.status, JSON.stringify(signIn.json)).toBe(200);
    expect(signIn.setCookie).toMatch(
      /^tafel_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Expires=/,
    );
    expect(await me(signIn.setCookie.split(';')[0]!)).toBe('pasi.passkey@tafel.test');
    const [row] = rowsOf<{ counter: string | number; last_used_at: string | null }>(
      await t.database.db.execute(
        sql`SELECT counter, last_used_at FROM passkeys WHERE person_id = ${personId}`,
      ),
    );
    expect(Number(row!.counter)).toBe(1);
    expect(row!.last_used_at).not.toBeNull();

    // Removed with the person.
    await removePerson(t.database.db, 'operator', personId);
    const gone = rowsOf(
      await t.database.db.execute(sql`SELECT id FROM passkeys WHERE person_id = ${personId}`),
    );
    expect(gone).toEqual([]);
  });

  it('refuses an unknown credential, and changes nothing', async () => {
    const { json: ask } = await post('sign-in-options', {});
    const before = await tables();
    const stranger = new SoftAuthenticator();
    const answer = await post('sign-in', stranger.get(ask.options, origin));
    expect(answer.status).toBe(400);
    expect(answer.json.userErrors[0].code).toBe('UNKNOWN_CREDENTIAL');
    expect(answer.setCookie).toBe('');
    expect(await tables()).toEqual(before);
  });

  it('refuses a replayed challenge, and changes nothing', async () => {
    const { cookie } = await signedIn('rita.replay@tafel.test');
    const device = await register(cookie);
    const { json: ask } = await post('sign-in-options', {});
    const first = device.get(ask.options, origin);
    expect((await post('sign-in', first)).status).toBe(200);
    const before = await tables();
    // The same answer again, and a fresh signature over the used challenge.
    for (const replay of [first, device.get(ask.options, origin)]) {
      const answer = await post('sign-in', replay);
      expect(answer.status).toBe(400);
      expect(answer.json.userErrors[0].code).toBe('CHALLENGE');
      expect(answer.setCookie).toBe('');
    }
    // A registration challenge is not a sign-in challenge.
    const { json: reg } = await post('register-options', {}, { cookie });
    const mixed = await post(
      'sign-in',
      device.get({ ...ask.options, challenge: reg.options.challenge }, origin),
    );
    expect(mixed.json.userErrors[0].code).toBe('CHALLENGE');
    const after = await tables();
    // Only the registration options' challenge was added.
    expect({ ...after, passkey_challenges: after.passkey_challenges.slice(0, -1) }).toEqual(before);
  });

  it('refuses an answer made for another origin or RP ID, and a request from another site', async () => {
    const { cookie } = await signedIn('otto.origin@tafel.test');
    const device = await register(cookie);
    const { json: ask } = await post('sign-in-options', {});
    const before = await tables();
    const evil = await post('sign-in', device.get(ask.options, 'https://evil.example'));
    expect(evil.json.userErrors[0].code).toBe('INVALID');
    const otherRp = await post('sign-in', device.get(ask.options, origin, 'evil.example'));
    expect(otherRp.json.userErrors[0].code).toBe('INVALID');
    const crossSite = await post('sign-in', device.get(ask.options, origin), {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.userErrors[0].code).toBe('FORBIDDEN');
    expect(await tables()).toEqual(before);
    // The challenge was not used up by the refusals: the real answer still works.
    expect((await post('sign-in', device.get(ask.options, origin))).status).toBe(200);

    // Registering for another origin, or from another site, adds nothing either.
    const { json: reg } = await post('register-options', {}, { cookie });
    const snapshot = await tables();
    const other = new SoftAuthenticator();
    expect(
      (await post('register', other.create(reg.options, 'https://evil.example'), { cookie })).json
        .userErrors[0].code,
    ).toBe('INVALID');
    expect(
      (
        await post('register', other.create(reg.options, origin), {
          cookie,
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        })
      ).status,
    ).toBe(403);
    expect(await tables()).toEqual(snapshot);
  });

  it('adds, lists and removes only for the signed-in person, their own passkeys', async () => {
    const before = await tables();
    for (const path of ['register-options', 'register', 'list', 'remove']) {
      const answer = await post(path, { id: 1 });
      expect(answer.status, path).toBe(401);
      expect(answer.json.userErrors[0].code).toBe('UNAUTHENTICATED');
    }
    expect(await tables()).toEqual(before);

    const ann = await signedIn('ann.own@tafel.test');
    const bob = await signedIn('bob.other@tafel.test');
    await register(ann.cookie);
    const { json: list } = await post('list', {}, { cookie: ann.cookie });
    const id = list.passkeys[0].id as number;
    const snapshot = await tables();
    const stolen = await post('remove', { id }, { cookie: bob.cookie });
    expect(stolen.status).toBe(404);
    expect((await post('list', {}, { cookie: bob.cookie })).json.passkeys).toEqual([]);
    expect(await tables()).toEqual(snapshot);
    const removed = await post('remove', { id }, { cookie: ann.cookie });
    expect(removed.json.passkeys).toEqual([]);
  });

  it('limits sign-in attempts per client address', async () => {
    let status = 200;
    for (let i = 0; i < 10 && status === 200; i++)
      status = (await post('sign-in-options', {})).status;
    expect(status).toBe(429);
  });
});
