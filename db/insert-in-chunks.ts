import { getTableColumns, getTableName, is, SQL, sql, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './index';
import { preparedOn } from './prepared';

// A statement may bind at most 32,766 parameters in SQLite (65,535 in PostgreSQL); a multi-row
// insert binds one per column per row. Staying well under both keeps one code path for either.
const MAX_PARAMETERS = 30_000;

// Building a 1,000-row INSERT with drizzle's query builder cost ≈ 6 µs per bound value (SQL
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

export type CompleteRow<Table extends SQLiteTable> = Table['$inferSelect'];

/**
 * Inserts rows through prepared multi-row statements (up to PREPARED_ROWS rows each) instead of one
 * statement per row. Call it inside the caller's transaction. Returns the rows as stored: every
 * column present, defaults applied (what a read-back would return).
 */
export async function insertInChunks<Table extends SQLiteTable>(
  tx: DbOrTx,
  table: Table,
  rows: Table['$inferInsert'][],
): Promise<CompleteRow<Table>[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const complete = rows.map((row) => completeRow(columns, row as Record<string, unknown>));
  if (complete.some((row) => row === null)) {
    // A column whose default only the database knows (e.g. an SQL expression) and no value given:
    // let drizzle write DEFAULT for it and read the stored rows back. No hot path takes this branch.
    const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
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
  // Both drivers: the prepared shapes below. On PostgreSQL they are named statements shared by every
  // connection (db/prepared.ts): building the INSERT with drizzle on every call cost more Node time
  // than the round trip (every 收到 writes an audit row; bench/ack-burst-pg.ts).
  const completeRows = complete as Record<string, unknown>[];
  const maxChunk = Math.min(PREPARED_ROWS, Math.max(1, Math.floor(MAX_PARAMETERS / columns.length)));
  let start = 0;
  for (const size of pieceSizes(rows.length, maxChunk)) {
    const statement = preparedInsert(tx, table, columns, size);
    const values: unknown[] = new Array(size * columns.length);
    let index = 0;
    for (let offset = start; offset < start + size; offset += 1) {
      const row = completeRows[offset]!;
      for (const [key, column] of columns) {
        const value = row[key];
        values[index++] = value === null ? null : column.mapToDriverValue(value);
      }
    }
    await statement.execute(values as unknown as Record<string, unknown>);
    start += size;
  }
  return completeRows as CompleteRow<Table>[];
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

/** The row with every column: given value, else drizzle's default, else null; null if only SQL knows the default. */
function completeRow(columns: [string, Column][], row: Record<string, unknown>): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    let value = row[key];
    if (value === undefined) {
      if (column.default !== undefined && column.default !== null) {
        if (is(column.default, SQL)) return null;
        value = column.default;
      } else if (column.defaultFn !== undefined) {
        value = column.defaultFn();
        if (is(value, SQL)) return null;
      } else {
        value = null;
      }
    }
    result[key] = value;
  }
  return result;
}

function preparedInsert(tx: DbOrTx, table: SQLiteTable, columns: [string, Column][], size: number): Prepared {
  return preparedOn(tx, `insert:${getTableName(table)}:${size}`, (db) => {
    // Placeholders named by position ("0", "1", …) so a plain array can fill them. Wrapped in sql``
    // so drizzle passes them through as they are: insertInChunks maps each value to its column's
    // driver value itself (drizzle's placeholder filling would also map nulls, and fail on them).
    let position = 0;
    const placeholderRows = Array.from({ length: size }, () =>
      Object.fromEntries(columns.map(([name]) => [name, sql`${sql.placeholder(String(position++))}`])),
    );
    // The prepared query itself (not a closure over it), so that PostgreSQL can share it (db/prepared.ts).
    return db
      .insert(table)
      .values(placeholderRows as SQLiteTable['$inferInsert'][])
      .prepare() as unknown as Prepared;
  });
}
