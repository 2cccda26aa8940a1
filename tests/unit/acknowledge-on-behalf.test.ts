import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { setChannelEnv } from '@/server/notify/channel-config';
import { acknowledgeAssignment, acknowledgeOnBehalf, liftIncident } from '@/server/dispatch';
import { DomainError } from '@/server/kernel/errors';
import { loadAssignmentView } from '@/server/dispatch/views';
import { createEscalationFixture, TRIGGERED_AT } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// 收到 on someone's behalf: a duty officer reached the assignee by phone and records it. It must
// count exactly as the app's 收到 (escalation and queued messages stop), say who recorded it and how,
// and be refused, changing nothing, to anyone else and for any card it does not fit.
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

describe('收到 on someone’s behalf', () => {
  it('stops the escalation like the app’s 收到 and records who, how and when', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    await fixture.at(60); // step 1 (re-alert) ran: env1's phone stayed silent
    const reachedAt = new Date(TRIGGERED_AT + 90_000).toISOString();
    await fixture.at(100);

    const view = await acknowledgeOnBehalf({
      ctx: await fixture.ctxAt('duty'),
      input: { assignmentId: original.id, reachedBy: 'phone_call', reachedAt, note: '本人在路上' },
    });

    expect(view).toMatchObject({ status: 'acknowledged', acknowledgedAt: reachedAt, acknowledgedVia: 'phone_call' });
    // Built from what was written, not read back: the same row.
    expect(view).toEqual(await loadAssignmentView(fixture.db, original.id));
    const row = await fixture.assignmentRow(original.id);
    expect(row).toMatchObject({ nextEscalationAt: null, nextPushAt: null, acknowledgedById: fixture.user('duty') });
    expect(await fixture.pendingFor([original.id])).toEqual([]);
    // Later ticks do nothing: no further step for this card.
    for (const seconds of [120, 180, 240, 600]) await fixture.at(seconds);
    expect((await fixture.steps(incident.id)).map((step) => step.action)).toEqual(['escalation.realert']);

    const [audit] = await fixture.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, original.id))
      .then((rows) => rows.filter((entry) => entry.action === 'assignment.acknowledged'));
    expect(audit).toMatchObject({
      actorId: fixture.user('duty'),
      data: { userId: fixture.user('env1'), reachedBy: 'phone_call', note: '本人在路上', occurredAt: reachedAt },
    });
    expect(fixture.emitter.sent.some((sent) => sent.kind === 'assignmentUpdated')).toBe(true);
  });

  it('keeps the time between the card’s sending and now', async () => {
    fixture = await createEscalationFixture();
    const { original } = await fixture.trigger();
    await fixture.at(30);
    const view = await acknowledgeOnBehalf({
      ctx: await fixture.ctxAt('duty'),
      input: { assignmentId: original.id, reachedBy: 'sms', reachedAt: new Date(TRIGGERED_AT + 3_600_000).toISOString() },
    });
    expect(view.acknowledgedAt).toBe(new Date(TRIGGERED_AT + 30_000).toISOString());
  });

  it('is refused, changing nothing, to field staff, across jurisdictions, twice, after the lift, and for bad input', async () => {
    fixture = await createEscalationFixture();
    const { incident, original } = await fixture.trigger();
    const duty = await fixture.ctxAt('duty');
    const input = { assignmentId: original.id, reachedBy: 'phone_call' };

    expect(await refusal(acknowledgeOnBehalf({ ctx: await fixture.ctxAt('env2'), input }))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(acknowledgeOnBehalf({ ctx: await fixture.ctxAt('env1'), input }))).toMatchObject({ code: 'forbidden' });
    const elsewhere = { ...duty, actor: { ...duty.actor, jurisdictionId: 'another-jurisdiction' } };
    expect(await refusal(acknowledgeOnBehalf({ ctx: elsewhere, input }))).toMatchObject({ code: 'not_found' });
    expect(await refusal(acknowledgeOnBehalf({ ctx: duty, input: { ...input, reachedBy: 'telepathy' } }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(acknowledgeOnBehalf({ ctx: duty, input: { ...input, note: 'x'.repeat(201) } }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ status: 'sent', acknowledgedVia: null, acknowledgedById: null });

    await acknowledgeAssignment({ ctx: await fixture.ctxAt('env1'), input: { assignmentId: original.id } });
    expect(await refusal(acknowledgeOnBehalf({ ctx: duty, input }))).toMatchObject({ code: 'conflict' });
    expect(await fixture.assignmentRow(original.id)).toMatchObject({ acknowledgedVia: null });

    await liftIncident({ ctx: duty, input: { incidentId: incident.id, reason: '演练结束' } });
    const other = (await fixture.trigger()).original;
    await liftIncident({ ctx: duty, input: { incidentId: other.incidentId, reason: '演练结束' } });
    expect(await refusal(acknowledgeOnBehalf({ ctx: duty, input: { ...input, assignmentId: other.id } }))).toMatchObject({
      code: 'conflict',
    });
  });
});
