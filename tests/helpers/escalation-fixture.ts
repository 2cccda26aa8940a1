import { and, eq, inArray } from 'drizzle-orm';
import { assignments, auditEvents, notifications, planRoles, type EscalationStep } from '@/db/schema';
import type { EscalationAuditData } from '@/server/contracts/escalation';
import { triggerIncident } from '@/server/dispatch';
import { runEscalationTick } from '@/server/dispatch/escalation/run-escalation-tick';
import { createSeededDb, RIVER_POINT } from './fixtures';

export const TRIGGERED_AT = new Date('2025-04-18T09:30:00+08:00').getTime();

/**
 * The demo district with a hand-turned clock. The river-oil plan's first role (溯源排查组, env1)
 * escalates with the given policy; every other role has no steps, so assertions see one chain.
 */
export async function createEscalationFixture(policy: { seconds?: number; steps?: EscalationStep[] } = {}) {
  const fixture = await createSeededDb();
  let clock = TRIGGERED_AT;
  const now = () => new Date(clock);
  const planId = fixture.ids.planIds.get('water_oil')!;
  const roles = await fixture.db.select().from(planRoles).where(eq(planRoles.planId, planId));
  const traceRole = roles.find((role) => role.name === '溯源排查组')!;
  await fixture.db.update(planRoles).set({ escalationSteps: [] }).where(eq(planRoles.planId, planId));
  await fixture.db
    .update(planRoles)
    .set({
      ackTimeoutSeconds: policy.seconds ?? 60,
      escalationSteps: policy.steps ?? ['realert', 'backup', 'supervisor', 'duty_officer'],
    })
    .where(eq(planRoles.id, traceRole.id));

  const user = (name: string) => fixture.ids.userIds.get(name)!;
  const ctxAt = async (username: string) => ({ ...(await fixture.ctxFor(username)), now });
  const deps = { db: fixture.db, emitter: fixture.emitter, now };

  const trigger = async () => {
    const result = await triggerIncident({
      ctx: await ctxAt('duty'),
      input: { planId, location: RIVER_POINT, description: '梁滩河合谷段水面发现黑色油污', drill: true },
    });
    const original = result.assignments.find((assignment) => assignment.userId === user('env1'))!;
    fixture.emitter.sent.length = 0;
    return { ...result, original };
  };

  /** Moves the clock to `seconds` after the trigger and runs one worker tick. */
  const at = (seconds: number) => {
    clock = TRIGGERED_AT + seconds * 1000;
    return runEscalationTick(deps);
  };

  const steps = async (incidentId: string) => {
    const rows = await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, incidentId)).orderBy(auditEvents.createdAt);
    return rows
      .filter((row) => row.action.startsWith('escalation.'))
      .map((row) => ({ action: row.action, at: row.createdAt.getTime() - TRIGGERED_AT, data: row.data as EscalationAuditData }));
  };

  const assignmentRow = async (id: string) => (await fixture.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;
  const backupsOf = (id: string) => fixture.db.select().from(assignments).where(eq(assignments.backupForId, id));
  const pendingFor = (ids: string[]) =>
    fixture.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.assignmentId, ids), eq(notifications.status, 'pending')));

  return { ...fixture, now, deps, user, ctxAt, trigger, at, steps, assignmentRow, backupsOf, pendingFor };
}
