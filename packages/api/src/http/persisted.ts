/**
 * Persisted operations: the contract's typed operations (the widget's MapLocations, Counter, …)
 * may be sent by the SHA-256 of their document instead of the document, the Apollo way:
 *
 *   GET /graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}&variables=…
 *
 * A short, stable URL per query and variables, which a CDN caches like any GET. Other queries
 * may still be sent in full.
 */
import { createHash } from 'node:crypto';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import * as contract from '@tafel/schema';
import type { Plugin } from 'graphql-yoga';

export function operationHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Hash → document, for every typed operation of the contract. */
export const persistedOperations: ReadonlyMap<string, string> = new Map(
  (Object.values(contract) as unknown[])
    .filter(
      (value): value is { document: string } =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { document?: unknown }).document === 'string',
    )
    .map((op) => [operationHash(op.document), op.document]),
);

export function persistedOperationsPlugin(): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: true,
    getPersistedOperation: (hash) => persistedOperations.get(hash) ?? null,
    customErrors: {
      notFound: {
        message: 'PersistedQueryNotFound: no operation with this sha256Hash; send the whole query.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      keyNotFound: {
        message: 'Must provide a query string (or a persisted query hash).',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  }) as Plugin;
}
