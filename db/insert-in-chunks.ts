import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isPostgres, type DbOrTx } from './index';
import { preparedOn } from './prepared';

// A statement may bind at most 65,535 parameters in PostgreSQL; a multi-row insert binds one per
// column per row.
const MAX_PARAMETERS = 30_000;

// SQLite: one prepared single-row INSERT per table, run once per row on the better-sqlite3
// connection with a flat array of driver values (what bench/support/durable-writes.ts, the raw
// baseline, does). Measured on a load database (1,000 cards, audit and outbox rows, same rows,
// alternating, 12 rounds): one row per statement 74–80 ms, 128 rows per statement 92–97 ms,
// 2 rows per statement 131–137 ms; SQLite spends more per row on a multi-row VALUES than the
// bind-and-step of a single row costs. Going through drizzle instead (building each INSERT cost
// ≈ 6 µs per bound value; even prepared, its placeholder filling and session wrapper cost ≈ 80 ms
// of a 10,000-person dispatch) is what made the trigger slow before (bench/trigger-verb.ts).
type Plan = {
  /** [property, column, how to fill it when the row leaves it out] in table order. */
  columns: { key: string; column: Column; fill: Fill }[];
  /**
   * Every column's property, in order, all null. A completed row is a copy of it, so all share one
   * shape; adding the missing properties one by one to a copy of the row cost ≈ 50 µs per row.
   */
  blank: Record<string, unknown>;
  /** The columns whose default only the database knows (an SQL expression, e.g. created_at's). */
  sqlDefaults: string[];
};
type Fill = { kind: 'null' } | { kind: 'value'; value: unknown } | { kind: 'fn'; fn: () => unknown } | { kind: 'sql' };

export type CompleteRow<Table extends SQLiteTable> = Table['$inferSelect'];

/**
 * Inserts rows, inside the caller's transaction: on SQLite through one prepared statement per table,
 * on PostgreSQL in multi-row statements of up to MAX_PARAMETERS values. Returns the rows as stored:
 * every column present, defaults applied (what a read-back would return).
 */
export async function insertInChunks<Table extends SQLiteTable>(
  tx: DbOrTx,
  table: Table,
  rows: Table['$inferInsert'][],
): Promise<CompleteRow<Table>[]> {
  if (rows.length === 0) return [];
  const plan = planFor(table);
  if (isPostgres(tx) || plan.sqlDefaults.some((key) => rows.some((row) => (row as Record<string, unknown>)[key] === undefined))) {
    // PostgreSQL: multi-row INSERT … RETURNING through drizzle; its statements are planned by the
    // server and the rows come back in the same round trip.
    // SQLite, a column whose default only the database knows and no value given: let drizzle write
    // DEFAULT for it and read the stored rows back. No hot path takes this branch.
    const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / plan.columns.length));
    const stored: CompleteRow<Table>[] = [];
    for (let start = 0; start < rows.length; start += chunkSize) {
      stored.push(
        ...((await tx
          .insert(table)
          .values(rows.slice(start, start + chunkSize))
          .returning()) as CompleteRow<Table>[]),
      );
    }
    return stored;
  }

  const statement = singleRowInsert(tx, table, plan);
  const { columns, blank } = plan;
  // better-sqlite3 binds synchronously: one array of driver values serves every row.
  const values: unknown[] = new Array(columns.length);
  // The row's values with defaults applied, for the copy returned when the row left a column out.
  const filled: unknown[] = new Array(columns.length);
  // The last object seen per column and its driver value: a dispatch gives every card the same
  // escalation steps array and sentAt Date, and JSON.stringify of the same array 10,000 times was
  // pure waste. Safe because nothing runs between two rows here (no await), so nothing can change it.
  const lastObject: unknown[] = new Array(columns.length).fill(undefined);
  const lastMapped: unknown[] = new Array(columns.length);
  const complete: CompleteRow<Table>[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as Record<string, unknown>;
    let isComplete = true;
    for (let at = 0; at < columns.length; at += 1) {
      const { key, column, fill } = columns[at]!;
      let value = row[key];
      if (value === undefined) {
        isComplete = false;
        if (fill.kind === 'fn') {
          value = fill.fn();
          // No column of ours has a $defaultFn that answers with SQL; one that did would need drizzle's path.
          if (is(value, SQL)) throw new Error(`insertInChunks: ${getTableName(table)}.${key}'s default function gave SQL; pass a value`);
        } else value = fill.kind === 'value' ? fill.value : null;
      }
      filled[at] = value;
      if (value === null) values[at] = null;
      else if (typeof value !== 'object') values[at] = column.mapToDriverValue(value);
      else if (value === lastObject[at]) values[at] = lastMapped[at];
      else {
        values[at] = lastMapped[at] = column.mapToDriverValue(value);
        lastObject[at] = value;
      }
    }
    statement.run(values);
    if (isComplete) complete[index] = row as CompleteRow<Table>;
    else {
      // What the database now holds, every column present.
      const stored = { ...blank };
      for (let at = 0; at < columns.length; at += 1) stored[columns[at]!.key] = filled[at];
      complete[index] = stored as CompleteRow<Table>;
    }
  }
  return complete;
}

const plans = new WeakMap<SQLiteTable, Plan>();

/** Per table, once: its columns and how each is filled when a row leaves it out (as drizzle would). */
function planFor(table: SQLiteTable): Plan {
  let plan = plans.get(table);
  if (plan) return plan;
  const columns = (Object.entries(getTableColumns(table)) as [string, Column][]).map(([key, column]) => {
    let fill: Fill;
    if (column.default !== undefined && column.default !== null) {
      fill = is(column.default, SQL) ? { kind: 'sql' } : { kind: 'value', value: column.default };
    } else if (column.defaultFn !== undefined) {
      fill = { kind: 'fn', fn: column.defaultFn };
    } else {
      fill = { kind: 'null' };
    }
    return { key, column, fill };
  });
  const blank = Object.fromEntries(columns.map(({ key }) => [key, null]));
  plan = { columns, blank, sqlDefaults: columns.filter(({ fill }) => fill.kind === 'sql').map(({ key }) => key) };
  plans.set(table, plan);
  return plan;
}

function singleRowInsert(tx: DbOrTx, table: SQLiteTable, plan: Plan): Database.Statement {
  return preparedOn(tx, `insert-row:${getTableName(table)}`, (db) => {
    const client = (db as unknown as { $client: Database.Database }).$client;
    const names = plan.columns.map(({ column }) => `"${column.name}"`).join(', ');
    const placeholders = plan.columns.map(() => '?').join(', ');
    return client.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${placeholders})`);
  });
}
