import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, SQL, sql, type Column } from 'drizzle-orm';
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
  const needsDatabaseDefault = plan.sqlDefaults.some((key) => rows.some((row) => (row as Record<string, unknown>)[key] === undefined));
  if (isPostgres(tx) && !needsDatabaseDefault) return insertPreparedShapes(tx, table, plan, rows);
  if (needsDatabaseDefault) {
    // A column whose default only the database knows and no value given: let drizzle write
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

// PostgreSQL: prepared multi-row shapes, named statements shared by every connection
// (db/prepared.ts); building the INSERT with drizzle on every call cost more Node time than the
// round trip (every 收到 writes an audit row; bench/ack-burst-pg.ts).
// Why shapes: building a 1,000-row INSERT with drizzle's query builder cost ≈ 6 µs per bound value (SQL
// chunk objects, entity checks, string merging): with the audit and outbox rows, ≈ 250 ms of a
// 1,000-person dispatch's transaction (bench/trigger-verb.ts, --cpu-prof). So each statement shape
// is built and prepared ONCE, with a numbered placeholder per value, and then only run with a flat
// array of values, each mapped through its column (e.g. Date → epoch ms, JSON → text) as drizzle would.
// Shapes are bounded: a batch is split into full chunks of PREPARED_ROWS plus power-of-two pieces
// of the rest, so at most 8 statements exist per table and connection. PREPARED_ROWS is small on
// purpose: building a shape costs the same 6 µs per value once, and a 1,500-row shape built cold
// by the first big dispatch after a start cost ≈ 0.4 s of it; running 80 statements of 128 rows
// instead of 7 of 1,500 costs nothing measurable.
const PREPARED_ROWS = 128;
type Prepared = { execute: (values: Record<string, unknown>) => Promise<unknown> };

async function insertPreparedShapes<Table extends SQLiteTable>(
  tx: DbOrTx,
  table: Table,
  plan: Plan,
  rows: Table['$inferInsert'][],
): Promise<CompleteRow<Table>[]> {
  const columns = plan.columns;
  const complete = rows.map((row) => {
    const stored: Record<string, unknown> = { ...plan.blank };
    for (const { key, fill } of columns) {
      const value = (row as Record<string, unknown>)[key];
      stored[key] = value !== undefined ? value : fill.kind === 'fn' ? fill.fn() : fill.kind === 'value' ? fill.value : null;
    }
    return stored;
  });
  const maxChunk = Math.min(PREPARED_ROWS, Math.max(1, Math.floor(MAX_PARAMETERS / columns.length)));
  let start = 0;
  for (const size of pieceSizes(rows.length, maxChunk)) {
    const statement = preparedInsert(tx, table, columns, size);
    const values: unknown[] = new Array(size * columns.length);
    let index = 0;
    for (let offset = start; offset < start + size; offset += 1) {
      const row = complete[offset]!;
      for (const { key, column } of columns) {
        const value = row[key];
        values[index++] = value === null ? null : column.mapToDriverValue(value);
      }
    }
    await statement.execute(values as unknown as Record<string, unknown>);
    start += size;
  }
  return complete as CompleteRow<Table>[];
}

/** Full chunks first, then the rest as distinct powers of two (1,000 = 512+256+128+64+32+8). */
export function pieceSizes(total: number, maxChunk: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left >= maxChunk) {
    sizes.push(maxChunk);
    left -= maxChunk;
  }
  for (let bit = 1 << 30; bit >= 1; bit >>>= 1) if (left & bit) sizes.push(bit);
  return sizes;
}

function preparedInsert(tx: DbOrTx, table: SQLiteTable, columns: Plan['columns'], size: number): Prepared {
  return preparedOn(tx, `insert:${getTableName(table)}:${size}`, (db) => {
    // Placeholders named by position ("0", "1", …) so a plain array can fill them. Wrapped in sql``
    // so drizzle passes them through as they are: insertInChunks maps each value to its column's
    // driver value itself (drizzle's placeholder filling would also map nulls, and fail on them).
    let position = 0;
    const placeholderRows = Array.from({ length: size }, () =>
      Object.fromEntries(columns.map(({ key }) => [key, sql`${sql.placeholder(String(position++))}`])),
    );
    // The prepared query itself (not a closure over it), so that PostgreSQL can share it (db/prepared.ts).
    return db
      .insert(table)
      .values(placeholderRows as SQLiteTable['$inferInsert'][])
      .prepare() as unknown as Prepared;
  });
}
