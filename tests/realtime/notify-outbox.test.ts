import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, notifications } from '@/db/schema';
import { liftIncident } from '@/server/dispatch';
import { cardLinkCode } from '@/server/notify/card-link';
import { collect, settle, startRealtimeServer, waitFor } from '../helpers/realtime-server';
import { startRecordingGateway, type RecordingGateway } from '../helpers/recording-gateway';

let server: Awaited<ReturnType<typeof startRealtimeServer>> | undefined;
let gateway: RecordingGateway | undefined;
afterEach(async () => {
  await server?.stop();
  await gateway?.close();
  server = undefined;
  gateway = undefined;
});

describe('the outbox worker in the running server', () => {
  it('sends SMS and the group message after a trigger, alongside the in-app push, and the lift to the group and to everyone', async () => {
    gateway = await startRecordingGateway();
    server = await startRealtimeServer({
      SMS_GATEWAY_URL: `${gateway.url}/sms`,
      SMS_GATEWAY_SECRET: 'secret',
      BOT_WEBHOOK_URL: `${gateway.url}/bot?key=k`,
      PUBLIC_BASE_URL: 'https://ed.example.cn',
    });
    const env1 = await server.connectAs('env1');
    const cards = collect(env1, 'assignment:new');
    const board = collect(await server.connectAs('duty'), 'incident:updated');

    const result = await server!.triggerPlan('water_oil', { drill: false });
    const mine = result.assignments.find((a) => a.username === 'env1')!;
    await waitFor(() => cards.length === 1);
    await waitFor(() => gateway!.requests.length === 5, 8_000);

    const sms = gateway.requests
      .filter((request) => request.url === '/sms')
      .map((request) => JSON.parse(request.text) as { to: string; text: string });
    expect(sms.map((message) => message.to).sort()).toEqual(result.assignments.map((a) => a.phone).sort());
    expect(sms.find((message) => message.to === mine.phone)!.text).toContain(`https://ed.example.cn/f/${cardLinkCode(mine.id)}`);
    expect(gateway.requests.filter((request) => request.url === '/bot?key=k')).toHaveLength(1);
    // Each send is an audit row on the incident; the board hears about it and re-reads its timeline.
    let sentAudit: (typeof auditEvents.$inferSelect)[] = [];
    for (const deadline = Date.now() + 3_000; sentAudit.length !== 5 && Date.now() < deadline; await settle(20)) {
      sentAudit = await server!.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.sent'));
    }
    expect(sentAudit).toHaveLength(5);
    await waitFor(() =>
      sentAudit.every((row) => board.some((message) => message.messageId === `incident:${result.incident.id}:${row.id}`)),
    );

    await liftIncident({ ctx: await server.ctxFor('duty'), input: { incidentId: result.incident.id, reason: '演练结束' } });
    // The lift: once to the group, and to every assignee's phone by SMS.
    const expected = 5 + 1 + result.assignments.length;
    await waitFor(() => gateway!.requests.length === expected, 8_000);
    const lift = gateway.requests.slice(5);
    expect(lift.every((request) => request.text.includes('警报解除'))).toBe(true);
    expect(lift.filter((request) => request.url === '/bot?key=k')).toHaveLength(1);
    const liftSms = lift.filter((request) => request.url === '/sms').map((request) => (JSON.parse(request.text) as { to: string }).to);
    expect(liftSms.sort()).toEqual(result.assignments.map((a) => a.phone).sort());
    // Nothing is sent twice by later passes.
    await settle(1_500);
    expect(gateway.requests).toHaveLength(expected);
  });

  it('with nothing configured, the in-app channel works alone and nothing is queued', async () => {
    server = await startRealtimeServer();
    const env1 = await server.connectAs('env1');
    const cards = collect(env1, 'assignment:new');
    await server!.triggerPlan('water_oil', { drill: false });
    await waitFor(() => cards.length === 1);
    await settle(1_200);
    expect(await server.db.select().from(notifications)).toEqual([]);
  });
});
