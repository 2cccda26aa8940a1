import type { VerbContext } from '../context';
import type { AssignmentView, IncidentSummary, RoleCard } from '../contracts/dispatch';
import { pushCard } from '../delivery/push-card';

// Save, then emit: these run only after the verb's transaction has committed.
// Message ids are derived from the fact (the assignment and its state, or the audit row that
// caused the change), so a redelivery carries the same id and clients can drop it.

export function announceIncident(ctx: VerbContext, incident: IncidentSummary, cards: RoleCard[]): void {
  // Push attempt 1 of each card; its receipt marks it delivered, else the redelivery worker retries.
  for (const card of cards) void pushCard(ctx, card);
  announceIncidentUpdate(ctx, incident, 'triggered');
}

export function announceIncidentUpdate(ctx: VerbContext, incident: IncidentSummary, causeId: string): void {
  ctx.emitter.incidentUpdated(ctx.actor.jurisdictionId, { messageId: `incident:${incident.id}:${causeId}`, incident });
}

export function announceAssignmentUpdate(ctx: VerbContext, assignment: AssignmentView): void {
  ctx.emitter.assignmentUpdated(ctx.actor.jurisdictionId, {
    messageId: `assignment:${assignment.id}:${assignment.status}`,
    assignment,
  });
}
