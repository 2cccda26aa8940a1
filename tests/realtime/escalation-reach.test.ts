import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, planRoles } from '@/db/schema';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { EscalationAuditData } from '@/server/contracts/escalation';
import { triggerIncident } from '@/server/dispatch';
import { collect, startRealtimeServer, waitFor } from '../helpers/realtime-server';

// Issue 15: step 3 said "已通知 杨光明" while 杨光明's open page showed nothing. The supervisor's
// own socket gets the escalation, with whose card is unanswered, and the step records that the
// open page (and nothing else: no outside channel here) is what reached them.

let server: Awaited<ReturnType<typeof startRealtimeServer>>;
beforeEach(async () => {
  server = await startRealtimeServer();
});
afterEach(async () => {
  await server.stop();
});

describe('escalation to the supervisor', () => {
  it('reaches the supervisor’s open page with the unanswered person and role, and records the channel', { timeout: 20_000 }, async () => {
    const envlead = await server.connectAs('envlead');
    const env2 = await server.connectAs('env2');
    const env1 = await server.connectAs('env1');
    env1.on('assignment:new', (_card: RoleCard, receipt) => typeof receipt === 'function' && receipt({ received: true }));
    const heardByLead = collect(envlead, 'escalation:raised');
    const heardByOther = collect(env2, 'escalation:raised');

    const [role] = await server.db.select().from(planRoles).where(eq(planRoles.name, '溯源排查组'));
    await server.db.update(planRoles).set({ escalationSteps: [] }).where(eq(planRoles.planId, role!.planId));
    await server.db
      .update(planRoles)
      .set({ ackTimeoutSeconds: 1, escalationSteps: ['supervisor'] })
      .where(eq(planRoles.id, role!.id));
    const result = await triggerIncident({
      ctx: await server.ctxFor('duty'),
      input: { planId: role!.planId, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河：升级到科室负责人', drill: true },
    });
    const original = result.assignments.find((a) => a.username === 'env1')!;

    await waitFor(() => heardByLead.length > 0, 10_000);
    expect(heardByLead[0]).toMatchObject({
      step: 'supervisor',
      assignmentId: original.id,
      notifiedUserId: (await server.userByName('envlead')).id,
      assignee: { name: original.userName, role: '溯源排查组', phone: original.phone },
    });
    // Only the person it reached: another responder's phone hears nothing of it.
    expect(heardByOther).toEqual([]);

    const [audit] = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, original.id), eq(auditEvents.action, 'escalation.supervisor')));
    expect((audit!.data as EscalationAuditData).channels).toEqual(['socket']);
  });
});
