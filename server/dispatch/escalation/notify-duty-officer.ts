import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { enqueueNotifications } from '../../notify/enqueue-notifications';
import { reachedChannels } from './reached-channels';
import type { StepResult, StepScope } from './step-scope';

/**
 * Step "duty_officer": the command room always gets it (every open board shows the banner), and
 * the officer who started the incident gets it on their own channels. Duty officers are not on the
 * field roster: whoever started the incident is on shift. A deactivated one still leaves the group bot.
 */
export async function notifyDutyOfficer({ tx, now, assignment, incident }: StepScope): Promise<StepResult> {
  const [creator] = await tx.select().from(users).where(eq(users.id, incident.createdBy));
  const officer = creator?.isActive ? creator : null;
  await enqueueNotifications(
    tx,
    {
      jurisdictionId: incident.jurisdictionId,
      incidentId: incident.id,
      assignmentId: assignment.id,
      userId: officer?.id ?? null,
      kind: 'duty_officer',
    },
    now,
  );
  const channels = await reachedChannels(tx, { assignmentId: assignment.id, userId: officer?.id ?? null, kind: 'duty_officer', at: now });
  return {
    channels,
    notifiedUserId: officer?.id ?? null,
    notifiedName: officer?.displayName ?? null,
    pageUserIds: officer ? [officer.id] : [],
  };
}
