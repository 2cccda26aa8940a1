import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents, notifications, users } from '@/db/schema';
import { acknowledgeAssignment, liftIncident, standDownAssignment, triggerIncident } from '@/server/dispatch';
import { cardLinkCode } from '@/server/notify/card-link';
import { claimDueNotifications } from '@/server/notify/claim-due-notifications';
import { setChannelEnv } from '@/server/notify/channel-config';
import { MAX_ATTEMPTS, retryDelayMs } from '@/server/notify/record-delivery-outcome';
import { signGatewayRequest } from '@/server/notify/sms-gateway-notifier';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';
import { LINK_BASE, manualOutbox, useChannels } from '../helpers/notify-setup';
import { startRecordingGateway, type RecordingGateway } from '../helpers/recording-gateway';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
let gateway: RecordingGateway;
const SECRET = 'gateway-shared-secret';

beforeEach(async () => {
  gateway = await startRecordingGateway();
});
afterEach(async () => {
  fixture?.close();
  setChannelEnv(undefined);
  await gateway.close();
});

async function trigger(options: { drill?: boolean } = {}) {
  const env = useChannels({ SMS_GATEWAY_URL: `${gateway.url}/sms`, SMS_GATEWAY_SECRET: SECRET });
  fixture = await createSeededDb();
  const duty = await fixture.ctxFor('duty');
  const result = await triggerIncident({
    ctx: duty,
    input: {
      planId: fixture.ids.planIds.get('water_oil')!,
      location: RIVER_POINT,
      description: '梁滩河西永段河面发现大片油污',
      drill: options.drill ?? false,
    },
  });
  const byUser = (username: string) => result.assignments.find((a) => a.username === username)!;
  return { env, result, byUser, outbox: manualOutbox(fixture.db, env) };
}

type SmsBody = { id: string; to: string; text: string; kind: string };
const smsTo = (phone: string) => gateway.requests.filter((request) => (JSON.parse(request.text) as SmsBody).to === phone);

describe('SMS through the HTTP gateway', () => {
  it('sends one signed SMS per assignee, in Chinese, with the role and a short link to the card', async () => {
    const { result, outbox } = await trigger({ drill: true });
    expect(result.assignments).toHaveLength(4);

    expect(await outbox.tick()).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(gateway.requests).toHaveLength(4);
    for (const request of gateway.requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/sms');
      expect(request.headers.authorization).toBe(`Bearer ${SECRET}`);
      const timestamp = request.headers['x-ecodispatch-timestamp'] as string;
      expect(request.headers['x-ecodispatch-signature']).toBe(signGatewayRequest(SECRET, timestamp, request.text));
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    for (const assignment of result.assignments) {
      const [request] = smsTo(assignment.phone);
      expect(request, assignment.username).toBeDefined();
      const body = JSON.parse(request!.text) as SmsBody;
      expect(body.kind).toBe('sms');
      expect(body.text.startsWith('【演练】')).toBe(true);
      expect(body.text).toContain(`您的任务：${assignment.role}`);
      expect(body.text).toContain('水体油污/非法倾倒');
      expect(body.text).toContain(`${LINK_BASE}/f/${cardLinkCode(assignment.id)}`);
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    }

    const rows = await fixture.db.select().from(notifications);
    expect(rows.map((row) => [row.channel, row.status, row.attempts])).toEqual(Array(4).fill(['sms', 'sent', 1]));
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.sent'));
    expect(audit).toHaveLength(4);
    expect(audit[0]!.incidentId).toBe(result.incident.id);
    expect(audit[0]!.data).toMatchObject({ channel: 'sms', kind: 'assignment' });

    // Nothing is sent twice.
    outbox.advance(60_000);
    expect(await outbox.tick()).toEqual([]);
    expect(gateway.requests).toHaveLength(4);
  });

  it('lets each queued message be claimed by one of several workers racing for it (several nodes)', async () => {
    await trigger();
    const queued = await fixture.db.select({ id: notifications.id }).from(notifications);
    expect(queued.length).toBeGreaterThan(1);
    // On PostgreSQL these run on separate connections at the same time, as on separate nodes.
    const later = new Date(Date.now() + 1_000);
    const claims = await Promise.all([1, 2, 3].map(() => claimDueNotifications(fixture.db, later, 100)));
    const claimedIds = claims.flat().map((row) => row.id);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.sort()).toEqual(queued.map((row) => row.id).sort());
  });

  it('retries a failing gateway with backoff, then marks the SMS failed with an audit row', async () => {
    const { byUser, outbox } = await trigger();
    gateway.replyWith({ status: 500, body: 'gateway down' });
    const phone = byUser('env1').phone;

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await outbox.tick()).toEqual(Array(4).fill('retry'));
      expect(smsTo(phone)).toHaveLength(attempt);
      // Not due again before the backoff has passed.
      outbox.advance(retryDelayMs(attempt) - 1_000);
      expect(await outbox.tick()).toEqual([]);
      outbox.advance(1_000);
    }
    expect(await outbox.tick()).toEqual(Array(4).fill('failed'));
    expect(smsTo(phone)).toHaveLength(MAX_ATTEMPTS);

    const rows = await fixture.db.select().from(notifications);
    expect(rows.every((row) => row.status === 'failed' && row.attempts === MAX_ATTEMPTS && row.lastError?.startsWith('http_500'))).toBe(
      true,
    );
    const failed = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.failed'));
    expect(failed).toHaveLength(4);
    expect(failed[0]!.data).toMatchObject({ channel: 'sms', kind: 'assignment', reason: 'http_500' });

    outbox.advance(3_600_000);
    expect(await outbox.tick()).toEqual([]);
  });

  it('does not retry a request the gateway refuses as malformed', async () => {
    const { outbox } = await trigger();
    gateway.replyWith({ status: 400, body: '{"error":"bad number"}' });
    expect(await outbox.tick()).toEqual(Array(4).fill('failed'));
    expect(gateway.requests).toHaveLength(4);
  });

  it('sends nothing to someone who acknowledged before the worker ran', async () => {
    const { byUser, outbox } = await trigger();
    await acknowledgeAssignment({ ctx: await fixture.ctxFor('env1'), input: { assignmentId: byUser('env1').id } });

    expect(await outbox.tick()).toHaveLength(3);
    expect(smsTo(byUser('env1').phone)).toHaveLength(0);
    expect(gateway.requests).toHaveLength(3);
    const [row] = await fixture.db
      .select()
      .from(notifications)
      .where(eq(notifications.assignmentId, byUser('env1').id));
    expect(row!.status).toBe('cancelled');
  });

  it('does not send a claimed SMS when 收到 arrives between the claim and the send', async () => {
    const { byUser, outbox } = await trigger();
    const claimed = await outbox.claimDue();
    expect(claimed).toHaveLength(4);
    await acknowledgeAssignment({ ctx: await fixture.ctxFor('env1'), input: { assignmentId: byUser('env1').id } });
    // And one whose card was acknowledged by a path that did not cancel the outbox row itself.
    await fixture.db
      .update(assignments)
      .set({ acknowledgedAt: new Date(), status: 'acknowledged' })
      .where(eq(assignments.id, byUser('env2').id));

    const results = await Promise.all(claimed.map((row) => outbox.deliver(row)));
    expect(results.filter((result) => result === 'sent')).toHaveLength(2);
    expect(smsTo(byUser('env1').phone)).toHaveLength(0);
    expect(smsTo(byUser('env2').phone)).toHaveLength(0);
    const statuses = await fixture.db
      .select({ assignmentId: notifications.assignmentId, status: notifications.status })
      .from(notifications);
    expect(
      statuses
        .filter((row) => row.status === 'cancelled')
        .map((row) => row.assignmentId)
        .sort(),
    ).toEqual([byUser('env1').id, byUser('env2').id].sort());
  });

  it('lifting the alarm cancels what is still queued, and tells every assignee by SMS, with the reason', async () => {
    const { result, outbox, byUser } = await trigger();
    await liftIncident({ ctx: await fixture.ctxFor('duty'), input: { incidentId: result.incident.id, reason: '油污已拦截回收' } });
    const results = await outbox.tick();
    expect(results.every((outcome) => outcome === 'sent')).toBe(true);
    // Exactly the lift, once per assignee: none of the cancelled card messages went out.
    expect(gateway.requests).toHaveLength(result.assignments.length);
    for (const assignment of result.assignments) {
      const sent = smsTo(byUser(assignment.username).phone).map((request) => (JSON.parse(request.text) as SmsBody).text);
      expect(sent).toEqual([expect.stringMatching(/^【警报解除】.*解除：油污已拦截回收。各组收队。$/)]);
    }
  });

  it('standing one person down cancels their queued card and tells them by SMS, with the reason; the others still get theirs', async () => {
    const { result, outbox, byUser } = await trigger();
    const env1 = byUser('env1');
    await standDownAssignment({ ctx: await fixture.ctxFor('duty'), input: { assignmentId: env1.id, reason: '已另派专业队伍' } });
    expect((await outbox.tick()).every((outcome) => outcome === 'sent')).toBe(true);
    expect(smsTo(env1.phone).map((request) => (JSON.parse(request.text) as SmsBody).text)).toEqual([
      '【撤回】王建国，您在水体油污/非法倾倒中的任务“溯源排查组”已撤回：已另派专业队伍。无需再前往，请知悉。',
    ]);
    // Everyone else: exactly their card.
    expect(gateway.requests).toHaveLength(result.assignments.length);
  });

  it('fails an SMS at once, with the reason, when the person has no phone number', async () => {
    const { byUser, outbox } = await trigger();
    await fixture.db
      .update(users)
      .set({ phone: '' })
      .where(eq(users.id, byUser('env1').userId));
    const results = await outbox.tick();
    expect(results.filter((result) => result === 'failed')).toHaveLength(1);
    const [row] = await fixture.db
      .select()
      .from(notifications)
      .where(eq(notifications.assignmentId, byUser('env1').id));
    expect(row).toMatchObject({ status: 'failed', lastError: 'no_phone', attempts: 1 });
    const [audit] = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.failed'));
    expect(audit!.data).toMatchObject({ reason: 'no_phone', recipientName: '王建国' });
  });
});

describe('with no channel configured', () => {
  it('queues nothing, and the in-app push still carries every card', async () => {
    useChannels({});
    fixture = await createSeededDb();
    const result = await triggerIncident({
      ctx: await fixture.ctxFor('duty'),
      input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河油污' },
    });
    expect(await fixture.db.select().from(notifications)).toEqual([]);
    const pushed = fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentNew').map((sent) => sent.to);
    expect(pushed.sort()).toEqual(result.assignments.map((a) => a.userId).sort());
  });
});
