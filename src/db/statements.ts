import { SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';

const dialect = new SQLiteAsyncDialect();

type Compilable = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * A D1 prepared statement from a drizzle `sql` template or query builder.
 * Conditional multi-statement writes go through `d1.batch` with these because
 * drizzle 0.45's batch cannot bind raw `sql` statements; the batch is still
 * one atomic D1 call.
 *
 * @example
 * await d1.batch([statement(d1, sql`UPDATE accounts SET balance = balance - ${n} WHERE id = ${id}`)]);
 */
export function statement(d1: D1Database, query: Compilable): D1PreparedStatement {
  const { sql, params } = query instanceof SQL ? dialect.sqlToQuery(query) : query.toSQL();
  return d1.prepare(sql).bind(...params);
}
