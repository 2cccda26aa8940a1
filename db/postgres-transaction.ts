import type { Db } from './index';

// Transactions on PostgreSQL. SQLite runs one transaction at a time (db/transaction.ts), so every
// verb's read-then-write (an idempotency key, "is this assignment still open?", a unique
// username) behaves as if alone. SERIALIZABLE gives the same guarantee on PostgreSQL with
// transactions running side by side: when two would not have been correct one after the other,
// one of them fails with a serialization failure, and it is simply run again, as SQLite would
// have run it after the other. A deadlock is retried the same way.
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 12;

type PgError = { code?: unknown; cause?: unknown };

function isRetryable(error: unknown): boolean {
  // drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`.
  for (let current = error as PgError | undefined, depth = 0; current && depth < 4; current = current.cause as PgError, depth += 1) {
    if (typeof current.code === 'string' && RETRYABLE.has(current.code)) return true;
  }
  return false;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 6)));

export async function withPostgresTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  type PgDb = { transaction<R>(run: (tx: Db) => Promise<R>, config: { isolationLevel: 'serializable' }): Promise<R> };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (db as unknown as PgDb).transaction(work, { isolationLevel: 'serializable' });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await pause(attempt);
    }
  }
}
