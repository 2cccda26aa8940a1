'use client';

import { clearOfflineStates, countQueuedActions } from './offline-store';

// Every cache public/sw.js creates starts with this.
const CACHE_PREFIX = 'ecodispatch-';

/** Taps still queued on this browser, so logging out can warn before they are dropped. */
export function queuedActionsOnThisBrowser(): number {
  try {
    return countQueuedActions(window.localStorage);
  } catch {
    return 0;
  }
}

/** On logout: the next person on a shared phone must not see this person's cards, maps or queued taps. */
export async function clearOfflineData(): Promise<void> {
  try {
    clearOfflineStates(window.localStorage);
  } catch {
    // Storage blocked: nothing was stored either.
  }
  if (!('caches' in window)) return;
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
  } catch {
    // A cache that cannot be opened cannot be read by the next person either.
  }
}
