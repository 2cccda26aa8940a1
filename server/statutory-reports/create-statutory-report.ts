import { randomUUID } from 'node:crypto';
import { and, eq, max, sql } from 'drizzle-orm';
import { incidents, statutoryReports, statutoryReportVersions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { createStatutoryReportInput, type StatutoryReportView } from '../contracts/statutory-report-input';
import { conflict } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { prefillContent } from './prefill-content';
import { findScopedIncident, loadReportViews } from './report-reads';

/**
 * A new report's draft, version 1, prefilled from the incident. One 初报 and one 处理结果报告 per
 * incident; 续报 are numbered 1, 2, 3 ….
 */
export async function createStatutoryReport({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<StatutoryReportView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId, kind } = parseInput(createStatutoryReportInput, input);

  const reportId = await withTransaction(db, async (tx) => {
    await findScopedIncident(tx, actor.jurisdictionId, incidentId);
    // Takes the incident's row lock on PostgreSQL, so two 续报 created at once get 1 and 2, not a clash.
    await tx
      .update(incidents)
      .set({ updateSeq: sql`${incidents.updateSeq}` })
      .where(eq(incidents.id, incidentId));
    const [last] = await tx
      .select({ seq: max(statutoryReports.seq) })
      .from(statutoryReports)
      .where(and(eq(statutoryReports.incidentId, incidentId), eq(statutoryReports.kind, kind)));
    const previous = last?.seq ?? null;
    if (previous !== null && kind !== 'follow_up') throw conflict('statutoryReportExists');
    const seq = (previous ?? 0) + 1;
    const now = ctx.now();
    const id = randomUUID();
    const content = await prefillContent(tx, incidentId);
    await tx.insert(statutoryReports).values({ id, incidentId, kind, seq, createdBy: actor.id, createdAt: now });
    await tx
      .insert(statutoryReportVersions)
      .values({ id: randomUUID(), reportId: id, version: 1, content, savedBy: actor.id, savedAt: now });
    await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'statutory_report.created',
      entityType: 'statutory_report',
      entityId: id,
      incidentId,
      data: { kind, seq },
      at: now,
    });
    return id;
  });
  return (await loadReportViews(db, incidentId, reportId))[0]!;
}
