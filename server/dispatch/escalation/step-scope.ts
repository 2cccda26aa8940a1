import type { DbOrTx } from '../../../db';
import type { Assignment, Incident, User } from '../../../db/schema';
import type { EscalationChannel, EscalationSkipReason } from '../../contracts/escalation';

/** What a step sees: the unacknowledged assignment, its incident and assignee, inside the step's transaction. */
export type StepScope = {
  tx: DbOrTx;
  now: Date;
  assignment: Assignment;
  incident: Incident;
  assignee: User;
};

/** What a step did, for the audit row and for the pushes after commit. */
export type StepResult = {
  notifiedUserId: string | null;
  notifiedName: string | null;
  skipped?: EscalationSkipReason;
  /** What carried the message to the notified person (reached-channels.ts); [] when nothing could. */
  channels?: EscalationChannel[];
  /** People whose own room gets `escalation:raised` (the command room always does). */
  pageUserIds: string[];
  /** Push this assignment's card again to its assignee. */
  repushAssignmentId?: string;
  /** A backup's new assignment, to push and show on the board. */
  backupAssignmentId?: string;
};

export const skippedStep = (skipped: EscalationSkipReason): StepResult => ({
  notifiedUserId: null,
  notifiedName: null,
  skipped,
  pageUserIds: [],
});
