import { eq } from 'drizzle-orm';
import { plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { updatePlanInput } from '../contracts/admin';
import { notFound } from '../kernel/errors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { findPlanRow, loadPlanView } from './find-plan';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { replacePlanRoles } from './replace-plan-roles';

/** Saves a plan's header and its whole role list at once: the editor always sends the full plan. */
export async function updatePlan({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { planId, roles, ...fields } = parseAdminInput(updatePlanInput, input);
  await withTransaction(db, async (tx) => {
    const before = await findPlanRow(tx, actor.jurisdictionId, planId);
    if (!before) throw notFound('planNotFound');
    await tx.update(plans).set(fields).where(eq(plans.id, planId));
    const { roleCount, removedRoles } = await replacePlanRoles(tx, actor.jurisdictionId, planId, roles);
    await auditAdmin(tx, ctx, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: planId,
      data: {
        name: fields.name,
        previousName: before.name,
        incidentType: fields.incidentType,
        roleCount,
        removedRoles,
        ...(fields.targets ? { targets: fields.targets, previousTargets: before.targets } : {}),
      },
    });
  });
  return loadPlanView(ctx, planId);
}
