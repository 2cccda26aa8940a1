import { describe, expect, it } from 'vitest';
import {
  enqueueAction,
  isAlreadyApplied,
  judgeFlushResult,
  queuedFor,
  withQueuedActions,
  type QueuedAction,
} from '@/components/field/action-outbox';
import type { RoleCard } from '@/server/contracts/dispatch';

const card = (assignmentId: string, status: RoleCard['status']): RoleCard =>
  ({ assignmentId, status, acknowledgedAt: null, enRouteAt: null, onSceneAt: null, doneAt: null }) as RoleCard;
const item = (
  id: string,
  assignmentId: string,
  action: QueuedAction['action'],
  occurredAt = `2026-04-14T02:0${id}:00.000Z`,
): QueuedAction => ({
  id,
  assignmentId,
  action,
  occurredAt,
});
const conflict = { ok: false as const, error: { code: 'conflict', message: '任务状态不能从“已收到”变为“已收到”。' } };

describe('the phone outbox', () => {
  it('keeps taps in the order they were made, and a double tap once', () => {
    let outbox: QueuedAction[] = [];
    outbox = enqueueAction(outbox, item('1', 'a', 'ack'));
    outbox = enqueueAction(outbox, item('2', 'b', 'ack'));
    outbox = enqueueAction(outbox, item('3', 'a', 'en_route'));
    outbox = enqueueAction(outbox, item('4', 'a', 'en_route'));
    outbox = enqueueAction(outbox, item('5', 'a', 'ack'));
    expect(outbox.map((queued) => queued.id)).toEqual(['1', '2', '3']);
    expect(queuedFor(outbox, 'a').map((queued) => queued.action)).toEqual(['ack', 'en_route']);
  });

  it('shows queued steps on the card with the time of the tap, never moving a card backwards', () => {
    const outbox = [item('1', 'a', 'ack', '2026-04-14T02:01:00.000Z'), item('2', 'a', 'on_scene', '2026-04-14T02:05:00.000Z')];
    const [shown, other] = withQueuedActions([card('a', 'delivered'), card('b', 'sent')], outbox);
    expect(shown).toMatchObject({ status: 'on_scene', acknowledgedAt: '2026-04-14T02:01:00.000Z', onSceneAt: '2026-04-14T02:05:00.000Z' });
    expect(other!.status).toBe('sent');
    expect(withQueuedActions([card('a', 'done')], outbox)[0]!.status).toBe('done');
  });

  it('counts a conflict as done when the server is already at or past the queued step', () => {
    const ack = item('1', 'a', 'ack');
    expect(judgeFlushResult(ack, conflict, 'acknowledged')).toBe('done');
    expect(judgeFlushResult(ack, conflict, 'en_route')).toBe('done');
    expect(judgeFlushResult(item('2', 'a', 'on_scene'), conflict, 'acknowledged')).toBe('failed');
  });

  it('keeps a tap for later when the network or server failed, and drops taps for closed cards', () => {
    const ack = item('1', 'a', 'ack');
    expect(judgeFlushResult(ack, { ok: false, error: { code: 'timeout', message: '' } }, 'sent')).toBe('retry');
    expect(judgeFlushResult(ack, { ok: false, error: { code: 'rate_limited', message: '' } }, 'sent')).toBe('retry');
    expect(judgeFlushResult(ack, { ok: true, data: {} }, 'sent')).toBe('sent');
    expect(judgeFlushResult(ack, { ok: false, error: { code: 'forbidden', message: '' } }, 'sent')).toBe('failed');
    expect(judgeFlushResult(ack, conflict, undefined)).toBe('done');
    expect(isAlreadyApplied(ack, undefined)).toBe(true);
    expect(isAlreadyApplied(ack, 'acknowledged')).toBe(true);
    expect(isAlreadyApplied(ack, 'delivered')).toBe(false);
  });
});
