import type { DbOrTx } from './index';

// Building a query with drizzle and having the database compile it cost more than running it on
// the hot paths (every request's session lookup, every 一键启动, every 收到): bench/trigger-api.ts
// and bench/dispatch-fanout.ts under --cpu-prof. Such queries are built once per connection with
// placeholders and reused (drizzle's prepare(), which PostgreSQL's driver has as well).
//
// Keyed by the handle the query runs on: on SQLite every verb runs on the process's one
// connection, so a statement lives as long as it; a PostgreSQL transaction gets its own handle,
// so there a statement is reused within that transaction only and never runs outside it.
const statementsByDb = new WeakMap<object, Map<string, unknown>>();

/** The statement `build` makes on `db`, made once per handle and name. */
export function preparedOn<Statement>(db: DbOrTx, name: string, build: (db: DbOrTx) => Statement): Statement {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDb.set(db, statements);
  }
  let statement = statements.get(name) as Statement | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
