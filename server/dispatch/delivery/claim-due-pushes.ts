import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../db';
import { assignments, incidents } from '../../../db/schema';
import { withTransaction } from '../../../db/transaction';
import { repushDelayMs } from './backoff';

export type ClaimedPush = { assignmentId: string; jurisdictionId: string; attempt: number };

/**
 * Takes the undelivered cards whose re-push is due and whose assignee has a phone connected,
 * oldest first, at most `limit`. Each row is claimed with an update conditional on the
 * `nextPushAt` that was read, which also books the next attempt: a second worker (another node,
 * or an overlapping tick) that read the same row finds it changed and leaves it. Offline people
 * are skipped, not counted: their phone asks for what it is missing when it connects.
 */
export async function claimDuePushes(
  db: Db,
  { now, onlineUserIds, limit }: { now: Date; onlineUserIds: string[]; limit: number },
): Promise<ClaimedPush[]> {
  if (onlineUserIds.length === 0) return [];
  const due = await db
    .select({
      id: assignments.id,
      nextPushAt: assignments.nextPushAt,
      pushAttempts: assignments.pushAttempts,
      jurisdictionId: incidents.jurisdictionId,
    })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        lte(assignments.nextPushAt, now),
        eq(assignments.status, 'sent'),
        isNull(assignments.closedAt),
        eq(incidents.status, 'active'),
        inArray(assignments.userId, onlineUserIds),
      ),
    )
    .orderBy(asc(assignments.nextPushAt))
    .limit(limit);
  if (due.length === 0) return [];

  return withTransaction(db, async (tx) => {
    const claimed: ClaimedPush[] = [];
    for (const row of due) {
      if (!row.nextPushAt) continue;
      const attempt = row.pushAttempts + 1;
      const won = await tx
        .update(assignments)
        .set({ pushAttempts: attempt, nextPushAt: new Date(now.getTime() + repushDelayMs(attempt)) })
        .where(
          and(
            eq(assignments.id, row.id),
            eq(assignments.nextPushAt, row.nextPushAt),
            eq(assignments.status, 'sent'),
            isNull(assignments.closedAt),
          ),
        )
        .returning({ id: assignments.id });
      if (won.length === 1) claimed.push({ assignmentId: row.id, jurisdictionId: row.jurisdictionId, attempt });
    }
    return claimed;
  });
}
