/**
 * Cross-origin use. Every origin may read (`Access-Control-Allow-Origin: *`, never with
 * credentials: the API has no cookies, writes carry `Authorization: Bearer`), so partner pages
 * embed the widget and a CDN stores one copy of an answer, not one per origin.
 *
 * CSRF: yoga's prevention plugin refuses a POST that a page could send without a CORS preflight
 * (a form's content types, no custom header). GET is exempt: a GET cannot run a mutation (405),
 * carries no ambient credentials, and must stay simple for EventSource and for CDN caching.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

const EXPOSED = [
  'ETag',
  'Last-Modified',
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];
const ALLOWED_HEADERS = [
  'Accept',
  'Authorization',
  'Content-Type',
  'If-None-Match',
  'Last-Event-ID',
  'X-GraphQL-Yoga-CSRF',
];

export function corsPlugin(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      // A preflight: answered here, its headers added below.
      if (request.method === 'OPTIONS')
        endResponse(new Response(null, { status: 204, headers: { 'content-length': '0' } }));
    },
    onResponse({ request, response }) {
      const headers = response.headers;
      headers.set('Access-Control-Allow-Origin', '*');
      headers.delete('Access-Control-Allow-Credentials');
      headers.set('Access-Control-Expose-Headers', EXPOSED.join(', '));
      if (request.method === 'OPTIONS') {
        headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
        headers.set('Access-Control-Max-Age', '86400');
      }
    },
  };
}

export function csrfPlugin(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin & {
    onRequestParse: NonNullable<Plugin['onRequestParse']>;
  };
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET' || payload.request.method === 'HEAD') return;
      return csrf.onRequestParse(payload);
    },
  };
}
