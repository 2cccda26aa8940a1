import { randomUUID } from 'node:crypto';
import { neighbourNotifications } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { neighbourNotificationInput, type StatutoryReportView } from '../contracts/statutory-report-input';
import { invalid } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { findReport, findScopedIncident, loadReportViews } from './report-reads';

/** A little clock skew between the officer's computer and the server is not "in the future". */
const SKEW_MS = 5 * 60_000;

/** 通报毗邻地区: which neighbouring jurisdiction was told, whom, by what means and when. */
export async function recordNeighbourNotification({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<StatutoryReportView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const data = parseInput(neighbourNotificationInput, input);
  const notifiedAt = new Date(data.notifiedAt);
  const now = ctx.now();
  if (notifiedAt.getTime() > now.getTime() + SKEW_MS) throw invalid('notifiedAtInFuture', { field: 'notifiedAt' });

  await withTransaction(db, async (tx) => {
    await findScopedIncident(tx, actor.jurisdictionId, data.incidentId);
    const report = await findReport(tx, data.incidentId, data.reportId);
    const id = randomUUID();
    await tx.insert(neighbourNotifications).values({
      id,
      reportId: report.id,
      jurisdictionName: data.jurisdictionName,
      contact: data.contact,
      means: data.means,
      notifiedAt,
      recordedBy: actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'statutory_report.neighbour_notified',
      entityType: 'statutory_report',
      entityId: report.id,
      incidentId: data.incidentId,
      data: { jurisdictionName: data.jurisdictionName, contact: data.contact, means: data.means, notifiedAt: notifiedAt.toISOString() },
      at: now,
    });
  });
  return (await loadReportViews(db, data.incidentId, data.reportId))[0]!;
}
