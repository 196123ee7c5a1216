/**
 * The edition's total, live: the public `statsChanged` subscription over Server-Sent Events (an
 * EventSource: the browser reconnects by itself), and the public stats query when the stream is
 * down. Public data: no host link is sent with it.
 */
import { StatsChanged } from '@tafel/schema';
import { request } from '../lib/gql.ts';

const POLL_EVERY = 15_000;
const STATS = 'query HostTotal($edition: String!) { stats(edition: $edition) { participants } }';

export class LiveTotal {
  #source: EventSource | null = null;
  #poll: ReturnType<typeof setInterval> | undefined;
  #edition: string;
  #update: (total: number) => void;

  constructor(edition: string, update: (total: number) => void) {
    this.#edition = edition;
    this.#update = update;
    const url = new URL('/graphql', location.href);
    url.searchParams.set('query', StatsChanged.document);
    url.searchParams.set('operationName', StatsChanged.name);
    url.searchParams.set('variables', JSON.stringify({ edition }));
    const source = new EventSource(url.href);
    this.#source = source;
    source.addEventListener('next', (event) => {
      const body = JSON.parse((event as MessageEvent<string>).data) as {
        data?: { statsChanged?: { participants: number } };
      };
      const total = body.data?.statsChanged?.participants;
      if (typeof total === 'number') update(total);
    });
    source.addEventListener('open', () => this.#stopPolling());
    source.addEventListener('error', () => this.#startPolling());
  }

  #startPolling(): void {
    if (this.#poll !== undefined) return;
    void this.#fetch();
    this.#poll = setInterval(() => void this.#fetch(), POLL_EVERY);
  }

  #stopPolling(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  async #fetch(): Promise<void> {
    try {
      const answer = await request<{ stats: { participants: number } }>(STATS, {
        edition: this.#edition,
      });
      if (answer.data) this.#update(answer.data.stats.participants);
    } catch {
      // no network: the stream and the next poll try again
    }
  }

  close(): void {
    this.#source?.close();
    this.#stopPolling();
  }
}
