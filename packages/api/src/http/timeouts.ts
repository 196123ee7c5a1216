/**
 * Node's own guards against slow clients, as options for `createServer`: a request must arrive
 * whole (headers and body) within TAFEL_REQUEST_TIMEOUT ms (default 60 s, room for a 10 MB bulk
 * upload on a slow line), its headers within TAFEL_HEADERS_TIMEOUT ms (default 10 s); Node
 * checks every 2 s. They bound receiving, not answering: live subscriptions (SSE) stay open as
 * long as they are read. An idle keep-alive connection is closed after 5 s.
 */
import type { ServerOptions } from 'node:http';

export function serverTimeouts(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const requestTimeout = Number(env['TAFEL_REQUEST_TIMEOUT'] || 60_000);
  const headersTimeout = Math.min(Number(env['TAFEL_HEADERS_TIMEOUT'] || 10_000), requestTimeout);
  return {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.min(2_000, headersTimeout),
  };
}
