import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { insertInChunks } from '../../db/insert-in-chunks';
import { notifications, pushSubscriptions, type NotificationChannel, type NotificationKind } from '../../db/schema';
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

// Bound parameters per `IN (...)` lookup, under SQLite's and PostgreSQL's limits.
const LOOKUP_CHUNK = 5_000;

/**
 * Writes one outbox row per configured channel for this kind of message, inside the caller's
 * transaction (so the fact and its notifications commit together). The outbox worker sends them;
 * the text is composed at send time from the database. Person-less requests only go to group bots.
 * Web Push is only queued for someone who allowed it in a browser: most people never will.
 * Accepts many requests at once (a dispatch queues one per card): one lookup, few statements.
 */
export async function enqueueNotifications(tx: DbOrTx, request: NotificationRequest | NotificationRequest[], at: Date): Promise<number> {
  const requests = Array.isArray(request) ? request : [request];
  const configured = configuredChannels(channelEnv());
  const withPushAllowed = configured.has('web_push') ? await usersWithPushSubscription(tx, requests) : new Set<string>();
  // The channels depend only on the kind and whether a person is addressed: worked out once per
  // pair, not per request (a dispatch queues 10,000 of the same kind).
  const channelsByCase = new Map<string, NotificationChannel[]>();
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const one of requests) {
    const isPersonal = one.userId !== null;
    const caseKey = `${one.kind}:${isPersonal}`;
    let channels = channelsByCase.get(caseKey);
    if (!channels) channelsByCase.set(caseKey, (channels = channelsFor(one.kind, isPersonal, configured)));
    for (const channel of channels) {
      if (channel === 'web_push' && (one.userId === null || !withPushAllowed.has(one.userId))) continue;
      rows.push({
        id: randomUUID(),
        jurisdictionId: one.jurisdictionId,
        incidentId: one.incidentId,
        assignmentId: one.assignmentId,
        userId: one.userId,
        channel,
        kind: one.kind,
        status: 'pending',
        nextAttemptAt: at,
        createdAt: at,
      });
    }
  }
  await insertInChunks(tx, notifications, rows);
  return rows.length;
}

async function usersWithPushSubscription(tx: DbOrTx, requests: NotificationRequest[]): Promise<Set<string>> {
  const userIds = [...new Set(requests.flatMap((one) => (one.userId ? [one.userId] : [])))];
  const found = new Set<string>();
  for (let start = 0; start < userIds.length; start += LOOKUP_CHUNK) {
    const rows = await tx
      .selectDistinct({ userId: pushSubscriptions.userId })
      .from(pushSubscriptions)
      .where(inArray(pushSubscriptions.userId, userIds.slice(start, start + LOOKUP_CHUNK)));
    for (const row of rows) found.add(row.userId);
  }
  return found;
}
