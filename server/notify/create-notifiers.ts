import type { Db } from '../../db';
import type { NotificationChannel } from '../../db/schema';
import type { ChannelEnv } from './channel-config';
import { configuredChannels } from './channel-policy';
import { botWebhookNotifier } from './bot-webhook-notifier';
import type { Notifier } from './notifier';
import { smsGatewayNotifier } from './sms-gateway-notifier';
import { webPushNotifier } from './web-push-notifier';

/** One notifier per configured channel; a channel left out is simply not available. */
export function createNotifiers(env: ChannelEnv, db: Db): Map<NotificationChannel, Notifier> {
  const configured = configuredChannels(env);
  const notifiers = new Map<NotificationChannel, Notifier>();
  const gateway = { url: env.SMS_GATEWAY_URL, secret: env.SMS_GATEWAY_SECRET };
  if (configured.has('sms')) notifiers.set('sms', smsGatewayNotifier('sms', gateway));
  if (configured.has('voice')) notifiers.set('voice', smsGatewayNotifier('voice', gateway));
  if (configured.has('webhook')) {
    notifiers.set('webhook', botWebhookNotifier({ url: env.BOT_WEBHOOK_URL, kind: env.BOT_WEBHOOK_KIND, secret: env.BOT_WEBHOOK_SECRET }));
  }
  if (configured.has('web_push')) {
    notifiers.set(
      'web_push',
      webPushNotifier(db, { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT }),
    );
  }
  return notifiers;
}
