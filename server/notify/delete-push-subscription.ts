import { and, eq } from 'drizzle-orm';
import { pushSubscriptions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { parseInput } from '../kernel/validation';
import { pushUnsubscribeInput } from './push-subscription-input';

/** Forgets one of the caller's own browsers. Repeating it is harmless; another person's endpoint is never touched. */
export async function deletePushSubscription({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'field_staff', 'duty_officer');
  const { endpoint } = parseInput(pushUnsubscribeInput, input);
  return withTransaction(db, async (tx) => {
    const removed = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, actor.id)))
      .returning({ id: pushSubscriptions.id });
    for (const row of removed) {
      await recordAudit(tx, {
        jurisdictionId: actor.jurisdictionId,
        actorId: actor.id,
        action: 'push.unsubscribed',
        entityType: 'push_subscription',
        entityId: row.id,
        at: ctx.now(),
      });
    }
    return { removed: removed.length };
  });
}
