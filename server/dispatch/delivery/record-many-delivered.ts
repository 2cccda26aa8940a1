import { and, eq, inArray, isNull } from 'drizzle-orm';
import { assignments, incidents } from '../../../db/schema';
import { withTransaction } from '../../../db/transaction';
import type { AssignmentStatus } from '../../contracts/assignment-lifecycle';
import { recordAudits, type AuditInput } from '../../kernel/audit/record-audit';
import { loadAssignmentViews } from '../views';
import type { ServerDeps } from '../../context';
import { assignmentUpdatedMessage } from '../../push/messages';

/** How we learnt the card reached the phone: its Socket.IO receipt, its own report, or its sync. */
export type DeliveryEvidence = 'receipt' | 'report' | 'sync';
export type DeliveredOutcome = { isRecorded: boolean; status: AssignmentStatus; jurisdictionId: string } | null;

// Bound on the ids per statement (SQLite's variable limit, and one statement's work).
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/**
 * Records `sent → delivered` for several cards in ONE transaction (one commit, one fsync), each
 * row conditional on still being `sent` and open, exactly as if recorded one by one: a late
 * receipt after 收到 (or after the alarm was lifted) changes nothing. Each recorded card gets its
 * audit row (the assignee's own act) and, after commit, its board update. A fan-out to thousands
 * of phones brings thousands of receipts within milliseconds; one commit each made the database
 * the bottleneck (bench/dispatch-fanout.ts). Outcomes come back in the order of `assignmentIds`.
 */
export async function recordManyDelivered(deps: ServerDeps, assignmentIds: string[], via: DeliveryEvidence): Promise<DeliveredOutcome[]> {
  const unique = [...new Set(assignmentIds)];
  if (unique.length === 0) return [];
  const outcomes = await withTransaction(deps.db, async (tx) => {
    const byId = new Map<string, DeliveredOutcome>();
    const now = deps.now();
    for (const ids of chunks(unique)) {
      const rows = await tx
        .select({ assignment: assignments, jurisdictionId: incidents.jurisdictionId })
        .from(assignments)
        .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
        .where(inArray(assignments.id, ids));
      const eligible = rows.filter(({ assignment }) => assignment.status === 'sent' && !assignment.closedAt);
      for (const { assignment, jurisdictionId } of rows)
        byId.set(assignment.id, { isRecorded: false, status: assignment.status, jurisdictionId });
      if (eligible.length === 0) continue;

      const updated = await tx
        .update(assignments)
        .set({ status: 'delivered', deliveredAt: now, nextPushAt: null })
        .where(
          and(
            inArray(
              assignments.id,
              eligible.map(({ assignment }) => assignment.id),
            ),
            eq(assignments.status, 'sent'),
            isNull(assignments.closedAt),
          ),
        )
        .returning({ id: assignments.id });
      const isUpdated = new Set(updated.map((row) => row.id));
      const audits: AuditInput[] = [];
      for (const { assignment, jurisdictionId } of eligible) {
        if (!isUpdated.has(assignment.id)) continue;
        audits.push({
          jurisdictionId,
          actorId: assignment.userId,
          action: 'assignment.delivered',
          entityType: 'assignment',
          entityId: assignment.id,
          incidentId: assignment.incidentId,
          data: { from: 'sent', role: assignment.roleName, via, pushAttempts: assignment.pushAttempts },
          at: now,
        });
        byId.set(assignment.id, { isRecorded: true, status: 'delivered', jurisdictionId });
      }
      await recordAudits(tx, audits);
    }
    return byId;
  });

  const recorded = unique.filter((id) => outcomes.get(id)?.isRecorded);
  for (const ids of chunks(recorded)) {
    for (const view of await loadAssignmentViews(deps.db, { assignmentIds: ids })) {
      const { jurisdictionId } = outcomes.get(view.id)!;
      deps.emitter.assignmentUpdated(jurisdictionId!, assignmentUpdatedMessage(view, { status: 'delivered' }));
    }
  }
  return assignmentIds.map((id) => outcomes.get(id) ?? null);
}
