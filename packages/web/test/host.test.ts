/**
 * /host/<token> on a phone: a host link made with the staff key, opened as a host opens it;
 * taps counted once each, online, offline (kept on the phone, sent when back, resent and still
 * counted once) and from two phones at once; the capacity raised in one step; bad links and bad
 * numbers told clearly; the service worker's files; axe in four languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostTabs, openHost, post, shown, tap, waiting } from './host-support.ts';
import {
  API,
  cli,
  EDITION,
  gql,
  LANGS,
  openIn,
  seriousViolations,
  staffKey,
  useBrowser,
} from './support.ts';

const ctx = useBrowser({ width: 360, height: 740 });
const open = hostTabs(ctx);

interface Venue {
  id: string;
  name: string;
  participants: number;
  capacity: number | null;
}

const VENUES = `query($edition: String!) { locations(edition: $edition, first: 60) { nodes { id name participants capacity } } }`;
const VENUE = `query($id: ID!) { location(id: $id) { id name participants capacity full } }`;
const CREATE_LINK = `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { token url userErrors { message } } }`;

let venues: Venue[] | undefined;
/** A demo venue with a capacity no other test uses. */
async function venue(index: number): Promise<Venue> {
  venues ??= (
    await gql<{ locations: { nodes: Venue[] } }>(VENUES, { edition: EDITION })
  ).locations.nodes.filter((v) => v.capacity !== null && v.participants + 30 <= v.capacity);
  const found = venues[index];
  if (!found) throw new Error(`no demo venue #${index}`);
  return found;
}

async function venueNow(id: string): Promise<Venue & { full: boolean }> {
  return (await gql<{ location: Venue & { full: boolean } }>(VENUE, { id })).location;
}

/** Set a venue's count with the staff key (to bring it to capacity, or to 0). */
async function setCount(id: string, participants: number): Promise<void> {
  await gql(
    `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { userErrors { message } } }`,
    { input: { location: id, participants } },
    staffKey(),
  );
}

async function hostLink(id: string): Promise<{ token: string; url: string }> {
  const { createHostLink } = await gql<{
    createHostLink: { token: string; url: string; userErrors: unknown[] };
  }>(CREATE_LINK, { input: { location: id } }, staffKey());
  expect(createHostLink.userErrors).toEqual([]);
  return createHostLink;
}

/** The number a <tafel-counter> shows, as a number. */
async function counterValue(page: Page): Promise<number> {
  const text = (await page.locator('tafel-counter [part="value"]').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe('/host/<token>', () => {
  it('counts +1 three times: the API has +3 and <tafel-counter> elsewhere moved by 3', async () => {
    const v = await venue(0);
    // Made as the operator makes it: `pnpm tafel host-links create --venue ID`.
    const url = await cli(['host-links', 'create', '--venue', v.id]);
    expect(url).toMatch(new RegExp(`^${API}/host/tafelhost_[A-Za-z0-9_-]{43}$`));
    const link = { url, token: url.slice(`${API}/host/`.length) };
    const counter = await open();
    await counter.page.goto(`${API}/`);
    // Loaded: a number (the demo day may have nobody present yet: 0 is a number too).
    await expect
      .poll(() => counter.page.locator('tafel-counter [part="value"]').textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^\d[\d.,\s]*$/);
    const before = await counterValue(counter.page);

    const { page, errors } = await open();
    await openHost(page, link.token);
    expect(await page.locator('tafel-host h1').textContent()).toBe(v.name);
    expect(await shown(page)).toBe(String(v.participants));
    for (let i = 0; i < 3; i++) await tap(page, '+1 arrived');
    await expect.poll(() => shown(page)).toBe(String(v.participants + 3));
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('0');
    expect((await venueNow(v.id)).participants).toBe(v.participants + 3);
    await expect.poll(() => counterValue(counter.page), { timeout: 20_000 }).toBe(before + 3);
    await expect
      .poll(() => page.locator('tafel-host .total-value').textContent())
      .toMatch(/people at the table/);
    expect(errors).toEqual([]);
    // (The demo page's map tiles are refused in tests: its console has those errors, no others.)
    expect(counter.errors.filter((e) => !e.includes('net::ERR_FAILED'))).toEqual([]);
    await page.close();
    await counter.page.close();
  });

  it('offline: 7 taps wait on the phone, are sent when back, count exactly +7, and a replay counts nothing', async () => {
    const v = await venue(1);
    const link = await hostLink(v.id);
    const { page } = await open();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('HostArrivals'))
        sent.push(request.postData()!);
    });
    await openHost(page, link.token);
    await page.locator('tafel-host[offline-ready]').waitFor();

    await ctx.browser.context.setOffline(true);
    try {
      for (let i = 0; i < 7; i++) await tap(page, '+1 arrived');
      await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('7');
      expect(await page.getByText('7 taps are waiting to be sent.').isVisible()).toBe(true);
      await page.getByText('No connection').waitFor();
      expect(await shown(page)).toBe(String(v.participants + 7));
      // The page opens again without a network (the service worker's copy), the taps still kept.
      await page.reload();
      await page.locator('tafel-host h1').waitFor();
      expect(await page.locator('tafel-host h1').textContent()).toBe(v.name);
      await expect.poll(() => waiting(page)).toBe('7');
      expect((await venueNow(v.id)).participants).toBe(v.participants);
    } finally {
      await ctx.browser.context.setOffline(false);
    }
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe('0');
    expect((await venueNow(v.id)).participants).toBe(v.participants + 7);

    // Each tap's own idempotency key; a send replayed counts nothing more.
    const delivered = sent.filter((body, i) => sent.indexOf(body) === i);
    const keys = new Set(delivered.map((body) => JSON.parse(body).variables.input.idempotencyKey));
    expect(keys.size).toBe(7);
    for (const body of delivered) {
      const again = await post(body, link.token);
      expect(again.data?.['recordArrivals']?.userErrors).toEqual([]);
    }
    expect((await venueNow(v.id)).participants).toBe(v.participants + 7);
    // The same key with another change: refused, not counted.
    const changed = JSON.parse(delivered[0]!);
    changed.variables.input.delta = 5;
    const conflict = await post(JSON.stringify(changed), link.token);
    expect(conflict.data?.['recordArrivals']?.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect((await venueNow(v.id)).participants).toBe(v.participants + 7);
    await page.close();
  });

  it('two phones on one venue tapping at once: the exact sum', async () => {
    const v = await venue(2);
    const [a, b] = [await hostLink(v.id), await hostLink(v.id)];
    const one = await open();
    const two = await open();
    await openHost(one.page, a.token);
    await openHost(two.page, b.token);
    const taps = async (page: Page) => {
      for (let i = 0; i < 6; i++) await tap(page, '+1 arrived');
      await tap(page, '+5 arrived');
    };
    await Promise.all([taps(one.page), taps(two.page)]);
    await expect
      .poll(async () => (await venueNow(v.id)).participants, { timeout: 10_000 })
      .toBe(v.participants + 22);
    // The API may count the last tap before its phone has read the answer and emptied its queue.
    await expect.poll(() => waiting(one.page)).toBe('0');
    await expect.poll(() => waiting(two.page)).toBe('0');
    // Each page catches up with the other's taps.
    await expect.poll(() => shown(one.page), { timeout: 30_000 }).toBe(String(v.participants + 22));
    expect([...one.errors, ...two.errors]).toEqual([]);
    await one.page.close();
    await two.page.close();
  });

  it('venue A’s link is refused at venue B; revoked and forged links are told clearly', async () => {
    const [va, vb] = [await venue(3), await venue(4)];
    const link = await hostLink(va.id);
    const answer = await post(
      JSON.stringify({
        query: `mutation($input: RecordArrivalsInput!) { recordArrivals(input: $input) { location { id } userErrors { code message } } }`,
        variables: { input: { location: vb.id, delta: 1 } },
      }),
      link.token,
    );
    expect(answer.data?.['recordArrivals']).toEqual({
      location: null,
      userErrors: [{ code: 'FORBIDDEN', message: 'This host link is for another venue.' }],
    });
    expect((await venueNow(vb.id)).participants).toBe(vb.participants);

    const { page } = await open();
    // The page's venue is the link's, whatever the address says after it.
    await openHost(page, `${link.token}/`);
    expect(await page.locator('tafel-host h1').textContent()).toBe(va.name);

    await openIn(page, `/host/tafelhost_${'A'.repeat(43)}`, 'en');
    await page.getByText('This link is not known.').waitFor();
    await gql(
      `mutation($input: RevokeHostLinkInput!) { revokeHostLink(input: $input) { userErrors { message } } }`,
      { input: { prefix: link.token.slice(0, 18) } },
      staffKey(),
    );
    await openIn(page, `/host/${link.token}`, 'en');
    await page.getByText('This link was revoked.').waitFor();
    expect(await page.getByRole('button', { name: '+1 arrived' }).count()).toBe(0);
    await page.close();
  });

  it('at capacity it offers to raise the capacity in one step, then counts; −1 at 0 and a count far too high are refused', async () => {
    const v = await venue(5);
    const capacity = v.capacity!;
    await setCount(v.id, capacity);
    const link = await hostLink(v.id);
    const { page, errors } = await open();
    await openHost(page, link.token);
    await page.getByRole('heading', { name: `Full: ${capacity} of ${capacity} seats` }).waitFor();

    await tap(page, '+1 arrived');
    await page.getByText(`this would make it ${capacity + 1}`).waitFor();
    expect(await waiting(page)).toBe('0');
    await tap(page, `Raise to ${capacity + 1} and count`);
    await expect
      .poll(async () => venueNow(v.id), { timeout: 10_000 })
      .toMatchObject({ participants: capacity + 1, capacity: capacity + 1 });

    // A count far above the capacity without raising it: said, and nothing sent.
    await page.getByLabel('Count now').fill(String(capacity + 500));
    await tap(page, 'Set');
    await page.getByText(`${capacity + 500} is more than the ${capacity + 1} seats`).waitFor();
    await tap(page, 'Don’t count');
    expect((await venueNow(v.id)).participants).toBe(capacity + 1);

    // −1 below zero: said, and nothing sent.
    await setCount(v.id, 0);
    await page.reload();
    await expect.poll(() => shown(page)).toBe('0');
    await tap(page, '−1 left');
    await page.getByText('The count is already 0').waitFor();
    expect(await waiting(page)).toBe('0');
    expect((await venueNow(v.id)).participants).toBe(0);

    // "We're full": the public sees it.
    await page.getByRole('switch', { name: 'We’re full' }).check();
    await expect.poll(async () => (await venueNow(v.id)).full, { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves its service worker from /host/ (no long cache) with its manifest; axe finds nothing serious in four languages', async () => {
    const sw = await fetch(`${API}/host/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${API}/host/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(await manifest.json()).toMatchObject({ scope: '/host/', display: 'standalone' });

    const v = await venue(6);
    const link = await hostLink(v.id);
    const { page, errors } = await open();
    const headings: string[] = [];
    for (const lang of LANGS) {
      await openHost(page, link.token, lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      headings.push((await page.locator('tafel-host h2').first().textContent()) ?? '');
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    expect(headings).toEqual([
      'Het aantal instellen',
      'Set the count',
      'Die Zahl festlegen',
      'Angiv antallet',
    ]);
    // Usable at 320 px: nothing wider than the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
