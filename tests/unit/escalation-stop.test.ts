import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '@/db/schema';
import { setChannelEnv } from '@/server/notify/channel-config';
import { acknowledgeAssignment, liftIncident, updateAssignmentStatus } from '@/server/dispatch';
import { enqueueNotifications } from '@/server/notify/enqueue-notifications';
import { loadAssignmentView } from '@/server/dispatch/views';
import { createEscalationFixture } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// Channels configured, so every step queues real outbox rows that an acknowledgement must cancel.
beforeAll(() => {
  useChannels({
    SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
    SMS_GATEWAY_SECRET: 'test-secret',
    BOT_WEBHOOK_URL: 'http://127.0.0.1:9/bot',
  });
});
afterAll(() => setChannelEnv(undefined));

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(() => fixture?.close());

const STEP_SECONDS = [60, 120, 180, 240];

describe('one acknowledgement stops every pending step and channel', () => {
  it.each([0, 1, 2, 3])('after %i steps, 收到 stops the rest and cancels what is queued', async (stepsBefore) => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    for (const seconds of STEP_SECONDS.slice(0, stepsBefore)) await fixture.at(seconds);
    expect(await fixture.steps(incident.id)).toHaveLength(stepsBefore);
    // The trigger's own SMS (queued by hand here) plus whatever the steps queued, all still pending.
    await enqueueNotifications(
      fixture.db,
      {
        jurisdictionId: fixture.ids.jurisdictionId,
        incidentId: incident.id,
        assignmentId: original.id,
        userId: original.userId,
        kind: 'assignment',
      },
      fixture.now(),
    );
    const backups = (await fixture.backupsOf(original.id)).map((row) => row.id);
    expect((await fixture.pendingFor([original.id, ...backups])).length).toBeGreaterThan(0);

    const view = await acknowledgeAssignment({ ctx: await fixture.ctxAt('env1'), input: { assignmentId: original.id } });

    expect(await fixture.pendingFor([original.id, ...backups])).toEqual([]);
    // The board row it answers and announces is built from what it wrote: the same as read back.
    expect(view).toEqual(await loadAssignmentView(fixture.db, original.id));
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ nextEscalationAt: null, escalationStep: stepsBefore });
    fixture.emitter.sent.length = 0;
    for (const seconds of [...STEP_SECONDS, 600, 3_600]) expect(await fixture.at(seconds)).toEqual([]);
    expect(await fixture.steps(incident.id)).toHaveLength(stepsBefore);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'escalationRaised' || sent.kind === 'assignmentNew')).toEqual([]);
  });

  it("the backup's 收到 covers the role: the original's chain and its queued messages stop", async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    await fixture.at(60);
    await fixture.at(120);
    const [backup] = await fixture.backupsOf(original.id);
    expect(backup!.userId).toBe(fixture.user('env3'));
    expect((await fixture.pendingFor([original.id])).length).toBeGreaterThan(0);

    const view = await acknowledgeAssignment({ ctx: await fixture.ctxAt('env3'), input: { assignmentId: backup!.id } });
    expect(await fixture.pendingFor([original.id, backup!.id])).toEqual([]);
    expect(view).toEqual(await loadAssignmentView(fixture.db, backup!.id));
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ nextEscalationAt: null, status: 'sent' });
    for (const seconds of [180, 240, 3_600]) expect(await fixture.at(seconds)).toEqual([]);
    expect((await fixture.steps(incident.id)).map((step) => step.action)).toEqual(['escalation.realert', 'escalation.backup']);
  });

  it("the original's late 收到 cancels the backup's queued page too (the backup keeps the card)", async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { original } = await fixture.trigger();
    await fixture.at(60);
    await fixture.at(120);
    const [backup] = await fixture.backupsOf(original.id);
    expect((await fixture.pendingFor([backup!.id])).map((row) => row.kind)).toContain('backup');

    await acknowledgeAssignment({ ctx: await fixture.ctxAt('env1'), input: { assignmentId: original.id } });
    expect(await fixture.pendingFor([backup!.id])).toEqual([]);
    expect(await fixture.assignmentRow(backup!.id)).toMatchObject({ status: 'sent', closedAt: null });
  });

  it('a later step (en route) also stops escalation, without a separate acknowledgement', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    await fixture.at(60);
    const ctx = await fixture.ctxAt('env1');
    await acknowledgeAssignment({ ctx, input: { assignmentId: original.id } });
    await updateAssignmentStatus({ ctx, input: { assignmentId: original.id, status: 'en_route' } });
    for (const seconds of [120, 180, 240]) expect(await fixture.at(seconds)).toEqual([]);
    expect(await fixture.steps(incident.id)).toHaveLength(1);
  });

  it('警报解除 stops every chain and cancels everything queued for the incident', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident } = await fixture.trigger();
    await fixture.at(60);
    await fixture.at(120);
    await liftIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id, reason: '演练结束' } });
    const queued = await fixture.db.select().from(notifications).where(eq(notifications.incidentId, incident.id));
    expect(queued.filter((row) => row.status === 'pending' && row.kind !== 'lifted')).toEqual([]);
    fixture.emitter.sent.length = 0;
    for (const seconds of [180, 240, 3_600]) expect(await fixture.at(seconds)).toEqual([]);
    expect(fixture.emitter.sent).toEqual([]);
  });
});
