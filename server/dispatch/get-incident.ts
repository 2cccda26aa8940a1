import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, auditEvents, shortfalls, users } from '../../db/schema';
import { isCommand } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { IncidentDetail } from '../contracts/dispatch';
import { forbidden, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { loadAssignmentViews, loadIncidentSummary } from './views';
import { toTimeline } from './timeline';
import { loadIncidentUpdates } from './incident-links';
import { loadInitialReportClock } from '../statutory-reports/report-reads';

const getIncidentInput = z.object({ incidentId: z.string().uuid() });

/** The incident with every assignment, its shortfalls and its timeline (read from the audit rows). */
export async function getIncident({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentDetail> {
  const { actor, db } = ctx;
  const { incidentId } = parseInput(getIncidentInput, input);
  const summary = await loadIncidentSummary(db, actor.jurisdictionId, incidentId);
  if (!summary) throw notFound('incidentNotFound');

  if (!isCommand(actor)) {
    // Field staff may read an incident they are assigned to; nobody else outside command may.
    const mine = await db.select({ userId: assignments.userId }).from(assignments).where(eq(assignments.incidentId, incidentId));
    if (!mine.some((row) => row.userId === actor.id)) throw forbidden();
  }

  const timeline = await db
    .select({ event: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.incidentId, incidentId))
    .orderBy(asc(auditEvents.createdAt));
  const gaps = await db.select().from(shortfalls).where(eq(shortfalls.incidentId, incidentId));

  return {
    ...summary,
    assignments: await loadAssignmentViews(db, { incidentId }),
    updates: (await loadIncidentUpdates(db, [incidentId])).get(incidentId) ?? [],
    shortfalls: gaps.map(({ planRoleId, roleName, departmentId, required, assigned }) => ({
      planRoleId,
      roleName,
      departmentId,
      required,
      assigned,
    })),
    timeline: toTimeline(timeline),
    initialReport: await loadInitialReportClock(db, actor.jurisdictionId, incidentId),
  };
}
