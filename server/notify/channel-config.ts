import type { Env } from '../kernel/config/env';
import { getEnv } from '../kernel/config/env';

export type ChannelEnv = Pick<
  Env,
  | 'SMS_GATEWAY_URL'
  | 'SMS_GATEWAY_SECRET'
  | 'BOT_WEBHOOK_URL'
  | 'BOT_WEBHOOK_KIND'
  | 'BOT_WEBHOOK_SECRET'
  | 'VAPID_PUBLIC_KEY'
  | 'VAPID_PRIVATE_KEY'
  | 'VAPID_SUBJECT'
  | 'PUBLIC_BASE_URL'
  | 'HOST'
  | 'PORT'
>;

// The server that started the outbox worker owns the channel settings; verbs that enqueue (inside
// Next's bundle too) read them from here. Without a running server (scripts, unit tests that do
// not set it) they come from the process environment. On globalThis so both bundles share it.
const globalForChannels = globalThis as unknown as { ecodispatchChannelEnv?: ChannelEnv };

export function setChannelEnv(env: ChannelEnv | undefined): void {
  globalForChannels.ecodispatchChannelEnv = env;
}

export function channelEnv(): ChannelEnv {
  return globalForChannels.ecodispatchChannelEnv ?? getEnv();
}

/** The address short links point at: PUBLIC_BASE_URL, else this server's own host and port. */
export function linkBaseUrl(env: ChannelEnv, port: number = env.PORT): string {
  return (env.PUBLIC_BASE_URL || `http://${env.HOST}:${port}`).replace(/\/+$/, '');
}
