import { sql } from 'drizzle-orm';
import type { Db } from './index';

// Domain verbs are written async so that they port to PostgreSQL unchanged
// (`db.transaction(async (tx) => ...)` there). better-sqlite3's own transaction()
// is synchronous and refuses async callbacks, so here we open the transaction by hand
// and queue callers: one connection, one transaction at a time, never interleaved.
const globalForTx = globalThis as unknown as { ecodispatchTxQueue?: WeakMap<Db, Promise<unknown>> };
const queues = (globalForTx.ecodispatchTxQueue ??= new WeakMap());

export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(async () => {
    db.run(sql`BEGIN IMMEDIATE`);
    try {
      const result = await work(db);
      db.run(sql`COMMIT`);
      return result;
    } catch (error) {
      db.run(sql`ROLLBACK`);
      throw error;
    }
  });
  // The queue continues whether this transaction committed or not.
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}
