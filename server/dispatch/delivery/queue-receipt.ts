import { MAX_RECEIPTS_PER_BATCH } from '../../push/flow-control';
import { runInTurn } from '../../push/run-in-turn';
import type { ServerDeps } from '../../context';
import { recordManyDelivered, type DeliveredOutcome } from './record-many-delivered';

// Push receipts arrive in bursts (a fan-out's phones answer within milliseconds of each other).
// They are gathered per tick and recorded in one transaction each batch instead of one commit
// each; a batch is bounded, and batches take their turn with the phones' other events, so a
// burst of 10,000 receipts never holds the event loop for long (bench/event-loop-delay.ts).

type Waiter = { resolve: (outcome: DeliveredOutcome) => void; reject: (error: unknown) => void };
type Pending = { ids: string[]; waiters: Waiter[] };

const globalForReceipts = globalThis as unknown as { ecodispatchReceipts?: WeakMap<ServerDeps, Pending> };
const pendingByDeps = (globalForReceipts.ecodispatchReceipts ??= new WeakMap());

function flush(deps: ServerDeps, batch: Pending) {
  if (pendingByDeps.get(deps) === batch) pendingByDeps.delete(deps);
  runInTurn(() => recordManyDelivered(deps, batch.ids, 'receipt')).then(
    (outcomes) => batch.waiters.forEach((waiter, index) => waiter.resolve(outcomes[index] ?? null)),
    (error: unknown) => batch.waiters.forEach((waiter) => waiter.reject(error)),
  );
}

/** Records a push receipt as delivered together with the other receipts of the same tick. */
export function queueReceipt(deps: ServerDeps, assignmentId: string): Promise<DeliveredOutcome> {
  let batch = pendingByDeps.get(deps);
  if (!batch) {
    const fresh: Pending = { ids: [], waiters: [] };
    batch = fresh;
    pendingByDeps.set(deps, fresh);
    setImmediate(() => {
      if (pendingByDeps.get(deps) === fresh) flush(deps, fresh);
    });
  }
  const current = batch;
  const outcome = new Promise<DeliveredOutcome>((resolve, reject) => current.waiters.push({ resolve, reject }));
  current.ids.push(assignmentId);
  if (current.ids.length >= MAX_RECEIPTS_PER_BATCH) flush(deps, current);
  return outcome;
}
