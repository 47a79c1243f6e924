// The SQL the app really sends, taken from its own source: the query functions (through bench/import-app.mjs) run
// against a D1 stand-in that records each statement instead of running it. The bench then asks the real local D1 for
// EXPLAIN QUERY PLAN, and for the rows a statement reads.
import { importApp } from './import-app.mjs';

const loadAppModules = () =>
  importApp(["export { readQueue } from './src/queue/queue';", "export { findSession } from './src/auth/sessions';"].join('\n'));

/** A D1Database that answers every statement with no rows and remembers what it was asked. */
function recordingD1() {
  const sent = [];
  const statement = (sql, params = []) => {
    const record = (answer) => async () => {
      sent.push({ sql, params });
      return answer;
    };
    return {
      bind: (...values) => statement(sql, values),
      all: record({ results: [], meta: {} }),
      run: record({ results: [], meta: { changes: 0 } }),
      raw: record([]),
      first: record(null),
    };
  };
  return { sent, d1: { prepare: (sql) => statement(sql), batch: async (statements) => Promise.all(statements.map((s) => s.all())) } };
}

let modules;

/** The statement readQueue sends for this member and filter. */
export async function queueStatement(memberId, filter, now) {
  modules ??= await loadAppModules();
  const { sent, d1 } = recordingD1();
  await modules.readQueue(d1, memberId, filter, now);
  return sent[0];
}

/** The session check (src/auth/sessions.ts): the statement that rides in front of each request's first read. */
export async function sessionStatement(token, now) {
  modules ??= await loadAppModules();
  const { sent, d1 } = recordingD1();
  await modules.findSession(d1, token, now);
  return sent[0] ?? null;
}

/** EXPLAIN QUERY PLAN as the indented tree sqlite3's shell prints. */
export async function explain(db, { sql, params }) {
  const { results } = await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all();
  const depth = new Map([[0, -1]]);
  return results
    .map((row) => {
      const level = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, level);
      return `${'  '.repeat(level)}${row.detail}`;
    })
    .join('\n');
}

/** Rows D1 reports reading for one run of the statement. */
export async function rowsRead(db, { sql, params }) {
  const { meta } = await db.prepare(sql).bind(...params).all();
  return meta.rows_read;
}
