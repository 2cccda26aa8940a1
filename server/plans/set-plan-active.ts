import { eq } from 'drizzle-orm';
import { plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { setPlanActiveInput } from '../contracts/admin';
import { notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { findPlanRow, loadPlanView } from './find-plan';
import { parseAdminInput } from '../kernel/parse-admin-input';

/** An inactive plan cannot be triggered; incidents already started from it are untouched. */
export async function setPlanActive({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { planId, isActive } = parseAdminInput(setPlanActiveInput, input);
  await withTransaction(db, async (tx) => {
    const plan = await findPlanRow(tx, actor.jurisdictionId, planId);
    if (!plan) throw notFound('planNotFound');
    if (plan.isActive === isActive) return;
    await tx.update(plans).set({ isActive }).where(eq(plans.id, planId));
    await auditAdmin(tx, ctx, {
      action: isActive ? 'plan.activated' : 'plan.deactivated',
      entityType: 'plan',
      entityId: planId,
      data: { name: plan.name },
    });
  });
  return loadPlanView(ctx, planId);
}
