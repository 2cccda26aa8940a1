import { randomUUID } from 'node:crypto';
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { pushSubscriptions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { conflict } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { channelEnv } from './channel-config';
import { configuredChannels } from './channel-policy';
import { pushSubscriptionInput } from './push-subscription-input';

// A person rarely has more than a phone and a desk browser; old ones beyond this are dropped.
const MAX_SUBSCRIPTIONS_PER_USER = 5;

/**
 * Registers this browser for Web Push for the signed-in person. An endpoint belongs to one browser,
 * so if someone else had registered it (a shared phone), it now belongs to the caller.
 */
export async function savePushSubscription({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'field_staff', 'duty_officer');
  const data = parseInput(pushSubscriptionInput, input);
  if (!configuredChannels(channelEnv()).has('web_push')) throw conflict('pushNotConfigured');

  return withTransaction(db, async (tx) => {
    const now = ctx.now();
    const [existing] = await tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, data.endpoint));
    const id = existing?.id ?? randomUUID();
    const values = { userId: actor.id, p256dh: data.keys.p256dh, auth: data.keys.auth };
    if (existing)
      await tx
        .update(pushSubscriptions)
        .set({ ...values, createdAt: now })
        .where(eq(pushSubscriptions.id, id));
    else await tx.insert(pushSubscriptions).values({ id, endpoint: data.endpoint, ...values, createdAt: now });

    const keep = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, actor.id))
      .orderBy(desc(pushSubscriptions.createdAt))
      .limit(MAX_SUBSCRIPTIONS_PER_USER);
    await tx.delete(pushSubscriptions).where(
      and(
        eq(pushSubscriptions.userId, actor.id),
        notInArray(
          pushSubscriptions.id,
          keep.map((row) => row.id),
        ),
      ),
    );
    await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'push.subscribed',
      entityType: 'push_subscription',
      entityId: id,
      data: { isNew: !existing },
      at: now,
    });
    return { id, isNew: !existing };
  });
}
