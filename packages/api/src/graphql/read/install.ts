/**
 * Puts the compiled read path (compile.ts, rules.ts) into the built schema, leaving the contract
 * as Pothos printed it: the public lists (`locations`, `organisations`) answer from one compiled
 * statement, and every field of the types such an answer holds reads its value from that answer
 * when its parent is compiled, or resolves as before when it is not (mutation payloads, `node`,
 * `viewer`, subscriptions).
 */
import { and, count, type SQL, sql } from 'drizzle-orm';
import {
  type DocumentNode,
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getOperationAST,
  Kind,
} from 'graphql';
import { locations, organisations } from '../../db/schema.ts';
import { rowsOf } from '../../locations/stats.ts';
import type { Context } from '../context.ts';
import { checkPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.ts';
import { editionAndFilter, listCondition } from '../types/location.ts';
import { likeOf } from '../types/organisation.ts';
import { COMPILED, Compiler, type Field, Unsupported } from './compile.ts';
import { byId, RULES } from './rules.ts';

/** Every type a compiled answer may hold. */
const COMPILED_TYPES = [
  ...Object.keys(RULES),
  'PageInfo',
  'QueryLocationsConnection',
  'QueryLocationsConnectionEdge',
  'QueryOrganisationsConnection',
  'QueryOrganisationsConnectionEdge',
  'OrganisationLocationsConnection',
  'OrganisationLocationsConnectionEdge',
];

type Resolver = GraphQLFieldResolver<unknown, Context>;
// biome-ignore lint/suspicious/noExplicitAny: the field's arguments as graphql-js coerced them; each rule reads its own
type Compile = (c: Compiler, field: Field, args: Record<string, any>, ctx: Context) => Promise<SQL>;

/** The root field as the compiler's Field. */
function rootField(info: GraphQLResolveInfo, args: Record<string, unknown>): Field {
  const def = info.parentType.getFields()[info.fieldName]!;
  return {
    key: info.path.key as string,
    name: info.fieldName,
    nodes: info.fieldNodes,
    def,
    args: () => args,
  };
}

/** The root fields the compiled path answers, and how. */
export const ROOTS: Record<string, Compile> = {
  locations: async (c, field, args, ctx) => {
    checkPage(args);
    const { edition, filter } = await editionAndFilter(ctx, args as { edition: string });
    const from = c.source(locations, 'l');
    return c.connection(field, 'QueryLocationsConnection', {
      from,
      where: listCondition(from.t, edition.id, filter, args['updatedSince']),
      order: byId(from.t),
      node: 'Location',
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      count: () =>
        sql`(SELECT ${count()} FROM ${locations} WHERE ${listCondition(locations, edition.id, filter, args['updatedSince'])})`,
    });
  },
  organisations: async (c, field, args) => {
    checkPage(args);
    const search = (args['search'] as string | null | undefined)?.trim();
    const pattern = search ? likeOf(search) : null;
    const matching = (t: typeof organisations): SQL =>
      pattern ? sql`(${t.name} ILIKE ${pattern} OR ${t.slug} ILIKE ${pattern})` : sql`true`;
    const from = c.source(organisations, 'o');
    const o = from.t;
    return c.connection(field, 'QueryOrganisationsConnection', {
      from,
      where: matching(o),
      // By name, then id: the drizzle plugin's tie-breaker, so its cursors and ours are one.
      order: [
        { column: o.name, direction: 'asc', chunk: sql`'S:' || ${o.name}`, type: 'string' },
        { column: o.id, direction: 'asc', chunk: sql`'N:' || ${o.id}`, type: 'number' },
      ],
      node: 'Organisation',
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      count: () =>
        sql`(SELECT ${count()} FROM ${organisations} WHERE ${and(matching(organisations))})`,
    });
  },
};

/** The compiled answer of a root field, or the ordinary resolver's when the compiler has no rule for the selection. */
function compiledRoot(compile: Compile, ordinary: Resolver): Resolver {
  return async (root, args, ctx, info) => {
    const c = new Compiler(info, ctx, RULES);
    let statement: SQL;
    try {
      statement = await compile(c, rootField(info, args), args, ctx);
    } catch (error) {
      if (error instanceof Unsupported) return ordinary(root, args, ctx, info);
      throw error;
    }
    const [row] = rowsOf<{ j: string }>(await ctx.db.execute(sql`SELECT ${statement}::text AS j`));
    return JSON.parse(row!.j);
  };
}

/** A field that reads its compiled parent's answer, or resolves as before. */
function readsCompiled(ordinary: Resolver): Resolver {
  return (source, args, ctx, info) =>
    (source as Record<string, unknown>)[COMPILED] === 1
      ? (source as Record<string, unknown>)[info.path.key]
      : ordinary(source, args, ctx, info);
}

export function installCompiledReads(schema: GraphQLSchema): GraphQLSchema {
  for (const name of COMPILED_TYPES) {
    const type = schema.getType(name) as GraphQLObjectType | undefined;
    if (!type) throw new Error(`compiled reads: the schema has no type ${name}`);
    for (const field of Object.values(type.getFields()))
      field.resolve = readsCompiled((field.resolve ?? defaultFieldResolver) as Resolver);
  }
  const query = schema.getQueryType()!.getFields();
  for (const [name, compile] of Object.entries(ROOTS)) {
    const field = query[name]!;
    field.resolve = compiledRoot(compile, (field.resolve ?? defaultFieldResolver) as Resolver);
  }
  return schema;
}

/**
 * Is this a query whose every root field the compiled read path answers? Only those run under
 * graphql-jit (yoga.ts): the drizzle plugin's own loading finds its plans by the executor's
 * resolve info, and under graphql-jit's it loads relations in statements of their own.
 */
export function answersCompiled(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && (s.name.value in ROOTS || s.name.value === '__typename'),
    )
  );
}
