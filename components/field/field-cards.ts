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
import type { AssignmentView, IncidentUpdateView, RoleCard } from '@/server/contracts/dispatch';
import type { AssignmentsSyncReply, IncidentUpdatePostedMessage } from '@/server/contracts/events';

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
  return cards.map((c) =>
    c.assignmentId === card.assignmentId && isNewer ? { ...card, updates: mergeUpdates(existing.updates, card.updates) } : c,
  );
}

/** Applies a status change (from an ack or a push); out-of-order pushes cannot undo a step. */
export function applyAssignmentView(cards: RoleCard[], view: AssignmentView): RoleCard[] {
  if (view.closedAt) return cards.filter((c) => c.assignmentId !== view.id);
  return cards.map((card) => {
    if (card.assignmentId !== view.id || !isAtOrBeyond(view.status, card.status)) return card;
    return { ...card, ...progressOf(view) };
  });
}

/** The updates of both lists, each once, in order: a redelivered 情况通报 is not a second one. */
export function mergeUpdates(current: IncidentUpdateView[], incoming: IncidentUpdateView[]): IncidentUpdateView[] {
  const bySeq = new Map(current.map((update) => [update.seq, update]));
  for (const update of incoming) bySeq.set(update.seq, update);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * 情况通报 for an incident: every card of it takes the incident as it now is (location, type,
 * linked enterprises) and gains the update. An older update arriving late does not roll the
 * incident back: its state is taken only from the newest update the card has seen.
 */
export function applyIncidentUpdate(cards: RoleCard[], message: Pick<IncidentUpdatePostedMessage, 'update' | 'incident'>): RoleCard[] {
  return cards.map((card) => {
    if (card.incidentId !== message.update.incidentId) return card;
    const newest = card.updates.at(-1)?.seq ?? 0;
    return {
      ...card,
      incident: message.update.seq >= newest ? message.incident : card.incident,
      updates: mergeUpdates(card.updates, [message.update]),
    };
  });
}

/** Held cards the server sent again in full because of 情况通报: their incident and updates, not their status. */
export function reviseCards(cards: RoleCard[], revised: RoleCard[]): RoleCard[] {
  const byId = new Map(revised.map((card) => [card.assignmentId, card]));
  return cards.map((card) => {
    const fresh = byId.get(card.assignmentId);
    return fresh ? { ...card, incident: fresh.incident, updates: mergeUpdates(card.updates, fresh.updates) } : card;
  });
}

/** The newest 情况通报 the phone holds, per incident: what its receipt confirms. */
export function latestUpdateSeqs(cards: RoleCard[]): Map<string, number> {
  const seqs = new Map<string, number>();
  for (const card of cards) {
    const seq = card.updates.at(-1)?.seq ?? 0;
    if (seq > (seqs.get(card.incidentId) ?? 0)) seqs.set(card.incidentId, seq);
  }
  return seqs;
}

/**
 * Applies the server's answer to `assignments:sync {held}`: cards the phone lacked are added, held
 * cards take the server's state, and held cards the server no longer lists were closed and go.
 * A card that arrived after the sync was asked for stays: the server may have read the database
 * before it was committed.
 */
export function applySync(
  cards: RoleCard[],
  reply: Pick<AssignmentsSyncReply, 'missing' | 'held'> & Partial<Pick<AssignmentsSyncReply, 'revised'>>,
  askedFor: ReadonlySet<string>,
  isPushedSinceSync: (assignmentId: string) => boolean,
): RoleCard[] {
  const views = new Map(reply.held.map((view) => [view.id, view]));
  let next = cards.filter(
    (card) => views.has(card.assignmentId) || !askedFor.has(card.assignmentId) || isPushedSinceSync(card.assignmentId),
  );
  for (const view of views.values()) next = applyAssignmentView(next, view);
  next = reviseCards(next, reply.revised ?? []);
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
