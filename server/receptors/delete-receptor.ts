import { eq } from 'drizzle-orm';
import { sensitiveReceptors } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { receptorRef } from '../contracts/receptors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { requireRole } from '../kernel/auth/actor';
import { notFound } from '../kernel/errors';
import { findReceptor, toReceptorView } from './find-receptor';

/** Removes a receptor. Reports already saved keep what they said; only later exports' maps change. */
export async function deleteReceptor({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<{ id: string }> {
  requireRole(ctx.actor, 'admin');
  const parsed = receptorRef.safeParse(input);
  if (!parsed.success) throw notFound('receptorNotFound');
  const { receptorId } = parsed.data;
  await withTransaction(ctx.db, async (tx) => {
    const before = await findReceptor(tx, ctx.actor.jurisdictionId, receptorId);
    await tx.delete(sensitiveReceptors).where(eq(sensitiveReceptors.id, receptorId));
    await auditAdmin(tx, ctx, {
      action: 'receptor.deleted',
      entityType: 'sensitive_receptor',
      entityId: receptorId,
      data: toReceptorView(before),
    });
  });
  return { id: receptorId };
}
