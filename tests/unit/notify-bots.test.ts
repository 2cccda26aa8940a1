import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifications } from '@/db/schema';
import { liftIncident, triggerIncident } from '@/server/dispatch';
import { setChannelEnv } from '@/server/notify/channel-config';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';
import { manualOutbox, useChannels } from '../helpers/notify-setup';
import { startRecordingGateway, type RecordingGateway } from '../helpers/recording-gateway';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
let gateway: RecordingGateway;

beforeEach(async () => {
  gateway = await startRecordingGateway();
});
afterEach(async () => {
  fixture?.close();
  setChannelEnv(undefined);
  await gateway.close();
});

async function triggerWith(variables: Record<string, string>) {
  const env = useChannels(variables);
  fixture = await createSeededDb();
  const duty = await fixture.ctxFor('duty');
  const result = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河西永段河面发现油污' },
  });
  return { env, duty, result, outbox: manualOutbox(fixture.db, env) };
}

const ASSIGNEE_MOBILES = ['13808300101', '13808300102', '13908300201', '13708300301'].sort();

describe('group bots', () => {
  it('posts one WeCom text per activation, listing every role and @mentioning the assignees, and one at the lift', async () => {
    const { duty, result, outbox } = await triggerWith({ BOT_WEBHOOK_URL: `${gateway.url}/cgi-bin/webhook/send?key=abc-123` });
    const rows = await fixture.db.select().from(notifications);
    expect(rows.map((row) => [row.channel, row.kind, row.userId, row.assignmentId])).toEqual([['webhook', 'assignment', null, null]]);

    expect(await outbox.tick()).toEqual(['sent']);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.url).toBe('/cgi-bin/webhook/send?key=abc-123');
    const body = gateway.json<{ msgtype: string; text: { content: string; mentioned_mobile_list: string[] } }>(0);
    expect(Object.keys(body).sort()).toEqual(['msgtype', 'text']);
    expect(body.msgtype).toBe('text');
    expect(body.text.content).toContain('【一键启动】水体油污/非法倾倒（水体油污/非法倾倒应急预案）');
    expect(body.text.content).toContain('已派发 4 人');
    for (const assignment of result.assignments) expect(body.text.content).toContain(`· ${assignment.role}：${assignment.userName}`);
    expect([...body.text.mentioned_mobile_list].sort()).toEqual(ASSIGNEE_MOBILES);

    await liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason: '演练结束' } });
    outbox.advance(1_000);
    expect(await outbox.tick()).toEqual(['sent']);
    const lifted = gateway.json<{ text: { content: string; mentioned_mobile_list: string[] } }>(1);
    expect(lifted.text.content).toMatch(/^【警报解除】水体油污\/非法倾倒（水体油污\/非法倾倒应急预案）已于 \d\d:\d\d 解除/);
    expect(lifted.text.mentioned_mobile_list).toEqual([]);
  });

  it('signs DingTalk requests with timestamp and sign, and @mentions in the text as DingTalk requires', async () => {
    const secret = 'SEC0123456789abcdef';
    const { outbox } = await triggerWith({
      BOT_WEBHOOK_URL: `${gateway.url}/robot/send?access_token=tok`,
      BOT_WEBHOOK_KIND: 'dingtalk',
      BOT_WEBHOOK_SECRET: secret,
    });
    expect(await outbox.tick()).toEqual(['sent']);
    const url = new URL(gateway.requests[0]!.url, gateway.url);
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('access_token')).toBe('tok');
    const timestamp = url.searchParams.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    // As DingTalk's server checks it: HmacSHA256 over "timestamp\nsecret", base64, URL-encoded in the query.
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(gateway.requests[0]!.url).toContain(`sign=${encodeURIComponent(expected)}`);

    const body = gateway.json<{ msgtype: string; text: { content: string }; at: { atMobiles: string[]; isAtAll: boolean } }>(0);
    expect(Object.keys(body).sort()).toEqual(['at', 'msgtype', 'text']);
    expect(body.msgtype).toBe('text');
    expect([...body.at.atMobiles].sort()).toEqual(ASSIGNEE_MOBILES);
    expect(body.at.isAtAll).toBe(false);
    for (const mobile of ASSIGNEE_MOBILES) expect(body.text.content).toContain(`@${mobile}`);
    expect(body.text.content).toContain('【一键启动】');
  });

  it('counts a robot errcode as a failed attempt, to be retried', async () => {
    const { outbox } = await triggerWith({ BOT_WEBHOOK_URL: `${gateway.url}/robot/send?access_token=tok`, BOT_WEBHOOK_KIND: 'dingtalk' });
    gateway.replyWith({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    expect(await outbox.tick()).toEqual(['retry']);
    const [row] = await fixture.db.select().from(notifications).where(eq(notifications.channel, 'webhook'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'bot_error: errcode 310000' });
    // Without a secret, no signature is added.
    expect(gateway.requests[0]!.url).toBe('/robot/send?access_token=tok');
  });
});
