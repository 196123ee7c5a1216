/**
 * The taps on this phone that the API has not answered yet, in IndexedDB, in the order they were
 * made: a tap is written here first and removed only when the API has counted it (or refused it,
 * and the page has said so), so a phone without signal, a reload or a closed tab loses none. Each
 * carries an idempotency key made at tap time: a send retried after a lost answer counts once.
 * One database per host link, so two links on one phone keep apart.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * What a host asked: arrivals (+n / −n, of one role where the venue seats per role), a count,
 * "we're full", a higher capacity, more seats for one role.
 */
export type Action =
  | { kind: 'add'; amount: number; role?: string }
  | { kind: 'set'; amount: number }
  | { kind: 'full'; full: boolean }
  | { kind: 'raise'; amount: number }
  | { kind: 'seats'; role: string; amount: number };

export type Tap = Action & {
  /** The order of the taps (IndexedDB's key generator). */
  id: number;
  /** The idempotency key sent with it (a UUID). */
  key: string;
  /** When it was tapped (ms since the epoch). */
  at: number;
};

interface HostDb extends DBSchema {
  taps: { key: number; value: Tap };
}

/** A UUID; `crypto.randomUUID` where the page is a secure context, else from random bytes. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class TapQueue {
  #db: Promise<IDBPDatabase<HostDb>>;

  /** `name`: the host link's visible prefix (never the token itself). */
  constructor(name: string) {
    this.#db = openDB<HostDb>(`tafel-host:${name}`, 1, {
      upgrade(db) {
        db.createObjectStore('taps', { keyPath: 'id', autoIncrement: true });
      },
    });
  }

  /** Keep an action, with a new idempotency key; the tap as stored. */
  async add(action: Action): Promise<Tap> {
    const db = await this.#db;
    const tap = { ...action, key: uuid(), at: Date.now() } as Omit<Tap, 'id'>;
    const id = await db.add('taps', tap as Tap);
    return { ...tap, id } as Tap;
  }

  /** Every waiting tap, oldest first. */
  async all(): Promise<Tap[]> {
    return (await this.#db).getAll('taps');
  }

  async remove(id: number): Promise<void> {
    await (await this.#db).delete('taps', id);
  }
}
