import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { assignments, incidents, type EscalationStep } from '../../../db/schema';
import type { Db } from '../../../db';
import { UNACKNOWLEDGED_STATUSES } from '../../contracts/assignment-lifecycle';

export type DueEscalation = {
  id: string;
  escalationStep: number;
  nextEscalationAt: Date;
  escalationSteps: EscalationStep[];
  ackTimeoutSeconds: number;
};

/** Unacknowledged, open assignments of active incidents whose next escalation step is due, oldest first. */
export async function findDueEscalations(db: Db, now: Date, limit: number): Promise<DueEscalation[]> {
  const rows = await db
    .select({
      id: assignments.id,
      escalationStep: assignments.escalationStep,
      nextEscalationAt: assignments.nextEscalationAt,
      escalationSteps: assignments.escalationSteps,
      ackTimeoutSeconds: assignments.ackTimeoutSeconds,
    })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        lte(assignments.nextEscalationAt, now),
        isNull(assignments.closedAt),
        inArray(assignments.status, UNACKNOWLEDGED_STATUSES),
        eq(incidents.status, 'active'),
      ),
    )
    .orderBy(asc(assignments.nextEscalationAt))
    .limit(limit);
  return rows.flatMap((row) => (row.nextEscalationAt ? [{ ...row, nextEscalationAt: row.nextEscalationAt }] : []));
}
