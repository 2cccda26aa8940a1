import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { notifications, type Notification } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../kernel/audit/record-audit';
import type { DeliveryError } from './notifier';

export const MAX_ATTEMPTS = 5;

/** Wait before attempt `attempts + 1`: 10 s, 30 s, 90 s, 270 s (then the row fails). */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 3 ** Math.max(0, attempts - 1), 600_000);
}

type Outcome = { row: Notification; recipientName: string | null; now: Date };

/** Sent: the row and an audit row on the incident, so the timeline shows which channel reached whom. */
export async function recordSent(db: Db, { row, recipientName, now }: Outcome): Promise<string> {
  return withTransaction(db, async (tx) => {
    // Unconditional: if an acknowledgement cancelled the row while the request was in flight, it was still sent.
    await tx
      .update(notifications)
      .set({ status: 'sent', sentAt: now, nextAttemptAt: null, lastError: null })
      .where(eq(notifications.id, row.id));
    return auditOutcome(tx, 'notification.sent', { row, recipientName, now });
  });
}

/**
 * A failed attempt: retried later while attempts remain and the failure is not permanent, else
 * `failed` with an audit row (its id returned for the announcement).
 */
export async function recordFailure(
  db: Db,
  { row, recipientName, now }: Outcome,
  error: DeliveryError,
): Promise<{ result: 'retry' | 'failed' | 'cancelled'; auditId?: string }> {
  const lastError = error.message.slice(0, 300);
  return withTransaction(db, async (tx) => {
    const stillPending = and(eq(notifications.id, row.id), eq(notifications.status, 'pending'));
    if (!error.isPermanent && row.attempts < MAX_ATTEMPTS) {
      const next = new Date(now.getTime() + retryDelayMs(row.attempts));
      const changed = await tx
        .update(notifications)
        .set({ nextAttemptAt: next, lastError })
        .where(stillPending)
        .returning({ id: notifications.id });
      return { result: changed.length ? 'retry' : 'cancelled' };
    }
    const changed = await tx
      .update(notifications)
      .set({ status: 'failed', nextAttemptAt: null, lastError })
      .where(stillPending)
      .returning({ id: notifications.id });
    if (changed.length === 0) return { result: 'cancelled' };
    const auditId = await auditOutcome(tx, 'notification.failed', { row, recipientName, now }, error.reason);
    return { result: 'failed', auditId };
  });
}

/** Stopped before the send: acknowledged, closed or lifted meanwhile. The acknowledgement is the audit trail. */
export async function cancelNotification(db: Db, rowId: string): Promise<void> {
  await withTransaction(db, (tx) =>
    tx
      .update(notifications)
      .set({ status: 'cancelled', nextAttemptAt: null })
      .where(and(eq(notifications.id, rowId), eq(notifications.status, 'pending'))),
  );
}

async function auditOutcome(tx: Db, action: string, { row, recipientName, now }: Outcome, reason?: string): Promise<string> {
  const audit = await recordAudit(tx, {
    jurisdictionId: row.jurisdictionId,
    actorId: null,
    action,
    entityType: 'notification',
    entityId: row.id,
    incidentId: row.incidentId,
    data: {
      channel: row.channel,
      kind: row.kind,
      userId: row.userId,
      recipientName,
      assignmentId: row.assignmentId,
      attempts: row.attempts,
      ...(reason ? { reason } : {}),
    },
    at: now,
  });
  return audit.id;
}
