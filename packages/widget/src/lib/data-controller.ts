/**
 * An element's loading as a Lit reactive controller: one load at a time (a newer one aborts the
 * older), tried again after a failure, stopped for good when the API refuses what is asked (an
 * unknown edition), and stopped when the element leaves the page.
 */
import type { LitElement, ReactiveController } from 'lit';
import { GraphQLError } from './graphql.ts';

export interface DataControllerOptions {
  /** Fetch and show; `fresh` past any cached answer. Throws when the API cannot be reached or refuses. */
  load(signal: AbortSignal, fresh: boolean): Promise<void>;
  /** The wait before the next try, after `failures` failures since the API last answered. */
  retryDelay(failures: number): number;
  /** The API cannot be reached: say so (the controller tries again). */
  unreachable(): void;
  /** The API refused what the element asks: asking again would not help. */
  refused(error: GraphQLError): void;
}

/** An element that loads an edition's data: the Tafel elements. */
export type DataHost = LitElement & { edition: string | undefined };

export class DataController implements ReactiveController {
  #host: DataHost;
  #options: DataControllerOptions;
  #loads: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;

  constructor(host: DataHost, options: DataControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) void this.reload();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Load what the element shows; `fresh` after a reconnect or a failure, past any cached answer. */
  async reload(fresh = false): Promise<void> {
    if (!this.#host.isConnected) return;
    this.stop();
    if (!this.#host.edition) return;
    const loads = this.begin();
    try {
      await this.#options.load(loads.signal, fresh);
    } catch (error) {
      if (loads.signal.aborted) return;
      if (error instanceof GraphQLError && error.final) return this.#options.refused(error);
      this.#options.unreachable();
      const delay = this.#options.retryDelay(this.#failures++);
      this.#retryTimer = setTimeout(() => void this.reload(true), delay);
    }
  }

  /** A load of its own (a visitor's filter), aborting the one before; not tried again. */
  begin(): AbortController {
    this.#loads?.abort();
    const loads = new AbortController();
    this.#loads = loads;
    return loads;
  }

  /** Whether `loads` is the latest load. */
  isCurrent(loads: AbortSignal): boolean {
    return this.#loads?.signal === loads;
  }

  /** The API answered: the next failure waits the shortest time again. */
  answered(): void {
    this.#failures = 0;
  }

  /** Abort the running load (it stays the latest until another begins). */
  abort(): void {
    this.#loads?.abort();
  }

  /** Abort the running load and any try to come. */
  stop(): void {
    clearTimeout(this.#retryTimer);
    this.abort();
  }
}
