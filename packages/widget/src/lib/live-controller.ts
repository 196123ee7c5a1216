/**
 * An element's live stream as a Lit reactive controller: open while the element is connected,
 * live and given an edition; its status is the element's notice.
 */

import type { TypedOperation } from '@tafel/schema';
import type { ReactiveController } from 'lit';
import type { GraphQLError } from './graphql.ts';
import { elementLang, t } from './i18n.ts';
import { LiveStream } from './live.ts';
import { endpointOf, type TafelElement } from './tafel-element.ts';

export interface LiveControllerHandlers<R> {
  /** Each result the server pushes. */
  data(data: R): void;
  /** The stream is back after a break: refetch what may have changed meanwhile. */
  resumed(): void;
  /** The API refused the subscription itself: the stream is closed for good. */
  failed(error: GraphQLError): void;
  /** No stream for now (the API is full, or the stream keeps failing): read the cacheable GET. */
  poll(): void;
  /** The subscription's variables beyond the edition (what a chart asks for). */
  variables?(): object;
  /** Whether this stream is the one the element wants now (an element may have two kinds). */
  wanted?(): boolean;
}

export class LiveController<R> implements ReactiveController {
  #host: TafelElement;
  #operation: TypedOperation<R, { edition: string } & object>;
  #handlers: LiveControllerHandlers<R>;
  #stream: LiveStream<unknown, unknown> | undefined;

  constructor(
    host: TafelElement,
    operation: TypedOperation<R, { edition: string } & object>,
    handlers: LiveControllerHandlers<R>,
  ) {
    this.#host = host;
    this.#operation = operation;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.subscribe();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** (Re)open the stream for the element's current endpoint and edition, if it is to be live. */
  subscribe(): void {
    this.close();
    const host = this.#host;
    if (!host.live || !host.edition || !host.isConnected) return;
    const { data, resumed, failed, poll, variables, wanted } = this.#handlers;
    if (wanted && !wanted()) return;
    this.#stream = new LiveStream(
      endpointOf(host),
      this.#operation,
      { ...variables?.(), edition: host.edition },
      {
        data,
        status: (online) => (host._notice = online ? '' : t(elementLang(host), 'offline')),
        resumed,
        failed,
        poll,
      },
    ) as LiveStream<unknown, unknown>;
  }

  close(): void {
    this.#stream?.close();
    this.#stream = undefined;
  }
}
