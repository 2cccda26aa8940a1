import type { ServerDeps } from '../../context';
import { findDueEscalations } from './find-due-escalations';
import type { EscalationOutcome } from './escalation-outcome';
import { runEscalationStep } from './run-escalation-step';
import { log } from '../../kernel/log/logger';

export const ESCALATION_BATCH_SIZE = 50;

/**
 * One pass: every due step, at most `batchSize` of them (the rest wait for the next tick). A step
 * that fails is logged and retried next tick; it never stops the others.
 */
export async function runEscalationTick(deps: ServerDeps, batchSize = ESCALATION_BATCH_SIZE): Promise<EscalationOutcome[]> {
  const due = await findDueEscalations(deps.db, deps.now(), batchSize);
  const outcomes: EscalationOutcome[] = [];
  for (const item of due) {
    try {
      const outcome = await runEscalationStep(deps, item);
      if (outcome) outcomes.push(outcome);
    } catch (error) {
      log().error({ err: error, escalationId: item.id }, 'escalation step failed');
    }
  }
  return outcomes;
}
