/** The iframe page, /embed: it shows this server's data, or data from endpoints the operator listed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedEndpointsFromEnv } from '../src/http/config.ts';
import { createClient, openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const embed = (app: ReturnType<typeof createClient>['app'], query: string, path = '/embed') =>
  app.fetch(`http://tafel.test${path}?${query}`);

describe('/embed?endpoint=', () => {
  it("serves the page without an endpoint or with this server's own /graphql", async () => {
    const { app } = createClient(t.database);
    for (const query of [
      'edition=nid-2027',
      'edition=nid-2027&endpoint=%2Fgraphql',
      'edition=nid-2027&endpoint=graphql',
      'edition=nid-2027&endpoint=',
    ]) {
      const response = await embed(app, query);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('/widget/embed.js');
    }
  });

  it("refuses another server's endpoint with a 400 that says why, however it is written", async () => {
    const { app } = createClient(t.database);
    const foreign = [
      'https://evil.example/graphql',
      '//evil.example/graphql',
      '/\\evil.example/graphql',
      'https:evil.example/graphql',
      ' https://evil.example/graphql',
      'http://127.0.0.1:9/graphql',
      'javascript:alert(1)',
    ];
    for (const endpoint of foreign) {
      for (const path of ['/embed', '/embed.html']) {
        const response = await embed(
          app,
          `edition=nid-2027&endpoint=${encodeURIComponent(endpoint)}`,
          path,
        );
        expect(response.status, `${path} ${endpoint}`).toBe(400);
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        const text = await response.text();
        expect(text).toContain(`endpoint "${endpoint}" is not allowed`);
        expect(text).toContain('TAFEL_EMBED_ENDPOINTS');
        expect(text).not.toContain('<');
      }
    }
    // A second `endpoint` cannot slip past the first.
    const twice = await embed(
      app,
      `edition=nid-2027&endpoint=%2Fgraphql&endpoint=${encodeURIComponent('https://evil.example/graphql')}`,
    );
    expect(twice.status).toBe(400);
  });

  it('allows the endpoints listed in TAFEL_EMBED_ENDPOINTS, and only those', async () => {
    const listed = embedEndpointsFromEnv({
      TAFEL_EMBED_ENDPOINTS:
        ' https://tafel.partner.example/graphql ,https://other.example/api/graphql',
    });
    expect(listed).toEqual([
      'https://tafel.partner.example/graphql',
      'https://other.example/api/graphql',
    ]);
    const { app } = createClient(t.database, { responseCache: false, embedEndpoints: listed });
    expect(
      (
        await embed(
          app,
          `edition=nid-2027&endpoint=${encodeURIComponent('https://tafel.partner.example/graphql')}`,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await embed(
          app,
          `edition=nid-2027&endpoint=${encodeURIComponent('https://TAFEL.partner.example:443/graphql')}`,
        )
      ).status,
    ).toBe(200);
    expect((await embed(app, `edition=nid-2027&endpoint=%2Fgraphql`)).status).toBe(200);
    expect(
      (
        await embed(
          app,
          `edition=nid-2027&endpoint=${encodeURIComponent('https://tafel.partner.example/other')}`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await embed(
          app,
          `edition=nid-2027&endpoint=${encodeURIComponent('https://evil.example/graphql')}`,
        )
      ).status,
    ).toBe(400);
  });

  it('TAFEL_EMBED_ENDPOINTS takes absolute http(s) URLs only', () => {
    expect(embedEndpointsFromEnv({})).toEqual([]);
    expect(() => embedEndpointsFromEnv({ TAFEL_EMBED_ENDPOINTS: '/graphql' })).toThrow(
      /TAFEL_EMBED_ENDPOINTS .*"\/graphql"/,
    );
    expect(() =>
      embedEndpointsFromEnv({ TAFEL_EMBED_ENDPOINTS: 'ftp://files.example/graphql' }),
    ).toThrow(/absolute http\(s\) URLs/);
  });
});

describe('/embed/configure', () => {
  it('serves the embed configurator page, which loads its script and the widget from this server', async () => {
    const { app } = createClient(t.database);
    const response = await app.fetch('http://tafel.test/embed/configure');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/widget/configure.js"></script>');
    expect(html).toContain('<script type="module" src="/widget/tafel.js"></script>');
  });
});
