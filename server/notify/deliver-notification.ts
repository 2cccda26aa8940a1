import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { notifications, type NotificationChannel, type Notification } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { composeMessage } from './compose-message';
import { loadMessageContext, type MessageContext } from './load-message-context';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier';
import { cancelNotification, recordFailure, recordSent } from './record-delivery-outcome';
import { loadIncidentSummary } from '../dispatch/views';
import type { Emitter } from '../push/emitter';
import { incidentUpdatedMessage } from '../push/messages';
import { log } from '../kernel/log/logger';

export type OutboxDeps = {
  db: Db;
  /** Tells the board a timeline row was added (notification.sent / .failed). */
  emitter: Emitter;
  notifiers: Map<NotificationChannel, Notifier>;
  /** Where short links point, e.g. https://ecodispatch.example.gov.cn */
  baseUrl: string;
  now: () => Date;
};

export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'cancelled' | 'skipped';

/**
 * Sends one claimed row. First re-reads it: the row must still be pending and, when it is about
 * an assignment, that card must still be open and unacknowledged: a 收到 between the claim and
 * now stops every channel. The outcome is written to the row (and audited); only a database
 * failure throws, and the worker's pass catches it.
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
  const failure = await send(deps, row, context);
  if (!failure) {
    const auditId = await recordSent(deps.db, { ...outcome, now: deps.now() });
    await announceOutcome(deps, row, auditId);
    return 'sent';
  }
  const { result, auditId } = await recordFailure(deps.db, { ...outcome, now: deps.now() }, failure);
  if (auditId) await announceOutcome(deps, row, auditId);
  return result;
}

/** Composes and sends; null when the channel accepted it, else why not. */
async function send(deps: OutboxDeps, row: Notification, context: MessageContext): Promise<DeliveryError | null> {
  try {
    const notifier = deps.notifiers.get(row.channel);
    if (!notifier) throw new DeliveryError('channel_off', true);
    const message: OutgoingMessage = composeMessage(row, context, deps.baseUrl);
    await notifier.send(message);
    return null;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    log().error({ err: error }, 'notification send failed unexpectedly');
    return new DeliveryError('internal', false, String(error));
  }
}

/** After commit, like every verb: the board re-reads its timeline when the incident is announced. */
async function announceOutcome(deps: OutboxDeps, row: Notification, auditId: string): Promise<void> {
  if (!row.incidentId) return;
  const incidentId = row.incidentId;
  const incident = await withTransaction(deps.db, (tx) => loadIncidentSummary(tx, row.jurisdictionId, incidentId));
  if (incident) deps.emitter.incidentUpdated(row.jurisdictionId, incidentUpdatedMessage(incident, { auditId }));
}

/**
 * Nothing left to say: the card was acknowledged, closed or is gone, or the incident was lifted.
 * The lift's own message is about exactly that: it goes to closed cards, once the incident is lifted;
 * so does a stand-down's.
 */
function isMoot(row: Notification, context: MessageContext): boolean {
  if (row.kind === 'lifted') return row.incidentId !== null && !context.incident;
  // The stand-down is about a closed card, like the lift; it is moot only if the card is gone.
  if (row.kind === 'stood_down') return !context.assignment?.isStoodDown;
  if (row.assignmentId && (!context.assignment || !context.assignment.isOpen || context.assignment.isAcknowledged)) return true;
  if (row.incidentId && !context.incident) return true;
  return Boolean(context.incident && !context.incident.isActive);
}
