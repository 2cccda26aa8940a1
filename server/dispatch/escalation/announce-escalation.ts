import { eq, or } from 'drizzle-orm';
import type { Db } from '../../../db';
import { assignments } from '../../../db/schema';
import { loadAssignmentView, loadIncidentSummary, loadRoleCards } from '../views';
import { pushCard } from '../delivery/push-card';
import type { ServerDeps } from '../../context';
import type { EscalationOutcome } from './escalation-outcome';
import { assignmentUpdatedMessage, escalationRaisedMessage, incidentUpdatedMessage } from '../../push/messages';

/**
 * After commit: the board learns of every step; people are paged only while the role is still
 * unanswered. An acknowledgement that landed between the step's commit and this moment keeps the
 * step on the timeline but stops anyone's phone from ringing for it.
 */
export async function announceEscalation(deps: ServerDeps, outcome: EscalationOutcome): Promise<void> {
  const { db, emitter } = deps;
  const { jurisdictionId, incidentId, assignmentId, result } = outcome;
  const isUnanswered = await isStillUnanswered(db, assignmentId);

  if (isUnanswered && result.repushAssignmentId) {
    for (const card of await loadRoleCards(db, { assignmentIds: [result.repushAssignmentId] })) {
      void pushCard(deps, card);
    }
  }
  if (result.backupAssignmentId) {
    // The backup's card exists either way: it is pushed like any other card (a receipt marks it
    // delivered, no receipt leaves it to the redelivery worker), and sync would bring it.
    for (const card of await loadRoleCards(db, { assignmentIds: [result.backupAssignmentId] })) {
      void pushCard(deps, card);
    }
    const view = await loadAssignmentView(db, result.backupAssignmentId);
    if (view) emitter.assignmentUpdated(jurisdictionId, assignmentUpdatedMessage(view));
  }
  const unanswered = await loadAssignmentView(db, assignmentId);
  emitter.escalationRaised(
    jurisdictionId,
    isUnanswered ? result.pageUserIds : [],
    escalationRaisedMessage({
      level: outcome.level,
      incidentId,
      assignmentId,
      step: outcome.step,
      notifiedUserId: result.notifiedUserId,
      ...(unanswered ? { assignee: { name: unanswered.userName, role: unanswered.role, phone: unanswered.phone } } : {}),
      at: outcome.at.toISOString(),
    }),
  );
  // The board re-reads its timeline on incident:updated.
  const incident = await loadIncidentSummary(db, jurisdictionId, incidentId);
  if (incident) emitter.incidentUpdated(jurisdictionId, incidentUpdatedMessage(incident, { auditId: outcome.auditId }));
}

/** Neither the assignee nor a backup for them has acknowledged, and the card is still open. */
async function isStillUnanswered(db: Db, assignmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: assignments.id, acknowledgedAt: assignments.acknowledgedAt, closedAt: assignments.closedAt })
    .from(assignments)
    .where(or(eq(assignments.id, assignmentId), eq(assignments.backupForId, assignmentId)));
  const original = rows.find((row) => row.id === assignmentId);
  return original !== undefined && original.closedAt === null && rows.every((row) => row.acknowledgedAt === null);
}
