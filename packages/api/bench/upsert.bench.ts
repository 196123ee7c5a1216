/**
 * A member's whole list in one call: upsertLocations with 10,000 venues on PostgreSQL through
 * the real HTTP server, then the same 10,000 again (nothing changes), then with 1,000 changed.
 */
import { issueKey } from '../src/auth/keys.ts';
import { editions, organisations } from '../src/db/schema.ts';
import { report, scratchDatabase, startServerProcess, UNLIMITED } from './support.ts';

const N = 10_000;

function rows(change = (_i: number) => ({})) {
  return Array.from({ length: N }, (_, i) => ({
    externalId: `venue-${i}`,
    name: `Tafel ${i}`,
    address: {
      street: `Dorpsstraat ${i % 300}`,
      postalCode: `${1000 + (i % 8999)} AB`,
      city: 'Utrecht',
      region: 'NL-UT',
    },
    coordinates: { lat: 51.0 + (i % 200) / 100, lng: 4.0 + Math.floor(i / 200) / 25 },
    meal: (['BREAKFAST', 'LUNCH', 'DINNER', 'OTHER'] as const)[i % 4],
    startsAt: '2027-10-14T18:00:00+02:00',
    endsAt: '2027-10-14T21:00:00+02:00',
    capacity: 20 + (i % 80),
    targetGroups: ['REFUGEES', 'NEIGHBOURS'],
    languages: ['nl', 'ar'],
    wheelchairAccessible: i % 3 === 0,
    description: 'Samen eten, samen praten.',
    registrationUrl: `https://example.org/aanmelden/${i}`,
    ...change(i),
  }));
}

const MUTATION = `mutation($input: UpsertLocationsInput!) { upsertLocations(input: $input) { created updated unchanged cancelled userErrors { field code message } } }`;

export async function run(): Promise<void> {
  const scratch = await scratchDatabase('upsert');
  try {
    await scratch.database.db
      .insert(editions)
      .values({ slug: 'nid-bench', name: 'Bench', date: '2027-10-14' });
    const [org] = await scratch.database.db
      .insert(organisations)
      .values({ slug: 'big-member', name: 'Big member', kind: 'COMPANY', approvedAt: new Date() })
      .returning();
    const { secret } = await issueKey(scratch.database.db, {
      organisationId: org!.id,
      scopes: ['LOCATIONS_WRITE'],
    });
    const server = await startServerProcess(scratch.url, UNLIMITED);
    try {
      const send = async (
        name: string,
        list: ReturnType<typeof rows>,
        expect: Record<string, number>,
      ) => {
        const body = JSON.stringify({
          query: MUTATION,
          variables: { input: { edition: 'nid-bench', locations: list } },
        });
        const started = performance.now();
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body,
        });
        const json = (await response.json()) as {
          data?: { upsertLocations: Record<string, unknown> };
          errors?: unknown;
        };
        const ms = performance.now() - started;
        const result = json.data?.upsertLocations;
        if (
          !result ||
          (result['userErrors'] as unknown[]).length ||
          Object.entries(expect).some(([k, v]) => result[k] !== v)
        ) {
          throw new Error(`${name}: unexpected answer ${JSON.stringify(json).slice(0, 500)}`);
        }
        report(name, {
          rows: list.length,
          ms: Math.round(ms),
          body_bytes: body.length,
          created: result['created'] as number,
          updated: result['updated'] as number,
          unchanged: result['unchanged'] as number,
        });
      };
      await send('upsert 10,000 new venues (one call)', rows(), { created: N });
      await send('re-send the same 10,000 (no change)', rows(), { unchanged: N });
      await send(
        're-send with 1,000 changed',
        rows((i) => (i % 10 === 0 ? { capacity: 150 } : {})),
        { updated: N / 10, unchanged: N - N / 10 },
      );
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
}
