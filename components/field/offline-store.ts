// The phone's own copy of its open cards and queued taps, so a reload without network still shows
// them. PURE apart from the Storage passed in; one key per user, so a shared phone never shows
// another person's cards.
import { statusRank } from '@/server/contracts/assignment-lifecycle';
import type { RoleCard } from '@/server/contracts/dispatch';
import { ACTION_STATUS, type QueuedAction } from './action-outbox';
import { mergeUpdates } from './field-cards';

export type OfflineState = {
  cards: RoleCard[];
  outbox: QueuedAction[];
  /** Cards this phone saw close (most recent last), so an older cached page cannot bring them back. */
  closedIds: string[];
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

type LegacyCard = RoleCard & { incident: RoleCard['incident'] & { enterprise?: RoleCard['incident']['enterprises'][number] | null } };

/** A card stored by an older version of this page: one linked enterprise, and no 情况通报 yet. */
const upgradeCard = (card: RoleCard): RoleCard => {
  const legacy = card as Partial<LegacyCard>;
  const incident = legacy.incident as LegacyCard['incident'];
  const { enterprise, ...rest } = incident;
  return {
    ...card,
    updates: Array.isArray(legacy.updates) ? legacy.updates : [],
    incident: { ...rest, enterprises: Array.isArray(incident.enterprises) ? incident.enterprises : enterprise ? [enterprise] : [] },
  };
};

/** The stored state, or null when there is none or it cannot be read (then the page starts from the server's). */
export function readOfflineState(storage: KeyValueStorage, userId: string): OfflineState | null {
  try {
    const raw = storage.getItem(offlineStateKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<OfflineState>;
    if (!Array.isArray(parsed.cards) || !Array.isArray(parsed.outbox)) return null;
    const closedIds = Array.isArray(parsed.closedIds) ? parsed.closedIds.filter((id): id is string => typeof id === 'string') : [];
    return { cards: parsed.cards.filter(isCard).map(upgradeCard), outbox: parsed.outbox.filter(isQueuedAction), closedIds };
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

const MAX_CLOSED_IDS = 200;

/** Keeps the list of closed cards current: what just went is added, what came back is taken off. */
export function trackClosed(closedIds: readonly string[], gone: readonly string[], added: readonly string[]): string[] {
  const back = new Set(added);
  const fresh = new Set(gone);
  const kept = closedIds.filter((id) => !back.has(id) && !fresh.has(id));
  return [...kept, ...gone.filter((id) => !back.has(id))].slice(-MAX_CLOSED_IDS);
}

/**
 * Which cards to start from, when the page may be fresh from the database or an older copy the
 * offline cache kept (the page cannot tell which). The page is right about every card sent before
 * it was rendered; a stored card sent after that is one the page could not know. A card the phone
 * saw close stays closed, and a step the phone already saw is never undone. Queued taps are kept.
 * Both times are the server's clock, so a wrong phone clock cannot confuse this.
 */
export function restoreOfflineState(stored: OfflineState | null, page: { renderedAt: number; cards: RoleCard[] }): OfflineState {
  if (!stored) return { cards: page.cards, outbox: [], closedIds: [] };
  const closed = new Set(stored.closedIds);
  const storedById = new Map(stored.cards.map((card) => [card.assignmentId, card]));
  const fromPage = page.cards
    .filter((card) => !closed.has(card.assignmentId))
    .map((card) => {
      const known = storedById.get(card.assignmentId);
      // The stored copy may know a later step (a queued tap); the page knows the incident as it is now.
      return known && statusRank(known.status) > statusRank(card.status)
        ? { ...known, incident: card.incident, updates: mergeUpdates(known.updates, card.updates) }
        : card;
    });
  const onPage = new Set(page.cards.map((card) => card.assignmentId));
  const newer = stored.cards.filter((card) => !onPage.has(card.assignmentId) && Date.parse(card.sentAt) > page.renderedAt);
  const cards = [...fromPage, ...newer].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  return { cards, outbox: stored.outbox, closedIds: stored.closedIds };
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
