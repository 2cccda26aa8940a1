import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db';
import { notifications, type NotificationKind } from '../../db/schema';
import { getEnv } from '../config/env';
import { CHANNELS_BY_KIND, configuredChannels } from './channel-policy';

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
 * the text is composed at send time from the database. Person-less kinds only go to group bots.
 */
export async function enqueueNotifications(tx: DbOrTx, request: NotificationRequest, at: Date): Promise<number> {
  const configured = configuredChannels(getEnv());
  const channels = CHANNELS_BY_KIND[request.kind].filter(
    (channel) => configured.has(channel) && (request.userId !== null || channel === 'webhook'),
  );
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
