'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { emitWithAck } from '@/components/realtime/socket-client';
import type { AssignmentView } from '@/server/contracts/dispatch';
import type { CardAction } from './field-cards';

export type ActionState = { pending?: CardAction; error?: string };

type Options = { onApplied: (view: AssignmentView) => void; onConflict: () => void };

/** Sends 收到/出发/到达/完成 over the socket, one request per card at a time, and keeps each card's error. */
export function useCardActions({ onApplied, onConflict }: Options) {
  const t = useTranslations('field');
  const [states, setStates] = useState<Record<string, ActionState>>({});
  const inFlight = useRef(new Set<string>());

  const run = useCallback(
    async (assignmentId: string, action: CardAction) => {
      if (inFlight.current.has(assignmentId)) return;
      inFlight.current.add(assignmentId);
      setStates((s) => ({ ...s, [assignmentId]: { pending: action } }));
      const result =
        action === 'ack'
          ? await emitWithAck<AssignmentView>('assignment:ack', { assignmentId })
          : await emitWithAck<AssignmentView>('assignment:status', { assignmentId, status: action });
      inFlight.current.delete(assignmentId);
      if (result.ok) {
        onApplied(result.data);
        setStates((s) => ({ ...s, [assignmentId]: {} }));
        return;
      }
      const isOffline = result.error.code === 'timeout';
      setStates((s) => ({
        ...s,
        [assignmentId]: { error: isOffline ? t('errors.offline') : result.error.message || t('errors.generic') },
      }));
      // Another device may have moved the card on: re-read the truth instead of guessing.
      if (result.error.code === 'conflict') onConflict();
    },
    [onApplied, onConflict, t],
  );

  return { states, run };
}
