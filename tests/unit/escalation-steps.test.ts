import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, departments, users } from '@/db/schema';
import type { EscalationMessage } from '@/server/contracts/events';
import type { RoleCard } from '@/server/contracts/dispatch';
import { createEscalationFixture } from '../helpers/escalation-fixture';

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(() => fixture?.close());

const sentOf = (kind: string) => fixture.emitter.sent.filter((sent) => sent.kind === kind);

describe('escalation steps while nobody acknowledges', () => {
  it('runs realert, backup, supervisor, duty officer in order, one ack timeout apart, then stops', async () => {
    fixture = await createEscalationFixture({ seconds: 30 });
    const { incident, original } = await fixture.trigger();
    expect((await fixture.assignmentRow(original.id)).nextEscalationAt?.getTime()).toBe(fixture.now().getTime() + 30_000);

    expect(await fixture.at(29)).toEqual([]);
    expect(await fixture.at(30)).toMatchObject([{ step: 'realert', level: 1 }]);
    expect(await fixture.at(59)).toEqual([]);
    expect(await fixture.at(60)).toMatchObject([{ step: 'backup', level: 2 }]);
    expect(await fixture.at(90)).toMatchObject([{ step: 'supervisor', level: 3 }]);
    expect(await fixture.at(120)).toMatchObject([{ step: 'duty_officer', level: 4 }]);
    expect(await fixture.at(150)).toEqual([]);
    expect(await fixture.at(3_600)).toEqual([]);

    const steps = await fixture.steps(incident.id);
    expect(steps.map((step) => [step.action, step.at / 1000])).toEqual([
      ['escalation.realert', 30],
      ['escalation.backup', 60],
      ['escalation.supervisor', 90],
      ['escalation.duty_officer', 120],
    ]);
    expect(steps.map((step) => step.data.notifiedUserId)).toEqual([
      fixture.user('env1'),
      fixture.user('env3'),
      fixture.user('envlead'),
      fixture.user('duty'),
    ]);
    expect(steps.every((step) => step.data.assignmentId === original.id && step.data.of === 4 && !step.data.skipped)).toBe(true);
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ escalationStep: 4, nextEscalationAt: null, status: 'sent' });

    // Who heard what: the re-push to env1 with the same card, the backup's card, and every step on the command room.
    const pushes = sentOf('assignmentNew');
    expect(pushes.map((push) => push.to)).toEqual([fixture.user('env1'), fixture.user('env3')]);
    expect((pushes[0]!.payload as RoleCard).assignmentId).toBe(original.id);
    const raised = sentOf('escalationRaised');
    expect(raised.map((sent) => (sent.payload as EscalationMessage).step)).toEqual(['realert', 'backup', 'supervisor', 'duty_officer']);
    expect(raised.map((sent) => sent.to)).toEqual([
      [fixture.ids.jurisdictionId, fixture.user('env1')],
      [fixture.ids.jurisdictionId],
      [fixture.ids.jurisdictionId, fixture.user('envlead')],
      [fixture.ids.jurisdictionId, fixture.user('duty')],
    ]);
    // The board re-reads its timeline after every step.
    expect(sentOf('incidentUpdated')).toHaveLength(4);
  });

  it('creates the backup as a new card for the same role, pointing at the unanswered one, without a chain of its own', async () => {
    fixture = await createEscalationFixture({ seconds: 60, steps: ['backup'] });
    const { incident, original } = await fixture.trigger();
    await fixture.at(60);
    const [backup] = await fixture.backupsOf(original.id);
    expect(backup).toMatchObject({
      incidentId: incident.id,
      userId: fixture.user('env3'),
      roleName: '溯源排查组',
      planRoleId: (await fixture.assignmentRow(original.id)).planRoleId,
      status: 'sent',
      escalationSteps: [],
      nextEscalationAt: null,
      sentAt: fixture.now(),
    });
    expect(backup!.nextPushAt!.getTime()).toBeGreaterThan(fixture.now().getTime());
    const updates = sentOf('assignmentUpdated');
    expect(updates.map((sent) => (sent.payload as { assignment: { id: string } }).assignment.id)).toEqual([backup!.id]);
    // Only one step was configured: nothing is pending for either card.
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ escalationStep: 1, nextEscalationAt: null });
    expect(await fixture.at(600)).toEqual([]);
  });

  it('does not page an assignee who went off duty: realert is skipped with the reason, the chain goes on', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    await fixture.db
      .update(users)
      .set({ isOnDuty: false })
      .where(eq(users.id, fixture.user('env1')));
    await fixture.at(60);
    const [realert] = await fixture.steps(incident.id);
    expect(realert).toMatchObject({ action: 'escalation.realert', data: { skipped: 'offDuty', notifiedUserId: null } });
    expect(sentOf('assignmentNew')).toEqual([]);
    expect(sentOf('escalationRaised').map((sent) => sent.to)).toEqual([[fixture.ids.jurisdictionId]]);
    expect((await fixture.assignmentRow(original.id)).escalationStep).toBe(1);
    expect(await fixture.at(120)).toMatchObject([{ step: 'backup' }]);
  });

  it('skips the supervisor who is off duty, and a department without one, and says why', async () => {
    fixture = await createEscalationFixture({ seconds: 60, steps: ['supervisor'] });
    await fixture.db
      .update(users)
      .set({ isOnDuty: false })
      .where(eq(users.id, fixture.user('envlead')));
    const first = await fixture.trigger();
    await fixture.at(60);
    expect((await fixture.steps(first.incident.id))[0]).toMatchObject({ data: { skipped: 'supervisorOffDuty', notifiedUserId: null } });
    expect(sentOf('escalationRaised').map((sent) => sent.to)).toEqual([[fixture.ids.jurisdictionId]]);

    await fixture.db
      .update(departments)
      .set({ supervisorId: null })
      .where(eq(departments.id, fixture.ids.departmentIds.get('env')!));
    await fixture.db.update(assignments).set({ closedAt: fixture.now() }).where(eq(assignments.incidentId, first.incident.id));
    const second = await fixture.trigger();
    await fixture.at(120);
    expect((await fixture.steps(second.incident.id))[0]).toMatchObject({ data: { skipped: 'noSupervisor' } });
  });

  it('never escalates a role whose policy has no steps', async () => {
    fixture = await createEscalationFixture({ steps: [] });
    const { incident } = await fixture.trigger();
    const rows = await fixture.db.select().from(assignments).where(eq(assignments.incidentId, incident.id));
    expect(rows.every((row) => row.nextEscalationAt === null)).toBe(true);
    for (const seconds of [60, 120, 600, 86_400]) expect(await fixture.at(seconds)).toEqual([]);
    expect(await fixture.steps(incident.id)).toEqual([]);
  });

  it('lets two workers on the same tick run each step once', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident } = await fixture.trigger();
    const { runEscalationTick } = await import('@/server/dispatch/escalation/run-escalation-tick');
    const now = () => new Date(fixture.now().getTime() + 60_000);
    const [a, b] = await Promise.all([runEscalationTick({ ...fixture.deps, now }), runEscalationTick({ ...fixture.deps, now })]);
    expect(a.length + b.length).toBe(1);
    expect(await fixture.steps(incident.id)).toHaveLength(1);
  });
});
