/**
 * A Nominatim-style geocoder for the pages' tests (an outside service, faked by a real HTTP
 * server): `GET /search?format=jsonv2&q=…` answers one address in Utrecht for any query that
 * names Oudegracht, and nothing otherwise. The API reaches it through TAFEL_GEOCODER_URL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OUDEGRACHT = { lat: 52.0907, lng: 5.1214 };

export async function startGeocoder(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://geocoder.test');
    const q = url.searchParams.get('q') ?? '';
    const hits =
      url.pathname === '/search' && /oudegracht/i.test(q)
        ? [
            {
              lat: String(OUDEGRACHT.lat),
              lon: String(OUDEGRACHT.lng),
              display_name: 'Oudegracht 1, 3511 AA Utrecht, Nederland',
              address: {
                road: 'Oudegracht',
                house_number: '1',
                postcode: '3511 AA',
                city: 'Utrecht',
                'ISO3166-2-lvl4': 'NL-UT',
                country_code: 'nl',
              },
            },
          ]
        : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(hits));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
