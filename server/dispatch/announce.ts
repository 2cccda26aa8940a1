import type { VerbContext } from '../context';
import type { AssignmentView, IncidentSummary, RoleCard } from '../contracts/dispatch';
import { pushCard } from './delivery/push-card';
import { pushInSlices } from '../push/fan-out';
import { assignmentUpdatedMessage, incidentUpdatedMessage } from '../push/messages';

// Save, then emit: these run only after the verb's transaction has committed. The messages and
// their ids come from server/push/messages.ts.

/**
 * Pushes attempt 1 of each role card (its receipt marks it delivered, else the redelivery worker
 * retries), then tells the board. A large fan-out goes out in slices (server/push/fan-out.ts).
 * Resolves when every card has been handed to Socket.IO, with when the first and the last one were.
 */
export async function announceIncident(
  ctx: VerbContext,
  incident: IncidentSummary,
  cards: RoleCard[],
): Promise<{ firstCardAt: number | null; lastCardAt: number | null }> {
  const { firstAt, lastAt } = await pushInSlices(cards, (card) => void pushCard(ctx, card));
  announceIncidentUpdate(ctx, incident, 'triggered');
  return { firstCardAt: firstAt, lastCardAt: lastAt };
}

/** The board's header changed because of `cause` (an audit row, or the trigger itself). */
export function announceIncidentUpdate(ctx: VerbContext, incident: IncidentSummary, cause: { auditId: string } | 'triggered'): void {
  ctx.emitter.incidentUpdated(ctx.actor.jurisdictionId, incidentUpdatedMessage(incident, cause));
}

export function announceAssignmentUpdate(ctx: VerbContext, assignment: AssignmentView): void {
  ctx.emitter.assignmentUpdated(ctx.actor.jurisdictionId, assignmentUpdatedMessage(assignment));
}
