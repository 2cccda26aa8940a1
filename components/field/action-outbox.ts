// PURE: the phone's queue of 收到/出发/到达/完成 taps that could not reach the server yet.
import type { AckResult } from '@/server/contracts/events';
import { STATUS_TIMESTAMP, statusRank, type AssignmentStatus, type PersonStep } from '@/server/contracts/assignment-lifecycle';
import type { RoleCard } from '@/server/contracts/dispatch';
import { STEP_ACTION, type CardAction } from './field-cards';

/** One tap waiting for the network. `occurredAt` is the time of the tap, sent along so the step keeps it. */
export type QueuedAction = { id: string; assignmentId: string; action: CardAction; occurredAt: string };

/** The status each button moves a card to (the inverse of STEP_ACTION). */
export const ACTION_STATUS = Object.fromEntries(Object.entries(STEP_ACTION).map(([step, action]) => [action, step])) as Record<
  CardAction,
  PersonStep
>;

/** Appends a tap; a second tap on a step already queued for the card (a double tap) adds nothing. */
export function enqueueAction(outbox: readonly QueuedAction[], item: QueuedAction): QueuedAction[] {
  const target = statusRank(ACTION_STATUS[item.action]);
  const isCovered = outbox.some(
    (queued) => queued.assignmentId === item.assignmentId && statusRank(ACTION_STATUS[queued.action]) >= target,
  );
  return isCovered ? [...outbox] : [...outbox, item];
}

export const queuedFor = (outbox: readonly QueuedAction[], assignmentId: string) =>
  outbox.filter((item) => item.assignmentId === assignmentId);

/**
 * What the phone shows: each card moved on by its queued taps, stamped with the tap times, so the
 * person sees the step they took (marked as waiting to be sent) and is offered the next one.
 */
export function withQueuedActions(cards: readonly RoleCard[], outbox: readonly QueuedAction[]): RoleCard[] {
  if (outbox.length === 0) return [...cards];
  return cards.map((card) => {
    let shown = card;
    for (const item of queuedFor(outbox, card.assignmentId)) {
      const status = ACTION_STATUS[item.action];
      if (statusRank(status) <= statusRank(shown.status)) continue;
      shown = { ...shown, status, [STATUS_TIMESTAMP[status]]: item.occurredAt };
    }
    return shown;
  });
}

/**
 * sent: the server took it. done: nothing left to send (the server is already at or past that step,
 * or the card is gone). retry: the network or server failed, keep it for later. failed: refused.
 */
export type FlushVerdict = 'sent' | 'done' | 'retry' | 'failed';

// Failures that say nothing about the action itself: try again on the next connection.
const RETRYABLE = new Set(['timeout', 'rate_limited', 'internal', 'unauthenticated']);

/** Judges a replayed action by its ack and the card's status on the server (undefined when the card is closed). */
export function judgeFlushResult(item: QueuedAction, result: AckResult<unknown>, serverStatus: AssignmentStatus | undefined): FlushVerdict {
  if (result.ok) return 'sent';
  if (RETRYABLE.has(result.error.code)) return 'retry';
  if (serverStatus === undefined) return 'done';
  // Another device, or this one before the network dropped, already got there: the step happened.
  if (result.error.code === 'conflict' && statusRank(serverStatus) >= statusRank(ACTION_STATUS[item.action])) return 'done';
  return 'failed';
}

/** Before replaying, skip what the server no longer needs: cards it closed, steps it already has. */
export function isAlreadyApplied(item: QueuedAction, serverStatus: AssignmentStatus | undefined): boolean {
  return serverStatus === undefined || statusRank(serverStatus) >= statusRank(ACTION_STATUS[item.action]);
}
