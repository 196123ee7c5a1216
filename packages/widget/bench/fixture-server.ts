/**
 * For the bench only: a local HTTP server that speaks the API's response shape for the map's
 * query (`MapLocations`, pages of 1,000 with a cursor) over any number of synthetic venues, holds
 * subscriptions open without events, and serves the built widget and a bench page.
 * Venues are spread around Dutch cities like the real ones, from a seeded generator.
 */

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type MapLocation, MEALS, TARGET_GROUPS } from '@tafel/schema';
import { widget } from '../scripts/api-server.ts';

const CITIES: [number, number, number][] = [
  [52.37, 4.9, 3],
  [51.92, 4.48, 2.5],
  [52.08, 4.3, 2],
  [52.09, 5.12, 2],
  [51.44, 5.47, 1.5],
  [53.22, 6.57, 1],
  [51.69, 5.3, 1],
  [51.98, 5.91, 1],
  [52.22, 6.89, 1],
  [51.84, 5.86, 1],
  [50.85, 5.69, 0.8],
  [52.51, 6.09, 0.8],
  [52.16, 4.49, 0.8],
  [51.59, 4.78, 0.8],
  [52.96, 5.92, 0.5],
  [51.5, 3.61, 0.4],
  [52.52, 5.47, 0.5],
  [53.2, 5.8, 0.6],
];

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticVenues(count: number): MapLocation[] {
  const random = seeded(2027);
  const weights = CITIES.reduce((sum, [, , w]) => sum + w, 0);
  const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: count }, (_, i) => {
    let pick = random() * weights;
    const city =
      CITIES.find(([, , w]) => {
        pick -= w;
        return pick < 0;
      }) ?? CITIES[0]!;
    const capacity = 10 + Math.floor(random() * 90);
    return {
      id: `Venue:${i}`,
      name: `Tafel ${i}`,
      meal: MEALS[Math.floor(random() * 4)]!,
      startsAt: '2027-10-14T16:00:00.000Z',
      endsAt: '2027-10-14T19:00:00.000Z',
      capacity,
      participants: Math.floor(random() * capacity),
      full: false,
      targetGroups: [TARGET_GROUPS[Math.floor(random() * TARGET_GROUPS.length)]!],
      languages: ['nl'],
      wheelchairAccessible: random() < 0.7,
      registrationUrl: null,
      locationPrecision: 'EXACT',
      coordinates: { lat: city[0] + gauss() * 0.12, lng: city[1] + gauss() * 0.18 },
      address: { city: 'Plaats', region: 'NL-UT', postalCode: null },
      organisation: { slug: `org-${i % 500}`, name: `Organisatie ${i % 500}` },
    };
  });
}

const PAGE = 1000;

export async function startFixtureServer(
  count: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const venues = syntheticVenues(count);
  const pages = new Map<number, string>();
  const page = (offset: number) => {
    let body = pages.get(offset);
    if (!body) {
      const nodes = venues.slice(offset, offset + PAGE);
      const next = offset + PAGE < venues.length;
      body = JSON.stringify({
        data: {
          locations: {
            totalCount: venues.length,
            pageInfo: { hasNextPage: next, endCursor: next ? String(offset + PAGE) : null },
            nodes,
          },
        },
      });
      pages.set(offset, body);
    }
    return body;
  };
  for (let offset = 0; offset < venues.length; offset += PAGE) page(offset); // answer at network speed

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') {
      if (request.headers.accept?.includes('text/event-stream')) {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
        });
        response.write(':\n\n');
        return; // open, quiet
      }
      const variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as {
        after?: string | null;
      };
      if (url.searchParams.get('operationName') === 'MapLocations') {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(page(Number(variables.after ?? 0)));
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: null, errors: [{ message: 'not in the fixture' }] }));
      return;
    }
    if (url.pathname === '/bench.html') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><html lang="nl"><head><meta charset="utf-8">
        <script type="module" src="/widget/tafel.js"></script></head><body style="margin:0"></body></html>`);
      return;
    }
    if (url.pathname.startsWith('/widget/')) {
      try {
        const body = await readFile(
          join(widget, 'dist', url.pathname.slice('/widget/'.length).replace(/\.\./g, '')),
        );
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
