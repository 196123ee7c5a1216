/**
 * /join end to end against the real API: the page in four languages with axe, the browser's
 * checks (a summary linking to each field, the message at the field), the honeypot out of
 * people's and screen readers' way, the server's refusal of a form sent too soon, the thank-you;
 * then staff open Applications in the console (four languages, axe), reject one with a reason
 * and approve the other — the invitation link shown to copy — and the new coordinator signs in
 * with it and lands in /manage, where they make their first venue and publish it.
 */
import { describe, expect, it } from 'vitest';
import {
  API,
  applyToJoin,
  fillJoinForm,
  gql,
  invite,
  LANGS,
  newPage,
  openIn,
  seriousViolations,
  serveBlankTiles,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();

const PENDING = `{ applications(status: PENDING) { nodes { organisationName email } } }`;

async function pending(): Promise<{ organisationName: string; email: string }[]> {
  const data = await gql<{
    applications: { nodes: { organisationName: string; email: string }[] };
  }>(PENDING, {}, staffKey());
  return data.applications.nodes;
}

describe('/join', () => {
  it('shows the form in four languages, the terms in each, without serious axe findings', async () => {
    const { page, errors } = await newPage(ctx.browser);
    const headings: string[] = [];
    for (const lang of LANGS) {
      await openIn(page, '/join', lang);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      headings.push((await heading.textContent()) ?? '');
      await page.locator('#terms-text').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(headings).toEqual([
      'Meld je organisatie aan',
      'Apply to join',
      'Als Organisation mitmachen',
      'Tilmeld din organisation',
    ]);
    expect(await page.locator('#terms-text').textContent()).toMatch(/føderationen/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks every field in the browser: a summary linking to each, the message at the field; nothing is sent', async () => {
    const before = await pending();
    const { page, errors } = await newPage(ctx.browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await openIn(page, '/join', 'en');
    await page.getByLabel('Website (optional)').fill('www.example.org');
    await page.getByLabel('E-mail address of the contact person').fill('jamila at example');
    await page.getByRole('button', { name: 'Send application' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter the name of the organisation.',
      'Choose what kind of organisation it is.',
      'Enter a web address that starts with https:// or http://.',
      'Enter the name of the contact person.',
      'Enter a valid e-mail address, like name@organisation.org.',
      'Agree to the terms to apply.',
    ]);
    // The summary has focus; its links go to their fields.
    expect(
      await page.evaluate(
        () => document.querySelector('tafel-join')!.shadowRoot!.activeElement?.id,
      ),
    ).toBe('summary');
    await summary.getByRole('link', { name: 'Choose what kind of organisation it is.' }).click();
    expect(
      await page.evaluate(
        () => document.querySelector('tafel-join')!.shadowRoot!.activeElement?.id,
      ),
    ).toBe('kind');
    const email = page.getByLabel('E-mail address of the contact person');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('email-hint email-error');
    // The honeypot is there for programs, not for people or screen readers.
    expect(await page.getByRole('textbox', { name: 'Leave this field empty' }).count()).toBe(0);
    expect(
      await page
        .getByRole('textbox', { name: 'Leave this field empty', includeHidden: true })
        .count(),
    ).toBe(1);
    expect(await page.locator('#homepage').count()).toBe(1);
    expect(await page.locator('#homepage').getAttribute('tabindex')).toBe('-1');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(await pending()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an application sent too soon is refused by the server and says so; sent again, it is thanked for', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await openIn(page, '/join', 'en');
    await fillJoinForm(page, {
      organisation: 'Buurtmoskee Al-Amal',
      kind: 'FAITH_COMMUNITY',
      website: 'https://buurtmoskee.example',
      contact: 'Jamila Jansen',
      email: 'jamila@buurtmoskee.example',
    });
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByText('Your application could not be accepted.').waitFor();
    expect(await pending()).toEqual([]);

    await page.waitForTimeout(3000);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('heading', { name: 'Thank you for applying' }).waitFor();
    expect(
      await page.evaluate(
        () => document.querySelector('tafel-join')!.shadowRoot!.activeElement?.id,
      ),
    ).toBe('thanks');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pending()).toEqual([
      { organisationName: 'Buurtmoskee Al-Amal', email: 'jamila@buurtmoskee.example' },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('staff decide, and the new coordinator signs in', () => {
  it('staff reject one with a reason and approve the other; the invitation link signs its coordinator in to /manage', async () => {
    // A second application, sent through the API as the form does.
    expect(
      await applyToJoin({
        organisationName: 'Spamfabriek BV',
        kind: 'COMPANY',
        contactName: 'S. Pam',
        email: 'info@spamfabriek.example',
      }),
    ).toBe(true);

    const { page, errors } = await newPage(ctx.browser);
    await signIn(
      page,
      await invite({ email: 'mo@federatie.test', name: 'Mo Moderator', role: 'MODERATOR' }),
    );
    for (const lang of LANGS) {
      await openIn(page, '/manage#applications', lang);
      await page.getByRole('heading', { level: 3, name: 'Spamfabriek BV' }).waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Ansøgninger');

    await openIn(page, '/manage#applications', 'en');
    const spam = page.getByRole('article', { name: 'Spamfabriek BV' });
    await spam.getByRole('button', { name: 'Reject' }).click();
    await spam.getByRole('button', { name: 'Reject application' }).click();
    await spam.getByText('Write why the application is rejected.').waitFor();
    await spam
      .getByLabel('Reason for rejecting')
      .fill('We admit organisations that host tables, not advertisers.');
    await spam.getByRole('button', { name: 'Reject application' }).click();
    await page.getByText('The application of Spamfabriek BV is rejected.').waitFor();
    await page
      .getByText('tell the applicant the reason yourself (info@spamfabriek.example)')
      .waitFor();

    const mosque = page.getByRole('article', { name: 'Buurtmoskee Al-Amal' });
    await mosque.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Buurtmoskee Al-Amal is admitted').waitFor();
    const link = await page.getByLabel('Invitation link (works once, valid 7 days)').inputValue();
    // The invitation speaks the language the join form was filled in (English here).
    expect(link).toMatch(new RegExp(`^${API}/manage/link\\?token=[A-Za-z0-9_-]{43}&lang=en$`));
    await page.getByText('No applications are waiting.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pending()).toEqual([]);

    // The contact opens the link (here in the same browser: it replaces the staff's session).
    await signIn(page, link);
    await openIn(page, '/manage', 'en');
    await page
      .getByText('Signed in as Jamila Jansen — coordinator of Buurtmoskee Al-Amal')
      .waitFor();
    expect(await page.getByRole('link', { name: 'Applications' }).count()).toBe(0);

    // Their first venue: by address search, saved, published — and public.
    const venue = 'Iftar-tafel Al-Amal';
    await serveBlankTiles(page);
    await openIn(page, '/manage#venues', 'en');
    // The demo edition (another test file may have made an edition that sorts first).
    await page.getByLabel('Edition', { exact: true }).selectOption('nid-2027');
    await page.getByRole('button', { name: 'New venue' }).click();
    await page.getByLabel('Name', { exact: true }).fill(venue);
    await page.getByLabel('Search the address').fill('Oudegracht 1, Utrecht');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByLabel('Postal code').inputValue()).toBe('3511 AA');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`${venue} is saved.`).waitFor();
    await page.getByRole('button', { name: `Publish: ${venue}` }).click();
    await page.getByText(`${venue} is published.`).waitFor();
    const { organisations } = await gql<{
      organisations: { nodes: { locations: { nodes: { name: string }[] } }[] };
    }>(
      `query ($e: String!) { organisations(search: "Al-Amal", first: 1) { nodes { locations(edition: $e, first: 10) { nodes { name } } } } }`,
      { e: 'nid-2027' },
    );
    expect(organisations.nodes[0]?.locations.nodes.map((n) => n.name)).toEqual([venue]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
