import { randomUUID } from 'node:crypto';
import { plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { planFields } from '../contracts/admin';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { loadPlanView } from './find-plan';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { replacePlanRoles } from './replace-plan-roles';

export async function createPlan({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const { roles, ...fields } = parseAdminInput(planFields, input);
  const planId = await withTransaction(db, async (tx) => {
    const id = randomUUID();
    await tx.insert(plans).values({ id, jurisdictionId: actor.jurisdictionId, ...fields, isActive: true, createdAt: ctx.now() });
    const { roleCount } = await replacePlanRoles(tx, actor.jurisdictionId, id, roles);
    await auditAdmin(tx, ctx, {
      action: 'plan.created',
      entityType: 'plan',
      entityId: id,
      data: { name: fields.name, incidentType: fields.incidentType, roleCount },
    });
    return id;
  });
  return loadPlanView(ctx, planId);
}
