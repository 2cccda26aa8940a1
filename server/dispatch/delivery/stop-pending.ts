import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { assignments, notifications } from '../../../db/schema';
import type { DbOrTx } from '../../../db';
import { preparedOn } from '../../../db/prepared';

/**
 * One acknowledgement stops everything still pending for that assignment: no more re-pushes,
 * no further escalation step, and every queued SMS/voice/bot/push message is cancelled.
 * A backup's acknowledgement covers the role, so it also stops the assignment it backs up.
 * Runs inside the caller's transaction. The card's own re-push and escalation timers are cleared
 * by the caller's step update (advance-assignment.ts), which writes that row anyway; here: the card
 * it backs up (if any) and the messages of the card, that original and the card's own backups, in
 * one statement (a 收到 on PostgreSQL pays a round trip per statement).
 */
export async function stopPendingForAssignment(tx: DbOrTx, card: { id: string; backupForId: string | null }): Promise<void> {
  const statements = perAssignment(tx);
  if (card.backupForId) await statements.stopTimers.execute({ id: card.backupForId });
  // A backup paged for this card keeps the card, but its queued SMS/voice must not ring after 收到.
  await statements.cancelMessages.execute({ id: card.id, original: card.backupForId });
}

// Every 收到 runs these: prepared once (db/prepared.ts) instead of built and compiled each time.
function perAssignment(tx: DbOrTx) {
  const id = sql.placeholder('id');
  return preparedOn(tx, 'stop-pending', (on) => ({
    stopTimers: on.update(assignments).set({ nextPushAt: null, nextEscalationAt: null }).where(eq(assignments.id, id)).prepare(),
    cancelMessages: cancelPendingMessages(on).prepare(),
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

/**
 * Cancels the queued messages of a card (id), the card it backs up (original, or null) and the
 * card's own backups.
 */
export function cancelPendingMessages(on: DbOrTx) {
  // The card, the one it backs up (null: none) and its backups: a semi-join on the messages'
  // assignment index, not an OR the planner could only answer by scanning every pending message.
  // The status test is wrapped in coalesce() so that neither planner can take the (status, due)
  // index instead: SQLite did, and with a big dispatch's SMS queued every 收到 walked all the
  // pending messages (≈ 34 ms each in a 10,000-person incident, bench/trigger-verb.ts).
  // tests/unit/stop-pending-plan.test.ts holds SQLite's plan to the assignment index.
  const id = sql.placeholder('id');
  return on
    .update(notifications)
    .set({ status: 'cancelled', nextAttemptAt: null })
    .where(
      and(
        sql`coalesce(${notifications.status}, '') = 'pending'`,
        inArray(
          notifications.assignmentId,
          on
            .select({ id: assignments.id })
            .from(assignments)
            .where(or(eq(assignments.id, id), eq(assignments.id, sql.placeholder('original')), eq(assignments.backupForId, id))),
        ),
      ),
    );
}
