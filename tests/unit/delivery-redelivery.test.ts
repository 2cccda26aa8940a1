import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents } from '@/db/schema';
import { acknowledgeAssignment, liftIncident, triggerIncident } from '@/server/dispatch';
import { claimDuePushes } from '@/server/dispatch/delivery/claim-due-pushes';
import { recordDelivered } from '@/server/dispatch/delivery/record-delivered';
import { startRedeliveryWorker } from '@/server/dispatch/delivery/redelivery-worker';
import { withTurnsHeld } from '@/server/push/run-in-turn';
import type { AssignmentUpdatedMessage } from '@/server/contracts/events';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';
import { captureLogs } from '../helpers/capture-logs';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const T0 = new Date('2026-06-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function setup() {
  fixture = await createSeededDb();
  const duty = { ...(await fixture.ctxFor('duty')), now: () => T0 };
  const result = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河油污' },
  });
  const idOf = (username: string) => result.assignments.find((a) => a.username === username)!.id;
  const userId = (username: string) => fixture.ids.userIds.get(username)!;
  const rowOf = async (username: string) =>
    (
      await fixture.db
        .select()
        .from(assignments)
        .where(eq(assignments.id, idOf(username)))
    )[0]!;
  fixture.emitter.sent.length = 0;
  return { duty, result, idOf, userId, rowOf };
}

describe('claimDuePushes', () => {
  it('claims only due, undelivered, open cards of people who are online, and books the next attempt', async () => {
    const { idOf, userId, rowOf } = await setup();
    const online = [userId('env1'), userId('env2'), userId('police1')];
    expect(await rowOf('env1')).toMatchObject({ pushAttempts: 1, nextPushAt: at(2_000) });

    expect(await claimDuePushes(fixture.db, { now: at(1_999), onlineUserIds: online, limit: 10 })).toEqual([]);
    // env2 already has the card; emerg1 is due but offline.
    await recordDelivered({ ...fixture, now: () => at(500) }, idOf('env2'), 'receipt');

    const claimed = await claimDuePushes(fixture.db, { now: at(2_000), onlineUserIds: online, limit: 10 });
    expect(claimed.map((claim) => claim.assignmentId).sort()).toEqual([idOf('env1'), idOf('police1')].sort());
    expect(claimed.every((claim) => claim.attempt === 2 && claim.jurisdictionId === fixture.ids.jurisdictionId)).toBe(true);
    expect(await rowOf('env1')).toMatchObject({ pushAttempts: 2, nextPushAt: at(2_000 + 4_000) });
    expect(await rowOf('emerg1')).toMatchObject({ pushAttempts: 1, nextPushAt: at(2_000) });

    // Booked: the same instant claims nothing again; the next attempt comes 4 s later.
    expect(await claimDuePushes(fixture.db, { now: at(2_000), onlineUserIds: online, limit: 10 })).toEqual([]);
    const third = await claimDuePushes(fixture.db, { now: at(6_000), onlineUserIds: online, limit: 10 });
    expect(third.map((claim) => claim.attempt)).toEqual([3, 3]);
    expect(await rowOf('env1')).toMatchObject({ pushAttempts: 3, nextPushAt: at(6_000 + 8_000) });
  });

  it('lets exactly one of two racing workers claim each attempt', async () => {
    const { userId } = await setup();
    const online = ['env1', 'env2', 'police1', 'emerg1'].map(userId);
    const [a, b] = await Promise.all([
      claimDuePushes(fixture.db, { now: at(2_000), onlineUserIds: online, limit: 10 }),
      claimDuePushes(fixture.db, { now: at(2_000), onlineUserIds: online, limit: 10 }),
    ]);
    const ids = [...a!, ...b!].map((claim) => claim.assignmentId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('never claims acknowledged cards, lifted incidents, or more than the batch', async () => {
    const { idOf, userId, duty, result } = await setup();
    const online = ['env1', 'env2', 'police1', 'emerg1'].map(userId);
    await acknowledgeAssignment({ ctx: await fixture.ctxFor('env1'), input: { assignmentId: idOf('env1') } });
    expect(await claimDuePushes(fixture.db, { now: at(2_000), onlineUserIds: online, limit: 2 })).toHaveLength(2);
    await liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason: '演练结束' } });
    expect(await claimDuePushes(fixture.db, { now: at(60_000), onlineUserIds: online, limit: 10 })).toEqual([]);
  });
});

describe('recordDelivered', () => {
  it('records sent → delivered once, as the assignee, and never after 收到', async () => {
    const { idOf, userId, rowOf } = await setup();
    const deps = { ...fixture, now: () => at(800) };
    expect(await recordDelivered(deps, idOf('env1'), 'receipt')).toMatchObject({ isRecorded: true, status: 'delivered' });
    expect(await recordDelivered(deps, idOf('env1'), 'report')).toMatchObject({ isRecorded: false, status: 'delivered' });
    expect(await rowOf('env1')).toMatchObject({ status: 'delivered', deliveredAt: at(800), nextPushAt: null });
    const audit = await fixture.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, idOf('env1')), eq(auditEvents.action, 'assignment.delivered')));
    expect(audit).toMatchObject([{ actorId: userId('env1'), data: { via: 'receipt', from: 'sent' } }]);
    const pushes = fixture.emitter.sent.filter((s) => s.kind === 'assignmentUpdated');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.payload).toMatchObject({ messageId: `assignment:${idOf('env1')}:delivered` });

    await acknowledgeAssignment({ ctx: await fixture.ctxFor('env2'), input: { assignmentId: idOf('env2') } });
    expect(await recordDelivered(deps, idOf('env2'), 'receipt')).toMatchObject({ isRecorded: false, status: 'acknowledged' });
    expect(await recordDelivered(deps, '00000000-0000-4000-8000-000000000000', 'receipt')).toBeNull();
  });
});

describe('startRedeliveryWorker', () => {
  it('re-pushes the same card, announces the attempt to the board, and records the receipt', async () => {
    const { idOf, userId, rowOf } = await setup();
    let now = at(2_000);
    const receipts = new Set([userId('env1')]);
    const emitter = {
      ...fixture.emitter,
      assignmentNew: async (to: string, card: Parameters<typeof fixture.emitter.assignmentNew>[1]) => {
        await fixture.emitter.assignmentNew(to, card);
        return receipts.has(to);
      },
    };
    const worker = startRedeliveryWorker(
      { db: fixture.db, emitter, now: () => now },
      { onlineUserIds: () => [userId('env1'), userId('police1')], intervalMs: 60_000 },
    );
    try {
      expect(await worker.tick()).toBe(2);
      const pushed = fixture.emitter.sent.filter((s) => s.kind === 'assignmentNew');
      expect(pushed.map((s) => (s.payload as { messageId: string }).messageId).sort()).toEqual(
        [`assignment:new:${idOf('env1')}`, `assignment:new:${idOf('police1')}`].sort(),
      );
      const attempts = fixture.emitter.sent
        .filter((s) => s.kind === 'assignmentUpdated')
        .map((s) => (s.payload as AssignmentUpdatedMessage).messageId);
      expect(attempts).toEqual(expect.arrayContaining([`assignment:${idOf('police1')}:sent:2`]));

      // The receipt is recorded after the push resolves, detached from the tick.
      for (let i = 0; i < 50 && (await rowOf('env1')).status !== 'delivered'; i += 1) await new Promise((r) => setTimeout(r, 10));
      expect(await rowOf('env1')).toMatchObject({ status: 'delivered', nextPushAt: null, pushAttempts: 2 });
      expect(await rowOf('police1')).toMatchObject({ status: 'sent', pushAttempts: 2 });

      now = at(5_000);
      expect(await worker.tick()).toBe(0);
      now = at(6_000);
      expect(await worker.tick()).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(await worker.tick()).toBe(0);
  });

  it('waits while a fan-out is pushing its cards, then re-pushes what is still unconfirmed', async () => {
    const { userId } = await setup();
    const worker = startRedeliveryWorker(
      { db: fixture.db, emitter: fixture.emitter, now: () => at(2_000) },
      { onlineUserIds: () => [userId('env1')], intervalMs: 10 },
    );
    const pushes = () => fixture.emitter.sent.filter((s) => s.kind === 'assignmentNew').length;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      let endFanOut!: () => void;
      const fanOut = withTurnsHeld(() => new Promise<void>((resolve) => (endFanOut = resolve)));
      await sleep(100); // ten ticks' worth, all while the fan-out holds the turns
      expect(pushes()).toBe(0);
      endFanOut();
      await fanOut;
      for (let i = 0; i < 50 && pushes() === 0; i += 1) await sleep(10);
      expect(pushes()).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('survives a failing pass and keeps ticking', async () => {
    await setup();
    const worker = startRedeliveryWorker(
      { db: fixture.db, emitter: fixture.emitter, now: () => at(2_000) },
      {
        onlineUserIds: () => {
          throw new Error('presence backend down');
        },
        intervalMs: 60_000,
      },
    );
    const logs = captureLogs();
    try {
      expect(await worker.tick()).toBe(0);
      expect(logs.lines.filter((line) => line.level === 50)).toHaveLength(1);
    } finally {
      logs.restore();
      await worker.stop();
    }
  });
});
