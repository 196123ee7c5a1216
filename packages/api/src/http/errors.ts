/**
 * Faults that are not bugs, told as what they are instead of "Unexpected error.": the database
 * out of reach (503 with Retry-After, so clients and the widget's queue retry), and a value the
 * database cannot take (bad input, never a stack or the SQL). Also how a failed query is logged:
 * its statement, never its values (names and e-mails travel in them).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusal } from './gate.ts';

/** A restarting PostgreSQL is usually back within seconds. */
export const RETRY_AFTER_OUTAGE_SECONDS = 5;

/** postgres.js's own codes and Node's socket errors for a connection that is not (or no longer) there. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection exception),
 * 57P01–57P03 (shut down by an administrator, crashed, starting up), 53300 (too many connections).
 */
function unavailableState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '53300'
  );
}

/** The error and every error it was made from (GraphQL's originalError, `cause`, an AggregateError's parts). */
function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (typeof error !== 'object' || error === null || depth > 8) return;
  const e = error as Record<string, unknown>;
  yield e;
  yield* chain(e['originalError'], depth + 1);
  if (e['cause'] !== e['originalError']) yield* chain(e['cause'], depth + 1);
  if (Array.isArray(e['errors'])) for (const part of e['errors']) yield* chain(part, depth + 1);
}

function codeOf(e: Record<string, unknown>): string | null {
  return typeof e['code'] === 'string' ? e['code'] : null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = codeOf(e);
    if (
      code &&
      (CONNECTION_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && unavailableState(code)))
    )
      return true;
  }
  return false;
}

/**
 * SQLSTATE class 22, "data exception": a value the database will not take (a NUL character, a
 * number or date out of range, text where a number belongs, as a forged cursor carries).
 */
function badValue(error: unknown): boolean {
  for (const e of chain(error)) if (/^22[0-9A-Z]{3}$/.test(codeOf(e) ?? '')) return true;
  return false;
}

/** The cursor plugins' refusal of a cursor they did not issue. */
function forgedCursor(error: unknown): boolean {
  for (const e of chain(error)) {
    if (
      e['name'] === 'PothosValidationError' &&
      typeof e['message'] === 'string' &&
      /^(Invalid (cursor|serialized|offset cursor)|Cursor)/.test(e['message'])
    )
      return true;
  }
  return false;
}

/** The error a client should see for this fault, or null when it is a bug (then masked as unexpected). */
export function knownFault(error: unknown): GraphQLError | null {
  const located = error instanceof GraphQLError ? error : null;
  const at = located
    ? {
        nodes: located.nodes,
        source: located.source,
        positions: located.positions,
        path: located.path,
      }
    : {};
  if (isDatabaseUnavailable(error)) {
    return new GraphQLError(
      `The database is unavailable for the moment: nothing was changed. Try again after Retry-After seconds.`,
      {
        ...at,
        extensions: {
          code: 'SERVICE_UNAVAILABLE',
          http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_OUTAGE_SECONDS) } },
        },
      },
    );
  }
  if (forgedCursor(error)) {
    return new GraphQLError(
      'Not a cursor this list issued: take `after` and `before` from its pageInfo or edges.',
      { ...at, extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  if (badValue(error)) {
    return new GraphQLError(
      'A value in this request cannot be used here: check the arguments, and take cursors from the list they page.',
      { ...at, extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return null;
}

/** A failed query, as drizzle reports it: its message carries the statement's parameters. */
function failedQuery(value: unknown): (Error & { query: string; cause?: unknown }) | null {
  return value instanceof Error && typeof (value as { query?: unknown }).query === 'string'
    ? (value as Error & { query: string })
    : null;
}

/**
 * What a log line says of a value. A failed query: its statement and the database's reason up to
 * the first colon (after it PostgreSQL may quote the value it refused), never its parameters.
 */
export function loggable(value: unknown): string {
  const failed =
    failedQuery(value) ?? (value instanceof GraphQLError ? failedQuery(value.originalError) : null);
  if (failed) {
    const cause = failed.cause as (Error & { code?: unknown }) | undefined;
    const reason =
      cause instanceof Error
        ? `${cause.message.split(': ')[0]}${typeof cause.code === 'string' ? ` (${cause.code})` : ''}`
        : 'no reason given';
    return `Failed query: ${reason}; the statement, values left out: ${failed.query}`;
  }
  return String(value);
}

/**
 * GET parameters that are not JSON (`variables={bad`) are the client's mistake: 400 naming the
 * parameter. (Yoga's own parser throws a bare SyntaxError for them, which became a 500.)
 */
export function malformedParamsPlugin(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith('/graphql')) return;
      for (const name of ['variables', 'extensions']) {
        const raw = url.searchParams.get(name);
        if (raw === null || raw === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          return endResponse(
            refusal(
              400,
              'BAD_REQUEST',
              `The "${name}" parameter is not valid JSON: send an object, URL-encoded.`,
            ),
          );
        }
        if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
          return endResponse(
            refusal(400, 'BAD_REQUEST', `The "${name}" parameter must be a JSON object.`),
          );
        }
      }
    },
  };
}
