import type { Db } from './index';
import { RaceLost, settledError } from './race-lost';

// Transactions on PostgreSQL, side by side (SQLite runs them one at a time, db/transaction.ts).
// READ COMMITTED is enough for this domain because its invariants do not rest on "nobody else ran
// meanwhile": every state change is a conditional update (`… WHERE status = 'sent' RETURNING`,
// which PostgreSQL re-checks on the locked row, so of two 收到 only one wins), and every
// uniqueness (an idempotency key, a card per person and incident, a map version, a username) is a
// unique index. SERIALIZABLE was tried first: 300 simultaneous 收到 took 3.2 s with ≈ 250
// serialization retries (predicate locks on shared index pages), against ≈ 0.15 s on SQLite.
// When a transaction loses such a race (a unique violation) it runs again, once the other has
// committed, and the verb's own check then sees the winner's row (e.g. a retried trigger finds
// the first request's idempotency key and answers with that incident). Deadlocks and serialization
// failures are retried the same way, and so is a conditional update that found its row changed
// since the transaction read it (RaceLost, db/race-lost.ts).
const RETRYABLE = new Set(['40001', '40P01', '23505']); // serialization_failure, deadlock_detected, unique_violation
const MAX_ATTEMPTS = 4;

type PgError = { code?: unknown; cause?: unknown };

function isRetryable(error: unknown): boolean {
  if (error instanceof RaceLost) return true;
  // drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`.
  for (let current = error as PgError | undefined, depth = 0; current && depth < 4; current = current.cause as PgError, depth += 1) {
    if (typeof current.code === 'string' && RETRYABLE.has(current.code)) return true;
  }
  return false;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));

export async function withPostgresTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  type PgDb = { transaction<R>(run: (tx: Db) => Promise<R>, config: { isolationLevel: 'read committed' }): Promise<R> };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (db as unknown as PgDb).transaction(work, { isolationLevel: 'read committed' });
    } catch (error) {
      // A unique violation that is not a race (the same duplicate again) fails after the last attempt.
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw settledError(error);
      await pause(attempt);
    }
  }
}
