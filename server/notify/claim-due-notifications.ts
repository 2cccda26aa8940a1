import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { notifications, type Notification } from '../../db/schema';
import { withTransaction } from '../../db/transaction';

// A claimed row is hidden from other workers for this long: longer than any send (5 s timeout per
// request), short enough that a row claimed by a process that then died is retried soon.
export const CLAIM_LEASE_MS = 60_000;

/**
 * Claims due pending rows: each with a conditional update on the (status, nextAttemptAt) it was
 * read with, so two workers (later, two nodes) never take the same row. A claim counts as an
 * attempt and moves nextAttemptAt past the lease; the row stays `pending`, so an acknowledgement
 * can still cancel it before the send.
 */
export async function claimDueNotifications(db: Db, now: Date, limit = 20): Promise<Notification[]> {
  // The idle case (nearly every tick) is one indexed read: no write transaction, so the worker
  // never holds the one connection's transaction queue while a dispatch waits for it.
  if ((await findDue(db, now, 1)).length === 0) return [];
  return withTransaction(db, async (tx) => {
    const claimed: Notification[] = [];
    for (const candidate of await findDue(tx, now, limit)) {
      if (!candidate.nextAttemptAt) continue;
      const [row] = await tx
        .update(notifications)
        .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where(
          and(
            eq(notifications.id, candidate.id),
            eq(notifications.status, 'pending'),
            eq(notifications.nextAttemptAt, candidate.nextAttemptAt),
          ),
        )
        .returning();
      if (row) claimed.push(row);
    }
    return claimed;
  });
}

const findDue = (db: Db, now: Date, limit: number) =>
  db
    .select({ id: notifications.id, nextAttemptAt: notifications.nextAttemptAt })
    .from(notifications)
    .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(limit);
