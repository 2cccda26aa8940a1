// PURE state transitions for the field phone's list of open role cards.
import { statusRank, type AssignmentStatusName } from '@/server/contracts/assignment-status';
import type { AssignmentView, FieldProgressStatus, RoleCard } from '@/server/contracts/dispatch';
import type { AssignmentsSyncReply } from '@/server/contracts/events';

export type CardAction = 'ack' | FieldProgressStatus;

export const isAcknowledged = (status: AssignmentStatusName) => statusRank(status) >= statusRank('acknowledged');

/** Only forward steps are offered; the first is the big primary button. */
export function nextActions(status: AssignmentStatusName): CardAction[] {
  switch (status) {
    case 'sent':
    case 'delivered':
      return ['ack'];
    // Someone already standing at the point may report 到达 without 出发.
    case 'acknowledged':
      return ['en_route', 'on_scene'];
    case 'en_route':
      return ['on_scene'];
    case 'on_scene':
      return ['done'];
    case 'done':
      return [];
  }
}

/** A redelivered or newer card replaces the old copy, but never moves its status backwards. */
export function upsertCard(cards: RoleCard[], card: RoleCard): RoleCard[] {
  const existing = cards.find((c) => c.assignmentId === card.assignmentId);
  if (!existing) return [...cards, card];
  const isNewer = statusRank(card.status) >= statusRank(existing.status);
  return cards.map((c) => (c.assignmentId === card.assignmentId && isNewer ? card : c));
}

/** Applies a status change (from an ack or a push); out-of-order pushes cannot undo a step. */
export function applyAssignmentView(cards: RoleCard[], view: AssignmentView): RoleCard[] {
  if (view.closedAt) return cards.filter((c) => c.assignmentId !== view.id);
  return cards.map((card) => {
    if (card.assignmentId !== view.id || statusRank(view.status) < statusRank(card.status)) return card;
    return {
      ...card,
      status: view.status,
      acknowledgedAt: view.acknowledgedAt,
      enRouteAt: view.enRouteAt,
      onSceneAt: view.onSceneAt,
      doneAt: view.doneAt,
    };
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
  reply: AssignmentsSyncReply,
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
