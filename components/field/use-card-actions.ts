'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState, type RefObject } from 'react';
import { emitWithAck, isSocketConnected } from '@/components/realtime/socket-client';
import type { AssignmentView, RoleCard } from '@/server/contracts/dispatch';
import type { AckResult } from '@/server/contracts/events';
import { enqueueAction, isAlreadyApplied, judgeFlushResult, queuedFor, type QueuedAction } from './action-outbox';
import type { CardAction } from './field-cards';

export type ActionState = { pending?: CardAction; error?: string };

type Options = {
  cardsRef: RefObject<RoleCard[]>;
  outboxRef: RefObject<QueuedAction[]>;
  updateOutbox: (change: (current: QueuedAction[]) => QueuedAction[]) => void;
  onApplied: (view: AssignmentView) => void;
  /** Re-reads the server's truth; resolves false when it could not. */
  resync: () => Promise<boolean>;
};

function emitAction(item: Pick<QueuedAction, 'assignmentId' | 'action'>, occurredAt?: string): Promise<AckResult<AssignmentView>> {
  const timing = occurredAt ? { occurredAt } : {};
  return item.action === 'ack'
    ? emitWithAck<AssignmentView>('assignment:ack', { assignmentId: item.assignmentId, ...timing })
    : emitWithAck<AssignmentView>('assignment:status', { assignmentId: item.assignmentId, status: item.action, ...timing });
}

// crypto.randomUUID exists only in secure contexts; a phone on plain http on the intranet has none.
const newItemId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Sends 收到/出发/到达/完成 over the socket. Without a connection, or when the server does not answer,
 * the tap is queued with its time and replayed in order once the phone is back (`flush`).
 */
export function useCardActions({ cardsRef, outboxRef, updateOutbox, onApplied, resync }: Options) {
  const t = useTranslations('field');
  const tOffline = useTranslations('offline');
  const [states, setStates] = useState<Record<string, ActionState>>({});
  const inFlight = useRef(new Set<string>());
  const flushing = useRef(false);

  const setState = useCallback((assignmentId: string, state: ActionState) => setStates((s) => ({ ...s, [assignmentId]: state })), []);

  const flush = useCallback(async () => {
    if (flushing.current || !isSocketConnected()) return;
    flushing.current = true;
    try {
      for (let item = outboxRef.current[0]; item; item = outboxRef.current[0]) {
        const { id, assignmentId } = item;
        const serverStatus = () => cardsRef.current.find((card) => card.assignmentId === assignmentId)?.status;
        const remove = () => updateOutbox((current) => current.filter((queued) => queued.id !== id));
        if (isAlreadyApplied(item, serverStatus())) {
          remove();
          continue;
        }
        const result = await emitAction(item, item.occurredAt);
        let verdict = judgeFlushResult(item, result, serverStatus());
        // The status we hold may be old: ask again before calling a conflict a failure.
        if (verdict === 'failed' && !result.ok && result.error.code === 'conflict' && (await resync())) {
          verdict = judgeFlushResult(item, result, serverStatus());
        }
        if (verdict === 'retry') break;
        if (verdict === 'sent' && result.ok) onApplied(result.data);
        if (verdict !== 'failed') {
          remove();
          continue;
        }
        // Later taps on the same card depended on this one: they cannot succeed either.
        updateOutbox((current) => current.filter((queued) => queued.assignmentId !== assignmentId));
        const reason = result.ok ? '' : result.error.message || t('errors.generic');
        setState(assignmentId, { error: tOffline('replayFailed', { action: t(`actions.${item.action}`), reason }) });
      }
    } finally {
      flushing.current = false;
    }
  }, [cardsRef, outboxRef, updateOutbox, onApplied, resync, setState, t, tOffline]);

  const queue = useCallback(
    (assignmentId: string, action: CardAction, occurredAt: string) => {
      updateOutbox((current) => enqueueAction(current, { id: newItemId(), assignmentId, action, occurredAt }));
      setState(assignmentId, {});
    },
    [setState, updateOutbox],
  );

  const run = useCallback(
    async (assignmentId: string, action: CardAction) => {
      if (inFlight.current.has(assignmentId)) return;
      // The moment of the tap is what the board must show, however late it arrives.
      const occurredAt = new Date().toISOString();
      // Queued taps go first, in order: a later step must not overtake an earlier one.
      if (!isSocketConnected() || queuedFor(outboxRef.current, assignmentId).length > 0) {
        queue(assignmentId, action, occurredAt);
        void flush();
        return;
      }
      inFlight.current.add(assignmentId);
      setState(assignmentId, { pending: action });
      const result = await emitAction({ assignmentId, action });
      inFlight.current.delete(assignmentId);
      if (result.ok) {
        onApplied(result.data);
        setState(assignmentId, {});
        return;
      }
      // No answer: the server may or may not have it. Replaying is safe, a repeat counts as done.
      if (result.error.code === 'timeout') {
        queue(assignmentId, action, occurredAt);
        return;
      }
      setState(assignmentId, { error: result.error.message || t('errors.generic') });
      // Another device may have moved the card on: re-read the truth instead of guessing.
      if (result.error.code === 'conflict') void resync();
    },
    [flush, onApplied, outboxRef, queue, resync, setState, t],
  );

  return { states, run, flush };
}
