/**
 * The pages talk to the API only through the public GraphQL endpoint on their own origin, with
 * the session cookie (same origin: the API refuses a session from anywhere else) or, on the
 * host's page, the host link's token as a bearer. The same mutations and permissions as for keys.
 */
import type { TypedOperation } from '@tafel/schema';

export const GRAPHQL = '/graphql';

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: { message: string; extensions?: { code?: string } }[];
}

/** Raised when the request did not reach the API or its answer was not GraphQL. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** One GraphQL request; errors in the answer are returned, not thrown (the page shows them). */
export async function request<T = Record<string, unknown>>(
  document: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; signal?: AbortSignal } = {},
): Promise<GraphQLAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: document, variables }),
      signal: options.signal,
    });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  let body: { data?: T | null; errors?: GraphQLAnswer<T>['errors'] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** The same with a typed operation of the contract. */
export function send<R, V>(
  operation: TypedOperation<R, V>,
  variables: V,
  options?: { token?: string; signal?: AbortSignal },
): Promise<GraphQLAnswer<R>> {
  return request<R>(operation.document, variables as Record<string, unknown>, options);
}

/** The userErrors of a payload, by their field's last name ('' for the whole form). */
export function errorsByField(errors: readonly UserError[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const field = error.field?.at(-1) ?? '';
    byField.set(field, [...(byField.get(field) ?? []), error.message]);
  }
  return byField;
}
