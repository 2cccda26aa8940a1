import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, incidents } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { stopPendingForIncident } from './delivery/stop-pending';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { incidentLiftedMessage } from '../push/messages';
import { announceIncidentUpdate } from './announce';
import { loadIncidentSummary } from './views';

const liftInput = z.object({ incidentId: z.string().uuid(), reason: z.unknown().optional() });
const MIN_REASON = 2;
const MAX_REASON = 200;

/** The reason is required: the timeline, the phones and the statutory reports all say why the alarm ended. */
function liftReasonOf(raw: unknown): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length < MIN_REASON) throw invalid('liftReasonRequired', { field: 'reason' });
  if (reason.length > MAX_REASON) throw invalid('liftReasonTooLong', { field: 'reason', max: MAX_REASON });
  return reason;
}

/** 警报解除, with its reason: closes the incident and every open card; assignees are told after commit. */
export async function liftIncident({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const parsed = parseInput(liftInput, input);
  const { incidentId } = parsed;
  const reason = liftReasonOf(parsed.reason);

  const outcome = await withTransaction(db, async (tx) => {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!incident) throw notFound('incidentNotFound');
    if (incident.status !== 'active') throw conflict('incidentAlreadyLifted');

    const now = ctx.now();
    const changed = await tx
      .update(incidents)
      .set({ status: 'lifted', liftedAt: now, liftedBy: actor.id, liftReason: reason })
      .where(and(eq(incidents.id, incidentId), eq(incidents.status, 'active')))
      .returning({ id: incidents.id });
    if (changed.length === 0) throw conflict('incidentAlreadyLifted');

    const closed = await tx
      .update(assignments)
      .set({ closedAt: now })
      .where(and(eq(assignments.incidentId, incidentId), isNull(assignments.closedAt)))
      .returning({ id: assignments.id, userId: assignments.userId });
    await stopPendingForIncident(tx, incidentId);
    // After the cancel above, which would otherwise take these messages with it: the group, and
    // every assignee on their own channels (a phone whose page is closed must hear it too).
    const notice = { jurisdictionId: actor.jurisdictionId, incidentId, kind: 'lifted' as const };
    await enqueueNotifications(
      tx,
      [
        { ...notice, assignmentId: null, userId: null },
        ...closed.map((card) => ({ ...notice, assignmentId: card.id, userId: card.userId })),
      ],
      now,
    );
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'incident.lifted',
      entityType: 'incident',
      entityId: incidentId,
      incidentId,
      data: { closedAssignments: closed.length, reason },
      at: now,
    });
    return { liftedAt: now, userIds: closed.map((row) => row.userId), auditId: audit.id };
  });

  ctx.emitter.incidentLifted(outcome.userIds, incidentLiftedMessage(incidentId, outcome.liftedAt, reason));
  const incident = (await loadIncidentSummary(db, actor.jurisdictionId, incidentId))!;
  announceIncidentUpdate(ctx, incident, { auditId: outcome.auditId });
  return incident;
}
