import { eq } from 'drizzle-orm';
import { assignments, incidents, users, type EscalationStep } from '../../../db/schema';
import { withTransaction } from '../../../db/transaction';
import { recordAudit } from '../../kernel/audit/record-audit';
import { isEscalationStep, type EscalationAuditData } from '../../contracts/escalation';
import { announceEscalation } from './announce-escalation';
import { claimEscalationStep } from './claim-escalation-step';
import type { ServerDeps } from '../../context';
import type { EscalationOutcome } from './escalation-outcome';
import type { DueEscalation } from './find-due-escalations';
import { notifyDutyOfficer } from './notify-duty-officer';
import { notifySupervisor } from './notify-supervisor';
import { pageBackup } from './page-backup';
import { realertAssignee } from './realert-assignee';
import { skippedStep, type StepResult, type StepScope } from './step-scope';

const STEPS: Record<EscalationStep, (scope: StepScope) => Promise<StepResult>> = {
  realert: realertAssignee,
  backup: pageBackup,
  supervisor: notifySupervisor,
  duty_officer: notifyDutyOfficer,
};

/**
 * Runs one due step in one transaction: claim it, do it (page, enqueue, create the backup's card),
 * write `escalation.<step>` on the incident timeline and schedule the next step. Pushes follow the
 * commit. Returns null when there was nothing to do (acknowledged, lifted, or another worker won).
 */
export async function runEscalationStep(deps: ServerDeps, due: DueEscalation): Promise<EscalationOutcome | null> {
  const now = deps.now();
  const outcome = await withTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select({ assignment: assignments, incident: incidents, assignee: users })
      .from(assignments)
      .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
      .innerJoin(users, eq(users.id, assignments.userId))
      .where(eq(assignments.id, due.id));
    if (!row || row.incident.status !== 'active') return null;
    if (!(await claimEscalationStep(tx, due, now))) return null;

    const { assignment, incident, assignee } = row;
    const name = due.escalationSteps[due.escalationStep];
    // The policy is validated when a plan is saved; a hand-edited row must still not stop the chain.
    const step: EscalationStep | null = isEscalationStep(name) ? name : null;
    const result = step ? await STEPS[step]({ tx, now, assignment, incident, assignee }) : skippedStep('unknownStep');
    const data: EscalationAuditData = {
      assignmentId: assignment.id,
      step: step ?? 'realert',
      level: due.escalationStep + 1,
      of: due.escalationSteps.length,
      role: assignment.roleName,
      assigneeId: assignee.id,
      assigneeName: assignee.displayName,
      notifiedUserId: result.notifiedUserId,
      notifiedName: result.notifiedName,
      ...(result.channels ? { channels: result.channels } : {}),
      ...(result.backupAssignmentId ? { backupAssignmentId: result.backupAssignmentId } : {}),
      ...(result.skipped ? { skipped: result.skipped } : {}),
    };
    const audit = await recordAudit(tx, {
      jurisdictionId: incident.jurisdictionId,
      actorId: null,
      action: step ? `escalation.${step}` : 'escalation.unknown',
      entityType: 'assignment',
      entityId: assignment.id,
      incidentId: incident.id,
      data,
      at: now,
    });
    return {
      jurisdictionId: incident.jurisdictionId,
      incidentId: incident.id,
      assignmentId: assignment.id,
      step: data.step,
      level: data.level,
      auditId: audit.id,
      at: now,
      result,
    };
  });
  if (outcome) await announceEscalation(deps, outcome);
  return outcome;
}
