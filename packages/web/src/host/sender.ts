/**
 * Sends the waiting taps, oldest first, one at a time: a tap leaves the queue only once the API
 * counted it or the page has dealt with its refusal. Without a network it stops and tries again
 * (on the browser's `online`, and on a timer, slower each time). Tabs of one link on one phone
 * share the queue: a Web Lock lets one send at a time (a tap sent twice would still count once,
 * by its idempotency key), and a BroadcastChannel tells the others the queue changed.
 */
import type { UserError } from '../lib/gql.ts';
import { type LinkProblem, sendTap, type Venue } from './api.ts';
import type { Tap, TapQueue } from './queue.ts';

export interface SenderHooks {
  /** The API counted a tap; its venue as the API answered. */
  counted(tap: Tap, venue: Venue): void;
  /** The API refused a tap: 'drop' it (the page has said why) or 'hold' it and stop sending. */
  refused(tap: Tap, error: UserError): Promise<'drop' | 'hold'>;
  /** The link itself is refused: nothing more can be sent. */
  link(problem: LinkProblem): void;
  /** Whether the last try reached the API. */
  online(reached: boolean): void;
  /** The queue changed (here or in another tab). */
  changed(): void;
}

const FIRST_RETRY = 2000;
const MAX_RETRY = 30_000;

export class Sender {
  #queue: TapQueue;
  #token: string;
  #venueId: string;
  #hooks: SenderHooks;
  #channel: BroadcastChannel | null;
  #lock: string;
  #running: Promise<void> | null = null;
  #again = false;
  #held = false;
  #stopped = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #delay = FIRST_RETRY;
  #onOnline = () => void this.flush();

  constructor(queue: TapQueue, token: string, venueId: string, name: string, hooks: SenderHooks) {
    this.#queue = queue;
    this.#token = token;
    this.#venueId = venueId;
    this.#hooks = hooks;
    this.#lock = `tafel-host:${name}`;
    this.#channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#lock) : null;
    this.#channel?.addEventListener('message', () => {
      hooks.changed();
      void this.flush();
    });
    addEventListener('online', this.#onOnline);
  }

  close(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
    removeEventListener('online', this.#onOnline);
    this.#channel?.close();
  }

  /** The queue changed here: tell the other tabs. */
  announce(): void {
    this.#channel?.postMessage('changed');
  }

  /** Send a held tap's way again (after the page raised the capacity, say). */
  resume(): void {
    this.#held = false;
    void this.flush();
  }

  /** Send what waits; resolves when the queue is empty, held, or the network is gone. */
  flush(): Promise<void> {
    if (this.#stopped || this.#held) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    clearTimeout(this.#retry);
    this.#running = this.#locked(() => this.#drain()).finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        void this.flush();
      }
    });
    return this.#running;
  }

  #locked(work: () => Promise<void>): Promise<void> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request(this.#lock, () => work()).then(() => undefined) : work();
  }

  async #drain(): Promise<void> {
    for (;;) {
      if (this.#stopped || this.#held) return;
      const [tap] = await this.#queue.all();
      if (!tap) return;
      const outcome = await sendTap(this.#token, this.#venueId, tap);
      if (outcome.kind === 'network') {
        this.#hooks.online(false);
        this.#retry = setTimeout(() => void this.flush(), this.#delay);
        this.#delay = Math.min(this.#delay * 2, MAX_RETRY);
        return;
      }
      this.#hooks.online(true);
      this.#delay = FIRST_RETRY;
      if (outcome.kind === 'link') {
        this.#stopped = true;
        this.#hooks.link(outcome.problem);
        return;
      }
      if (
        outcome.kind === 'refused' &&
        (await this.#hooks.refused(tap, outcome.error)) === 'hold'
      ) {
        this.#held = true;
        return;
      }
      await this.#queue.remove(tap.id);
      if (outcome.kind === 'counted') this.#hooks.counted(tap, outcome.venue);
      this.#hooks.changed();
      this.announce();
    }
  }
}
