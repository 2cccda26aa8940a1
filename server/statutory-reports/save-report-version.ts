import { randomUUID } from 'node:crypto';
import { eq, max, sql } from 'drizzle-orm';
import { statutoryReports, statutoryReportVersions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { saveReportVersionInput, type StatutoryReportView } from '../contracts/statutory-report-input';
import { parseInput } from '../kernel/validation';
import { parseReportContent } from './parse-report-content';
import { findReport, findScopedIncident, loadReportViews } from './report-reads';

/**
 * Every save is a new version; none is overwritten, so a signed-off (签发) version stays as it was
 * signed and a correction after sign-off is simply the next version.
 */
export async function saveReportVersion({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<StatutoryReportView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId, reportId, content: raw } = parseInput(saveReportVersionInput, input);

  await withTransaction(db, async (tx) => {
    await findScopedIncident(tx, actor.jurisdictionId, incidentId);
    const report = await findReport(tx, incidentId, reportId);
    const content = parseReportContent(raw, report.kind);
    // The report's row lock (PostgreSQL): two saves at once become versions n and n + 1.
    await tx
      .update(statutoryReports)
      .set({ seq: sql`${statutoryReports.seq}` })
      .where(eq(statutoryReports.id, reportId));
    const [last] = await tx
      .select({ version: max(statutoryReportVersions.version) })
      .from(statutoryReportVersions)
      .where(eq(statutoryReportVersions.reportId, reportId));
    const version = (last?.version ?? 0) + 1;
    const now = ctx.now();
    await tx.insert(statutoryReportVersions).values({ id: randomUUID(), reportId, version, content, savedBy: actor.id, savedAt: now });
    await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'statutory_report.saved',
      entityType: 'statutory_report',
      entityId: reportId,
      incidentId,
      data: { kind: report.kind, seq: report.seq, version },
      at: now,
    });
  });
  return (await loadReportViews(db, incidentId, reportId))[0]!;
}
