/**
 * /host/<token> at a venue that seats per role (#20): per role its present of seats and +1 / −1
 * of that role, sent through the phone's queue with the role (the role's count and the total move
 * together, checked against the API); a role at its seats offers to raise them (raiseSeats);
 * offline taps sent once each when back; a tap refused because another host filled the role is
 * held until the host raises the seats; axe in two languages at a phone's width.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostTabs, openHost, post, shown, tap, waiting } from './host-support.ts';
import { EDITION, gql, seriousViolations, staffKey, useBrowser } from './support.ts';

const ctx = useBrowser({ width: 360, height: 740 });
const open = hostTabs(ctx);

/**
 * An organisation of this file's own in the demo's coming edition. Not an edition of its own: an
 * open edition held today would be every other test's default edition in /manage.
 */
const ORG = `hostroles-${Date.now().toString(36)}`;

async function mutate(name: string, input: Record<string, unknown>, fields = '') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const data = await gql<Record<string, { userErrors: unknown[] } & Record<string, any>>>(
    `mutation ($input: ${type}!) { ${name}(input: $input) { ${fields} userErrors { message } } }`,
    { input },
    staffKey(),
  );
  expect(data[name]!.userErrors, name).toEqual([]);
  return data[name]!;
}

beforeAll(async () => {
  await mutate('createOrganisation', { slug: ORG, name: 'Host roles', approved: true });
});

/** A venue seating 3 employers and 2 status holders (capacity 5), and a host link for it. */
async function venueWithRoles(name: string): Promise<{ id: string; token: string }> {
  const made = await mutate(
    'createLocation',
    {
      edition: EDITION,
      organisation: ORG,
      name,
      meal: 'DINNER',
      seatsByRole: [
        { role: 'EMPLOYERS', seats: 3 },
        { role: 'STATUS_HOLDERS', seats: 2 },
      ],
      coordinates: { lat: 51.7, lng: 5.3 },
      address: { city: '’s-Hertogenbosch' },
    },
    'location { id capacity }',
  );
  expect(made['location'].capacity).toBe(5);
  const link = await mutate('createHostLink', { location: made['location'].id }, 'token');
  return { id: made['location'].id, token: link['token'] };
}

interface Now {
  participants: number;
  capacity: number;
  seatsByRole: { role: string; seats: number; present: number }[];
}

/** The venue as its organisation (staff) reads it: the total and, per role, seats and present. */
async function now(id: string): Promise<Now> {
  return (
    await gql<{ location: Now }>(
      'query ($id: ID!) { location(id: $id) { participants capacity seatsByRole { role seats present } } }',
      { id },
      staffKey(),
    )
  ).location;
}

const roles = async (id: string) =>
  Object.fromEntries((await now(id)).seatsByRole.map((r) => [r.role, [r.present, r.seats]]));

const row = (page: Page, role: string) =>
  page
    .locator(`tafel-host li[data-role="${role}"]`)
    .evaluate((li) => [Number(li.dataset['present']), Number(li.dataset['seats'])]);

describe('/host/<token> with seats per role', () => {
  it('+1 and −1 per role move that role and the total; a role at its seats is raised in one step', async () => {
    const v = await venueWithRoles('Tafel per rol');
    const { page, errors } = await open();
    await openHost(page, v.token);
    await page.getByText('Employers').first().waitFor();
    expect(await row(page, 'EMPLOYERS')).toEqual([0, 3]);
    expect(await page.getByText('0 of 2 seats').count()).toBe(1);

    await tap(page, '+1 Employers');
    await tap(page, '+1 Employers');
    await tap(page, '+1 Status holders');
    await tap(page, '−1 Employers');
    // The last tap joins the queue a moment after its click (the phone keeps it first): the
    // queue empty is not yet the −1 answered, so wait for the total it makes.
    await expect.poll(() => shown(page), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('0');
    expect(await row(page, 'EMPLOYERS')).toEqual([1, 3]);
    expect(await now(v.id)).toMatchObject({ participants: 2, capacity: 5 });
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [1, 3], STATUS_HOLDERS: [1, 2] });

    // −1 of a role with nobody present: said, and nothing sent.
    await tap(page, '−1 Status holders');
    await tap(page, '−1 Status holders');
    await page.getByText('Status holders: already 0').waitFor();
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('0');
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [1, 3], STATUS_HOLDERS: [0, 2] });

    // Status holders to their seats: the page offers to raise them.
    await tap(page, '+1 Status holders');
    await tap(page, '+1 Status holders');
    await page.getByRole('heading', { name: 'Status holders full: 2 of 2 seats' }).waitFor();
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('0');
    await tap(page, '+1 Status holders');
    await page.getByText('Status holders has 2 seats; this would need 3.').waitFor();
    expect(await waiting(page)).toBe('0');
    await tap(page, 'Raise Status holders to 3 seats and count');
    await expect
      .poll(() => roles(v.id), { timeout: 10_000 })
      .toEqual({ EMPLOYERS: [1, 3], STATUS_HOLDERS: [3, 3] });
    expect(await now(v.id)).toMatchObject({ participants: 4, capacity: 6 });

    // At its seats again: raised from its own form, the capacity following.
    await page.getByLabel('New number of seats for Status holders').fill('2');
    await tap(page, 'Raise the seats for Status holders');
    await page.getByText('The new number of seats must be more than 3.').waitFor();
    await page.getByLabel('New number of seats for Status holders').fill('6');
    await tap(page, 'Raise the seats for Status holders');
    await expect
      .poll(() => roles(v.id), { timeout: 10_000 })
      .toEqual({ EMPLOYERS: [1, 3], STATUS_HOLDERS: [3, 6] });
    expect(await now(v.id)).toMatchObject({ participants: 4, capacity: 9 });
    expect(await page.getByRole('heading', { name: /full:/ }).count()).toBe(0);
    expect(await shown(page)).toBe('4');
    expect(errors).toEqual([]);
  });

  it('offline: role taps wait on the phone, are sent once each when back, and a replay counts nothing', async () => {
    const v = await venueWithRoles('Tafel per rol offline');
    const { page, errors } = await open();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('HostArrivals'))
        sent.push(request.postData()!);
    });
    await openHost(page, v.token);
    await page.locator('tafel-host[offline-ready]').waitFor();

    await ctx.browser.context.setOffline(true);
    try {
      await tap(page, '+1 Employers');
      await tap(page, '+1 Employers');
      await tap(page, '+1 Status holders');
      await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('3');
      await page.getByText('No connection').waitFor();
      expect(await shown(page)).toBe('3');
      expect(await row(page, 'EMPLOYERS')).toEqual([2, 3]);
      await page.reload();
      await page.locator('tafel-host h1').waitFor();
      await expect.poll(() => waiting(page)).toBe('3');
      expect(await row(page, 'STATUS_HOLDERS')).toEqual([1, 2]);
      expect((await now(v.id)).participants).toBe(0);
    } finally {
      await ctx.browser.context.setOffline(false);
    }
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe('0');
    expect(await now(v.id)).toMatchObject({ participants: 3 });
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [2, 3], STATUS_HOLDERS: [1, 2] });

    const delivered = sent.filter((body, i) => sent.indexOf(body) === i);
    const inputs = delivered.map((body) => JSON.parse(body).variables.input);
    expect(new Set(inputs.map((i) => i.idempotencyKey)).size).toBe(3);
    expect(inputs.map((i) => i.role).sort()).toEqual(['EMPLOYERS', 'EMPLOYERS', 'STATUS_HOLDERS']);
    for (const body of delivered) {
      const again = await post(body, v.token);
      expect(again.data?.['recordArrivals']?.userErrors).toEqual([]);
    }
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [2, 3], STATUS_HOLDERS: [1, 2] });
    expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('a role filled by another host meanwhile: the tap is held, the raise offered, then it counts once', async () => {
    const v = await venueWithRoles('Tafel per rol samen');
    const { page, errors } = await open();
    await openHost(page, v.token);
    await page.locator('tafel-host[offline-ready]').waitFor();
    await ctx.browser.context.setOffline(true);
    try {
      await tap(page, '+1 Status holders');
      await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('1');
      // Meanwhile another host counts both status holders' seats full.
      await mutate('recordArrivals', { location: v.id, delta: 2, role: 'STATUS_HOLDERS' });
    } finally {
      await ctx.browser.context.setOffline(false);
    }
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page
      .getByText('Status holders has 2 seats; this would need 3.')
      .waitFor({ timeout: 30_000 });
    expect(await waiting(page)).toBe('1');
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [0, 3], STATUS_HOLDERS: [2, 2] });
    await tap(page, 'Raise Status holders to 3 seats and count');
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('0');
    expect(await roles(v.id)).toEqual({ EMPLOYERS: [0, 3], STATUS_HOLDERS: [3, 3] });
    expect(await now(v.id)).toMatchObject({ participants: 3, capacity: 6 });
    await expect.poll(() => shown(page)).toBe('3');
    expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('axe finds nothing serious in English and Danish, a role at its seats included; fits 320 px', async () => {
    const v = await venueWithRoles('Tafel per rol axe');
    await mutate('recordArrivals', { location: v.id, delta: 2, role: 'STATUS_HOLDERS' });
    const { page, errors } = await open();
    for (const lang of ['en', 'da']) {
      await openHost(page, v.token, lang);
      await page.locator('tafel-host form.raise').waitFor();
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    await page.getByRole('button', { name: '+1 Personer med opholdstilladelse' }).waitFor();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(errors).toEqual([]);
  });
});
