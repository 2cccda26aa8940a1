import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { notifications, pushSubscriptions, type NotificationKind } from '../../db/schema';
import { channelEnv } from './channel-config';
import { channelsFor, configuredChannels } from './channel-policy';

export type NotificationRequest = {
  jurisdictionId: string;
  incidentId: string | null;
  assignmentId: string | null;
  /** The person to reach; null for a group-bot message. */
  userId: string | null;
  kind: NotificationKind;
};

/**
 * Writes one outbox row per configured channel for this kind of message, inside the caller's
 * transaction (so the fact and its notifications commit together). The outbox worker sends them;
 * the text is composed at send time from the database. Person-less requests only go to group bots.
 * Web Push is only queued for someone who allowed it in a browser: most people never will.
 */
export async function enqueueNotifications(tx: DbOrTx, request: NotificationRequest, at: Date): Promise<number> {
  const isPersonal = request.userId !== null;
  let channels = channelsFor(request.kind, isPersonal, configuredChannels(channelEnv()));
  if (request.userId && channels.includes('web_push') && !(await hasPushSubscription(tx, request.userId))) {
    channels = channels.filter((channel) => channel !== 'web_push');
  }
  if (channels.length === 0) return 0;
  await tx.insert(notifications).values(
    channels.map((channel) => ({
      id: randomUUID(),
      jurisdictionId: request.jurisdictionId,
      incidentId: request.incidentId,
      assignmentId: request.assignmentId,
      userId: request.userId,
      channel,
      kind: request.kind,
      status: 'pending' as const,
      nextAttemptAt: at,
      createdAt: at,
    })),
  );
  return channels.length;
}

async function hasPushSubscription(tx: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).limit(1);
  return Boolean(row);
}
