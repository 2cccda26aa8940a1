import { and, eq, isNull } from 'drizzle-orm';
import { integrationTokens } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { tokenRef } from '../contracts/intake';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { toTokenView } from './token-view';

/** Revokes a token of the admin's jurisdiction: from now on both its bearer and its signatures get 401. Revoking twice is a no-op. */
export async function revokeIntegrationToken({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'admin');
  const { tokenId } = parseInput(tokenRef, input);
  const now = ctx.now();
  return withTransaction(ctx.db, async (tx) => {
    const scoped = and(eq(integrationTokens.id, tokenId), eq(integrationTokens.jurisdictionId, ctx.actor.jurisdictionId));
    const [revoked] = await tx
      .update(integrationTokens)
      .set({ revokedAt: now, revokedBy: ctx.actor.id })
      .where(and(scoped, isNull(integrationTokens.revokedAt)))
      .returning();
    if (revoked) {
      await recordAudit(tx, {
        jurisdictionId: ctx.actor.jurisdictionId,
        actorId: ctx.actor.id,
        action: 'integration_token.revoked',
        entityType: 'integration_token',
        entityId: tokenId,
        data: { name: revoked.name },
        at: now,
      });
      return toTokenView(revoked);
    }
    const [existing] = await tx.select().from(integrationTokens).where(scoped);
    if (!existing) throw notFound('integrationTokenNotFound');
    return toTokenView(existing);
  });
}
