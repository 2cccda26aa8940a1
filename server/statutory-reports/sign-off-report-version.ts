import { and, eq, isNull, max } from 'drizzle-orm';
import { statutoryReportVersions, users } from '../../db/schema';
import { raceLost } from '../../db/race-lost';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { initialReportDeadline } from '../contracts/report-deadline';
import { signOffReportVersionInput, type StatutoryReportView } from '../contracts/statutory-report-input';
import { conflict, forbidden, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { announceIncidentUpdate } from '../dispatch/announce';
import { loadIncidentSummary } from '../dispatch/views';
import { findReport, findScopedIncident, loadReportViews, loadInitialReportClock } from './report-reads';

/**
 * 签发: only a user with 签发权 (users.can_sign_off, read fresh, so a right withdrawn a minute ago
 * is gone) in the incident's jurisdiction, and only the report's latest version. The version is then
 * frozen. The first signed-off 初报 fixes whether the deadline was met, recorded in its audit row.
 */
export async function signOffReportVersion({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<StatutoryReportView> {
  const { actor, db } = ctx;
  const { incidentId, reportId, version } = parseInput(signOffReportVersionInput, input);
  const [me] = await db.select({ canSignOff: users.canSignOff, isActive: users.isActive }).from(users).where(eq(users.id, actor.id));
  if (!me?.canSignOff || !me.isActive || actor.role === 'enterprise' || actor.role === 'field_staff') throw forbidden('signOffNotAllowed');

  const auditId = await withTransaction(db, async (tx) => {
    const { incident, minutes } = await findScopedIncident(tx, actor.jurisdictionId, incidentId);
    const report = await findReport(tx, incidentId, reportId);
    const [row] = await tx
      .select()
      .from(statutoryReportVersions)
      .where(and(eq(statutoryReportVersions.reportId, reportId), eq(statutoryReportVersions.version, version)));
    if (!row) throw notFound('reportVersionNotFound');
    if (row.signedOffAt) throw conflict('reportVersionFrozen');
    const [latest] = await tx
      .select({ version: max(statutoryReportVersions.version) })
      .from(statutoryReportVersions)
      .where(eq(statutoryReportVersions.reportId, reportId));
    if (latest?.version !== version) throw conflict('reportVersionSuperseded');

    const before = report.kind === 'initial' ? await loadInitialReportClock(tx, actor.jurisdictionId, incidentId) : null;
    const now = ctx.now();
    const signed = await tx
      .update(statutoryReportVersions)
      .set({ signedOffBy: actor.id, signedOffAt: now })
      .where(and(eq(statutoryReportVersions.id, row.id), isNull(statutoryReportVersions.signedOffAt)))
      .returning({ id: statutoryReportVersions.id });
    if (signed.length === 0) throw raceLost(conflict('reportVersionFrozen'));

    const isFirstInitial = before !== null && before.signedOffAt === null;
    const deadline = initialReportDeadline(incident.discoveredAt ?? incident.createdAt, minutes, incident.severity ?? null);
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'statutory_report.signed_off',
      entityType: 'statutory_report',
      entityId: reportId,
      incidentId,
      data: {
        kind: report.kind,
        seq: report.seq,
        version,
        ...(isFirstInitial ? { deadline: deadline.toISOString(), isDeadlineMet: now.getTime() <= deadline.getTime() } : {}),
      },
      at: now,
    });
    return audit.id;
  });
  // The board's 初报 clock stops at the first sign-off: it re-reads on this.
  const summary = await loadIncidentSummary(db, actor.jurisdictionId, incidentId);
  if (summary) announceIncidentUpdate(ctx, summary, { auditId });
  return (await loadReportViews(db, incidentId, reportId))[0]!;
}
