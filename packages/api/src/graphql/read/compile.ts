/**
 * The read path's compiler: the selection a client sent, turned into one SQL statement whose
 * single value is the field's whole answer as JSON, built by PostgreSQL — only the columns asked
 * for, nested objects and lists through lateral joins, timestamps already as the API prints them.
 * The executor then only walks that JSON (see `install.ts`): no ORM row mapping, no Date objects,
 * no per-row loader bookkeeping.
 *
 * It compiles what it knows exactly and nothing else: any field, argument or cursor it has no
 * rule for raises `Unsupported`, and the field is answered by its ordinary resolver instead, so
 * every selection gets the same answer either way.
 */
import { getConnectionPageSize } from '@pothos/core';
import { and, type SQL, sql } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.ts';
import { cursorText, keyset, type Order, parseCursor, Unsupported } from './cursors.ts';

export { type Order, Unsupported };

/** PostgreSQL's functions take at most 100 arguments: 49 fields beside the marker. */
const MAX_KEYS = 49;

/** A compiled object carries this key (never a GraphQL name), so its fields read their answer. */
export const COMPILED = '$';

/** One response key of a selection: the field nodes the executor merges under it. */
export interface Field {
  key: string;
  name: string;
  nodes: readonly FieldNode[];
  def: GraphQLField<unknown, unknown> | null;
  args(): Record<string, unknown>;
}

/** The row a field is compiled against: its table's alias and the lateral joins its fields need. */
// biome-ignore lint/suspicious/noExplicitAny: a drizzle alias of any of the compiled tables; each rule narrows it
export interface Row<T = any> {
  t: T;
  joins: SQL[];
}

export type FieldRule = (field: Field, row: Row, c: Compiler) => SQL;
export type TypeRules = Record<string, FieldRule>;

/** A table under an alias of its own: `t` holds its columns as that alias's. */
export interface Source<T extends PgTable = PgTable> {
  table: T;
  name: string;
  t: T;
}

export interface ConnectionSpec {
  /** Where the rows come from. */
  from: Source;
  where: SQL;
  /** The order, unique as a whole (the drizzle plugin's tie-breaker included). */
  order: Order[];
  node: string;
  defaultSize: number;
  maxSize: number;
  /** The count of all rows matching `where` (for `totalCount`), if the connection has one. */
  count?: () => SQL;
}

export class Compiler {
  #names = 0;
  /** Spliced: the values that are JSON text already (objects, lists, relations), not to be quoted again. */
  #jsonText = new WeakSet<SQL>();

  /**
   * @param spliced the answer goes into the response text as PostgreSQL writes it (splice.ts):
   *   compact JSON exactly as `JSON.stringify` writes the executor's answer, with no marker.
   */
  constructor(
    readonly info: Pick<
      GraphQLResolveInfo,
      'schema' | 'fragments' | 'variableValues' | 'fieldNodes' | 'parentType' | 'fieldName' | 'path'
    >,
    readonly ctx: Context,
    readonly rules: Record<string, TypeRules>,
    readonly spliced = false,
  ) {}

  /** A fresh SQL alias. */
  name(prefix: string): string {
    return `${prefix}${this.#names++}`;
  }

  /** A table under a fresh alias. */
  source<T extends PgTable>(table: T, prefix: string): Source<T> {
    const name = this.name(prefix);
    return { table, name, t: alias(table, name) as unknown as T };
  }

  type(name: string): GraphQLObjectType {
    const type = this.info.schema.getType(name);
    if (!type || !('getFields' in type) || 'getPossibleTypes' in type || !('getInterfaces' in type))
      throw new Unsupported(name);
    return type as GraphQLObjectType;
  }

  /**
   * The fields asked of an object type under these field nodes, merged by response key, in the
   * order graphql-jit writes them (ast.js `collectFields`): a selection set's own fields first,
   * then its fragments, the last first. A key takes its place from its first occurrence, even a
   * skipped one; a key none of whose occurrences is included is left out.
   */
  fields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Field[] {
    const byKey = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    for (const node of nodes)
      if (node.selectionSet) this.#collect(type, node.selectionSet, byKey, visited);
    const defs = type.getFields();
    const variables = this.info.variableValues;
    return [...byKey]
      .filter(([, fieldNodes]) => fieldNodes.length > 0)
      .map(([key, fieldNodes]) => {
        const name = fieldNodes[0]!.name.value;
        const def = name === '__typename' ? null : (defs[name] ?? null);
        if (!def && name !== '__typename') throw new Unsupported(name);
        return {
          key,
          name,
          nodes: fieldNodes,
          def,
          args: () => (def ? getArgumentValues(def, fieldNodes[0]!, variables) : {}),
        };
      });
  }

  #collect(
    type: GraphQLObjectType,
    set: SelectionSetNode,
    into: Map<string, FieldNode[]>,
    visited: Set<string>,
  ): void {
    const stack = [{ set, included: true }];
    for (let next = stack.pop(); next; next = stack.pop()) {
      for (const selection of next.set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          let list = into.get(key);
          if (!list) {
            list = [];
            into.set(key, list);
          }
          if (next.included && this.#included(selection)) list.push(selection);
          continue;
        }
        let fragmentSet: SelectionSetNode;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (selection.typeCondition && !matches(type, selection.typeCondition.name.value))
            continue;
          fragmentSet = selection.selectionSet;
        } else {
          const name = selection.name.value;
          if (visited.has(name)) continue;
          visited.add(name);
          const fragment = this.info.fragments[name];
          if (!fragment || !matches(type, fragment.typeCondition.name.value)) continue;
          fragmentSet = fragment.selectionSet;
        }
        // graphql-jit keeps a fragment's condition on the fields inside it, across all the
        // places the fragment is used: the executor's to reproduce, not the splice's.
        if (this.spliced && selection.directives?.length)
          throw new Unsupported('a directive on a fragment');
        stack.push({ set: fragmentSet, included: next.included && this.#included(selection) });
      }
    }
  }

  #included(node: Parameters<typeof getDirectiveValues>[1]): boolean {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, this.info.variableValues)?.['if'] === true)
      return false;
    return (
      getDirectiveValues(GraphQLIncludeDirective, node, this.info.variableValues)?.['if'] !== false
    );
  }

  /** An object of `typeName` as a JSON object of exactly the asked fields, keyed by response key. */
  object(typeName: string, nodes: readonly FieldNode[], row: Row): SQL {
    const type = this.type(typeName);
    const rules = this.rules[typeName];
    if (!rules) throw new Unsupported(typeName);
    return this.json(
      type,
      this.fields(type, nodes).map((field) => {
        const rule = rules[field.name];
        if (!rule) throw new Unsupported(`${typeName}.${field.name}`);
        return [field.key, rule(field, row, this)];
      }),
    );
  }

  /**
   * `json_build_object` of these keys and values, with the compiled marker; spliced, the same
   * object as compact JSON text (keys are GraphQL names: nothing to escape).
   */
  json(_type: GraphQLObjectType, entries: [string, SQL][]): SQL {
    if (entries.length > MAX_KEYS) throw new Unsupported('too many fields for one JSON object');
    if (this.spliced) {
      if (entries.length === 0) return this.#text(sql`'{}'`);
      const parts = entries.map(([key, value], i) => {
        const json = this.#jsonText.has(value) ? value : sql`to_json(${value})::text`;
        return sql`${sql.raw(`'${i === 0 ? '{' : ','}"${key}":'`)} || coalesce(${json}, 'null')`;
      });
      return this.#text(sql`(${sql.join(parts, sql` || `)} || '}')`);
    }
    const parts = [sql.raw(`'${COMPILED}', 1`)];
    for (const [key, value] of entries) parts.push(sql`${sql.raw(`'${key}'`)}, ${value}`);
    return sql`json_build_object(${sql.join(parts, sql`, `)})`;
  }

  /** Mark a spliced value as JSON text already. */
  #text(value: SQL): SQL {
    if (this.spliced) this.#jsonText.add(value);
    return value;
  }

  /** A to-one relation: the related row's object through a lateral join, or null. */
  relation<T extends PgTable>(
    field: Field,
    row: Row,
    typeName: string,
    table: T,
    on: (t: T) => SQL,
  ): SQL {
    const name = this.name('r');
    const target = this.source(table, 't');
    const inner: Row = { t: target.t, joins: [] };
    const json = this.object(typeName, field.nodes, inner);
    row.joins.push(
      sql`LEFT JOIN LATERAL (SELECT ${json} AS j FROM ${table} ${sql.raw(target.name)} ${sql.join(inner.joins, sql` `)} WHERE ${on(target.t)}) ${sql.raw(name)} ON true`,
    );
    return this.#text(sql.raw(`${name}.j`));
  }

  /**
   * A to-many relation that is a plain list (no paging): the related rows' objects in `order`,
   * `[]` when there are none, through one scalar subquery.
   */
  list<T extends PgTable>(
    field: Field,
    typeName: string,
    table: T,
    where: (t: T) => SQL,
    order: (t: T) => SQL,
  ): SQL {
    const target = this.source(table, 't');
    const inner: Row = { t: target.t, joins: [] };
    const json = this.object(typeName, field.nodes, inner);
    const ordered = order(target.t);
    const items = this.spliced
      ? sql`coalesce('[' || string_agg(${json}, ',' ORDER BY ${ordered}) || ']', '[]')`
      : sql`coalesce(json_agg(${json} ORDER BY ${ordered}), '[]'::json)`;
    return this.#text(
      sql`(SELECT ${items} FROM ${table} ${sql.raw(target.name)} ${sql.join(inner.joins, sql` `)} WHERE ${where(target.t)})`,
    );
  }

  /**
   * A Relay connection, paged as @pothos/plugin-drizzle pages it (the same page sizes, keyset
   * conditions, cursors and pageInfo), as one JSON object: a scalar subquery over the page's rows.
   */
  connection(
    field: Field,
    connectionType: string,
    spec: ConnectionSpec,
    args: Record<string, unknown> = field.args(),
  ): SQL {
    const { first, last, after, before } = args as {
      first?: number | null;
      last?: number | null;
      after?: string | null;
      before?: string | null;
    };
    // The plugin's own refusals (both directions, negative sizes) stay its own.
    if (first != null && last != null) throw new Unsupported('first and last');
    if ((first != null && first < 0) || (last != null && last < 0))
      throw new Unsupported('negative page size');
    const { expectedSize: size } = getConnectionPageSize({
      args: { first, last },
      defaultSize: spec.defaultSize,
      maxSize: spec.maxSize,
    });
    const backward = first == null && last != null;
    const conditions: SQL[] = [spec.where];
    if (after) conditions.push(keyset(spec.order, parseCursor(after, spec.order), 'after'));
    if (before) conditions.push(keyset(spec.order, parseCursor(before, spec.order), 'before'));
    const paging = sql.join(
      spec.order.map(
        (o) => sql`${o.column} ${sql.raw((o.direction === 'asc') !== backward ? 'ASC' : 'DESC')}`,
      ),
      sql`, `,
    );
    const s = this.name('s');
    const ref = (column: string) => sql.raw(`${s}.${column}`);
    const outputOrder = sql.raw(`${s}.rn ${backward ? 'DESC' : 'ASC'}`);
    const kept = sql`FILTER (WHERE ${ref('rn')} <= ${sql.raw(String(size))})`;
    const full = sql`(count(*) > ${sql.raw(String(size))})`;
    const cursors = sql`(array_agg(${ref('c')} ORDER BY ${ref('rn')}) ${kept})`;
    const firstCursor = sql`${cursors}[1]`;
    const lastCursor = sql`${cursors}[cardinality(${cursors})]`;

    const row: Row = { t: spec.from.t, joins: [] };
    const columns: SQL[] = [sql`row_number() OVER (ORDER BY ${paging}) AS rn`];
    let needsCursor = false;
    const cursor = () => {
      needsCursor = true;
      return ref('c');
    };
    const nodeColumn = (nodes: readonly FieldNode[]) => {
      const column = `j${columns.length}`;
      columns.push(sql`${this.object(spec.node, nodes, row)} AS ${sql.raw(column)}`);
      return this.#text(ref(column));
    };
    // Spliced: the items' JSON text joined with no spaces, as JSON.stringify writes a list.
    const list = (value: SQL) =>
      this.spliced
        ? this.#text(
            sql`coalesce('[' || string_agg(${value}, ',' ORDER BY ${outputOrder}) ${kept} || ']', '[]')`,
          )
        : sql`coalesce(json_agg(${value} ORDER BY ${outputOrder}) ${kept}, '[]'::json)`;

    const connection = this.type(connectionType);
    let readsRows = false;
    const entries = this.fields(connection, field.nodes).map((f): [string, SQL] => {
      if (f.name !== '__typename' && f.name !== 'totalCount') readsRows = true;
      switch (f.name) {
        case '__typename':
          return [f.key, literal(connection.name)];
        case 'totalCount':
          if (!spec.count) throw new Unsupported('totalCount');
          return [f.key, spec.count()];
        case 'nodes':
          return [f.key, list(nodeColumn(f.nodes))];
        case 'edges': {
          const edgeType = this.type(`${connectionType}Edge`);
          const edge = this.json(
            edgeType,
            this.fields(edgeType, f.nodes).map((e): [string, SQL] => {
              if (e.name === '__typename') return [e.key, literal(edgeType.name)];
              if (e.name === 'cursor') return [e.key, cursor()];
              if (e.name === 'node') return [e.key, nodeColumn(e.nodes)];
              throw new Unsupported(`${edgeType.name}.${e.name}`);
            }),
          );
          return [f.key, list(edge)];
        }
        case 'pageInfo': {
          const pageInfo = this.type('PageInfo');
          return [
            f.key,
            this.json(
              pageInfo,
              this.fields(pageInfo, f.nodes).map((p): [string, SQL] => {
                switch (p.name) {
                  case '__typename':
                    return [p.key, literal('PageInfo')];
                  case 'hasNextPage':
                    return [p.key, before ? sql`true` : last != null ? sql`false` : full];
                  case 'hasPreviousPage':
                    return [p.key, after ? sql`true` : backward ? full : sql`false`];
                  case 'startCursor':
                    cursor();
                    return [p.key, backward ? lastCursor : firstCursor];
                  case 'endCursor':
                    cursor();
                    return [p.key, backward ? firstCursor : lastCursor];
                  default:
                    throw new Unsupported(`PageInfo.${p.name}`);
                }
              }),
            ),
          ];
        }
        default:
          throw new Unsupported(`${connectionType}.${f.name}`);
      }
    });
    if (needsCursor) columns.push(sql`${cursorText(spec.order)} AS c`);
    const rows = sql`SELECT ${sql.join(columns, sql`, `)} FROM ${spec.from.table} ${sql.raw(spec.from.name)} ${sql.join(row.joins, sql` `)} WHERE ${and(...conditions)} ORDER BY ${paging} LIMIT ${sql.raw(String(size + 1))}`;
    // Only a count asked: no page to read. Otherwise one aggregate row, even over no rows.
    if (!readsRows) return this.#text(sql`(SELECT ${this.json(connection, entries)})`);
    return this.#text(
      sql`(SELECT ${this.json(connection, entries)} FROM (${rows}) ${sql.raw(s)} GROUP BY ())`,
    );
  }
}

function matches(type: GraphQLObjectType, condition: string): boolean {
  return type.name === condition || type.getInterfaces().some((i) => i.name === condition);
}

/** A string constant; only ever GraphQL names, which need no quoting beyond the quotes. */
export function literal(text: string): SQL {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(text)) throw new Unsupported(text);
  return sql.raw(`'${text}'::text`);
}
