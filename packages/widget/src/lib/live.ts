/**
 * One live stream per element: a GraphQL subscription over Server-Sent Events, read with `fetch`
 * (a plain GET, as an EventSource would send it, so no preflight) because only `fetch` sees why a
 * stream was refused and the `Retry-After` that came with it. Events are `event: next` with
 * `{"data": ...}` and a final `event: complete`. A subscription the API refuses (an unknown
 * edition) is, as the GraphQL over SSE protocol wants, a stream that opens, sends its errors in a
 * `next` and completes: that one is not opened again.
 *
 * When the API is full (503, or 429 when this address holds its share of streams) or the stream
 * keeps failing, the element polls its cacheable GET instead (a CDN answers most of those) and
 * the stream is tried again later: after `Retry-After`, then less and less often, with jitter so
 * that a million pages refused at once do not come back at once.
 */
import type { TypedOperation } from '@tafel/schema';
import { type ErrorBody, GraphQLError, operationUrl } from './graphql.ts';

export interface LiveHandlers<R> {
  /** Each result the server pushes. */
  data(data: R): void;
  /** `false` when the stream is down (we keep the last data), `true` once it is back. */
  status(online: boolean): void;
  /** The stream is back after a break: refetch what may have changed meanwhile. */
  resumed(): void;
  /** The API refused the subscription itself (`error.final`): the stream is closed for good. */
  failed(error: GraphQLError): void;
  /** No stream for now: read the numbers from the cacheable GET (called every `POLL_EVERY` or so). */
  poll(): void;
}

const FIRST_DELAY = 1000;
const MAX_DELAY = 30_000;
/** Polling this often keeps a counter current to the API's cache lifetime (10 s by default) or so. */
export const POLL_EVERY = 15_000;
/** Failed tries in a row after which the element polls while it keeps trying to stream. */
const FAILURES_BEFORE_POLLING = 3;
/** A refused stream is tried again at most this rarely. */
const MAX_REFUSED_DELAY = 300_000;

/** Between `ms` and half as much again: spreads the tries of many pages. */
const jitter = (ms: number): number => ms * (1 + Math.random() / 2);

export class LiveStream<R, V> {
  #url: string;
  #handlers: LiveHandlers<R>;
  #aborts: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #refusals = 0;
  #broken = false;
  #closed = false;

  constructor(
    endpoint: string,
    operation: TypedOperation<R, V>,
    variables: V,
    handlers: LiveHandlers<R>,
  ) {
    this.#url = operationUrl(endpoint, operation, variables);
    this.#handlers = handlers;
    void this.#open();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#stopPolling();
    this.#aborts?.abort();
  }

  async #open(): Promise<void> {
    if (this.#closed) return;
    const aborts = new AbortController();
    this.#aborts = aborts;
    try {
      const response = await fetch(this.#url, {
        headers: { accept: 'text/event-stream' },
        cache: 'no-store',
        signal: aborts.signal,
      });
      if (response.status === 503 || response.status === 429) {
        void response.body?.cancel();
        return this.#refused(Number(response.headers.get('retry-after')) || 30);
      }
      // Anything but an event stream (a proxy's error page) counts as a failed try.
      if (
        !response.ok ||
        !response.body ||
        !response.headers.get('content-type')?.startsWith('text/event-stream')
      )
        throw response.status;
      this.#stopPolling();
      this.#refusals = 0;
      this.#handlers.status(true);
      if (this.#broken) {
        this.#broken = false;
        this.#handlers.resumed();
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.#closed) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.#event(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // A network error, a bad status, or close(): tried again below unless closed.
    }
    // The server ended the subscription, or the connection broke: open a new one.
    this.#retry();
  }

  #event(block: string): void {
    if (this.#closed || !/^event: ?next$/m.test(block)) return;
    let payload: { data?: R | null; errors?: ErrorBody[] } | undefined;
    try {
      payload = JSON.parse(
        Array.from(block.matchAll(/^data: ?(.*)$/gm), (m) => m[1]).join('\n'),
      ) as typeof payload;
    } catch {
      return;
    }
    if (payload?.errors?.length) {
      const error = new GraphQLError(payload.errors, 'subscription refused');
      if (error.final) {
        this.close();
        this.#handlers.failed(error);
        return;
      }
    }
    if (payload?.data) {
      // Only a stream that delivers counts as healthy: one that opens and ends at once backs off.
      this.#attempt = 0;
      this.#handlers.data(payload.data);
    }
  }

  #retry(): void {
    if (this.#closed) return;
    if (!this.#broken) this.#handlers.status(false);
    this.#broken = true;
    if (this.#attempt >= FAILURES_BEFORE_POLLING) this.#startPolling();
    const ceiling = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** this.#attempt++);
    this.#later(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** The API is full: poll, and ask to stream again after `Retry-After`, then less often. */
  #refused(retryAfterSeconds: number): void {
    if (this.#closed) return;
    this.#broken = true;
    this.#startPolling();
    this.#later(
      jitter(Math.min(MAX_REFUSED_DELAY, retryAfterSeconds * 1000 * 2 ** this.#refusals++)),
    );
  }

  #later(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#open(), delay);
  }

  #startPolling(): void {
    if (this.#pollTimer !== undefined || this.#closed) return;
    const tick = () => {
      this.#pollTimer = setTimeout(() => {
        this.#handlers.poll();
        tick();
      }, jitter(POLL_EVERY));
    };
    tick();
  }

  #stopPolling(): void {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
  }
}
