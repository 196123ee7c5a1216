/**
 * Server-Sent Events for subscriptions, on the wire exactly as graphql-yoga writes them
 * (`event: next` / `event: complete`, a `:` comment as ping; graphql-sse's "distinct connections"
 * mode, and a plain EventSource listening for `next`), made cheap to fan out: a result that many
 * subscribers share (see shared-results.ts) is serialised and encoded once, each message leaves
 * as one chunk, and one timer pings every open stream instead of a timer per stream.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, maskError, type Plugin } from 'graphql-yoga';
import { type DirectSubscription, takeDirectSubscription } from './shared-results.ts';

const encoder = new TextEncoder();
const PING = encoder.encode(':\n\n');
const COMPLETE = encoder.encode('event: complete\ndata:\n\n');
const PING_MS = 12_000;

/** The bytes of one `next` message, per result object. */
const encoded = new WeakMap<object, Uint8Array>();

function serialise(result: ExecutionResult): string {
  if (!result.errors) return JSON.stringify(result);
  // As yoga does: the HTTP hints in error extensions are for the server, not the client.
  const errors = result.errors.map((error) => {
    const json = (error as GraphQLError).toJSON?.() ?? error;
    if (!json.extensions) return json;
    const {
      http: _http,
      unexpected: _unexpected,
      ...extensions
    } = json.extensions as Record<string, unknown>;
    return { ...json, extensions: Object.keys(extensions).length > 0 ? extensions : undefined };
  });
  return JSON.stringify({ ...result, errors });
}

function messageOf(result: ExecutionResult): Uint8Array {
  let bytes = encoded.get(result);
  if (!bytes) {
    bytes = encoder.encode(`event: next\ndata: ${serialise(result)}\n\n`);
    encoded.set(result, bytes);
  }
  return bytes;
}

/** Every open stream, as a function that sends it a ping unless it is backed up; false once it is gone. */
const open = new Set<() => boolean>();
let pinger: NodeJS.Timeout | null = null;

function ping(): void {
  for (const send of open) if (!send()) open.delete(send);
  if (open.size === 0 && pinger) {
    clearInterval(pinger);
    pinger = null;
  }
}

function track(send: () => boolean): () => void {
  open.add(send);
  pinger ??= setInterval(ping, process.env['NODE_ENV'] === 'test' ? 300 : PING_MS);
  pinger.unref();
  return () => open.delete(send);
}

function pingsOf(controller: ReadableStreamDefaultController<Uint8Array>): () => boolean {
  return () => {
    // `null`: errored; 0: the client reads slowly, a ping would only queue up.
    if (controller.desiredSize === null) return false;
    if (controller.desiredSize > 0) controller.enqueue(PING);
    return true;
  };
}

function eventStream(
  results: AsyncIterable<ExecutionResult>,
  fetchAPI: { ReadableStream: typeof ReadableStream; Response: typeof Response },
): Response {
  const iterator = results[Symbol.asyncIterator]();
  let untrack: (() => void) | null = null;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // Some clients wait for the first byte before they count a stream as open.
      controller.enqueue(PING);
      untrack = track(pingsOf(controller));
    },
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (value != null) controller.enqueue(messageOf(value));
      if (done) {
        untrack?.();
        controller.enqueue(COMPLETE);
        controller.close();
      }
    },
    async cancel(reason) {
      untrack?.();
      await iterator.return?.(reason);
    },
  });
  return new fetchAPI.Response(body, { status: 200, headers: HEADERS });
}

/** A client that has this many bytes not yet taken off its connection gets no more until it has. */
const MAX_UNSENT = 16 * 1024;

/** A message as one HTTP/1.1 chunk, per message (shared by every subscriber it goes to). */
const chunks = new WeakMap<Uint8Array, Buffer>();

/**
 * The fan-out's hot path. Node's response would frame each message as a chunk and write it
 * through its own stream and ours, for every subscriber: at 5,000 subscribers and a few messages
 * a second that is about a third of the fan-out's cost (the sends themselves are the rest, ~20 µs
 * each on the development machine). So a message is framed once and written to
 * each connection as is — only while the response is chunked, its head and everything written
 * before have gone to the connection, and our stream holds nothing back, so the bytes on the
 * wire stay in order and the response stays well-formed (its end, `0\r\n\r\n`, still comes from
 * Node). Otherwise the message takes the ordinary way.
 */
function framed(bytes: Uint8Array): Buffer {
  let chunk = chunks.get(bytes);
  if (!chunk) {
    chunk = Buffer.concat([
      Buffer.from(`${bytes.byteLength.toString(16)}\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]);
    chunks.set(bytes, chunk);
  }
  return chunk;
}

function writableDirectly(response: ServerResponse, body: Readable): boolean {
  const socket = response.socket;
  return (
    socket !== null &&
    !socket.destroyed &&
    response.headersSent &&
    !response.writableEnded &&
    response.writableLength === 0 &&
    (response as ServerResponse & { chunkedEncoding?: boolean }).chunkedEncoding === true &&
    body.readableLength === 0
  );
}

/** `x-accel-buffering: no` asks a buffering proxy (nginx) to pass each message on at once. */
const HEADERS = {
  'content-type': 'text/event-stream',
  connection: 'keep-alive',
  'cache-control': 'no-cache',
  'content-encoding': 'none',
  'x-accel-buffering': 'no',
};

/**
 * A subscription fed by the live hub, served without an iterator per subscriber: each event is
 * turned into its result (computed once for all who asked the same, see shared-results.ts) and
 * its bytes pushed straight into this response's stream. A client that reads slowly keeps the
 * newest `bufferSize` messages not yet taken, the oldest dropped first, as the iterators would.
 */
function directEventStream(
  subscription: DirectSubscription,
  results: AsyncIterable<ExecutionResult>,
  fetchAPI: { Response: typeof Response },
  mask: (result: ExecutionResult) => ExecutionResult,
): Response {
  // The iterators yoga built around the same feed are never read: let them go.
  void results[Symbol.asyncIterator]().return?.();
  const waiting: Uint8Array[] = [];
  let wanted = true;
  let ended = false;
  let detach: (() => void) | null = null;
  let untrack: (() => void) | null = null;
  const stop = () => {
    ended = true;
    untrack?.();
    detach?.();
  };
  const body = new Readable({
    // Small: what does not fit waits in `waiting`, where only the newest are kept.
    highWaterMark: 1024,
    read() {
      wanted = true;
      while (wanted && waiting.length > 0) wanted = this.push(waiting.shift());
    },
    destroy(error, callback) {
      // The client went away.
      stop();
      callback(error);
    },
  });
  const socket = subscription.response?.socket ?? null;
  const send = (bytes: Uint8Array) => {
    if (ended) return;
    if (wanted && waiting.length === 0) {
      // Straight onto the connection when nothing else is on its way there (see framed()).
      if (socket && writableDirectly(subscription.response!, body)) {
        if (socket.writableLength > MAX_UNSENT) waitForDrain(bytes);
        else socket.write(framed(bytes));
        return;
      }
      wanted = body.push(bytes);
      return;
    }
    waiting.push(bytes);
    if (waiting.length > subscription.feed.bufferSize) waiting.shift();
  };
  // A client that reads slowly: keep the newest, send them when its connection has room again.
  const waitForDrain = (bytes: Uint8Array) => {
    wanted = false;
    waiting.push(bytes);
    socket!.once('drain', () => {
      wanted = true;
      const queued = waiting.splice(0);
      for (const message of queued) send(message);
    });
  };
  const failed = (error: unknown) =>
    send(
      messageOf(
        mask({
          errors: [
            error instanceof GraphQLError
              ? error
              : new GraphQLError(String(error), { originalError: error as Error }),
          ],
        }),
      ),
    );
  // Some clients wait for the first byte before they count a stream as open.
  body.push(PING);
  untrack = track(() => {
    if (ended) return false;
    if (wanted && waiting.length === 0) wanted = body.push(PING);
    return true;
  });
  detach = subscription.feed.attach({
    push(event) {
      try {
        const result = subscription.run(event);
        if (result instanceof Promise) result.then((r) => send(messageOf(mask(r))), failed);
        else send(messageOf(mask(result)));
      } catch (error) {
        failed(error);
      }
    },
    stop() {
      // The hub ends this subscription (it is closing, or the key it was made with changed):
      // end the stream as a finished subscription ends.
      if (ended) return;
      stop();
      body.push(COMPLETE);
      body.push(null);
    },
  });
  return new fetchAPI.Response(body as unknown as BodyInit, { status: 200, headers: HEADERS });
}

/**
 * Serve subscription streams asked for with `Accept: text/event-stream` through `eventStream`
 * (a refused subscription, a single result, still goes through yoga's own).
 */
export function useLeanEventStream({ maskErrors = true }: { maskErrors?: boolean } = {}): Plugin {
  // Yoga masks the errors of each event on its own path; the direct path does the same here.
  const mask = (result: ExecutionResult): ExecutionResult =>
    maskErrors && result.errors
      ? {
          ...result,
          errors: result.errors.map(
            (error) => maskError(error, 'Unexpected error.', false) as GraphQLError,
          ),
        }
      : result;
  return {
    onResultProcess({ request, result, setResultProcessor }) {
      if (
        !isAsyncIterable(result) ||
        !(request.headers.get('accept') ?? '').includes('text/event-stream')
      )
        return;
      const direct = takeDirectSubscription(request);
      if (direct)
        setResultProcessor(
          (r, fetchAPI) =>
            directEventStream(direct, r as AsyncIterable<ExecutionResult>, fetchAPI as never, mask),
          'text/event-stream',
        );
      else
        setResultProcessor(
          (r, fetchAPI) => eventStream(r as AsyncIterable<ExecutionResult>, fetchAPI as never),
          'text/event-stream',
        );
    },
  };
}
