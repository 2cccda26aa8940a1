import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { assignments, incidents, plans } from '../../db/schema';
import type { VerbContext } from '../context';
import { statisticsInput, type IncidentStatistics } from '../contracts/statistics';
import { requireRole } from '../kernel/auth/actor';
import { parseInput } from '../kernel/validation';
import { buildStatistics } from './build-statistics';
import { periodRange } from './period-range';

/** 统计报表: the real incidents (no drills) of the caller's jurisdiction in one month, quarter, half-year or year. */
export async function getStatistics({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentStatistics> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { period, year, index } = parseInput(statisticsInput, input);
  const { from, to } = periodRange(period, year, index);
  const rows = await ctx.db
    .select({ incident: incidents, planName: plans.name })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .where(
      and(
        eq(incidents.jurisdictionId, ctx.actor.jurisdictionId),
        eq(incidents.isDrill, false),
        gte(incidents.createdAt, from),
        lt(incidents.createdAt, to),
      ),
    );
  const ids = rows.map((row) => row.incident.id);
  const cards =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            incidentId: assignments.incidentId,
            status: assignments.status,
            sentAt: assignments.sentAt,
            acknowledgedAt: assignments.acknowledgedAt,
            onSceneAt: assignments.onSceneAt,
          })
          .from(assignments)
          .where(inArray(assignments.incidentId, ids));
  return buildStatistics(period, year, index, {
    incidents: rows.map(({ incident, planName }) => ({
      id: incident.id,
      isDrill: incident.isDrill,
      createdAt: incident.createdAt,
      incidentType: incident.incidentType,
      severity: incident.severity,
      planName,
      description: incident.description,
    })),
    assignments: cards,
  });
}
