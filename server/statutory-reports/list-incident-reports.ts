import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { IncidentReportsView } from '../contracts/statutory-report-input';
import { parseInput } from '../kernel/validation';
import { findScopedIncident, loadInitialReportClock, loadReportViews } from './report-reads';

const listInput = z.object({ incidentId: z.string().uuid() });

/** The reports page: the incident's reports with their versions, the 初报 clock, and whether the caller may sign. */
export async function listIncidentReports({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentReportsView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId } = parseInput(listInput, input);
  const { incident } = await findScopedIncident(db, actor.jurisdictionId, incidentId);
  const [me] = await db.select({ canSignOff: users.canSignOff }).from(users).where(eq(users.id, actor.id));
  return {
    incident: {
      id: incident.id,
      description: incident.description,
      isDrill: incident.isDrill,
      status: incident.status,
      severity: incident.severity ?? null,
    },
    reports: await loadReportViews(db, incidentId),
    clock: await loadInitialReportClock(db, actor.jurisdictionId, incidentId),
    canSignOff: me?.canSignOff ?? false,
  };
}
