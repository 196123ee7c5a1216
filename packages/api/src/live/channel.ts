/**
 * The NOTIFY outbox and the LISTEN connection: how API processes tell each other of committed
 * changes. The writing process hears its own changes at once (`receive`), without waiting for
 * the NOTIFY to come back; the echo is for the receiver to recognise. Beside the live channel it
 * LISTENs on the public channel, where the database itself announces changes to editions and
 * organisations, whoever made them.
 */
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { tableNotice } from '../locations/notices.ts';
import {
  LIVE_CHANNEL,
  type Notice,
  noticePayloads,
  PUBLIC_CHANNEL,
  parseNotices,
} from './notice.ts';

export interface ChannelReceiver {
  /** A committed change, announced by this process or heard on the channel from any. */
  receive(notice: Notice): void;
  /** LISTEN came back after the connection was away: notices sent meanwhile are lost. */
  reconnected(): void;
}

export class LiveChannel {
  private listening: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  /** LISTENs established per channel: a second one is a reconnect. */
  private readonly listens = new Map<string, number>();
  private outbox: Notice[] = [];
  private sending: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    private readonly receiver: ChannelReceiver,
  ) {}

  /** LISTEN on the channel (once). */
  start(): Promise<void> {
    this.listening ??= Promise.all([
      this.database.listen(
        LIVE_CHANNEL,
        (payload) => this.onNotify(payload),
        () => this.onListen(LIVE_CHANNEL),
      ),
      this.database.listen(
        PUBLIC_CHANNEL,
        (payload) => this.onTable(payload),
        () => this.onListen(PUBLIC_CHANNEL),
      ),
    ])
      .then((unlisten) => {
        this.unlisten = async () => void (await Promise.all(unlisten.map((stop) => stop())));
      })
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening;
  }

  /**
   * Announce committed changes to this process's subscribers at once and, with NOTIFY, to every
   * API process (this one too: the echo is skipped), outside the writes' transactions. One NOTIFY
   * statement is in flight at a time, carrying every notice that came in meanwhile (in order, as
   * few payloads as their size allows): however fast writes commit, a notice waits for at most
   * the statement before it. A process that dies between a commit and this NOTIFY leaves other
   * processes' subscribers one change behind until the next one (and their live stats until the
   * next reload).
   */
  announce(notices: readonly Notice[]): void {
    if (notices.length === 0) return;
    // This process's own subscribers and caches need not wait for the round trip through PostgreSQL.
    for (const notice of notices) this.receiver.receive(notice);
    this.outbox.push(...notices);
    this.sending ??= this.sendAll().finally(() => {
      this.sending = null;
    });
  }

  private async sendAll(): Promise<void> {
    // The notices of this turn of the event loop go together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.outbox.length > 0) {
      const notices = this.outbox;
      this.outbox = [];
      await this.database.notify(LIVE_CHANNEL, noticePayloads(notices)).catch((error: unknown) => {
        this.log.warn({ err: error, notices: notices.length }, 'live: could not announce changes');
      });
    }
  }

  /** Until the changes announced so far have gone out. */
  async drain(): Promise<void> {
    await this.sending;
  }

  /** Stop listening (start listens again). */
  async close(): Promise<void> {
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    this.listening = null;
  }

  private onNotify(payload: string): void {
    for (const notice of parseNotices(payload)) this.receiver.receive(notice);
  }

  /** The database's own notice: the payload names the table. */
  private onTable(payload: string): void {
    const notice = tableNotice(payload);
    if (notice) this.receiver.receive(notice);
  }

  private onListen(channel: string): void {
    const listens = (this.listens.get(channel) ?? 0) + 1;
    this.listens.set(channel, listens);
    if (listens === 1) return;
    this.receiver.reconnected();
  }
}
