import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../../db';
import { pushSubscriptions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier';
import { postJson } from './post-json';

export type VapidConfig = { publicKey: string; privateKey: string; subject: string };

// How long the push service keeps a message for a phone that is off; a role card is urgent,
// and after an hour the SMS and the escalation steps have long taken over.
const TIME_TO_LIVE_SECONDS = 3_600;

/**
 * Web Push with VAPID to every browser the person allowed. The library encrypts and signs; the
 * request itself goes through the same fetch as the other channels (timeout, error mapping).
 * A push service answering 404/410 means the subscription is gone: it is deleted.
 */
export function webPushNotifier(db: Db, vapid: VapidConfig): Notifier {
  return {
    channel: 'web_push',
    async send(message: OutgoingMessage) {
      if (!message.userId) throw new DeliveryError('no_subscription', true);
      const userId = message.userId;
      const subscriptions = await withTransaction(db, (tx) =>
        tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)),
      );
      if (subscriptions.length === 0) throw new DeliveryError('no_subscription', true);

      const payload = JSON.stringify(message.push);
      let delivered = 0;
      let lastError: DeliveryError | null = null;
      for (const subscription of subscriptions) {
        try {
          await sendOne(subscription, payload, vapid);
          delivered += 1;
        } catch (error) {
          const failure = error instanceof DeliveryError ? error : new DeliveryError('network', false, String(error));
          if (failure.reason === 'http_404' || failure.reason === 'http_410') {
            await withTransaction(db, (tx) => tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id)));
          } else {
            lastError = failure;
          }
        }
      }
      if (delivered > 0) return;
      throw lastError ?? new DeliveryError('subscription_gone', true);
    },
  };
}

async function sendOne(subscription: { endpoint: string; p256dh: string; auth: string }, payload: string, vapid: VapidConfig) {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    payload,
    {
      vapidDetails: vapid,
      TTL: TIME_TO_LIVE_SECONDS,
      urgency: 'high',
      contentEncoding: 'aes128gcm',
    },
  );
  // fetch computes the length itself; the library's numeric Content-Length would clash.
  const headers = Object.fromEntries(
    Object.entries(details.headers)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name, String(value)]),
  );
  await postJson(details.endpoint, details.body ?? new Uint8Array(), headers);
}
