// PURE state transitions for the field phone's list of open role cards.
import {
  isAcknowledged,
  isAtOrBeyond,
  NEXT_STEPS,
  PERSON_STEPS,
  timesOf,
  type AssignmentStatus,
  type PersonStep,
  type ProgressStep,
} from '@/server/contracts/assignment-lifecycle';
import type { AssignmentView, RoleCard } from '@/server/contracts/dispatch';
import type { AssignmentsSyncReply } from '@/server/contracts/events';

/** A button on the card: 收到 is `ack`, the name of its event; every later step is named as its status. */
export type CardAction = 'ack' | ProgressStep;
export { isAcknowledged };

/** The button for each step a person takes, derived from the lifecycle's steps. */
export const STEP_ACTION = Object.fromEntries(PERSON_STEPS.map((step) => [step, step === 'acknowledged' ? 'ack' : step])) as Record<
  PersonStep,
  CardAction
>;

/** Only forward steps are offered (server/contracts/assignment-lifecycle.ts); the first is the big primary button. */
export const nextActions = (status: AssignmentStatus): CardAction[] => NEXT_STEPS[status].map((step) => STEP_ACTION[step]);

/** A card's status and the time of every step a person takes, taken from a view: every step, whatever the lifecycle holds. */
const progressOf = (view: AssignmentView) => ({ status: view.status, ...timesOf(PERSON_STEPS, view, (at: string | null) => at) });

/** A redelivered or newer card replaces the old copy, but never moves its status backwards. */
export function upsertCard(cards: RoleCard[], card: RoleCard): RoleCard[] {
  const existing = cards.find((c) => c.assignmentId === card.assignmentId);
  if (!existing) return [...cards, card];
  const isNewer = isAtOrBeyond(card.status, existing.status);
  return cards.map((c) => (c.assignmentId === card.assignmentId && isNewer ? card : c));
}

/** Applies a status change (from an ack or a push); out-of-order pushes cannot undo a step. */
export function applyAssignmentView(cards: RoleCard[], view: AssignmentView): RoleCard[] {
  if (view.closedAt) return cards.filter((c) => c.assignmentId !== view.id);
  return cards.map((card) => {
    if (card.assignmentId !== view.id || !isAtOrBeyond(view.status, card.status)) return card;
    return { ...card, ...progressOf(view) };
  });
}

/**
 * Applies the server's answer to `assignments:sync {held}`: cards the phone lacked are added, held
 * cards take the server's state, and held cards the server no longer lists were closed and go.
 * A card that arrived after the sync was asked for stays: the server may have read the database
 * before it was committed.
 */
export function applySync(
  cards: RoleCard[],
  reply: Pick<AssignmentsSyncReply, 'missing' | 'held'>,
  askedFor: ReadonlySet<string>,
  isPushedSinceSync: (assignmentId: string) => boolean,
): RoleCard[] {
  const views = new Map(reply.held.map((view) => [view.id, view]));
  let next = cards.filter(
    (card) => views.has(card.assignmentId) || !askedFor.has(card.assignmentId) || isPushedSinceSync(card.assignmentId),
  );
  for (const view of views.values()) next = applyAssignmentView(next, view);
  for (const card of reply.missing) next = upsertCard(next, card);
  return next.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

/** Cards still waiting for 收到, oldest first: the alert overlay shows them one at a time. */
export function pendingAcknowledgement(cards: RoleCard[], liftedIncidentIds: ReadonlySet<string>): RoleCard[] {
  return cards.filter((c) => !isAcknowledged(c.status) && !liftedIncidentIds.has(c.incidentId));
}

/** Plan instructions are prose; one step per sentence reads better as a checklist on a phone. */
export function splitSteps(instructions: string): string[] {
  return instructions
    .split(/[。；;\n]+/)
    .map((step) => step.trim())
    .filter(Boolean);
}
