import { createHash } from 'node:crypto';
import { is } from 'drizzle-orm';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { isPostgres, type DbOrTx } from './index';

// Building a query with drizzle and having the database compile it cost more than running it on
// the hot paths (every request's session lookup, every 一键启动, every 收到): bench/trigger-api.ts
// and bench/dispatch-fanout.ts under --cpu-prof. Such queries are built once with placeholders and
// reused (drizzle's prepare(), which PostgreSQL's driver has as well).
//
// SQLite: keyed by the handle the query runs on; every verb runs on the process's one connection,
// so a statement lives as long as it.
// PostgreSQL: every transaction gets its own handle (a connection taken from the pool), so a
// statement keyed by handle was built anew by drizzle in every transaction, and, unnamed, parsed
// and planned anew by PostgreSQL at every run (bench/ack-burst-pg.ts: ≈ 3 ms of Node and 3 ms of
// PostgreSQL CPU per 收到). There a statement is built once per process and name, and each handle
// gets a copy bound to its own connection (so it still runs inside that transaction only). Each
// is a named statement (its name a hash of its text), which node-postgres parses once per
// connection and PostgreSQL then runs without parsing or planning again.
const statementsByDb = new WeakMap<object, Map<string, unknown>>();
const sharedPostgresStatements = new Map<string, unknown>();

/** The statement `build` makes on `db`, made once per handle and name (on PostgreSQL once per process and name). */
export function preparedOn<Statement>(db: DbOrTx, name: string, build: (db: DbOrTx) => Statement): Statement {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDb.set(db, statements);
  }
  let statement = statements.get(name) as Statement | undefined;
  if (statement === undefined) {
    statement = isPostgres(db) ? sharedOnPostgres(db, name, build) : build(db);
    statements.set(name, statement);
  }
  return statement;
}

function sharedOnPostgres<Statement>(db: DbOrTx, name: string, build: (db: DbOrTx) => Statement): Statement {
  const client = (db as unknown as { session: { client: unknown } }).session.client;
  let template = sharedPostgresStatements.get(name);
  if (template === undefined) {
    template = build(db);
    // Only prepared queries (alone or in plain objects) can be moved to another connection; anything
    // else (e.g. a closure over one) stays with the handle it was built on.
    if (bindTo(template, client) === undefined) return template as Statement;
    nameStatements(template);
    sharedPostgresStatements.set(name, template);
  }
  return bindTo(template, client) as Statement;
}

/** A copy of `value` whose prepared queries run on `client`; undefined if it holds anything else. */
function bindTo(value: unknown, client: unknown): unknown {
  if (is(value, PgPreparedQuery)) {
    const bound = Object.create(value as object) as { client: unknown };
    bound.client = client;
    return bound;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const bound: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const entryBound = bindTo(entry, client);
      if (entryBound === undefined) return undefined;
      bound[key] = entryBound;
    }
    return bound;
  }
  return undefined;
}

type QueryConfig = { name?: string; text: string };

function nameStatements(value: unknown): void {
  if (is(value, PgPreparedQuery)) {
    // node-postgres' query configs (drizzle keeps one per result mode, same text): a name makes it a
    // prepared statement, parsed once per connection. Same text, same name, so any two are compatible.
    const configs = value as unknown as { queryConfig?: QueryConfig; rawQueryConfig?: QueryConfig };
    for (const config of [configs.queryConfig, configs.rawQueryConfig]) {
      if (config && !config.name) config.name = `ed_${createHash('sha1').update(config.text).digest('hex').slice(0, 20)}`;
    }
    return;
  }
  if (value !== null && typeof value === 'object') for (const entry of Object.values(value)) nameStatements(entry);
}
