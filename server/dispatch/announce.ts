import type { VerbContext } from '../context';
import type { AssignmentView, IncidentSummary, RoleCard } from '../contracts/dispatch';

// Save, then emit: these run only after the verb's transaction has committed.
// Message ids are derived from the fact (the assignment and its state, or the audit row that
// caused the change), so a redelivery carries the same id and clients can drop it.

export function announceIncident(ctx: VerbContext, incident: IncidentSummary, cards: RoleCard[]): void {
  // Receipts are recorded by server/delivery; here the push is fire-and-forget.
  for (const card of cards) void ctx.emitter.assignmentNew(card.assigneeId, card);
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
