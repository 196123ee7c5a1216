/**
 * Fan-out without work per subscriber. The live hub hands every subscriber of an edition the same
 * event object; subscribers that sent the same operation with the same variables under the same
 * key (or none) then get one execution per event between them: the first to read the event runs
 * the selection, the others take its result. Without this, 5,000 counters cost 5,000 executions
 * (and any database reads beneath them) per tick.
 */
import type { ServerResponse } from 'node:http';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { viewerKey, type WithViewer } from '../auth/viewer.ts';
import { LiveFeed } from './live-feed.ts';

/**
 * A subscription whose events come from the live hub, as the lean SSE stream may serve it: attach
 * to `feed` and turn each event into its (shared) result with `run`, skipping the iterators in
 * between. Keyed by the request that subscribed.
 */
export interface DirectSubscription {
  feed: LiveFeed<unknown>;
  run(event: unknown): ExecutionResult | Promise<ExecutionResult>;
  /** The Node.js response it will be sent on, when served by node:http. */
  response?: ServerResponse;
}

const direct = new WeakMap<Request, DirectSubscription>();

/** The direct way to serve this request's subscription, if it has one (once). */
export function takeDirectSubscription(request: Request): DirectSubscription | undefined {
  const found = direct.get(request);
  direct.delete(request);
  return found;
}

export function useSharedSubscriptionResults(): Plugin<Record<string, never>, WithViewer> {
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  /** Per event (weakly held: gone with the event), the results by operation, variables and key. */
  const results = new WeakMap<object, Map<string, ReturnType<typeof execute>>>();

  async function subscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) {
      documentId = documents++;
      documentIds.set(args.document, documentId);
    }
    const viewer = (args.contextValue as WithViewer).viewer;
    const key = `${documentId}|${args.operationName ?? ''}|${viewer ? viewerKey(viewer) : '-'}|${JSON.stringify(args.variableValues ?? {})}`;
    const run = (event: unknown) => {
      if (typeof event !== 'object' || event === null)
        return execute({ ...args, rootValue: event });
      let byKey = results.get(event);
      if (!byKey) {
        byKey = new Map();
        results.set(event, byKey);
      }
      let result = byKey.get(key);
      if (!result) {
        result = execute({ ...args, rootValue: event });
        byKey.set(key, result);
      }
      return result;
    };
    const { request, res } = args.contextValue as { request?: Request; res?: ServerResponse };
    if (stream instanceof LiveFeed && request)
      direct.set(request, { feed: stream, run, ...(res ? { response: res } : {}) });
    return mapAsyncIterator(stream, run);
  }

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe as never);
    },
  };
}
