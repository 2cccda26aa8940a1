import { channelEnv } from './channel-config';
import { configuredChannels } from './channel-policy';

/** What a browser needs to subscribe: whether Web Push is on, and the VAPID public key (public by design). */
export function getPushConfig(): { isEnabled: boolean; publicKey: string | null } {
  const env = channelEnv();
  const isEnabled = configuredChannels(env).has('web_push');
  return { isEnabled, publicKey: isEnabled ? env.VAPID_PUBLIC_KEY : null };
}
