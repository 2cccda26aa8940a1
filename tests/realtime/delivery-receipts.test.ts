import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents } from '@/db/schema';
import type { RoleCard } from '@/server/contracts/dispatch';
import { collect, settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

/** Every push a phone gets, with when it came; `shouldAck` decides whether it sends the receipt. */
function recordPushes(socket: TestSocket, shouldAck: (pushNumber: number) => boolean) {
  const pushes: { card: RoleCard; at: number }[] = [];
  socket.on('assignment:new', (card, ack) => {
    pushes.push({ card, at: Date.now() });
    if (shouldAck(pushes.length)) ack({ received: true });
  });
  return pushes;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await settle(50);
  }
}

const rowOf = async (assignmentId: string) => (await server.db.select().from(assignments).where(eq(assignments.id, assignmentId)))[0]!;

describe('delivery receipts', () => {
  it('marks a card delivered when the phone acknowledges the push, and tells the board', async () => {
    const env1 = await server.connectAs('env1');
    const duty = await server.connectAs('duty');
    const boardUpdates = collect(duty, 'assignment:updated');
    const pushes = recordPushes(env1, () => true);

    const result = await server.triggerPlan();
    const mine = result.assignments.find((a) => a.username === 'env1')!;
    expect(mine).toMatchObject({ status: 'sent', pushAttempts: 1 });

    await waitFor(() => boardUpdates.some((u) => u.assignment.id === mine.id && u.assignment.status === 'delivered'));
    const update = boardUpdates.find((u) => u.assignment.id === mine.id)!;
    expect(update.messageId).toBe(`assignment:${mine.id}:delivered`);
    expect(update.assignment.deliveredAt).not.toBeNull();

    const row = await rowOf(mine.id);
    expect(row).toMatchObject({ status: 'delivered', nextPushAt: null, pushAttempts: 1 });
    const audit = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, mine.id), eq(auditEvents.action, 'assignment.delivered')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: mine.userId, data: { via: 'receipt' } });

    // Delivered is not acknowledged: 收到 still works, and escalation (not ours) still waits for it.
    expect(row.nextEscalationAt).not.toBeNull();
    await settle(2_500);
    expect(pushes).toHaveLength(1);
  });

  it('re-pushes an unconfirmed card with backoff and the same message id, and stops once it is confirmed', async () => {
    const env1 = await server.connectAs('env1');
    const duty = await server.connectAs('duty');
    const boardUpdates = collect(duty, 'assignment:updated');
    // This phone drops the first two pushes on the floor and confirms the third.
    const pushes = recordPushes(env1, (n) => n >= 3);

    const result = await server.triggerPlan();
    const mine = result.assignments.find((a) => a.username === 'env1')!;
    const offline = result.assignments.find((a) => a.username === 'police1')!;

    await waitFor(() => pushes.length >= 3, 15_000);
    await waitUntil(async () => (await rowOf(mine.id)).status === 'delivered');
    const [first, second, third] = pushes as [(typeof pushes)[0], (typeof pushes)[0], (typeof pushes)[0]];
    expect(new Set(pushes.map((push) => push.card.messageId))).toEqual(new Set([`assignment:new:${mine.id}`]));
    expect(third.card).toEqual(first.card);
    // Backoff: about 2 s, then about 4 s (the worker ticks every second, so allow for the tick).
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_500);
    expect(third.at - second.at).toBeGreaterThanOrEqual(3_500);
    expect(third.at - second.at).toBeGreaterThan(second.at - first.at);

    const row = await rowOf(mine.id);
    expect(row).toMatchObject({ status: 'delivered', pushAttempts: 3, nextPushAt: null });
    // The board saw every attempt, each with its own message id, then the delivery.
    await waitFor(() => boardUpdates.some((u) => u.assignment.id === mine.id && u.assignment.status === 'delivered'));
    const mineOnBoard = boardUpdates.filter((u) => u.assignment.id === mine.id);
    expect(mineOnBoard.map((u) => u.messageId)).toEqual([
      `assignment:${mine.id}:sent:2`,
      `assignment:${mine.id}:sent:3`,
      `assignment:${mine.id}:delivered`,
    ]);
    expect(mineOnBoard.map((u) => u.assignment.pushAttempts)).toEqual([2, 3, 3]);

    // Confirmed: no more pushes. Not connected: never re-pushed (the phone syncs when it connects).
    await settle(2_500);
    expect(pushes).toHaveLength(3);
    expect(await rowOf(offline.id)).toMatchObject({ status: 'sent', pushAttempts: 1 });
  }, 30_000);

  it('keeps a phone-reported delivery (assignment:delivered) on the same recording path', async () => {
    const env2 = await server.connectAs('env2');
    recordPushes(env2, () => false);
    const result = await server.triggerPlan();
    const mine = result.assignments.find((a) => a.username === 'env2')!;
    const report = (await env2.timeout(3_000).emitWithAck('assignment:delivered', { assignmentId: mine.id })) as unknown;
    expect(report).toEqual({ ok: true, data: { status: 'delivered' } });
    const again = (await env2.timeout(3_000).emitWithAck('assignment:delivered', { assignmentId: mine.id })) as unknown;
    expect(again).toEqual({ ok: true, data: { status: 'delivered' } });

    expect(await rowOf(mine.id)).toMatchObject({ status: 'delivered', nextPushAt: null });
    const audit = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, mine.id), eq(auditEvents.action, 'assignment.delivered')));
    expect(audit.map((row) => row.data)).toEqual([expect.objectContaining({ via: 'report' })]);
  });
});
