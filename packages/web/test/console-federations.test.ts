/**
 * The console's federations (#19) in Chromium against the real API: an admin sets Altinget's map
 * tiles (a URL that is not one is refused at its field, nothing stored) and its own target
 * groups (a built-in code is refused in the summary and at the group's code, nothing stored),
 * and the API then has both; taking them away again works the same way. The section in four
 * languages, axe.
 */
import { describe, expect, it } from 'vitest';
import { FEDERATIONS } from '../src/console/federations/messages.ts';
import {
  API,
  gql,
  invite,
  LANGS,
  newPage,
  seriousViolations,
  signIn,
  useBrowser,
} from './support.ts';

const ctx = useBrowser();
const NAME = 'Altingets integrationspolitiske netværk';

interface Read {
  federation: {
    tiles: { url: string; attribution: string } | null;
    targetGroups: { code: string; label: string }[];
  };
}
const read = () =>
  gql<Read>(
    `{ federation(slug: "altinget") { tiles { url attribution } targetGroups { code label(lang: DA) } } }`,
  );

describe('the console’s federations', () => {
  it('sets a federation’s tiles and its own target groups, refusing what the API refuses', async () => {
    const { page, errors } = await newPage(ctx.browser);
    await signIn(
      page,
      await invite({ email: 'frida.federation@tafel.test', name: 'Frida', role: 'ADMIN' }),
    );
    for (const lang of LANGS) {
      const t = FEDERATIONS[lang];
      await page.goto(`${API}/manage?lang=${lang}#federations`);
      await page.getByRole('heading', { name: t.heading, level: 2 }).waitFor();
      await page.getByRole('button', { name: `${t.edit}: ${NAME}` }).click();
      await page.getByLabel(t.tileUrl).waitFor();
      expect(await seriousViolations(page), `${lang}: a federation's forms`).toEqual([]);
    }
    const t = FEDERATIONS.en;
    await page.goto(`${API}/manage?lang=en#federations`);
    await page.getByRole('button', { name: `${t.edit}: ${NAME}` }).click();

    // Tiles: a URL without {z}, refused at the field; then saved.
    const url = page.getByLabel(t.tileUrl);
    await url.fill('https://tiles.altinget.test/map.png');
    await page.getByLabel(t.attribution).fill('© SDFI, CC BY 4.0');
    await page.getByRole('button', { name: t.saveTiles }).click();
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    expect((await read()).federation.tiles).toBeNull();
    await url.fill('https://tiles.altinget.test/{z}/{x}/{y}.png');
    await page.getByRole('button', { name: t.saveTiles }).click();
    await page.getByText(t.tilesSaved.replace('{name}', NAME)).waitFor();
    expect((await read()).federation.tiles).toEqual({
      url: 'https://tiles.altinget.test/{z}/{x}/{y}.png',
      attribution: '© SDFI, CC BY 4.0',
    });

    // Target groups (the forms stay open): a built-in code refused, nothing stored; then saved.
    await page.getByRole('button', { name: t.addGroup }).click();
    const group = page.getByRole('group', { name: t.group.replace('{n}', '1') });
    await group.getByLabel(t.code).fill('EMPLOYERS');
    for (const [lang, name] of [
      ['nl', 'Beslissers'],
      ['en', 'Decision makers'],
      ['de', 'Entscheider'],
      ['da', 'Beslutningstagere'],
    ])
      await group.getByLabel(t.label.replace('{lang}', lang!)).fill(name!);
    await page.getByRole('button', { name: t.saveGroups }).click();
    await page.getByRole('alert').getByText('built-in').waitFor();
    expect(await group.getByLabel(t.code).getAttribute('aria-invalid')).toBe('true');
    expect((await read()).federation.targetGroups).toEqual([]);
    expect(await seriousViolations(page), 'the refused groups').toEqual([]);
    await group.getByLabel(t.code).fill('DECISION_MAKERS');
    await page.getByRole('button', { name: t.saveGroups }).click();
    await page.getByText(t.groupsSaved.replace('{name}', NAME)).waitFor();
    expect((await read()).federation.targetGroups).toEqual([
      { code: 'DECISION_MAKERS', label: 'Beslutningstagere' },
    ]);

    // Taken away again: the group (no venue names it) and the tiles.
    await page.getByRole('button', { name: `${t.edit}: ${NAME}` }).click();
    await page.getByRole('button', { name: t.removeGroup.replace('{n}', '1') }).click();
    await page.getByRole('button', { name: t.saveGroups }).click();
    await page.getByText(t.groupsSaved.replace('{name}', NAME)).waitFor();
    await page.getByRole('button', { name: `${t.edit}: ${NAME}` }).click();
    await page.getByRole('button', { name: t.clearTiles }).click();
    await page.getByText(t.tilesSaved.replace('{name}', NAME)).waitFor();
    expect((await read()).federation).toEqual({ tiles: null, targetGroups: [] });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
