import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { plans } from '../../db/schema';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import type { PlanView } from '../contracts/views';
import { listPlans } from './list-plans';

export async function findPlanRow(db: DbOrTx, jurisdictionId: string, planId: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.jurisdictionId, jurisdictionId)));
  return row;
}

/** One plan as listPlans shows it, active or not; read after commit. */
export async function loadPlanView(ctx: VerbContext, planId: string): Promise<PlanView> {
  const plan = (await listPlans({ ctx, includeInactive: true })).find((candidate) => candidate.id === planId);
  if (!plan) throw notFound('planNotFound');
  return plan;
}
