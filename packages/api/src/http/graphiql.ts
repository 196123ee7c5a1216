/**
 * GraphiQL, the API's documentation, served by the API itself: no CDN, so it works on a machine
 * without internet and under the API's own Content-Security-Policy. Yoga's bundled GraphiQL
 * (`@graphql-yoga/render-graphiql`) renders one page with its 9 MB of code inline; the page is cut
 * here into a small HTML page and two immutable files (script, styles) that browsers cache and
 * that are sent compressed, and no inline script remains for the policy to allow.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { GRAPHQL_PATH } from './gate.ts';

/** The policy of the GraphiQL page: its own files, its own API, workers made from blobs. */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // The editor (Monaco) adds style elements and attributes as it runs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // Monaco's language workers are started from blob: URLs.
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
}

interface Rendered {
  page: string;
  assets: Map<string, Asset>;
}

function asset(text: string, type: string, extension: string, assets: Map<string, Asset>): string {
  const body = Buffer.from(text);
  const name = `/graphiql/graphiql.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${extension}`;
  assets.set(name, { body, gzip: gzipSync(body), type });
  return name;
}

function render(options: GraphiQLOptions): Rendered {
  const html = renderGraphiQL(options);
  const assets = new Map<string, Asset>();
  const style = /<style>([\s\S]*?)<\/style>/.exec(html);
  const script = /<script>([\s\S]*)<\/script>/.exec(html);
  if (!style || !script)
    throw new Error(
      'The bundled GraphiQL page no longer has one inline style and one inline script.',
    );
  const css = asset(style[1]!, 'text/css; charset=utf-8', 'css', assets);
  const js = asset(script[1]!, 'text/javascript; charset=utf-8', 'js', assets);
  const page = html
    .replace(style[0], () => `<link rel="stylesheet" href="${css}" />`)
    .replace(script[0], () => `<script src="${js}"></script>`);
  return { page, assets };
}

export interface LocalGraphiQL {
  /** For yoga's `renderGraphiQL`: the page. */
  render(): string;
  /** Serves GraphiQL's files at /graphiql/… and sends the policy with the GraphiQL page. */
  plugin: Plugin;
}

/** GraphiQL with these (fixed) options, rendered on first use: a page or one of its files. */
export function localGraphiQL(options: GraphiQLOptions): LocalGraphiQL {
  let rendered: Rendered | null = null;
  const get = () => (rendered ??= render(options));
  return {
    render: () => get().page,
    plugin: {
      onRequest({ url, request, endResponse }) {
        if (
          !url.pathname.startsWith('/graphiql/') ||
          (request.method !== 'GET' && request.method !== 'HEAD')
        )
          return;
        const file = get().assets.get(url.pathname);
        if (!file) {
          endResponse(
            new Response('Not found', {
              status: 404,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
          );
          return;
        }
        const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
        endResponse(
          new Response(new Uint8Array(gzip ? file.gzip : file.body), {
            headers: {
              'content-type': file.type,
              'cache-control': 'public, max-age=31536000, immutable',
              'x-content-type-options': 'nosniff',
              vary: 'accept-encoding',
              ...(gzip ? { 'content-encoding': 'gzip' } : {}),
            },
          }),
        );
      },
      onResponse({ request, response }) {
        // Only the page: the content type first, so other answers cost no URL parse.
        if (!response.headers.get('content-type')?.startsWith('text/html')) return;
        if (new URL(request.url).pathname !== GRAPHQL_PATH) return;
        response.headers.set('content-security-policy', GRAPHIQL_CSP);
        response.headers.set('x-content-type-options', 'nosniff');
        response.headers.set('referrer-policy', 'no-referrer');
      },
    },
  };
}
