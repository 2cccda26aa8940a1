import type { ServerDeps } from '../../context';
import { recordManyDelivered, type DeliveredOutcome, type DeliveryEvidence } from './record-many-delivered';

export type { DeliveryEvidence } from './record-many-delivered';

/**
 * Records `sent → delivered` once, whoever reports it first. Conditional on the row still being
 * `sent` and open: a late receipt after 收到 (or after the alarm was lifted) changes nothing.
 * The audit row is the assignee's own act, whichever channel carried it; re-pushes stop here,
 * escalation keeps waiting for 收到. The board hears about it only after commit.
 */
export async function recordDelivered(deps: ServerDeps, assignmentId: string, via: DeliveryEvidence): Promise<DeliveredOutcome> {
  const [outcome] = await recordManyDelivered(deps, [assignmentId], via);
  return outcome ?? null;
}
