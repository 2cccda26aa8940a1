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

/**
 * How hard a commit waits for the disk. FULL is the production setting: in WAL mode it fsyncs the
 * WAL at every COMMIT, so once a verb returns (and the trigger has answered) the dispatch survives a
 * power cut. NORMAL is not enough for that promise: WAL+NORMAL fsyncs only at checkpoints, so the
 * last commits before a power loss (or OS crash) may roll back. It still survives a process crash
 * (kill -9): the WAL is in the OS page cache. Cost: bench/sqlite-durability.ts, docs/operations.md.
 * NORMAL exists here only for that benchmark's baseline.
 */
export type SynchronousMode = 'FULL' | 'NORMAL';

/**
 * `PRAGMA application_id` of a database made by `npm run seed:load` (ASCII "LOAD"). Such a file
 * holds minted sessions for synthetic users; it must never be served to real people.
 */
export const LOAD_DATABASE_APPLICATION_ID = 0x4c4f4144;

/** Opens (creating if missing) a SQLite file and applies the committed migrations. */
export function openDatabase(
  filePath: string,
  options: { synchronous?: SynchronousMode } = {},
): { db: Db; close: () => void; sqlite: Database.Database } {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (sqlite.pragma('application_id', { simple: true }) === LOAD_DATABASE_APPLICATION_ID)
    console.warn(`[db] ${filePath} is a LOAD-TEST database (npm run seed:load): synthetic users with minted sessions`);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, close: () => sqlite.close(), sqlite };
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
