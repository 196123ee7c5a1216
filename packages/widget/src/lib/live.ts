/**
 * One live stream per element: a GraphQL subscription over Server-Sent Events (a GET that a plain
 * EventSource can open), reconnected with exponential backoff and jitter. Events are
 * `event: next` with `{"data": ...}` and a final `event: complete`. A subscription the API
 * refuses (an unknown edition) is, as the GraphQL over SSE protocol wants, a stream that opens,
 * sends its errors in a `next` and completes: that one is not opened again.
 */
import type { TypedOperation } from '@tafel/schema';
import { GraphQLError, operationUrl, type ErrorBody } from './graphql.ts';

export interface LiveHandlers<R> {
  /** Each result the server pushes. */
  data(data: R): void;
  /** `false` when the stream is down (we keep the last data), `true` once it is back. */
  status(online: boolean): void;
  /** The stream is back after a break: refetch what may have changed meanwhile. */
  resumed(): void;
  /** The API refused the subscription itself (`error.final`): the stream is closed for good. */
  failed(error: GraphQLError): void;
}

const FIRST_DELAY = 1000;
const MAX_DELAY = 30_000;

export class LiveStream<R, V> {
  #url: string;
  #handlers: LiveHandlers<R>;
  #source: EventSource | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #broken = false;
  #closed = false;

  constructor(endpoint: string, operation: TypedOperation<R, V>, variables: V, handlers: LiveHandlers<R>) {
    this.#url = operationUrl(endpoint, operation, variables);
    this.#handlers = handlers;
    this.#open();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
  }

  #open(): void {
    if (this.#closed) return;
    const source = new EventSource(this.#url);
    this.#source = source;
    source.onopen = () => {
      this.#handlers.status(true);
      if (this.#broken) {
        this.#broken = false;
        this.#handlers.resumed();
      }
    };
    source.addEventListener('next', (event) => {
      let payload: { data?: R | null; errors?: ErrorBody[] } | undefined;
      try {
        payload = JSON.parse((event as MessageEvent<string>).data) as typeof payload;
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
    });
    // The server ended the subscription: open a new one, as after a break.
    source.addEventListener('complete', () => this.#retry());
    source.onerror = () => this.#retry();
  }

  #retry(): void {
    this.#source?.close();
    this.#source = undefined;
    if (this.#closed) return;
    if (!this.#broken) this.#handlers.status(false);
    this.#broken = true;
    const ceiling = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** this.#attempt++);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#open(), ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
