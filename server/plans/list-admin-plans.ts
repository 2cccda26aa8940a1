import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { PlanView } from '../contracts/views';
import { listPlans } from './list-plans';

/** Every plan of the jurisdiction, inactive ones included, for editing. */
export async function listAdminPlans({ ctx }: { ctx: VerbContext }): Promise<PlanView[]> {
  requireRole(ctx.actor, 'admin');
  return listPlans({ ctx, includeInactive: true });
}
