import type { VerbContext } from '../context';
import type { AssignmentView, IncidentSummary, RoleCard } from '../contracts/dispatch';
import { pushCard } from '../delivery/push-card';
import { withTurnsHeld } from '../realtime/run-in-turn';
import { assignmentUpdatedMessage } from '../push/messages';

// How long one stretch of pushing cards may hold the event loop. A 1,000-person fan-out pushed in
// one stretch held it ≈ 0.2 s (bench/event-loop-delay.ts): no ping, no HTTP request, no timer ran.
const PUSH_SLICE_MS = 10;

// Save, then emit: these run only after the verb's transaction has committed.
// Message ids are derived from the fact (the assignment and its state, or the audit row that
// caused the change), so a redelivery carries the same id and clients can drop it.

/**
 * Pushes attempt 1 of each role card (its receipt marks it delivered, else the redelivery worker
 * retries), then tells the board. A large fan-out goes out in slices of PUSH_SLICE_MS with a loop
 * turn between them; the phones' own events wait until the last card is out (withTurnsHeld).
 * Resolves when every card has been handed to Socket.IO, with when the first and the last one were.
 */
export async function announceIncident(
  ctx: VerbContext,
  incident: IncidentSummary,
  cards: RoleCard[],
): Promise<{ firstCardAt: number | null; lastCardAt: number | null }> {
  let firstCardAt: number | null = null;
  await withTurnsHeld(async () => {
    let sliceStarted = performance.now();
    for (const card of cards) {
      firstCardAt ??= performance.now();
      if (performance.now() - sliceStarted >= PUSH_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
      void pushCard(ctx, card);
    }
  });
  const lastCardAt = cards.length > 0 ? performance.now() : null;
  announceIncidentUpdate(ctx, incident, 'triggered');
  return { firstCardAt, lastCardAt };
}

export function announceIncidentUpdate(ctx: VerbContext, incident: IncidentSummary, causeId: string): void {
  ctx.emitter.incidentUpdated(ctx.actor.jurisdictionId, { messageId: `incident:${incident.id}:${causeId}`, incident });
}

export function announceAssignmentUpdate(ctx: VerbContext, assignment: AssignmentView): void {
  ctx.emitter.assignmentUpdated(ctx.actor.jurisdictionId, assignmentUpdatedMessage(assignment));
}
