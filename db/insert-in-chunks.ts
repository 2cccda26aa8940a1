import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './index';

// A statement may bind at most 32,766 parameters in SQLite (65,535 in PostgreSQL); a multi-row
// insert binds one per column per row. Staying well under both keeps one code path for either.
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows with as few statements as the parameter limit allows (one per ~1,000
 * assignments rather than one per row). Call it inside the caller's transaction.
 */
export async function insertInChunks<Table extends SQLiteTable>(tx: DbOrTx, table: Table, rows: Table['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(getTableColumns(table)).length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let start = 0; start < rows.length; start += chunkSize) {
    await tx.insert(table).values(rows.slice(start, start + chunkSize));
  }
}
