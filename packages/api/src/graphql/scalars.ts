import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `Date#toISOString`'s own form (four-digit years). */
const PRINTED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 instant with a time zone, like 2027-10-14T18:00:00+02:00 (got ${JSON.stringify(value)?.slice(0, 60)}).`,
    );
  }
  return new Date(value);
}

builder.scalarType('DateTime', {
  description:
    'An instant: ISO 8601 with a time zone offset, e.g. `2027-10-14T18:00:00+02:00`. Output is UTC.',
  // An instant the database already wrote as `toISOString` writes it (the compiled reads) is printed as it is.
  serialize: (value) =>
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string' && PRINTED_INSTANT.test(value)
        ? value
        : new Date(String(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048 || !URL.canParse(value)) {
    throw new GraphQLError(
      `URL must be an absolute URL of at most 2048 characters (got ${JSON.stringify(value)?.slice(0, 60)}).`,
    );
  }
  return value;
}

builder.scalarType('URL', {
  description: 'An absolute URL. Where Tafel links to it, only http and https are accepted.',
  serialize: (value) => String(value),
  parseValue: parseUrl,
  parseLiteral: (ast) => parseUrl(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new GraphQLError(`Date must be YYYY-MM-DD (got ${JSON.stringify(value)?.slice(0, 60)}).`);
  }
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
