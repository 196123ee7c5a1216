/**
 * The cursors of compiled connections, exactly as @pothos/plugin-drizzle writes and reads them:
 * written by PostgreSQL for each row, read back into keyset conditions.
 */
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { and, or, type SQL, sql } from 'drizzle-orm';

/** The compiler has no exact rule for this selection: answer it the ordinary way. */
export class Unsupported extends Error {}

export interface Order {
  column: SQL | object;
  direction: 'asc' | 'desc';
  /** The cursor chunk of this column as text (`N:42`, `S:name`), as @pothos/core writes it. */
  chunk: SQL;
  /** The JavaScript type a decoded cursor holds for this column. */
  type: 'number' | 'string';
}

/** The cursor @pothos/plugin-drizzle writes for a row: base64 of `DC:` and the order's chunk or tuple. */
export function cursorText(order: Order[]): SQL {
  const payload =
    order.length === 1
      ? order[0]!.chunk
      : sql`'T:[' || ${sql.join(
          order.map((o) => sql`to_json(${o.chunk})::text`),
          sql` || ',' || `,
        )} || ']'`;
  return sql`replace(encode(convert_to('DC:' || ${payload}, 'UTF8'), 'base64'), E'\\n', '')`;
}

/** The values of a cursor this compiler wrote for this order; any other cursor is the plugin's to judge. */
export function parseCursor(cursor: string, order: Order[]): unknown[] {
  let values: unknown;
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('DC:')) throw new Unsupported('cursor');
    values = decodeCursorChunk(decoded.slice(3));
  } catch {
    throw new Unsupported('cursor');
  }
  const list = order.length === 1 ? [values] : values;
  if (!Array.isArray(list) || list.length !== order.length) throw new Unsupported('cursor');
  list.forEach((value, i) => {
    if (typeof value !== order[i]!.type) throw new Unsupported('cursor');
  });
  return list;
}

/** Rows past a cursor: the first column that differs from it differs in the direction paged. */
export function keyset(order: Order[], values: unknown[], paging: 'after' | 'before'): SQL {
  const compare = (o: Order, value: unknown) => {
    const ascending = paging === 'after' ? o.direction === 'asc' : o.direction === 'desc';
    return ascending ? sql`${o.column} > ${value}` : sql`${o.column} < ${value}`;
  };
  const parts = order.map(
    (o, i) =>
      and(
        ...order.slice(0, i).map((p, j) => sql`${p.column} = ${values[j]}`),
        compare(o, values[i]),
      )!,
  );
  return parts.length === 1 ? parts[0]! : sql`(${or(...parts)})`;
}
