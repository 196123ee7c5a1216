/**
 * The routes beside GraphQL: /health, /ready, the widget's files at /widget/, the demo page at /
 * and the iframe page at /embed. A yoga plugin, so one app serves everything.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { decodedPath } from './gate.ts';

export const widgetDist = fileURLToPath(new URL('../../../widget/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function serveFile(root: string, relative: string, cacheControl: string): Promise<Response | null> {
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
      },
    });
  } catch {
    return null;
  }
}

export function routesPlugin(database: Database, root = widgetDist): Plugin {
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
        endResponse(Response.json({ status: ok ? 'ready' : 'database unavailable' }, { status: ok ? 200 : 503 }));
        return;
      }
      let file: string | null = null;
      if (path === '/' || path === '/index.html') file = 'index.html';
      else if (path === '/embed' || path === '/embed.html') file = 'embed.html';
      else if (path.startsWith('/widget/')) {
        file = decodedPath(path.slice('/widget/'.length));
        if (file === null) return endResponse(new Response('Bad request: the path is not valid percent-encoding.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      }
      if (file === null) return;
      const response = await serveFile(root, file, file.endsWith('.html') ? 'no-cache' : 'public, max-age=300');
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
