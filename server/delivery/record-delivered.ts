import { and, eq, isNull } from 'drizzle-orm';
import { assignments, incidents } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { AssignmentStatusName } from '../contracts/dispatch';
import { recordAudit } from '../audit/record-audit';
import { loadAssignmentView } from '../dispatch/views';
import type { DeliveryDeps } from './deps';

/** How we learnt the card reached the phone: its Socket.IO receipt, its own report, or its sync. */
export type DeliveryEvidence = 'receipt' | 'report' | 'sync';

/**
 * Records `sent → delivered` once, whoever reports it first. Conditional on the row still being
 * `sent` and open: a late receipt after 收到 (or after the alarm was lifted) changes nothing.
 * The audit row is the assignee's own act, whichever channel carried it; re-pushes stop here,
 * escalation keeps waiting for 收到. The board hears about it only after commit.
 */
export async function recordDelivered(deps: DeliveryDeps, assignmentId: string, via: DeliveryEvidence) {
  const outcome = await withTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select({ assignment: assignments, jurisdictionId: incidents.jurisdictionId })
      .from(assignments)
      .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
      .where(eq(assignments.id, assignmentId));
    if (!row) return null;
    const { assignment } = row;
    const unchanged = { isRecorded: false, status: assignment.status as AssignmentStatusName, jurisdictionId: row.jurisdictionId };
    if (assignment.status !== 'sent' || assignment.closedAt) return unchanged;

    const now = deps.now();
    const updated = await tx
      .update(assignments)
      .set({ status: 'delivered', deliveredAt: now, nextPushAt: null })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.status, 'sent'), isNull(assignments.closedAt)))
      .returning({ id: assignments.id });
    if (updated.length === 0) return unchanged;
    await recordAudit(tx, {
      jurisdictionId: row.jurisdictionId,
      actorId: assignment.userId,
      action: 'assignment.delivered',
      entityType: 'assignment',
      entityId: assignmentId,
      incidentId: assignment.incidentId,
      data: { from: 'sent', role: assignment.roleName, via, pushAttempts: assignment.pushAttempts },
      at: now,
    });
    return { isRecorded: true, status: 'delivered' as const, jurisdictionId: row.jurisdictionId };
  });
  if (!outcome?.isRecorded) return outcome;

  const view = await loadAssignmentView(deps.db, assignmentId);
  if (view) deps.emitter.assignmentUpdated(outcome.jurisdictionId, { messageId: `assignment:${assignmentId}:delivered`, assignment: view });
  return outcome;
}
