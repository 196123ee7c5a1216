/**
 * The spliced answer: when every root field of a query is one the compiled read path answers
 * (install.ts), the JSON text PostgreSQL builds goes straight into the response body —
 * `{"data":{"locations":` + the statement's text + `}}` — with no JSON.parse into objects, no
 * walk of the executor over them and no JSON.stringify of the result. The compiler writes that
 * text exactly as the executor's answer serialises (compile.ts's `spliced`), so the response is
 * the same byte for byte.
 *
 * Anything it cannot answer so — a root field, argument, cursor or directive it has no rule for,
 * a refused argument, a failed statement — is answered by the executor as before (with its own
 * errors), from scratch: a spliced answer is all or nothing.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Sql } from 'postgres';
import { rowsOf } from '../../locations/stats.ts';
import type { Context } from '../context.ts';
import { Compiler } from './compile.ts';
import { answersCompiled, ROOTS } from './install.ts';
import { RULES } from './rules.ts';

/**
 * The values of a one-row statement. On PostgreSQL undecoded (postgres.js `raw()`): the JSON
 * goes from the database's socket to the response's as bytes, never a JavaScript string.
 */
async function firstRow(ctx: Context, statement: SQL): Promise<(Uint8Array | string | null)[]> {
  if (ctx.database.kind === 'postgres') {
    const db = ctx.db as unknown as {
      dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
      session: { logger: { logQuery(sql: string, params: unknown[]): void } };
      $client: Sql;
    };
    const query = db.dialect.sqlToQuery(statement);
    db.session.logger.logQuery(query.sql, query.params);
    const rows = await db.$client
      .unsafe(query.sql, query.params as never[], { prepare: false })
      .raw();
    return (rows[0] ?? []) as (Uint8Array | null)[];
  }
  const [row] = rowsOf<Record<string, string | null>>(await ctx.db.execute(statement));
  return Object.values(row ?? {});
}

const encoder = new TextEncoder();

/** The response body of a query the compiled path answers entirely, or null to execute it. */
export async function splicedAnswer(
  args: ExecutionArgs,
): Promise<Uint8Array<ArrayBuffer> | string | null> {
  const { schema, document } = args;
  const operation = getOperationAST(document, args.operationName);
  const query = schema.getQueryType();
  if (operation?.operation !== 'query' || !query) return null;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    (args.variableValues ?? {}) as Record<string, unknown>,
  );
  if (coerced.errors) return null;
  const variableValues = coerced.coerced;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const ctx = args.contextValue as Context;
  const fields = query.getFields();

  const keys = new Set<string>();
  /** Each root field in order: its text (`__typename`) or its statement. */
  const parts: { key: string; text?: Uint8Array | string | null; statement?: SQL }[] = [];
  try {
    for (const node of operation.selectionSet.selections) {
      // Root fragments and directives are the executor's to merge.
      if (node.kind !== Kind.FIELD || node.directives?.length) return null;
      const key = node.alias?.value ?? node.name.value;
      if (keys.has(key)) return null;
      keys.add(key);
      const name = node.name.value;
      if (name === '__typename') {
        parts.push({ key, text: JSON.stringify(query.name) });
        continue;
      }
      const compile = ROOTS[name];
      const def = fields[name];
      if (!compile || !def) return null;
      const fieldArgs = getArgumentValues(def, node, variableValues);
      const info = {
        schema,
        fragments,
        variableValues,
        fieldNodes: [node],
        parentType: query,
        fieldName: name,
        path: { prev: undefined, key, typename: query.name },
      };
      const compiler = new Compiler(info, ctx, RULES, true);
      const field = { key, name, nodes: [node], def, args: () => fieldArgs };
      parts.push({ key, statement: await compile(compiler, field, fieldArgs, ctx) });
    }
  } catch {
    // Unsupported, or an argument the executor refuses: it answers, with its own error.
    return null;
  }
  const statements = parts.flatMap((p) => (p.statement ? [p.statement] : []));
  if (statements.length > 0) {
    let values: (Uint8Array | string | null)[];
    try {
      values = await firstRow(
        ctx,
        sql`SELECT ${sql.join(
          statements.map((s, i) => sql`(${s})::text AS ${sql.raw(`j${i}`)}`),
          sql`, `,
        )}`,
      );
    } catch {
      // The database's fault (a timeout, an outage): the executor meets it again and answers
      // with its error.
      return null;
    }
    let next = 0;
    for (const p of parts) if (p.statement) p.text = values[next++] ?? 'null';
  }
  if (parts.every((p) => typeof p.text === 'string'))
    return `{"data":{${parts.map((p) => `"${p.key}":${p.text}`).join(',')}}}`;
  const chunks: Uint8Array[] = [];
  parts.forEach((p, i) => {
    chunks.push(encoder.encode(`${i === 0 ? '{"data":{' : ','}"${p.key}":`));
    chunks.push(typeof p.text === 'string' ? encoder.encode(p.text) : p.text!);
  });
  chunks.push(encoder.encode('}}'));
  return Buffer.concat(chunks);
}

/**
 * A result whose serialised form is the spliced body (yoga serialises a result with its own
 * `stringify`, as graphql-jit's results do, and makes the response of what that gives: bytes
 * are sent as they are). Its `data` is parsed only if something reads it; once read (and
 * perhaps changed), or once the result carries errors or extensions, it is serialised as any
 * other.
 */
export function splicedResult(body: Uint8Array<ArrayBuffer> | string): ExecutionResult {
  let data: ExecutionResult['data'];
  const result: ExecutionResult & { stringify(r: unknown): Uint8Array<ArrayBuffer> | string } = {
    get data() {
      const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      data ??= (JSON.parse(text) as ExecutionResult).data;
      return data;
    },
    stringify: (r) =>
      r === result && data === undefined && !result.errors && !result.extensions
        ? body
        : JSON.stringify(r),
  };
  return result;
}

/** A result serialised as yoga will serialise it: with its own `stringify` where it has one. */
export function serialised(result: ExecutionResult): Uint8Array<ArrayBuffer> {
  const own = (result as { stringify?: unknown }).stringify;
  const body =
    typeof own === 'function'
      ? (own as (r: unknown) => Uint8Array<ArrayBuffer> | string)(result)
      : JSON.stringify(result);
  return typeof body === 'string' ? encoder.encode(body) : body;
}

/**
 * Queries the compiled path answers entirely are answered spliced; the rest (and any such query
 * it cannot answer so) by the executor it would have run under. After graphql-jit in the list.
 */
export function splicedReadsPlugin(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!answersCompiled(args.document, args.operationName)) return;
      setExecuteFn(async (a: ExecutionArgs) => {
        const body = await splicedAnswer(a);
        return body === null ? executeFn(a) : splicedResult(body);
      });
    },
  };
}
