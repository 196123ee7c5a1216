/**
 * One live stream per element: a GraphQL subscription over Server-Sent Events (a GET that a plain
 * EventSource can open), reconnected with exponential backoff and jitter. Events are
 * `event: next` with `{"data": ...}` and a final `event: complete`.
 */
import type { TypedOperation } from '@tafel/schema';
import { operationUrl } from './graphql.ts';

export interface LiveHandlers<R> {
  /** Each result the server pushes. */
  data(data: R): void;
  /** `false` when the stream is down (we keep the last data), `true` once it is back. */
  status(online: boolean): void;
  /** The stream is back after a break: refetch what may have changed meanwhile. */
  resumed(): void;
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
      this.#attempt = 0;
      this.#handlers.status(true);
      if (this.#broken) {
        this.#broken = false;
        this.#handlers.resumed();
      }
    };
    source.addEventListener('next', (event) => {
      let payload: { data?: R | null } | undefined;
      try {
        payload = JSON.parse((event as MessageEvent<string>).data) as { data?: R | null };
      } catch {
        return;
      }
      if (payload?.data) this.#handlers.data(payload.data);
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
