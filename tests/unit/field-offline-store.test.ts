import { describe, expect, it } from 'vitest';
import type { QueuedAction } from '@/components/field/action-outbox';
import {
  clearOfflineStates,
  countQueuedActions,
  offlineStateKey,
  readOfflineState,
  restoreOfflineState,
  writeOfflineState,
  type OfflineState,
} from '@/components/field/offline-store';
import type { RoleCard } from '@/server/contracts/dispatch';

/** localStorage's interface over a Map, as the browser's behaves. */
function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const card = (assignmentId: string, status: RoleCard['status'] = 'sent') => ({ assignmentId, status, incident: {} }) as RoleCard;
const queued: QueuedAction = { id: 'q1', assignmentId: 'a', action: 'ack', occurredAt: '2026-04-14T02:01:00.000Z' };
const state = (renderedAt: number, cards: RoleCard[], outbox: QueuedAction[] = []): OfflineState => ({ renderedAt, cards, outbox });

describe('the phone offline store', () => {
  it('keeps each user apart, so a shared phone never shows another person’s cards', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state(1, [card('a')], [queued]));
    writeOfflineState(storage, 'user-2', state(1, [card('b')]));
    expect(readOfflineState(storage, 'user-1')?.cards.map((c) => c.assignmentId)).toEqual(['a']);
    expect(readOfflineState(storage, 'user-2')?.cards.map((c) => c.assignmentId)).toEqual(['b']);
    expect(readOfflineState(storage, 'user-3')).toBeNull();
    expect(countQueuedActions(storage)).toBe(1);
  });

  it('survives a reload with the queued taps intact, and ignores what it cannot read', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state(5, [card('a')], [queued]));
    expect(readOfflineState(storage, 'user-1')).toEqual(state(5, [card('a')], [queued]));
    storage.setItem(offlineStateKey('user-2'), '{not json');
    expect(readOfflineState(storage, 'user-2')).toBeNull();
    storage.setItem(
      offlineStateKey('user-3'),
      JSON.stringify({ renderedAt: 1, cards: [card('a'), { nope: 1 }], outbox: [queued, { id: 1 }] }),
    );
    expect(readOfflineState(storage, 'user-3')).toEqual(state(1, [card('a')], [queued]));
  });

  it('prefers a page fresh from the database, and the stored cards when the page came from the cache', () => {
    const stored = state(100, [card('a', 'delivered'), card('pushed-later')], [queued]);
    const fresh = restoreOfflineState(stored, { renderedAt: 200, cards: [card('a', 'acknowledged')] });
    expect(fresh).toEqual(state(200, [card('a', 'acknowledged')], [queued]));
    const cached = restoreOfflineState(stored, { renderedAt: 100, cards: [card('a')] });
    expect(cached).toEqual(stored);
    expect(restoreOfflineState(null, { renderedAt: 7, cards: [card('a')] })).toEqual(state(7, [card('a')]));
  });

  it('forgets every user’s cards on logout and leaves other keys alone', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state(1, [card('a')], [queued]));
    writeOfflineState(storage, 'user-2', state(1, [card('b')]));
    storage.setItem('other-app', 'x');
    clearOfflineStates(storage);
    expect([...storage.data.keys()]).toEqual(['other-app']);
  });

  it('reports a refused write instead of throwing', () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeOfflineState(storage, 'user-1', state(1, []))).toBe(false);
  });
});
