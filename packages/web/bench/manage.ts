/**
 * `pnpm bench` (web): the time to the first useful screen of /manage for a coordinator of 20
 * venues, in Chromium — from navigation until the venues' list is drawn — as the p50 (and min,
 * max) of several runs, and the page's JavaScript, gzip. Target: under 1 s; the size limit is
 * checked by `pnpm size` and test/size.test.ts. Builds the pages, starts the real API (PGlite,
 * demo edition), makes an organisation with 20 venues and invites its coordinator. Then the time
 * from navigation to the first drawn chart of /live/nid-2027 (target < 1 s), and its JavaScript.
 */
import { fileURLToPath } from 'node:url';
import { startApi } from '../../widget/scripts/api-server.ts';
import { launchChromium } from '../../widget/scripts/chromium.ts';
import { pageSizes } from '../scripts/size.ts';
import { buildPages } from '../test/global-setup.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 9);
const EDITION = 'nid-2027';
const ORG = 'bench-twintig';

async function gql<T>(api: string, key: string, query: string, variables: object): Promise<T> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main(): Promise<void> {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  await buildPages();
  const api = await startApi({ staffKey: true });
  const browser = await launchChromium();
  try {
    const key = api.staffKey;
    if (!key) throw new Error(api.keyError);
    await gql(
      api.url,
      key,
      `mutation ($i: CreateOrganisationInput!) { createOrganisation(input: $i) { userErrors { message } } }`,
      {
        i: { slug: ORG, name: 'Bench Twintig', kind: 'CHARITY', approved: true },
      },
    );
    const rows = Array.from({ length: 20 }, (_, n) => ({
      externalId: `bench-${n}`,
      name: `Tafel ${n + 1}`,
      meal: n % 2 ? 'LUNCH' : 'DINNER',
      coordinates: { lat: 52.0 + n * 0.01, lng: 5.1 + n * 0.005 },
      address: { city: 'Utrecht', region: 'NL-UT' },
      capacity: 30,
      ...(n % 4 === 0 ? { status: 'DRAFT' } : {}),
    }));
    await gql(
      api.url,
      key,
      `mutation ($i: UpsertLocationsInput!) { upsertLocations(input: $i) { created userErrors { message } } }`,
      {
        i: { edition: EDITION, organisation: ORG, locations: rows },
      },
    );
    const { invitePerson } = await gql<{ invitePerson: { invitationUrl: string } }>(
      api.url,
      key,
      `mutation ($i: InvitePersonInput!) { invitePerson(input: $i) { invitationUrl userErrors { message } } }`,
      { i: { email: 'bench@bench.test', organisation: ORG } },
    );
    const page = await browser.context.newPage();
    await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await page.goto(invitePerson.invitationUrl);
    await Promise.all([
      page.waitForURL(`${api.url}/manage`),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.close();

    const times: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const tab = await browser.context.newPage();
      const started = performance.now();
      await tab.goto(`${api.url}/manage?lang=en#venues`);
      await tab.getByRole('heading', { name: /^Published/ }).waitFor();
      const elapsed = performance.now() - started;
      if (run > 0) times.push(elapsed); // the first run warms the server's caches
      await tab.close();
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    const manage = pageSizes().find((p) => p.page === 'manage.html (COORDINATOR)');
    console.log(
      `/manage, coordinator of 20 venues, first useful screen (Chromium): p50 ${p50.toFixed(0)} ms ` +
        `(min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${times.length} runs; target < 1000 ms)`,
    );
    if (manage)
      console.log(
        `/manage JavaScript, a coordinator's sections: ${(manage.gzip / 1000).toFixed(1)} KB gzip, ${manage.files} files (limit ${manage.limit / 1000} KB)`,
      );

    // /live/<edition>: navigation until the day's curve (the timeline chart) is drawn.
    const live: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const tab = await browser.context.newPage();
      const started = performance.now();
      await tab.goto(`${api.url}/live/${EDITION}?lang=en`);
      await tab.waitForFunction(
        () =>
          !!document
            .querySelector('tafel-live')
            ?.shadowRoot?.querySelector('tafel-chart[type="timeline"]')
            ?.shadowRoot?.querySelector('canvas'),
        undefined,
        { polling: 'raf' },
      );
      const elapsed = performance.now() - started;
      if (run > 0) live.push(elapsed);
      await tab.close();
    }
    live.sort((a, b) => a - b);
    console.log(
      `/live/${EDITION}, first drawn chart (Chromium): p50 ${live[Math.floor(live.length / 2)]!.toFixed(0)} ms ` +
        `(min ${live[0]!.toFixed(0)}, max ${live.at(-1)!.toFixed(0)}, ${live.length} runs; target < 1000 ms)`,
    );
    const livePage = pageSizes().find((p) => p.page === 'live.html');
    if (livePage)
      console.log(
        `/live JavaScript: ${(livePage.gzip / 1000).toFixed(1)} KB gzip, ${livePage.files} files (limit ${livePage.limit / 1000} KB; tafel-chart.js apart)`,
      );
  } finally {
    await browser.close();
    await api.stop();
  }
}

await main();
