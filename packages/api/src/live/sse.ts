/**
 * Server-Sent Events for subscriptions, on the wire exactly as graphql-yoga writes them
 * (`event: next` / `event: complete`, a `:` comment as ping; graphql-sse's "distinct connections"
 * mode, and a plain EventSource listening for `next`), made cheap to fan out: a result that many
 * subscribers share (see shared-results.ts) is serialised and encoded once, each message leaves
 * as one chunk, and one timer pings every open stream instead of a timer per stream.
 */
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ExecutionResult, GraphQLError } from 'graphql';

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
    const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions as Record<string, unknown>;
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

const open = new Set<ReadableStreamDefaultController<Uint8Array>>();
let pinger: NodeJS.Timeout | null = null;

function ping(): void {
  for (const controller of open) {
    // `null`: errored; 0: the client reads slowly, a ping would only queue up.
    if (controller.desiredSize === null) open.delete(controller);
    else if (controller.desiredSize > 0) controller.enqueue(PING);
  }
  if (open.size === 0 && pinger) {
    clearInterval(pinger);
    pinger = null;
  }
}

function track(controller: ReadableStreamDefaultController<Uint8Array>): void {
  open.add(controller);
  pinger ??= setInterval(ping, process.env.NODE_ENV === 'test' ? 300 : PING_MS);
  pinger.unref();
}

function eventStream(results: AsyncIterable<ExecutionResult>, fetchAPI: { ReadableStream: typeof ReadableStream; Response: typeof Response }): Response {
  const iterator = results[Symbol.asyncIterator]();
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      // Some clients wait for the first byte before they count a stream as open.
      controller.enqueue(PING);
      track(controller);
    },
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (value != null) controller.enqueue(messageOf(value));
      if (done) {
        open.delete(controller);
        controller.enqueue(COMPLETE);
        controller.close();
      }
    },
    async cancel(reason) {
      if (controllerRef) open.delete(controllerRef);
      await iterator.return?.(reason);
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    // `x-accel-buffering: no` asks a buffering proxy (nginx) to pass each message on at once.
    headers: { 'content-type': 'text/event-stream', connection: 'keep-alive', 'cache-control': 'no-cache', 'content-encoding': 'none', 'x-accel-buffering': 'no' },
  });
}

/**
 * Serve subscription streams asked for with `Accept: text/event-stream` through `eventStream`
 * (a refused subscription, a single result, still goes through yoga's own).
 */
export function useLeanEventStream(): Plugin {
  return {
    onResultProcess({ request, result, setResultProcessor }) {
      if (!isAsyncIterable(result) || !(request.headers.get('accept') ?? '').includes('text/event-stream')) return;
      setResultProcessor((r, fetchAPI) => eventStream(r as AsyncIterable<ExecutionResult>, fetchAPI as never), 'text/event-stream');
    },
  };
}
