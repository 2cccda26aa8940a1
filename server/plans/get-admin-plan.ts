import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { planRef } from '../contracts/admin';
import type { PlanView } from '../contracts/views';
import { loadPlanView } from './find-plan';
import { parseAdminInput } from '../kernel/parse-admin-input';

export async function getAdminPlan({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<PlanView> {
  requireRole(ctx.actor, 'admin');
  const { planId } = parseAdminInput(planRef, input);
  return loadPlanView(ctx, planId);
}
