import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditEvents, notifications, planRoleMembers, planRoles, shortfalls } from '@/db/schema';
import { setChannelEnv } from '@/server/notify/channel-config';
import { getIncident, liftIncident, reinforceIncident, standDownAssignment } from '@/server/dispatch';
import { syncAssignments } from '@/server/dispatch/sync-assignments';
import { DomainError } from '@/server/kernel/errors';
import { FIRST_REPUSH_AFTER_MS } from '@/server/dispatch/delivery/backoff';
import { createEscalationFixture, TRIGGERED_AT } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// 增派 and 撤回 on a running incident: reinforcements get cards exactly as at the trigger (row
// shape, push, notifications, escalation, redelivery); a stand-down closes one card with a reason,
// stops everything pending for it and tells the phone, also one that was away. Bad input stores nothing.
beforeAll(() => {
  useChannels({ SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_SECRET: 'test-secret' });
});
afterAll(() => setChannelEnv(undefined));

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

async function setup() {
  fixture = await createEscalationFixture({ seconds: 60 });
  const planId = fixture.ids.planIds.get('water_oil')!;
  const roles = await fixture.db.select().from(planRoles).where(eq(planRoles.planId, planId));
  const trace = roles.find((role) => role.name === '溯源排查组')!;
  const intercept = roles.find((role) => role.name === '拦截吸附组')!;
  // The trace role needs more people than are on duty: the trigger leaves a shortfall.
  await fixture.db.update(planRoles).set({ requiredCount: 3 }).where(eq(planRoles.id, trace.id));
  // The intercept role lists two more members: emerg4 (on duty) and emerg3 (off duty).
  await fixture.db.insert(planRoleMembers).values([
    { planRoleId: intercept.id, userId: fixture.user('emerg4'), priority: 5 },
    { planRoleId: intercept.id, userId: fixture.user('emerg3'), priority: 6 },
  ]);
  const triggered = await fixture.trigger();
  const snapshot = async () => ({
    assignments: await fixture.db.select().from(assignments).where(eq(assignments.incidentId, triggered.incident.id)),
    shortfalls: await fixture.db.select().from(shortfalls).where(eq(shortfalls.incidentId, triggered.incident.id)),
    audits: (await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, triggered.incident.id))).length,
    notifications: (await fixture.db.select().from(notifications)).length,
  });
  return { ...triggered, trace, intercept, snapshot };
}

describe('增派: reinforcing a running incident', () => {
  it('gives cards exactly as the trigger does, escalates them alike and fills the shortfall', async () => {
    const { incident, assignments: first, trace, original } = await setup();
    const gap = (await fixture.db.select().from(shortfalls).where(eq(shortfalls.incidentId, incident.id))).find(
      (row) => row.planRoleId === trace.id,
    )!;
    expect(gap).toMatchObject({ required: 3 });
    const missing = gap.required - gap.assigned;
    const people = ['env4', 'env5'].slice(0, missing);
    await fixture.at(10);

    const result = await reinforceIncident({
      ctx: await fixture.ctxAt('duty'),
      input: { incidentId: incident.id, userIds: people.map(fixture.user), planRoleId: trace.id },
    });

    expect(result.assignments.map((view) => view.username).sort()).toEqual([...people].sort());
    const addedAt = TRIGGERED_AT + 10_000;
    const originalRow = await fixture.assignmentRow(original.id);
    for (const view of result.assignments) {
      const row = await fixture.assignmentRow(view.id);
      // The same shape as the trigger's row for the same role, shifted to the time of adding.
      expect(row).toMatchObject({
        status: 'sent',
        planRoleId: trace.id,
        departmentId: originalRow.departmentId,
        roleName: originalRow.roleName,
        instructions: originalRow.instructions,
        targetLat: originalRow.targetLat,
        targetLng: originalRow.targetLng,
        pushAttempts: 1,
        ackTimeoutSeconds: 60,
        escalationSteps: originalRow.escalationSteps,
      });
      expect(row.sentAt.getTime()).toBe(addedAt);
      expect(row.nextPushAt!.getTime()).toBe(addedAt + FIRST_REPUSH_AFTER_MS);
      expect(row.nextEscalationAt!.getTime()).toBe(addedAt + 60_000);
    }
    // Pushed (announce), told to the board, notified by SMS, audited, and the gap is gone.
    const pushed = fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentNew').map((sent) => sent.to);
    expect(pushed.sort()).toEqual(people.map(fixture.user).sort());
    expect(fixture.emitter.sent.some((sent) => sent.kind === 'incidentUpdated')).toBe(true);
    expect((await fixture.pendingFor(result.assignments.map((view) => view.id))).length).toBeGreaterThanOrEqual(people.length);
    const detail = await getIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id } });
    expect(detail.shortfalls.find((row) => row.planRoleId === trace.id)).toBeUndefined();
    expect(detail.assignments).toHaveLength(first.length + people.length);
    expect(detail.timeline.some((entry) => entry.action === 'incident.reinforced')).toBe(true);

    // The added card escalates on its own clock like a trigger card: re-alert 60 s after it was added.
    await fixture.at(70);
    const steps = await fixture.steps(incident.id);
    const added = new Set(result.assignments.map((view) => view.id));
    expect(steps.filter((step) => step.action === 'escalation.realert' && added.has(step.data.assignmentId))).toHaveLength(people.length);
  });

  it('adds a whole plan role: its on-duty members not yet on the incident; a free role gets its own name and words', async () => {
    const { incident, intercept } = await setup();
    const whole = await reinforceIncident({
      ctx: await fixture.ctxAt('duty'),
      input: { incidentId: incident.id, planRoleId: intercept.id },
    });
    expect(whole.assignments.map((view) => view.username)).toEqual(['emerg4']);

    const free = await reinforceIncident({
      ctx: await fixture.ctxAt('duty'),
      input: {
        incidentId: incident.id,
        userIds: [fixture.user('police2')],
        roleName: '下游取样组',
        instructions: '在大坝下游 200 m 取水样',
      },
    });
    expect(free.assignments[0]).toMatchObject({ username: 'police2', role: '下游取样组', status: 'sent' });
    const row = await fixture.assignmentRow(free.assignments[0]!.id);
    const police1Card = (
      await fixture.db
        .select()
        .from(assignments)
        .where(eq(assignments.userId, fixture.user('police1')))
    )[0]!;
    // A free role: the person's own department (its supervisor is the one escalation reaches), the incident's location.
    expect(row).toMatchObject({
      instructions: '在大坝下游 200 m 取水样',
      departmentId: police1Card.departmentId,
      targetLat: incident.location.lat,
    });
    expect(row.nextEscalationAt).not.toBeNull();
  });

  it('refuses, storing nothing: another jurisdiction, someone already on the incident, a lifted incident, no role, field staff', async () => {
    const { incident, trace, snapshot } = await setup();
    const duty = await fixture.ctxAt('duty');
    const before = await snapshot();
    const base = { incidentId: incident.id, planRoleId: trace.id };

    expect(await refusal(reinforceIncident({ ctx: duty, input: { ...base, userIds: [fixture.user('env1')] } }))).toEqual({
      code: 'conflict',
      key: 'alreadyOnIncident',
    });
    expect(await refusal(reinforceIncident({ ctx: duty, input: { ...base, userIds: [fixture.user('duty2')] } }))).toEqual({
      code: 'invalid_input',
      key: 'unknownPerson',
    });
    expect(await refusal(reinforceIncident({ ctx: duty, input: { ...base, userIds: ['no-such-person'] } }))).toMatchObject({
      key: 'unknownPerson',
    });
    expect(
      await refusal(reinforceIncident({ ctx: duty, input: { incidentId: incident.id, userIds: [fixture.user('env4')] } })),
    ).toMatchObject({
      key: 'reinforcementRoleRequired',
    });
    expect(await refusal(reinforceIncident({ ctx: duty, input: { ...base, planRoleId: 'not-in-this-plan' } }))).toMatchObject({
      key: 'unknownPlanRole',
    });
    const elsewhere = { ...duty, actor: { ...duty.actor, jurisdictionId: 'another-jurisdiction' } };
    expect(await refusal(reinforceIncident({ ctx: elsewhere, input: { ...base, userIds: [fixture.user('env4')] } }))).toMatchObject({
      code: 'not_found',
    });
    expect(
      await refusal(reinforceIncident({ ctx: await fixture.ctxAt('env2'), input: { ...base, userIds: [fixture.user('env4')] } })),
    ).toMatchObject({ code: 'forbidden' });
    expect(await snapshot()).toEqual(before);

    await liftIncident({ ctx: duty, input: { incidentId: incident.id, reason: '演练结束' } });
    const lifted = await snapshot();
    expect(await refusal(reinforceIncident({ ctx: duty, input: { ...base, userIds: [fixture.user('env4')] } }))).toEqual({
      code: 'conflict',
      key: 'incidentAlreadyLifted',
    });
    expect(await snapshot()).toEqual(lifted);
  });
});

describe('撤回: standing a person down', () => {
  it('closes the card with its reason, stops escalation and messages, reopens the gap and tells the phone', async () => {
    const { incident, original, trace } = await setup();
    await fixture.at(30);
    const before = (await getIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id } })).counts;
    const view = await standDownAssignment({
      ctx: await fixture.ctxAt('duty'),
      input: { assignmentId: original.id, reason: '  已另派专业队伍  ' },
    });
    expect(view).toMatchObject({ status: 'stood_down', stoodDownReason: '已另派专业队伍' });
    expect(view.closedAt).toBe(new Date(TRIGGERED_AT + 30_000).toISOString());
    const row = await fixture.assignmentRow(original.id);
    expect(row).toMatchObject({ nextEscalationAt: null, nextPushAt: null, status: 'stood_down' });
    // What was queued for the card is cancelled; what is left is the stand-down notice itself.
    expect((await fixture.pendingFor([original.id])).map((row) => row.kind)).toEqual(['stood_down']);
    for (const seconds of [60, 120, 600]) await fixture.at(seconds);
    expect((await fixture.steps(incident.id)).filter((step) => step.data.assignmentId === original.id)).toEqual([]);

    expect(fixture.emitter.sent.find((sent) => sent.kind === 'assignmentStoodDown')).toMatchObject({
      to: fixture.user('env1'),
      payload: { assignmentId: original.id, incidentId: incident.id, reason: '已另派专业队伍' },
    });
    const detail = await getIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id } });
    const gap = detail.shortfalls.find((row) => row.planRoleId === trace.id)!;
    expect(gap.required).toBe(3);
    // The header's 已收到 n/N no longer waits for a card that was stood down.
    expect(detail.counts).toEqual({ total: before.total - 1, acknowledged: 0, unacknowledged: before.total - 1 });
    expect(detail.timeline.find((entry) => entry.action === 'assignment.stood_down')?.data).toMatchObject({ reason: '已另派专业队伍' });

    // A phone that was away holds the card still: the sync answer drops it and says why.
    const reply = await syncAssignments({ ctx: await fixture.ctxAt('env1'), input: { held: [original.id] } });
    expect(reply.held).toEqual([]);
    expect(reply.missing.map((card) => card.assignmentId)).not.toContain(original.id);
    expect(reply.stoodDown).toEqual([{ assignmentId: original.id, incidentId: incident.id, reason: '已另派专业队伍' }]);
  });

  it('refuses, storing nothing: no reason, too long a reason, a closed card, another jurisdiction, field staff', async () => {
    const { original, snapshot } = await setup();
    const duty = await fixture.ctxAt('duty');
    const before = await snapshot();
    const input = { assignmentId: original.id };
    expect(await refusal(standDownAssignment({ ctx: duty, input }))).toEqual({ code: 'invalid_input', key: 'standDownReasonRequired' });
    expect(await refusal(standDownAssignment({ ctx: duty, input: { ...input, reason: ' 好 ' } }))).toMatchObject({
      key: 'standDownReasonRequired',
    });
    expect(await refusal(standDownAssignment({ ctx: duty, input: { ...input, reason: '长'.repeat(201) } }))).toEqual({
      code: 'invalid_input',
      key: 'standDownReasonTooLong',
    });
    const elsewhere = { ...duty, actor: { ...duty.actor, jurisdictionId: 'another-jurisdiction' } };
    expect(await refusal(standDownAssignment({ ctx: elsewhere, input: { ...input, reason: '已另派' } }))).toMatchObject({
      code: 'not_found',
    });
    expect(await refusal(standDownAssignment({ ctx: await fixture.ctxAt('env1'), input: { ...input, reason: '已另派' } }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await snapshot()).toEqual(before);

    await standDownAssignment({ ctx: duty, input: { ...input, reason: '已另派' } });
    const once = await snapshot();
    expect(await refusal(standDownAssignment({ ctx: duty, input: { ...input, reason: '再撤一次' } }))).toEqual({
      code: 'conflict',
      key: 'assignmentAlreadyClosed',
    });
    expect(await snapshot()).toEqual(once);
    // Someone stood down cannot simply be added again: this incident's card is theirs already.
    expect(
      await refusal(
        reinforceIncident({ ctx: duty, input: { incidentId: original.incidentId, userIds: [fixture.user('env1')], roleName: '复派' } }),
      ),
    ).toEqual({ code: 'conflict', key: 'alreadyOnIncident' });
    expect(await snapshot()).toEqual(once);
  });
});
