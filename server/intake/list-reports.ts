import type { VerbContext } from '../context';
import { requireRole } from '../kernel/auth/actor';
import { loadReportViews } from './report-view';

/** The command room's pending incidents (reports from other systems not yet confirmed or dismissed). */
export async function listPendingReports({ ctx }: { ctx: VerbContext; input?: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  return loadReportViews(ctx.db, ctx.actor.jurisdictionId, { status: 'pending' });
}
