import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db';
import { assignments } from '../../../db/schema';
import type { DueEscalation } from './find-due-escalations';
import { UNACKNOWLEDGED_STATUSES } from '../../contracts/assignment-lifecycle';

/**
 * Takes step `escalationStep` of a due assignment, as the first write of the step's transaction:
 * the update only matches while the step number and due time are still the ones read and the card
 * is still unacknowledged and open. A second worker (another node, an overlapping tick) or an
 * acknowledgement that got in first leaves nothing to match, so a step never runs twice and never
 * after 收到. On PostgreSQL the loser waits on the row lock and then matches nothing.
 */
export async function claimEscalationStep(tx: DbOrTx, due: DueEscalation, now: Date): Promise<boolean> {
  const done = due.escalationStep + 1;
  const hasMore = done < due.escalationSteps.length;
  const claimed = await tx
    .update(assignments)
    .set({ escalationStep: done, nextEscalationAt: hasMore ? new Date(now.getTime() + due.ackTimeoutSeconds * 1000) : null })
    .where(
      and(
        eq(assignments.id, due.id),
        eq(assignments.escalationStep, due.escalationStep),
        eq(assignments.nextEscalationAt, due.nextEscalationAt),
        inArray(assignments.status, UNACKNOWLEDGED_STATUSES),
        isNull(assignments.closedAt),
      ),
    )
    .returning({ id: assignments.id });
  return claimed.length === 1;
}
