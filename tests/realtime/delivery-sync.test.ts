import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents } from '@/db/schema';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { AckResult, AssignmentsSyncReply } from '@/server/contracts/events';
import { liftIncident } from '@/server/dispatch';
import { settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

const sync = (socket: TestSocket, payload: unknown) =>
  (socket.timeout(3_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<AssignmentsSyncReply>>)('assignments:sync', payload);

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await settle(50);
  }
}

const rowOf = async (assignmentId: string) => (await server.db.select().from(assignments).where(eq(assignments.id, assignmentId)))[0]!;

/**
 * A phone as the field app behaves: it confirms every push, says what it holds on every
 * (re)connect, and keeps one card per assignment id however often that card arrives.
 */
function simulatePhone(socket: TestSocket) {
  const shown = new Map<string, RoleCard>();
  const arrivals: { via: 'push' | 'sync'; card: RoleCard }[] = [];
  const syncReplies: AssignmentsSyncReply[] = [];
  const show = (card: RoleCard, via: 'push' | 'sync') => {
    arrivals.push({ via, card });
    if (!shown.has(card.assignmentId)) shown.set(card.assignmentId, card);
  };
  socket.on('assignment:new', (card, ack) => {
    ack({ received: true });
    show(card, 'push');
  });
  socket.on('connect', async () => {
    const reply = await sync(socket, { held: [...shown.keys()] });
    if (!reply.ok) return;
    syncReplies.push(reply.data);
    for (const card of reply.data.missing) show(card, 'sync');
    const stillOpen = new Set(reply.data.held.map((view) => view.id));
    for (const id of [...shown.keys()]) if (!stillOpen.has(id) && !reply.data.missing.some((c) => c.assignmentId === id)) shown.delete(id);
  });
  return { shown, arrivals, syncReplies };
}

describe('assignments:sync', () => {
  it('fault #2: phones that were offline at trigger time get their card on reconnect, once each', async () => {
    const env1 = await server.connectAs('env1');
    const police1 = await server.connectAs('police1');
    const phones = { env1: simulatePhone(env1), police1: simulatePhone(police1) };
    env1.disconnect();
    police1.disconnect();

    const result = await server.triggerPlan('water_oil');
    const idOf = (username: string) => result.assignments.find((a) => a.username === username)!.id;
    // Offline people are not re-pushed into the void: their phone asks when it is back.
    await settle(2_500);
    expect(phones.env1.arrivals).toHaveLength(0);
    expect(await rowOf(idOf('env1'))).toMatchObject({ status: 'sent', pushAttempts: 1 });

    env1.connect();
    police1.connect();
    await waitFor(() => phones.env1.shown.size === 1 && phones.police1.shown.size === 1);
    expect([...phones.env1.shown.keys()]).toEqual([idOf('env1')]);
    expect([...phones.police1.shown.keys()]).toEqual([idOf('police1')]);
    expect(phones.env1.syncReplies[0]!.missing.map((card) => card.assignmentId)).toEqual([idOf('env1')]);

    // Back online and confirmed: the card is delivered (the worker's re-push carries the receipt).
    await waitFor(() => phones.env1.arrivals.some((a) => a.via === 'push'), 5_000);
    await waitFor(() => phones.police1.arrivals.some((a) => a.via === 'push'), 5_000);
    await waitUntil(async () => (await rowOf(idOf('env1'))).status === 'delivered');
    await waitUntil(async () => (await rowOf(idOf('police1'))).status === 'delivered');
    // However it arrived, a card carries one message id, which is what the phone de-duplicates by.
    for (const phone of Object.values(phones)) {
      expect(new Set(phone.arrivals.map((a) => a.card.messageId)).size).toBe(1);
      expect(phone.shown.size).toBe(1);
    }

    // A second reconnect: the phone holds its card, so nothing is missing and nothing is re-sent.
    const arrivalsBefore = phones.env1.arrivals.length;
    env1.disconnect();
    env1.connect();
    await waitFor(() => phones.env1.syncReplies.length === 2);
    expect(phones.env1.syncReplies[1]).toMatchObject({ missing: [], held: [{ id: idOf('env1'), status: 'delivered' }] });
    await settle(1_500);
    expect(phones.env1.arrivals).toHaveLength(arrivalsBefore);
    expect(phones.env1.shown.size).toBe(1);
  });

  it('answers held ids with their state and sends only the open cards the phone lacks', async () => {
    const env1 = await server.connectAs('env1');
    const closed = await server.triggerPlan('water_oil');
    const closedId = closed.assignments.find((a) => a.username === 'env1')!.id;
    await liftIncident({ ctx: await server.ctxFor('duty'), input: { incidentId: closed.incident.id, reason: '演练结束' } });
    const first = await server.triggerPlan('water_oil');
    const second = await server.triggerPlan('chemical_leak');
    const heldId = first.assignments.find((a) => a.username === 'env1')!.id;
    const lackingId = second.assignments.find((a) => a.username === 'env1')!.id;
    const foreignId = first.assignments.find((a) => a.username === 'police1')!.id;

    const reply = await sync(env1, { held: [heldId, closedId, foreignId, randomUUID()] });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.missing.map((card) => card.assignmentId)).toEqual([lackingId]);
    expect(reply.data.missing[0]).toMatchObject({
      messageId: `assignment:new:${lackingId}`,
      assigneeId: (await server.userByName('env1')).id,
    });
    // Holding a card is proof it arrived.
    expect(reply.data.held).toEqual([expect.objectContaining({ id: heldId, status: 'delivered' })]);
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.entityId, heldId));
    expect(audit.filter((row) => row.action === 'assignment.delivered').map((row) => row.data)).toEqual([
      expect.objectContaining({ via: 'sync' }),
    ]);
    // Someone else's card is neither revealed nor touched.
    expect(await rowOf(foreignId)).toMatchObject({ status: 'sent' });
    // The held card whose incident was lifted meanwhile: the phone is told, so it can say so.
    expect(reply.data.lifted).toEqual([{ incidentId: closed.incident.id, reason: '演练结束' }]);

    // The old payload, without `held`, counts as holding nothing.
    const empty = await sync(env1, {});
    expect(empty.ok && empty.data.missing.map((card) => card.assignmentId).sort()).toEqual([heldId, lackingId].sort());
  });

  it('refuses a malformed sync with a localized error and changes nothing', async () => {
    const env1 = await server.connectAs('env1');
    const result = await server.triggerPlan('water_oil');
    const mine = result.assignments.find((a) => a.username === 'env1')!.id;
    const auditBefore = (await server.db.select().from(auditEvents)).length;

    const tooMany = Array.from({ length: 201 }, () => randomUUID());
    for (const payload of [null, 'x', 42, { held: 'x' }, { held: [mine, 'not-a-uuid'] }, { held: tooMany }]) {
      const reply = await sync(env1, payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect((reply as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
    expect(await rowOf(mine)).toMatchObject({ status: 'sent' });
    expect((await server.db.select().from(auditEvents)).length).toBe(auditBefore);
    expect(env1.connected).toBe(true);
  });
});
