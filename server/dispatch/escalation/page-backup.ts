import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { assignments, departments, planRoleMembers, users } from '../../../db/schema';
import { recordAudit } from '../../kernel/audit/record-audit';
import { FIRST_REPUSH_AFTER_MS } from '../delivery/backoff';
import { enqueueNotifications } from '../../notify/enqueue-notifications';
import { pickBackup } from './pick-backup';
import { skippedStep, type StepResult, type StepScope } from './step-scope';

/**
 * Step "backup": a second person of the same department gets the same role card, as a new
 * assignment that points at the unanswered one. The backup's card has no escalation chain of its
 * own: the original's chain goes on until either of them acknowledges.
 */
export async function pageBackup({ tx, now, assignment, incident }: StepScope): Promise<StepResult> {
  const preferred = await tx
    .select({ userId: planRoleMembers.userId })
    .from(planRoleMembers)
    .where(eq(planRoleMembers.planRoleId, assignment.planRoleId))
    .orderBy(asc(planRoleMembers.priority));
  const staff = await tx
    .select({ id: users.id, departmentId: users.departmentId, isActive: users.isActive, isOnDuty: users.isOnDuty })
    .from(users)
    .where(
      and(
        eq(users.jurisdictionId, incident.jurisdictionId),
        eq(users.role, 'field_staff'),
        eq(users.departmentId, assignment.departmentId),
      ),
    )
    .orderBy(asc(users.username));
  const onIncident = await tx.select({ userId: assignments.userId }).from(assignments).where(eq(assignments.incidentId, incident.id));
  const supervisors = await tx
    .select({ id: departments.supervisorId })
    .from(departments)
    .where(and(eq(departments.jurisdictionId, incident.jurisdictionId), isNotNull(departments.supervisorId)));

  const backupId = pickBackup({
    departmentId: assignment.departmentId,
    preferredUserIds: preferred.map((row) => row.userId),
    staff,
    onIncident: new Set(onIncident.map((row) => row.userId)),
    supervisorIds: new Set(supervisors.flatMap((row) => (row.id ? [row.id] : []))),
  });
  if (!backupId) return skippedStep('noBackupOnDuty');
  const [backup] = await tx.select().from(users).where(eq(users.id, backupId));

  const backupAssignmentId = randomUUID();
  await tx.insert(assignments).values({
    id: backupAssignmentId,
    incidentId: incident.id,
    userId: backupId,
    planRoleId: assignment.planRoleId,
    departmentId: assignment.departmentId,
    roleName: assignment.roleName,
    instructions: assignment.instructions,
    materials: assignment.materials,
    targetLabel: assignment.targetLabel,
    targetLat: assignment.targetLat,
    targetLng: assignment.targetLng,
    sentAt: now,
    nextPushAt: new Date(now.getTime() + FIRST_REPUSH_AFTER_MS),
    ackTimeoutSeconds: assignment.ackTimeoutSeconds,
    escalationSteps: [],
    nextEscalationAt: null,
    backupForId: assignment.id,
  });
  await recordAudit(tx, {
    jurisdictionId: incident.jurisdictionId,
    actorId: null,
    action: 'assignment.sent',
    entityType: 'assignment',
    entityId: backupAssignmentId,
    incidentId: incident.id,
    data: { userId: backupId, role: assignment.roleName, backupFor: assignment.id },
    at: now,
  });
  await enqueueNotifications(
    tx,
    {
      jurisdictionId: incident.jurisdictionId,
      incidentId: incident.id,
      assignmentId: backupAssignmentId,
      userId: backupId,
      kind: 'backup',
    },
    now,
  );
  return { notifiedUserId: backupId, notifiedName: backup?.displayName ?? null, pageUserIds: [], backupAssignmentId };
}
