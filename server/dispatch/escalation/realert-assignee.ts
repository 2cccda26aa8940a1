import { enqueueNotifications } from '../../notify/enqueue-notifications';
import { reachedChannels } from './reached-channels';
import { skippedStep, type StepResult, type StepScope } from './step-scope';

/**
 * Step "realert": the card again, louder (voice first when configured). Someone who has gone off
 * duty or been deactivated since the trigger is not paged again; the step says why on the timeline.
 */
export async function realertAssignee({ tx, now, assignment, incident, assignee }: StepScope): Promise<StepResult> {
  if (!assignee.isActive) return skippedStep('inactive');
  if (!assignee.isOnDuty) return skippedStep('offDuty');
  await enqueueNotifications(
    tx,
    { jurisdictionId: incident.jurisdictionId, incidentId: incident.id, assignmentId: assignment.id, userId: assignee.id, kind: 'realert' },
    now,
  );
  const channels = await reachedChannels(tx, { assignmentId: assignment.id, userId: assignee.id, kind: 'realert', at: now });
  return {
    notifiedUserId: assignee.id,
    notifiedName: assignee.displayName,
    channels,
    // The card keeps its message id (the phone already holds it), so the phone rings again on this message.
    pageUserIds: [assignee.id],
    repushAssignmentId: assignment.id,
  };
}
