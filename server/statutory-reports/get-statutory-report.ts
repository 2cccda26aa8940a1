import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { statutoryReportRef, type StatutoryReportView } from '../contracts/statutory-report-input';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { findScopedIncident, loadReportViews } from './report-reads';

/** One report with all its versions (oldest first) and its neighbour notifications. */
export async function getStatutoryReport({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<StatutoryReportView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId, reportId } = parseInput(statutoryReportRef, input);
  await findScopedIncident(db, actor.jurisdictionId, incidentId);
  const [report] = await loadReportViews(db, incidentId, reportId);
  if (!report) throw notFound('statutoryReportNotFound');
  return report;
}
