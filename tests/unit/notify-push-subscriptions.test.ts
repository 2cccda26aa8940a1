import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, pushSubscriptions } from '@/db/schema';
import { DomainError } from '@/server/kernel/errors';
import { translateError } from '@/server/kernel/i18n/translate-error';
import { setChannelEnv } from '@/server/notify/channel-config';
import { deletePushSubscription } from '@/server/notify/delete-push-subscription';
import { getPushConfig } from '@/server/notify/get-push-config';
import { savePushSubscription } from '@/server/notify/save-push-subscription';
import { createSeededDb } from '../helpers/fixtures';
import { useChannels } from '../helpers/notify-setup';
import { createBrowserKeys } from '../helpers/web-push-receiver';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => {
  fixture?.close();
  setChannelEnv(undefined);
});

const vapid = webpush.generateVAPIDKeys();
const enablePush = () => useChannels({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey });
const subscription = (endpoint = `https://fcm.googleapis.com/wp/${randomBytes(8).toString('hex')}`) => {
  const keys = createBrowserKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
};

describe('push subscriptions', () => {
  it('tell the browser the public key only while Web Push is configured', () => {
    useChannels({});
    expect(getPushConfig()).toEqual({ isEnabled: false, publicKey: null });
    enablePush();
    expect(getPushConfig()).toEqual({ isEnabled: true, publicKey: vapid.publicKey });
  });

  it('store one row per browser for field staff and duty officers; the same browser again replaces it', async () => {
    enablePush();
    fixture = await createSeededDb();
    const env1 = await fixture.ctxFor('env1');
    const browser = subscription();
    expect(await savePushSubscription({ ctx: env1, input: browser })).toMatchObject({ isNew: true });
    expect(await savePushSubscription({ ctx: env1, input: { ...browser, keys: subscription().keys } })).toMatchObject({ isNew: false });
    expect(await savePushSubscription({ ctx: await fixture.ctxFor('duty'), input: subscription() })).toMatchObject({ isNew: true });
    // A shared phone: the endpoint moves to whoever registered it last.
    const env2 = await fixture.ctxFor('env2');
    await savePushSubscription({ ctx: env2, input: browser });
    const rows = await fixture.db.select().from(pushSubscriptions);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.endpoint === browser.endpoint)!.userId).toBe(env2.actor.id);
    const audit = (await fixture.db.select().from(auditEvents)).filter((event) => event.action === 'push.subscribed');
    expect(audit).toHaveLength(4);
  });

  it('refuse bad input, other roles and an unconfigured server, storing nothing', async () => {
    enablePush();
    fixture = await createSeededDb();
    const env1 = await fixture.ctxFor('env1');
    const good = subscription();
    const bad: [unknown, string][] = [
      [{ ...good, endpoint: 'http://127.0.0.1:9/push' }, 'endpoint'],
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, endpoint: `https://push.example/${'a'.repeat(2_100)}` }, 'endpoint'],
      [{ endpoint: good.endpoint }, 'keys'],
      [{ ...good, keys: { ...good.keys, p256dh: 'short' } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: 'has spaces and !!!' } }, 'keys.auth'],
      ['nonsense', 'body'],
    ];
    for (const [input, field] of bad) {
      await expect(savePushSubscription({ ctx: env1, input }), field).rejects.toMatchObject({ code: 'invalid_input', details: { field } });
    }
    for (const username of ['ent1', 'admin']) {
      await expect(savePushSubscription({ ctx: await fixture.ctxFor(username), input: good })).rejects.toMatchObject({ code: 'forbidden' });
    }
    useChannels({});
    const refused = await savePushSubscription({ ctx: env1, input: good }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(translateError(refused as DomainError, 'zh-CN')).toBe('服务器未启用网页推送。');
    expect(translateError(refused as DomainError, 'en')).toBe('Web Push is not enabled on this server.');
    expect(await fixture.db.select().from(pushSubscriptions)).toEqual([]);
  });

  it('delete only the caller’s own browser, and a repeat is harmless', async () => {
    enablePush();
    fixture = await createSeededDb();
    const env1 = await fixture.ctxFor('env1');
    const browser = subscription();
    await savePushSubscription({ ctx: env1, input: browser });
    expect(await deletePushSubscription({ ctx: await fixture.ctxFor('env2'), input: { endpoint: browser.endpoint } })).toEqual({
      removed: 0,
    });
    expect(await deletePushSubscription({ ctx: env1, input: { endpoint: browser.endpoint } })).toEqual({ removed: 1 });
    expect(await deletePushSubscription({ ctx: env1, input: { endpoint: browser.endpoint } })).toEqual({ removed: 0 });
    await expect(deletePushSubscription({ ctx: env1, input: {} })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
