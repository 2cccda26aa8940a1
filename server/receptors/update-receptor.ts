import { eq } from 'drizzle-orm';
import { sensitiveReceptors } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { updateReceptorInput, type ReceptorView } from '../contracts/receptors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { requireRole } from '../kernel/auth/actor';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { findReceptor, toReceptorView } from './find-receptor';

/** Replaces a receptor's kind, name, position and note. */
export async function updateReceptor({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<ReceptorView> {
  requireRole(ctx.actor, 'admin');
  const { receptorId, location, ...data } = parseAdminInput(updateReceptorInput, input);
  return withTransaction(ctx.db, async (tx) => {
    const before = await findReceptor(tx, ctx.actor.jurisdictionId, receptorId);
    const after = { ...data, ...location };
    await tx.update(sensitiveReceptors).set(after).where(eq(sensitiveReceptors.id, receptorId));
    await auditAdmin(tx, ctx, {
      action: 'receptor.updated',
      entityType: 'sensitive_receptor',
      entityId: receptorId,
      data: { before: toReceptorView(before), after: { ...data, location } },
    });
    return toReceptorView({ ...before, ...after });
  });
}
