import { and, asc, eq } from 'drizzle-orm';
import { incidents, plans } from '../../db/schema';
import type { VerbContext } from '../context';
import type { PlanDrillHistory } from '../contracts/review';
import { requireRole } from '../kernel/auth/actor';
import { loadReviewFacts } from './load-review-facts';
import { scoreDrill } from './score-drill';

/** Every plan's drills of the caller's jurisdiction, oldest first, scored against the plan's targets now. */
export async function listDrillHistory({ ctx }: { ctx: VerbContext }): Promise<PlanDrillHistory[]> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const rows = await ctx.db
    .select({ incident: incidents, planName: plans.name, targets: plans.targets })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .where(and(eq(incidents.jurisdictionId, ctx.actor.jurisdictionId), eq(incidents.isDrill, true)))
    .orderBy(asc(incidents.createdAt));
  const now = ctx.now();
  const byPlan = new Map<string, PlanDrillHistory>();
  for (const { incident, planName, targets } of rows) {
    const history = byPlan.get(incident.planId) ?? { planId: incident.planId, planName, targets, drills: [] };
    const facts = await loadReviewFacts(ctx.db, incident, now);
    history.drills.push({
      incidentId: incident.id,
      createdAt: incident.createdAt.toISOString(),
      status: incident.status,
      scoreCard: scoreDrill(facts),
    });
    byPlan.set(incident.planId, history);
  }
  return [...byPlan.values()];
}
