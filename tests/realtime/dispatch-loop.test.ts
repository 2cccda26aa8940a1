import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '@/db/schema';
import type { AckResult, AssignmentsSyncReply } from '@/server/contracts/events';
import type { AssignmentView, RoleCard } from '@/server/contracts/dispatch';
import { liftIncident } from '@/server/dispatch';
import { collect, settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';
import { parseEnv } from '@/server/kernel/config/env';

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

const emit = <T>(
  socket: TestSocket,
  event: 'assignment:ack' | 'assignment:status' | 'assignments:sync' | 'assignment:delivered',
  payload: unknown,
) => (socket.timeout(3_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<T>>)(event, payload);

describe('the one-tap dispatch loop over real sockets', () => {
  it('pushes each assignment to its own assignee only, and nothing to a non-assignee', async () => {
    const names = ['env1', 'env2', 'police1', 'emerg1', 'env3', 'ent1'] as const;
    const sockets = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await server.connectAs(n)] as const)));
    const inbox = Object.fromEntries(names.map((n) => [n, collect(sockets[n]!, 'assignment:new')]));
    // Phones confirm receipt, as the field app does; an unconfirmed card would be pushed again.
    for (const n of names) sockets[n]!.on('assignment:new', (_card, ack) => ack({ received: true }));
    const duty = await server.connectAs('duty');
    const dutyIncidents = collect(duty, 'incident:updated');

    const result = await server.triggerPlan();
    await waitFor(() => ['env1', 'env2', 'police1', 'emerg1'].every((n) => inbox[n]!.length === 1) && dutyIncidents.length === 1);
    await settle();

    for (const name of ['env1', 'env2', 'police1', 'emerg1']) {
      const user = await server.userByName(name);
      const cards = inbox[name]!;
      expect(cards).toHaveLength(1);
      const card = cards[0] as RoleCard;
      expect(card.assigneeId).toBe(user.id);
      expect(card.incidentId).toBe(result.incident.id);
      expect(card.assignmentId).toBe(result.assignments.find((a) => a.userId === user.id)!.id);
      expect(card.instructions.length).toBeGreaterThan(10);
      expect(card.messageId).toBe(`assignment:new:${card.assignmentId}`);
    }
    expect(inbox.env3).toHaveLength(0);
    expect(inbox.ent1).toHaveLength(0);
    expect(dutyIncidents[0]!.incident.id).toBe(result.incident.id);
  });

  it('updates the duty officer board when an assignee acknowledges', async () => {
    const env1 = await server.connectAs('env1');
    const duty = await server.connectAs('duty');
    const updates = collect(duty, 'assignment:updated');
    const incidentUpdates = collect(duty, 'incident:updated');
    const result = await server.triggerPlan();
    const mine = result.assignments.find((a) => a.username === 'env1')!;

    const ack = await emit<AssignmentView>(env1, 'assignment:ack', { assignmentId: mine.id });
    expect(ack).toMatchObject({ ok: true, data: { id: mine.id, status: 'acknowledged' } });

    await waitFor(() => updates.some((u) => u.assignment.id === mine.id && u.assignment.status === 'acknowledged'));
    await waitFor(() => incidentUpdates.some((u) => u.incident.counts.acknowledged === 1));

    const again = await emit<AssignmentView>(env1, 'assignment:ack', { assignmentId: mine.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const enRoute = await emit<AssignmentView>(env1, 'assignment:status', { assignmentId: mine.id, status: 'en_route' });
    expect(enRoute).toMatchObject({ ok: true, data: { status: 'en_route' } });
  });

  it('refuses a foreign acknowledge and changes nothing', async () => {
    const police1 = await server.connectAs('police1');
    const duty = await server.connectAs('duty');
    const updates = collect(duty, 'assignment:updated');
    const result = await server.triggerPlan();
    const envAssignment = result.assignments.find((a) => a.username === 'env1')!;

    const ack = await emit(police1, 'assignment:ack', { assignmentId: envAssignment.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((ack as { error: { message: string } }).error.message).toMatch(/不是您的任务/);

    const status = await emit(police1, 'assignment:status', { assignmentId: envAssignment.id, status: 'done' });
    expect(status).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await settle();
    expect(updates).toHaveLength(0);
    const [row] = await server.db.select().from(assignments).where(eq(assignments.id, envAssignment.id));
    expect(row).toMatchObject({ status: 'sent', acknowledgedAt: null });
  });

  it('answers malformed events with a localized error and keeps serving', async () => {
    const env1 = await server.connectAs('env1');
    const bad: unknown[] = [null, 'x', 42, { assignmentId: 'not-a-uuid' }, { assignmentId: ['a'] }, { deep: { a: { b: 1 } } }];
    for (const payload of bad) {
      const result = await emit(env1, 'assignment:ack', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const wrongStatus = await emit(env1, 'assignment:status', {
      assignmentId: '00000000-0000-4000-8000-000000000000',
      status: 'acknowledged',
    });
    expect(wrongStatus).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // No ack callback at all: must not throw inside the server.
    env1.emit('assignment:ack', { assignmentId: 'nope' });
    const sync = await emit<AssignmentsSyncReply>(env1, 'assignments:sync', {});
    expect(sync).toEqual({ ok: true, data: { missing: [], held: [], lifted: [], revised: [], stoodDown: [] } });
  });

  it('gives a phone that connects late all its open cards, and closes them when the alarm is lifted', async () => {
    const result = await server.triggerPlan();
    const emerg1 = await server.connectAs('emerg1');
    const lifted = collect(emerg1, 'incident:lifted');

    const sync = await emit<AssignmentsSyncReply>(emerg1, 'assignments:sync', {});
    expect(sync.ok && sync.data.missing.map((card) => card.incidentId)).toEqual([result.incident.id]);

    await liftIncident({ ctx: await server.ctxFor('duty'), input: { incidentId: result.incident.id, reason: '演练结束' } });
    await waitFor(() => lifted.length === 1);
    expect(lifted[0]).toMatchObject({ incidentId: result.incident.id, messageId: `incident:${result.incident.id}:lifted` });

    const after = await emit<AssignmentsSyncReply>(emerg1, 'assignments:sync', {});
    expect(after).toEqual({ ok: true, data: { missing: [], held: [], lifted: [], revised: [], stoodDown: [] } });
    const ack = await emit(emerg1, 'assignment:ack', { assignmentId: result.assignments.find((a) => a.username === 'emerg1')!.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('rejects a handshake without a session, with a forged session, or from a foreign origin', async () => {
    await expect(server.openSocket({})).rejects.toThrow(/unauthenticated/);
    await expect(server.openSocket({ cookie: 'ed_session=forged' })).rejects.toThrow(/unauthenticated/);
    await expect(server.connectAs('duty', { origin: 'https://evil.example' })).rejects.toThrow();
    const sameOrigin = await server.connectAs('duty', { origin: server.url });
    expect(sameOrigin.connected).toBe(true);
  });

  it('answers a flood of events from one connection with rate_limited, without dropping the connection', async () => {
    const env1 = await server.connectAs('env1');
    // The per-person budget (SOCKET_EVENT_BUDGET, server/realtime/event-throttle.ts), then refusals.
    const budget = parseEnv({}).SOCKET_EVENT_BUDGET;
    const results = await Promise.all(Array.from({ length: budget + 10 }, () => emit<AssignmentsSyncReply>(env1, 'assignments:sync', {})));
    expect(results.filter((r) => r.ok)).toHaveLength(budget);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(env1.connected).toBe(true);
  });
});
