/**
 * Fan-out without work per subscriber. The live hub hands every subscriber of an edition the same
 * event object; subscribers that sent the same operation with the same variables under the same
 * key (or none) then get one execution per event between them: the first to read the event runs
 * the selection, the others take its result. Without this, 5,000 counters cost 5,000 executions
 * (and any database reads beneath them) per tick.
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';

export function useSharedSubscriptionResults(): Plugin<Record<string, never>, Context> {
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  /** Per event (weakly held: gone with the event), the results by operation, variables and key. */
  const results = new WeakMap<object, Map<string, ReturnType<typeof execute>>>();

  async function subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = documents++));
    const viewer = (args.contextValue as Context).viewer;
    const key = `${documentId}|${args.operationName ?? ''}|${viewer?.keyId ?? '-'}|${JSON.stringify(args.variableValues ?? {})}`;
    return mapAsyncIterator(stream, (event: unknown) => {
      if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
      let byKey = results.get(event);
      if (!byKey) results.set(event, (byKey = new Map()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = execute({ ...args, rootValue: event })));
      return result;
    });
  }

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe as never);
    },
  };
}
