import { and, asc, eq, isNotNull, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import {
  assignments,
  auditEvents,
  departments,
  incidents,
  notifications,
  plans,
  statutoryReports,
  statutoryReportVersions,
  users,
} from '../../db/schema';
import { isEscalationStep, type EscalationAuditData } from '../contracts/escalation';
import type { ReviewFacts } from './review-input';

type IncidentRow = typeof incidents.$inferSelect;

/** Reads one incident's facts for the review (assignments, escalation steps, outside messages, the 初报's sign-off). */
export async function loadReviewFacts(db: DbOrTx, incident: IncidentRow, now: Date): Promise<ReviewFacts> {
  const [plan] = await db.select({ targets: plans.targets }).from(plans).where(eq(plans.id, incident.planId));
  const cards = await db
    .select({ assignment: assignments, userName: users.displayName, department: departments.name })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .innerJoin(departments, eq(departments.id, assignments.departmentId))
    .where(eq(assignments.incidentId, incident.id))
    .orderBy(asc(departments.code), asc(assignments.roleName), asc(users.displayName));
  const escalationRows = await db
    .select({ data: auditEvents.data, createdAt: auditEvents.createdAt, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.incidentId, incident.id), like(auditEvents.action, 'escalation.%')))
    .orderBy(asc(auditEvents.createdAt));
  const sentMessages = await db
    .select({ assignmentId: notifications.assignmentId, channel: notifications.channel, status: notifications.status })
    .from(notifications)
    .where(eq(notifications.incidentId, incident.id));
  const signed = await db
    .select({ signedOffAt: statutoryReportVersions.signedOffAt })
    .from(statutoryReportVersions)
    .innerJoin(statutoryReports, eq(statutoryReports.id, statutoryReportVersions.reportId))
    .where(
      and(
        eq(statutoryReports.incidentId, incident.id),
        eq(statutoryReports.kind, 'initial'),
        isNotNull(statutoryReportVersions.signedOffAt),
      ),
    )
    .orderBy(asc(statutoryReportVersions.signedOffAt))
    .limit(1);

  return {
    isDrill: incident.isDrill,
    isActive: incident.status === 'active',
    pressedAt: incident.createdAt,
    discoveredAt: incident.discoveredAt ?? incident.createdAt,
    endAt: incident.liftedAt ?? now,
    now,
    targets: plan!.targets,
    assignments: cards.map(({ assignment: a, userName, department }) => ({
      id: a.id,
      userId: a.userId,
      userName,
      role: a.roleName,
      planRoleId: a.planRoleId,
      departmentId: a.departmentId,
      department,
      status: a.status,
      sentAt: a.sentAt,
      deliveredAt: a.deliveredAt,
      acknowledgedAt: a.acknowledgedAt,
      enRouteAt: a.enRouteAt,
      onSceneAt: a.onSceneAt,
      doneAt: a.doneAt,
      stoodDownAt: a.stoodDownAt,
      stoodDownReason: a.stoodDownReason,
      acknowledgedVia: a.acknowledgedVia,
      acknowledgedById: a.acknowledgedById,
      backupForId: a.backupForId,
    })),
    escalations: escalationRows.flatMap(({ data, createdAt }) => {
      const event = data as Partial<EscalationAuditData>;
      if (!event.assignmentId || !isEscalationStep(event.step)) return [];
      return [
        {
          assignmentId: event.assignmentId,
          step: event.step,
          level: event.level ?? 0,
          at: createdAt,
          notifiedName: event.notifiedName ?? null,
          channels: event.channels ?? [],
          skipped: event.skipped ?? null,
        },
      ];
    }),
    notifications: sentMessages.flatMap((row) => (row.assignmentId ? [{ ...row, assignmentId: row.assignmentId }] : [])),
    initialReportSignedAt: signed[0]?.signedOffAt ?? null,
  };
}
