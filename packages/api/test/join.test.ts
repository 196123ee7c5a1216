/**
 * The join form over real HTTP: its token and terms, the honeypot, the least fill time, the
 * per-client limit and every field's check (each refusal changes nothing); staff approve (the
 * organisation and its coordinator's invitation, with which they sign in) or reject (the
 * applicant is e-mailed the reason, through a fake SMTP server); who may list and decide.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { TERMS_VERSION } from '../src/locations/terms.ts';
import {
  close,
  gql,
  joinTables,
  logLines,
  mails,
  plain,
  type Served,
  serve,
  startSmtp,
  waitForMail,
} from './join-support.ts';
import {
  memberKey,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  staffKey,
  type TestDb,
} from './support.ts';

const APPLICANT = { email: 'Jamila.Jansen@buurtmoskee.example', name: 'Jamila Jansen' };
const SECOND = { email: 'sven.sorensen@skole.example', name: 'Sven Sørensen' };

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let app: Served;
let limited: Served;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
/** Tokens issued at the start: by the time the tests send them, more than 3 s old. */
let token = '';
let limitedToken = '';
const who: Record<string, Record<string, string>> = {};

const FORM = `query($language: Language) { joinForm { token termsVersion termsText(language: $language) } }`;
const APPLY = `mutation($input: ApplyToJoinInput!) { applyToJoin(input: $input) { received userErrors { field message code } } }`;
const LIST = `query($status: ApplicationStatus) { applications(status: $status) { nodes { id organisationName kind website contactName email termsVersion consentedAt status reason decidedBy decidedAt organisation { slug } } } }`;
const APPROVE = `mutation($id: ID!) { approveApplication(input: { id: $id }) { application { status decidedBy } organisation { slug name kind } invitationUrl expiresAt delivery userErrors { field message code } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectApplication(input: { id: $id, reason: $reason }) { application { status reason } delivery userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { deleteApplication(input: { id: $id }) { deletedApplicationId userErrors { field message code } } }`;

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
  who['coordinator'] = await session({ email: 'coby@asito.example', organisationId: fx.asito.id });
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

describe('the join form', () => {
  it('joinForm answers a fresh signed token and the terms in the asked language, never cached', async () => {
    const first = await gql(app.url, FORM, { language: 'NL' });
    const again = await gql(app.url, FORM, { language: 'NL' });
    const form = first.body.data.joinForm;
    expect(form.token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(again.body.data.joinForm.token).not.toBe(form.token);
    expect(form.termsVersion).toBe(TERMS_VERSION);
    expect(form.termsText).toMatch(/federatie/);
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    const get = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ joinForm { token } }')}`,
    );
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect(get.headers.get('etag')).toBeNull();
  });

  it('a filled honeypot is refused with a generic REFUSED and stores nothing', async () => {
    const before = await joinTables(t);
    const answer = await apply(application({ leaveEmpty: 'http://spam.example' }));
    expect(answer).toEqual({
      received: false,
      userErrors: [{ field: null, code: 'REFUSED', message: expect.stringMatching(/reload/i) }],
    });
    expect(await joinTables(t)).toEqual(before);
  });

  it('a form sent within 3 seconds of opening is refused, and stores nothing', async () => {
    const fresh = (await gql(app.url, FORM)).body.data.joinForm.token;
    const before = await joinTables(t);
    const answer = await apply(application({ formToken: fresh }));
    expect(answer.received).toBe(false);
    expect(answer.userErrors.map((e) => e.code)).toEqual(['REFUSED']);
    expect(await joinTables(t)).toEqual(before);
  });

  it('a forged or damaged form token is refused at its field', async () => {
    const before = await joinTables(t);
    const [stamp, signature] = token.split('.');
    const earlier = (parseInt(stamp!, 36) - 60_000).toString(36);
    for (const formToken of [
      '',
      'nonsense',
      `${earlier}.${signature}`,
      `${stamp}.${'A'.repeat(43)}`,
    ]) {
      const answer = await apply(application({ formToken }));
      expect(answer.userErrors, formToken).toEqual([
        { field: ['formToken'], code: 'INVALID', message: expect.stringMatching(/reload/i) },
      ]);
    }
    expect(await joinTables(t)).toEqual(before);
  });

  it('every field is checked, each problem at its field, and nothing is stored', async () => {
    const before = await joinTables(t);
    const answer = await apply(
      application({
        organisationName: '  ',
        kind: null,
        website: 'ftp://buurtmoskee.example',
        contactName: 'Jamila\u0007',
        email: 'jamila-at-example',
        consent: false,
      }),
    );
    expect(answer.received).toBe(false);
    expect(answer.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['organisationName', 'REQUIRED'],
      ['kind', 'REQUIRED'],
      ['website', 'INVALID_URL'],
      ['contactName', 'INVALID'],
      ['email', 'INVALID'],
      ['consent', 'REQUIRED'],
    ]);
    const more = await apply(
      application({
        organisationName: 'x'.repeat(201),
        website: `https://${'a'.repeat(500)}.example`,
        contactName: '',
        email: '',
        termsVersion: '2019-01-01',
      }),
    );
    expect(more.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['organisationName', 'TOO_LONG'],
      ['website', 'TOO_LONG'],
      ['contactName', 'REQUIRED'],
      ['email', 'REQUIRED'],
      ['termsVersion', 'INVALID'],
    ]);
    expect(await joinTables(t)).toEqual(before);
  });

  it('a complete application is stored with the terms version and the time of consent', async () => {
    expect(await apply(application())).toEqual({ received: true, userErrors: [] });
    const [stored] = await pending();
    expect(stored).toMatchObject({
      organisationName: 'Buurtmoskee Al-Amal',
      kind: 'FAITH_COMMUNITY',
      website: 'https://buurtmoskee.example',
      contactName: APPLICANT.name,
      email: APPLICANT.email,
      termsVersion: TERMS_VERSION,
      status: 'PENDING',
      reason: null,
      decidedAt: null,
    });
    expect(Date.now() - Date.parse((stored as any).consentedAt)).toBeLessThan(60_000);
  });

  it('one client may send only so many applications an hour; then RATE_LIMITED, storing nothing', async () => {
    // Every attempt counts, refused ones too.
    expect(
      (await apply(application({ formToken: limitedToken, email: '' }), limited)).received,
    ).toBe(false);
    // Another process's token works too: they share the signing key through the database.
    for (const [i, formToken] of [limitedToken, token].entries())
      expect(
        await apply(application({ formToken, organisationName: `Flood ${i}` }), limited),
      ).toEqual({ received: true, userErrors: [] });
    const before = await joinTables(t);
    const answer = await apply(application({ formToken: limitedToken }), limited);
    expect(answer).toEqual({
      received: false,
      userErrors: [{ field: null, code: 'RATE_LIMITED', message: expect.stringMatching(/hour/) }],
    });
    expect(await joinTables(t)).toEqual(before);
    for (const a of (await pending()).filter((p) => p.organisationName.startsWith('Flood')))
      await gql(app.url, DELETE, { id: a.id }, who['admin']);
  });
});

describe('who may list and decide applications', () => {
  it('staff admins and moderators list them; press, coordinators, member keys and anonymous cannot', async () => {
    const [target] = await pending();
    for (const [role, headers] of Object.entries(who)) {
      const list = await gql(app.url, LIST, {}, headers);
      const allowed = ['admin', 'moderator', 'staff key'].includes(role);
      if (allowed) expect(list.body.data.applications.nodes.length, role).toBeGreaterThan(0);
      else
        expect(list.body.errors?.[0]?.extensions?.code, role).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const node = await gql(
        app.url,
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: target!.id },
        headers,
      );
      expect(node.body.data.node, role).toEqual(allowed ? { id: target!.id } : null);
      if (allowed) continue;
      const before = await joinTables(t);
      for (const [query, vars] of [
        [APPROVE, { id: target!.id }],
        [REJECT, { id: target!.id, reason: 'no' }],
        [DELETE, { id: target!.id }],
      ] as const) {
        const refused = await gql(app.url, query, vars, headers);
        expect(refused.body.errors?.[0]?.extensions?.code, role).toMatch(
          /FORBIDDEN|UNAUTHENTICATED/,
        );
      }
      expect(await joinTables(t)).toEqual(before);
    }
  });
});

describe('approving and rejecting', () => {
  it('approving creates the organisation and invites its contact as coordinator; they sign in with the e-mailed link', async () => {
    const [target] = await pending();
    const sent = mails.length;
    const { body } = await gql(app.url, APPROVE, { id: target!.id }, who['moderator']);
    const approved = body.data.approveApplication;
    expect(approved.userErrors).toEqual([]);
    expect(approved.organisation).toEqual({
      slug: 'buurtmoskee-al-amal',
      name: 'Buurtmoskee Al-Amal',
      kind: 'FAITH_COMMUNITY',
    });
    expect(approved.application.status).toBe('APPROVED');
    expect(approved.application.decidedBy).toMatch(/^person:\d+$/);
    expect(approved.delivery).toBe('EMAIL');
    expect(approved.invitationUrl).toMatch(/\/manage\/link\?token=[A-Za-z0-9_-]{43}$/);
    await waitForMail(sent + 1);
    const mail = mails[sent]!;
    expect(mail.to).toEqual([APPLICANT.email]);
    const link = /https?:\/\/\S+\/manage\/link\?token=[A-Za-z0-9_-]{43}/.exec(plain(mail.raw))![0];
    expect(link).toBe(approved.invitationUrl);

    const signedIn = await signIn(link);
    expect(signedIn.response.status).toBe(303);
    expect(signedIn.response.headers.get('location')).toBe('/manage');
    const me = await gql(
      app.url,
      '{ me { email name organisation { slug } role } }',
      {},
      signedIn.headers,
    );
    expect(me.body.data.me).toEqual({
      email: APPLICANT.email,
      name: APPLICANT.name,
      organisation: { slug: 'buurtmoskee-al-amal' },
      role: null,
    });
    const list = await gql(app.url, LIST, { status: 'APPROVED' }, who['admin']);
    expect(list.body.data.applications.nodes[0].organisation).toEqual({
      slug: 'buurtmoskee-al-amal',
    });
  });

  it('an application already decided is refused with DECIDED, and nothing changes', async () => {
    const [approved] = (await gql(app.url, LIST, { status: 'APPROVED' }, who['admin'])).body.data
      .applications.nodes;
    const before = await joinTables(t);
    for (const [query, vars] of [
      [APPROVE, { id: approved.id }],
      [REJECT, { id: approved.id, reason: 'Too late.' }],
    ] as const) {
      const { body } = await gql(app.url, query, vars, who['admin']);
      expect(Object.values(body.data as object)[0].userErrors).toEqual([
        { field: ['id'], code: 'DECIDED', message: 'This application was already approved.' },
      ]);
    }
    const unknown = await gql(app.url, APPROVE, { id: 'nonsense' }, who['admin']);
    expect(unknown.body.data.approveApplication.userErrors[0].code).toBe('NOT_FOUND');
    expect(await joinTables(t)).toEqual(before);
  });

  it('the same name again gets a slug of its own; an address that already has an account refuses the whole approval', async () => {
    expect(await apply(application({ email: SECOND.email, contactName: SECOND.name }))).toEqual({
      received: true,
      userErrors: [],
    });
    const [again] = await pending();
    const ok = await gql(app.url, APPROVE, { id: again!.id }, who['admin']);
    expect(ok.body.data.approveApplication.organisation.slug).toBe('buurtmoskee-al-amal-2');

    // The coordinator of Asito applies for another organisation with the same address.
    expect(
      await apply(
        application({ organisationName: 'Asito Foundation', email: 'coby@asito.example' }),
      ),
    ).toEqual({ received: true, userErrors: [] });
    const [taken] = await pending();
    const before = await joinTables(t);
    const refused = await gql(app.url, APPROVE, { id: taken!.id }, who['admin']);
    expect(
      refused.body.data.approveApplication.userErrors.map((e: any) => [e.field, e.code]),
    ).toEqual([[['email'], 'TAKEN']]);
    expect(await joinTables(t)).toEqual(before);
  });

  it('rejecting needs a reason; the applicant is e-mailed it', async () => {
    const [target] = await pending();
    const before = await joinTables(t);
    const empty = await gql(app.url, REJECT, { id: target!.id, reason: ' ' }, who['moderator']);
    expect(empty.body.data.rejectApplication.userErrors.map((e: any) => [e.field, e.code])).toEqual(
      [[['reason'], 'REQUIRED']],
    );
    expect(await joinTables(t)).toEqual(before);

    const reason = 'You are already a member through Asito.\nAsk Coby to invite a colleague.';
    const { body } = await gql(app.url, REJECT, { id: target!.id, reason }, who['moderator']);
    expect(body.data.rejectApplication).toEqual({
      application: { status: 'REJECTED', reason },
      delivery: 'EMAIL',
      userErrors: [],
    });
    const toCoby = () => mails.find((m) => m.to.includes('coby@asito.example'));
    for (let i = 0; i < 100 && !toCoby(); i++) await new Promise((r) => setTimeout(r, 50));
    const text = plain(toCoby()!.raw);
    expect(text).toContain('Asito Foundation');
    expect(text).toContain('You are already a member through Asito.');
    expect(text).toContain('Ask Coby to invite a colleague.');
  });

  it('staff may delete an application, its personal data with it', async () => {
    const [rejected] = (await gql(app.url, LIST, { status: 'REJECTED' }, who['admin'])).body.data
      .applications.nodes;
    const { body } = await gql(app.url, DELETE, { id: rejected.id }, who['moderator']);
    expect(body.data.deleteApplication).toEqual({
      deletedApplicationId: rejected.id,
      userErrors: [],
    });
    const left = rowsOf<{ email: string }>(
      await t.database.db.execute(sql`SELECT email FROM applications`),
    ).map((r) => r.email);
    expect(left).not.toContain('coby@asito.example');
  });

  it('no log line carries an applicant’s name or address; the public API never shows applications', async () => {
    const logs = logLines.join('\n');
    for (const text of [
      APPLICANT.email,
      APPLICANT.name,
      SECOND.email,
      SECOND.name,
      'coby@asito.example',
    ])
      expect(logs.toLowerCase()).not.toContain(text.toLowerCase());
    expect(logs).toMatch(/rejection of application #\d+ e-mailed/);
    const open = await gql(app.url, '{ organisations(first: 100) { nodes { slug name } } }');
    expect(JSON.stringify(open.body)).not.toMatch(/jamila|sven/i);
  });
});
