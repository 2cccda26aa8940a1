import type { EscalationStep } from '../../contracts/escalation';
import type { StepResult } from './step-scope';

/** What one escalation step did, committed: run-escalation-step.ts makes it, announce-escalation.ts pushes it. */
export type EscalationOutcome = {
  jurisdictionId: string;
  incidentId: string;
  assignmentId: string;
  step: EscalationStep;
  level: number;
  auditId: string;
  at: Date;
  result: StepResult;
};
