/**
 * /manage for everyone: signing in with the link the command line printed for the first admin,
 * the session cookie's flags, the page in four languages with axe, asking for a sign-in link
 * (the page says where it went), signing out and signing out everywhere.
 */
import { describe, expect, inject, it } from 'vitest';
import { API, LANGS, newPage, openIn, seriousViolations, signIn, useBrowser } from './support.ts';

const ctx = useBrowser();

describe('/manage', () => {
  it('asks a signed-out visitor for their address, in four languages, without serious axe findings', async () => {
    const { page, errors } = await newPage(ctx.browser);
    const headings: string[] = [];
    for (const lang of LANGS) {
      await openIn(page, '/manage', lang);
      const heading = page.getByRole('heading', { level: 2 });
      await heading.waitFor();
      headings.push((await heading.textContent()) ?? '');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(headings).toEqual(['Inloggen', 'Sign in', 'Anmelden', 'Log ind']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks the address in the browser, then tells where the link went (the log: no SMTP)', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await openIn(page, '/manage', 'en');
    const email = page.getByLabel('E-mail address');
    await email.fill('not an address');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Enter a valid e-mail address.').isVisible()).toBe(true);
    expect(
      await email.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);

    await email.fill('nobody@tafel.test');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('No mail server is configured').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs the first admin in with the link the CLI printed, with a strict cookie; the link works once', async () => {
    const link = inject('adminLink');
    expect(link).toMatch(new RegExp(`^${API}/manage/link\\?token=`));
    const { page, errors } = await newPage(ctx.browser);
    await signIn(page, link);
    await openIn(page, '/manage', 'en');
    await page.getByText('Signed in as Ada Admin — staff: admin').waitFor();
    const cookies = await ctx.browser.context.cookies(API);
    const session = cookies.find((c) => c.name.startsWith('tafel'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    for (const lang of LANGS) {
      await openIn(page, '/manage', lang);
      await page
        .getByRole('button', { name: /Uitloggen|Sign out|Abmelden|Log ud/ })
        .first()
        .waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    // Used once: the same link now says so and signs nobody in.
    const again = await newPage(ctx.browser);
    const answer = await again.page.goto(link);
    expect(answer?.status()).toBe(410);
    expect(await again.page.getByText('already used').isVisible()).toBe(true);
    await again.page.close();

    // Sign out: the cookie is gone and /manage asks for an address again.
    await openIn(page, '/manage', 'en');
    await Promise.all([
      page.waitForURL(`${API}/manage`),
      page.getByRole('button', { name: 'Sign out', exact: true }).click(),
    ]);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(
      (await ctx.browser.context.cookies(API)).filter((c) => c.name.startsWith('tafel')),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
