'use client';

import { useSyncExternalStore } from 'react';

// Whether this tab's socket was let go because the same person opened too many other pages
// (the `session:displaced` push). While it is, nothing reconnects on its own: reconnecting would
// push out one of the newer pages, which would reconnect in turn, for ever.
let isDisplaced = false;
const listeners = new Set<() => void>();

export function setDisplaced(value: boolean): void {
  if (isDisplaced === value) return;
  isDisplaced = value;
  for (const listener of listeners) listener();
}

export const wasDisplaced = () => isDisplaced;

// Set by the socket client when it creates the socket, so that a page can offer "use this page"
// without loading socket.io-client itself (the notice is on every page, the login page too).
let reconnect: (() => void) | null = null;
export const onReconnectRequested = (handler: () => void) => void (reconnect = handler);

/** The person chose this page over the others: take a connection again (the oldest other one goes). */
export function reconnectHere(): void {
  setDisplaced(false);
  reconnect?.();
}

export function useDisplaced(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isDisplaced,
    () => false,
  );
}
