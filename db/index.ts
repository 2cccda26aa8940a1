import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgresTables } from 'drizzle-orm/node-postgres/migrator';
import { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { isPostgresUrl, sqlitePath } from './dialect';
import * as pgSchema from './pg/schema';
import * as schema from './schema';

/**
 * The handle verbs receive. Typed as SQLite's; on PostgreSQL it is drizzle's node-postgres
 * database over the PostgreSQL twins of the same tables (db/schema.ts), whose query builder has
 * the same shape. SQLite-only calls (.run(), .all(), .get()) stay out of domain code.
 */
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

const postgresMigrationsFolder = path.join(process.cwd(), 'db', 'migrations-pg');
// Any constant shared by every node: the key of the advisory lock that serialises start-ups.
const STARTUP_LOCK_KEY = 0x45434f44; // "ECOD"

/** True when `db` (or a transaction handle) talks to PostgreSQL. */
export function isPostgres(db: object): boolean {
  return is(db, PgDatabase);
}

/** A pool of connections to PostgreSQL; nothing is migrated (see migratePostgres). */
export function connectPostgres(url: string, maxConnections: number): { db: Db; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection that breaks (the server restarted) is dropped by the pool; without a
  // listener its 'error' event would crash the process.
  pool.on('error', (error) => console.error('[db] idle PostgreSQL connection failed:', error.message));
  const db = drizzlePostgres(pool, { schema: pgSchema }) as unknown as Db;
  return { db, close: () => pool.end() };
}

/**
 * Runs `work` while holding the start-up advisory lock: several nodes may start at once, and one
 * at a time migrates (the others then find nothing left to do) and seeds an empty database.
 */
async function withStartupLock(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    await work(client);
  } finally {
    await client.end(); // also releases the lock
  }
}

/** Applies the committed PostgreSQL migrations (under the start-up lock). */
export async function migratePostgres(url: string): Promise<void> {
  await withStartupLock(url, (client) => migratePostgresTables(drizzlePostgres(client), { migrationsFolder: postgresMigrationsFolder }));
}

/**
 * Opens the database `url` names (DATABASE_URL), migrated: a SQLite file or a PostgreSQL pool of
 * `poolSize`. `prepare` (e.g. seeding an empty database) runs once it is open; on PostgreSQL still
 * under the start-up lock, so two nodes starting together cannot both seed.
 */
export async function openMigratedDatabase(
  { url, poolSize }: { url: string; poolSize: number },
  prepare: (db: Db) => Promise<void> = async () => {},
): Promise<{ db: Db; close: () => Promise<void> }> {
  if (isPostgresUrl(url)) {
    const opened = connectPostgres(url, poolSize);
    try {
      await withStartupLock(url, async (client) => {
        await migratePostgresTables(drizzlePostgres(client), { migrationsFolder: postgresMigrationsFolder });
        await prepare(opened.db);
      });
    } catch (error) {
      await opened.close();
      throw error;
    }
    return opened;
  }
  const { db, close } = openDatabase(sqlitePath(url));
  await prepare(db);
  return { db, close: async () => close() };
}

export { schema };
