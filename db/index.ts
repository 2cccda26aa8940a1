import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databasePath, getEnv } from '../server/config/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a verb receives inside `db.transaction(...)`; same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if missing) a SQLite file and applies the committed migrations. */
export function openDatabase(filePath: string): { db: Db; close: () => void } {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, close: () => sqlite.close() };
}

// One connection per process, shared by the custom server and Next's bundled route handlers.
const globalForDb = globalThis as unknown as { ecodispatchDb?: Db };

export function setDb(db: Db): void {
  globalForDb.ecodispatchDb = db;
}

/** The process-wide connection, opened from DATABASE_URL on first use. */
export function getDb(): Db {
  globalForDb.ecodispatchDb ??= openDatabase(databasePath(getEnv())).db;
  return globalForDb.ecodispatchDb;
}

export { schema };
