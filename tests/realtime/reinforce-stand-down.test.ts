import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '@/db/schema';
import type { AssignmentView } from '@/server/contracts/dispatch';
import type { AckResult, AssignmentsSyncReply } from '@/server/contracts/events';
import { reinforceIncident, standDownAssignment } from '@/server/dispatch';
import { collect, settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

// 增派 and 撤回 over real sockets: a reinforcement's phone receives its card and acknowledges it;
// a stood-down phone is told at once, and one that was offline learns it from its next sync.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

const emit = <T>(socket: TestSocket, event: 'assignment:ack' | 'assignments:sync', payload: unknown) =>
  (socket.timeout(3_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<T>>)(event, payload);

const rowOf = async (id: string) => (await server.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

describe('reinforcements and stand-down over real sockets', () => {
  it('a reinforcement’s phone receives its card, confirms it and acknowledges it', async () => {
    const { incident } = await server.triggerPlan('water_oil');
    const police2 = await server.connectAs('police2');
    const env1 = await server.connectAs('env1');
    const cards = collect(police2, 'assignment:new');
    const elsewhere = collect(env1, 'assignment:new');
    police2.on('assignment:new', (_card, ack) => ack({ received: true }));

    const result = await reinforceIncident({
      ctx: await server.ctxFor('duty'),
      input: {
        incidentId: incident.id,
        userIds: [(await server.userByName('police2')).id],
        roleName: '下游取样组',
        instructions: '取水样',
      },
    });
    const added = result.assignments[0]!;
    await waitFor(() => cards.length === 1);
    expect(cards[0]).toMatchObject({ assignmentId: added.id, incidentId: incident.id, roleName: '下游取样组', instructions: '取水样' });
    // The receipt marks it delivered, as for a trigger card.
    const started = Date.now();
    while ((await rowOf(added.id)).status !== 'delivered' && Date.now() - started < 3_000) await settle(50);
    expect((await rowOf(added.id)).status).toBe('delivered');

    const ack = await emit<AssignmentView>(police2, 'assignment:ack', { assignmentId: added.id });
    expect(ack).toMatchObject({ ok: true, data: { id: added.id, status: 'acknowledged' } });
    expect(await rowOf(added.id)).toMatchObject({ nextEscalationAt: null });
    await settle();
    expect(elsewhere).toEqual([]);
  });

  it('a stood-down phone is told at once; one that was offline learns it on reconnect', async () => {
    const { assignments: cards } = await server.triggerPlan('water_oil');
    const idOf = (username: string) => cards.find((card) => card.username === username)!.id;
    const env1 = await server.connectAs('env1');
    const police1 = await server.connectAs('police1');
    const env1Notices = collect(env1, 'assignment:stood_down');
    const police1Notices = collect(police1, 'assignment:stood_down');
    const duty = await server.ctxFor('duty');

    await standDownAssignment({ ctx: duty, input: { assignmentId: idOf('env1'), reason: '已另派专业队伍' } });
    await waitFor(() => env1Notices.length === 1);
    expect(env1Notices[0]).toMatchObject({ assignmentId: idOf('env1'), reason: '已另派专业队伍' });

    // police1's phone is away when it happens, and still holds the card when it is back.
    police1.disconnect();
    await standDownAssignment({ ctx: duty, input: { assignmentId: idOf('police1'), reason: '警力调往他处' } });
    await settle();
    expect(police1Notices).toEqual([]);
    police1.connect();
    await waitFor(() => police1.connected);
    const reply = await emit<AssignmentsSyncReply>(police1, 'assignments:sync', { held: [idOf('police1')] });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.held).toEqual([]);
    expect(reply.data.missing).toEqual([]);
    expect(reply.data.stoodDown).toEqual([{ assignmentId: idOf('police1'), incidentId: cards[0]!.incidentId, reason: '警力调往他处' }]);
    // Nobody else was told.
    expect(env1Notices).toHaveLength(1);
  });
});
