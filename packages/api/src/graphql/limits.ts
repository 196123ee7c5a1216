/**
 * What one GraphQL request may ask for. GraphQL Armor bounds the document (tokens while parsing;
 * depth, aliases and directives while validating); the Pothos complexity plugin prices the
 * operation with its variables, counting connection sizes (`first`), before any resolver runs.
 * Every refusal names the limit, and none of them touches the database.
 */

import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createComplexityRule, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  type GraphQLField,
  getNamedType,
  getNullableType,
  isListType,
  type ValidationContext,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { sessionToken } from '../auth/sessions.ts';

export const QUERY_LIMITS = {
  /** Nesting of fields; the widget's map query is 4 deep, introspection is not counted. */
  depth: 10,
  /** Aliased fields in one document. */
  aliases: 20,
  /** Lexical tokens in one document: send data in variables, not inline. */
  tokens: 2000,
  /** Directives in one document. */
  directives: 10,
  /**
   * The cost of one operation: 1 per field, the fields below a connection counted `first`
   * times (100 when absent), below other lists 10 times. The widget's 1,000-venue page costs
   * about 27,000; two such pages in one request are refused.
   */
  cost: 50_000,
  /**
   * What one `stats` with a filter costs: each counts the whole edition afresh (about ten times a
   * 1,000-venue page's database time at 100,000 venues), where the unfiltered stats are counted
   * once per edition and shared. Four fit in one request.
   */
  filteredStats: 10_000,
} as const;

/** Does this `filter` argument narrow anything? */
function narrows(filter: unknown): boolean {
  if (typeof filter !== 'object' || filter === null) return false;
  return Object.values(filter).some(
    (value) => value != null && !(Array.isArray(value) && value.length === 0),
  );
}

/** What a field costs, given its arguments: connections multiply by the page they ask for. */
export function fieldComplexity(defaultPageSize: number) {
  return <C>(
    args: Record<string, unknown>,
    _ctx: C,
    field: GraphQLField<unknown, C>,
  ): FieldComplexityValue => {
    const type = getNullableType(field.type);
    const page = (args['first'] ?? args['last']) as number | null | undefined;
    if (getNamedType(type).name.endsWith('Connection'))
      return { field: 1, multiplier: Math.max(0, page ?? defaultPageSize) };
    // A snapshot (`at`) reads the log of every venue afresh; a comparison counts another edition
    // afresh (once a minute per filter, but aliases can ask for many).
    if (field.name === 'stats' && (narrows(args['filter']) || args['at'] != null))
      return QUERY_LIMITS.filteredStats;
    if (field.name === 'comparison' && field.type.toString() === 'StatsComparison')
      return QUERY_LIMITS.filteredStats;
    if (!isListType(type)) return 1;
    // A connection's `edges` and `nodes` are already counted by its `first`.
    if (field.name === 'edges' || field.name === 'nodes')
      return { field: 1, multiplier: Array.isArray(args['ids']) ? args['ids'].length : 1 };
    // One point per interval of the day.
    if (typeof args['interval'] === 'number' && args['interval'] > 0)
      return { field: 1, multiplier: Math.ceil(1440 / args['interval']) };
    return { field: 1, multiplier: 10 };
  };
}

/**
 * Does this request come without an API key and without a session cookie? (One with a cookie that
 * turns out stale is still never cached: its answer is made for whoever holds the cookie.)
 */
export function isAnonymous(request: Request): boolean {
  return (
    !request.headers.get('authorization') && sessionToken(request.headers.get('cookie')) === null
  );
}

/**
 * Price the operation with its variables. Not a cached validation rule: the same document costs
 * more with `first: 1000000` than with `first: 10`. Runs once the context exists, before any
 * resolver (and so any SQL for the query itself).
 */
function costLimitPlugin(max: number): Plugin {
  function check(args: {
    schema: Parameters<typeof validate>[0];
    document: Parameters<typeof validate>[1];
    contextValue: unknown;
    variableValues?: unknown;
    operationName?: string | null;
  }): GraphQLError[] {
    const rule = createComplexityRule({
      context: args.contextValue as object,
      variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
      operationName: args.operationName ?? undefined,
      maxComplexity: max,
    });
    return validate(args.schema, args.document, [rule]).map(
      (error) =>
        new GraphQLError(
          error.message.replace(
            /^Query complexity of (\d+) exceeds max complexity of (\d+)$/,
            'Query cost of $1 exceeds the cost limit of $2: ask for fewer fields or a smaller `first`, and page on with `after`.',
          ),
          {
            extensions: {
              ...error.extensions,
              code: error.extensions['code'] ?? 'BAD_USER_INPUT',
              http: { status: 400 },
            },
          },
        ),
    );
  }
  // The price depends on the document and on the numbers and list lengths among the variables
  // (`first`, `ids`, `interval`), never on their strings: one pricing serves every request that
  // differs only in strings (a host reporting arrivals at one venue after another).
  const priced = new WeakMap<object, Map<string, GraphQLError[]>>();
  const shape = (variables: unknown) =>
    JSON.stringify(variables ?? null, (_key, value: unknown) =>
      typeof value === 'string' ? 0 : value,
    );
  function cachedCheck(args: Parameters<typeof check>[0]): GraphQLError[] {
    let byShape = priced.get(args.document);
    if (!byShape) {
      byShape = new Map();
      priced.set(args.document, byShape);
    }
    const key = `${args.operationName ?? ''}\n${shape(args.variableValues)}`;
    let errors = byShape.get(key);
    if (!errors) {
      errors = check(args);
      // Bounded per document: variables chosen to be all different are priced each time.
      if (byShape.size < 256) byShape.set(key, errors);
    }
    return errors;
  }
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = cachedCheck(args);
      if (errors.length) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = cachedCheck(args);
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

/**
 * GraphQL's "Did you mean …?" hints, taken out of the answers to anonymous clients. Done on the
 * answer, not in validation: validation results are cached per document and shared with keyed
 * clients, who keep the hints.
 */
function hideSuggestionsPlugin(): Plugin {
  const hide = (error: GraphQLError) =>
    /Did you mean/.test(error.message)
      ? new GraphQLError(error.message.replace(/ ?Did you mean .+\?/g, '').trim(), {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          extensions: error.extensions,
        })
      : error;
  return {
    onResultProcess({ request, result, setResult }) {
      if (
        !isAnonymous(request) ||
        Array.isArray(result) ||
        !('errors' in result) ||
        !result.errors?.length
      )
        return;
      setResult({
        ...result,
        errors: result.errors.map((e) => (e instanceof GraphQLError ? hide(e) : e)),
      });
    },
  };
}

/**
 * Armor's refusals as ordinary validation errors (400, cached with the document) that name the
 * limit, rather than errors thrown out of the validation rule.
 */
function reject(limit: keyof typeof QUERY_LIMITS) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(
            `${error.message.replace(/^Syntax Error: /, '')} (the ${limit} limit is ${QUERY_LIMITS[limit]})`,
            {
              extensions: { code: 'QUERY_LIMIT', limit },
            },
          ),
        ),
    ],
  };
}

export function queryLimitsPlugins(): Plugin[] {
  return [
    EnvelopArmorPlugin({
      // Counted while parsing, so refused by throwing (a syntax error, 400).
      maxTokens: { n: QUERY_LIMITS.tokens },
      maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, ...reject('depth') },
      maxAliases: { n: QUERY_LIMITS.aliases, ...reject('aliases') },
      maxDirectives: { n: QUERY_LIMITS.directives, ...reject('directives') },
      // The cost is priced with the variables below; Armor's own cost limit cannot see `first`.
      costLimit: { enabled: false },
      // Only for anonymous clients, by hideSuggestionsPlugin.
      blockFieldSuggestion: { enabled: false },
    }) as Plugin,
    hideSuggestionsPlugin(),
    costLimitPlugin(QUERY_LIMITS.cost),
  ];
}
