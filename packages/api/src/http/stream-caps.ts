/**
 * How many subscription streams (SSE) may be open at once: per client IP without a key, per API
 * key (a keyed stream counts against its key only), and in this process, which keeps file
 * descriptors in reserve so /ready and writes get through when it is full (config.ts).
 *
 * A stream is counted from the moment it is let through until its response closes, whatever
 * closes it (the client leaves, the stream completes because its key was revoked, the server
 * stops): Node's `close` event on the response comes once for each. Requests without a Node
 * response (in-process `app.fetch`) hold no connection and are not counted.
 *
 * A refused stream gets 429 (the client's own share is taken: close one, or retry later) or 503
 * (the process is full: the widget falls back to polling), with Retry-After and a GraphQL-shaped
 * error naming the limit. This plugin must come after the one that serves the streams (sse.ts):
 * it decides on the processor that one chose.
 */
import type { ServerResponse } from 'node:http';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { KeyCache } from '../auth/key-cache.ts';
import type { Database } from '../db/client.ts';
import { clientIp } from './client-ip.ts';
import type { PublicApiConfig, StreamCapsConfig } from './config.ts';
import { viewerOf } from './gate.ts';

/** Streams end when their readers leave; a client that waits this long usually finds room. */
const RETRY_AFTER_SECONDS = 30;

interface Refused {
  status: 429 | 503;
  code: string;
  /** The environment variable that sets the limit reached. */
  limit: string;
  max: number;
  message: string;
}

export class StreamCounts {
  private total = 0;
  private readonly byClient = new Map<string, number>();

  constructor(readonly caps: StreamCapsConfig) {}

  get open(): number {
    return this.total;
  }

  /** Count a stream of this client (`key:<id>` or `ip:<address>`), or say why not; `release` once it ends. */
  admit(client: string | null): { release(): void } | Refused {
    const keyed = client?.startsWith('key:') ?? false;
    const mine = client === null ? 0 : (this.byClient.get(client) ?? 0);
    if (client !== null) {
      const max = keyed ? this.caps.perKey : this.caps.perIp;
      if (mine >= max) {
        const limit = keyed ? 'TAFEL_MAX_SUBSCRIBERS_PER_KEY' : 'TAFEL_MAX_SUBSCRIBERS_PER_IP';
        const who = keyed ? 'this API key' : 'this address';
        return {
          status: 429,
          code: 'TOO_MANY_STREAMS',
          limit,
          max,
          message: `Too many open streams from ${who}: at most ${max} at once (${limit}). Close one, or try again after Retry-After seconds.`,
        };
      }
    }
    if (this.total >= this.caps.perProcess) {
      const max = this.caps.perProcess;
      return {
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        limit: 'TAFEL_MAX_SUBSCRIBERS',
        max,
        message: `This server holds as many live streams as it can (${max}, TAFEL_MAX_SUBSCRIBERS). Poll the query instead, or try again after Retry-After seconds.`,
      };
    }
    this.total += 1;
    if (client !== null) this.byClient.set(client, mine + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        if (client === null) return;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }
}

function refusedResponse(refused: Refused, fetchAPI: { Response: typeof Response }): Response {
  const body = {
    errors: [
      {
        message: refused.message,
        extensions: { code: refused.code, limit: refused.limit, max: refused.max },
      },
    ],
  };
  return new fetchAPI.Response(JSON.stringify(body), {
    status: refused.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(RETRY_AFTER_SECONDS),
    },
  });
}

export function streamCapsPlugin(
  database: Database,
  keys: KeyCache,
  config: Pick<PublicApiConfig, 'streams' | 'trustProxy' | 'sessions' | 'publicUrl'>,
  counts = new StreamCounts(config.streams),
): Plugin {
  return {
    async onResultProcess({ request, result, resultProcessor, setResultProcessor, serverContext }) {
      if (
        !resultProcessor ||
        !isAsyncIterable(result) ||
        !(request.headers.get('accept') ?? '').includes('text/event-stream')
      )
        return;
      const response = (serverContext as { res?: ServerResponse }).res;
      if (!response) return;
      // Known by now: the context was built from it. A bad key never gets this far (401).
      const viewer = await viewerOf(database, keys, request, config).catch(() => null);
      // Gone already: nothing will be sent, and its `close` has been and gone.
      if (response.destroyed) return;
      // A key counts as itself; a person in a browser as their address, like the public.
      const keyId = viewer?.keyId ?? null;
      const ip = keyId !== null ? null : clientIp(request, serverContext, config.trustProxy);
      const admitted = counts.admit(
        keyId !== null ? `key:${keyId}` : ip === null ? null : `ip:${ip}`,
      );
      if ('release' in admitted) {
        response.once('close', admitted.release);
        return;
      }
      setResultProcessor((unserved, fetchAPI) => {
        // Nothing is subscribed until a stream is read: let the iterators go unread.
        if (isAsyncIterable(unserved)) void unserved[Symbol.asyncIterator]().return?.();
        return refusedResponse(admitted, fetchAPI as never);
      }, 'application/json');
    },
  };
}
