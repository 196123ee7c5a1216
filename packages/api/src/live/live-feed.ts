/** What a subscriber of the hub is handed: a feed of live values, iterated or attached to. */
import { Repeater, SlidingBuffer } from 'graphql-yoga';

export interface Subscriber<T> {
  push(value: T): void;
  stop(): void;
}

/**
 * One subscriber's live values. Any transport can iterate it (each iteration is a subscriber of
 * its own, buffering at most `bufferSize` values, the oldest dropped first); the lean SSE stream
 * (sse.ts) attaches a callback instead, so a tick reaches thousands of subscribers without a
 * promise per subscriber. Nothing is registered with the hub until either happens.
 */
export class LiveFeed<T> implements AsyncIterable<T> {
  constructor(
    private readonly open: (sink: Subscriber<T>) => () => void,
    /** How many values a subscriber that reads slowly may fall behind before the oldest go. */
    readonly bufferSize: number,
  ) {}

  /** Hand each value to `sink.push` as it comes, until the returned function is called or the hub stops (`sink.stop`). */
  attach(sink: Subscriber<T>): () => void {
    return this.open(sink);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      const close = this.open({ push: (value) => void push(value), stop: () => stop() });
      await stop;
      close();
    }, new SlidingBuffer(this.bufferSize))[Symbol.asyncIterator]();
  }
}
