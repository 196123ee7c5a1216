/**
 * /join names a network (#19), end to end against the real API with the demo's federations: the
 * form asks which one in four languages (axe), `?federation=altinget` has Altinget chosen, the
 * application sent is stored naming it, and Altinget's own moderator sees it in the console with
 * its network — while an application naming none stays out of their list.
 */
import { describe, expect, it } from 'vitest';
import {
  applyToJoin,
  fillJoinForm,
  gql,
  invite,
  LANGS,
  newPage,
  openIn,
  seriousViolations,
  signIn,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();

interface Pending {
  id: string;
  organisationName: string;
  federation: { slug: string } | null;
}

async function pending(): Promise<Pending[]> {
  const data = await gql<{ applications: { nodes: Pending[] } }>(
    '{ applications(status: PENDING) { nodes { id organisationName federation { slug } } } }',
    {},
    staffKey(),
  );
  return data.applications.nodes;
}

describe('/join names a network', () => {
  it('asks which network in four languages; ?federation=altinget has it chosen', async () => {
    const { page, errors } = await newPage(ctx.browser);
    const labels: string[] = [];
    for (const lang of LANGS) {
      await openIn(page, '/join?federation=altinget', lang);
      const select = page.locator('#federation');
      await select.waitFor();
      labels.push((await page.locator('label[for="federation"]').textContent()) ?? '');
      expect(await select.inputValue(), lang).toBe('altinget');
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(labels).toEqual([
      'Bij welk netwerk wil je je aansluiten?',
      'Which network do you want to join?',
      'Welchem Netzwerk möchten Sie beitreten?',
      'Hvilket netværk vil du være med i?',
    ]);
    // Without one in the address: none in particular, and every federation to choose from.
    await openIn(page, '/join', 'en');
    const select = page.getByLabel('Which network do you want to join?');
    await select.waitFor();
    expect(await select.inputValue()).toBe('');
    expect(await select.locator('option').allTextContents()).toEqual([
      '— no particular network',
      expect.stringMatching(/Altinget/),
      expect.stringMatching(/Sammen om integration/i),
      expect.stringMatching(/Wir zusammen/i),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an application sent from Altinget’s link is stored naming Altinget; its moderator sees it with its network', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await openIn(page, '/join?federation=altinget', 'en');
    await fillJoinForm(page, {
      organisation: 'Foreningen Fællesbord',
      kind: 'CHARITY',
      contact: 'Dorte Dal',
      email: 'dorte@faellesbord.example',
    });
    await page.waitForTimeout(3000);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('heading', { name: 'Thank you for applying' }).waitFor();

    // One naming none, as the form sends it without a choice: the instance's own.
    expect(
      await applyToJoin({
        organisationName: 'Buurthuis Zonder Netwerk',
        kind: 'CHARITY',
        contactName: 'Bo Buur',
        email: 'bo@buurthuis.example',
        federation: null,
      }),
    ).toBe(true);
    const stored = await pending();
    expect(stored.map((a) => [a.organisationName, a.federation?.slug ?? null]).sort()).toEqual([
      ['Buurthuis Zonder Netwerk', null],
      ['Foreningen Fællesbord', 'altinget'],
    ]);

    await signIn(
      page,
      await invite({
        email: 'moderator@altinget.test',
        name: 'Mette Moderator',
        role: 'MODERATOR',
        federation: 'altinget',
      }),
    );
    for (const lang of LANGS) {
      await openIn(page, '/manage#applications', lang);
      await page.getByRole('heading', { level: 3, name: 'Foreningen Fællesbord' }).waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    await openIn(page, '/manage#applications', 'en');
    const article = page.getByRole('article', { name: 'Foreningen Fællesbord' });
    await article.waitFor();
    expect(await article.locator('dt').first().textContent()).toBe('Network');
    expect(await article.locator('dd').first().textContent()).toBe(
      'Altingets integrationspolitiske netværk',
    );
    expect(await page.getByRole('article').count()).toBe(1);

    // Leave the list as it was for the other files (they count what is pending).
    for (const a of stored)
      await gql(
        'mutation($id: ID!) { deleteApplication(input: { id: $id }) { deletedApplicationId } }',
        { id: a.id },
        staffKey(),
      );
    expect(await pending()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
