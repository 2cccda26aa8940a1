import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { incidents } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { SEVERITIES, isSeverity } from '../contracts/severity';
import type { IncidentSummary } from '../contracts/dispatch';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { announceIncidentUpdate } from './announce';
import { loadIncidentSummary } from './views';

const severityInput = z.object({ incidentId: z.string().uuid(), severity: z.enum(SEVERITIES), reason: z.unknown().optional() });
const MIN_REASON = 2;
const MAX_REASON = 200;

function reasonOf(raw: unknown): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length < MIN_REASON) throw invalid('severityReasonRequired', { field: 'reason' });
  if (reason.length > MAX_REASON) throw invalid('severityReasonTooLong', { field: 'reason', max: MAX_REASON });
  return reason;
}

/**
 * 事件分级 set or changed, with the reason: an incident.severity_changed audit row {from, to, reason}
 * on the timeline. Allowed after the lift too, since the reports may revise the level. The 初报
 * deadline follows the level (server/contracts/report-deadline.ts).
 */
export async function setIncidentSeverity({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentSummary> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  // Here the level is required: absent or unknown, it is the same clear refusal.
  const given = typeof input === 'object' && input !== null ? (input as { severity?: unknown }).severity : undefined;
  if (!isSeverity(given)) throw invalid('unknownSeverity', { field: 'severity' });
  const parsed = parseInput(severityInput, input);
  const reason = reasonOf(parsed.reason);

  const auditId = await withTransaction(db, async (tx) => {
    const [incident] = await tx
      .select({ severity: incidents.severity })
      .from(incidents)
      .where(and(eq(incidents.id, parsed.incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!incident) throw notFound('incidentNotFound');
    const from = incident.severity ?? null;
    if (from === parsed.severity) throw conflict('severityUnchanged');
    await tx.update(incidents).set({ severity: parsed.severity }).where(eq(incidents.id, parsed.incidentId));
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'incident.severity_changed',
      entityType: 'incident',
      entityId: parsed.incidentId,
      incidentId: parsed.incidentId,
      data: { from, to: parsed.severity, reason },
      at: ctx.now(),
    });
    return audit.id;
  });
  const summary = (await loadIncidentSummary(db, actor.jurisdictionId, parsed.incidentId))!;
  announceIncidentUpdate(ctx, summary, { auditId });
  return summary;
}
