/**
 * <tafel-counter> on a partner's page when the API process holds all the streams it may
 * (TAFEL_MAX_SUBSCRIBERS): it polls the cacheable GET, and streams again once there is room.
 * An API of its own, with a cap of three streams, filled and emptied by this test's own streams.
 */

import { Counter, MapLocations, RecordArrivals, type ResultOf, StatsChanged } from '@tafel/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningApi, startApi } from '../scripts/api-server.ts';
import { EDITION, openPage, useBrowser } from '../test/browser.ts';

const chromium = useBrowser();
const nl = (n: number) => new Intl.NumberFormat('nl').format(n);
const CAP = 3;

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ staffKey: true, env: { TAFEL_MAX_SUBSCRIBERS: String(CAP) } });
});
afterAll(async () => {
  await api?.stop();
});

async function gql<R>(document: string, variables: object, key?: string | null): Promise<R> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const total = async () =>
  (await gql<ResultOf<typeof Counter>>(Counter.document, { edition: EDITION })).stats.participants;

/** A stats stream held open from Node, as a reader's page would; its status says whether it got in. */
async function openStream(): Promise<{
  status: number;
  retryAfter: string | null;
  cors: string | null;
  close(): void;
}> {
  const aborts = new AbortController();
  const url = new URL('/graphql', api.url);
  url.searchParams.set('query', StatsChanged.document);
  url.searchParams.set('variables', JSON.stringify({ edition: EDITION }));
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', origin: 'https://partner.example' },
    signal: aborts.signal,
  });
  if (response.status === 200)
    void response
      .body!.getReader()
      .read()
      .catch(() => undefined);
  else await response.body?.cancel();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    cors: response.headers.get('access-control-allow-origin'),
    close: () => aborts.abort(),
  };
}

describe('<tafel-counter> at a full API process', () => {
  test('polls the cacheable GET while the process is full, and streams again once there is room', {
    timeout: 180_000,
  }, async () => {
    const key = api.staffKey;
    if (!key) throw new Error(`No staff key: ${api.keyError}`);
    const { locations } = await gql<ResultOf<typeof MapLocations>>(MapLocations.document, {
      edition: EDITION,
      filter: {},
      first: 200,
      after: null,
    });
    const venue = locations.nodes.find(
      (v) => v.capacity !== null && v.capacity - v.participants >= 10,
    )!;

    // Fill the process with our own streams: the next one is refused with 503 and Retry-After.
    const held = [];
    for (let i = 0; i < CAP; i++) held.push(await openStream());
    expect(held.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await openStream();
    expect(refused).toMatchObject({ status: 503, cors: '*' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);

    // (Chromium keeps a page served by the test's routes from another loopback port, so the page
    // is on the API's origin; the 503 above carries what a partner's origin needs to read it.)
    const streams: number[] = [];
    const polls: number[] = [];
    const { page, errors } = await openPage(
      chromium.browser,
      `<tafel-counter edition="${EDITION}" endpoint="${api.url}/graphql"></tafel-counter>`,
      {
        origin: api.url,
        script: `<script type="module" src="${api.url}/widget/tafel.js"></script>`,
        before: async (p) => {
          p.on('response', (response) => {
            const url = new URL(response.url());
            if (url.origin !== api.url || url.pathname !== '/graphql') return;
            if (url.searchParams.get('operationName') === 'StatsChanged')
              streams.push(response.status());
          });
          // Counted when sent, so that one on its way is not taken for a poll later.
          p.on('request', (request) => {
            const url = new URL(request.url());
            if (url.origin === api.url && url.searchParams.get('operationName') === 'Counter')
              polls.push(Date.now());
          });
        },
      },
    );
    const value = page.locator('tafel-counter [part="value"]');
    const notice = page.locator('tafel-counter [part="notice"]');
    const before = await total();
    await expect.poll(() => value.textContent(), { timeout: 15_000 }).toBe(nl(before));
    await expect.poll(() => streams, { timeout: 10_000 }).toContain(503);

    // A write while the page cannot stream: the counter shows it by polling, with no notice.
    const first = await gql<ResultOf<typeof RecordArrivals>>(
      RecordArrivals.document,
      { input: { location: venue.id, delta: 4 } },
      key,
    );
    expect(first.recordArrivals.userErrors).toEqual([]);
    await expect
      .poll(() => value.textContent(), { timeout: 40_000, interval: 500 })
      .toBe(nl(before + 4));
    expect(streams).not.toContain(200);
    expect(await notice.count()).toBe(0);

    // Room again: the counter streams after Retry-After (with jitter) and stops polling.
    for (const stream of held) stream.close();
    await expect
      .poll(() => streams, {
        timeout: Number(refused.retryAfter) * 1000 * 1.5 + 15_000,
        interval: 500,
      })
      .toContain(200);
    await page.waitForTimeout(1500); // the stream is read; the one refetch after resuming is done
    const pollsBefore = polls.length;
    const second = await gql<ResultOf<typeof RecordArrivals>>(
      RecordArrivals.document,
      { input: { location: venue.id, delta: 3 } },
      key,
    );
    expect(second.recordArrivals.userErrors).toEqual([]);
    await expect.poll(() => value.textContent(), { timeout: 5000 }).toBe(nl(before + 7));
    // It came down the stream, not from a poll.
    expect(polls.length).toBe(pollsBefore);
    expect(errors.filter((e) => !/503|Service Unavailable/.test(e))).toEqual([]);
    await page.close();
  });
});
