/**
 * A minimal GraphQL client for public reads: queries go out as GET (no preflight, cacheable by
 * a CDN in front of the API), with the typed documents from `@tafel/schema`.
 */
import type { TypedOperation } from '@tafel/schema';

/**
 * Where the widget's script came from: its origin's `/graphql` is the default endpoint. A classic
 * script (`tafel.iife.js`) knows it from `document.currentScript`, a module from `import.meta`.
 */
const scriptUrl: string | undefined =
  (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;

export function defaultEndpoint(): string {
  try {
    return new URL('/graphql', scriptUrl || location.href).href;
  } catch {
    return '/graphql';
  }
}

/** An error as the API sends it in `errors`. */
export interface ErrorBody {
  message?: string;
  extensions?: { code?: string; argumentName?: string };
}

/** Errors of the request itself (an unknown edition, a bad filter): asking again gets the same answer. */
const FINAL_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

export class GraphQLError extends Error {
  /** True when retrying cannot help: the element stops and says why. */
  readonly final: boolean;
  /** The argument the API refused, e.g. `edition`. */
  readonly argument: string | undefined;

  constructor(errors: ErrorBody[] | undefined, fallback: string) {
    super(errors?.map((e) => e.message).join('; ') || fallback);
    const refused = errors?.find((e) => FINAL_CODES.has(e.extensions?.code ?? ''));
    this.final = Boolean(refused);
    this.argument = refused?.extensions?.argumentName;
  }
}

/** The URL of an operation sent as GET; also the URL a subscription's EventSource opens. */
export function operationUrl<R, V>(
  endpoint: string,
  operation: TypedOperation<R, V>,
  variables: V,
): string {
  const url = new URL(endpoint, location.href);
  url.searchParams.set('query', operation.document);
  url.searchParams.set('operationName', operation.name);
  url.searchParams.set('variables', JSON.stringify(variables));
  return url.href;
}

export interface QueryOptions {
  signal?: AbortSignal;
  /**
   * Revalidate with the server instead of taking a cached answer: for refetches after a live
   * change or a reconnect (the API lets browsers and CDNs reuse GET answers for a while).
   */
  fresh?: boolean;
}

export async function query<R, V>(
  endpoint: string,
  operation: TypedOperation<R, V>,
  variables: V,
  { signal, fresh = false }: QueryOptions = {},
): Promise<R> {
  const response = await fetch(operationUrl(endpoint, operation, variables), {
    headers: { accept: 'application/graphql-response+json, application/json' },
    cache: fresh ? 'no-cache' : 'default',
    signal,
  });
  const body = (await response.json().catch(() => null)) as {
    data?: R;
    errors?: ErrorBody[];
  } | null;
  if (!body?.data || body.errors?.length)
    throw new GraphQLError(body?.errors, `HTTP ${response.status}`);
  return body.data;
}
