import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db';
import { notifications, type NotificationKind } from '../../../db/schema';
import type { EscalationChannel } from '../../contracts/escalation';
import { getPresence } from '../../presence/presence-tracker';

const ORDER: EscalationChannel[] = ['socket', 'sms', 'voice', 'web_push', 'webhook'];

/**
 * The channels a step's message actually went out on, for the timeline and the banner: the open
 * page (a connected socket, now), and the outbox rows this step queued in its own transaction (a
 * configured SMS gateway, voice, Web Push for a browser that allowed it, the group robot). Empty
 * when nothing could reach the person: the board then says so instead of "已通知" (issue 15).
 */
export async function reachedChannels(
  tx: DbOrTx,
  request: { assignmentId: string; userId: string | null; kind: NotificationKind; at: Date },
): Promise<EscalationChannel[]> {
  const rows = await tx
    .select({ channel: notifications.channel })
    .from(notifications)
    .where(
      and(
        eq(notifications.assignmentId, request.assignmentId),
        request.userId === null ? isNull(notifications.userId) : eq(notifications.userId, request.userId),
        eq(notifications.kind, request.kind),
        eq(notifications.createdAt, request.at),
      ),
    );
  const found = new Set<EscalationChannel>(rows.map((row) => row.channel));
  if (request.userId !== null && getPresence().isOnline(request.userId)) found.add('socket');
  return ORDER.filter((channel) => found.has(channel));
}
