import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, incidents, notifications, users } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { assignmentStoodDownMessage } from '../push/messages';
import { announceAssignmentUpdate, announceIncidentUpdate } from './announce';
import { recomputeShortfalls } from './recompute-shortfalls';
import { loadAssignmentView, loadIncidentSummary } from './views';

const standDownInput = z.object({ assignmentId: z.string().uuid(), reason: z.unknown().optional() });
export const MIN_STAND_DOWN_REASON = 2;
export const MAX_STAND_DOWN_REASON = 200;

function reasonOf(raw: unknown): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length < MIN_STAND_DOWN_REASON) throw invalid('standDownReasonRequired', { field: 'reason' });
  if (reason.length > MAX_STAND_DOWN_REASON) throw invalid('standDownReasonTooLong', { field: 'reason', max: MAX_STAND_DOWN_REASON });
  return reason;
}

/**
 * 撤回: the duty officer stands one person down from a running incident, with a reason. The card
 * closes in the terminal status `stood_down`; its re-pushes, escalation and queued messages stop;
 * the role's shortfall is recomputed. After commit the phone is told (`assignment:stood_down`; a
 * phone that was away learns it from `assignments:sync`) and the board gets the row.
 */
export async function standDownAssignment({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const parsed = parseInput(standDownInput, input);
  const reason = reasonOf(parsed.reason);

  const outcome = await withTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ assignment: assignments, incident: incidents, userName: users.displayName })
      .from(assignments)
      .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
      .innerJoin(users, eq(users.id, assignments.userId))
      .where(and(eq(assignments.id, parsed.assignmentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!found) throw notFound('assignmentNotFound');
    if (found.incident.status !== 'active') throw conflict('incidentAlreadyLifted');
    if (found.assignment.closedAt !== null) throw conflict('assignmentAlreadyClosed');

    const now = ctx.now();
    const closed = await tx
      .update(assignments)
      .set({ status: 'stood_down', stoodDownAt: now, stoodDownReason: reason, closedAt: now, nextPushAt: null, nextEscalationAt: null })
      .where(and(eq(assignments.id, parsed.assignmentId), isNull(assignments.closedAt)))
      .returning({ id: assignments.id });
    if (closed.length === 0) throw conflict('assignmentAlreadyClosed');
    // Nothing queued for this card may ring any more (SMS, voice, Web Push re-sends).
    await tx
      .update(notifications)
      .set({ status: 'cancelled', nextAttemptAt: null })
      .where(and(eq(notifications.assignmentId, parsed.assignmentId), eq(notifications.status, 'pending')));
    // After the cancel above: the person hears of it by SMS and Web Push (when allowed), like the card itself.
    await enqueueNotifications(
      tx,
      {
        jurisdictionId: actor.jurisdictionId,
        incidentId: found.incident.id,
        assignmentId: parsed.assignmentId,
        userId: found.assignment.userId,
        kind: 'stood_down',
      },
      now,
    );
    await recomputeShortfalls(tx, found.incident, [found.assignment.planRoleId]);
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'assignment.stood_down',
      entityType: 'assignment',
      entityId: parsed.assignmentId,
      incidentId: found.incident.id,
      data: { userId: found.assignment.userId, person: found.userName, role: found.assignment.roleName, reason },
      at: now,
    });
    return { at: now, assignment: found.assignment, auditId: audit.id };
  });

  ctx.emitter.assignmentStoodDown(outcome.assignment.userId, assignmentStoodDownMessage(outcome.assignment, outcome.at, reason));
  const view = (await loadAssignmentView(db, parsed.assignmentId))!;
  announceAssignmentUpdate(ctx, view);
  const incident = (await loadIncidentSummary(db, actor.jurisdictionId, outcome.assignment.incidentId))!;
  announceIncidentUpdate(ctx, incident, { auditId: outcome.auditId });
  return view;
}
