import type { DeliveryDeps } from './deps';
import { recordManyDelivered, type DeliveredOutcome } from './record-many-delivered';

// Push receipts arrive in bursts (a fan-out's phones answer within milliseconds of each other).
// They are gathered per tick and recorded in one transaction instead of one commit each.
type Pending = { ids: string[]; waiters: Array<{ resolve: (outcome: DeliveredOutcome) => void; reject: (error: unknown) => void }> };

const globalForReceipts = globalThis as unknown as { ecodispatchReceipts?: WeakMap<DeliveryDeps, Pending> };
const pendingByDeps = (globalForReceipts.ecodispatchReceipts ??= new WeakMap());

/** Records a push receipt as delivered together with the other receipts of the same tick. */
export function queueReceipt(deps: DeliveryDeps, assignmentId: string): Promise<DeliveredOutcome> {
  let pending = pendingByDeps.get(deps);
  if (!pending) {
    const batch: Pending = { ids: [], waiters: [] };
    pending = batch;
    pendingByDeps.set(deps, batch);
    setImmediate(() => {
      pendingByDeps.delete(deps);
      recordManyDelivered(deps, batch.ids, 'receipt').then(
        (outcomes) => batch.waiters.forEach((waiter, index) => waiter.resolve(outcomes[index] ?? null)),
        (error: unknown) => batch.waiters.forEach((waiter) => waiter.reject(error)),
      );
    });
  }
  const batch = pending;
  return new Promise((resolve, reject) => {
    batch.ids.push(assignmentId);
    batch.waiters.push({ resolve, reject });
  });
}
