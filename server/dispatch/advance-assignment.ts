import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { preparedOn } from '../../db/prepared';
import { assignments, departments, incidents, users } from '../../db/schema';
import { raceLost } from '../../db/race-lost';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { conflict, forbidden, notFound } from '../kernel/errors';
import { requireRole } from '../kernel/auth/actor';
import { ALLOWED_FROM, STATUS_TIMESTAMP, type AssignmentStatus, type PersonStep, type ReachedBy } from '../contracts/assignment-lifecycle';
import { assertPhotoSentIfRequired } from '../field-reports/photo-requirement';
import { stopPendingForAssignment } from './delivery/stop-pending';
import { announceAssignmentUpdate } from './announce';
import { announceIncidentCounts } from './announce-counts';
import { assignmentColumns, toAssignmentView } from './views';

/** 收到 recorded by a duty officer for the assignee, who was reached another way. */
export type OnBehalf = { reachedBy: ReachedBy; note?: string };

/**
 * Moves an assignment forward one step: the caller's own, or (`onBehalf`, 收到 only) one of their
 * jurisdiction's, recorded by a duty officer. The update is conditional on the status read, so two
 * racing presses cannot both win: the loser gets a Conflict and nothing is written twice.
 */
export async function advanceAssignment(
  ctx: VerbContext,
  assignmentId: string,
  to: PersonStep,
  options: { occurredAt?: string; onBehalf?: OnBehalf; repliedBy?: 'sms' } = {},
) {
  const { db, actor } = ctx;
  const { onBehalf } = options;
  if (onBehalf) requireRole(actor, 'duty_officer', 'admin');
  const result = await withTransaction(db, async (tx) => {
    const [row] = await readAssignment(tx).execute({ assignmentId });
    if (!row || row.jurisdictionId !== actor.jurisdictionId) throw notFound('assignmentNotFound');
    if (!onBehalf && row.assignment.userId !== actor.id) throw forbidden('notYourAssignment');
    if (row.incidentStatus !== 'active' || row.assignment.closedAt) throw conflict('incidentClosed');
    if (!(ALLOWED_FROM[to] as readonly AssignmentStatus[]).includes(row.assignment.status)) {
      throw conflict('statusTransition', { from: row.assignment.status, to });
    }
    if (to === 'done') await assertPhotoSentIfRequired(tx, row.assignment);

    const now = ctx.now();
    const at = stepTime(options.occurredAt, row.assignment.sentAt, now);
    const [updated] = await stepUpdate(tx, to).execute({ assignmentId, from: row.assignment.status, at });
    // Changed since read (on PostgreSQL a receipt may have turned `sent` into `delivered`): read again.
    if (!updated) throw raceLost(conflict('statusTransition', { from: row.assignment.status, to }));
    // The assignee's own 收到 by replying to the SMS (acknowledge-by-sms-reply.ts), or one recorded for them.
    const acknowledgedVia = onBehalf ? onBehalf.reachedBy : options.repliedBy && to === 'acknowledged' ? options.repliedBy : null;
    if (acknowledgedVia) {
      await tx.update(assignments).set({ acknowledgedVia, acknowledgedById: actor.id }).where(eq(assignments.id, assignmentId));
    }
    await stopPendingForAssignment(tx, row.assignment);

    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: `assignment.${to}`,
      entityType: 'assignment',
      entityId: assignmentId,
      incidentId: row.assignment.incidentId,
      data: {
        from: row.assignment.status,
        role: row.assignment.roleName,
        // Recorded for the assignee: the timeline names both, and how they were reached.
        ...(onBehalf
          ? { userId: row.assignment.userId, reachedBy: onBehalf.reachedBy, ...(onBehalf.note ? { note: onBehalf.note } : {}) }
          : {}),
        ...(options.repliedBy && !onBehalf ? { repliedBy: options.repliedBy } : {}),
        // An action queued offline keeps the time it was taken; the row's own time is when it arrived.
        ...(at.getTime() !== now.getTime() ? { occurredAt: at.toISOString() } : {}),
      },
      at: now,
    });
    // The board row as committed: the row the update returned (locked until the commit) and the person
    // and department read above. No read-back after the commit (a round trip less per 收到 on PostgreSQL).
    const written = { ...updated, ...(acknowledgedVia ? { acknowledgedVia, acknowledgedById: actor.id } : {}) };
    const view = toAssignmentView({ ...row, assignment: written });
    return { incidentId: row.assignment.incidentId, auditId: audit.id, view };
  });

  const { view } = result;
  announceAssignmentUpdate(ctx, view);
  // Only 收到 changes the summary's counts; later steps reach the board as the row above.
  if (to === 'acknowledged') await announceIncidentCounts(ctx, result.incidentId, result.auditId);
  return view;
}

// Prepared once per connection: every 收到 and status step reads its row this way (building
// and preparing the join each time cost more than running it; bench/ack-ingest.ts), with what
// the board row shows of the person (views.ts), so the row after the step needs no read-back.
function readAssignment(db: DbOrTx) {
  return preparedOn(db, 'assignment-with-incident', (on) =>
    on
      .select({ ...assignmentColumns, incidentStatus: incidents.status, jurisdictionId: incidents.jurisdictionId })
      .from(assignments)
      .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
      .innerJoin(users, eq(users.id, assignments.userId))
      .innerJoin(departments, eq(departments.id, assignments.departmentId))
      .where(eq(assignments.id, sql.placeholder('assignmentId')))
      .prepare(),
  );
}

/**
 * `status → to` with the step's time, only if still `from` and open; prepared per step. A step
 * also stops the card's own re-push and escalation (stopPendingForAssignment does the rest).
 */
function stepUpdate(db: DbOrTx, to: PersonStep) {
  return preparedOn(db, `assignment-step:${to}`, (on) =>
    on
      .update(assignments)
      .set({ status: to, [STATUS_TIMESTAMP[to]]: sql.placeholder('at'), nextPushAt: null, nextEscalationAt: null })
      .where(
        and(
          eq(assignments.id, sql.placeholder('assignmentId')),
          eq(assignments.status, sql.placeholder('from')),
          isNull(assignments.closedAt),
        ),
      )
      // The whole row as written: the board row is built from it.
      .returning()
      .prepare(),
  );
}

/**
 * The time a step happened. A phone that was offline sends the time the button was pressed; its
 * clock may be wrong, so the time is kept within [sent, now] rather than refused: refusing
 * would lose the acknowledgement itself.
 */
function stepTime(occurredAt: string | undefined, sentAt: Date, now: Date): Date {
  if (!occurredAt) return now;
  const claimed = new Date(occurredAt).getTime();
  return new Date(Math.min(Math.max(claimed, sentAt.getTime()), now.getTime()));
}
