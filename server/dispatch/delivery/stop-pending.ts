import { and, eq, inArray, sql } from 'drizzle-orm';
import { assignments, notifications } from '../../../db/schema';
import type { DbOrTx } from '../../../db';
import { preparedOn } from '../../../db/prepared';

/**
 * One acknowledgement stops everything still pending for that assignment: no more re-pushes,
 * no further escalation step, and every queued SMS/voice/bot/push message is cancelled.
 * A backup's acknowledgement covers the role, so it also stops the assignment it backs up.
 * Runs inside the caller's transaction.
 */
export async function stopPendingForAssignment(tx: DbOrTx, assignmentId: string): Promise<string[]> {
  const statements = perAssignment(tx);
  const [row] = await statements.backupForId.execute({ id: assignmentId });
  const ids = row?.backupForId ? [assignmentId, row.backupForId] : [assignmentId];
  for (const id of ids) await statements.stopAll.execute({ id });
  // A backup paged for this card keeps the card, but its queued SMS/voice must not ring after 收到.
  const backups = await statements.backupsOf.execute({ id: assignmentId });
  for (const id of [...ids, ...backups.map((backup) => backup.id)]) await statements.cancelMessages.execute({ id });
  return ids;
}

// Every 收到 runs these: prepared once (db/prepared.ts) instead of built and compiled each time.
function perAssignment(tx: DbOrTx) {
  const id = sql.placeholder('id');
  return preparedOn(tx, 'stop-pending', (on) => ({
    backupForId: on.select({ backupForId: assignments.backupForId }).from(assignments).where(eq(assignments.id, id)).prepare(),
    backupsOf: on.select({ id: assignments.id }).from(assignments).where(eq(assignments.backupForId, id)).prepare(),
    stopAll: on.update(assignments).set({ nextPushAt: null, nextEscalationAt: null }).where(eq(assignments.id, id)).prepare(),
    cancelMessages: on
      .update(notifications)
      .set({ status: 'cancelled', nextAttemptAt: null })
      .where(and(eq(notifications.assignmentId, id), eq(notifications.status, 'pending')))
      .prepare(),
  }));
}

/** 警报解除 closes every card: nothing pending may fire afterwards. */
export async function stopPendingForIncident(tx: DbOrTx, incidentId: string): Promise<void> {
  await tx.update(assignments).set({ nextPushAt: null, nextEscalationAt: null }).where(eq(assignments.incidentId, incidentId));
  await cancelPendingNotifications(tx, { incidentId });
}

async function cancelPendingNotifications(tx: DbOrTx, where: { assignmentIds: string[] } | { incidentId: string }) {
  const target =
    'incidentId' in where ? eq(notifications.incidentId, where.incidentId) : inArray(notifications.assignmentId, where.assignmentIds);
  await tx
    .update(notifications)
    .set({ status: 'cancelled', nextAttemptAt: null })
    .where(and(target, eq(notifications.status, 'pending')));
}
