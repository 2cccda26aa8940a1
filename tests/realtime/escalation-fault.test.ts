import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, planRoles } from '@/db/schema';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { AckResult, EscalationMessage } from '@/server/contracts/events';
import { getIncident, triggerIncident } from '@/server/dispatch';
import { settle, startRealtimeServer, waitFor, type TestSocket } from '../helpers/realtime-server';

// Fault test #4: nobody acknowledges. The ack timeout T is cut to 1 s on one plan role (the admin
// form allows 15 s at least; the database takes what the test needs), every other role has no steps.
const T_SECONDS = 1;

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

type Heard = { who: string; event: 'assignment:new' | 'escalation:raised'; step?: string; assignmentId: string };

async function listen(names: string[]) {
  const log: Heard[] = [];
  const sockets: Record<string, TestSocket> = {};
  for (const who of names) {
    const socket = await server.connectAs(who);
    sockets[who] = socket;
    socket.on('assignment:new', (card: RoleCard, receipt) => {
      log.push({ who, event: 'assignment:new', assignmentId: card.assignmentId });
      if (typeof receipt === 'function') receipt({ received: true });
    });
    socket.on('escalation:raised', (message: EscalationMessage) =>
      log.push({ who, event: 'escalation:raised', step: message.step, assignmentId: message.assignmentId }),
    );
  }
  return { log, sockets };
}

async function triggerWithShortTimeout() {
  const ctx = await server.ctxFor('duty');
  const [role] = await server.db.select().from(planRoles).where(eq(planRoles.name, '溯源排查组'));
  await server.db.update(planRoles).set({ escalationSteps: [] }).where(eq(planRoles.planId, role!.planId));
  await server.db
    .update(planRoles)
    .set({ ackTimeoutSeconds: T_SECONDS, escalationSteps: ['realert', 'backup', 'supervisor', 'duty_officer'] })
    .where(eq(planRoles.id, role!.id));
  const result = await triggerIncident({
    ctx,
    input: { planId: role!.planId, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河合谷段水面发现黑色油污', drill: true },
  });
  const env1 = await server.userByName('env1');
  return { result, original: result.assignments.find((a) => a.userId === env1.id)! };
}

const timelineOf = async (incidentId: string) =>
  (await getIncident({ ctx: await server.ctxFor('duty'), input: { incidentId } })).timeline.map((entry) => entry.action);

describe('fault #4: nobody acknowledges', () => {
  it(
    'escalates in order on the right sockets and on the timeline: re-push, backup card, supervisor, duty officer',
    { timeout: 30_000 },
    async () => {
      const { log } = await listen(['env1', 'env3', 'envlead', 'duty', 'env2', 'env4']);
      const { result, original } = await triggerWithShortTimeout();
      const raisedToDuty = () => log.filter((h) => h.who === 'duty' && h.event === 'escalation:raised');
      await waitFor(() => raisedToDuty().length === 4, 15_000);
      await settle(3 * T_SECONDS * 1000);

      const backup = (await server.db.select().from(assignments).where(eq(assignments.backupForId, original.id)))[0]!;
      const heardBy = (who: string) =>
        log.filter((h) => h.who === who).map(({ event, step, assignmentId }) => ({ event, step, assignmentId }));
      // Each socket hears exactly its part, in order.
      expect(heardBy('env1')).toEqual([
        { event: 'assignment:new', step: undefined, assignmentId: original.id },
        { event: 'assignment:new', step: undefined, assignmentId: original.id },
        { event: 'escalation:raised', step: 'realert', assignmentId: original.id },
      ]);
      expect(heardBy('env3')).toEqual([{ event: 'assignment:new', step: undefined, assignmentId: backup.id }]);
      expect(heardBy('envlead')).toEqual([{ event: 'escalation:raised', step: 'supervisor', assignmentId: original.id }]);
      expect(heardBy('duty').map((h) => h.step)).toEqual(['realert', 'backup', 'supervisor', 'duty_officer']);
      // And across sockets the steps arrive in policy order: re-push, backup card, supervisor, duty officer.
      const firstIndex = (match: (h: Heard) => boolean) => log.findIndex(match);
      const order = [
        firstIndex((h) => h.who === 'env1' && h.step === 'realert'),
        firstIndex((h) => h.who === 'env3'),
        firstIndex((h) => h.who === 'envlead'),
        firstIndex((h) => h.who === 'duty' && h.step === 'duty_officer'),
      ];
      expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
      // env2 holds another role (no steps): only its own card. env4 is off duty: never paged.
      expect(log.filter((h) => h.who === 'env2').map((h) => h.event)).toEqual(['assignment:new']);
      expect(log.filter((h) => h.who === 'env4')).toEqual([]);
      expect(backup.userId).toBe((await server.userByName('env3')).id);

      const escalationActions = (await timelineOf(result.incident.id)).filter((action) => action.startsWith('escalation.'));
      expect(escalationActions).toEqual(['escalation.realert', 'escalation.backup', 'escalation.supervisor', 'escalation.duty_officer']);
    },
  );

  it('stops at once when the assignee acknowledges after the first step: nothing more ever arrives', { timeout: 30_000 }, async () => {
    const { log, sockets } = await listen(['env1', 'env3', 'envlead', 'duty']);
    const { result, original } = await triggerWithShortTimeout();
    await waitFor(() => log.some((h) => h.who === 'env1' && h.step === 'realert'), 10_000);

    const ack = await (sockets.env1!.timeout(3_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<unknown>>)(
      'assignment:ack',
      { assignmentId: original.id },
    );
    expect(ack).toMatchObject({ ok: true });
    const heardAtAck = log.length;
    await settle(3 * T_SECONDS * 1000 + 1_500);

    expect(log.slice(heardAtAck)).toEqual([]);
    expect(log.filter((h) => h.who === 'env3' || h.who === 'envlead')).toEqual([]);
    expect(log.filter((h) => h.event === 'escalation:raised' && h.who === 'duty').map((h) => h.step)).toEqual(['realert']);
    expect(await server.db.select().from(assignments).where(eq(assignments.backupForId, original.id))).toEqual([]);
    const [row] = await server.db.select().from(assignments).where(eq(assignments.id, original.id));
    expect(row).toMatchObject({ status: 'acknowledged', nextEscalationAt: null, escalationStep: 1 });
    expect((await timelineOf(result.incident.id)).filter((action) => action.startsWith('escalation.'))).toEqual(['escalation.realert']);
  });
});
