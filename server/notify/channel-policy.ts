import type { NotificationChannel, NotificationKind } from '../../db/schema';
import type { ChannelEnv } from './channel-config';

// Which channels carry which kind of message to a person, when configured. The open page
// (Socket.IO) always carries everything and is not listed: these are the extra channels for a
// phone that is closed, asleep or out of data coverage. Voice is kept for steps that mean
// "nobody has answered yet". A message to nobody in particular (userId null) goes to the group bot.
export const CHANNELS_BY_KIND: Record<NotificationKind, NotificationChannel[]> = {
  assignment: ['sms', 'web_push'],
  realert: ['voice', 'sms', 'web_push'],
  backup: ['sms', 'web_push'],
  supervisor: ['sms', 'voice', 'webhook'],
  duty_officer: ['webhook', 'sms'],
  lifted: ['sms', 'web_push'],
  // 撤回 reaches a phone whose page is closed like the card did, so nobody drives out for nothing.
  stood_down: ['sms', 'web_push'],
};

export const GROUP_CHANNELS: NotificationChannel[] = ['webhook'];

export type ChannelState = {
  channel: NotificationChannel;
  isConfigured: boolean;
  /** Variables still empty that the channel needs. */
  missing: (keyof ChannelEnv)[];
};

const REQUIRED: Record<NotificationChannel, (keyof ChannelEnv)[]> = {
  // A gateway that accepts unsigned requests would send SMS for anyone who finds its URL: both are required.
  sms: ['SMS_GATEWAY_URL', 'SMS_GATEWAY_SECRET'],
  voice: ['SMS_GATEWAY_URL', 'SMS_GATEWAY_SECRET'],
  // WeCom's key is part of the URL; DingTalk's signing secret is optional (its robot may use keywords instead).
  webhook: ['BOT_WEBHOOK_URL'],
  web_push: ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'],
};

/** Each channel, whether it is on, and what it lacks. */
export function channelStates(env: ChannelEnv): ChannelState[] {
  return (Object.keys(REQUIRED) as NotificationChannel[]).map((channel) => {
    const missing = REQUIRED[channel].filter((name) => !env[name]);
    return { channel, isConfigured: missing.length === 0, missing };
  });
}

/** The channels this deployment has configured. */
export function configuredChannels(env: ChannelEnv): Set<NotificationChannel> {
  return new Set(
    channelStates(env)
      .filter((state) => state.isConfigured)
      .map((state) => state.channel),
  );
}

/** The channels a message of this kind takes, to a person or (userId null) to the group. */
export function channelsFor(kind: NotificationKind, isPersonal: boolean, configured: Set<NotificationChannel>): NotificationChannel[] {
  const wanted = isPersonal ? CHANNELS_BY_KIND[kind] : GROUP_CHANNELS;
  return wanted.filter((channel) => configured.has(channel));
}
