import { eq } from 'drizzle-orm';
import { departments, users } from '../../../db/schema';
import { enqueueNotifications } from '../../notify/enqueue-notifications';
import { reachedChannels } from './reached-channels';
import { skippedStep, type StepResult, type StepScope } from './step-scope';

/** Step "supervisor": the department's 科室负责人, if one is set, still in the department, active and on duty. */
export async function notifySupervisor({ tx, now, assignment, incident }: StepScope): Promise<StepResult> {
  const [department] = await tx
    .select({ supervisorId: departments.supervisorId })
    .from(departments)
    .where(eq(departments.id, assignment.departmentId));
  if (!department?.supervisorId) return skippedStep('noSupervisor');
  const [supervisor] = await tx.select().from(users).where(eq(users.id, department.supervisorId));
  // Moved to another department since: no longer this department's supervisor.
  if (!supervisor || supervisor.departmentId !== assignment.departmentId) return skippedStep('noSupervisor');
  if (!supervisor.isActive) return skippedStep('supervisorInactive');
  if (!supervisor.isOnDuty) return skippedStep('supervisorOffDuty');

  await enqueueNotifications(
    tx,
    {
      jurisdictionId: incident.jurisdictionId,
      incidentId: incident.id,
      assignmentId: assignment.id,
      userId: supervisor.id,
      kind: 'supervisor',
    },
    now,
  );
  const channels = await reachedChannels(tx, { assignmentId: assignment.id, userId: supervisor.id, kind: 'supervisor', at: now });
  return { channels, notifiedUserId: supervisor.id, notifiedName: supervisor.displayName, pageUserIds: [supervisor.id] };
}
