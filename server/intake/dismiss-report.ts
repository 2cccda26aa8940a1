import { and, eq } from 'drizzle-orm';
import { intakeReports } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { dismissReportInput } from '../contracts/intake';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import { conflict, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { reportUpdatedMessage } from '../push/messages';
import { loadReportViews } from './report-view';

/** The duty officer dismisses a pending report (a false alarm, a duplicate) and says why. */
export async function dismissReport({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { reportId, reason } = parseInput(dismissReportInput, input);
  const { jurisdictionId, id: actorId } = ctx.actor;
  const now = ctx.now();
  const scoped = and(eq(intakeReports.id, reportId), eq(intakeReports.jurisdictionId, jurisdictionId));
  await withTransaction(ctx.db, async (tx) => {
    const dismissed = await tx
      .update(intakeReports)
      .set({ status: 'dismissed', dismissReason: reason, decidedBy: actorId, decidedAt: now })
      .where(and(scoped, eq(intakeReports.status, 'pending')))
      .returning({ id: intakeReports.id });
    if (dismissed.length === 0) {
      const [existing] = await tx.select({ id: intakeReports.id }).from(intakeReports).where(scoped);
      throw existing ? conflict('reportAlreadyDecided') : notFound('reportNotFound');
    }
    await recordAudit(tx, {
      jurisdictionId,
      actorId,
      action: 'report.dismissed',
      entityType: 'intake_report',
      entityId: reportId,
      data: { reason },
      at: now,
    });
  });
  const [view] = await loadReportViews(ctx.db, jurisdictionId, { reportId });
  ctx.emitter.reportUpdated(jurisdictionId, reportUpdatedMessage(view!));
  return view!;
}
