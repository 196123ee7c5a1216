/**
 * The routes beside GraphQL: /health, /ready, the widget's files at /widget/, the demo page at /,
 * the iframe page at /embed and the embed configurator at /embed/configure; the pages for people
 * (packages/web) at /manage, /join, /host/<token> and /live/<edition>, their assets at /web/. A yoga plugin, so
 * one app serves everything.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { repoRoot } from '../db/paths.ts';
import { embedEndpointsFromEnv } from './config.ts';
import { decodedPath, GRAPHQL_PATH } from './gate.ts';

export const widgetDist = join(repoRoot, 'packages', 'widget', 'dist') + sep;
export const webDist = join(repoRoot, 'packages', 'web', 'dist') + sep;

/**
 * The people's pages: scripts and styles from this origin only, data from this origin's API,
 * map tiles from wherever the operator's tile server is (images), never framed by another site.
 * `worker-src blob:` for the <tafel-map> of the portal's preview, which clusters in an inline worker.
 */
const WEB_PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * The host's counter as an app (packages/web/public/host/): its service worker, which must be
 * served from /host/ to control /host/<token> and be checked for updates on every visit (not the
 * year-long cache of /web/), its manifest and icon.
 */
const HOST_APP_FILES = new Set(['/host/sw.js', '/host/manifest.webmanifest', '/host/icon.svg']);

/** Which built page answers a path of the people's pages, or null. */
export function webPage(path: string): string | null {
  if (path === '/manage' || path === '/manage/') return 'manage.html';
  if (path === '/join' || path === '/join/') return 'join.html';
  if (/^\/host\/[A-Za-z0-9_-]{1,200}\/?$/.test(path)) return 'host.html';
  if (/^\/live\/[A-Za-z0-9_-]{0,100}\/?$/.test(path) || path === '/live') return 'live.html';
  return null;
}

/**
 * How long a cache may keep a page. /live/<edition> is public and the same shell for everyone
 * (no token in its address, its numbers come live from the API): a minute, so a link shared in a
 * newsroom is served by a CDN; the others may carry a token (/host/…) and are never kept.
 */
function pageCaching(page: string): string {
  return page === 'live.html' ? 'public, max-age=60' : 'no-store';
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

async function serveFile(
  root: string,
  relative: string,
  cacheControl: string,
  extraHeaders: Record<string, string> = {},
): Promise<Response | null> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return null;
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': cacheControl,
        // Partner pages load the widget from another origin.
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
        ...extraHeaders,
      },
    });
  } catch {
    return null;
  }
}

/**
 * Whether /embed may show data from `?endpoint=`: this server's own /graphql, written as a path
 * (resolved as the page's address resolves it, so on whichever host the visitor used), or one of
 * the configured endpoints. Any other would show another server's venues, and its "Register"
 * links, on this server's origin and under its name.
 */
export function embedEndpointAllowed(endpoint: string, allowed: readonly string[]): boolean {
  if (endpoint.trim() === '') return true; // the element's default: this server's /graphql
  const OWN = 'http://own.invalid';
  if (URL.canParse(endpoint, `${OWN}/embed`)) {
    const url = new URL(endpoint, `${OWN}/embed`);
    if (url.origin === OWN && url.pathname === GRAPHQL_PATH) return true;
  }
  return URL.canParse(endpoint) && allowed.includes(new URL(endpoint).href);
}

function embedRefusal(endpoint: string): Response {
  const shown = endpoint.length > 200 ? `${endpoint.slice(0, 200)}…` : endpoint;
  return new Response(
    `This map shows the data of this server's own API only: endpoint "${shown}" is not allowed. ` +
      'Leave the endpoint out, or ask the operator to add it to TAFEL_EMBED_ENDPOINTS.\n',
    {
      status: 400,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    },
  );
}

export function routesPlugin(
  database: Database,
  {
    root = widgetDist,
    webRoot = webDist,
    embedEndpoints = embedEndpointsFromEnv(),
  }: { root?: string; webRoot?: string; embedEndpoints?: string[] } = {},
): Plugin {
  return {
    async onRequest({ url, endResponse, request }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname;
      if (path === '/health') {
        endResponse(Response.json({ status: 'ok' }));
        return;
      }
      if (path === '/ready') {
        const ok = await database.ping();
        endResponse(
          Response.json(
            { status: ok ? 'ready' : 'database unavailable' },
            { status: ok ? 200 : 503 },
          ),
        );
        return;
      }
      if (HOST_APP_FILES.has(path)) {
        const response = await serveFile(webRoot, path.slice(1), 'no-cache', {
          'service-worker-allowed': '/host/',
        });
        return endResponse(
          response ??
            new Response('The pages are not built yet: run `pnpm build`.', {
              status: 404,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
        );
      }
      const page = webPage(path);
      if (page !== null || path.startsWith('/web/')) {
        const relative = page ?? decodedPath(path.slice('/web/'.length));
        const response =
          relative === null
            ? null
            : page !== null
              ? await serveFile(webRoot, relative, pageCaching(page), WEB_PAGE_HEADERS)
              : await serveFile(webRoot, relative, 'public, max-age=31536000, immutable');
        return endResponse(
          response ??
            new Response(
              page !== null
                ? 'The pages are not built yet: run `pnpm build` (pnpm start does it for you).'
                : 'Not found',
              { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } },
            ),
        );
      }
      let file: string | null = null;
      if (path === '/' || path === '/index.html') file = 'index.html';
      else if (path === '/embed' || path === '/embed.html') {
        const refused = url.searchParams
          .getAll('endpoint')
          .find((endpoint) => !embedEndpointAllowed(endpoint, embedEndpoints));
        if (refused !== undefined) return endResponse(embedRefusal(refused));
        file = 'embed.html';
      } else if (path === '/embed/configure') file = 'configure.html';
      else if (path.startsWith('/widget/')) {
        file = decodedPath(path.slice('/widget/'.length));
        if (file === null)
          return endResponse(
            new Response('Bad request: the path is not valid percent-encoding.', {
              status: 400,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
          );
      }
      if (file === null) return;
      const response = await serveFile(
        root,
        file,
        file.endsWith('.html') ? 'no-cache' : 'public, max-age=300',
      );
      endResponse(
        response ??
          new Response(
            file.endsWith('.html')
              ? 'The widget is not built yet: run `pnpm build` (pnpm start does it for you).'
              : 'Not found',
            { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } },
          ),
      );
    },
  };
}
