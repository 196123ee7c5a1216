/**
 * The join form over real HTTP: its token and terms, the honeypot, the least fill time, the
 * per-client limit and every field's check; each refusal changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../src/locations/terms.ts';
import { APPLICANT, DELETE, FORM, gql, joinTables, useJoinWorld } from './join-support.ts';

const w = useJoinWorld();
const { application, apply, pending, who } = w;

describe('the join form', () => {
  it('joinForm answers a fresh signed token and the terms in the asked language, never cached', async () => {
    const first = await gql(w.app.url, FORM, { language: 'NL' });
    const again = await gql(w.app.url, FORM, { language: 'NL' });
    const form = first.body.data.joinForm;
    expect(form.token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(again.body.data.joinForm.token).not.toBe(form.token);
    expect(form.termsVersion).toBe(TERMS_VERSION);
    expect(form.termsText).toMatch(/federatie/);
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    const get = await fetch(
      `${w.app.url}/graphql?query=${encodeURIComponent('{ joinForm { token } }')}`,
    );
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect(get.headers.get('etag')).toBeNull();
  });

  it('a filled honeypot is refused with a generic REFUSED and stores nothing', async () => {
    const before = await joinTables(w.t);
    const answer = await apply(application({ leaveEmpty: 'http://spam.example' }));
    expect(answer).toEqual({
      received: false,
      userErrors: [{ field: null, code: 'REFUSED', message: expect.stringMatching(/reload/i) }],
    });
    expect(await joinTables(w.t)).toEqual(before);
  });

  it('a form sent within 3 seconds of opening is refused, and stores nothing', async () => {
    const fresh = (await gql(w.app.url, FORM)).body.data.joinForm.token;
    const before = await joinTables(w.t);
    const answer = await apply(application({ formToken: fresh }));
    expect(answer.received).toBe(false);
    expect(answer.userErrors.map((e) => e.code)).toEqual(['REFUSED']);
    expect(await joinTables(w.t)).toEqual(before);
  });

  it('a forged or damaged form token is refused at its field', async () => {
    const before = await joinTables(w.t);
    const [stamp, signature] = w.token.split('.');
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
    expect(await joinTables(w.t)).toEqual(before);
  });

  it('every field is checked, each problem at its field, and nothing is stored', async () => {
    const before = await joinTables(w.t);
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
    expect(await joinTables(w.t)).toEqual(before);
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
      (await apply(application({ formToken: w.limitedToken, email: '' }), w.limited)).received,
    ).toBe(false);
    // Another process's token works too: they share the signing key through the database.
    for (const [i, formToken] of [w.limitedToken, w.token].entries())
      expect(
        await apply(application({ formToken, organisationName: `Flood ${i}` }), w.limited),
      ).toEqual({ received: true, userErrors: [] });
    const before = await joinTables(w.t);
    const answer = await apply(application({ formToken: w.limitedToken }), w.limited);
    expect(answer).toEqual({
      received: false,
      userErrors: [{ field: null, code: 'RATE_LIMITED', message: expect.stringMatching(/hour/) }],
    });
    expect(await joinTables(w.t)).toEqual(before);
    for (const a of (await pending()).filter((p) => p.organisationName.startsWith('Flood')))
      await gql(w.app.url, DELETE, { id: a.id }, who['admin']);
  });
});
