import { and, asc, eq, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Db } from '../../../db';
import { assignments, incidents } from '../../../db/schema';
import { withTransaction } from '../../../db/transaction';
import { repushDelayMs } from './backoff';

export type ClaimedUpdatePush = { assignmentId: string; userId: string; incidentId: string; seenSeq: number };

/**
 * The open cards whose phone has not confirmed the incident's latest 情况通报, whose re-push is due
 * and whose assignee is connected, oldest first: claimed like cards (claim-due-pushes.ts), by an
 * update conditional on the `nextUpdatePushAt` read, which also books the next attempt.
 */
export async function claimDueUpdatePushes(
  db: Db,
  { now, onlineUserIds, limit }: { now: Date; onlineUserIds: string[]; limit: number },
): Promise<ClaimedUpdatePush[]> {
  if (onlineUserIds.length === 0) return [];
  const due = await db
    .select({
      id: assignments.id,
      userId: assignments.userId,
      incidentId: assignments.incidentId,
      seenSeq: assignments.updatesSeenSeq,
      nextUpdatePushAt: assignments.nextUpdatePushAt,
      attempts: assignments.updatePushAttempts,
    })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        lte(assignments.nextUpdatePushAt, now),
        isNull(assignments.closedAt),
        eq(incidents.status, 'active'),
        lt(assignments.updatesSeenSeq, incidents.updateSeq),
        inArray(assignments.userId, onlineUserIds),
      ),
    )
    .orderBy(asc(assignments.nextUpdatePushAt))
    .limit(limit);
  if (due.length === 0) return [];

  return withTransaction(db, async (tx) => {
    const claimed: ClaimedUpdatePush[] = [];
    for (const row of due) {
      if (!row.nextUpdatePushAt) continue;
      const attempt = row.attempts + 1;
      const won = await tx
        .update(assignments)
        .set({ updatePushAttempts: attempt, nextUpdatePushAt: new Date(now.getTime() + repushDelayMs(attempt)) })
        .where(and(eq(assignments.id, row.id), eq(assignments.nextUpdatePushAt, row.nextUpdatePushAt), isNull(assignments.closedAt)))
        .returning({ id: assignments.id });
      if (won.length === 1) claimed.push({ assignmentId: row.id, userId: row.userId, incidentId: row.incidentId, seenSeq: row.seenSeq });
    }
    return claimed;
  });
}
