/**
 * Deciding applications over real HTTP: who may list and decide them; approving creates the
 * organisation and invites its contact, who signs in with the e-mailed link; rejecting e-mails
 * the applicant the reason (a fake SMTP server); refusals change nothing; no personal data in
 * the logs or the public API.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import {
  APPLICANT,
  APPROVE,
  DELETE,
  gql,
  joinTables,
  LIST,
  logLines,
  mails,
  plain,
  REJECT,
  SECOND,
  useJoinWorld,
  waitForMail,
} from './join-support.ts';

const w = useJoinWorld();
const { application, apply, pending, signIn, who } = w;

beforeAll(async () => {
  expect(await apply(application())).toEqual({ received: true, userErrors: [] });
});

describe('who may list and decide applications', () => {
  it('staff admins and moderators list them; press, coordinators, member keys and anonymous cannot', async () => {
    const [target] = await pending();
    for (const [role, headers] of Object.entries(who)) {
      const list = await gql(w.app.url, LIST, {}, headers);
      const allowed = ['admin', 'moderator', 'staff key'].includes(role);
      if (allowed) expect(list.body.data.applications.nodes.length, role).toBeGreaterThan(0);
      else
        expect(list.body.errors?.[0]?.extensions?.code, role).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const node = await gql(
        w.app.url,
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: target!.id },
        headers,
      );
      expect(node.body.data.node, role).toEqual(allowed ? { id: target!.id } : null);
      if (allowed) continue;
      const before = await joinTables(w.t);
      for (const [query, vars] of [
        [APPROVE, { id: target!.id }],
        [REJECT, { id: target!.id, reason: 'no' }],
        [DELETE, { id: target!.id }],
      ] as const) {
        const refused = await gql(w.app.url, query, vars, headers);
        expect(refused.body.errors?.[0]?.extensions?.code, role).toMatch(
          /FORBIDDEN|UNAUTHENTICATED/,
        );
      }
      expect(await joinTables(w.t)).toEqual(before);
    }
  });
});

describe('approving and rejecting', () => {
  it('approving creates the organisation and invites its contact as coordinator; they sign in with the e-mailed link', async () => {
    const [target] = await pending();
    const sent = mails.length;
    const { body } = await gql(w.app.url, APPROVE, { id: target!.id }, who['moderator']);
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
      w.app.url,
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
    const list = await gql(w.app.url, LIST, { status: 'APPROVED' }, who['admin']);
    expect(list.body.data.applications.nodes[0].organisation).toEqual({
      slug: 'buurtmoskee-al-amal',
    });
  });

  it('an application already decided is refused with DECIDED, and nothing changes', async () => {
    const [approved] = (await gql(w.app.url, LIST, { status: 'APPROVED' }, who['admin'])).body.data
      .applications.nodes;
    const before = await joinTables(w.t);
    for (const [query, vars] of [
      [APPROVE, { id: approved.id }],
      [REJECT, { id: approved.id, reason: 'Too late.' }],
    ] as const) {
      const { body } = await gql(w.app.url, query, vars, who['admin']);
      expect(Object.values(body.data as object)[0].userErrors).toEqual([
        { field: ['id'], code: 'DECIDED', message: 'This application was already approved.' },
      ]);
    }
    const unknown = await gql(w.app.url, APPROVE, { id: 'nonsense' }, who['admin']);
    expect(unknown.body.data.approveApplication.userErrors[0].code).toBe('NOT_FOUND');
    expect(await joinTables(w.t)).toEqual(before);
  });

  it('the same name again gets a slug of its own; an address that already has an account refuses the whole approval', async () => {
    expect(await apply(application({ email: SECOND.email, contactName: SECOND.name }))).toEqual({
      received: true,
      userErrors: [],
    });
    const [again] = await pending();
    const ok = await gql(w.app.url, APPROVE, { id: again!.id }, who['admin']);
    expect(ok.body.data.approveApplication.organisation.slug).toBe('buurtmoskee-al-amal-2');

    // The coordinator of Asito applies for another organisation with the same address.
    expect(
      await apply(
        application({ organisationName: 'Asito Foundation', email: 'coby@asito.example' }),
      ),
    ).toEqual({ received: true, userErrors: [] });
    const [taken] = await pending();
    const before = await joinTables(w.t);
    const refused = await gql(w.app.url, APPROVE, { id: taken!.id }, who['admin']);
    expect(
      refused.body.data.approveApplication.userErrors.map((e: any) => [e.field, e.code]),
    ).toEqual([[['email'], 'TAKEN']]);
    expect(await joinTables(w.t)).toEqual(before);
  });

  it('rejecting needs a reason; the applicant is e-mailed it', async () => {
    const [target] = await pending();
    const before = await joinTables(w.t);
    const empty = await gql(w.app.url, REJECT, { id: target!.id, reason: ' ' }, who['moderator']);
    expect(empty.body.data.rejectApplication.userErrors.map((e: any) => [e.field, e.code])).toEqual(
      [[['reason'], 'REQUIRED']],
    );
    expect(await joinTables(w.t)).toEqual(before);

    const reason = 'You are already a member through Asito.\nAsk Coby to invite a colleague.';
    const { body } = await gql(w.app.url, REJECT, { id: target!.id, reason }, who['moderator']);
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

  it('both decisions are in the audit trail, by application number, without the applicant', async () => {
    const events = rowsOf<{
      action: string;
      reason: string | null;
      details: unknown;
      actor: string;
    }>(
      await w.t.database.db.execute(
        sql`SELECT action, reason, details, actor FROM audit_events WHERE action LIKE '%_APPLICATION' ORDER BY id`,
      ),
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['APPROVE_APPLICATION', 'REJECT_APPLICATION']),
    );
    const text = JSON.stringify(events);
    expect(text).not.toContain(APPLICANT.email);
    expect(text).not.toContain(APPLICANT.name);
    expect(text).not.toContain('coby@asito.example');
    expect(events.find((e) => e.action === 'REJECT_APPLICATION')?.reason).toContain(
      'You are already a member through Asito.',
    );
  });

  it('staff may delete an application, its personal data with it', async () => {
    const [rejected] = (await gql(w.app.url, LIST, { status: 'REJECTED' }, who['admin'])).body.data
      .applications.nodes;
    const { body } = await gql(w.app.url, DELETE, { id: rejected.id }, who['moderator']);
    expect(body.data.deleteApplication).toEqual({
      deletedApplicationId: rejected.id,
      userErrors: [],
    });
    const left = rowsOf<{ email: string }>(
      await w.t.database.db.execute(sql`SELECT email FROM applications`),
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
    const open = await gql(w.app.url, '{ organisations(first: 100) { nodes { slug name } } }');
    expect(JSON.stringify(open.body)).not.toMatch(/jamila|sven/i);
  });
});

describe('in the applicant’s language', () => {
  const subject = (raw: string) => /^Subject: (.*)$/m.exec(plain(raw))?.[1] ?? '';
  const mailTo = async (address: string) => {
    const find = () => mails.find((m) => m.to.includes(address));
    for (let i = 0; i < 100 && !find(); i++) await new Promise((r) => setTimeout(r, 50));
    return find()!;
  };
  const byName = async (name: string) =>
    (await pending()).find((a) => a.organisationName === name)!;

  it('a Danish application is answered in Danish: the invitation, and its page', async () => {
    const input = application({
      organisationName: 'Skolen ved Søen',
      kind: 'SCHOOL',
      contactName: 'Dorte Dal',
      email: 'dorte@skole.example',
      language: 'DA',
    });
    expect(await apply(input)).toEqual({ received: true, userErrors: [] });
    const target = await byName('Skolen ved Søen');
    const { body } = await gql(w.app.url, APPROVE, { id: target.id }, who['moderator']);
    expect(body.data.approveApplication.userErrors).toEqual([]);
    expect(body.data.approveApplication.invitationUrl).toMatch(/&lang=da$/);
    const mail = await mailTo('dorte@skole.example');
    expect(subject(mail.raw)).toBe('Din invitation til Tafel');
    expect(plain(mail.raw)).toContain('logge ind');
    const page = await fetch(body.data.approveApplication.invitationUrl);
    expect(await page.text()).toContain('<html lang="da">');
  });

  it('a Dutch application’s rejection is in Dutch, with the reason as staff wrote it', async () => {
    const input = application({
      organisationName: 'Stichting Samen Eten',
      kind: 'CHARITY',
      contactName: 'Noor Nijhof',
      email: 'noor@samen-eten.example',
      language: 'NL',
    });
    expect(await apply(input)).toEqual({ received: true, userErrors: [] });
    const target = await byName('Stichting Samen Eten');
    const reason = 'Deze stichting is al lid via de gemeente.';
    const { body } = await gql(w.app.url, REJECT, { id: target.id, reason }, who['moderator']);
    expect(body.data.rejectApplication.userErrors).toEqual([]);
    const mail = await mailTo('noor@samen-eten.example');
    expect(subject(mail.raw)).toBe('Uw aanmelding bij Tafel');
    expect(plain(mail.raw)).toContain('De reden:');
    expect(plain(mail.raw)).toContain(reason);
  });
});
