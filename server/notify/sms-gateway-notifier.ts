import { createHmac } from 'node:crypto';
import type { NotificationChannel } from '../../db/schema';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier';
import { postJson } from './post-json';

export const SIGNATURE_HEADER = 'x-ecodispatch-signature';
export const TIMESTAMP_HEADER = 'x-ecodispatch-timestamp';

/** HMAC-SHA256 over "<timestamp>.<body>", hex, as the gateway should recompute it. */
export function signGatewayRequest(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * SMS and voice through one HTTP gateway: POST JSON {id, to, text, kind}. The bearer secret
 * authenticates; the signature over timestamp+body lets the gateway refuse replays and tampering.
 */
export function smsGatewayNotifier(
  channel: Extract<NotificationChannel, 'sms' | 'voice'>,
  config: { url: string; secret: string },
): Notifier {
  return {
    channel,
    async send(message: OutgoingMessage) {
      const to = message.phones[0];
      if (!to) throw new DeliveryError('no_phone', true);
      const body = JSON.stringify({ id: message.id, to, text: message.text, kind: channel });
      const timestamp = String(Math.floor(Date.now() / 1000));
      await postJson(config.url, body, {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${config.secret}`,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signGatewayRequest(config.secret, timestamp, body),
      });
    },
  };
}
