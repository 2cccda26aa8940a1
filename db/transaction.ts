import type Database from 'better-sqlite3';
import { isPostgres, type Db } from './index';
import { withPostgresTransaction } from './postgres-transaction';
import { settledError } from './race-lost';

// Domain verbs are written async so that they port to PostgreSQL unchanged
// (`db.transaction(async (tx) => ...)` there). better-sqlite3's own transaction()
// is synchronous and refuses async callbacks, so here we open the transaction by hand
// and queue callers: one connection, one transaction at a time, never interleaved.
//
// Group commit: when several callers are already waiting (a burst of 收到 from hundreds of
// phones), they run one after the other inside ONE SQLite transaction, each in its own
// SAVEPOINT, and share one COMMIT, so one fsync (synchronous=FULL) makes them all durable.
// Each caller still sees exactly its own outcome: its promise settles only after that COMMIT
// (nothing is announced before it is on disk), and a caller that throws rolls back to its
// savepoint, undoing only its own writes. A lone caller runs exactly as before (no savepoint).

type Job = { work: (tx: Db) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Queue = { pending: Job[]; isDraining: boolean };

/**
 * Most callers sharing one commit, and how long a group may keep taking callers: together they
 * bound how long the first of them waits for its answer and how long the event loop is held (one
 * caller may be a batch of 200 receipts; 32 such callers in one group held it for 0.5 s).
 */
const MAX_GROUP = 32;
const GROUP_BUDGET_MS = 10;
/**
 * Callers settled per event-loop turn after a group's COMMIT. Each settled caller goes on at once,
 * in the same turn (its post-commit reads and pushes, e.g. a 收到's board update): 32 of them in
 * one turn held the loop 40–75 ms during a 1,000-person 收到 burst (bench/event-loop-delay.ts).
 */
const SETTLED_PER_TURN = 8;

const globalForTx = globalThis as unknown as { ecodispatchTxQueues?: WeakMap<Db, Queue> };
const queues = (globalForTx.ecodispatchTxQueues ??= new WeakMap());

export function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // PostgreSQL runs transactions side by side itself (db/postgres-transaction.ts).
  if (isPostgres(db)) return withPostgresTransaction(db, work);
  return runQueued(db, work).catch((error: unknown) => {
    // One at a time, a race cannot be lost here: the verb's own answer stands (db/race-lost.ts).
    throw settledError(error);
  });
}

function runQueued<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], isDraining: false };
    queues.set(db, queue);
  }
  const promise = new Promise<T>((resolve, reject) => {
    queue.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
  });
  if (!queue.isDraining) void drain(db, queue);
  return promise;
}

async function drain(db: Db, queue: Queue) {
  queue.isDraining = true;
  try {
    // Wait one turn of the event loop before the first BEGIN: requests already in flight (their
    // bodies parsed, their sessions checked) reach withTransaction in that turn and share the
    // commit. Costs a lone caller one turn (well under a millisecond when idle).
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.pending.length > 0) {
      await runGroup(db, queue);
      // Between groups, let the event loop breathe: pings, health checks and the next burst of
      // requests (which then joins the next group). A queue drained in microtasks alone starved
      // Socket.IO heartbeats during a 2,000-receipt burst (bench/ack-ingest.ts).
      if (queue.pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    queue.isDraining = false;
  }
}

async function runGroup(db: Db, queue: Queue) {
  const first = queue.pending.shift()!;
  try {
    control(db).begin.run();
  } catch (error) {
    first.reject(error);
    return;
  }
  if (queue.pending.length === 0) {
    // Alone: the plain transaction, as without grouping.
    try {
      const result = await first.work(db);
      control(db).commit.run();
      first.resolve(result);
    } catch (error) {
      rollback(db);
      first.reject(error);
    }
    return;
  }

  const committed: { job: Job; result: unknown }[] = [];
  const begunAt = performance.now();
  let job: Job | undefined = first;
  let size = 0;
  while (job) {
    size += 1;
    control(db).savepoint.run();
    try {
      const result = await job.work(db);
      control(db).release.run();
      committed.push({ job, result });
    } catch (error) {
      try {
        control(db).rollbackTo.run();
        control(db).release.run();
      } catch (fatal) {
        // The transaction itself is gone (I/O error, …): nobody in this group committed.
        rollback(db);
        job.reject(error);
        for (const done of committed) done.job.reject(fatal);
        return;
      }
      job.reject(error);
    }
    job = size < MAX_GROUP && performance.now() - begunAt < GROUP_BUDGET_MS ? queue.pending.shift() : undefined;
  }
  try {
    control(db).commit.run();
  } catch (error) {
    rollback(db);
    for (const done of committed) done.job.reject(error);
    return;
  }
  for (let index = 0; index < committed.length; index += 1) {
    if (index > 0 && index % SETTLED_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const done = committed[index]!;
    done.job.resolve(done.result);
  }
}

function rollback(db: Db) {
  try {
    control(db).rollback.run();
  } catch {
    // Already rolled back by SQLite (e.g. after SQLITE_FULL); nothing left to undo.
  }
}

// The control statements, prepared once per connection (drizzle would build and prepare each
// one on every call: four per caller in a group).
const controlByDb = new WeakMap<Db, Record<'begin' | 'commit' | 'savepoint' | 'release' | 'rollbackTo' | 'rollback', Database.Statement>>();

function control(db: Db) {
  let statements = controlByDb.get(db);
  if (!statements) {
    const client = (db as unknown as { $client: Database.Database }).$client;
    statements = {
      begin: client.prepare('BEGIN IMMEDIATE'),
      commit: client.prepare('COMMIT'),
      savepoint: client.prepare('SAVEPOINT grouped'),
      release: client.prepare('RELEASE grouped'),
      rollbackTo: client.prepare('ROLLBACK TO grouped'),
      rollback: client.prepare('ROLLBACK'),
    };
    controlByDb.set(db, statements);
  }
  return statements;
}
