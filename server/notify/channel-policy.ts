import type { NotificationChannel, NotificationKind } from '../../db/schema';
import type { Env } from '../config/env';

// Which channels carry which kind of message, when configured. The open page (Socket.IO) always
// carries everything and is not listed: these are the extra channels for a phone that is closed,
// asleep or out of data coverage. Voice is kept for steps that mean "nobody has answered yet".
export const CHANNELS_BY_KIND: Record<NotificationKind, NotificationChannel[]> = {
  assignment: ['sms', 'web_push'],
  realert: ['voice', 'sms', 'web_push'],
  backup: ['sms', 'web_push'],
  supervisor: ['sms', 'voice', 'webhook'],
  duty_officer: ['webhook', 'sms'],
  lifted: ['webhook'],
};

/** The channels this deployment has configured. */
export function configuredChannels(env: Env): Set<NotificationChannel> {
  const channels = new Set<NotificationChannel>();
  if (env.SMS_GATEWAY_URL) {
    channels.add('sms');
    channels.add('voice');
  }
  if (env.BOT_WEBHOOK_URL) channels.add('webhook');
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) channels.add('web_push');
  return channels;
}
