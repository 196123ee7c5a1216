/**
 * Passkeys in Chromium with a virtual authenticator (CDP): an admin signs in by link, adds a
 * passkey, signs out, signs in with the passkey and is the same person; axe in four languages.
 * WebAuthn's RP ID may not be an IP address, so this file runs its own API whose public URL is
 * http://localhost:PORT (a secure context, like 127.0.0.1).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../../widget/scripts/api-server.ts';
import { LANGS, newPage, seriousViolations, useBrowser } from './support.ts';

const ctx = useBrowser();
let api: RunningApi;

beforeAll(async () => {
  api = await startApi({
    publicHost: 'localhost',
    commands: {
      admin: [
        'people',
        'invite',
        '--staff',
        '--role',
        'admin',
        '--email',
        'pia.passkey@tafel.test',
        '--name',
        'Pia Passkey',
      ],
    },
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

async function open(page: Page, lang: string, hash = ''): Promise<void> {
  await page.goto(`${api.url}/manage?lang=${lang}${hash}`);
}

describe('passkeys', () => {
  it('adds a passkey after a link sign-in, then signs the same person in with it', async () => {
    const { page, errors } = await newPage(ctx.browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    // Signed in by the link the command line printed.
    const link = api.printed['admin'] ?? '';
    expect(link).toMatch(new RegExp(`^${api.url}/manage/link\\?token=`));
    await page.goto(link);
    await Promise.all([
      page.waitForURL(`${api.url}/manage`),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);

    // Add a passkey.
    await open(page, 'en', '#passkeys');
    await page.getByText('You have no passkeys yet.').waitFor();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('The passkey was added.').waitFor();
    await page.getByText('Passkey 1').waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    for (const lang of LANGS) {
      await open(page, lang, '#passkeys');
      await page.getByRole('heading', { name: /Passkeys|Adgangsnøgler/ }).waitFor();
      await page
        .getByRole('button', { name: /Verwijderen|Remove|Entfernen|Fjern/ })
        .first()
        .waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    // Sign out: the sign-in page offers the passkey beside the e-mail form.
    await open(page, 'en');
    await Promise.all([
      page.waitForURL(`${api.url}/manage`),
      page.getByRole('button', { name: 'Sign out', exact: true }).click(),
    ]);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const lang of LANGS) {
      await open(page, lang);
      await page
        .getByRole('button', {
          name: /Inloggen met een passkey|Sign in with a passkey|Mit einem Passkey anmelden|Log ind med en adgangsnøgle/,
        })
        .waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }

    // Sign in with the passkey: the same person, the same cookie as a link gives.
    await open(page, 'en');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByText('Signed in as Pia Passkey — staff: admin').waitFor();
    const session = (await ctx.browser.context.cookies(api.url)).find(
      (c) => c.name === 'tafel_session',
    );
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    await open(page, 'en', '#passkeys');
    await page.getByText('Passkey 1').waitFor();
    const line = (
      await page.getByRole('listitem').filter({ hasText: 'Passkey 1' }).textContent()
    )?.replace(/\s+/g, ' ');
    expect(line).toMatch(/last used: \w+ \d/);
    expect(line).not.toMatch(/never/);

    // Removed: the list is empty, and the passkey signs nobody in any more.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove: Passkey 1' }).click();
    await page.getByText('Passkey 1 was removed.').waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await Promise.all([
      page.waitForURL(`${api.url}/manage`),
      page.getByRole('button', { name: 'Sign out', exact: true }).click(),
    ]);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByText('not known here').waitFor();
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
