import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { notifications, type NotificationChannel, type Notification } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { composeMessage } from './compose-message';
import { loadMessageContext, type MessageContext } from './load-message-context';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier';
import { cancelNotification, recordFailure, recordSent } from './record-delivery-outcome';

export type OutboxDeps = {
  db: Db;
  notifiers: Map<NotificationChannel, Notifier>;
  /** Where short links point, e.g. https://ecodispatch.example.gov.cn */
  baseUrl: string;
  now: () => Date;
};

export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'cancelled' | 'skipped';

/**
 * Sends one claimed row. First re-reads it: the row must still be pending and, when it is about
 * an assignment, that card must still be open and unacknowledged: a 收到 between the claim and
 * now stops every channel. Never throws; the outcome is written to the row (and audited).
 */
export async function deliverNotification(deps: OutboxDeps, claimed: Notification): Promise<DeliveryResult> {
  const prepared = await withTransaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, claimed.id));
    if (!row || row.status !== 'pending') return null;
    return { row, context: await loadMessageContext(tx, row) };
  });
  if (!prepared) return 'skipped';
  const { row, context } = prepared;
  if (isMoot(row, context)) {
    await cancelNotification(deps.db, row.id);
    return 'cancelled';
  }

  const outcome = { row, recipientName: context.recipient?.displayName ?? null };
  try {
    const notifier = deps.notifiers.get(row.channel);
    if (!notifier) throw new DeliveryError('channel_off', true);
    const message: OutgoingMessage = composeMessage(row, context, deps.baseUrl);
    await notifier.send(message);
    await recordSent(deps.db, { ...outcome, now: deps.now() });
    return 'sent';
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError('internal', false, String(error));
    if (!(error instanceof DeliveryError)) console.error('[notify] send failed unexpectedly', error);
    return recordFailure(deps.db, { ...outcome, now: deps.now() }, failure);
  }
}

/** Nothing left to say: the card was acknowledged, closed or is gone, or the incident was lifted. */
function isMoot(row: Notification, context: MessageContext): boolean {
  if (row.assignmentId && (!context.assignment || !context.assignment.isOpen || context.assignment.isAcknowledged)) return true;
  if (row.incidentId && !context.incident) return true;
  return Boolean(context.incident && !context.incident.isActive && row.kind !== 'lifted');
}
