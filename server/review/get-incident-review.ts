import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { incidents, plans } from '../../db/schema';
import type { VerbContext } from '../context';
import type { IncidentReview } from '../contracts/review';
import { loadIncidentUpdates } from '../dispatch/incident-links';
import { loadFieldReports } from '../field-reports/views';
import { requireRole } from '../kernel/auth/actor';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { loadReservations } from '../materials/read-materials';
import { buildReview } from './build-review';
import { loadReviewFacts } from './load-review-facts';

const reviewInput = z.object({ incidentId: z.string().uuid() }).strict();

/**
 * 复盘: the after-action review of one incident or drill of the caller's jurisdiction, active or
 * lifted. Command roles only (the per-person times are about colleagues).
 */
export async function getIncidentReview({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentReview> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { incidentId } = parseInput(reviewInput, input);
  const [row] = await ctx.db
    .select({ incident: incidents, planName: plans.name })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, ctx.actor.jurisdictionId)));
  if (!row) throw notFound('incidentNotFound');
  const { incident } = row;
  const now = ctx.now();
  const facts = await loadReviewFacts(ctx.db, incident, now);
  const [materials, fieldReports, updates] = await Promise.all([
    loadReservations(ctx.db, { incidentId }),
    loadFieldReports(ctx.db, incidentId),
    loadIncidentUpdates(ctx.db, [incidentId]),
  ]);
  return {
    incident: {
      id: incident.id,
      planId: incident.planId,
      planName: row.planName,
      incidentType: incident.incidentType,
      description: incident.description,
      isDrill: incident.isDrill,
      status: incident.status,
      severity: incident.severity,
      createdAt: incident.createdAt.toISOString(),
      discoveredAt: facts.discoveredAt.toISOString(),
      liftedAt: incident.liftedAt?.toISOString() ?? null,
      liftReason: incident.liftReason,
    },
    targets: facts.targets,
    ...buildReview(facts),
    initialReportSignedAt: facts.initialReportSignedAt?.toISOString() ?? null,
    materials,
    fieldReports,
    updates: updates.get(incidentId) ?? [],
    generatedAt: now.toISOString(),
  };
}
