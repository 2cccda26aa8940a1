'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { QueuedAction } from './action-outbox';
import { readOfflineState, restoreOfflineState, trackClosed, writeOfflineState } from './offline-store';

type Options = { userId: string; initialCards: RoleCard[]; renderedAt: number };

/**
 * The phone's open cards (as the server last said) and its queued taps. Refs hold the current
 * value so socket handlers and the replay loop never read a stale render; state mirrors them for
 * React. Every change is written to localStorage after it is committed, and only then are the
 * receipts of pushed cards sent: "received" means on screen and on the phone.
 */
export function useFieldStore({ userId, initialCards, renderedAt }: Options) {
  const [cards, setCards] = useState<RoleCard[]>(initialCards);
  const [outbox, setOutbox] = useState<QueuedAction[]>([]);
  const cardsRef = useRef(cards);
  const outboxRef = useRef(outbox);
  const closedIdsRef = useRef<string[]>([]);
  const receipts = useRef<Array<() => void>>([]);
  const [receiptTick, setReceiptTick] = useState(0);

  const updateCards = useCallback((change: (current: RoleCard[]) => RoleCard[]) => {
    const before = cardsRef.current;
    const next = change(before);
    const beforeIds = new Set(before.map((card) => card.assignmentId));
    const nextIds = new Set(next.map((card) => card.assignmentId));
    // Cards only ever leave the phone because they closed.
    const gone = [...beforeIds].filter((id) => !nextIds.has(id));
    const added = [...nextIds].filter((id) => !beforeIds.has(id));
    if (gone.length > 0 || added.length > 0) closedIdsRef.current = trackClosed(closedIdsRef.current, gone, added);
    cardsRef.current = next;
    setCards(next);
  }, []);
  const updateOutbox = useCallback((change: (current: QueuedAction[]) => QueuedAction[]) => {
    outboxRef.current = change(outboxRef.current);
    setOutbox(outboxRef.current);
  }, []);

  // Declared before the socket hook's effect, so a socket that is already connected syncs the restored cards.
  const initial = useRef({ cards: initialCards, renderedAt });
  useEffect(() => {
    const restored = restoreOfflineState(readOfflineState(window.localStorage, userId), initial.current);
    closedIdsRef.current = restored.closedIds;
    cardsRef.current = restored.cards;
    setCards(restored.cards);
    updateOutbox(() => restored.outbox);
  }, [userId, updateOutbox]);

  useEffect(() => {
    writeOfflineState(window.localStorage, userId, { cards: cardsRef.current, outbox: outboxRef.current, closedIds: closedIdsRef.current });
    // Even if the browser refused to store, the card is on screen: answering keeps the server from re-sending for ever.
    const due = receipts.current.splice(0);
    for (const acknowledgeReceipt of due) acknowledgeReceipt();
  }, [cards, outbox, receiptTick, userId]);

  /** Answers a push once the change made for it is committed and saved. */
  const afterSaved = useCallback((acknowledgeReceipt: () => void) => {
    receipts.current.push(acknowledgeReceipt);
    setReceiptTick((tick) => tick + 1);
  }, []);

  return { cards, outbox, cardsRef, outboxRef, updateCards, updateOutbox, afterSaved };
}
