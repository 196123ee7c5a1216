/** The join tests' world: apps over real HTTP (with a fake SMTP server, or logging), their logs and mail. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { TERMS_VERSION } from '../src/locations/terms.ts';
import { createApp } from '../src/yoga.ts';
import {
  loggingTo,
  memberKey,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

export interface Served {
  url: string;
  server: Server;
}

export const logLines: string[] = [];
export const mails: { to: string[]; raw: string }[] = [];

export async function serve(t: TestDb, publicApi: Record<string, unknown> = {}): Promise<Served> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logger = loggingTo(logLines);
  const yoga = createApp({
    database: t.database,
    logger,
    publicApi: { rateLimitStore: 'memory', responseCache: true, publicUrl: url, ...publicApi },
  });
  server.on('request', yoga);
  return { url, server };
}

export function close(served: Served): Promise<void> {
  served.server.closeAllConnections();
  return new Promise((resolve) => served.server.close(() => resolve()));
}

/** A fake mail server that keeps every message it receives. */
export async function startSmtp(): Promise<{ url: string; close(): Promise<void> }> {
  const smtp = new SMTPServer({
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
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** A received message's text, quoted-printable undone. */
export function plain(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export async function waitForMail(count: number): Promise<void> {
  for (let i = 0; i < 100 && mails.length < count; i++) await new Promise((r) => setTimeout(r, 50));
}

export async function gql(
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

/** Everything joining and deciding could change. */
export async function joinTables(t: TestDb): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of ['applications', 'organisations', 'people', 'person_links', 'sessions'])
    out[table] = rowsOf(await t.database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY 1`)));
  return JSON.parse(JSON.stringify(out));
}

export const APPLICANT = { email: 'Jamila.Jansen@buurtmoskee.example', name: 'Jamila Jansen' };
export const SECOND = { email: 'sven.sorensen@skole.example', name: 'Sven Sørensen' };

export const FORM = `query($language: Language) { joinForm { token termsVersion termsText(language: $language) } }`;
export const APPLY = `mutation($input: ApplyToJoinInput!) { applyToJoin(input: $input) { received userErrors { field message code } } }`;
export const LIST = `query($status: ApplicationStatus) { applications(status: $status) { nodes { id organisationName kind website contactName email termsVersion consentedAt status reason decidedBy decidedAt organisation { slug } } } }`;
export const APPROVE = `mutation($id: ID!) { approveApplication(input: { id: $id }) { application { status decidedBy } organisation { slug name kind } invitationUrl expiresAt delivery userErrors { field message code } } }`;
export const REJECT = `mutation($id: ID!, $reason: String!) { rejectApplication(input: { id: $id, reason: $reason }) { application { status reason } delivery userErrors { field message code } } }`;
export const DELETE = `mutation($id: ID!) { deleteApplication(input: { id: $id }) { deletedApplicationId userErrors { field message code } } }`;

/**
 * The join tests' world: a database with the fixture, an app with a fake SMTP server and one
 * with a low limit on applications, form tokens already past the least fill time, and a session
 * or key of each kind (`who`). Registers its own hooks.
 */
export function useJoinWorld() {
  let t!: TestDb;
  let fx!: Awaited<ReturnType<typeof seedFixture>>;
  let app!: Served;
  let limited!: Served;
  let smtp!: Awaited<ReturnType<typeof startSmtp>>;
  /** Tokens issued at the start: by the time the tests send them, more than 3 s old. */
  let token = '';
  let limitedToken = '';
  const who: Record<string, Record<string, string>> = {};

  function application(extra: Record<string, unknown> = {}) {
    return {
      organisationName: 'Buurtmoskee Al-Amal',
      kind: 'FAITH_COMMUNITY',
      website: 'https://buurtmoskee.example',
      contactName: APPLICANT.name,
      email: APPLICANT.email,
      consent: true,
      termsVersion: TERMS_VERSION,
      formToken: token,
      ...extra,
    };
  }

  async function apply(input: Record<string, unknown>, to = app) {
    const { body } = await gql(to.url, APPLY, { input });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data.applyToJoin as { received: boolean; userErrors: any[] };
  }

  async function pending(): Promise<{ id: string; organisationName: string; email: string }[]> {
    const { body } = await gql(app.url, LIST, { status: 'PENDING' }, who['admin']);
    expect(body.errors).toBeUndefined();
    return body.data.applications.nodes;
  }

  async function signIn(link: string) {
    const url = new URL(link);
    expect((await fetch(url)).status).toBe(200);
    const response = await fetch(`${url.origin}/manage/link`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: url.origin,
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
    });
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    return { response, headers: { cookie, origin: url.origin, 'sec-fetch-site': 'same-origin' } };
  }

  beforeAll(async () => {
    t = await openTestDatabase();
    fx = await seedFixture(t.database);
    smtp = await startSmtp();
    app = await serve(t, {
      smtpUrl: smtp.url,
      mailFrom: 'Tafel <tafel@federatie.example>',
      joinForm: { perIp: 100, windowSeconds: 3600, minFillMs: 3000 },
    });
    limited = await serve(t, { joinForm: { perIp: 3, windowSeconds: 3600, minFillMs: 3000 } });
    token = (await gql(app.url, FORM)).body.data.joinForm.token;
    limitedToken = (await gql(limited.url, FORM)).body.data.joinForm.token;
    const session = async (invitee: Parameters<typeof personSession>[1]) =>
      sessionHeaders(await personSession(t.database, invitee), app.url);
    who['admin'] = await session({ email: 'ada@federatie.example', role: 'admin' });
    who['moderator'] = await session({ email: 'mo@federatie.example', role: 'moderator' });
    who['press'] = await session({ email: 'pia@krant.example', role: 'press' });
    who['coordinator'] = await session({
      email: 'coby@asito.example',
      organisationId: fx.asito.id,
    });
    who['staff key'] = { authorization: `Bearer ${await staffKey(t.database)}` };
    who['member key'] = { authorization: `Bearer ${await memberKey(t.database, fx.asito.id)}` };
    who['anonymous'] = {};
    await new Promise((r) => setTimeout(r, 3100));
  });

  afterAll(async () => {
    await close(app);
    await close(limited);
    await smtp.close();
    await t.close();
  });

  return {
    get t() {
      return t;
    },
    get app() {
      return app;
    },
    get limited() {
      return limited;
    },
    get token() {
      return token;
    },
    get limitedToken() {
      return limitedToken;
    },
    who,
    application,
    apply,
    pending,
    signIn,
  };
}
