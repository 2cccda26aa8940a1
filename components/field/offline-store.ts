// The phone's own copy of its open cards and queued taps, so a reload without network still shows
// them. PURE apart from the Storage passed in; one key per user, so a shared phone never shows
// another person's cards.
import type { RoleCard } from '@/server/contracts/dispatch';
import { ACTION_STATUS, type QueuedAction } from './action-outbox';

export type OfflineState = {
  /** Server time of the page render these cards descend from; tells a cached page from a fresh one. */
  renderedAt: number;
  cards: RoleCard[];
  outbox: QueuedAction[];
};

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'ecodispatch.field.v1:';

export const offlineStateKey = (userId: string) => `${PREFIX}${userId}`;

const isQueuedAction = (value: unknown): value is QueuedAction => {
  const item = value as Partial<QueuedAction> | null;
  return (
    typeof item?.id === 'string' &&
    typeof item.assignmentId === 'string' &&
    typeof item.occurredAt === 'string' &&
    typeof item.action === 'string' &&
    item.action in ACTION_STATUS
  );
};

const isCard = (value: unknown): value is RoleCard => {
  const card = value as Partial<RoleCard> | null;
  return typeof card?.assignmentId === 'string' && typeof card.status === 'string' && typeof card.incident === 'object';
};

/** The stored state, or null when there is none or it cannot be read (then the page starts from the server's). */
export function readOfflineState(storage: KeyValueStorage, userId: string): OfflineState | null {
  try {
    const raw = storage.getItem(offlineStateKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<OfflineState>;
    if (typeof parsed.renderedAt !== 'number' || !Array.isArray(parsed.cards) || !Array.isArray(parsed.outbox)) return null;
    return { renderedAt: parsed.renderedAt, cards: parsed.cards.filter(isCard), outbox: parsed.outbox.filter(isQueuedAction) };
  } catch {
    return null;
  }
}

/** Saves; false when the browser refused (private mode, full), and the page carries on in memory. */
export function writeOfflineState(storage: KeyValueStorage, userId: string, state: OfflineState): boolean {
  try {
    storage.setItem(offlineStateKey(userId), JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}

/**
 * Which cards to start from. A page rendered after the stored state began is fresh from the
 * database and wins; the same or an older render means the page came from the offline cache,
 * and the stored cards (which saw later pushes) win. Queued taps are always kept.
 * Both times are the server's clock, so a wrong phone clock cannot confuse this.
 */
export function restoreOfflineState(stored: OfflineState | null, page: { renderedAt: number; cards: RoleCard[] }): OfflineState {
  if (!stored) return { renderedAt: page.renderedAt, cards: page.cards, outbox: [] };
  if (page.renderedAt > stored.renderedAt) return { renderedAt: page.renderedAt, cards: page.cards, outbox: stored.outbox };
  return stored;
}

/** Every user's stored state on this browser (on logout). */
export function clearOfflineStates(storage: KeyValueStorage): void {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

/** How many taps are still queued on this browser, for any user (logout warns before dropping them). */
export function countQueuedActions(storage: KeyValueStorage): number {
  let count = 0;
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    count += readOfflineState(storage, key.slice(PREFIX.length))?.outbox.length ?? 0;
  }
  return count;
}
