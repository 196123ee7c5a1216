/**
 * People and sign-in, over real HTTP with a real (fake) SMTP server: invitations by the command
 * line and by GraphQL, sign-in links by e-mail, the session cookie and its flags, links that are
 * forged, expired or used, a session cookie sent from another origin, idle and absolute expiry,
 * signing out everywhere, roles, and no personal data in the public API, the exports or the logs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePerson, removePerson } from '../src/auth/people.ts';
import { runCommand } from '../src/cli.ts';
import { encodeGlobalId } from '../src/graphql/global-id.ts';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import { loggingTo, openTestDatabase, seedFixture, type TestDb } from './support.ts';

const ADMIN = { email: 'Ada.Admin@Federatie.example', name: 'Ada Adminsdottir' };
const COORDINATOR = { email: 'coby.coordinator@asito.example', name: 'Coby Coördinator' };
const OTHER = { email: 'udo.utrecht@utrecht.example', name: 'Udo Utrechter' };
const MODERATOR = { email: 'mo.moderator@federatie.example', name: 'Mo Moderatorsen' };
const PRESS = { email: 'pia.press@krant.example', name: 'Pia Persbureau' };
const GERDA = { email: 'gerda.gastgeberin@verein.example', name: 'Gerda Gastgeberin' };
const EVERYONE = [ADMIN, COORDINATOR, OTHER, MODERATOR, PRESS, GERDA];

interface Served {
  url: string;
  server: Server;
}

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let app: Served;
/** The same database behind an app without SMTP: links go to its log. */
let logOnly: Served;
const logLines: string[] = [];
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;

async function serve(
  options: Omit<Parameters<typeof createApp>[0], 'database' | 'logger'> & {
    publicApi?: Record<string, unknown>;
  },
  publicUrl?: string,
): Promise<Served> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logger = loggingTo(logLines);
  const yoga = createApp({
    ...options,
    database: t.database,
    logger,
    publicApi: {
      rateLimitStore: 'memory',
      responseCache: true,
      publicUrl: publicUrl ?? url,
      ...options.publicApi,
    },
  });
  server.on('request', yoga);
  return { url, server };
}

function close(served: Served): Promise<void> {
  served.server.closeAllConnections();
  return new Promise((resolve) => served.server.close(() => resolve()));
}

/** Headers a browser sends from this site's own page. */
function sameOrigin(base: string): Record<string, string> {
  return { origin: base, 'sec-fetch-site': 'same-origin' };
}

async function gql(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    response,
    body: (await response.json()) as {
      data?: any;
      errors?: { message: string; extensions?: any }[];
    },
  };
}

/** Open the link's page (GET), then press its button (POST): the session's cookie. */
async function signInWith(link: string, headers?: Record<string, string>) {
  const url = new URL(link);
  const page = await fetch(url);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(`${url.origin}/manage/link`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(headers ?? sameOrigin(url.origin)),
    },
    body: new URLSearchParams({ token }).toString(),
  });
  const setCookie = response.headers.getSetCookie()[0] ?? '';
  const cookie = setCookie.split(';')[0]!;
  return { page, response, setCookie, cookie, headers: { cookie, ...sameOrigin(url.origin) } };
}

/** A person's-eye snapshot of everything sign-in could change. */
async function peopleTables() {
  const out: Record<string, unknown> = {};
  for (const table of [
    'people',
    'person_links',
    'sessions',
    'locations',
    'api_keys',
    'organisations',
    'editions',
  ]) {
    const columns =
      table === 'sessions' ? 'id, person_id, hash, created_at, expires_at, revoked_at' : '*';
    out[table] = rowsOf(
      await t.database.db.execute(sql.raw(`SELECT ${columns} FROM ${table} ORDER BY id`)),
    );
  }
  return JSON.parse(JSON.stringify(out));
}

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(t.database, argv, {
    log: (l) => out.push(l),
    error: (l) => err.push(l),
  });
  return { code, out, err };
}

/** The link in a received message (quoted-printable undone). */
function linkIn(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const match = /https?:\/\/\S+\/manage\/link\?token=[A-Za-z0-9_-]{43}/.exec(body);
  if (!match) throw new Error(`no link in the message:\n${raw}`);
  return match[0];
}

async function waitForMail(count: number): Promise<void> {
  for (let i = 0; i < 100 && mails.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  expect(mails.length).toBe(count);
}

const ME = `{ me { id name email role organisation { slug } } viewer { keyPrefix isStaff } }`;
const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id email role organisation { slug } } invitationUrl expiresAt delivery userErrors { field message code } } }`;
const REQUEST = `mutation($email: String!) { requestSignInLink(input: { email: $email }) { delivery userErrors { field message code } } }`;

const cookies: Record<string, Record<string, string>> = {};
let adminLink = '';

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  app = await serve({
    publicApi: {
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Tafel <tafel@federatie.example>',
    },
  });
  logOnly = await serve({});
});

afterAll(async () => {
  await close(app);
  await close(logOnly);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

describe('invitations and sessions', () => {
  it('the CLI invites the first admin and prints the link alone on the last line', async () => {
    process.env['TAFEL_PUBLIC_URL'] = app.url;
    try {
      const result = await cli([
        'people',
        'invite',
        '--staff',
        '--role',
        'admin',
        '--email',
        ADMIN.email,
        '--name',
        ADMIN.name,
      ]);
      expect(result.err).toEqual([]);
      expect(result.code).toBe(0);
      adminLink = result.out.at(-1)!;
      expect(adminLink).toMatch(new RegExp(`^${app.url}/manage/link\\?token=[A-Za-z0-9_-]{43}$`));
    } finally {
      delete process.env['TAFEL_PUBLIC_URL'];
    }
    const [row] = rowsOf<{ hash: string; expires_at: string }>(
      await t.database.db.execute(sql`SELECT hash, expires_at FROM person_links`),
    );
    // Stored hashed; valid 7 days.
    expect(row!.hash).not.toContain(new URL(adminLink).searchParams.get('token'));
    expect(new Date(row!.expires_at).getTime() - Date.now()).toBeGreaterThan(
      7 * 24 * 3600_000 - 60_000,
    );
  });

  it('opening the link changes nothing; confirming it signs in with an HttpOnly, SameSite=Strict, host-only cookie', async () => {
    const before = await peopleTables();
    const page = await fetch(adminLink);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toMatch(/<form method="post" action="\/manage\/link">/);
    expect(await peopleTables()).toEqual(before); // a mail scanner's GET used nothing

    const signIn = await signInWith(adminLink);
    expect(signIn.response.status).toBe(303);
    expect(signIn.response.headers.get('location')).toBe('/manage');
    const flags = signIn.setCookie.split(';').map((s) => s.trim());
    expect(flags[0]).toMatch(/^tafel_session=[A-Za-z0-9_-]{43}$/);
    expect(flags).toContain('HttpOnly');
    expect(flags).toContain('SameSite=Strict');
    expect(flags).toContain('Path=/');
    expect(flags.some((f) => /^domain=/i.test(f))).toBe(false);
    expect(flags).not.toContain('Secure'); // this server is on 127.0.0.1
    cookies['admin'] = signIn.headers;

    const { response, body } = await gql(app.url, ME, {}, cookies['admin']);
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toMatchObject({
      name: ADMIN.name,
      email: ADMIN.email,
      role: 'ADMIN',
      organisation: null,
    });
    expect(body.data.viewer).toEqual({
      keyPrefix: expect.stringMatching(/^person:\d+$/),
      isStaff: true,
    });
    // Never cached nor shared.
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // The session's token is stored hashed.
    const [session] = rowsOf<{ hash: string }>(
      await t.database.db.execute(sql`SELECT hash FROM sessions`),
    );
    expect(session!.hash).not.toBe(flags[0]!.split('=')[1]);
  });

  it('sets the cookie Secure when the site is not on this machine', async () => {
    const secure = await serve({}, 'https://tafel.example.org');
    try {
      const [person] = rowsOf<{ id: number }>(
        await t.database.db.execute(sql`SELECT id FROM people LIMIT 1`),
      );
      const { invitePerson } = await import('../src/auth/people.ts');
      const again = await invitePerson(t.database.db, 'operator', {
        email: ADMIN.email,
        role: 'admin',
      });
      expect(again.ok && again.person.id).toBe(person!.id);
      const signIn = await signInWith(
        `${secure.url}/manage/link?token=${again.ok ? again.token : ''}`,
        { origin: 'https://tafel.example.org', 'sec-fetch-site': 'same-origin' },
      );
      expect(signIn.response.status).toBe(303);
      expect(signIn.setCookie.split(';').map((s) => s.trim())).toContain('Secure');
    } finally {
      await close(secure);
    }
  });

  it('an admin invites a coordinator by GraphQL; the invitation is e-mailed and signs them in', async () => {
    const { body } = await gql(
      app.url,
      INVITE,
      { input: { email: COORDINATOR.email, name: COORDINATOR.name, organisation: 'asito' } },
      cookies['admin'],
    );
    expect(body.data.invitePerson.userErrors).toEqual([]);
    expect(body.data.invitePerson.delivery).toBe('EMAIL');
    expect(body.data.invitePerson.person).toMatchObject({
      email: COORDINATOR.email,
      role: null,
      organisation: { slug: 'asito' },
    });
    await waitForMail(1);
    expect(mails[0]!.to).toEqual([COORDINATOR.email]);
    const link = linkIn(mails[0]!.raw);
    expect(link).toBe(body.data.invitePerson.invitationUrl);
    const signIn = await signInWith(link);
    expect(signIn.response.status).toBe(303);
    cookies['asito'] = signIn.headers;
    const me = await gql(app.url, ME, {}, cookies['asito']);
    expect(me.body.data.me).toMatchObject({
      email: COORDINATOR.email,
      role: null,
      organisation: { slug: 'asito' },
    });
    expect(me.body.data.viewer.isStaff).toBe(false);
  });

  it('a sign-in link asked for by e-mail arrives at the fake SMTP server and signs in', async () => {
    const sent = mails.length;
    const { body } = await gql(app.url, REQUEST, { email: COORDINATOR.email.toUpperCase() });
    expect(body.data.requestSignInLink).toEqual({ delivery: 'EMAIL', userErrors: [] });
    await waitForMail(sent + 1);
    const link = linkIn(mails[sent]!.raw);
    const [row] = rowsOf<{ ttl: number }>(
      await t.database.db.execute(
        sql`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM person_links ORDER BY id DESC LIMIT 1`,
      ),
    );
    expect(Number(row!.ttl)).toBe(15 * 60);
    const signIn = await signInWith(link);
    expect(signIn.response.status).toBe(303);
    cookies['asito2'] = signIn.headers;
    expect((await gql(app.url, ME, {}, cookies['asito2'])).body.data.me.email).toBe(
      COORDINATOR.email,
    );
  });

  it('an unknown address gets the same answer, no message, and nothing changes', async () => {
    const sent = mails.length;
    const before = await peopleTables();
    const { body } = await gql(app.url, REQUEST, { email: 'nobody@nowhere.example' });
    expect(body.data.requestSignInLink).toEqual({ delivery: 'EMAIL', userErrors: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(mails.length).toBe(sent);
    expect(await peopleTables()).toEqual(before);
  });

  it('without SMTP the link goes to the log, by person number and without the address', async () => {
    const { body } = await gql(logOnly.url, REQUEST, { email: COORDINATOR.email });
    expect(body.data.requestSignInLink).toEqual({ delivery: 'SERVER_LOG', userErrors: [] });
    const line = logLines.find((l) => /sign-in link for person #\d+ \(no TAFEL_SMTP_URL/.test(l));
    expect(line).toBeDefined();
    expect(line).toMatch(/\/manage\/link\?token=[A-Za-z0-9_-]{43}/);
  });
});

describe('links that do not work: refused, nothing changed', () => {
  it('a forged link', async () => {
    const before = await peopleTables();
    const forged = `${app.url}/manage/link?token=${'A'.repeat(43)}`;
    expect((await fetch(forged)).status).toBe(404);
    const signIn = await signInWith(forged);
    expect(signIn.response.status).toBe(404);
    expect(await signIn.response.text()).toMatch(/This link is not valid/);
    expect(signIn.setCookie).toBe('');
    expect(await peopleTables()).toEqual(before);
  });

  it('in the browser’s language: nl, de, da or English', async () => {
    const forged = `${app.url}/manage/link?token=${'B'.repeat(43)}`;
    const cases: [string, string, RegExp][] = [
      ['de-DE,de;q=0.9,en;q=0.5', 'de', /Dieser Link ist ungültig/],
      ['da', 'da', /Linket er ikke gyldigt/],
      ['fr-FR,nl;q=0.8', 'nl', /Deze link is niet geldig/],
      ['fr-FR', 'en', /This link is not valid/],
    ];
    for (const [accept, lang, text] of cases) {
      const response = await fetch(forged, { headers: { 'accept-language': accept } });
      const html = await response.text();
      expect(html, accept).toContain(`<html lang="${lang}">`);
      expect(html, accept).toMatch(text);
      expect(response.headers.get('content-language')).toBe(lang);
    }
    const invited = await invitePerson(t.database.db, 'operator', {
      email: 'taal@tafel.test',
      role: 'press',
    });
    if (!invited.ok) throw new Error('not invited');
    const confirm = await fetch(`${app.url}/manage/link?token=${invited.token}`, {
      headers: { 'accept-language': 'da-DK' },
    });
    expect(await confirm.text()).toMatch(/<button type="submit">Log ind<\/button>/);
    await removePerson(t.database.db, 'operator', invited.person.id);
  });

  it('a used link', async () => {
    const before = await peopleTables();
    const signIn = await signInWith(adminLink);
    expect(signIn.response.status).toBe(410);
    expect(await signIn.response.text()).toMatch(/already used/);
    expect(signIn.setCookie).toBe('');
    expect(await peopleTables()).toEqual(before);
  });

  it('an expired link', async () => {
    const { invitePerson } = await import('../src/auth/people.ts');
    const invited = await invitePerson(t.database.db, 'operator', {
      email: OTHER.email,
      name: OTHER.name,
      organisationId: fx.utrecht.id,
    });
    if (!invited.ok) throw new Error('not invited');
    await t.database.db.execute(
      sql`UPDATE person_links SET expires_at = now() - interval '1 second' WHERE person_id = ${invited.person.id}`,
    );
    const before = await peopleTables();
    const link = `${app.url}/manage/link?token=${invited.token}`;
    expect((await fetch(link)).status).toBe(410);
    const signIn = await signInWith(link);
    expect(signIn.response.status).toBe(410);
    expect(await signIn.response.text()).toMatch(/expired/);
    expect(await peopleTables()).toEqual(before);
    // Invited again: a fresh link works.
    const again = await invitePerson(t.database.db, 'operator', {
      email: OTHER.email,
      organisationId: fx.utrecht.id,
    });
    if (!again.ok) throw new Error('not invited');
    cookies['utrecht'] = (await signInWith(`${app.url}/manage/link?token=${again.token}`)).headers;
  });

  it('a link confirmed from another site’s page (login CSRF)', async () => {
    const { invitePerson } = await import('../src/auth/people.ts');
    const invited = await invitePerson(t.database.db, 'operator', {
      email: MODERATOR.email,
      name: MODERATOR.name,
      role: 'moderator',
    });
    if (!invited.ok) throw new Error('not invited');
    const before = await peopleTables();
    const link = `${app.url}/manage/link?token=${invited.token}`;
    const signIn = await signInWith(link, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(signIn.response.status).toBe(403);
    expect(signIn.setCookie).toBe('');
    expect(await peopleTables()).toEqual(before);
    cookies['moderator'] = (await signInWith(link)).headers;
  });
});

describe('the session cookie from another origin', () => {
  const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { code } } }`;
  const input = {
    edition: 'nid-test',
    name: 'Via een andere site',
    coordinates: { lat: 52.37, lng: 4.89 },
    meal: 'DINNER',
  };

  for (const [label, headers] of [
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling host)', { 'sec-fetch-site': 'same-site' }],
  ] as const) {
    it(`is refused with 403 (${label}) and nothing changes`, async () => {
      const before = await peopleTables();
      const { response, body } = await gql(
        app.url,
        CREATE,
        { input },
        { cookie: cookies['asito']!['cookie']!, ...headers },
      );
      expect(response.status).toBe(403);
      expect(body.errors![0]!.extensions.code).toBe('FORBIDDEN');
      expect(body.errors![0]!.message).toMatch(/only from this site’s own pages/);
      expect(await peopleTables()).toEqual(before);
    });
  }

  it('is accepted from the site itself', async () => {
    const { body } = await gql(app.url, CREATE, { input }, cookies['asito']);
    expect(body.data.createLocation.userErrors).toEqual([]);
    await t.database.db.execute(sql`DELETE FROM locations WHERE name = 'Via een andere site'`);
  });
});

describe('coordinators, moderators and press by session', () => {
  const UPDATE = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { name } userErrors { code } } }`;
  const id = (name: string) => encodeGlobalId('Location', fx.locations[name]!.id);

  it('a coordinator of A cannot read or change B’s drafts, venues or keys', async () => {
    const before = await peopleTables();
    // Utrecht's venue, by Asito's coordinator.
    const update = await gql(
      app.url,
      UPDATE,
      { input: { id: id('Stadhuis Utrecht'), name: 'Overgenomen' } },
      cookies['asito'],
    );
    expect(
      update.body.errors?.[0]?.extensions.code ??
        update.body.data.updateLocation.userErrors[0].code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    // Asito's draft, by Utrecht's coordinator: not even seen.
    const draft = await gql(
      app.url,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: id('Concept lunch') },
      cookies['utrecht'],
    );
    expect(draft.body.data.node).toBeNull();
    const own = await gql(
      app.url,
      `{ viewer { locations(edition: "nid-test") { nodes { name organisation { slug } } } } }`,
      {},
      cookies['utrecht'],
    );
    expect(
      new Set(own.body.data.viewer.locations.nodes.map((n: any) => n.organisation.slug)),
    ).toEqual(new Set(['gemeente-utrecht']));
    // Keys: a coordinator sees and issues its own organisation's only.
    const keys = await gql(
      app.url,
      `{ apiKeys { prefix organisation { slug } } }`,
      {},
      cookies['asito'],
    );
    expect(keys.body.errors).toBeUndefined();
    expect(
      keys.body.data.apiKeys
        .map((k: any) => k.organisation?.slug ?? 'staff')
        .filter((slug: string) => slug !== 'asito'),
    ).toEqual([]);
    const issue = await gql(
      app.url,
      `mutation { issueApiKey(input: { organisation: "gemeente-utrecht", scopes: [LOCATIONS_WRITE] }) { secret userErrors { code } } }`,
      {},
      cookies['asito'],
    );
    expect(issue.body.data?.issueApiKey?.secret ?? null).toBeNull();
    expect(
      issue.body.errors?.[0]?.extensions.code ?? issue.body.data.issueApiKey.userErrors[0].code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    const invite = await gql(
      app.url,
      INVITE,
      { input: { email: 'x@utrecht.example', organisation: 'gemeente-utrecht' } },
      cookies['asito'],
    );
    expect(invite.body.data.invitePerson.userErrors[0].code).toBe('FORBIDDEN');
    expect(await peopleTables()).toEqual(before);
    // Its own venue it may change.
    const mine = await gql(
      app.url,
      UPDATE,
      { input: { id: id('Concept lunch'), name: 'Concept lunch' } },
      cookies['asito'],
    );
    expect(mine.body.data.updateLocation.userErrors).toEqual([]);
  });

  it('a moderator approves, but is refused the admin-only actions; nothing changes', async () => {
    const before = await peopleTables();
    for (const [query, field] of [
      [
        `mutation { createEdition(input: { slug: "nid-2099", name: "X", date: "2099-10-08" }) { edition { slug } } }`,
        'createEdition',
      ],
      [
        `mutation { createOrganisation(input: { slug: "nieuw", name: "Nieuw" }) { organisation { slug } } }`,
        'createOrganisation',
      ],
      [
        `mutation { issueApiKey(input: { organisation: "asito", scopes: [LOCATIONS_WRITE] }) { secret } }`,
        'issueApiKey',
      ],
      [`{ apiKeys { prefix } }`, 'apiKeys'],
    ] as const) {
      const r = await gql(app.url, query, {}, cookies['moderator']);
      expect(r.body.errors?.[0]?.extensions.code, field).toBe('FORBIDDEN');
      expect(r.body.errors![0]!.message).toMatch(/staff admins/);
    }
    const staff = await gql(
      app.url,
      INVITE,
      { input: { email: PRESS.email, role: 'PRESS' } },
      cookies['moderator'],
    );
    expect(staff.body.data.invitePerson.userErrors[0].code).toBe('FORBIDDEN');
    expect(await peopleTables()).toEqual(before);
    const approve = await gql(
      app.url,
      `mutation { approveOrganisation(input: { organisation: "asito" }) { organisation { slug } userErrors { code } } }`,
      {},
      cookies['moderator'],
    );
    expect(approve.body.data.approveOrganisation.userErrors).toEqual([]);
    const people = await gql(app.url, `{ people { nodes { email } } }`, {}, cookies['moderator']);
    expect(people.body.errors).toBeUndefined();
  });

  it('press read what the public reads and change nothing', async () => {
    const invited = await gql(
      app.url,
      INVITE,
      { input: { email: PRESS.email, name: PRESS.name, role: 'PRESS' } },
      cookies['admin'],
    );
    expect(invited.body.data.invitePerson.userErrors).toEqual([]);
    cookies['press'] = (await signInWith(invited.body.data.invitePerson.invitationUrl)).headers;
    const before = await peopleTables();
    const update = await gql(
      app.url,
      UPDATE,
      { input: { id: id('Heracles Stadion'), name: 'Pers' } },
      cookies['press'],
    );
    expect(update.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const approve = await gql(
      app.url,
      `mutation { approveOrganisation(input: { organisation: "asito" }) { organisation { slug } } }`,
      {},
      cookies['press'],
    );
    expect(approve.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    for (const query of [
      `{ people { nodes { email } } }`,
      `{ locationChanges { nodes { action } } }`,
    ]) {
      expect(
        (await gql(app.url, query, {}, cookies['press'])).body.errors![0]!.extensions.code,
      ).toBe('FORBIDDEN');
    }
    const draft = await gql(
      app.url,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: id('Concept lunch') },
      cookies['press'],
    );
    expect(draft.body.data.node).toBeNull();
    expect(await peopleTables()).toEqual(before);
  });
});

describe('session expiry and signing out', () => {
  async function fresh(email: string): Promise<Record<string, string>> {
    const { signInLinkFor } = await import('../src/auth/people.ts');
    const link = await signInLinkFor(t.database.db, email);
    return (await signInWith(`${app.url}/manage/link?token=${link!.token}`)).headers;
  }
  const personOf = async (headers: Record<string, string>) =>
    (await gql(app.url, ME, {}, headers)).body.data.me;

  it('a session idle for longer than allowed has ended', async () => {
    const session = await fresh(COORDINATOR.email);
    expect(await personOf(session)).not.toBeNull();
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '7 days 1 minute' WHERE id = (SELECT max(id) FROM sessions)`,
    );
    expect(await personOf(session)).toBeNull();
    const write = await gql(app.url, `mutation { signOutEverywhere { signedOut } }`, {}, session);
    expect(write.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a session past its absolute expiry has ended, however recently used', async () => {
    const session = await fresh(COORDINATOR.email);
    expect(await personOf(session)).not.toBeNull();
    await t.database.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = (SELECT max(id) FROM sessions)`,
    );
    expect(await personOf(session)).toBeNull();
  });

  it('sign out ends this session and clears the cookie', async () => {
    const session = await fresh(COORDINATOR.email);
    const response = await fetch(`${app.url}/manage/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...session, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^tafel_session=; Path=\/; HttpOnly; SameSite=Strict.*Max-Age=0/,
    );
    expect(await personOf(session)).toBeNull();
  });

  it('sign out everywhere ends every session of the person, and no one else’s', async () => {
    const one = await fresh(COORDINATOR.email);
    const two = await fresh(COORDINATOR.email);
    expect(await personOf(cookies['asito']!)).not.toBeNull();
    const { body } = await gql(
      app.url,
      `mutation { signOutEverywhere { signedOut userErrors { code } } }`,
      {},
      one,
    );
    expect(body.data.signOutEverywhere.signedOut).toBeGreaterThanOrEqual(3);
    for (const session of [one, two, cookies['asito']!, cookies['asito2']!])
      expect(await personOf(session)).toBeNull();
    expect(await personOf(cookies['utrecht']!)).not.toBeNull();
    cookies['asito'] = await fresh(COORDINATOR.email);
  });
});

describe('sign-in link requests are rate limited per address and per client', () => {
  it('answers RATE_LIMITED once one client asked for more than its allowance, whatever the addresses', async () => {
    const limited = await serve({
      publicApi: { signInLinkLimit: { perIp: 2, perAddress: 5, windowSeconds: 3600 } },
    });
    try {
      for (const email of ['a@nowhere.example', 'b@nowhere.example'])
        expect(
          (await gql(limited.url, REQUEST, { email })).body.data.requestSignInLink.userErrors,
        ).toEqual([]);
      const refused = await gql(limited.url, REQUEST, { email: 'c@nowhere.example' });
      expect(refused.body.data.requestSignInLink.userErrors[0].code).toBe('RATE_LIMITED');
    } finally {
      await close(limited);
    }
  });

  it('answers RATE_LIMITED after five for one address, and sends nothing more', async () => {
    const email = 'counted@nowhere.example';
    for (let i = 0; i < 5; i++)
      expect(
        (await gql(logOnly.url, REQUEST, { email })).body.data.requestSignInLink.userErrors,
      ).toEqual([]);
    const refused = await gql(logOnly.url, REQUEST, { email: email.toUpperCase() });
    expect(refused.body.data.requestSignInLink.userErrors[0].code).toBe('RATE_LIMITED');
    expect(refused.body.data.requestSignInLink.delivery).toBeNull();
  });
});

describe('removing people', () => {
  it('a person removes themselves: their sessions and links go too', async () => {
    const me = (await gql(app.url, ME, {}, cookies['utrecht'])).body.data.me;
    const { body } = await gql(
      app.url,
      `mutation($id: ID!) { removePerson(input: { id: $id }) { removedPersonId userErrors { code } } }`,
      { id: me.id },
      cookies['utrecht'],
    );
    expect(body.data.removePerson).toEqual({ removedPersonId: me.id, userErrors: [] });
    const left = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT (SELECT count(*) FROM people WHERE lower(email) = lower(${OTHER.email})) + (SELECT count(*) FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = s.person_id)) AS n`,
      ),
    );
    expect(Number(left[0]!.n)).toBe(0);
    expect((await gql(app.url, ME, {}, cookies['utrecht'])).body.data.me).toBeNull();
  });

  it('a coordinator cannot remove staff, and is told only that there is no such person', async () => {
    const admin = (await gql(app.url, ME, {}, cookies['admin'])).body.data.me;
    const before = await peopleTables();
    const { body } = await gql(
      app.url,
      `mutation($id: ID!) { removePerson(input: { id: $id }) { removedPersonId userErrors { code } } }`,
      { id: admin.id },
      cookies['asito'],
    );
    expect(body.data.removePerson.userErrors[0].code).toBe('NOT_FOUND');
    expect(await peopleTables()).toEqual(before);
  });

  it('the CLI lists and removes people', async () => {
    const listed = await cli(['people', 'list']);
    expect(listed.out.some((l) => l.includes('staff:admin'))).toBe(true);
    const press = listed.out.find((l) => l.includes(PRESS.email))!;
    const removed = await cli(['people', 'remove', press.split(' ')[0]!]);
    expect(removed.code).toBe(0);
    expect((await gql(app.url, ME, {}, cookies['press'])).body.data.me).toBeNull();
  });
});

describe('messages in the person’s language', () => {
  /** A message's headers and text as read: soft line breaks joined, `=3D` decoded. */
  const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const subject = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';

  it('an invitation in German, its link’s page in German, and later sign-in links too', async () => {
    const sent = mails.length;
    const invited = await gql(
      app.url,
      INVITE,
      { input: { ...GERDA, organisation: 'asito', language: 'DE' } },
      cookies['admin'],
    );
    expect(invited.body.data.invitePerson.userErrors).toEqual([]);
    await waitForMail(sent + 1);
    const mail = plain(mails[sent]!.raw);
    expect(subject(mail)).toBe('Ihre Einladung zu Tafel');
    expect(mail).toContain('Sie sind zu Tafel eingeladen.');
    const link = /https?:\/\/\S+\/manage\/link\?token=[A-Za-z0-9_-]{43}&lang=de/.exec(mail)?.[0];
    expect(link).toBeDefined();
    expect(invited.body.data.invitePerson.invitationUrl).toBe(link);
    // The page says it in German whatever the browser asks for, and signing in keeps the language.
    const page = await fetch(link!, { headers: { 'accept-language': 'da' } });
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('action="/manage/link?lang=de"');
    const token = new URL(link!).searchParams.get('token')!;
    const signIn = await fetch(`${app.url}/manage/link?lang=de`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameOrigin(app.url) },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/manage?lang=de');

    // A sign-in link later: in her language, unless the page she asks from is in another.
    const again = mails.length;
    await gql(app.url, REQUEST, { email: GERDA.email });
    await waitForMail(again + 1);
    expect(plain(mails[again]!.raw)).toContain('um sich bei Tafel anzumelden');
    const danish = await gql(
      app.url,
      `mutation($email: String!) { requestSignInLink(input: { email: $email, language: DA }) { userErrors { code } } }`,
      { email: GERDA.email },
    );
    expect(danish.body.data.requestSignInLink.userErrors).toEqual([]);
    await waitForMail(again + 2);
    expect(subject(plain(mails[again + 1]!.raw))).toBe('Dit login-link til Tafel');
  });

  it('a language Tafel does not write in is refused, and nothing changes', async () => {
    const before = await peopleTables();
    const r = await gql(
      app.url,
      INVITE,
      { input: { email: 'x@verein.example', organisation: 'asito', language: 'FR' } },
      cookies['admin'],
    );
    expect(r.body.errors![0]!.message).toMatch(/Language/);
    expect(await peopleTables()).toEqual(before);
  });
});

describe('no personal data in public', () => {
  it('the public API and the open data carry no names or addresses of people', async () => {
    const admin = (await gql(app.url, ME, {}, cookies['admin'])).body.data.me;
    const texts: string[] = [];
    const anonymous = await gql(
      app.url,
      `query($id: ID!) { node(id: $id) { id } me { email } people { nodes { email } } }`,
      { id: admin.id },
    );
    texts.push(JSON.stringify(anonymous.body));
    expect(anonymous.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const page = await gql(
      app.url,
      `query($id: ID!) { node(id: $id) { id } me { email } organisations { nodes { name slug locations(edition: "nid-test") { nodes { name } } } } locations(edition: "nid-test") { nodes { name organisation { name } } } }`,
      { id: admin.id },
    );
    expect(page.body.data.node).toBeNull();
    expect(page.body.data.me).toBeNull();
    texts.push(JSON.stringify(page.body));
    for (const format of ['geojson', 'csv', 'ics'])
      texts.push(await (await fetch(`${app.url}/editions/nid-test/locations.${format}`)).text());
    // A coordinator sees their own address in `me`, never a colleague's or staff's.
    const colleague = await gql(
      app.url,
      `query($id: ID!) { node(id: $id) { ... on Person { email } } }`,
      { id: admin.id },
      cookies['asito'],
    );
    expect(colleague.body.data.node).toBeNull();
    const all = texts.join('\n');
    expect(all).toContain('Stadhuis Utrecht'); // the exports were read
    for (const person of EVERYONE) {
      expect(all.toLowerCase()).not.toContain(person.email.toLowerCase());
      expect(all).not.toContain(person.name);
    }
  });

  it('no log line carries a name or an address', () => {
    // The logs were captured: links went there.
    expect(logLines.some((l) => l.includes('sign-in link for person #'))).toBe(true);
    expect(logLines.some((l) => l.includes('e-mailed'))).toBe(true);
    const all = logLines.join('\n').toLowerCase();
    for (const person of EVERYONE) {
      expect(all).not.toContain(person.email.toLowerCase());
      expect(all).not.toContain(person.name.toLowerCase());
    }
  });
});
