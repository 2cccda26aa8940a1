import { describe, expect, it } from 'vitest';
import type { QueuedAction } from '@/components/field/action-outbox';
import {
  clearOfflineStates,
  countQueuedActions,
  offlineStateKey,
  readOfflineState,
  restoreOfflineState,
  trackClosed,
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

const card = (assignmentId: string, status: RoleCard['status'] = 'sent', sentAt = '2026-04-14T02:00:00.000Z') =>
  ({ assignmentId, status, sentAt, incident: { enterprises: [] }, updates: [] }) as unknown as RoleCard;
const queued: QueuedAction = { id: 'q1', assignmentId: 'a', action: 'ack', occurredAt: '2026-04-14T02:01:00.000Z' };
const state = (cards: RoleCard[], outbox: QueuedAction[] = [], closedIds: string[] = []): OfflineState => ({ cards, outbox, closedIds });
const at = (iso: string) => Date.parse(iso);

describe('the phone offline store', () => {
  it('keeps each user apart, so a shared phone never shows another person’s cards', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state([card('a')], [queued]));
    writeOfflineState(storage, 'user-2', state([card('b')]));
    expect(readOfflineState(storage, 'user-1')?.cards.map((c) => c.assignmentId)).toEqual(['a']);
    expect(readOfflineState(storage, 'user-2')?.cards.map((c) => c.assignmentId)).toEqual(['b']);
    expect(readOfflineState(storage, 'user-3')).toBeNull();
    expect(countQueuedActions(storage)).toBe(1);
  });

  it('survives a reload with the queued taps intact, and ignores what it cannot read', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state([card('a')], [queued]));
    expect(readOfflineState(storage, 'user-1')).toEqual(state([card('a')], [queued]));
    storage.setItem(offlineStateKey('user-2'), '{not json');
    expect(readOfflineState(storage, 'user-2')).toBeNull();
    storage.setItem(offlineStateKey('user-3'), JSON.stringify({ cards: [card('a'), { nope: 1 }], outbox: [queued, { id: 1 }] }));
    expect(readOfflineState(storage, 'user-3')).toEqual(state([card('a')], [queued]));
  });

  it('reads a card stored by the previous version: its one linked enterprise, and no 情况通报', () => {
    const storage = memoryStorage();
    const plant = { id: 'e1', name: '污水处理厂', address: '西永' };
    const legacy = { assignmentId: 'a', status: 'sent', sentAt: '2026-04-14T02:00:00.000Z', incident: { enterprise: plant } };
    storage.setItem(offlineStateKey('user-1'), JSON.stringify({ cards: [legacy], outbox: [] }));
    const [restored] = readOfflineState(storage, 'user-1')!.cards;
    expect(restored!.incident).toEqual({ enterprises: [plant] });
    expect(restored!.updates).toEqual([]);
  });

  it('trusts the page for cards sent before it was rendered, and keeps stored cards it could not know', () => {
    const stored = state(
      [
        card('stale', 'sent', '2026-04-14T01:00:00.000Z'),
        card('ahead', 'en_route'),
        card('pushed-later', 'sent', '2026-04-14T03:00:00.000Z'),
      ],
      [queued],
    );
    const page = { renderedAt: at('2026-04-14T02:30:00.000Z'), cards: [card('ahead', 'acknowledged'), card('new-on-page')] };
    const restored = restoreOfflineState(stored, page);
    // `stale` was sent before the render and the render did not list it: it closed.
    expect(restored.cards.map((c) => [c.assignmentId, c.status])).toEqual([
      ['ahead', 'en_route'],
      ['new-on-page', 'sent'],
      ['pushed-later', 'sent'],
    ]);
    expect(restored.outbox).toEqual([queued]);
    expect(restoreOfflineState(null, page)).toEqual(state(page.cards));
  });

  it('does not let an older cached page bring back a card the phone saw close', () => {
    const stored = state([], [], ['closed']);
    const cachedPage = { renderedAt: at('2026-04-14T02:30:00.000Z'), cards: [card('closed', 'acknowledged'), card('open')] };
    expect(restoreOfflineState(stored, cachedPage).cards.map((c) => c.assignmentId)).toEqual(['open']);
    expect(trackClosed(['a', 'b'], ['c'], ['a'])).toEqual(['b', 'c']);
    expect(
      trackClosed(
        Array.from({ length: 200 }, (_, i) => `x${i}`),
        ['new'],
        [],
      ),
    ).toHaveLength(200);
  });

  it('forgets every user’s cards on logout and leaves other keys alone', () => {
    const storage = memoryStorage();
    writeOfflineState(storage, 'user-1', state([card('a')], [queued]));
    writeOfflineState(storage, 'user-2', state([card('b')]));
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
    expect(writeOfflineState(storage, 'user-1', state([]))).toBe(false);
  });
});
