// A conditional update that matched nothing because another transaction changed the row between
// this transaction's read and its write. SQLite runs one transaction at a time, so there it cannot
// happen and the verb's own answer (`outcome`, e.g. a Conflict) stands. On PostgreSQL (READ
// COMMITTED, transactions side by side) it can: a phone's push receipt turns its card from `sent`
// into `delivered` just as its 收到, read as `sent`, is written. Then the transaction is run again
// on fresh reads (db/postgres-transaction.ts), and only if it still loses is `outcome` the answer.
export class RaceLost extends Error {
  constructor(readonly outcome: Error) {
    super(`lost a race: ${outcome.message}`);
    this.name = 'RaceLost';
  }
}

/** Throw this where a conditional update found the row changed since it was read. */
export const raceLost = (outcome: Error) => new RaceLost(outcome);

/** The answer a verb gives once no retry is left: the outcome a lost race stands for. */
export const settledError = (error: unknown): unknown => (error instanceof RaceLost ? error.outcome : error);
