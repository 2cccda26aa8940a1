import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifications, pushSubscriptions, users } from '@/db/schema';
import { triggerIncident } from '@/server/dispatch';
import { setChannelEnv } from '@/server/notify/channel-config';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';
import { manualOutbox, useChannels } from '../helpers/notify-setup';
import { startRecordingGateway, type RecordingGateway } from '../helpers/recording-gateway';
import { createBrowserKeys, readVapidAuthorization } from '../helpers/web-push-receiver';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
let pushService: RecordingGateway;

beforeEach(async () => {
  pushService = await startRecordingGateway();
  pushService.replyWith({ status: 201 });
});
afterEach(async () => {
  fixture?.close();
  setChannelEnv(undefined);
  await pushService.close();
});

async function setup() {
  const vapid = webpush.generateVAPIDKeys();
  const env = useChannels({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:duty@example.gov.cn',
  });
  fixture = await createSeededDb();
  const [env1] = await fixture.db.select().from(users).where(eq(users.username, 'env1'));
  const browser = createBrowserKeys();
  // Inserted directly: the API only accepts https endpoints, and this push service is plain HTTP on loopback.
  await fixture.db.insert(pushSubscriptions).values({
    id: randomUUID(),
    userId: env1!.id,
    endpoint: `${pushService.url}/push/v2/abc`,
    p256dh: browser.p256dh,
    auth: browser.auth,
    createdAt: new Date(),
  });
  const result = await triggerIncident({
    ctx: await fixture.ctxFor('duty'),
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河油污' },
  });
  const card = result.assignments.find((a) => a.username === 'env1')!;
  return { vapid, browser, card, outbox: manualOutbox(fixture.db, env) };
}

describe('Web Push', () => {
  it('queues a push only for someone who subscribed, and delivers it encrypted with VAPID', async () => {
    const { vapid, browser, card, outbox } = await setup();
    const rows = await fixture.db.select().from(notifications);
    expect(rows.map((row) => [row.channel, row.assignmentId])).toEqual([['web_push', card.id]]);

    expect(await outbox.tick()).toEqual(['sent']);
    expect(pushService.requests).toHaveLength(1);
    const request = pushService.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/push/v2/abc');
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe('3600');
    expect(request.headers.urgency).toBe('high');
    expect(request.text).not.toContain(card.role);

    const authorization = readVapidAuthorization(request.headers.authorization!);
    expect(authorization.publicKey).toBe(vapid.publicKey);
    expect(authorization.isValid).toBe(true);
    expect(authorization.claims).toMatchObject({ aud: pushService.url, sub: 'mailto:duty@example.gov.cn' });

    const payload = JSON.parse(browser.decrypt(request.body)) as Record<string, string>;
    expect(payload).toEqual({
      title: `新任务：${card.role}`,
      body: expect.stringContaining('水体油污/非法倾倒'),
      url: `/field?card=${card.id}`,
      tag: `assignment:${card.id}`,
    });
  });

  it('forgets a subscription the push service says is gone, and fails the notification', async () => {
    const { outbox } = await setup();
    pushService.replyWith({ status: 410, body: 'expired' });
    expect(await outbox.tick()).toEqual(['failed']);
    expect(await fixture.db.select().from(pushSubscriptions)).toEqual([]);
    const [row] = await fixture.db.select().from(notifications);
    expect(row).toMatchObject({ status: 'failed', lastError: 'subscription_gone' });
  });
});
